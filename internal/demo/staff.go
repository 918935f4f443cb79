package demo

import (
	"slices"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// headRow is one headcount.csv row.
type headRow struct {
	date          date
	actual, quota int
}

// staffEvent is a change of staffing, applied in date order by staffing.
type staffEvent struct {
	date     date
	u, other *unit
	n        int
	kind     byte // 'h' hire n, 'a' absorb other minus n, 'c' cut n, 't' transfer n to other
}

// staffPlan holds the staffing events and the article's targets (F4).
type staffPlan struct {
	events []staffEvent
}

// Staff reductions of 2018 by sector: 1,043 in the government bloc, 77 in
// the party (52) and mass-organization (25) bloc; 1,120 in all (F4).
var staffCuts = map[string]int{"state": 1043, "party": 52, "front": 25}

func (b *builder) hire(u *unit, d date, n int) {
	b.staffPlan.events = append(b.staffPlan.events, staffEvent{date: d, u: u, n: n, kind: 'h'})
}

// absorb adds the staff of from, ending on d, to into, less cut.
func (b *builder) absorb(into, from *unit, d date, cut int) {
	b.staffPlan.events = append(b.staffPlan.events, staffEvent{date: d, u: into, other: from, n: cut, kind: 'a'})
}

// cut reduces the staff of u on d by n.
func (b *builder) cut(u *unit, d date, n int) {
	b.staffPlan.events = append(b.staffPlan.events, staffEvent{date: d, u: u, n: n, kind: 'c'})
}

// transfer moves n people from u to other on d.
func (b *builder) transfer(u, other *unit, d date, n int) {
	b.staffPlan.events = append(b.staffPlan.events, staffEvent{date: d, u: u, other: other, n: n, kind: 't'})
}

// staffing turns the staffing events, with a small drift every 1 January
// (never between Since and AsOf), into headcount rows, then checks the 2018
// change of every sector against the article (F4).
func (b *builder) staffing() {
	evs := b.staffPlan.events
	for y := 2016; y <= 2026; y++ {
		evs = append(evs, staffEvent{date: dateOf(y, 1, 1), kind: 'y'})
	}
	slices.SortStableFunc(evs, func(a, c staffEvent) int { return int(a.date - c.date) })
	cur := map[*unit]int{}
	var staffed []*unit
	set := func(u *unit, d date, n int) {
		if n < 1 {
			n = 1
		}
		if _, ok := cur[u]; !ok {
			staffed = append(staffed, u)
		}
		cur[u] = n
		quota := n + n/12 + 1
		if k := len(u.hc); k > 0 && u.hc[k-1].date == d {
			u.hc[k-1] = headRow{d, n, quota}
		} else {
			u.hc = append(u.hc, headRow{d, n, quota})
		}
	}
	for _, e := range evs {
		switch e.kind {
		case 'h':
			set(e.u, e.date, e.n)
		case 'a':
			set(e.u, e.date, cur[e.u]+cur[e.other]-e.n)
			cur[e.other] = 0
		case 'c':
			set(e.u, e.date, cur[e.u]-e.n)
		case 't':
			set(e.u, e.date, cur[e.u]-e.n)
			set(e.other, e.date, cur[e.other]+e.n)
		case 'y':
			for _, u := range staffed {
				if u.alive(e.date) && u.start() < e.date && cur[u] > 0 {
					set(u, e.date, cur[u]+b.rnd.IntN(cur[u]/25+2)-cur[u]/50-1)
				}
			}
		}
	}
	for _, sector := range []string{"state", "party", "front"} {
		if got := b.staffTotal(AsOf, sector) - b.staffTotal(Since, sector); got != -staffCuts[sector] {
			b.fail("staff of sector %s changed by %d in 2018, want %d", sector, got, -staffCuts[sector])
		}
	}
}

// staffAt returns a unit's headcount on d.
func staffAt(u *unit, d date) int {
	if !u.alive(d) {
		return 0
	}
	n := 0
	for _, h := range u.hc {
		if h.date <= d {
			n = h.actual
		}
	}
	return n
}

// staffTotal sums the headcount on d of the units of a sector.
func (b *builder) staffTotal(d date, sector string) int {
	n := 0
	for _, u := range b.units {
		v := u.at(d)
		if v == nil || len(u.hc) == 0 {
			continue
		}
		if sectorOf(v) == sector {
			n += staffAt(u, d)
		}
	}
	return n
}

// sectorOf returns the sector of a unit version: as given, or by its kind
// (no unit with headcount is an internal division).
func sectorOf(v *version) string {
	if v.sector != "" {
		return v.sector
	}
	k, _ := tochuc.LookupUnitKind(v.kind)
	return string(k.Sector)
}
