package app

import (
	"context"
	"strings"
	"sync"
	"time"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// checkCache keeps the findings of the last runs on the registry as it
// stands, for its current version: the findings page, its pages and
// downloads, and the person and unit pages read the same run until the
// next change set. Concurrent asks for one run share it.
type checkCache struct {
	mu      sync.Mutex
	version int64
	entries map[string]*checkEntry
}

type checkEntry struct {
	done chan struct{}
	res  *CheckResult
	err  error
}

// checkBudget bounds one run of the checks shared by the pages.
const checkBudget = 5 * time.Minute

// maxCachedChecks bounds the cache; past it, it starts afresh.
const maxCachedChecks = 32

// CurrentChecks is Check on the registry as it stands (p.Recorded is
// ignored), computed at most once per registry version and parameters.
// The run has its own context: a person who leaves stops waiting, not the
// others.
func (a *App) CurrentChecks(ctx context.Context, u tochuc.User, p CheckParams) (*CheckResult, error) {
	v, err := a.db.Reader(Recorded{}).Version(ctx)
	if err != nil {
		return nil, a.fault(err)
	}
	key := checkKey(u, p)
	c := &a.checks
	c.mu.Lock()
	if c.entries == nil || c.version != v || len(c.entries) >= maxCachedChecks {
		c.entries, c.version = map[string]*checkEntry{}, v
	}
	e, ok := c.entries[key]
	if !ok {
		e = &checkEntry{done: make(chan struct{})}
		c.entries[key] = e
		go func() {
			defer close(e.done)
			cctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), checkBudget)
			defer cancel()
			e.res, e.err = a.Check(cctx, u, CheckParams{AsOf: p.AsOf, Scope: p.Scope, Rules: p.Rules})
			if e.res != nil {
				e.res.Version = v
			}
			if e.err != nil {
				c.mu.Lock()
				if c.entries[key] == e {
					delete(c.entries, key) // do not keep a failure
				}
				c.mu.Unlock()
			}
		}()
	}
	c.mu.Unlock()
	select {
	case <-e.done:
		return e.res, e.err
	case <-ctx.Done():
		return nil, a.fault(ctx.Err())
	}
}

// CachedChecks returns the run of CurrentChecks for p if it is done on the
// registry as it stands, or nil; it never starts one (the person and unit
// pages, which must not wait on a run over the whole registry).
func (a *App) CachedChecks(ctx context.Context, u tochuc.User, p CheckParams) (*CheckResult, error) {
	v, err := a.db.Reader(Recorded{}).Version(ctx)
	if err != nil {
		return nil, a.fault(err)
	}
	return a.cachedChecks(u, p, v), nil
}

// cachedChecks returns a finished, successful run of CurrentChecks for p
// at registry version v, or nil when there is none.
func (a *App) cachedChecks(u tochuc.User, p CheckParams, v int64) *CheckResult {
	c := &a.checks
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.version != v {
		return nil
	}
	e, ok := c.entries[checkKey(u, p)]
	if !ok {
		return nil
	}
	select {
	case <-e.done:
		return e.res // nil after a failure
	default:
		return nil
	}
}

// checkKey identifies a run of the checks for an account.
func checkKey(u tochuc.User, p CheckParams) string {
	return strings.Join([]string{u.Login, string(u.Role), u.ScopeUnitID, p.AsOf.String(), p.Scope, strings.Join(p.Rules, ",")}, "\x00")
}
