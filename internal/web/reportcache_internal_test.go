package web

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/tochuc/tochuc/internal/indicator"
)

// TestReportCacheBytes fills the report cache with more reports than its
// bound holds: the estimate of what it keeps stays under the bound, and a
// report's estimate covers at least its text.
func TestReportCacheBytes(t *testing.T) {
	res := &indicator.Result{AsOf: "2018-12-31", Scope: &indicator.Scope{ID: "H1", Name: "Huyện Lục Nam"}}
	text := 0
	for _, def := range indicator.Catalog() {
		one := 1
		ind := indicator.Indicator{ID: def.ID, Label: def.Label, Value: 3, Of: &one, By: map[string]int{"a": 1, "b": 2}}
		res.Indicators = append(res.Indicators, ind)
		text += len(def.ID) + len(def.Label) + 2
	}
	size := sizeOfResult(res)
	if size < int64(text) {
		t.Fatalf("estimate %d below the text it holds (%d)", size, text)
	}
	c := newReportCache(10 * size)
	for i := range 50 {
		_, err := c.c.Get(context.Background(), 1, fmt.Sprint(i), time.Minute, func(context.Context) (*indicator.Result, error) { return res, nil })
		if err != nil {
			t.Fatal(err)
		}
		if b, n := c.c.Usage(); b > 10*size || n > 10 {
			t.Fatalf("%d bytes in %d reports kept, bound %d", b, n, 10*size)
		}
	}
	if _, n := c.c.Usage(); n != 10 {
		t.Errorf("%d reports kept, want 10", n)
	}
}
