package tochuc

import (
	"maps"
	"slices"
)

// ScopeMap tells on which dates each unit lies inside an account's scope.
//
// The rule (indicators-v1): a unit is inside the scope of unit S on D when it
// is S, or when following its parent_id or locality_id links as they stand on
// D reaches S. After S has ended (its last period closed on E), the scope
// follows what it covered into what came after (README, "Phạm vi sau sắp
// xếp"): every unit inside the scope on E−1 that still exists on E stays a
// root of the scope while it lasts, the units that restructuring links dated
// E lead to from units inside the scope on E−1 (other than S itself: a
// district merged into a province does not bring the province into the
// scope) become roots from E, and so do,
// later, the units that a root's own restructuring leads to. A root's
// subtree (by parent and locality links on each date) is inside the scope.
type ScopeMap struct {
	Unit  string               // the scope unit
	in    map[string]PeriodSet // dates inside the scope, by unit
	exist map[string]PeriodSet // dates the unit exists, for the units known
	roots map[string]PeriodSet // dates a unit is a root of the scope
	vers  map[string][]Unit
}

// NewScopeMap computes the scope of unit root from the versions of every
// unit that could lie under it (each unit's versions, any order) and the
// restructuring links from those units.
func NewScopeMap(root string, versions map[string][]Unit, links []RestructureLink) *ScopeMap {
	m := &ScopeMap{Unit: root, in: map[string]PeriodSet{}, exist: map[string]PeriodSet{}, roots: map[string]PeriodSet{},
		vers: versions}
	for id, vs := range versions {
		var e PeriodSet
		for _, v := range vs {
			e = e.Add(v.Period)
		}
		m.exist[id] = e
	}
	m.roots[root] = m.exist[root]
	m.spread()
	rootExist := m.exist[root]
	if last := rootExist.Last(); last != 0 {
		m.follow(last.AddDays(1), links)
	}
	return m
}

// spread computes the dates inside the scope from the roots, down the links
// of every version, until nothing changes.
func (m *ScopeMap) spread() {
	m.in = map[string]PeriodSet{}
	for id, r := range m.roots {
		m.in[id] = r
	}
	ids := slices.Sorted(maps.Keys(m.vers))
	for changed := true; changed; {
		changed = false
		for _, id := range ids {
			cur := m.in[id]
			next := cur
			for _, v := range m.vers[id] {
				for _, up := range []string{v.ParentID, v.LocalityID} {
					if up != "" && up != id {
						next = next.Union(m.in[up].Clip(v.Period))
					}
				}
			}
			if !next.Equal(cur) {
				m.in[id], changed = next, true
			}
		}
	}
}

// follow adds the roots that carry the scope on after its unit ended on e.
func (m *ScopeMap) follow(e Date, links []RestructureLink) {
	addRoot := func(id string, from Date) bool {
		ex := m.exist[id]
		var p Period
		for _, q := range ex {
			if q.Contains(from) {
				p = Period{From: from, To: q.To}
			}
		}
		if p.From == 0 || m.roots[id].Covers(p) {
			return false
		}
		m.roots[id] = m.roots[id].Add(p)
		return true
	}
	before := e.AddDays(-1)
	for _, id := range slices.Sorted(maps.Keys(m.in)) {
		if m.in[id].Contains(before) {
			addRoot(id, e)
		}
	}
	for _, l := range links {
		if l.Date == e && l.ToUnitID != "" && l.FromUnitID != "" && l.FromUnitID != m.Unit && m.in[l.FromUnitID].Contains(before) {
			addRoot(l.ToUnitID, e)
		}
	}
	// Later restructurings of a root lead on to their successors.
	sorted := slices.Clone(links)
	slices.SortStableFunc(sorted, func(a, b RestructureLink) int { return int(a.Date - b.Date) })
	for changed := true; changed; {
		changed = false
		for _, l := range sorted {
			if l.Date > e && l.ToUnitID != "" && l.FromUnitID != "" && m.roots[l.FromUnitID].Contains(l.Date.AddDays(-1)) &&
				addRoot(l.ToUnitID, l.Date) {
				changed = true
			}
		}
	}
	m.spread()
}

// In returns the dates on which a unit lies inside the scope.
func (m *ScopeMap) In(id string) PeriodSet { return m.in[id] }

// Exists returns the dates on which a unit known to the map exists.
func (m *ScopeMap) Exists(id string) PeriodSet { return m.exist[id] }

// InOn reports whether a unit is inside the scope on d.
func (m *ScopeMap) InOn(id string, d Date) bool { return m.in[id].Contains(d) }

// Ended returns the last day of the scope unit when it has ended, else 0.
func (m *ScopeMap) Ended() Date { return m.exist[m.Unit].Last() }

// RootsOn returns the units whose subtrees make the scope on d: the scope
// unit while it exists, afterwards the roots that carry it on, leaving out
// those inside the subtree of another (sorted).
func (m *ScopeMap) RootsOn(d Date) []string {
	var out []string
	for id, r := range m.roots {
		if !r.Contains(d) {
			continue
		}
		redundant := false
		for _, v := range m.vers[id] {
			if v.Contains(d) {
				for _, up := range []string{v.ParentID, v.LocalityID} {
					if up != "" && up != id && m.in[up].Contains(d) {
						redundant = true
					}
				}
			}
		}
		if !redundant {
			out = append(out, id)
		}
	}
	slices.Sort(out)
	return out
}

// Units returns every unit inside the scope at some date.
func (m *ScopeMap) Units() []string {
	var out []string
	for id, s := range m.in {
		if len(s) > 0 {
			out = append(out, id)
		}
	}
	slices.Sort(out)
	return out
}

// Roots returns the dates on which a unit is a root of the scope.
func (m *ScopeMap) Roots(id string) PeriodSet { return m.roots[id] }

// RootList returns the roots of the scope with the periods they are roots
// over — leaving out the dates on which a root lies under another unit of
// the scope anyway — sorted by unit and date.
func (m *ScopeMap) RootList() []Place {
	var out []Place
	for _, id := range slices.Sorted(maps.Keys(m.roots)) {
		var under PeriodSet
		for _, v := range m.vers[id] {
			for _, up := range []string{v.ParentID, v.LocalityID} {
				if up != "" && up != id {
					under = under.Union(m.in[up].Clip(v.Period))
				}
			}
		}
		for _, p := range m.roots[id].Minus(under) {
			out = append(out, Place{UnitID: id, Period: p})
		}
	}
	return out
}
