package web

import (
	"context"
	"slices"
	"strings"
	"time"

	"github.com/tochuc/tochuc/internal/cache"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// treeCacheBytes bounds the tops of the trees kept (sizeOfTops): the whole
// country's is some megabytes (every enterprise without a parent is a top).
const treeCacheBytes = 64 << 20

// treeTops is the top of a user's tree on a date: the units at the top by
// line in protocol order, each with its count of children; the first page
// of each line with their children in place (the tree's first page); and
// the number of units of each kind.
type treeTops struct {
	Lines  []treeLine
	First  []treeLine
	Counts []kindCount
}

// treeCache keeps the tops of the trees for the registry's current version,
// bounded in bytes; concurrent requests for one share a computation.
type treeCache struct {
	c cache.Flight[treeTops]
}

func newTreeCache(maxBytes int64) *treeCache {
	return &treeCache{c: cache.Flight[treeTops]{MaxBytes: maxBytes, Size: sizeOfTops}}
}

// get returns the tops of the tree of roots (nil: the whole registry) on d.
func (c *treeCache) get(ctx context.Context, reg Registry, budget time.Duration, roots []string, d tochuc.Date) (treeTops, error) {
	key := d.String() + "|" + strings.Join(roots, ",")
	if roots == nil {
		key += "|*"
	}
	return current(ctx, reg, &c.c, key, budget, func(ctx context.Context) (treeTops, error) {
		return readTops(ctx, reg, roots, d)
	})
}

// readTops reads the tops of a tree (treeRoots), their counts of children
// and the counts by kind.
func readTops(ctx context.Context, reg Registry, roots []string, d tochuc.Date) (treeTops, error) {
	units, err := treeRoots(ctx, reg, roots, d)
	if err != nil {
		return treeTops{}, err
	}
	rows, err := withChildren(ctx, reg, d, units)
	if err != nil {
		return treeTops{}, err
	}
	lines, err := byLines(ctx, reg, d, rows)
	if err != nil {
		return treeTops{}, err
	}
	counts, err := reg.CountUnitsByKind(ctx, d, roots)
	if err != nil {
		return treeTops{}, err
	}
	out := treeTops{Lines: lines}
	for i, l := range lines {
		n := len(l.Units)
		p := listInfo{Total: n, Page: 1, PageSize: pageSize, Pages: max(1, (n+pageSize-1)/pageSize)}
		out.First = append(out.First, treeLine{Label: l.Label, Index: i + 1, Units: append([]unitRow(nil), l.Units[:min(n, pageSize)]...), Page: p})
	}
	if err := withKids(ctx, reg, d, out.First); err != nil {
		return treeTops{}, err
	}
	for _, k := range tochuc.UnitKinds {
		if n := counts[k.Code]; n > 0 {
			out.Counts = append(out.Counts, kindCount{k.Code, tochuc.KindLabelOn(k.Code, d), n})
		}
	}
	return out, nil
}

// sizeOfTops estimates the bytes the tops of a tree hold.
func sizeOfTops(t treeTops) int64 {
	n := int64(256)
	for _, l := range append(slices.Clip(t.Lines), t.First...) {
		n += 128 + int64(len(l.Label))
		for _, u := range l.Units {
			n += sizeOfRow(u)
			for _, k := range u.Kids {
				n += sizeOfRow(k)
			}
		}
	}
	for _, k := range t.Counts {
		n += 2*sizeString + 8 + int64(len(k.Kind)+len(k.Label))
	}
	return n
}

// sizeOfRow estimates the bytes of a row of the tree (its children apart).
func sizeOfRow(u unitRow) int64 {
	return 13*sizeString + sizeSlice + 24 + int64(len(u.ID)+len(u.Name)+len(u.Kind)+len(u.ParentID)+len(u.LocalityID)+
		len(u.HostID)+len(u.Subtype)+len(u.Sector)+len(u.Ownership)+len(u.AdminCode)+len(u.KindName))
}
