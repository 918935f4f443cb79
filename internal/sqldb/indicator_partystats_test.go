package sqldb_test

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/indicator"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/sqldb/sqldbtest"
	"github.com/tochuc/tochuc/internal/textvn"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// The party statistics fixture (indicators-v1 amendment 2): two districts'
// party committees; the cell C1 of HU1 ends on 2024-06-01 and its members
// are transferred that day to C1B of HU2 (across the edge of HU1's scope);
// members who die with and without a died event, who are removed, expelled,
// transferred out, in, and across; people without birth dates; several
// theory diplomas.
var statUnits = `
T|Tỉnh Mẫu|province|||2000-01-01|
H1|Huyện Một|district|T||2000-01-01|
H2|Huyện Hai|district|T||2000-01-01|
DBT|Đảng bộ tỉnh|party_provincial||T|2000-01-01|
HU1|Huyện ủy Một|party_upper|DBT|H1|2000-01-01|
HU2|Huyện ủy Hai|party_upper|DBT|H2|2000-01-01|
C1|Chi bộ Một|party_cell|HU1||2000-01-01|2024-06-01
C1B|Chi bộ Một B|party_cell|HU2||2024-06-01|
C2|Chi bộ Hai|party_cell|HU2||2000-01-01|
C3|Chi bộ Ba|party_cell|HU1||2000-01-01|
`

// statPerson is a person of the fixture: id|gender|birth|ethnicity|religion|died_on.
var statPeople = `
P1|male|1990-06-15|Kinh||
P2|female|1950-01-01| KINH |Phật giáo|2024-03-10
P3|||Tày||
P4|female|1994-12-31|Kính||
P5|male|1960-02-29|||
P6|male|1984-07-01|kinh|Công giáo|2024-11-01
P7|male|1970-01-01|Nùng||
P8|female|1993-12-31|Kinh||
P9|male|1954-01-01|Kinh||
P10|female|2001-05-05|Kinh||
`

// statEvents: person|event|date|unit|status.
var statEvents = `
P1|admitted|2015-03-01|C1|
P1|recognized|2016-03-01||
P1|transferred|2024-06-01|C1B|
P2|admitted|2000-01-01|C3|
P3|admitted|2024-02-01|C3|
P3|recognized|2025-02-01||
P4|transferred_in|2024-05-01|C2|official
P4|removed|2024-09-01||
P5|admitted|2000-01-01|C2|
P5|recognized|2001-01-01||
P5|expelled|2024-10-01||
P6|admitted|2010-01-01|C3|
P6|recognized|2011-01-01||
P6|died|2024-11-01||
P7|admitted|2005-01-01|C2|
P7|recognized|2006-01-01||
P7|transferred_out|2024-04-01||
P8|admitted|2000-01-01|C1|
P8|recognized|2001-01-01||
P8|transferred|2023-01-01|C3|
P9|admitted|2020-01-01|C2|
P9|recognized|2021-01-01||
P9|transferred|2024-07-01|C3|
P10|transferred_in|2024-08-01|C1B|probationary
`

// statQuals: person|kind|level|obtained_on.
var statQuals = `
P1|education|university|2012-06-01
P1|political_theory|elementary|2015-01-01
P1|political_theory|intermediate|2024-01-15
P3|political_theory|bachelor|
P3|education|college|2030-01-01
P6|political_theory|advanced|2000-01-01
P6|political_theory|elementary|1999-01-01
P8|education|master|
P8|education|intermediate|
P9|education|doctor|2024-06-01
`

type statFixture struct {
	units  [][]string // id name kind parent locality from to
	people map[string][]string
	events map[string][]tochuc.MembershipEvent
	quals  [][]string
	order  []string
}

func lines(s string) [][]string {
	var out [][]string
	for _, l := range strings.Split(strings.TrimSpace(s), "\n") {
		out = append(out, strings.Split(l, "|"))
	}
	return out
}

func newStatFixture() statFixture {
	f := statFixture{people: map[string][]string{}, events: map[string][]tochuc.MembershipEvent{}}
	f.units = lines(statUnits)
	for _, c := range lines(statPeople) {
		f.people[c[0]] = c
		f.order = append(f.order, c[0])
	}
	for _, c := range lines(statEvents) {
		f.events[c[0]] = append(f.events[c[0]], tochuc.MembershipEvent{Event: c[1], Date: tochuc.MustDate(c[2]), UnitID: c[3], Status: c[4]})
	}
	f.quals = lines(statQuals)
	return f
}

