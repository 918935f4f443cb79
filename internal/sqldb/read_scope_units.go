package sqldb

import (
	"context"
	"slices"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// ScopeMap computes which units lie inside the scope of a unit on which
// dates (tochuc.ScopeMap): it reads every version of the units that were ever
// under the scope unit through the links of any version, or that a
// restructuring led to from one of them (not from the scope unit itself),
// and the restructuring links from those units.
func (r *Reader) ScopeMap(ctx context.Context, scope string) (*tochuc.ScopeMap, error) {
	cur := r.rec.where("")
	cte := `WITH RECURSIVE links(child, parent) AS (
		SELECT id, parent_id FROM units WHERE ` + cur + ` AND parent_id IS NOT NULL
		UNION ALL
		SELECT id, locality_id FROM units WHERE ` + cur + ` AND locality_id IS NOT NULL
		UNION ALL
		SELECT to_unit_id, from_unit_id FROM restructure WHERE ` + cur + `
			AND from_unit_id IS NOT NULL AND to_unit_id IS NOT NULL AND from_unit_id <> ?
	), under(id) AS (
		SELECT CAST(? AS TEXT)
		UNION
		SELECT l.child FROM links l JOIN under u ON l.parent = u.id
	) `
	versions := map[string][]tochuc.Unit{}
	err := r.each(ctx, cte+`SELECT `+unitColumns+` FROM units WHERE `+cur+` AND id IN (SELECT id FROM under) ORDER BY id, valid_from`,
		[]any{scope, scope}, func(s scanner) error {
			u, err := scanUnit(s)
			versions[u.ID] = append(versions[u.ID], u)
			return err
		})
	if err != nil {
		return nil, err
	}
	var links []tochuc.RestructureLink
	err = r.each(ctx, cte+`SELECT event_id, date, kind, COALESCE(from_unit_id, ''), COALESCE(to_unit_id, ''), COALESCE(document_id, '')
		FROM restructure WHERE `+cur+` AND from_unit_id IN (SELECT id FROM under) ORDER BY date, event_id, from_unit_id, to_unit_id`,
		[]any{scope, scope}, func(s scanner) error {
			var l tochuc.RestructureLink
			err := s.Scan(&l.EventID, &l.Date, &l.Kind, &l.FromUnitID, &l.ToUnitID, &l.DocumentID)
			links = append(links, l)
			return err
		})
	if err != nil {
		return nil, err
	}
	return tochuc.NewScopeMap(scope, versions, links), nil
}

// PersonPlaces returns, for each of the given people held, the units they
// belong to and when: their posts (ended by their death) and their
// registration as party members. People not held are left out.
func (r *Reader) PersonPlaces(ctx context.Context, ids []string) (map[string][]tochuc.Place, error) {
	out := map[string][]tochuc.Place{}
	cur := r.rec.where("")
	for batch := range slices.Chunk(uniqueIDs(ids), 500) {
		args := anys(batch)
		in := "(" + placeholders(len(batch)) + ")"
		died := map[string]tochuc.Date{}
		err := r.each(ctx, `SELECT id, died_on FROM people WHERE `+cur+` AND id IN `+in, args, func(s scanner) error {
			var id string
			var d tochuc.Date
			err := s.Scan(&id, &d)
			died[id] = d
			out[id] = []tochuc.Place{}
			return err
		})
		if err == nil {
			err = r.each(ctx, `SELECT person_id, unit_id, valid_from, valid_to FROM assignments WHERE `+cur+` AND person_id IN `+in,
				args, func(s scanner) error {
					var id string
					var p tochuc.Place
					err := s.Scan(&id, &p.UnitID, &p.From, &p.To)
					if d := died[id]; d != 0 && (p.To == 0 || p.To > d) {
						p.To = d
					}
					if p.Valid() {
						out[id] = append(out[id], p)
					}
					return err
				})
		}
		events := map[string][]tochuc.MembershipEvent{}
		if err == nil {
			err = r.each(ctx, `SELECT person_id, event, date, COALESCE(unit_id, ''), COALESCE(status, '') FROM party WHERE `+cur+
				` AND person_id IN `+in+` ORDER BY person_id, date, seq`, args, func(s scanner) error {
				var id string
				var e tochuc.MembershipEvent
				err := s.Scan(&id, &e.Event, &e.Date, &e.UnitID, &e.Status)
				events[id] = append(events[id], e)
				return err
			})
		}
		if err != nil {
			return nil, err
		}
		for id, evs := range events {
			if _, held := out[id]; !held {
				continue
			}
			for _, m := range tochuc.MemberPeriods(evs, died[id]) {
				out[id] = append(out[id], tochuc.Place{UnitID: m.UnitID, Period: m.Period, Member: true})
			}
		}
	}
	return out, nil
}

// uniqueIDs returns the non-empty ids, each once, sorted.
func uniqueIDs(ids []string) []string {
	out := slices.DeleteFunc(slices.Clone(ids), func(s string) bool { return s == "" })
	slices.Sort(out)
	return slices.Compact(out)
}
