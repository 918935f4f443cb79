package sqldb

import (
	"slices"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// Comparison is what changed between two dates (see tochuc.Comparison).
type Comparison = tochuc.Comparison

// Compare returns what changed between two dates (from < to) inside a scope ("" = everything).
func (r *Reader) Compare(from, to tochuc.Date, scope string) (*Comparison, error) {
	c, err := r.compare(from, to)
	if err != nil {
		return nil, err
	}
	var in [2]map[string]bool // the units inside the scope on each date; nil: everything
	if scope != "" {
		for i, d := range []tochuc.Date{from, to} {
			if in[i], err = r.ScopedUnitIDs(scope, d); err != nil {
				return nil, err
			}
		}
		keepScoped(c, in[0], in[1])
	}
	if c.Events, err = r.partyEventCounts(from, to, scope); err != nil {
		return nil, err
	}
	for i, d := range []tochuc.Date{from, to} {
		staff, err := r.staffByUnit(d)
		if err != nil {
			return nil, err
		}
		for id, n := range staff {
			if in[i] == nil || in[i][id] {
				c.Staff[i] += n
			}
		}
	}
	return c, nil
}

// compare lists the units, restructuring links and posts that changed
// between two dates, everywhere.
func (r *Reader) compare(from, to tochuc.Date) (*Comparison, error) {
	c := &Comparison{From: from, To: to}
	before, err := r.UnitsAsOf(from, tochuc.UnitFilter{})
	if err != nil {
		return nil, err
	}
	after, err := r.UnitsAsOf(to, tochuc.UnitFilter{})
	if err != nil {
		return nil, err
	}
	was := map[string]tochuc.Unit{}
	for _, u := range before {
		was[u.ID] = u
	}
	is := map[string]bool{}
	for _, u := range after {
		is[u.ID] = true
		if old, ok := was[u.ID]; !ok {
			c.Created = append(c.Created, u)
		} else if old.Name != u.Name {
			c.Renamed = append(c.Renamed, [2]tochuc.Unit{old, u})
		}
	}
	for _, u := range before {
		if !is[u.ID] {
			c.Ended = append(c.Ended, u)
		}
	}
	w := r.rec.where("")
	err = r.each(`SELECT event_id, date, kind, COALESCE(from_unit_id, ''), COALESCE(to_unit_id, ''), COALESCE(document_id, '')
		FROM restructure WHERE `+w+` AND date > ? AND date <= ? ORDER BY date, event_id`, []any{from, to}, func(s scanner) error {
		var l tochuc.RestructureLink
		err := s.Scan(&l.EventID, &l.Date, &l.Kind, &l.FromUnitID, &l.ToUnitID, &l.DocumentID)
		c.Links = append(c.Links, l)
		return err
	})
	if err != nil {
		return nil, err
	}
	if c.Filled, c.Vacated, err = r.postChanges(from, to); err != nil {
		return nil, err
	}
	var ids []string
	for _, a := range append(append([]tochuc.Assignment{}, c.Filled...), c.Vacated...) {
		ids = append(ids, a.PersonID)
	}
	c.People, err = r.PersonNames(ids)
	return c, err
}

// postChanges returns the assignments valid on to but not on from, and the reverse.
func (r *Reader) postChanges(from, to tochuc.Date) (filled, vacated []tochuc.Assignment, err error) {
	q := `SELECT person_id, unit_id, role, COALESCE(how, ''), COALESCE(document_id, ''), valid_from, valid_to
		FROM assignments WHERE ` + r.rec.where("") + ` AND ` + validAt + ` AND NOT (valid_from <= ? AND (valid_to IS NULL OR valid_to > ?))
		ORDER BY unit_id, role, person_id`
	scan := func(out *[]tochuc.Assignment) func(scanner) error {
		return func(s scanner) error {
			var a tochuc.Assignment
			err := s.Scan(&a.PersonID, &a.UnitID, &a.Role, &a.How, &a.DocumentID, &a.From, &a.To)
			*out = append(*out, a)
			return err
		}
	}
	if err = r.each(q, []any{to, to, from, from}, scan(&filled)); err != nil {
		return nil, nil, err
	}
	err = r.each(q, []any{from, from, to, to}, scan(&vacated))
	return filled, vacated, err
}

// keepScoped keeps what happened inside a scope: units inside it on the date
// concerned (before: on From; after: on To) and the posts in them.
func keepScoped(c *Comparison, before, after map[string]bool) {
	keepUnits := func(us []tochuc.Unit, in map[string]bool) []tochuc.Unit {
		return slices.DeleteFunc(us, func(u tochuc.Unit) bool { return !in[u.ID] })
	}
	c.Created, c.Ended = keepUnits(c.Created, after), keepUnits(c.Ended, before)
	c.Renamed = slices.DeleteFunc(c.Renamed, func(p [2]tochuc.Unit) bool { return !after[p[1].ID] })
	c.Links = slices.DeleteFunc(c.Links, func(l tochuc.RestructureLink) bool { return !before[l.FromUnitID] && !after[l.ToUnitID] })
	c.Filled = slices.DeleteFunc(c.Filled, func(a tochuc.Assignment) bool { return !after[a.UnitID] })
	c.Vacated = slices.DeleteFunc(c.Vacated, func(a tochuc.Assignment) bool { return !before[a.UnitID] })
}

// partyEventCounts counts the membership events in (from, to], by event:
// everywhere, or of the people registered up to to in a party organization
// inside the scope.
func (r *Reader) partyEventCounts(from, to tochuc.Date, scope string) (map[string]int, error) {
	w := r.rec.where("")
	q, args := `SELECT event, COUNT(*) FROM party WHERE `+w+` AND date > ? AND date <= ?`, []any{from, to}
	if scope != "" {
		cte, cargs := r.scopeCTE(scope, to)
		q = cte + q + ` AND person_id IN (SELECT person_id FROM party WHERE ` + w + ` AND date <= ? AND unit_id IN (SELECT id FROM scoped))`
		args = append(append(cargs, args...), to)
	}
	out := map[string]int{}
	err := r.each(q+` GROUP BY event`, args, func(s scanner) error {
		var e string
		var n int
		err := s.Scan(&e, &n)
		out[e] = n
		return err
	})
	return out, err
}

// staffByUnit returns the headcount on d of each unit existing then.
func (r *Reader) staffByUnit(d tochuc.Date) (map[string]int, error) {
	out := map[string]int{}
	err := r.each(`SELECT h.unit_id, h.actual FROM headcount h
		JOIN units u ON u.id = h.unit_id AND `+r.rec.where("u")+` AND u.valid_from <= ? AND (u.valid_to IS NULL OR u.valid_to > ?)
		WHERE `+r.rec.where("h")+` AND h.date = (SELECT MAX(h2.date) FROM headcount h2 WHERE h2.unit_id = h.unit_id
			AND h2.date <= ? AND `+r.rec.where("h2")+`)`, []any{d, d, d}, func(s scanner) error {
		var id string
		var n int
		err := s.Scan(&id, &n)
		out[id] = n
		return err
	})
	return out, err
}
