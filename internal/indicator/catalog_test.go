package indicator

import "testing"

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
