package tochuc

// Place is a unit a person belongs to over a period: a post held there, or
// (Member) registration there as a party member.
type Place struct {
	UnitID string
	Member bool
	Period
}

// PlacesIn returns the dates on which a person with these places lies
// inside the scope: a post, or a registration, in a unit inside it then.
func (m *ScopeMap) PlacesIn(places []Place) PeriodSet {
	var out PeriodSet
	for _, p := range places {
		out = out.Union(m.in[p.UnitID].Clip(p.Period))
	}
	return out
}

// Placed reports whether a person has any place at all.
func Placed(places []Place) bool { return len(places) > 0 }

// HomeDate returns the date on which a person's timeless facts (name, birth,
// qualifications) are judged to belong to a scope: today, or the day before
// the person died, or, when the person has no place then, the last day
// before it on which they had one (0 when they never had one).
func HomeDate(places []Place, died, today Date) Date {
	d := today
	if died != 0 && died <= d {
		d = died.AddDays(-1)
	}
	var all PeriodSet
	for _, p := range places {
		all = all.Add(p.Period)
	}
	if all.Contains(d) {
		return d
	}
	best := Date(0)
	for _, p := range all {
		if p.From > d {
			break
		}
		best = end(p).AddDays(-1)
	}
	if best == 0 && len(all) > 0 {
		best = all[0].From // placed only after d: their first day
	}
	return best
}
