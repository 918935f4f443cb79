package web

import (
	"context"
	"net/http"
	"time"

	"github.com/tochuc/tochuc/internal/cache"
	"github.com/tochuc/tochuc/internal/indicator"
)

// explainCacheBytes bounds the pages of records behind indicators kept
// (sizeOfExplain): a page is some kilobytes.
const explainCacheBytes = 8 << 20

// explainCache keeps the pages of the records behind indicators for the
// registry's current version, bounded in bytes; concurrent requests for one
// page share a single computation (cache.Flight).
type explainCache struct {
	c cache.Flight[explainView]
}

func newExplainCache(maxBytes int64) *explainCache {
	return &explainCache{c: cache.Flight[explainView]{MaxBytes: maxBytes, Size: sizeOfExplain}}
}

// get returns the page of records a request asks for (explainPage),
// computed at most once per registry version.
func (c *explainCache) get(ctx context.Context, reg Registry, budget time.Duration, r *http.Request, p indicator.Params, id string) (explainView, error) {
	key := r.URL.Path + "|" + p.Key() + "|" + r.URL.RawQuery
	return current(ctx, reg, &c.c, key, budget, func(ctx context.Context) (explainView, error) {
		return explainPage(ctx, reg, r, p, id)
	})
}

// sizeOfExplain estimates the bytes a page of records holds.
func sizeOfExplain(e explainView) int64 {
	n := int64(512) + int64(len(e.ID)+len(e.Label)+len(e.AsOf)+len(e.Since)+len(e.Next)+len(e.Prev)+len(e.First))
	if e.Scope != nil {
		n += sizeAlloc + 2*sizeString + int64(len(e.Scope.ID)+len(e.Scope.Name))
	}
	for _, it := range e.Items {
		n += 3*sizeString + 8 + sizePointer + int64(len(it.ID)+len(it.Name)+len(it.Part))
		if it.Amount != nil {
			n += 8 + sizeAlloc
		}
	}
	n += int64(len(e.Back)) + sizeMap
	for id, d := range e.Details {
		n += sizeMapEntry + int64(len(id)+len(d.Party)+len(d.PartyUnit)+len(d.Education)+len(d.Theory)+len(d.Parent)+len(d.Host)+len(d.Both)+len(d.Gender)+len(d.Born)+len(d.Ethnicity)+len(d.Religion)) + 12*sizeString
		for _, h := range d.Posts {
			n += 4*sizeString + int64(len(h.Role)+len(h.Unit)+len(h.PersonID)+len(h.Person))
		}
	}
	if c := e.Changes; c != nil {
		n += sizeAlloc + int64(128+len(c.Next)+len(c.Prev)+len(c.First))
		for _, ch := range c.Items {
			n += 2*sizeString + 8 + int64(len(ch.ID)+len(ch.Name))
		}
	}
	for _, l := range e.Downloads {
		n += 2*sizeString + int64(len(l.Label)+len(l.URL))
	}
	return n
}
