package demo

import (
	"fmt"
	"slices"

	"github.com/tochuc/tochuc/internal/tochuc"
)

type date = tochuc.Date

// day parses a YYYY-MM-DD constant.
func day(s string) date { return tochuc.MustDate(s) }

// version is one version of a unit (a units.csv row).
type version struct {
	from, to                              date
	name, kind, parent, locality, host    string
	subtype, sector, ownership, adminCode string
}

// unit is a unit with all its versions, oldest first, without gaps.
type unit struct {
	id string
	vs []version
	hc []headRow // headcount rows, by date
	// tmpl, when set, names the unit after its locality (see render).
	tmpl string
}

// start returns the first day of the unit.
func (u *unit) start() date { return u.vs[0].from }

// end returns the day the unit ends, or 0.
func (u *unit) end() date { return u.vs[len(u.vs)-1].to }

// last returns the latest version.
func (u *unit) last() *version { return &u.vs[len(u.vs)-1] }

// at returns the version valid on d, or nil.
func (u *unit) at(d date) *version {
	for i := range u.vs {
		v := &u.vs[i]
		if v.from <= d && (v.to == 0 || d < v.to) {
			return v
		}
	}
	return nil
}

// alive reports whether the unit exists on d.
func (u *unit) alive(d date) bool { return u.at(d) != nil }

// kind returns the kind of the latest version (kinds change only by convert).
func (u *unit) kind() string { return u.last().kind }

// newUnit adds a unit with its first version.
func (b *builder) newUnit(id string, v version) *unit {
	if _, dup := b.byID[id]; dup {
		b.fail("unit %s created twice", id)
	}
	u := &unit{id: id, vs: []version{v}}
	b.units = append(b.units, u)
	b.byID[id] = u
	return u
}

// unit returns a unit by id; a missing id is a bug of the generator.
func (b *builder) unit(id string) *unit {
	u, ok := b.byID[id]
	if !ok {
		b.fail("no unit %s", id)
		return &unit{id: id, vs: []version{{}}}
	}
	return u
}

// change gives u a new version from d, made by f from the latest one. A
// latest version that starts on d is changed in place.
func (b *builder) change(u *unit, d date, f func(v *version)) {
	l := u.last()
	switch {
	case l.to != 0 && d >= l.to:
		b.fail("unit %s changed on %s after its end %s", u.id, d, l.to)
	case d < l.from:
		b.fail("unit %s changed on %s before its latest version %s", u.id, d, l.from)
	case d == l.from:
		f(l)
	default:
		nv := *l
		l.to = d
		nv.from = d
		f(&nv)
		u.vs = append(u.vs, nv)
	}
}

// endUnit ends u on d.
func (b *builder) endUnit(u *unit, d date) {
	l := u.last()
	if l.to != 0 || d <= l.from {
		b.fail("unit %s cannot end on %s", u.id, d)
	}
	l.to = d
}

// restructure is one restructure.csv row.
type restructure struct {
	event    string
	date     date
	kind     string
	from, to string
	doc      string
}

// link records one restructure row.
func (b *builder) link(event string, d date, kind, from, to, doc string) {
	b.restr = append(b.restr, restructure{event, d, kind, from, to, doc})
}

// merge ends the units from on d, records them merged into to, and makes
// to the successor of their party members and posts (posts simply end).
func (b *builder) merge(event string, d date, to *unit, doc string, from ...*unit) {
	for _, u := range from {
		b.endUnit(u, d)
		b.link(event, d, "merge", u.id, to.id, doc)
		b.succeed(u, d, to)
	}
}

// succeed makes to the party organization that takes in the members of u
// still registered there when u ends on d.
func (b *builder) succeed(u *unit, d date, to *unit) {
	if tochuc.IsPartyOrg(u.kind()) {
		b.memberSucc[u.id] = succession{d, to.id}
	}
}

// succession says where the members of an ending party organization go.
type succession struct {
	date date
	to   string
}

// fail records a bug of the generator; Build returns the first one.
func (b *builder) fail(format string, args ...any) {
	if b.err == nil {
		b.err = fmt.Errorf("demo: "+format, args...)
	}
}

// shuffled returns 0..n-1 in a random order.
func (b *builder) shuffled(n int) []int {
	p := b.rnd.Perm(n)
	return p
}

// pick returns a random element.
func pick[T any](b *builder, xs []T) T { return xs[b.rnd.IntN(len(xs))] }

// chance returns true with probability p.
func (b *builder) chance(p float64) bool { return b.rnd.Float64() < p }

// between returns a random date in [from, to).
func (b *builder) between(from, to date) date {
	if to <= from {
		return from
	}
	return from + date(b.rnd.IntN(int(to-from)))
}

// choose marks exactly k of n items, at random.
func (b *builder) choose(n, k int) []bool {
	out := make([]bool, n)
	for _, i := range b.shuffled(n)[:k] {
		out[i] = true
	}
	return out
}

// distribute splits total into n non-negative integer parts proportional to
// the weights (largest remainder), so that they add up exactly.
func distribute(total int, weights []float64) []int {
	sum := 0.0
	for _, w := range weights {
		sum += w
	}
	out := make([]int, len(weights))
	if sum == 0 || len(weights) == 0 {
		return out
	}
	type rem struct {
		i int
		r float64
	}
	rems := make([]rem, len(weights))
	given := 0
	for i, w := range weights {
		x := float64(total) * w / sum
		out[i] = int(x)
		given += out[i]
		rems[i] = rem{i, x - float64(out[i])}
	}
	slices.SortStableFunc(rems, func(a, b rem) int {
		switch {
		case a.r > b.r:
			return -1
		case a.r < b.r:
			return 1
		}
		return a.i - b.i
	})
	for j := 0; given < total; j++ {
		out[rems[j%len(rems)].i]++
		given++
	}
	return out
}
