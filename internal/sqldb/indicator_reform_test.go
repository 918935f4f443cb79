package sqldb_test

import (
	"context"
	"strings"
	"testing"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/indicator"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/sqldb/sqldbtest"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// The reform fixture: a district commune XA until 2025-07-01, and from that
// day a commune XN directly under the province, whose party committee is
// party_upper (indicators-v1 amendment 1). On both sides a party cell is set
// up in the commune's People's Committee and its secretary chairs the
// committee: that cell is never the commune's party organization.
var reformUnits = `
T|Tỉnh Mẫu|province||||||
H|Huyện Mẫu|district|T|||||2025-07-01
XA|Xã A|commune|H|||xa||2025-07-01
XN|Xã Mới|commune|T|||xa|2025-07-01|
DBT|Đảng bộ tỉnh Mẫu|party_provincial||T||||
BNC|Ban Nội chính Tỉnh ủy|party_board_internal_affairs|DBT|T||||
BTD|Ban Tuyên giáo và Dân vận Tỉnh ủy|party_board_propaganda_mass_mobilization|DBT|T|||2025-07-01|
HU|Đảng bộ huyện Mẫu|party_upper|DBT|H||||2025-07-01
DXA|Đảng bộ xã A|party_grassroots_committee|HU|XA||||2025-07-01
HDA|HĐND xã A|people_council||XA||||2025-07-01
UBA|UBND xã A|people_committee||XA||||2025-07-01
CUA|Chi bộ cơ quan UBND xã A|party_grassroots_cell|HU|XA|UBA|||2025-07-01
DXN|Đảng bộ xã Mới|party_upper|DBT|XN|||2025-07-01|
HDN|HĐND xã Mới|people_council||XN|||2025-07-01|
UBN|UBND xã Mới|people_committee||XN|||2025-07-01|
CUN|Chi bộ cơ quan UBND xã Mới|party_grassroots_cell|DXN|XN|UBN||2025-07-01|
TDN|Tổ đảng cơ quan UBND xã Mới|party_group|CUN|XN|||2025-07-01|
EN|Công ty TNHH Mới|enterprise||XN|||2025-07-01|
CEN|Chi bộ Công ty TNHH Mới|party_grassroots_cell|DXN|XN|EN||2025-07-01|
`

// reformPosts: person|unit|role|from|to.
var reformPosts = `
A1|DXA|secretary|2020-10-01|2025-07-01
A1|HDA|chair|2021-06-01|2025-07-01
A2|CUA|secretary|2020-10-01|2025-07-01
A2|UBA|chair|2021-06-01|2025-07-01
A3|CUA|deputy_secretary|2020-10-01|2025-07-01
A4|DXA|standing_deputy_secretary|2020-10-01|2025-07-01
B1|DXN|secretary|2025-07-01|
B1|HDN|chair|2025-07-01|
B2|CUN|secretary|2025-07-01|
B2|UBN|chair|2025-07-01|
B3|DXN|deputy_secretary|2025-07-01|
B4|CEN|secretary|2025-07-01|
B5|DXN|standing_deputy_secretary|2025-07-01|
`

func reformFixture() bundle.Tables {
	t := bundle.Tables{}
	for _, line := range strings.Split(strings.TrimSpace(reformUnits), "\n") {
		c := strings.Split(line, "|")
		from := c[7]
		if from == "" {
			from = "2000-01-01"
		}
		own := ""
		if c[2] == "enterprise" {
			own = "non_state"
		}
		t.Add("units", map[string]string{"id": c[0], "name": c[1], "kind": c[2], "parent_id": c[3], "locality_id": c[4],
			"host_id": c[5], "subtype": c[6], "ownership": own, "valid_from": from, "valid_to": c[8]})
	}
	people := map[string]bool{}
	for _, line := range strings.Split(strings.TrimSpace(reformPosts), "\n") {
		c := strings.Split(line, "|")
		if !people[c[0]] {
			people[c[0]] = true
			t.Add("people", map[string]string{"id": c[0], "full_name": "Người " + c[0]})
			t.Add("party", map[string]string{"person_id": c[0], "event": "admitted", "date": "2000-01-01", "unit_id": "DBT"})
		}
		t.Add("assignments", map[string]string{"person_id": c[0], "unit_id": c[1], "role": c[2], "valid_from": c[3], "valid_to": c[4], "how": "elected"})
	}
	return t
}

// TestIndicatorsCommunePartyReform: F6, F8 and F15 take the commune's own
// party organization on both sides of 2025-07-01 (amendment 1), count a
// standing deputy secretary as a deputy secretary, and never a cell hosted
// in the People's Committee or an enterprise.
func TestIndicatorsCommunePartyReform(t *testing.T) {
	ctx := context.Background()
	db := sqldbtest.Open(t)
	sqldbtest.MustImport(t, db, reformFixture())
	at := func(d, scope string) map[string]indicator.Indicator {
		return indCompute(t, db, sqldb.Recorded{}, indicator.Params{AsOf: tochuc.MustDate(d), Scope: scope})
	}
	before := []indExpect{
		{id: "units.commune", now: wantCount(1)},
		{id: "units.district", now: wantCount(1)},
		{id: "units.party_board_internal_affairs", now: wantCount(1)},
		{id: "units.party_board_propaganda_mass_mobilization", now: wantCount(0)},
		{id: "concurrency.commune.secretary_council_chair", now: wantShare(1, 1)},   // A1
		{id: "concurrency.commune.secretary_committee_chair", now: wantShare(0, 1)}, // A2's cell is hosted
		{id: "key_cadres.commune.count", now: wantCount(3)},                         // A1, A2 (chair), A4 (standing deputy); not A3
		{id: "key_cadres.commune.college_plus", now: wantShare(0, 3)},
	}
	after := []indExpect{
		{id: "units.commune", now: wantCount(1)},
		{id: "units.district", now: wantCount(0)},
		{id: "units.party_upper", now: wantCount(1)},
		{id: "units.party_group", now: wantCount(1)},
		{id: "units.party_board_propaganda_mass_mobilization", now: wantCount(1)},
		{id: "concurrency.commune.secretary_council_chair", now: wantShare(1, 1)},   // B1 in the party_upper committee
		{id: "concurrency.commune.secretary_committee_chair", now: wantShare(0, 1)}, // B2's cell is hosted
		{id: "key_cadres.commune.count", now: wantCount(4)},                         // B1, B2 (chair), B3, B5; not B4
		{id: "key_cadres.commune.theory_intermediate_plus", now: wantShare(0, 4)},
	}
	indCheckAll(t, at("2025-06-30", ""), false, before)
	indCheckAll(t, at("2025-06-30", "XA"), false, before[4:])
	indCheckAll(t, at("2025-07-01", ""), false, after)
	indCheckAll(t, at("2026-06-30", ""), false, after)
	indCheckAll(t, at("2026-06-30", "XN"), false, after[5:])
	indCheckAll(t, at("2026-06-30", "T"), false, after)

	// Explain lists the same persons.
	p := indicator.Params{AsOf: tochuc.MustDate("2026-06-30")}
	def, _ := indicator.Lookup("key_cadres.commune.count")
	items, err := db.Reader(sqldb.Recorded{}).Items(ctx, p, def)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, it := range items {
		ids = append(ids, it.ID)
	}
	if got := strings.Join(ids, " "); got != "B1 B2 B3 B5" {
		t.Errorf("key cadres on 2026-06-30: %s, want B1 B2 B3 B5", got)
	}
}
