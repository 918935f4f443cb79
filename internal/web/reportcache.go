package web

import (
	"sync"

	"github.com/tochuc/tochuc/internal/report"
)

// reportCache keeps computed reports for the registry's current version: a
// report depends only on the recorded data and its parameters, so until the
// next change set the same request gives the same figures. Concurrent
// requests for one report wait for a single computation.
type reportCache struct {
	mu      sync.Mutex
	version int64
	entries map[string]*reportEntry
}

type reportEntry struct {
	once sync.Once
	res  *report.Result
	err  error
}

// maxCachedReports bounds the cache; past it, it starts afresh.
const maxCachedReports = 256

// get returns the report of p, computing it at most once per registry version.
func (c *reportCache) get(reg Registry, p report.Params) (*report.Result, error) {
	v, err := reg.Version()
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	if c.entries == nil || c.version != v || len(c.entries) >= maxCachedReports {
		c.entries, c.version = map[string]*reportEntry{}, v
	}
	e, ok := c.entries[p.Key()]
	if !ok {
		e = &reportEntry{}
		c.entries[p.Key()] = e
	}
	c.mu.Unlock()
	e.once.Do(func() { e.res, e.err = report.Compute(reg, p) })
	if e.err != nil {
		c.mu.Lock()
		if c.entries[p.Key()] == e {
			delete(c.entries, p.Key()) // do not keep a failure
		}
		c.mu.Unlock()
	}
	return e.res, e.err
}
