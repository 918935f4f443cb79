package app

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/tochuc/tochuc/internal/cache"
	"github.com/tochuc/tochuc/internal/check"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// checkCache keeps the findings of the last runs on the registry as it
// stands, for its current version: the findings page, its pages and
// downloads, and the person and unit pages read the same run until the
// next change set. Concurrent asks for one run share it. It is bounded in
// bytes (sizeOfChecks): a run over the whole country holds every finding.
type checkCache = cache.Flight[*CheckResult]

// checkCacheBytes bounds the runs kept.
const checkCacheBytes = 256 << 20

// newCheckCache returns an empty cache of runs bounded by maxBytes.
func newCheckCache(maxBytes int64) checkCache {
	return checkCache{MaxBytes: maxBytes, Size: sizeOfChecks}
}

// checkBudget bounds one run of the checks shared by the pages.
const checkBudget = 5 * time.Minute

// CurrentChecks is Check on the registry as it stands (p.Recorded is
// ignored), computed at most once per registry version and parameters.
// The run has its own context: a person who leaves stops waiting, not the
// others.
func (a *App) CurrentChecks(ctx context.Context, u tochuc.User, p CheckParams) (*CheckResult, error) {
	v, err := a.db.Reader(Recorded{}).Version(ctx)
	if err != nil {
		return nil, a.fault(err)
	}
	res, err := a.checks.Get(ctx, v, checkKey(u, p), checkBudget, func(ctx context.Context) (*CheckResult, error) {
		res, err := a.Check(ctx, u, CheckParams{AsOf: p.AsOf, Scope: p.Scope, Rules: p.Rules})
		if res != nil {
			res.Version = v
		}
		return res, err
	})
	if err != nil && ctx.Err() != nil {
		return nil, a.fault(ctx.Err())
	}
	return res, err
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
	res, _ := a.checks.Peek(v, checkKey(u, p))
	return res
}

// checkKey identifies a run of the checks for an account.
func checkKey(u tochuc.User, p CheckParams) string {
	return strings.Join([]string{u.Login, string(u.Role), u.ScopeUnitID, strconv.FormatBool(u.CanReadConfidential()), p.AsOf.String(), p.Scope, strings.Join(p.Rules, ",")}, "\x00")
}

// sizeOfChecks estimates the bytes a run holds: its findings with their
// subjects and records.
func sizeOfChecks(r *CheckResult) int64 {
	if r == nil {
		return 0
	}
	n := int64(cache.SizeAlloc + 64 + len(r.Scope))
	for _, f := range r.Findings {
		n += sizeOfFinding(f)
	}
	return n
}

// sizeOfFinding estimates the bytes of one finding.
func sizeOfFinding(f check.Finding) int64 {
	n := int64(5*cache.SizeString+cache.SizePointer+cache.SizeSlice) +
		int64(len(f.Rule)+len(f.Severity)+len(f.Basis)+len(f.MessageVi)+len(f.MessageEn)) + sizeOfStrings(f.Subject)
	for _, rec := range f.Records {
		n += 2*cache.SizeString + cache.SizePointer + int64(len(rec.File)+len(rec.ID)) + sizeOfStrings(rec.Values)
	}
	return n
}

// sizeOfStrings estimates the bytes of a map of strings.
func sizeOfStrings(m map[string]string) int64 {
	if m == nil {
		return 0
	}
	n := int64(cache.SizeMap)
	for k, v := range m {
		n += cache.SizeMapEntry + int64(len(k)+len(v))
	}
	return n
}
