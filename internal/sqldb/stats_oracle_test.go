package sqldb_test

import (
	"context"
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/indicator"
	"github.com/tochuc/tochuc/internal/indicator/indicatortest"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/sqldb/sqldbtest"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// The member statistics of indicators-v1 amendment 2, against the oracle
// of indicatortest written from the spec's words over the bundle's rows (no
// SQL, no member periods): a random province whose members are admitted, recognized,
// moved, sent out, taken in, removed, expelled and die (some without a
// died event), with a district committee that ends on oracleEnd, the day
// its last cell's members move to another district; people without birth
// dates, genders, ethnicities; several diplomas each.

const oracleEnd = "2025-07-01"

// oracleUnit is one version of a unit.
type oracleUnit struct {
	id, parent, locality string
	p                    tochuc.Period
}

// oraclePerson is a person and their membership events, in order.
type oraclePerson struct {
	id, gender, ethnicity, religion string
	birth, died                     tochuc.Date
	evs                             []tochuc.MembershipEvent
	quals                           [][3]string // kind, level, obtained_on
}

type oracleWorld struct {
	units  []oracleUnit
	people []*oraclePerson
}

// unitAt returns the version of a unit on d.
func (w *oracleWorld) unitAt(id string, d tochuc.Date) (oracleUnit, bool) {
	for _, u := range w.units {
		if u.id == id && u.p.Contains(d) {
			return u, true
		}
	}
	return oracleUnit{}, false
}

// inside: U is X, or following parent_id or locality_id links as they
// stand on d upward from U reaches X ("" = everything).
func (w *oracleWorld) inside(u, x string, d tochuc.Date) bool {
	if x == "" {
		return true
	}
	seen := map[string]bool{}
	queue := []string{u}
	for len(queue) > 0 {
		id := queue[0]
		queue = queue[1:]
		if id == x {
			return true
		}
		if id == "" || seen[id] {
			continue
		}
		seen[id] = true
		if v, ok := w.unitAt(id, d); ok {
			queue = append(queue, v.parent, v.locality)
		}
	}
	return false
}

// figures computes amendment 2's figures in scope x (indicatortest).
func (w *oracleWorld) figures(d, s tochuc.Date, x string) map[string]map[string]int {
	people := make([]*indicatortest.Member, len(w.people))
	for i, p := range w.people {
		m := &indicatortest.Member{ID: p.id, Gender: p.gender, Ethnicity: p.ethnicity, Religion: p.religion, Birth: p.birth,
			Died: p.died, Events: p.evs}
		for _, q := range p.quals {
			m.Quals = append(m.Quals, indicatortest.Qual{Kind: q[0], Level: q[1], On: date0(q[2])})
		}
		people[i] = m
	}
	return indicatortest.MemberStats(people, func(u string, d tochuc.Date) bool { return w.inside(u, x, d) }, d, s)
}

var (
	oracleEducation = []string{"primary_vocational", "intermediate", "college", "university", "master", "doctor"}
	oracleTheory    = []string{"elementary", "intermediate", "advanced", "bachelor"}
)

// date0 parses a date, "" as zero.
func date0(s string) tochuc.Date {
	if s == "" {
		return 0
	}
	return tochuc.MustDate(s)
}

// newOracleWorld makes a random province: a provincial committee, three
// district committees (HU3 ends on oracleEnd), cells under them (C33 ends
// with HU3, its members moved to C11 that day; C31 carries on under HU1).
func newOracleWorld(seed uint64) *oracleWorld {
	r := rand.New(rand.NewPCG(seed, 7))
	end := tochuc.MustDate(oracleEnd)
	w := &oracleWorld{}
	u := func(id, parent string, from, to tochuc.Date) {
		w.units = append(w.units, oracleUnit{id: id, parent: parent, p: tochuc.Period{From: from, To: to}})
	}
	start := tochuc.MustDate("1970-01-01")
	u("DBT", "", start, 0)
	u("HU1", "DBT", start, 0)
	u("HU2", "DBT", start, 0)
	u("HU3", "DBT", start, end)
	for _, c := range []string{"C11", "C12", "C21", "C22", "C32"} {
		u(c, "HU"+c[1:2], start, 0)
	}
	u("C31", "HU3", start, end)
	u("C31", "HU1", end, 0)
	u("C33", "HU3", start, end)
	cells := []string{"C11", "C12", "C21", "C22", "C31", "C32", "C33"}
	pick := func(s []string) string { return s[r.IntN(len(s))] }
	for i := range 400 {
		p := &oraclePerson{id: fmt.Sprintf("P%03d", i), gender: pick([]string{"male", "female", "male", ""}),
			ethnicity: pick([]string{"Kinh", "kinh", "KINH", "Tày", "Mường", "", "Kinh"}),
			religion:  pick([]string{"", "", "", "Phật giáo", "Công giáo"})}
		if r.IntN(6) > 0 {
			p.birth = tochuc.MustDate("1935-01-01").AddDays(r.IntN(65 * 365))
		}
		for range r.IntN(3) {
			p.quals = append(p.quals, [3]string{"education", pick(oracleEducation), pick([]string{"", "2000-06-01", "2019-06-01", "2025-09-01"})})
		}
		for range r.IntN(3) {
			p.quals = append(p.quals, [3]string{"political_theory", pick(oracleTheory), pick([]string{"", "2010-06-01", "2024-12-31", "2026-01-15"})})
		}
		// Membership: a walk through the states, strictly later dates.
		d := tochuc.MustDate("1990-01-01").AddDays(r.IntN(30 * 365))
		member, prob, org := false, false, ""
		dead := false
		for step := 0; step < 6 && !dead; step++ {
			if d > tochuc.MustDate("2026-11-30") {
				break
			}
			// A member of the ending cell moves on the day it ends.
			if member && org == "C33" && d >= end {
				p.evs = append(p.evs, tochuc.MembershipEvent{Event: tochuc.EventTransferred, Date: end, UnitID: "C11"})
				org = "C11"
				if d == end {
					d = d.AddDays(1) // one event a day
				}
			}
			avail := cells
			if d >= end {
				avail = slices.DeleteFunc(slices.Clone(cells), func(c string) bool { return c == "C33" })
			}
			var e tochuc.MembershipEvent
			switch {
			case !member && r.IntN(4) == 0:
				e = tochuc.MembershipEvent{Event: tochuc.EventTransferredIn, Date: d, UnitID: pick(avail)}
				if r.IntN(3) == 0 {
					e.Status = "probationary"
				}
				prob = e.Status == "probationary"
			case !member:
				e = tochuc.MembershipEvent{Event: tochuc.EventAdmitted, Date: d, UnitID: pick(avail)}
				prob = true
			case prob && r.IntN(3) > 0:
				e = tochuc.MembershipEvent{Event: tochuc.EventRecognized, Date: d}
				prob = false
			default:
				switch k := r.IntN(10); {
				case k < 4:
					e = tochuc.MembershipEvent{Event: tochuc.EventTransferred, Date: d, UnitID: pick(avail)}
				case k < 5:
					e = tochuc.MembershipEvent{Event: tochuc.EventTransferredOut, Date: d}
				case k < 6:
					e = tochuc.MembershipEvent{Event: tochuc.EventRemoved, Date: d}
				case k < 7:
					e = tochuc.MembershipEvent{Event: tochuc.EventExpelled, Date: d}
				case k < 8:
					e = tochuc.MembershipEvent{Event: tochuc.EventDied, Date: d}
				case k < 9 && p.died == 0:
					p.died, dead = d, true // died, no event
					continue
				default:
					e = tochuc.MembershipEvent{Event: tochuc.EventTransferred, Date: d, UnitID: pick(avail)}
				}
			}
			if e.UnitID != "" && e.UnitID == org && e.Event == tochuc.EventTransferred {
				e.UnitID = pick(slices.DeleteFunc(slices.Clone(avail), func(c string) bool { return c == org }))
			}
			p.evs = append(p.evs, e)
			switch e.Event {
			case tochuc.EventAdmitted, tochuc.EventTransferredIn, tochuc.EventTransferred:
				member, org = true, e.UnitID
			case tochuc.EventRecognized:
			case tochuc.EventDied:
				member, dead = false, true
				if r.IntN(2) == 0 {
					p.died = d
				}
			default:
				member = false
			}
			d = d.AddDays(1 + r.IntN(8*365))
		}
		if member && org == "C33" && !dead {
			p.evs = append(p.evs, tochuc.MembershipEvent{Event: tochuc.EventTransferred, Date: end, UnitID: "C11"})
		}
		w.people = append(w.people, p)
	}
	return w
}

// bundle writes the world as a bundle.
func (w *oracleWorld) bundle() bundle.Tables {
	b := bundle.Tables{}
	names := map[string]string{"DBT": "Đảng bộ tỉnh", "HU1": "Đảng bộ huyện Một", "HU2": "Đảng bộ huyện Hai", "HU3": "Đảng bộ huyện Ba"}
	for _, u := range w.units {
		kind, name := "party_cell", "Chi bộ "+u.id
		switch {
		case u.id == "DBT":
			kind, name = "party_provincial", names[u.id]
		case strings.HasPrefix(u.id, "HU"):
			kind, name = "party_upper", names[u.id]
		}
		row := map[string]string{"id": u.id, "name": name, "kind": kind, "parent_id": u.parent, "valid_from": u.p.From.String()}
		if u.p.To != 0 {
			row["valid_to"] = u.p.To.String()
		}
		b.Add("units", row)
	}
	for _, p := range w.people {
		row := map[string]string{"id": p.id, "full_name": "Người " + p.id, "gender": p.gender, "ethnicity": p.ethnicity, "religion": p.religion}
		if p.birth != 0 {
			row["birth_date"] = p.birth.String()
		}
		if p.died != 0 {
			row["died_on"] = p.died.String()
		}
		b.Add("people", row)
		seen := map[[2]string]bool{}
		for _, q := range p.quals {
			if k := [2]string{q[0], q[1]}; !seen[k] {
				seen[k] = true
				b.Add("qualifications", map[string]string{"person_id": p.id, "kind": q[0], "level": q[1], "obtained_on": q[2]})
			}
		}
		for _, e := range p.evs {
			b.Add("party", map[string]string{"person_id": p.id, "event": e.Event, "date": e.Date.String(), "unit_id": e.UnitID, "status": e.Status})
		}
	}
	return b
}

// TestMemberStatisticsOracle compares the catalog's member statistics with
// the oracle at several dates, comparison dates and scopes.
func TestMemberStatisticsOracle(t *testing.T) {
	ctx := context.Background()
	w := newOracleWorld(2026)
	// Qualifications repeated with one kind and level keep the first row (the key).
	for _, p := range w.people {
		seen := map[[2]string]bool{}
		p.quals = slices.DeleteFunc(p.quals, func(q [3]string) bool {
			k := [2]string{q[0], q[1]}
			dup := seen[k]
			seen[k] = true
			return dup
		})
	}
	db := sqldbtest.Open(t)
	sqldbtest.MustImport(t, db, w.bundle())
	ids := []string{"party.members", "party.members.gender", "party.members.age", "party.members.ethnicity", "party.members.religious",
		"party.members.education", "party.members.theory", "party.admitted", "party.recognized", "party.transferred_in", "party.losses"}
	byParts := map[string]bool{"party.members.gender": true, "party.members.age": true, "party.members.ethnicity": true,
		"party.members.education": true, "party.members.theory": true, "party.losses": true}
	flows := map[string]bool{"party.admitted": true, "party.recognized": true, "party.transferred_in": true, "party.losses": true}
	checked := 0
	for _, at := range [][2]string{{"2018-12-31", ""}, {"2024-12-31", "2023-12-31"}, {"2025-06-30", "2024-12-31"},
		{"2025-07-01", "2025-06-30"}, {"2025-12-31", "2024-12-31"}, {"2026-11-30", "2025-12-31"}, {"2026-11-30", ""}} {
		for _, scope := range []string{"", "DBT", "HU1", "HU2", "HU3", "C11", "C31"} {
			if _, ok := w.unitAt(scope, tochuc.MustDate(at[0])); scope != "" && !ok {
				continue // a report's scope exists on its date
			}
			p := indicator.Params{AsOf: tochuc.MustDate(at[0]), Scope: scope}
			if at[1] != "" {
				p.Since = tochuc.MustDate(at[1])
			}
			res, err := indicator.Compute(ctx, db.Reader(sqldb.Recorded{}), p)
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]indicator.Indicator{}
			for _, ind := range res.Indicators {
				got[ind.ID] = ind
			}
			want := w.figures(p.AsOf, p.Since, scope)
			var then map[string]map[string]int
			if p.Since != 0 {
				then = w.figures(p.Since, 0, scope)
			}
			for _, id := range ids {
				ind, ok := got[id]
				if !ok {
					t.Fatalf("%s is not in the catalog", id)
				}
				what := fmt.Sprintf("%s on %s since %s in %q", id, at[0], at[1], scope)
				total := 0
				for _, n := range want[id] {
					total += n
				}
				if ind.Value != total {
					t.Errorf("%s: value %d, want %d", what, ind.Value, total)
				}
				if byParts[id] {
					if gb, wb := nonZero(ind.By), nonZero(want[id]); !maps.Equal(gb, wb) {
						t.Errorf("%s: by %v, want %v", what, gb, wb)
					}
				}
				checked++
				if p.Since == 0 || flows[id] {
					continue
				}
				tt := 0
				for _, n := range then[id] {
					tt += n
				}
				if ind.Since == nil || ind.Change == nil || ind.Since.Value != tt || *ind.Change != total-tt {
					t.Errorf("%s: since %+v change %v, want %d and %d", what, ind.Since, ind.Change, tt, total-tt)
				}
			}
			// The breakdowns add up to the members.
			for _, id := range []string{"party.members.gender", "party.members.age", "party.members.ethnicity", "party.members.education", "party.members.theory"} {
				sum := 0
				for _, n := range got[id].By {
					sum += n
				}
				if sum != got["party.members"].Value {
					t.Errorf("%s on %s in %q: parts add up to %d, members %d", id, at[0], scope, sum, got["party.members"].Value)
				}
			}
		}
	}
	t.Logf("%d figures compared", checked)
}

func nonZero(m map[string]int) map[string]int {
	out := map[string]int{}
	for k, v := range m {
		if v != 0 && k != "" {
			out[k] = v
		}
	}
	return out
}
