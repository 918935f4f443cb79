package sqldb

import (
	"context"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// ScopedUnitIDs returns the units inside a scope on d: the scope unit and
// every unit reaching it through parent_id or locality_id links as they stand on d.
func (r *Reader) ScopedUnitIDs(ctx context.Context, roots []string, d tochuc.Date) (map[string]bool, error) {
	out := map[string]bool{}
	cte, args := r.rootsCTE(roots, d)
	err := r.each(ctx, cte+`SELECT id FROM scoped`, args, func(s scanner) error {
		var id string
		err := s.Scan(&id)
		out[id] = true
		return err
	})
	return out, err
}
