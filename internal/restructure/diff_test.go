package restructure

import (
	"strings"
	"testing"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// TestDiffKindLabels: a change of kind reads as the kinds' names, not codes.
func TestDiffKindLabels(t *testing.T) {
	got := diff(tochuc.Unit{ID: "X", Kind: "commune"}, tochuc.Unit{ID: "X", Kind: "party_cell"})
	if got != "loại 'Xã, phường, thị trấn' → 'Chi bộ trực thuộc'" || strings.Contains(got, "commune") {
		t.Errorf("diff: %s", got)
	}
}
