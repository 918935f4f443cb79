package app_test

import (
	"strings"
	"testing"

	"github.com/tochuc/tochuc/internal/app"
	"github.com/tochuc/tochuc/internal/check"
)

// TestConfidentialFindings: a finding is confidential exactly when it shows
// a plan, a rating, a discipline or a citizen id — read from the schema
// and the rules' files, not from a list of rules.
func TestConfidentialFindings(t *testing.T) {
	for _, r := range check.Catalog() {
		f := check.Finding{Rule: r.ID, Subject: map[string]string{}}
		for _, k := range r.Subject {
			f.Subject[k] = "x"
		}
		want := strings.HasPrefix(r.ID, "PLAN-") || strings.HasPrefix(r.ID, "EVAL-") || r.ID == "DQ-01"
		for _, file := range r.Reads {
			if file == "discipline" {
				want = true
			}
		}
		if got := app.ConfidentialFinding(f); got != want {
			t.Errorf("%s (reads %v): confidential %v, want %v", r.ID, r.Reads, got, want)
		}
	}
	// A finding of another rule whose records hold a citizen id is confidential too.
	f := check.Finding{Rule: "DQ-02", Records: []check.Record{{File: "people", ID: "P1", Values: map[string]string{"citizen_id": "001075012345"}}}}
	if !app.ConfidentialFinding(f) {
		t.Errorf("a finding showing a citizen id is not confidential")
	}
}
