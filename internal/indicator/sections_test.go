package indicator

import "testing"

// TestSectionsCoverCatalog: every indicator is in exactly one section, and
// every figure F1–F20 of the article is given by some indicator.
func TestSectionsCoverCatalog(t *testing.T) {
	for _, d := range Catalog() {
		n := 0
		for _, s := range Sections() {
			if s.Has(d.ID) {
				n++
			}
		}
		if n != 1 {
			t.Errorf("%s is in %d sections", d.ID, n)
		}
	}
	for id := range articleFigures {
		if _, ok := Lookup(id); !ok {
			t.Errorf("figures of %s: no such indicator", id)
		}
	}
}
