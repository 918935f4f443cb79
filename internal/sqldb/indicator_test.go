package sqldb_test

import (
	"context"
	"fmt"
	"maps"
	"testing"

	"github.com/tochuc/tochuc/internal/indicator"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/sqldb/sqldbtest"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// indFig is an expected figure: value, of (-1: not a share), by (nil: none).
type indFig struct {
	value, of int
	by        map[string]int
}

// indExpect is an indicator's expected figures at D and, for a stock, at S.
type indExpect struct {
	id        string
	now, then indFig
}

func indParams(scope string, since bool) indicator.Params {
	p := indicator.Params{AsOf: tochuc.MustDate(indD), Scope: scope}
	if since {
		p.Since = tochuc.MustDate(indS)
	}
	return p
}

// openFixture returns a database holding the fixture.
func openIndFixture(t *testing.T) *sqldb.DB {
	t.Helper()
	db := sqldbtest.Open(t)
	sqldbtest.MustImport(t, db, indFixture())
	return db
}

func indCompute(t *testing.T, db *sqldb.DB, rec sqldb.Recorded, p indicator.Params) map[string]indicator.Indicator {
	ctx := context.Background()
	t.Helper()
	res, err := indicator.Compute(ctx, db.Reader(rec), p)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]indicator.Indicator{}
	for _, ind := range res.Indicators {
		out[ind.ID] = ind
	}
	if len(out) != len(indicator.Catalog()) {
		t.Fatalf("%d indicators, want %d", len(out), len(indicator.Catalog()))
	}
	return out
}

// checkFig compares one figure.
func indCheckFig(t *testing.T, what string, value int, of *int, by map[string]int, want indFig) {
	t.Helper()
	if value != want.value {
		t.Errorf("%s: value %d, want %d", what, value, want.value)
	}
	switch {
	case want.of < 0 && of != nil:
		t.Errorf("%s: of %d, want none", what, *of)
	case want.of >= 0 && (of == nil || *of != want.of):
		t.Errorf("%s: of %v, want %d", what, indFmtPtr(of), want.of)
	}
	if want.by != nil && !maps.Equal(by, want.by) {
		t.Errorf("%s: by %v, want %v", what, by, want.by)
	}
}

func indFmtPtr(p *int) string {
	if p == nil {
		return "none"
	}
	return fmt.Sprint(*p)
}

// checkAll compares the indicators with the expectations, at D and at S
// (when since), including change and ratio.
func indCheckAll(t *testing.T, got map[string]indicator.Indicator, since bool, want []indExpect) {
	t.Helper()
	for _, w := range want {
		ind, ok := got[w.id]
		if !ok {
			t.Errorf("%s: missing", w.id)
			continue
		}
		indCheckFig(t, w.id, ind.Value, ind.Of, ind.By, w.now)
		if w.now.of > 0 {
			r := float64(w.now.value) / float64(w.now.of)
			if ind.Ratio == nil || *ind.Ratio < r-1e-6 || *ind.Ratio > r+1e-6 {
				t.Errorf("%s: ratio %v, want %.6f", w.id, ind.Ratio, r)
			}
		} else if ind.Ratio != nil {
			t.Errorf("%s: ratio %v without of", w.id, *ind.Ratio)
		}
		if !since || ind.Flow {
			if ind.Since != nil || ind.Change != nil {
				t.Errorf("%s: since/change given for a flow or without since", w.id)
			}
			continue
		}
		if ind.Since == nil || ind.Change == nil {
			t.Errorf("%s: no since/change", w.id)
			continue
		}
		indCheckFig(t, w.id+" at S", ind.Since.Value, ind.Since.Of, ind.Since.By, w.then)
		if *ind.Change != w.now.value-w.then.value {
			t.Errorf("%s: change %d, want %d", w.id, *ind.Change, w.now.value-w.then.value)
		}
	}
}

