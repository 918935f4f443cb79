// Package cache holds the byte-bounded, single-flight cache of values
// computed for the registry's current version, shared by the use cases
// (internal/app) and the pages (internal/web).
package cache

import (
	"container/list"
	"context"
	"sync"
	"time"
)

// Flight keeps values computed for the registry's current version
// (a value depends only on the recorded data and its key, so until the next
// change set the same key gives the same value), bounded in bytes: each
// value's size is estimated (size), and past maxBytes the least recently
// used values go; a value larger than the bound is not kept. Concurrent
// requests for one key share a single computation, which runs on its own
// with its own time budget (a request that leaves or runs out of time stops
// waiting, not the others). Computations under way are not counted: they
// are bounded by the requests waiting for them.
type Flight[V any] struct {
	MaxBytes int64         // the bound
	Size     func(V) int64 // a value's estimated size in bytes

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

// Get returns the value of key at the registry's version v, computing it
// at most once per version with a context bounded by budget.
func (c *Flight[V]) Get(ctx context.Context, v int64, key string, budget time.Duration, compute func(context.Context) (V, error)) (V, error) {
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
func (c *Flight[V]) fill(ctx context.Context, v int64, key string, e *flightEntry[V], budget time.Duration, compute func(context.Context) (V, error)) {
	cctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), budget)
	defer cancel()
	e.val, e.err = compute(cctx)
	if e.err == nil {
		e.size = c.Size(e.val)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	defer close(e.done)
	if c.version != v || c.entries[key] != e {
		return // the registry changed meanwhile: the cache started afresh
	}
	if e.err != nil || e.size > c.MaxBytes {
		delete(c.entries, key) // do not keep a failure, nor what does not fit
		return
	}
	e.elem = c.lru.PushFront(key)
	c.bytes += e.size
	for c.bytes > c.MaxBytes {
		old := c.lru.Back()
		k := c.lru.Remove(old).(string)
		c.bytes -= c.entries[k].size
		delete(c.entries, k)
	}
}

// Usage returns the bytes and the number of the values kept.
func (c *Flight[V]) Usage() (bytes int64, n int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.bytes, c.lru.Len()
}

// Peek returns the value of key at the registry's version v if it is
// computed and kept, without computing it nor waiting for a computation.
func (c *Flight[V]) Peek(v int64, key string) (V, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	var zero V
	e, ok := c.entries[key]
	if !ok || c.version != v || e.elem == nil {
		return zero, false
	}
	c.lru.MoveToFront(e.elem)
	return e.val, true
}

// The sizes, in bytes on a 64-bit machine, that the estimates of values
// add up: a string or slice header, a pointer, a map and each of its
// entries, a heap allocation's rounding.
const (
	SizeString   = 16
	SizeSlice    = 24
	SizePointer  = 8
	SizeMap      = 48
	SizeMapEntry = 64
	SizeAlloc    = 16
)
