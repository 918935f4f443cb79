package web

import (
	"context"
	"time"

	"github.com/tochuc/tochuc/internal/cache"
	"github.com/tochuc/tochuc/internal/indicator"
)

// reportCacheBytes bounds the reports kept (an estimate of their size in
// memory, sizeOfResult): a whole catalog is a few tens of kilobytes.
const reportCacheBytes = 16 << 20

// reportCache keeps computed reports for the registry's current version,
// bounded in bytes; concurrent requests for one report share a single
// computation (cache.Flight).
type reportCache struct {
	c cache.Flight[*indicator.Result]
}

func newReportCache(maxBytes int64) *reportCache {
	return &reportCache{c: cache.Flight[*indicator.Result]{MaxBytes: maxBytes, Size: sizeOfResult}}
}

// get returns the report of p, computing it at most once per registry
// version, with the computation's own context bounded by budget.
func (c *reportCache) get(ctx context.Context, reg Registry, budget time.Duration, p indicator.Params) (*indicator.Result, error) {
	return current(ctx, reg, &c.c, p.Key(), budget, func(ctx context.Context) (*indicator.Result, error) {
		return indicator.Compute(ctx, reg, p)
	})
}

// current returns the value of key for the registry's version now, from c
// or computed once (cache.Flight.Get).
func current[V any](ctx context.Context, reg Registry, c *cache.Flight[V], key string, budget time.Duration, compute func(context.Context) (V, error)) (V, error) {
	v, err := reg.Version(ctx)
	if err != nil {
		var zero V
		return zero, err
	}
	return c.Get(ctx, v, key, budget, compute)
}

// Estimates of the memory Go takes for values (cache.SizeString …).
const (
	sizeString   = cache.SizeString
	sizeSlice    = cache.SizeSlice
	sizePointer  = cache.SizePointer
	sizeMap      = cache.SizeMap
	sizeMapEntry = cache.SizeMapEntry
	sizeAlloc    = cache.SizeAlloc
)

// sizeOfResult estimates the bytes a report holds: its structs, strings and
// maps, and the cache's key and entry.
func sizeOfResult(r *indicator.Result) int64 {
	n := int64(256) // the entry, its key, the Result
	n += int64(len(r.AsOf) + len(r.Since))
	if r.Scope != nil {
		n += sizeAlloc + 2*sizeString + int64(len(r.Scope.ID)+len(r.Scope.Name))
	}
	for _, ind := range r.Indicators {
		n += 2*sizeString + 8 + 5*sizePointer + 1 + int64(len(ind.ID)+len(ind.Label))
		n += 3 * (8 + sizeAlloc) // Of, Ratio, Change
		n += sizeOfBy(ind.By)
		if ind.Since != nil {
			n += sizeAlloc + 8 + 2*sizePointer + 8 + sizeOfBy(ind.Since.By)
		}
	}
	return n
}

// sizeOfBy estimates a breakdown's map.
func sizeOfBy(by map[string]int) int64 {
	if by == nil {
		return 0
	}
	n := int64(sizeMap)
	for k := range by {
		n += sizeMapEntry + int64(len(k))
	}
	return n
}
