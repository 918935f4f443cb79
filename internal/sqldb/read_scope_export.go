package sqldb

import (
	"context"
	"slices"
)

// PeopleOfUnits returns the people who ever held a post in, or had a
// membership event naming, one of the units (sorted, each once).
func (r *Reader) PeopleOfUnits(ctx context.Context, units []string) ([]string, error) {
	seen := map[string]bool{}
	cur := r.rec.where("")
	for batch := range slices.Chunk(uniqueIDs(units), 500) {
		in := "(" + placeholders(len(batch)) + ")"
		for _, q := range []string{`SELECT DISTINCT person_id FROM assignments WHERE ` + cur + ` AND unit_id IN ` + in,
			`SELECT DISTINCT person_id FROM party WHERE ` + cur + ` AND unit_id IN ` + in} {
			err := r.each(ctx, q, anys(batch), func(s scanner) error {
				var p string
				err := s.Scan(&p)
				seen[p] = true
				return err
			})
			if err != nil {
				return nil, err
			}
		}
	}
	out := make([]string, 0, len(seen))
	for p := range seen {
		out = append(out, p)
	}
	slices.Sort(out)
	return out, nil
}
