package web

import (
	"bytes"
	"context"
	"slices"
	"sync"

	"github.com/tochuc/tochuc/internal/textvn"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// personEntry is a person as the list needs it: with a folded name for
// search and a collation key for the Vietnamese order by given name.
type personEntry struct {
	tochuc.Person
	folded string
	key    []byte
}

// peopleCache keeps every person sorted by given name, rebuilt when the
// registry's version changes (after an import or an edit).
type peopleCache struct {
	mu      sync.Mutex
	version int64
	built   bool
	list    []personEntry
}

// get returns the sorted people of the registry's current version.
func (c *peopleCache) get(ctx context.Context, reg Registry) ([]personEntry, error) {
	v, err := reg.Version(ctx)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.built && c.version == v {
		return c.list, nil
	}
	people, err := reg.People(ctx)
	if err != nil {
		return nil, err
	}
	col := textvn.NewCollator()
	list := make([]personEntry, len(people))
	for i, p := range people {
		list[i] = personEntry{Person: p, folded: textvn.Fold(p.FullName + " " + p.ID), key: col.Key(p.FullName)}
	}
	slices.SortStableFunc(list, func(a, b personEntry) int { return bytes.Compare(a.key, b.key) })
	c.list, c.version, c.built = list, v, true
	return list, nil
}
