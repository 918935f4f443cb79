package demo

import (
	"encoding/json"
	"github.com/tochuc/tochuc/internal/indicator/indicatortest"
	"maps"
	"os"
	"path/filepath"
	"testing"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// goldenFile is a golden report as written (report.WriteJSON), read here
// without the report package.
type goldenFile struct {
	AsOf  string `json:"as_of"`
	Since string `json:"since"`
	Scope *struct {
		ID string `json:"id"`
	} `json:"scope"`
	Indicators []struct {
		ID    string         `json:"id"`
		Value int            `json:"value"`
		Of    *int           `json:"of"`
		By    map[string]int `json:"by"`
		Since *struct {
			Value int            `json:"value"`
			Of    *int           `json:"of"`
			By    map[string]int `json:"by"`
		} `json:"since"`
	} `json:"indicators"`
}

// wfig is a figure computed by the walk: value, of (-1: not a share), by.
type wfig struct {
	value, of int
	by        map[string]int
}

// TestGoldenReportsChecked recomputes every figure of every golden report in
// testdata/ by a walk of the demo's tables (world: plain Go over the bundle,
// following indicators-v1 and its amendment 1 literally, sharing no code
// with the indicator engine of sqldb), at D and, for stocks, at S.
func TestGoldenReportsChecked(t *testing.T) {
	t.Parallel()
	_, w := seed1(t)
	files, _ := filepath.Glob(filepath.Join("testdata", "report-*.json"))
	if len(files) == 0 {
		t.Fatal("no golden reports")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			t.Parallel()
			raw, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			var g goldenFile
			if err := json.Unmarshal(raw, &g); err != nil {
				t.Fatal(err)
			}
			scope := ""
			if g.Scope != nil {
				scope = g.Scope.ID
			}
			d := date0(g.AsOf)
			var s tochuc.Date
			if g.Since != "" {
				s = date0(g.Since)
			}
			now := w.figures(scope, d, s)
			var then map[string]wfig
			if s != 0 {
				then = w.figures(scope, s, 0)
			}
			check := func(id, when string, value int, of *int, by map[string]int, want wfig) {
				t.Helper()
				gotOf := -1
				if of != nil {
					gotOf = *of
				}
				if value != want.value || gotOf != want.of || (want.by != nil && !maps.Equal(nonZero(by), nonZero(want.by))) {
					t.Errorf("%s %s: golden %d of %d by %v; the records give %d of %d by %v", id, when, value, gotOf, by, want.value, want.of, want.by)
				}
			}
			for _, ind := range g.Indicators {
				want, ok := now[ind.ID]
				if !ok {
					t.Errorf("%s: not computed by the walk", ind.ID)
					continue
				}
				check(ind.ID, "on "+g.AsOf, ind.Value, ind.Of, ind.By, want)
				if ind.Since != nil {
					check(ind.ID, "on "+g.Since, ind.Since.Value, ind.Since.Of, ind.Since.By, then[ind.ID])
				}
			}
		})
	}
}

