package cache

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// TestFlightBytes checks the byte bound: the values kept never weigh
// more than it, the least recently used go first, a value larger than the
// bound is returned but not kept, a failure is not kept, a new version
// starts afresh.
func TestFlightBytes(t *testing.T) {
	ctx := context.Background()
	c := Flight[string]{MaxBytes: 100, Size: func(s string) int64 { return int64(len(s)) }}
	calls := 0
	get := func(v int64, key string, size int) string {
		t.Helper()
		got, err := c.Get(ctx, v, key, time.Minute, func(context.Context) (string, error) {
			calls++
			return fmt.Sprintf("%-*s", size, key), nil
		})
		if err != nil || len(got) != size {
			t.Fatalf("%s: %q, %v", key, got, err)
		}
		if b, _ := c.Usage(); b > c.MaxBytes {
			t.Fatalf("after %s: %d bytes kept, bound %d", key, b, c.MaxBytes)
		}
		return got
	}
	for _, k := range []string{"a", "b", "c"} {
		get(1, k, 30)
	}
	get(1, "a", 30) // a used again: b is now the least recently used
	get(1, "d", 30)
	if b, n := c.Usage(); b != 90 || n != 3 {
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
	if _, err := c.Get(ctx, 1, "bad", time.Minute, func(context.Context) (string, error) { return "", errors.New("x") }); err == nil {
		t.Error("failure not returned")
	}
	if _, ok := c.entries["bad"]; ok {
		t.Error("a failure kept")
	}
	get(2, "a", 10)
	if b, n := c.Usage(); b != 10 || n != 1 {
		t.Errorf("new version: %d bytes, %d values; want 10, 1", b, n)
	}
}

// TestFlightSingleFlight checks that concurrent requests for one key
// share one computation.
func TestFlightSingleFlight(t *testing.T) {
	c := Flight[string]{MaxBytes: 1 << 20, Size: func(s string) int64 { return int64(len(s)) }}
	var calls atomic.Int32
	release := make(chan struct{})
	var wg sync.WaitGroup
	for range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			v, err := c.Get(context.Background(), 1, "k", time.Minute, func(context.Context) (string, error) {
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
