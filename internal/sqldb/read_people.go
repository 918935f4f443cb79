package sqldb

import (
	"context"
	"slices"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// PersonNames returns the full names of people by id.
func (r *Reader) PersonNames(ctx context.Context, ids []string) (map[string]string, error) {
	out := map[string]string{}
	for batch := range slices.Chunk(uniqueIDs(ids), 500) {
		for _, id := range batch {
			out[id] = ""
		}
		err := r.each(ctx, `SELECT id, full_name FROM people WHERE `+r.rec.where("")+` AND id IN (`+placeholders(len(batch))+`)`,
			anys(batch), func(s scanner) error {
				var id, name string
				err := s.Scan(&id, &name)
				out[id] = name
				return err
			})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// People returns every person held, ordered by id.
func (r *Reader) People(ctx context.Context) ([]tochuc.Person, error) {
	var out []tochuc.Person
	err := r.each(ctx, `SELECT id, full_name, COALESCE(gender, ''), birth_date, COALESCE(ethnicity, ''), COALESCE(religion, ''),
		died_on FROM people WHERE `+r.rec.where("")+` ORDER BY id`, nil, func(s scanner) error {
		var p tochuc.Person
		err := s.Scan(&p.ID, &p.FullName, &p.Gender, &p.BirthDate, &p.Ethnicity, &p.Religion, &p.DiedOn)
		out = append(out, p)
		return err
	})
	return out, err
}
