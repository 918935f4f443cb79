package sqldb

import (
	"context"
	"slices"
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