// figures computes every indicator of the catalog on d in scope; the flow
// over (s, d] (s = 0: every event up to d).
func (w *world) figures(scope string, d, s tochuc.Date) map[string]wfig {
	out := map[string]wfig{}
	count := func(n int) wfig { return wfig{value: n, of: -1} }
	sh := func(x share) wfig { return wfig{value: x.value, of: x.of} }
	for _, k := range tochuc.UnitKinds {
		out["units."+k.Code] = count(len(w.unitsOf(k.Code, d, scope)))
	}
	st := w.staff(scope, d)
	out["staff.total"] = wfig{value: st["total"], of: -1, by: map[string]int{"party": st["party"], "front": st["front"], "state": st["state"], "none": st["none"]}}
	upper := []string{"party_upper"}
	out["concurrency.district.secretary_council_chair"] = sh(w.concurrency("district", scope, d, "secretary", upper, "chair", "people_council"))
	out["concurrency.district.secretary_committee_chair"] = sh(w.concurrency("district", scope, d, "secretary", upper, "chair", "people_committee"))
	out["concurrency.district.mass_mobilization_front"] = sh(w.concurrency("district", scope, d, "head", []string{"party_board_mass_mobilization"}, "chair", "fatherland_front"))
	out["concurrency.district.propaganda_training_center"] = sh(w.concurrency("district", scope, d, "head", []string{"party_board_propaganda"}, "director", "political_training_center"))
	out["concurrency.commune.secretary_council_chair"] = sh(w.concurrency("commune", scope, d, "secretary", communeParty, "chair", "people_council"))
	out["concurrency.commune.secretary_committee_chair"] = sh(w.concurrency("commune", scope, d, "secretary", communeParty, "chair", "people_committee"))
	out["commune.party_office_civil_servant"] = sh(w.withUnit(scope, d, "party_office", "civil_servant"))
	out["commune.combined_office"] = sh(w.withUnit(scope, d, "combined_office", ""))
	out["recruitment.commune.university_plus"] = count(w.recruited(scope, s, d))
	keys := w.keyCadres(scope, d)
	out["key_cadres.commune.count"] = count(len(keys))
	out["key_cadres.commune.college_plus"] = sh(w.atLeast(keys, "education", "college", d))
	out["key_cadres.commune.theory_intermediate_plus"] = sh(w.atLeast(keys, "political_theory", "intermediate", d))
	out["village.head_party_member"] = sh(w.villageMembers(scope, "village_head", d))
	out["village.deputy_head_party_member"] = sh(w.villageMembers(scope, "deputy_village_head", d))
	byKind, members := w.nonStateOrgs(scope, d)
	orgs := wfig{of: -1, by: map[string]int{}}
	for _, k := range []string{"party_grassroots_committee", "party_grassroots_cell", "party_sub_committee", "party_cell"} {
		orgs.by[k] = byKind[k]
		orgs.value += byKind[k]
	}
	out["party.non_state_enterprise.orgs"] = orgs
	out["party.non_state_enterprise.members"] = count(members)
	out["party.members"] = w.members(scope, d)
	for _, id := range []string{"party.members.religious", "party.admitted", "party.recognized", "party.transferred_in"} {
		out[id] = count(0)
	}
	for _, id := range []string{"party.members.gender", "party.members.age", "party.members.ethnicity", "party.members.education",
		"party.members.theory", "party.losses"} {
		out[id] = wfig{of: -1, by: map[string]int{}}
	}
	for id, parts := range w.memberStats(scope, d, s) {
		f := wfig{of: -1}
		for part, n := range parts {
			f.value += n
			if part != "" {
				if f.by == nil {
					f.by = map[string]int{}
				}
				f.by[part] = n
			}
		}
		if id != "party.members" {
			out[id] = f
		}
	}
	return out
}

// nonZero drops the parts counted zero (a part left out counts zero).
func nonZero(by map[string]int) map[string]int {
	out := map[string]int{}
	for k, n := range by {
		if n != 0 {
			out[k] = n
		}
	}
	return out
}

// memberStats computes the figures of indicators-v1 amendment 2 from the
// tables (indicatortest).
func (w *world) memberStats(scope string, d, s tochuc.Date) map[string]map[string]int {
	people := make([]*indicatortest.Member, 0, len(w.events))
	for id, evs := range w.events {
		p := w.persons[id]
		m := &indicatortest.Member{ID: id, Gender: p.gender, Ethnicity: p.ethnicity, Religion: p.religion, Birth: p.birth,
			Died: w.died[id], Events: evs}
		for _, q := range w.quals[id] {
			m.Quals = append(m.Quals, indicatortest.Qual{Kind: q.kind, Level: q.level, On: q.on})
		}
		people = append(people, m)
	}
	return indicatortest.MemberStats(people, func(u string, d tochuc.Date) bool { return w.inScope(u, scope, d) }, d, s)
}

// members counts the party members on d whose party organization is inside
// scope, by status.
func (w *world) members(scope string, d tochuc.Date) wfig {
	f := wfig{of: -1, by: map[string]int{"probationary": 0, "official": 0}}
	for p := range w.events {
		m := w.member(p, d)
		if !m.Member || !w.inScope(m.UnitID, scope, d) {
			continue
		}
		f.value++
		if m.Probationary {
			f.by["probationary"]++
		} else {
			f.by["official"]++
		}
	}
	return f
}