func wantCount(n int) indFig                { return indFig{value: n, of: -1} }
func wantShare(n, of int) indFig            { return indFig{value: n, of: of} }
func wantBy(n int, b map[string]int) indFig { return indFig{value: n, of: -1, by: b} }

// indProvinceExpect is the whole province at D and S.
var indProvinceExpect = []indExpect{
	{"units.province", wantCount(1), wantCount(1)},
	{"units.district", wantCount(2), wantCount(3)}, // H3 dissolved on D
	{"units.commune", wantCount(3), wantCount(3)},  // X4 from the day after D; X1 renamed, counted once
	{"units.village", wantCount(3), wantCount(3)},
	{"units.party_upper", wantCount(2), wantCount(3)},
	{"units.party_grassroots_committee", wantCount(3), wantCount(3)},
	{"units.party_cell", wantCount(4), wantCount(5)}, // CE4 dissolved with its enterprise
	{"units.people_committee", wantCount(5), wantCount(5)},
	{"units.internal_division", wantCount(4), wantCount(4)},
	{"units.enterprise", wantCount(3), wantCount(4)},
	{"units.other", wantCount(0), wantCount(0)},
	{"staff.total", wantBy(94, map[string]int{"party": 10, "front": 11, "state": 23, "none": 50}),
		wantBy(101, map[string]int{"party": 20, "front": 11, "state": 20, "none": 50})},
	{"concurrency.district.secretary_council_chair", wantShare(1, 2), wantShare(0, 3)},
	{"concurrency.district.secretary_committee_chair", wantShare(1, 2), wantShare(1, 3)},
	{"concurrency.district.mass_mobilization_front", wantShare(0, 2), wantShare(1, 3)}, // the holder died
	{"concurrency.district.propaganda_training_center", wantShare(1, 2), wantShare(1, 3)},
	{"concurrency.commune.secretary_council_chair", wantShare(1, 3), wantShare(2, 3)},
	{"concurrency.commune.secretary_committee_chair", wantShare(1, 3), wantShare(1, 3)},
	{"commune.party_office_civil_servant", wantShare(1, 3), wantShare(1, 3)},
	{"commune.combined_office", wantShare(1, 3), wantShare(1, 3)},
	{"recruitment.commune.university_plus", wantCount(2), indFig{}},
	{"key_cadres.commune.count", wantCount(5), wantCount(6)},
	{"key_cadres.commune.college_plus", wantShare(3, 5), wantShare(3, 6)},
	{"key_cadres.commune.theory_intermediate_plus", wantShare(3, 5), wantShare(3, 6)},
	{"village.head_party_member", wantShare(1, 3), wantShare(2, 3)},
	{"village.deputy_head_party_member", wantShare(1, 2), wantShare(2, 2)},
	{"party.non_state_enterprise.orgs",
		wantBy(2, map[string]int{"party_grassroots_committee": 1, "party_grassroots_cell": 1, "party_sub_committee": 0, "party_cell": 0}),
		wantBy(3, map[string]int{"party_grassroots_committee": 1, "party_grassroots_cell": 1, "party_sub_committee": 0, "party_cell": 1})},
	{"party.non_state_enterprise.members", wantCount(3), wantCount(4)},
	{"party.members", wantBy(12, map[string]int{"probationary": 2, "official": 10}),
		wantBy(15, map[string]int{"probationary": 1, "official": 14})},
}

func TestIndicatorsProvince(t *testing.T) {
	db := openIndFixture(t)
	indCheckAll(t, indCompute(t, db, sqldb.Recorded{}, indParams("", true)), true, indProvinceExpect)
	// without since: the same figures at D, no since nor change; the flow counts every event up to D
	noSince := append([]indExpect{}, indProvinceExpect...)
	for i := range noSince {
		if noSince[i].id == "recruitment.commune.university_plus" {
			noSince[i].now = wantCount(4)
		}
	}
	indCheckAll(t, indCompute(t, db, sqldb.Recorded{}, indParams("", false)), false, noSince)
}

