package web

import (
	"container/list"
	"context"
	"sync"
	"time"
)

// flightCache keeps values computed for the registry's current version
// (a value depends only on the recorded data and its key, so until the next
// change set the same key gives the same value), bounded in bytes: each
// value's size is estimated (size), and past maxBytes the least recently
// used values go; a value larger than the bound is not kept. Concurrent
// requests for one key share a single computation, which runs on its own
// with its own time budget (a request that leaves or runs out of time stops
// waiting, not the others). Computations under way are not counted: they
// are bounded by the requests waiting for them.
type flightCache[V any] struct {
	maxBytes int64
	size     func(V) int64

	mu      sync.Mutex
	version int64
	bytes   int64
	entries map[string]*flightEntry[V]
	lru     list.List // of the keys of the values kept, most recently used first
}

type flightEntry[V any] struct {
	done chan struct{}
	val  V
	err  error
	size int64
	elem *list.Element // in lru once kept
}

// get returns the value of key at the registry's version v, computing it
// at most once per version with a context bounded by budget.
func (c *flightCache[V]) get(ctx context.Context, v int64, key string, budget time.Duration, compute func(context.Context) (V, error)) (V, error) {
	c.mu.Lock()
	if c.entries == nil || c.version != v {
		c.entries, c.version, c.bytes = map[string]*flightEntry[V]{}, v, 0
		c.lru.Init()
	}
	e, ok := c.entries[key]
	if ok && e.elem != nil {
		c.lru.MoveToFront(e.elem)
	}
	if !ok {
		e = &flightEntry[V]{done: make(chan struct{})}
		c.entries[key] = e
		go c.fill(ctx, v, key, e, budget, compute)
	}
	c.mu.Unlock()
	select {
	case <-e.done:
		return e.val, e.err
	case <-ctx.Done():
		var zero V
		return zero, ctx.Err()
	}
}

// fill computes an entry, then keeps it (evicting the least recently used
// values past the bound) or, failed or too large, forgets it.
func (c *flightCache[V]) fill(ctx context.Context, v int64, key string, e *flightEntry[V], budget time.Duration, compute func(context.Context) (V, error)) {
	cctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), budget)
	defer cancel()
	e.val, e.err = compute(cctx)
	if e.err == nil {
		e.size = c.size(e.val)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	defer close(e.done)
	if c.version != v || c.entries[key] != e {
		return // the registry changed meanwhile: the cache started afresh
	}
	if e.err != nil || e.size > c.maxBytes {
		delete(c.entries, key) // do not keep a failure, nor what does not fit
		return
	}
	e.elem = c.lru.PushFront(key)
	c.bytes += e.size
	for c.bytes > c.maxBytes {
		old := c.lru.Back()
		k := c.lru.Remove(old).(string)
		c.bytes -= c.entries[k].size
		delete(c.entries, k)
	}
}

// usage returns the bytes and the number of the values kept (for tests).
func (c *flightCache[V]) usage() (bytes int64, n int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.bytes, c.lru.Len()
}
