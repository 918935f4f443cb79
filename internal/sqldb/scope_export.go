package sqldb

// UnitsEverUnder returns every unit that has ever been the scope unit or
// under it, through the parent_id or locality_id links of any of its
// versions: the units of a scope's whole history, for a scoped export.
func (r *Reader) UnitsEverUnder(scope string) (map[string]bool, error) {
	cur := r.rec.where("")
	out := map[string]bool{}
	err := r.each(`WITH RECURSIVE links(child, parent) AS (
		SELECT id, parent_id FROM units WHERE `+cur+` AND parent_id IS NOT NULL
		UNION ALL
		SELECT id, locality_id FROM units WHERE `+cur+` AND locality_id IS NOT NULL
	), under(id) AS (
		SELECT CAST(? AS TEXT)
		UNION
		SELECT l.child FROM links l JOIN under u ON l.parent = u.id
	) SELECT id FROM under`, []any{scope}, func(s scanner) error {
		var id string
		err := s.Scan(&id)
		out[id] = true
		return err
	})
	return out, err
}

// PeopleOfUnits returns the people who ever held a post in, or had a
// membership event naming, one of the units.
func (r *Reader) PeopleOfUnits(units map[string]bool) (map[string]bool, error) {
	out := map[string]bool{}
	for _, q := range []string{`SELECT DISTINCT person_id, unit_id FROM assignments WHERE ` + r.rec.where(""),
		`SELECT DISTINCT person_id, unit_id FROM party WHERE unit_id IS NOT NULL AND ` + r.rec.where("")} {
		err := r.each(q, nil, func(s scanner) error {
			var p, u string
			if err := s.Scan(&p, &u); err != nil {
				return err
			}
			if units[u] {
				out[p] = true
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}
