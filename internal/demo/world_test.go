package demo

import (
	"slices"
	"strconv"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// world reads a bundle's tables back into plain Go values, so that the
// tests can evaluate the indicators of indicators-v1 on them literally,
// without the generator's own structures or the database.
type world struct {
	units   map[string][]uver
	order   []string // unit ids in file order
	died    map[string]tochuc.Date
	quals   map[string][]wqual
	events  map[string][]tochuc.MembershipEvent
	assigns []wassign
	heads   map[string][]whead
	persons map[string]wperson
}

// wperson is what the member statistics read of a person.
type wperson struct {
	gender, ethnicity, religion string
	birth                       tochuc.Date
}

type uver struct {
	id, name, kind, parent, locality, host, sector, ownership string
	tochuc.Period
}

type wqual struct {
	kind, level string
	on          tochuc.Date
}

type wassign struct {
	person, unit, role, how string
	tochuc.Period
}

type whead struct {
	date   tochuc.Date
	actual int
}

// readWorld parses the tables.
func readWorld(t bundle.Tables) *world {
	w := &world{units: map[string][]uver{}, died: map[string]tochuc.Date{}, quals: map[string][]wqual{},
		events: map[string][]tochuc.MembershipEvent{}, heads: map[string][]whead{}}
	for _, r := range rows(t, "units") {
		id := r["id"]
		if _, ok := w.units[id]; !ok {
			w.order = append(w.order, id)
		}
		w.units[id] = append(w.units[id], uver{id: id, name: r["name"], kind: r["kind"], parent: r["parent_id"],
			locality: r["locality_id"], host: r["host_id"], sector: r["sector"], ownership: r["ownership"],
			Period: period(r["valid_from"], r["valid_to"])})
	}
	w.persons = map[string]wperson{}
	for _, r := range rows(t, "people") {
		w.died[r["id"]] = date0(r["died_on"])
		w.persons[r["id"]] = wperson{r["gender"], r["ethnicity"], r["religion"], date0(r["birth_date"])}
	}
	for _, r := range rows(t, "qualifications") {
		w.quals[r["person_id"]] = append(w.quals[r["person_id"]], wqual{r["kind"], r["level"], date0(r["obtained_on"])})
	}
	for _, r := range rows(t, "party") {
		w.events[r["person_id"]] = append(w.events[r["person_id"]], tochuc.MembershipEvent{Event: r["event"],
			Date: date0(r["date"]), UnitID: r["unit_id"], Status: r["status"]})
	}
	for p, evs := range w.events {
		slices.SortStableFunc(evs, func(a, b tochuc.MembershipEvent) int { return int(a.Date - b.Date) })
		w.events[p] = evs
	}
	for _, r := range rows(t, "assignments") {
		w.assigns = append(w.assigns, wassign{r["person_id"], r["unit_id"], r["role"], r["how"],
			period(r["valid_from"], r["valid_to"])})
	}
	for _, r := range rows(t, "headcount") {
		n, _ := strconv.Atoi(r["actual"])
		w.heads[r["unit_id"]] = append(w.heads[r["unit_id"]], whead{date0(r["date"]), n})
	}
	return w
}

func rows(t bundle.Tables, file string) []map[string]string {
	tab := t[file]
	if len(tab) == 0 {
		return nil
	}
	out := make([]map[string]string, 0, len(tab)-1)
	for _, r := range tab[1:] {
		m := map[string]string{}
		for i, h := range tab[0] {
			m[h] = r[i]
		}
		out = append(out, m)
	}
	return out
}

func date0(s string) tochuc.Date {
	d, err := tochuc.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func period(from, to string) tochuc.Period {
	return tochuc.Period{From: date0(from), To: date0(to)}
}

// holds reports whether a period holds on d (valid_from <= d < valid_to).
func holds(p tochuc.Period, d tochuc.Date) bool { return p.From <= d && (p.To == 0 || d < p.To) }

// at returns a unit as it stands on d, or nil.
func (w *world) at(id string, d tochuc.Date) *uver {
	for i := range w.units[id] {
		if holds(w.units[id][i].Period, d) {
			return &w.units[id][i]
		}
	}
	return nil
}

// inScope reports whether unit id is inside scope on d: it is the scope, or
// following parent_id or locality_id links as they stand on d reaches it.
func (w *world) inScope(id, scope string, d tochuc.Date) bool {
	seen := map[string]bool{}
	var walk func(string) bool
	walk = func(u string) bool {
		if u == scope {
			return true
		}
		if u == "" || seen[u] {
			return false
		}
		seen[u] = true
		v := w.at(u, d)
		return v != nil && (walk(v.parent) || walk(v.locality))
	}
	return walk(id)
}

// unitsOf returns the ids of the units of a kind existing on d inside scope.
func (w *world) unitsOf(kind string, d tochuc.Date, scope string) []string {
	var out []string
	for _, id := range w.order {
		if v := w.at(id, d); v != nil && v.kind == kind && w.inScope(id, scope, d) {
			out = append(out, id)
		}
	}
	return out
}

// holders returns the people holding role on d in units of one of the
// kinds whose locality is loc and that are set up in no host (the
// locality's own, indicators-v1 amendment 1). A standing deputy secretary
// holds the role deputy_secretary too (bundle-v1 amendment 2).
func (w *world) holders(loc, role string, d tochuc.Date, kinds ...string) map[string]bool {
	out := map[string]bool{}
	for _, a := range w.assigns {
		if !isRole(a.role, role) || !holds(a.Period, d) {
			continue
		}
		if v := w.at(a.unit, d); v != nil && v.locality == loc && v.host == "" && slices.Contains(kinds, v.kind) {
			out[a.person] = true
		}
	}
	return out
}

// isRole reports whether a held role counts as role.
func isRole(held, role string) bool {
	return held == role || held == "standing_deputy_secretary" && role == "deputy_secretary"
}

// member reports whether a person is a party member on d, and where.
func (w *world) member(person string, d tochuc.Date) tochuc.Membership {
	return tochuc.MembershipAt(w.events[person], d, w.died[person])
}

// level returns a person's level of a qualification kind on d (its rank).
func (w *world) level(person, kind string, d tochuc.Date) int {
	best := 0
	for _, q := range w.quals[person] {
		if q.kind == kind && (q.on == 0 || q.on <= d) {
			if r, _ := tochuc.LevelRank(kind, q.level); r > best {
				best = r
			}
		}
	}
	return best
}

// headcount returns a unit's headcount on d: its latest row on or before
// d, 0 where the unit does not exist.
func (w *world) headcount(id string, d tochuc.Date) int {
	if w.at(id, d) == nil {
		return 0
	}
	n := 0
	for _, h := range w.heads[id] {
		if h.date <= d {
			n = h.actual
		}
	}
	return n
}

// sector returns a unit's sector on d: as given, by kind, or its parent's
// for an internal division.
func (w *world) sector(id string, d tochuc.Date) string {
	v := w.at(id, d)
	if v.sector != "" {
		return v.sector
	}
	if v.kind == "internal_division" {
		return w.sector(v.parent, d)
	}
	k, _ := tochuc.LookupUnitKind(v.kind)
	if k.Sector == "" {
		return "none"
	}
	return string(k.Sector)
}
