package web

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"github.com/tochuc/tochuc/internal/cache"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// compareCacheBytes bounds the comparisons kept (sizeOfCompare): a page
// of every section is some tens of kilobytes.
const compareCacheBytes = 16 << 20

// compareCache keeps the pages of the compare view for the registry's
// current version, bounded in bytes; concurrent requests for one page share
// a single computation (cache.Flight).
type compareCache struct {
	c cache.Flight[compareData]
}

func newCompareCache(maxBytes int64) *compareCache {
	return &compareCache{c: cache.Flight[compareData]{MaxBytes: maxBytes, Size: sizeOfCompare}}
}

// compareAsk is what a compare page shows: its date (for the links), the
// two dates, the scope, the section paged through and the page.
type compareAsk struct {
	d, from, to tochuc.Date
	sc          sqldb.CompareScope
	only        string
	page        int
}

// get returns the compare page a request asks for, computed at most once
// per registry version (the links are the request's path's).
func (c *compareCache) get(ctx context.Context, reg Registry, budget time.Duration, r *http.Request, a compareAsk) (compareData, error) {
	key := fmt.Sprintf("%s|%d|%d|%d|%t|%q|%q|%q|%d", r.URL.Path, a.d, a.from, a.to, a.sc.Whole, a.sc.From, a.sc.To, a.only, a.page)
	return current(ctx, reg, &c.c, key, budget, func(ctx context.Context) (compareData, error) {
		cmp, err := reg.OpenComparison(ctx, a.from, a.to, a.sc)
		if err != nil {
			return compareData{}, err
		}
		data, err := comparePages(ctx, r, cmp, a.d, a.only)
		cmp.Close() // before the names: a computation holds one connection at a time
		if err != nil {
			return data, err
		}
		return data, data.readNames(ctx, reg)
	})
}

// sizeOfCompare estimates the bytes a compare page holds: the rows of its
// sections, the names, the links.
func sizeOfCompare(d compareData) int64 {
	n := int64(512)               // the entry, its key, the structs
	n += sizeMap + 8*sizeMapEntry // the events' counts
	str := func(ss ...string) {
		for _, s := range ss {
			n += sizeString + int64(len(s))
		}
	}
	unit := func(u tochuc.Unit) {
		n += 64 // dates, padding
		str(u.ID, u.Name, u.Kind, u.ParentID, u.LocalityID, u.HostID, u.Subtype, u.Sector, u.Ownership, u.AdminCode)
	}
	for _, l := range d.Summary {
		str(l.Key, l.Label, l.URL)
		n += 8
	}
	for _, sec := range d.Sections {
		n += 256
		str(sec.Key, sec.Param, sec.Label, sec.Next, sec.Prev, sec.First)
		for _, u := range sec.Units {
			unit(u)
		}
		for _, pair := range sec.Renamed {
			unit(pair[0])
			unit(pair[1])
		}
		for _, l := range sec.Links {
			n += 16
			str(l.EventID, l.Kind, l.FromUnitID, l.ToUnitID, l.DocumentID)
		}
		for _, a := range sec.Posts {
			n += 16
			str(a.PersonID, a.UnitID, a.Role, a.How, a.DocumentID)
		}
	}
	for _, names := range []map[string]string{d.UnitNames, d.PersonNames} {
		n += sizeMap
		for k, v := range names {
			n += sizeMapEntry + int64(len(k)+len(v))
		}
	}
	return n
}
