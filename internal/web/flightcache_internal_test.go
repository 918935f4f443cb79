package web

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/tochuc/tochuc/internal/indicator"
)

// TestFlightCacheBytes checks the byte bound: the values kept never weigh
// more than it, the least recently used go first, a value larger than the
// bound is returned but not kept, a failure is not kept, a new version
// starts afresh.
func TestFlightCacheBytes(t *testing.T) {
	ctx := context.Background()
	c := flightCache[string]{maxBytes: 100, size: func(s string) int64 { return int64(len(s)) }}
	calls := 0
	get := func(v int64, key string, size int) string {
		t.Helper()
		got, err := c.get(ctx, v, key, time.Minute, func(context.Context) (string, error) {
			calls++
			return fmt.Sprintf("%-*s", size, key), nil
		})
		if err != nil || len(got) != size {
			t.Fatalf("%s: %q, %v", key, got, err)
		}
		if b, _ := c.usage(); b > c.maxBytes {
			t.Fatalf("after %s: %d bytes kept, bound %d", key, b, c.maxBytes)
		}
		return got
	}
	for _, k := range []string{"a", "b", "c"} {
		get(1, k, 30)
	}
	get(1, "a", 30) // a used again: b is now the least recently used
	get(1, "d", 30)
	if b, n := c.usage(); b != 90 || n != 3 {
		t.Errorf("usage %d bytes, %d values; want 90, 3", b, n)
	}
	calls = 0
	get(1, "a", 30)
	get(1, "c", 30)
	get(1, "d", 30)
	if calls != 0 {
		t.Errorf("a, c, d computed again (%d): evicted instead of b", calls)
	}
	get(1, "b", 30)
	if calls != 1 {
		t.Errorf("b kept past the bound")
	}
	get(1, "big", 150)
	if _, ok := c.entries["big"]; ok {
		t.Error("a value larger than the bound kept")
	}
	if _, err := c.get(ctx, 1, "bad", time.Minute, func(context.Context) (string, error) { return "", errors.New("x") }); err == nil {
		t.Error("failure not returned")
	}
	if _, ok := c.entries["bad"]; ok {
		t.Error("a failure kept")
	}
	get(2, "a", 10)
	if b, n := c.usage(); b != 10 || n != 1 {
		t.Errorf("new version: %d bytes, %d values; want 10, 1", b, n)
	}
}

// TestFlightCacheSingleFlight checks that concurrent requests for one key
// share one computation.
func TestFlightCacheSingleFlight(t *testing.T) {
	c := flightCache[string]{maxBytes: 1 << 20, size: func(s string) int64 { return int64(len(s)) }}
	var calls atomic.Int32
	release := make(chan struct{})
	var wg sync.WaitGroup
	for range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			v, err := c.get(context.Background(), 1, "k", time.Minute, func(context.Context) (string, error) {
				calls.Add(1)
				<-release
				return "v", nil
			})
			if err != nil || v != "v" {
				t.Errorf("%q, %v", v, err)
			}
		}()
	}
	for { // every request is waiting on the one entry
		c.mu.Lock()
		e := c.entries["k"]
		c.mu.Unlock()
		if e != nil {
			break
		}
	}
	close(release)
	wg.Wait()
	if n := calls.Load(); n != 1 {
		t.Errorf("%d computations, want 1", n)
	}
}

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
		_, err := c.c.get(context.Background(), 1, fmt.Sprint(i), time.Minute, func(context.Context) (*indicator.Result, error) { return res, nil })
		if err != nil {
			t.Fatal(err)
		}
		if b, n := c.c.usage(); b > 10*size || n > 10 {
			t.Fatalf("%d bytes in %d reports kept, bound %d", b, n, 10*size)
		}
	}
	if _, n := c.c.usage(); n != 10 {
		t.Errorf("%d reports kept, want 10", n)
	}
}
