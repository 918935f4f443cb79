package demo

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// TestCadreWork checks the demo's cadre work on its tables, in plain Go
// (seed 1): terms of office, the 2025–2030 plan with its three deliberate
// violations, the ratings' rule sets, the disciplines and their effects,
// end reasons and rotations.
func TestCadreWork(t *testing.T) {
	t.Parallel()
	tables, _ := seed1(t)
	people := map[string]map[string]string{}
	for _, r := range rows(tables, "people") {
		people[r["id"]] = r
	}
	today := Today

	t.Run("Terms", func(t *testing.T) {
		got := map[string]bool{}
		for _, r := range rows(tables, "terms") {
			got[r["level"]+" "+r["term"]] = true
			if date0(r["ends_on"]) <= date0(r["starts_on"]) {
				t.Errorf("term %v ends before it starts", r)
			}
		}
		for _, want := range []string{"central 2021-2026", "central 2026-2031", "province 2015-2020", "province 2020-2025",
			"province 2025-2030", "district 2015-2020", "district 2020-2025", "commune 2020-2025", "commune 2025-2030",
			"grassroots 2020-2025", "grassroots 2025-2030"} {
			if !got[want] {
				t.Errorf("no term %s", want)
			}
		}
		if got["district 2025-2030"] {
			t.Error("a district term after the district level ended")
		}
	})

	t.Run("CitizenIDs", func(t *testing.T) {
		seen := map[string]bool{}
		for _, r := range rows(tables, "people") {
			id := r["citizen_id"]
			if id == "" {
				continue
			}
			y := r["birth_date"][2:4]
			if len(id) != 12 || !strings.HasPrefix(id, "024") || id[4:6] != y || seen[id] {
				t.Fatalf("citizen id %q of %v", id, r)
			}
			seen[id] = true
		}
		if len(seen) < 10000 {
			t.Errorf("%d citizen ids", len(seen))
		}
	})

	t.Run("Plan2025", func(t *testing.T) {
		type post struct{ unit, role string }
		nominees := map[post][]string{}
		perPerson := map[string]map[post]bool{}
		held := map[post]map[string]bool{}
		for _, r := range rows(tables, "assignments") {
			if p := period(r["valid_from"], r["valid_to"]); holds(p, today) {
				k := post{r["unit_id"], r["role"]}
				if held[k] == nil {
					held[k] = map[string]bool{}
				}
				held[k][r["person_id"]] = true
			}
		}
		var old, holding, removed []string
		persons := map[string]bool{}
		provincial := 0
		for _, r := range rows(tables, "plans") {
			if r["term"] != "2025-2030" {
				continue
			}
			added := date0(r["added_on"])
			if r["removed_on"] != "" {
				if r["removal_reason"] == "" {
					t.Errorf("removed without a reason: %v", r)
				}
				removed = append(removed, r["removal_reason"])
				continue
			}
			k := post{r["unit_id"], r["role"]}
			p := r["person_id"]
			nominees[k] = append(nominees[k], p)
			if perPerson[p] == nil {
				perPerson[p] = map[post]bool{}
			}
			perPerson[p][k] = true
			persons[p] = true
			if strings.HasPrefix(r["unit_id"], "VN2-24/") {
				provincial++
			}
			ret := tochuc.RetirementDate(date0(people[p]["birth_date"]), people[p]["gender"])
			if tochuc.MonthsLeft(added, ret) < 60 {
				old = append(old, p)
			}
			if held[k][p] {
				holding = append(holding, p)
			}
		}
		var over []string
		for k, ps := range nominees {
			if len(ps) > 3 {
				over = append(over, fmt.Sprintf("%s %s: %d", k.unit, k.role, len(ps)))
			}
		}
		if len(over) != 1 || !strings.HasPrefix(over[0], "VN2-24/UBND chair: 4") {
			t.Errorf("posts with more than 3 nominees (PLAN-02): %v, want the province's People's Committee chair with 4", over)
		}
		for p, ps := range perPerson {
			if len(ps) > 3 {
				t.Errorf("%s planned for %d posts (PLAN-03)", p, len(ps))
			}
		}
		if len(old) != 1 || len(holding) != 1 {
			t.Errorf("nominees with less than 60 months left (PLAN-05) %v, holding the post (PLAN-01) %v; want one each", old, holding)
		}
		if len(nominees) < 58*3 || provincial < 10 {
			t.Errorf("%d posts planned, %d provincial nominees", len(nominees), provincial)
		}
		women, young := 0, 0
		for p := range persons {
			if people[p]["gender"] == "female" {
				women++
			}
			if b := date0(people[p]["birth_date"]); tochuc.AgeOn(b, day("2025-01-01")) < 40 {
				young++
			}
		}
		n := len(persons)
		t.Logf("2025–2030 plan: %d posts, %d persons, %d women (%.1f %%), %d young (%.1f %%), %d removed: %v", len(nominees), n,
			women, 100*float64(women)/float64(n), young, 100*float64(young)/float64(n), len(removed), removed)
		if 4*women < n || 100*young < 15*n {
			t.Errorf("structure (PLAN-06): %d women, %d young of %d; want ≥ 25 %% and ≥ 15 %%", women, young, n)
		}
		if len(removed) < 2 || !slices.ContainsFunc(removed, func(s string) bool { return strings.Contains(s, "kỷ luật") }) {
			t.Errorf("removals: %v", removed)
		}
	})

	t.Run("Ratings", func(t *testing.T) {
		type group struct {
			year     int
			cat, by  string
			ex, good int
		}
		groups := map[string]*group{}
		statuses := map[string]int{}
		odd := 0
		for _, r := range rows(tables, "evaluations") {
			y, _ := strconv.Atoi(r["year"])
			if r["period"] != "year" {
				t.Fatalf("period %q", r["period"])
			}
			if (r["score"] != "") != (y >= 2025) {
				t.Fatalf("score %q in %d", r["score"], y)
			}
			if r["score"] != "" {
				s, _ := strconv.Atoi(r["score"])
				if tochuc.ScoreBand(s) != r["rating"] {
					odd++
				}
			}
			if r["status"] != "decided" {
				if y != 2025 || r["decided_on"] != "" {
					t.Fatalf("not decided: %v", r)
				}
			}
			if y >= 2023 {
				statuses[r["year"]+" "+r["status"]]++
			}
			if r["status"] != "decided" {
				continue
			}
			k := r["year"] + "|" + r["category"] + "|" + r["rated_by_id"]
			g := groups[k]
			if g == nil {
				g = &group{year: y, cat: r["category"], by: r["rated_by_id"]}
				groups[k] = g
			}
			switch r["rating"] {
			case "excellent":
				g.ex++
			case "good":
				g.good++
			}
		}
		var broken []string
		for k, g := range groups {
			if g.ex > 20*g.good/100 {
				broken = append(broken, k)
			}
		}
		t.Logf("statuses %v; over the quota %v", statuses, broken)
		if len(broken) != 1 || groups[broken[0]].year != 2024 {
			t.Errorf("groups over the quota (EVAL-11): %v, want one of 2024", broken)
		}
		if odd != 2 {
			t.Errorf("%d ratings out of their score's band, want 2", odd)
		}
		inProgress := statuses["2025 self_assessed"] + statuses["2025 appraised"]
		if all := inProgress + statuses["2025 decided"]; statuses["2025 self_assessed"] == 0 || statuses["2025 appraised"] == 0 ||
			inProgress*100 > all*20 {
			t.Errorf("2025 workflow: %v", statuses)
		}
	})

	t.Run("Discipline", func(t *testing.T) {
		forms := map[string]int{}
		events := map[string]bool{}
		for _, r := range rows(tables, "party") {
			if r["event"] == "expelled" {
				events[r["person_id"]+"|"+r["date"]] = true
			}
		}
		ends := map[string]string{}
		for _, r := range rows(tables, "assignments") {
			if r["valid_to"] != "" {
				ends[r["person_id"]+"|"+r["valid_to"]] = r["end_reason"]
			}
		}
		for _, r := range rows(tables, "discipline") {
			forms[r["form"]]++
			if r["authority_id"] == "" || r["document_id"] == "" || r["reason"] == "" {
				t.Errorf("discipline without authority, decision or reason: %v", r)
			}
			switch r["form"] {
			case "expulsion":
				if !events[r["subject_id"]+"|"+r["date"]] {
					t.Errorf("expulsion without an expelled event on its day: %v", r)
				}
			case "removal_from_post":
				if ends[r["subject_id"]+"|"+r["date"]] != "dismissed" {
					t.Errorf("removal from post: no post ended that day as dismissed: %v", r)
				}
			}
		}
		if forms["reprimand"] < 1 || forms["warning"] < 1 || forms["removal_from_post"] != 1 || forms["expulsion"] != 1 {
			t.Errorf("disciplines by form: %v", forms)
		}
		if len(events) != 1 {
			t.Errorf("%d expelled events, want the one of the expulsion", len(events))
		}
	})

	t.Run("EndReasons", func(t *testing.T) {
		reasons := map[string]int{}
		short, long := 0, 0
		for _, r := range rows(tables, "assignments") {
			if (r["valid_to"] == "") != (r["end_reason"] == "") {
				t.Fatalf("end reason %q of a post ending %q", r["end_reason"], r["valid_to"])
			}
			if r["end_reason"] != "" {
				reasons[r["end_reason"]]++
			}
			if r["how"] == "rotated" {
				to := date0(r["valid_to"])
				if to == 0 {
					to = today
				}
				if tochuc.MonthsBetween(date0(r["valid_from"]), to) < 36 {
					short++
				} else {
					long++
				}
			}
		}
		t.Logf("end reasons %v; rotations: %d short, %d long", reasons, short, long)
		for _, want := range []string{"term_end", "moved", "retired", "restructured", "dismissed", "reappointed"} {
			if reasons[want] == 0 {
				t.Errorf("no post ended as %s", want)
			}
		}
		if reasons["other"]*20 > reasons["term_end"] {
			t.Errorf("too many posts ended for another reason: %v", reasons)
		}
		if short == 0 || long == 0 {
			t.Errorf("rotations: %d shorter than 36 months, %d longer", short, long)
		}
	})
}