func (f statFixture) tables() bundle.Tables {
	t := bundle.Tables{}
	for _, c := range f.units {
		t.Add("units", map[string]string{"id": c[0], "name": c[1], "kind": c[2], "parent_id": c[3], "locality_id": c[4], "valid_from": c[5], "valid_to": c[6]})
	}
	for _, id := range f.order {
		c := f.people[id]
		t.Add("people", map[string]string{"id": c[0], "full_name": "Người " + c[0], "gender": c[1], "birth_date": c[2], "ethnicity": c[3],
			"religion": c[4], "died_on": c[5]})
	}
	for _, c := range lines(statEvents) {
		t.Add("party", map[string]string{"person_id": c[0], "event": c[1], "date": c[2], "unit_id": c[3], "status": c[4]})
	}
	for _, c := range f.quals {
		t.Add("qualifications", map[string]string{"person_id": c[0], "kind": c[1], "level": c[2], "obtained_on": c[3]})
	}
	return t
}

// inScope follows parent and locality links of the units valid on d up from u.
func (f statFixture) inScope(u, scope string, d tochuc.Date) bool {
	if u == "" {
		return false
	}
	if scope == "" || u == scope {
		return true
	}
	for _, c := range f.units {
		from, to := tochuc.MustDate(c[5]), tochuc.Date(0)
		if c[6] != "" {
			to = tochuc.MustDate(c[6])
		}
		if c[0] == u && from <= d && (to == 0 || d < to) {
			return f.inScope(c[3], scope, d) || f.inScope(c[4], scope, d)
		}
	}
	return false
}

func (f statFixture) died(id string) tochuc.Date {
	if c := f.people[id]; c[5] != "" {
		return tochuc.MustDate(c[5])
	}
	return 0
}

// member returns the person's organization on d when a member in the scope.
func (f statFixture) member(id, scope string, d tochuc.Date) (tochuc.Membership, bool) {
	m := tochuc.MembershipAt(f.events[id], d, f.died(id))
	return m, m.Member && f.inScope(m.UnitID, scope, d)
}

// level is a person's highest level of a kind obtained on or before d.
func (f statFixture) level(id, kind string, d tochuc.Date) string {
	best, rank := "", 0
	for _, q := range f.quals {
		if q[0] != id || q[1] != kind || q[3] != "" && tochuc.MustDate(q[3]) > d {
			continue
		}
		if r, _ := tochuc.LevelRank(kind, q[2]); r > rank {
			best, rank = q[2], r
		}
	}
	return best
}

// oracle computes the amendment's indicators over the fixture's rows in Go:
// id → part → count (part "" for the value).
func (f statFixture) oracle(scope string, since, d tochuc.Date) map[string]map[string]int {
	out := map[string]map[string]int{}
	add := func(id, part string) {
		if out[id] == nil {
			out[id] = map[string]int{}
		}
		out[id][""]++
		if part != "" {
			out[id][part]++
		}
	}
	t := d.Time()
	for _, id := range f.order {
		c := f.people[id]
		m, ok := f.member(id, scope, d)
		if !ok {
			continue
		}
		add("party.members", map[bool]string{true: "probationary", false: "official"}[m.Probationary])
		gender := c[1]
		if gender != "male" && gender != "female" {
			gender = "unknown"
		}
		add("party.members.gender", gender)
		age := "unknown"
		if c[2] != "" {
			b := tochuc.MustDate(c[2]).Time()
			years := t.Year() - b.Year()
			if t.Month() < b.Month() || t.Month() == b.Month() && t.Day() < b.Day() {
				years--
			}
			switch {
			case years <= 30:
				age = "to_30"
			case years <= 40:
				age = "31_40"
			case years <= 50:
				age = "41_50"
			case years <= 60:
				age = "51_60"
			case years <= 70:
				age = "61_70"
			default:
				age = "over_70"
			}
		}
		add("party.members.age", age)
		eth := "minority"
		if strings.TrimSpace(c[3]) == "" {
			eth = "unknown"
		} else if strings.EqualFold(strings.TrimSpace(textvn.Fold(c[3])), "kinh") {
			eth = "kinh"
		}
		add("party.members.ethnicity", eth)
		if strings.TrimSpace(c[4]) != "" {
			add("party.members.religious", "")
		}
		edu := f.level(id, tochuc.QualEducation, d)
		if edu == "" {
			edu = "none"
		}
		add("party.members.education", edu)
		th := f.level(id, tochuc.QualPoliticalTheory, d)
		switch th {
		case "":
			th = "none"
		case "bachelor":
			th = "advanced"
		}
		add("party.members.theory", th)
	}
	inWindow := func(on tochuc.Date) bool { return on <= d && (since == 0 || on > since) }
	for _, id := range f.order {
		for _, e := range f.events[id] {
			if !inWindow(e.Date) {
				continue
			}
			before := e.Date.AddDays(-1)
			pm, prevIn := f.member(id, scope, before)
			switch e.Event {
			case tochuc.EventAdmitted:
				if f.inScope(e.UnitID, scope, e.Date) {
					add("party.admitted", "")
				}
			case tochuc.EventRecognized:
				if prevIn {
					add("party.recognized", "")
				}
			case tochuc.EventTransferredIn:
				if f.inScope(e.UnitID, scope, e.Date) {
					add("party.transferred_in", "")
				}
			case tochuc.EventTransferred:
				newIn := f.inScope(e.UnitID, scope, e.Date)
				if pm.Member && newIn && !prevIn {
					add("party.transferred_in", "")
				}
				if prevIn && !newIn {
					add("party.losses", "transferred_out")
				}
			default:
				if prevIn {
					add("party.losses", e.Event)
				}
			}
		}
		died := f.died(id)
		if died == 0 || !inWindow(died) {
			continue
		}
		dead := false
		for _, e := range f.events[id] {
			dead = dead || e.Event == tochuc.EventDied && e.Date <= died
		}
		if _, ok := f.member(id, scope, died.AddDays(-1)); ok && !dead {
			add("party.losses", "died")
		}
	}
	return out
}

