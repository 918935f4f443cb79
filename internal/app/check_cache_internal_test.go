package app

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/tochuc/tochuc/internal/check"
)

// TestCheckCacheBytes fills the cache of runs with more runs than its byte
// bound holds: what it keeps stays under the bound, whatever the number of
// runs, and a run's estimate covers at least the text of its findings.
func TestCheckCacheBytes(t *testing.T) {
	res := &CheckResult{Scope: "H1"}
	text := 0
	for i := range 200 {
		f := check.Finding{Rule: "PLAN-02", Severity: "error", Basis: "Quy định 1", MessageVi: fmt.Sprintf("Phát hiện số %d", i),
			Subject: map[string]string{"unit_id": fmt.Sprintf("U%d", i)},
			Records: []check.Record{{File: "plans", ID: fmt.Sprint(i), Values: map[string]string{"unit_id": fmt.Sprintf("U%d", i)}}}}
		res.Findings = append(res.Findings, f)
		text += len(f.Rule) + len(f.Severity) + len(f.Basis) + len(f.MessageVi) + 2*len(f.Subject["unit_id"]) + len(f.Records[0].ID)
	}
	size := sizeOfChecks(res)
	if size < int64(text) {
		t.Fatalf("estimate %d below the text it holds (%d)", size, text)
	}
	c := newCheckCache(3 * size)
	for i := range 20 {
		_, err := c.Get(context.Background(), 1, fmt.Sprint(i), time.Minute, func(context.Context) (*CheckResult, error) { return res, nil })
		if err != nil {
			t.Fatal(err)
		}
		if b, n := c.Usage(); b > 3*size || n > 3 {
			t.Fatalf("%d bytes in %d runs kept, bound %d", b, n, 3*size)
		}
	}
	if got, ok := c.Peek(1, "19"); !ok || got != res {
		t.Error("the last run is not kept")
	}
	if _, ok := c.Peek(2, "19"); ok {
		t.Error("a run kept past the registry's version")
	}
}
