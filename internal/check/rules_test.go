package check_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/check"
	"github.com/tochuc/tochuc/internal/check/checktest"
)

func TestRulesInMemory(t *testing.T) {
	checktest.RunCases(t, func(_ *testing.T, tb bundle.Tables) check.Source { return check.NewMemorySource(tb) })
}

func TestCatalogComplete(t *testing.T) {
	want := "PLAN-01 PLAN-02 PLAN-03 PLAN-05 APPT-03 ROT-05 APPT-05 RET-01 EVAL-11 EVAL-13 EVAL-14 EVAL-15 EVAL-17 PM-01 PM-06 ORG-01 DQ-01 DQ-02 EVAL-09 EVAL-10 PLAN-07 APPT-08"
	if got := strings.Join(check.IDs(), " "); got != want {
		t.Fatalf("catalog: %s", got)
	}
	covered := map[string]bool{}
	for _, c := range checktest.Cases() {
		covered[c.Rule()] = true
	}
	for _, id := range check.IDs() {
		if !covered[id] {
			t.Errorf("no case for %s", id)
		}
	}
}

// TestRulesRead: every rule names the bundle files it reads, and a change
// to plans concerns the planning rules.
func TestRulesRead(t *testing.T) {
	for _, r := range check.Catalog() {
		if len(r.Reads) == 0 {
			t.Errorf("%s reads no file", r.ID)
		}
		for _, f := range r.Reads {
			if bundle.FileByName(f) == nil {
				t.Errorf("%s reads %q, not a bundle file", r.ID, f)
			}
		}
	}
	if got := check.Reading("plans"); !slices.Equal(got, []string{"PLAN-01", "PLAN-02", "PLAN-03", "PLAN-05", "PLAN-07"}) {
		t.Errorf("rules reading plans: %v", got)
	}
}

// TestAdded: the findings a change adds are those after it whose key was
// not found before, whatever their order or their messages.
func TestAdded(t *testing.T) {
	f := func(unit, msg string) check.Finding {
		return check.Finding{Rule: "PLAN-02", Subject: map[string]string{"unit_id": unit}, MessageVi: msg}
	}
	got := check.Added([]check.Finding{f("A", "cũ"), f("B", "")}, []check.Finding{f("C", ""), f("A", "mới"), f("D", "")})
	if len(got) != 2 || got[0].Subject["unit_id"] != "C" || got[1].Subject["unit_id"] != "D" {
		t.Errorf("added: %+v, want C and D", got)
	}
}