func TestIndicatorsScope(t *testing.T) {
	db := openIndFixture(t)
	// H1 reaches its communes through parent_id, UBND xã through locality_id,
	// village cells through both.
	indCheckAll(t, indCompute(t, db, sqldb.Recorded{}, indParams("H1", true)), true, []indExpect{
		{"units.district", wantCount(1), wantCount(1)},
		{"units.commune", wantCount(2), wantCount(2)},
		{"units.people_committee", wantCount(3), wantCount(3)},
		{"units.party_cell", wantCount(3), wantCount(4)},
		{"staff.total", wantBy(94, map[string]int{"party": 10, "front": 11, "state": 23, "none": 50}),
			wantBy(91, map[string]int{"party": 10, "front": 11, "state": 20, "none": 50})}, // not HU3
		{"concurrency.district.secretary_council_chair", wantShare(1, 1), wantShare(0, 1)},
		{"concurrency.commune.secretary_council_chair", wantShare(1, 2), wantShare(2, 2)},
		{"commune.combined_office", wantShare(0, 2), wantShare(0, 2)},
		{"recruitment.commune.university_plus", wantCount(2), indFig{}},
		{"key_cadres.commune.count", wantCount(5), wantCount(5)}, // P09 chairs the council of X2 from D
		{"village.head_party_member", wantShare(1, 3), wantShare(2, 3)},
		{"party.non_state_enterprise.orgs", wantBy(1, nil), wantBy(2, nil)},
		{"party.non_state_enterprise.members", wantCount(1), wantCount(2)},
		{"party.members", wantBy(7, map[string]int{"probationary": 1, "official": 6}),
			wantBy(12, map[string]int{"probationary": 0, "official": 12})},
	})
	indCheckAll(t, indCompute(t, db, sqldb.Recorded{}, indParams("H2", true)), true, []indExpect{
		{"units.commune", wantCount(1), wantCount(1)},
		{"units.people_committee", wantCount(2), wantCount(2)},
		{"commune.combined_office", wantShare(1, 1), wantShare(1, 1)},
		{"recruitment.commune.university_plus", wantCount(0), indFig{}},
		{"key_cadres.commune.count", wantCount(1), wantCount(1)},
		{"party.non_state_enterprise.orgs", wantBy(1, nil), wantBy(1, nil)},
		{"party.non_state_enterprise.members", wantCount(2), wantCount(2)},
		{"party.members", wantBy(4, map[string]int{"probationary": 1, "official": 3}),
			wantBy(3, map[string]int{"probationary": 1, "official": 2})},
	})
	indCheckAll(t, indCompute(t, db, sqldb.Recorded{}, indParams("X1", true)), true, []indExpect{
		{"units.commune", wantCount(1), wantCount(1)},
		{"key_cadres.commune.count", wantCount(3), wantCount(4)},
		{"recruitment.commune.university_plus", wantCount(1), indFig{}}, // recruited on S is not counted
		{"village.deputy_head_party_member", wantShare(1, 2), wantShare(2, 2)},
	})
}

func TestIndicatorsFlowBounds(t *testing.T) {
	db := openIndFixture(t)
	got := indCompute(t, db, sqldb.Recorded{}, indParams("", false))
	// without S: every recruitment up to D (P12, P30, P31, P35)
	indCheckAll(t, got, false, []indExpect{{"recruitment.commune.university_plus", wantCount(4), indFig{}}})
	p := indParams("", true)
	p.Since = tochuc.MustDate(indS).AddDays(-1) // S one day earlier: the recruitment on S counts
	indCheckAll(t, indCompute(t, db, sqldb.Recorded{}, p), false, []indExpect{{"recruitment.commune.university_plus", wantCount(3), indFig{}}})
	p = indParams("", true)
	p.AsOf = tochuc.MustDate(indD).AddDays(-1) // D one day earlier: the recruitment on D does not
	indCheckAll(t, indCompute(t, db, sqldb.Recorded{}, p), false, []indExpect{{"recruitment.commune.university_plus", wantCount(1), indFig{}}})
}
