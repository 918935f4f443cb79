package web

import (
	"cmp"
	"context"
	"slices"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// treeRoots returns the units at the top of a user's tree on d. Without a
// scope: every unit without a parent. For a scope that is a locality: its
// own organizations at the top of their lines — those whose locality is the
// scope, set up in no host, whose parent is not one of them (the party
// committee, the council, the committee, the front …) — and the locality
// itself, for the administrative units under it. For another scope: the
// scope unit. A scope missing on d gives no units.
func treeRoots(ctx context.Context, reg Registry, roots []string, d tochuc.Date) ([]tochuc.Unit, error) {
	if roots == nil {
		return reg.UnitsAsOf(ctx, d, tochuc.UnitFilter{Roots: true})
	}
	var out []tochuc.Unit
	for _, sc := range roots {
		us, err := scopeTops(ctx, reg, sc, d)
		if err != nil {
			return nil, err
		}
		out = append(out, us...)
	}
	return out, nil
}

// scopeTops are the units at the top of one root's tree on d: the root, and
// for a locality its own units (located there, set up in no host) that sit
// under none of the others.
func scopeTops(ctx context.Context, reg Registry, sc string, d tochuc.Date) ([]tochuc.Unit, error) {
	u, err := reg.Unit(ctx, sc, d)
	if tochuc.ErrorCode(err) == tochuc.ENotFound {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	if k, _ := tochuc.LookupUnitKind(u.Kind); !k.Locality {
		return []tochuc.Unit{u}, nil
	}
	own, err := reg.UnitsAsOf(ctx, d, tochuc.UnitFilter{LocalityID: sc})
	if err != nil {
		return nil, err
	}
	ids := map[string]bool{}
	for _, o := range own {
		if o.HostID == "" {
			ids[o.ID] = true
		}
	}
	tops := []tochuc.Unit{u}
	for _, o := range own {
		if ids[o.ID] && !ids[o.ParentID] {
			tops = append(tops, o)
		}
	}
	return tops, nil
}

// byLines groups the rows (sorted by name) into lines in protocol order;
// within a line by the level of the unit's locality (the province's
// council and committee before a district's), then kind rank (the council
// before the committee), then name.
func byLines(ctx context.Context, reg Registry, d tochuc.Date, rows []unitRow) ([]treeLine, error) {
	var locs []string
	for _, r := range rows {
		locs = append(locs, r.LocalityID)
	}
	places, err := reg.UnitsOn(ctx, locs, d) // the localities of the rows shown only
	if err != nil {
		return nil, err
	}
	level := map[string]int{}
	for _, l := range places {
		if i := slices.Index([]string{"province", "district", "commune"}, l.Kind); i >= 0 {
			level[l.ID] = i
		}
	}
	levelOf := func(u tochuc.Unit) int {
		if l, ok := level[u.LocalityID]; ok {
			return l
		}
		return 3
	}
	slices.SortStableFunc(rows, func(a, b unitRow) int {
		return cmp.Or(cmp.Compare(tochuc.LineOf(a.Kind), tochuc.LineOf(b.Kind)),
			cmp.Compare(levelOf(a.Unit), levelOf(b.Unit)), cmp.Compare(tochuc.KindRank(a.Kind), tochuc.KindRank(b.Kind)))
	})
	var lines []treeLine
	for i, r := range rows {
		if i == 0 || tochuc.LineOf(r.Kind) != tochuc.LineOf(rows[i-1].Kind) {
			lines = append(lines, treeLine{Label: tochuc.LineOf(r.Kind).Label()})
		}
		lines[len(lines)-1].Units = append(lines[len(lines)-1].Units, r)
	}
	return lines, nil
}
