package demo

import (
	"fmt"
	"testing"
)

// TestArticleFigures evaluates the indicators of indicators-v1 on the
// demo's tables in plain Go, on AsOf (2018-12-31) since Since (2018-05-30),
// and checks the figures F1–F20 of the article.
func TestArticleFigures(t *testing.T) {
	t.Parallel()
	_, w := seed1(t)
	checkFigures(t, w)
}

// TestArticleFiguresOtherSeeds: the figures do not depend on the seed.
func TestArticleFiguresOtherSeeds(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("builds two more provinces")
	}
	for _, seed := range []uint64{2, 2026} {
		t.Run(fmt.Sprint("seed", seed), func(t *testing.T) {
			t.Parallel()
			tables, err := Build(seed)
			if err != nil {
				t.Fatal(err)
			}
			checkFigures(t, readWorld(tables))
		})
	}
}

// checkFigures evaluates the indicators and compares them to the article.
func checkFigures(t *testing.T, w *world) {
	d, s := AsOf, Since
	change := func(kind, scope string) int { return len(w.unitsOf(kind, d, scope)) - len(w.unitsOf(kind, s, scope)) }
	eqInt := func(f string, got, want int) {
		t.Helper()
		if got != want {
			t.Errorf("%s: %d, want %d", f, got, want)
		} else {
			t.Logf("%s: %d", f, got)
		}
	}
	eqShare := func(f string, got share, value, of int) {
		t.Helper()
		if got.value != value || got.of != of {
			t.Errorf("%s: %s, want %d/%d", f, got, value, of)
		} else {
			t.Logf("%s: %s", f, got)
		}
	}
	eqPct := func(f string, got share, of int, pct float64) {
		t.Helper()
		if got.of != of && of != 0 || got.pct() != pct {
			t.Errorf("%s: %s = %.1f %%, want %.1f %% of %d", f, got, got.pct(), pct, of)
		} else {
			t.Logf("%s: %s = %.1f %%", f, got, got.pct())
		}
	}

	eqInt("districts", len(w.unitsOf("district", d, province)), 10)
	eqInt("communes", len(w.unitsOf("commune", d, province)), 230)
	eqInt("F1 divisions of the party advisory agencies", change("internal_division", provParty), -6)
	eqInt("F1 divisions of Tỉnh đoàn", change("internal_division", "VN1-24/DOAN"), -1)
	eqInt("F1 divisions of Hội LHPN tỉnh", change("internal_division", "VN1-24/HPN"), -1)
	eqInt("F2 divisions of the specialised agencies", change("internal_division", "VN1-24/UBND"), -2)
	eqInt("F3 public service units", change("public_service_unit", province), -102)
	now, then := w.staff(province, d), w.staff(province, s)
	eqInt("F4 staff", now["total"]-then["total"], -1120)
	eqInt("F4 staff, government bloc", now["state"]-then["state"], -1043)
	eqInt("F4 staff, party and mass organizations", now["party"]+now["front"]-then["party"]-then["front"], -77)
	eqInt("F4 staff, no sector", now["none"]-then["none"], 0)
	t.Logf("F4 staff on %s: %v; on %s: %v", s, then, d, now)

	upper := []string{"party_upper"}
	eqShare("F5", w.concurrency("district", province, d, "secretary", upper, "chair", "people_council"), 5, 10)
	eqShare("F6", w.concurrency("commune", province, d, "secretary", communeParty, "chair", "people_council"), 165, 230)
	eqShare("F7", w.concurrency("district", province, d, "secretary", upper, "chair", "people_committee"), 2, 10)
	eqShare("F8", w.concurrency("commune", province, d, "secretary", communeParty, "chair", "people_committee"), 4, 230)
	eqShare("F9", w.concurrency("district", province, d, "head", []string{"party_board_mass_mobilization"}, "chair", "fatherland_front"), 7, 10)
	eqShare("F10", w.concurrency("district", province, d, "head", []string{"party_board_propaganda"}, "director", "political_training_center"), 10, 10)
	eqShare("F11", w.withUnit(province, d, "party_office", "civil_servant"), 154, 230)
	eqShare("F12", w.withUnit(city, d, "combined_office", ""), 16, 16)
	eqShare("F13", w.withUnit(lucNam, d, "combined_office", ""), 12, 27)
	eqInt("F14", w.recruited(province, s, d), 94)
	keys := w.keyCadres(province, d)
	eqInt("F15", len(keys), 1186)
	eqPct("F16", w.atLeast(keys, "education", "college", d), 1186, 63.1)
	eqPct("F17", w.atLeast(keys, "political_theory", "intermediate", d), 1186, 97.0)
	eqPct("F18", w.villageMembers(province, "village_head", d), 0, 65.4)
	eqPct("F19", w.villageMembers(province, "deputy_village_head", d), 0, 46.6)
	byKind, members := w.nonStateOrgs(province, d)
	eqInt("F20 grassroots cells", byKind["party_grassroots_cell"], 2)
	eqInt("F20 cells under grassroots committees", byKind["party_cell"], 16)
	eqInt("F20 other kinds", byKind["party_grassroots_committee"]+byKind["party_sub_committee"], 0)
	eqInt("F20 members", members, 143)

	sk := w.keyCadres(province, s)
	sOrgs, sMembers := w.nonStateOrgs(province, s)
	t.Logf("on %s: F5 %s, F6 %s, F7 %s, F8 %s, F9 %s, F10 %s, F11 %s, F12 %s, F13 %s, F15 %d, F16 %s, F17 %s, F18 %s, F19 %s, F20 %v %d", s,
		w.concurrency("district", province, s, "secretary", upper, "chair", "people_council"),
		w.concurrency("commune", province, s, "secretary", communeParty, "chair", "people_council"),
		w.concurrency("district", province, s, "secretary", upper, "chair", "people_committee"),
		w.concurrency("commune", province, s, "secretary", communeParty, "chair", "people_committee"),
		w.concurrency("district", province, s, "head", []string{"party_board_mass_mobilization"}, "chair", "fatherland_front"),
		w.concurrency("district", province, s, "head", []string{"party_board_propaganda"}, "director", "political_training_center"),
		w.withUnit(province, s, "party_office", "civil_servant"), w.withUnit(city, s, "combined_office", ""),
		w.withUnit(lucNam, s, "combined_office", ""), len(sk),
		w.atLeast(sk, "education", "college", s), w.atLeast(sk, "political_theory", "intermediate", s),
		w.villageMembers(province, "village_head", s), w.villageMembers(province, "deputy_village_head", s),
		sOrgs, sMembers)
	t.Logf("units on %s: %d internal divisions in the party agencies, %d in the specialised agencies, %d public service units",
		s, len(w.unitsOf("internal_division", s, provParty)), len(w.unitsOf("internal_division", s, "VN1-24/UBND")),
		len(w.unitsOf("public_service_unit", s, province)))
}
