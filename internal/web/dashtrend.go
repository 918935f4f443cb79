package web

import (
	"context"
	"time"

	"github.com/tochuc/tochuc/internal/cache"
	"github.com/tochuc/tochuc/internal/indicator"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// trendIDs are the indicators the dashboard draws over the years.
var trendIDs = []string{"party.members", "staff.total"}

// trendYears is how many year ends before the report's date a trend shows.
const trendYears = 5

// trendCacheBytes bounds the trends kept: a trend is a few hundred bytes.
const trendCacheBytes = 1 << 20

// trendCache keeps the trends of the dashboard for the registry's current
// version, bounded in bytes, computed once per scope and date (cache.Flight).
type trendCache struct {
	c cache.Flight[[]indicator.Point]
}

func newTrendCache(maxBytes int64) *trendCache {
	return &trendCache{c: cache.Flight[[]indicator.Point]{MaxBytes: maxBytes, Size: sizeOfTrend}}
}

// trendDates are the year ends of the trendYears years before d, then d.
func trendDates(d tochuc.Date) []tochuc.Date {
	y := d.Time().Year()
	var out []tochuc.Date
	for i := trendYears; i >= 1; i-- {
		out = append(out, tochuc.NewDate(y-i, 12, 31))
	}
	return append(out, d)
}

// get returns the values of trendIDs on trendDates(p.AsOf) in p's scope.
func (c *trendCache) get(ctx context.Context, reg Registry, budget time.Duration, p indicator.Params) ([]indicator.Point, error) {
	p.Since = 0
	return current(ctx, reg, &c.c, p.Key(), budget, func(ctx context.Context) ([]indicator.Point, error) {
		return indicator.Series(ctx, reg, p, trendIDs, trendDates(p.AsOf))
	})
}

// sizeOfTrend estimates the bytes a trend holds.
func sizeOfTrend(ps []indicator.Point) int64 {
	n := int64(256 + sizeSlice)
	for _, p := range ps {
		n += 8 + sizeMap + int64(len(p.Values))*(sizeMapEntry+32)
	}
	return n
}
