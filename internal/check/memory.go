package check

import (
	"cmp"
	"context"
	"slices"
	"strconv"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// MemorySource is a Source over a bundle held in memory (bundle.Tables):
// for hand-built cases, and as the plain in-memory evaluation the storage's
// Source is measured against. It expects a valid bundle.
type MemorySource struct {
	people  map[string]Person
	units   map[string][]tochuc.Unit
	posts   []tochuc.Assignment
	plans   []tochuc.Plan
	ratings []tochuc.Evaluation
	events  map[string][]tochuc.MembershipEvent
	discipl []tochuc.Discipline
}

// NewMemorySource reads a bundle's records.
func NewMemorySource(t bundle.Tables) *MemorySource {
	m := &MemorySource{people: map[string]Person{}, units: map[string][]tochuc.Unit{}, events: map[string][]tochuc.MembershipEvent{}}
	each := func(file string, fn func(get func(string) string)) {
		rows := t[file]
		if len(rows) == 0 {
			return
		}
		idx := map[string]int{}
		for i, h := range rows[0] {
			idx[h] = i
		}
		for _, r := range rows[1:] {
			fn(func(col string) string {
				if i, ok := idx[col]; ok && i < len(r) {
					return r[i]
				}
				return ""
			})
		}
	}
	date := func(s string) tochuc.Date { d, _ := tochuc.ParseDate(s); return d }
	each("people", func(g func(string) string) {
		m.people[g("id")] = Person{ID: g("id"), Name: g("full_name"), Gender: g("gender"), Birth: date(g("birth_date")),
			Died: date(g("died_on")), CitizenID: g("citizen_id")}
	})
	each("units", func(g func(string) string) {
		m.units[g("id")] = append(m.units[g("id")], tochuc.Unit{ID: g("id"), Name: g("name"), Kind: g("kind"), ParentID: g("parent_id"),
			LocalityID: g("locality_id"), HostID: g("host_id"), Period: tochuc.Period{From: date(g("valid_from")), To: date(g("valid_to"))}})
	})
	each("assignments", func(g func(string) string) {
		m.posts = append(m.posts, tochuc.Assignment{PersonID: g("person_id"), UnitID: g("unit_id"), Role: g("role"), How: g("how"),
			DocumentID: g("document_id"), Period: tochuc.Period{From: date(g("valid_from")), To: date(g("valid_to"))}})
	})
	each("plans", func(g func(string) string) {
		m.plans = append(m.plans, tochuc.Plan{Term: g("term"), UnitID: g("unit_id"), Role: g("role"), PersonID: g("person_id"),
			AddedOn: date(g("added_on")), RemovedOn: date(g("removed_on")), RemovalReason: g("removal_reason"), DocumentID: g("document_id")})
	})
	each("evaluations", func(g func(string) string) {
		if s := g("status"); s != "" && s != "decided" {
			return // only decided ratings count (bundle-v1 amendment 1)
		}
		y, _ := strconv.Atoi(g("year"))
		m.ratings = append(m.ratings, tochuc.Evaluation{Year: y, SubjectType: g("subject_type"), SubjectID: g("subject_id"),
			Category: g("category"), Rating: g("rating"), RatedByID: g("rated_by_id"), DecidedOn: date(g("decided_on"))})
	})
	each("party", func(g func(string) string) {
		id := g("person_id")
		m.events[id] = append(m.events[id], tochuc.MembershipEvent{Event: g("event"), Date: date(g("date")), UnitID: g("unit_id"),
			Status: g("status")})
	})
	each("discipline", func(g func(string) string) {
		m.discipl = append(m.discipl, tochuc.Discipline{SubjectType: g("subject_type"), SubjectID: g("subject_id"), Form: g("form"),
			Date: date(g("date")), AuthorityID: g("authority_id"), DocumentID: g("document_id"), Reason: g("reason")})
	})
	slices.SortStableFunc(m.discipl, func(a, b tochuc.Discipline) int {
		return cmp.Or(cmp.Compare(a.SubjectType, b.SubjectType), cmp.Compare(a.SubjectID, b.SubjectID), cmp.Compare(a.Date, b.Date),
			cmp.Compare(a.Form, b.Form))
	})
	for id, evs := range m.events {
		slices.SortStableFunc(evs, func(a, b tochuc.MembershipEvent) int { return cmp.Compare(a.Date, b.Date) })
		m.events[id] = evs
	}
	slices.SortStableFunc(m.ratings, func(a, b tochuc.Evaluation) int {
		return cmp.Or(cmp.Compare(a.SubjectType, b.SubjectType), cmp.Compare(a.SubjectID, b.SubjectID), cmp.Compare(a.Year, b.Year),
			cmp.Compare(a.Category, b.Category))
	})
	return m
}

// unitOn returns a unit's version valid on d.
func (m *MemorySource) unitOn(id string, d tochuc.Date) (tochuc.Unit, bool) {
	for _, u := range m.units[id] {
		if u.Contains(d) {
			return u, true
		}
	}
	return tochuc.Unit{}, false
}

// Plans implements Source.
func (m *MemorySource) Plans(_ context.Context, d tochuc.Date, fn func(PlanRow) error) error {
	for _, p := range m.plans {
		if p.AddedOn <= d && (p.RemovedOn == 0 || d < p.RemovedOn) {
			if err := fn(PlanRow{Plan: p, Person: m.people[p.PersonID]}); err != nil {
				return err
			}
		}
	}
	return nil
}

// Posts implements Source.
func (m *MemorySource) Posts(_ context.Context, d tochuc.Date, fn func(PostRow) error) error {
	for _, a := range m.posts {
		if a.Contains(d) {
			u, _ := m.unitOn(a.UnitID, d)
			if err := fn(PostRow{Assignment: a, Person: m.people[a.PersonID], UnitKind: u.Kind}); err != nil {
				return err
			}
		}
	}
	return nil
}

// PostsIn implements Source.
func (m *MemorySource) PostsIn(ctx context.Context, d tochuc.Date, units []string, fn func(PostRow) error) error {
	return m.Posts(ctx, d, func(a PostRow) error {
		if slices.Contains(units, a.UnitID) {
			return fn(a)
		}
		return nil
	})
}

// Children implements Source.
func (m *MemorySource) Children(ctx context.Context, d tochuc.Date, parents []string, fn func(tochuc.Unit) error) error {
	return m.Units(ctx, d, func(u tochuc.Unit) error {
		if slices.Contains(parents, u.ParentID) {
			return fn(u)
		}
		return nil
	})
}

// Ratings implements Source.
func (m *MemorySource) Ratings(_ context.Context, maxYear int, fn func(Rating) error) error {
	for _, e := range m.ratings {
		if e.Year > maxYear {
			continue
		}
		r := Rating{Evaluation: e}
		if e.SubjectType == "person" {
			r.Name, r.Died = m.people[e.SubjectID].Name, m.people[e.SubjectID].Died
		}
		if err := fn(r); err != nil {
			return err
		}
	}
	return nil
}

// members calls fn with each person who has events on or before d, and those events.
func (m *MemorySource) members(d tochuc.Date, fn func(Person, []tochuc.MembershipEvent) error) error {
	ids := make([]string, 0, len(m.events))
	for id := range m.events {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		var evs []tochuc.MembershipEvent
		for _, e := range m.events[id] {
			if e.Date <= d {
				evs = append(evs, e)
			}
		}
		if len(evs) == 0 {
			continue
		}
		if err := fn(m.people[id], evs); err != nil {
			return err
		}
	}
	return nil
}

// Admissions implements Source.
func (m *MemorySource) Admissions(_ context.Context, d tochuc.Date, fn func(Person, tochuc.Date) error) error {
	return m.members(d, func(p Person, evs []tochuc.MembershipEvent) error {
		for _, e := range evs {
			if e.Event == tochuc.EventAdmitted {
				if err := fn(p, e.Date); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

// Probationers implements Source.
func (m *MemorySource) Probationers(_ context.Context, d tochuc.Date, fn func(Person, tochuc.Date) error) error {
	return m.members(d, func(p Person, evs []tochuc.MembershipEvent) error {
		if st := tochuc.MembershipAt(evs, d, p.Died); !st.Member || !st.Probationary {
			return nil
		}
		var admitted tochuc.Date
		for _, e := range evs {
			if e.Event == tochuc.EventAdmitted {
				admitted = e.Date
			}
		}
		return fn(p, admitted)
	})
}

// OfficialMembers implements Source.
func (m *MemorySource) OfficialMembers(_ context.Context, d tochuc.Date) (map[string]int, error) {
	out := map[string]int{}
	err := m.members(d, func(p Person, evs []tochuc.MembershipEvent) error {
		if st := tochuc.MembershipAt(evs, d, p.Died); st.Member && !st.Probationary {
			out[st.UnitID]++
		}
		return nil
	})
	return out, err
}

// MemberRatings implements Source.
func (m *MemorySource) MemberRatings(ctx context.Context, units map[int][]string, category string, fn func(int, string, Rating) error) error {
	registered, last := NewRegistered(units)
	err := m.members(last, registered.Add)
	if err != nil {
		return err
	}
	return m.Ratings(ctx, last.Time().Year(), func(r Rating) error {
		return registered.Rating(r, category, fn)
	})
}

// Units implements Source.
func (m *MemorySource) Units(_ context.Context, d tochuc.Date, fn func(tochuc.Unit) error) error {
	ids := make([]string, 0, len(m.units))
	for id := range m.units {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		if u, ok := m.unitOn(id, d); ok {
			if err := fn(u); err != nil {
				return err
			}
		}
	}
	return nil
}

// People implements Source.
func (m *MemorySource) People(_ context.Context, key string, fn func(Person) error) error {
	var ps []Person
	for _, p := range m.people {
		if key == "citizen_id" && p.CitizenID != "" || key == "birth_date" && p.Birth != 0 {
			ps = append(ps, p)
		}
	}
	slices.SortFunc(ps, func(a, b Person) int {
		if key == "citizen_id" {
			return cmp.Or(cmp.Compare(a.CitizenID, b.CitizenID), cmp.Compare(a.ID, b.ID))
		}
		return cmp.Or(cmp.Compare(a.Birth, b.Birth), cmp.Compare(a.ID, b.ID))
	})
	for _, p := range ps {
		if err := fn(p); err != nil {
			return err
		}
	}
	return nil
}

// UnitNames implements Source.
func (m *MemorySource) UnitNames(_ context.Context, ids []string, d tochuc.Date) (map[string]string, error) {
	out := map[string]string{}
	for _, id := range ids {
		vs := m.units[id]
		if len(vs) == 0 {
			continue
		}
		out[id] = vs[len(vs)-1].Name
		if u, ok := m.unitOn(id, d); ok {
			out[id] = u.Name
		}
	}
	return out, nil
}

// Disciplines implements Source.
func (m *MemorySource) Disciplines(_ context.Context, d tochuc.Date, fn func(tochuc.Discipline) error) error {
	for _, x := range m.discipl {
		if x.Date <= d {
			if err := fn(x); err != nil {
				return err
			}
		}
	}
	return nil
}

var _ Source = (*MemorySource)(nil)

// Parallel implements Parallel: the rows are only read.
func (m *MemorySource) Parallel() bool { return true }