// statIDs are the indicators of amendment 2, with party.members.
var statIDs = []string{"party.members", "party.members.gender", "party.members.age", "party.members.ethnicity", "party.members.religious",
	"party.members.education", "party.members.theory", "party.admitted", "party.recognized", "party.transferred_in", "party.losses"}

// figureOf reads an indicator as the oracle's map.
func figureOf(ind indicator.Indicator, by map[string]int, value int) map[string]int {
	out := map[string]int{}
	if value != 0 {
		out[""] = value
	}
	for k, v := range by {
		if v != 0 {
			out[k] = v
		}
	}
	return out
}

// TestPartyStatsOracle: the amendment's indicators agree with the oracle at
// several dates and scopes, with and without a comparison date; each
// breakdown adds up to party.members; the records of each part (Explain)
// are as many as its figure; the movement balances where no unit moved.
func TestPartyStatsOracle(t *testing.T) {
	ctx := context.Background()
	f := newStatFixture()
	db := sqldbtest.Open(t)
	sqldbtest.MustImport(t, db, f.tables())
	reader := db.Reader(sqldb.Recorded{})
	dates := [][2]string{{"2023-12-31", "2024-12-31"}, {"", "2024-06-01"}, {"2024-05-31", "2024-06-01"}, {"2024-03-09", "2024-03-10"},
		{"2024-01-01", "2025-06-30"}, {"", "2016-01-01"}}
	for _, scope := range []string{"", "T", "H1", "HU1", "HU2", "C3", "C1"} {
		for _, ds := range dates {
			var since tochuc.Date
			if ds[0] != "" {
				since = tochuc.MustDate(ds[0])
			}
			d := tochuc.MustDate(ds[1])
			name := fmt.Sprintf("%s/%s..%s", scope, ds[0], ds[1])
			p := indicator.Params{AsOf: d, Since: since, Scope: scope}
			if scope == "C1" && d >= tochuc.MustDate("2024-06-01") {
				continue // C1 no longer exists
			}
			res, err := indicator.Compute(ctx, reader, p)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			got := map[string]indicator.Indicator{}
			for _, ind := range res.Indicators {
				got[ind.ID] = ind
			}
			want := f.oracle(scope, since, d)
			var wantThen map[string]map[string]int
			if since != 0 {
				wantThen = f.oracle(scope, 0, since)
			}
			for _, id := range statIDs {
				ind := got[id]
				if g := figureOf(ind, ind.By, ind.Value); !maps.Equal(g, want[id]) && !(len(g) == 0 && want[id] == nil) {
					t.Errorf("%s %s: got %v, oracle %v", name, id, g, want[id])
				}
				def, _ := indicator.Lookup(id)
				if since != 0 && !def.Flow {
					if ind.Since == nil {
						t.Errorf("%s %s: no since", name, id)
					} else if g := figureOf(indicator.Indicator{}, ind.Since.By, ind.Since.Value); !maps.Equal(g, wantThen[id]) && !(len(g) == 0 && wantThen[id] == nil) {
						t.Errorf("%s %s at since: got %v, oracle %v", name, id, g, wantThen[id])
					}
				}
				if len(def.Parts) > 0 && !def.Flow {
					sum := 0
					for _, v := range ind.By {
						sum += v
					}
					if sum != got["party.members"].Value {
						t.Errorf("%s %s: parts add up to %d, party.members %d", name, id, sum, got["party.members"].Value)
					}
				}
				// the names behind each part are as many as its figure
				for _, part := range append([]string{""}, def.Parts...) {
					e, err := indicator.OpenPart(ctx, reader, p, id, part)
					if err != nil {
						t.Fatalf("%s %s/%s: %v", name, id, part, err)
					}
					n := 0
					if err := e.EachOf(func(it indicator.Item) error { n++; return nil }); err != nil {
						t.Fatalf("%s %s/%s: %v", name, id, part, err)
					}
					want := ind.Value
					if part != "" {
						want = ind.By[part]
					}
					if n != want {
						t.Errorf("%s %s/%s: %d records, figure %d", name, id, part, n, want)
					}
				}
			}
			if since != 0 { // start + in − out = end
				in := got["party.admitted"].Value + got["party.transferred_in"].Value
				out := got["party.losses"].Value
				if m := got["party.members"]; m.Since.Value+in-out != m.Value {
					t.Errorf("%s: %d + %d − %d ≠ %d", name, m.Since.Value, in, out, m.Value)
				}
			}
		}
	}
}

