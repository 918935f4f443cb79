package check_test

import (
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
	want := "PLAN-01 PLAN-02 PLAN-03 PLAN-05 APPT-03 ROT-05 APPT-05 RET-01 EVAL-11 EVAL-13 EVAL-14 EVAL-15 EVAL-17 PM-01 PM-06 ORG-01 DQ-01 DQ-02"
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
