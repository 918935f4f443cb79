package web

import (
	"context"
	"sync"
	"time"

	"github.com/tochuc/tochuc/internal/indicator"
)

// reportCache keeps computed reports for the registry's current version: a
// report depends only on the recorded data and its parameters, so until the
// next change set the same request gives the same figures. Concurrent
// requests for one report share a single computation, which runs on its own
// (a request that leaves or runs out of time stops waiting, not the others).
type reportCache struct {
	mu      sync.Mutex
	version int64
	entries map[string]*reportEntry
}

type reportEntry struct {
	done chan struct{}
	res  *indicator.Result
	err  error
}

// maxCachedReports bounds the cache; past it, it starts afresh.
const maxCachedReports = 256

// get returns the report of p, computing it at most once per registry
// version, with the computation's own context bounded by budget.
func (c *reportCache) get(ctx context.Context, reg Registry, budget time.Duration, p indicator.Params) (*indicator.Result, error) {
	v, err := reg.Version(ctx)
	if err != nil {
		return nil, err
	}
	key := p.Key()
	c.mu.Lock()
	if c.entries == nil || c.version != v || len(c.entries) >= maxCachedReports {
		c.entries, c.version = map[string]*reportEntry{}, v
	}
	e, ok := c.entries[key]
	if !ok {
		e = &reportEntry{done: make(chan struct{})}
		c.entries[key] = e
		go func() {
			cctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), budget)
			defer cancel()
			e.res, e.err = indicator.Compute(cctx, reg, p)
			if e.err != nil {
				c.mu.Lock()
				if c.entries[key] == e {
					delete(c.entries, key) // do not keep a failure
				}
				c.mu.Unlock()
			}
			close(e.done)
		}()
	}
	c.mu.Unlock()
	select {
	case <-e.done:
		return e.res, e.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}
