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

// PeopleInScope returns the people who on d hold a post in a unit inside the
// scope, or whose membership events up to d name a party organization inside it.
func (r *Reader) PeopleInScope(ctx context.Context, roots []string, d tochuc.Date) (map[string]bool, error) {
	out := map[string]bool{}
	w := r.rec.where("")
	cte, args := r.rootsCTE(roots, d)
	err := r.each(ctx, cte+`SELECT person_id FROM assignments WHERE `+w+` AND `+validAt+` AND unit_id IN (SELECT id FROM scoped)
		UNION SELECT person_id FROM party WHERE `+w+` AND date <= ? AND unit_id IN (SELECT id FROM scoped)`,
		append(args, d, d, d), func(s scanner) error {
			var id string
			err := s.Scan(&id)
			out[id] = true
			return err
		})
	return out, err
}
