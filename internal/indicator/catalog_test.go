package indicator

import (
	"slices"
	"testing"
)

// TestCatalogWhole checks that every indicator says what it counts, once.
func TestCatalogWhole(t *testing.T) {
	seen := map[string]bool{}
	for _, def := range Catalog() {
		if seen[def.ID] {
			t.Errorf("%s defined twice", def.ID)
		}
		seen[def.ID] = true
		if def.Counts == nil || def.Label == "" {
			t.Errorf("%s: counts %v, label %q", def.ID, def.Counts, def.Label)
		}
		if got, ok := Lookup(def.ID); !ok || got.ID != def.ID {
			t.Errorf("Lookup(%s) = %v, %v", def.ID, got.ID, ok)
		}
		if k, ok := UnitKindOf(def.ID); ok && def.Counts != (Units{k}) {
			t.Errorf("%s counts %v", def.ID, def.Counts)
		}
	}
}

// TestPartLabels: every part of every breakdown reads in Vietnamese, and the
// parts of amendment 2 read as their indicator needs ("none" of education).
func TestPartLabels(t *testing.T) {
	for _, def := range Catalog() {
		for _, part := range def.Parts {
			if l := PartLabelOf(def.ID, part); l == part || l == "" {
				t.Errorf("%s: part %s has no label", def.ID, part)
			}
		}
	}
	if a, b := PartLabelOf("party.members.education", "none"), PartLabelOf("staff.total", "none"); a == b {
		t.Errorf("education none reads %q as the sector none", a)
	}
}

// TestAmendment2Order: the ids of amendment 2 follow party.members, the
// catalog's order before it unchanged.
func TestAmendment2Order(t *testing.T) {
	var ids []string
	for _, def := range Catalog() {
		ids = append(ids, def.ID)
	}
	want := []string{"party.members", "party.members.gender", "party.members.age", "party.members.ethnicity", "party.members.religious",
		"party.members.education", "party.members.theory", "party.admitted", "party.recognized", "party.transferred_in", "party.losses"}
	if got := ids[len(ids)-len(want):]; !slices.Equal(got, want) {
		t.Errorf("catalog ends with %v", got)
	}
}
