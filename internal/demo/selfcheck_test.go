package demo

import (
	"fmt"
	"math"
	"slices"
	"sync"
	"testing"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/tochuc"
)

var (
	seed1Once   sync.Once
	seed1Tables bundle.Tables
	seed1World  *world
	seed1Err    error
)

// seed1 builds the demo of seed 1 once for all tests.
func seed1(t *testing.T) (bundle.Tables, *world) {
	t.Helper()
	seed1Once.Do(func() {
		seed1Tables, seed1Err = Build(1)
		if seed1Err == nil {
			seed1World = readWorld(seed1Tables)
		}
	})
	if seed1Err != nil {
		t.Fatal(seed1Err)
	}
	return seed1Tables, seed1World
}

const (
	province = "VN1-24"
	city     = "VN1-213"
	lucNam   = "VN1-218"
)

// share is a count out of a total.
type share struct{ value, of int }

func (s share) String() string { return fmt.Sprintf("%d/%d", s.value, s.of) }

// pct returns the share in percent rounded to one decimal.
func (s share) pct() float64 { return math.Round(1000*float64(s.value)/float64(s.of)) / 10 }

// concurrency counts the localities of a kind in scope where one person
// holds role1 in a unit of kinds1 and role2 in a unit of kinds2 of that
// locality (F5–F10).
func (w *world) concurrency(kind, scope string, d tochuc.Date, role1 string, kinds1 []string, role2 string, kinds2 ...string) share {
	var s share
	for _, loc := range w.unitsOf(kind, d, scope) {
		s.of++
		a := w.holders(loc, role1, d, kinds1...)
		for p := range w.holders(loc, role2, d, kinds2...) {
			if a[p] {
				s.value++
				break
			}
		}
	}
	return s
}

// communeParty are the kinds of a commune's party organization (amendment 1:
// party_upper from the 2025 reform on).
var communeParty = []string{"party_upper", "party_grassroots_committee", "party_grassroots_cell"}

// withUnit counts the communes in scope having a unit of a kind (with a
// holder of role, when role is set) on d (F11–F13).
func (w *world) withUnit(scope string, d tochuc.Date, kind, role string) share {
	var s share
	for _, loc := range w.unitsOf("commune", d, scope) {
		s.of++
		if role == "" {
			for _, id := range w.order {
				if v := w.at(id, d); v != nil && v.kind == kind && v.locality == loc && v.host == "" {
					s.value++
					break
				}
			}
		} else if len(w.holders(loc, role, d, kind)) > 0 {
			s.value++
		}
	}
	return s
}

// recruited counts the people recruited in (s, d] into a unit whose
// locality is a commune, with a university degree or higher on that day (F14).
func (w *world) recruited(scope string, s, d tochuc.Date) int {
	univ, _ := tochuc.LevelRank(tochuc.QualEducation, "university")
	seen := map[string]bool{}
	for _, a := range w.assigns {
		if a.how != "recruited" || a.From <= s || a.From > d || seen[a.person] {
			continue
		}
		v := w.at(a.unit, a.From)
		if v == nil || !w.inScope(a.unit, scope, a.From) {
			continue
		}
		if loc := w.at(v.locality, a.From); loc == nil || loc.kind != "commune" {
			continue
		}
		if w.level(a.person, tochuc.QualEducation, a.From) >= univ {
			seen[a.person] = true
		}
	}
	return len(seen)
}

// keyCadres returns the key commune cadres on d in scope (F15): posts in the
// commune's own organizations (no host).
func (w *world) keyCadres(scope string, d tochuc.Date) map[string]bool {
	out := map[string]bool{}
	for _, a := range w.assigns {
		if !holds(a.Period, d) || !w.inScope(a.unit, scope, d) {
			continue
		}
		v := w.at(a.unit, d)
		loc := w.at(v.locality, d)
		if loc == nil || loc.kind != "commune" || v.host != "" {
			continue
		}
		switch {
		case slices.Contains(communeParty, v.kind) && (a.role == "secretary" || isRole(a.role, "deputy_secretary")),
			(v.kind == "people_council" || v.kind == "people_committee") && (a.role == "chair" || a.role == "vice_chair"),
			v.kind == "fatherland_front" && a.role == "chair":
			out[a.person] = true
		}
	}
	return out
}

// atLeast counts the people of a set whose level of a kind on d is at
// least level (F16, F17).
func (w *world) atLeast(people map[string]bool, kind, level string, d tochuc.Date) share {
	r, _ := tochuc.LevelRank(kind, level)
	s := share{of: len(people)}
	for p := range people {
		if w.level(p, kind, d) >= r {
			s.value++
		}
	}
	return s
}

// villageMembers counts the holders of a village role on d who are party
// members (F18, F19).
func (w *world) villageMembers(scope, role string, d tochuc.Date) share {
	people := map[string]bool{}
	for _, a := range w.assigns {
		if a.role == role && holds(a.Period, d) && w.inScope(a.unit, scope, d) {
			if v := w.at(a.unit, d); v != nil && v.kind == "village" {
				people[a.person] = true
			}
		}
	}
	s := share{of: len(people)}
	for p := range people {
		if w.member(p, d).Member {
			s.value++
		}
	}
	return s
}

// nonStateOrgs returns the party organizations on d in scope hosted by a
// non-state enterprise, by kind, and the number of their members (F20).
func (w *world) nonStateOrgs(scope string, d tochuc.Date) (map[string]int, int) {
	orgs := map[string]bool{}
	byKind := map[string]int{}
	for _, id := range w.order {
		v := w.at(id, d)
		if v == nil || !tochuc.IsPartyOrg(v.kind) || v.kind == "party_provincial" || v.kind == "party_upper" || !w.inScope(id, scope, d) {
			continue
		}
		if h := w.at(v.host, d); h != nil && h.kind == "enterprise" && h.ownership == "non_state" {
			orgs[id] = true
			byKind[v.kind]++
		}
	}
	under := func(id string) bool {
		for i := 0; id != "" && i < 20; i++ {
			if orgs[id] {
				return true
			}
			v := w.at(id, d)
			if v == nil {
				return false
			}
			id = v.parent
		}
		return false
	}
	members := 0
	for p := range w.events {
		if m := w.member(p, d); m.Member && under(m.UnitID) {
			members++
		}
	}
	return byKind, members
}

// staff sums the headcount on d in scope by sector (F4).
func (w *world) staff(scope string, d tochuc.Date) map[string]int {
	out := map[string]int{}
	for _, id := range w.order {
		if w.at(id, d) == nil || len(w.heads[id]) == 0 || !w.inScope(id, scope, d) {
			continue
		}
		n := w.headcount(id, d)
		out[w.sector(id, d)] += n
		out["total"] += n
	}
	return out
}