// TestPartyStatsCases pins the cases the oracle might share a mistake with.
func TestPartyStatsCases(t *testing.T) {
	f := newStatFixture()
	db := sqldbtest.Open(t)
	sqldbtest.MustImport(t, db, f.tables())
	at := func(scope, since, d string) map[string]indicator.Indicator {
		p := indicator.Params{AsOf: tochuc.MustDate(d), Scope: scope}
		if since != "" {
			p.Since = tochuc.MustDate(since)
		}
		return indCompute(t, db, sqldb.Recorded{}, p)
	}
	year := at("", "2023-12-31", "2024-12-31")
	// P2 died on 2024-03-10 without a died event; P6 with one (counted once); P5 expelled; P4 removed; P7 transferred out.
	if got := year["party.losses"].By; !maps.Equal(got, map[string]int{"removed": 1, "expelled": 1, "died": 2, "transferred_out": 1}) {
		t.Errorf("losses 2024: %v", got)
	}
	// HU1: P1 leaves on the day C1 ended, P9 arrives from HU2.
	hu1 := at("HU1", "2023-12-31", "2024-12-31")
	if got := hu1["party.losses"].By["transferred_out"]; got != 1 {
		t.Errorf("HU1 transferred out 2024: %d, want 1 (P1)", got)
	}
	if got := hu1["party.transferred_in"].Value; got != 1 {
		t.Errorf("HU1 transferred in 2024: %d, want 1 (P9)", got)
	}
	hu2 := at("HU2", "2023-12-31", "2024-12-31")
	if got := hu2["party.transferred_in"].Value; got != 3 { // P4, P10 (transferred_in), P1 (from HU1)
		t.Errorf("HU2 transferred in 2024: %d, want 3", got)
	}
	// P3 has no birth date, no gender; P1's theory on 2024-12-31 is intermediate (two diplomas); P3's bachelor is advanced.
	end := at("", "", "2024-12-31")
	if got := end["party.members.age"].By["unknown"]; got != 1 {
		t.Errorf("age unknown: %d, want 1", got)
	}
	if got := end["party.members.theory"].By; got["intermediate"] != 1 || got["advanced"] != 1 {
		t.Errorf("theory: %v", got)
	}
	// P3's college is obtained only in 2030.
	if got := end["party.members.education"].By["college"]; got != 0 {
		t.Errorf("college on 2024-12-31: %d", got)
	}
	ids := slices.Collect(maps.Keys(end))
	if !slices.Contains(ids, "party.losses") {
		t.Error("party.losses not in the report")
	}
}
