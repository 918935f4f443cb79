package demo

import (
	"slices"
	"testing"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// TestConsistentHistory checks what the importer does not: no unit refers
// to a unit that does not exist while it does, no post held by one person
// at a time has two holders, party posts are held by party members, and
// people hold posts at a working age.
func TestConsistentHistory(t *testing.T) {
	t.Parallel()
	tables, w := seed1(t)
	for _, id := range w.order {
		for _, v := range w.units[id] {
			last := v.To.AddDays(-1)
			if v.To == 0 {
				last = Today
			}
			for _, ref := range []string{v.parent, v.locality, v.host} {
				if ref != "" && (w.at(ref, v.From) == nil || w.at(ref, last) == nil) {
					t.Errorf("unit %s (%s) from %s refers to %s, which does not exist throughout", id, v.name, v.From, ref)
				}
			}
		}
	}
	single := []string{"secretary", "chair", "head", "director", "village_head"}
	type key struct{ unit, role string }
	byKey := map[key][]wassign{}
	for _, a := range w.assigns {
		if slices.Contains(single, a.role) {
			byKey[key{a.unit, a.role}] = append(byKey[key{a.unit, a.role}], a)
		}
	}
	overlaps := 0
	for k, as := range byKey {
		slices.SortFunc(as, func(x, y wassign) int { return int(x.From - y.From) })
		for i := 1; i < len(as); i++ {
			if as[i-1].To == 0 || as[i-1].To > as[i].From {
				if as[i-1].person != as[i].person {
					overlaps++
					if overlaps < 10 {
						t.Errorf("%s of %s: %s %v and %s %v", k.role, k.unit, as[i-1].person, as[i-1].Period, as[i].person, as[i].Period)
					}
				}
			}
		}
	}
	births := map[string]tochuc.Date{}
	for _, r := range rows(tables, "people") {
		births[r["id"]] = date0(r["birth_date"])
	}
	for _, a := range w.assigns {
		if slices.Contains(tochuc.PartyRoles, a.role) && !w.member(a.person, a.From).Member {
			t.Errorf("%s holds %s in %s from %s without being a party member", a.person, a.role, a.unit, a.From)
		}
		age := int(a.From-births[a.person]) / 365
		if age < 18 || age > 72 {
			t.Errorf("%s holds %s in %s from %s at age %d", a.person, a.role, a.unit, a.From, age)
		}
	}
}
