package web

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/tochuc/tochuc/internal/cache"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// peopleCacheBytes bounds the counts and pages of the people list kept
// (sizeOfPeople): a page of 50 people is some 15 KB.
const peopleCacheBytes = 32 << 20

// peopleCount is a count of the people list (sqldb.CountPeople).
type peopleCount struct {
	N    int
	Over bool
}

// peopleCache keeps the counts and pages of the people list for the
// registry's current version, bounded in bytes; concurrent requests for one
// share a computation. A search matching thousands costs the database tens
// of milliseconds a query (its words' index, then every match read and
// sorted), and every page of it counts the same matches again: kept, the
// count is read once for all its pages, and a page once for all who open it.
type peopleCache struct {
	counts cache.Flight[peopleCount]
	pages  cache.Flight[*sqldb.PeoplePage]
}

func newPeopleCache(maxBytes int64) *peopleCache {
	return &peopleCache{
		counts: cache.Flight[peopleCount]{MaxBytes: maxBytes / 8, Size: func(peopleCount) int64 { return 256 }},
		pages:  cache.Flight[*sqldb.PeoplePage]{MaxBytes: maxBytes, Size: sizeOfPeople},
	}
}

// count returns CountPeople of f, kept for the registry's version v.
func (c *peopleCache) count(ctx context.Context, reg Registry, v int64, budget time.Duration, f sqldb.PeopleFilter) (int, bool, error) {
	n, err := c.counts.Get(ctx, v, peopleKey(f), budget, func(ctx context.Context) (peopleCount, error) {
		n, over, err := reg.CountPeople(ctx, f)
		return peopleCount{n, over}, err
	})
	return n.N, n.Over, err
}

// page returns PeoplePage of f at at, kept for the registry's version v.
// The page is shared: its callers must not change it.
func (c *peopleCache) page(ctx context.Context, reg Registry, v int64, budget time.Duration, f sqldb.PeopleFilter, at sqldb.PeopleAt, limit int) (*sqldb.PeoplePage, error) {
	key := peopleKey(f) + "|" + at.Cursor.String() + "|" + strconv.FormatBool(at.Backward) + "|" + strconv.Itoa(at.Offset) + "|" + strconv.Itoa(limit)
	return c.pages.Get(ctx, v, key, budget, func(ctx context.Context) (*sqldb.PeoplePage, error) {
		return reg.PeoplePage(ctx, f, at, limit)
	})
}

// peopleKey names a filter of the people list: every field, unambiguously
// (each text field is quoted).
func peopleKey(f sqldb.PeopleFilter) string {
	var b strings.Builder
	b.WriteString(f.On.String())
	b.WriteString("|" + strconv.Quote(f.Search) + "|" + strconv.Quote(f.Gender) + "|" + strconv.FormatBool(f.Alive) + "|")
	b.WriteString(strconv.FormatBool(f.Prefix) + "|" + strconv.FormatBool(f.Exact) + "|" + strconv.Quote(f.Party) + "|" +
		f.BornAfter.String() + "|" + f.BornBy.String() + "|" + strconv.FormatBool(f.ByBirth) + "|")
	if f.Roots == nil {
		b.WriteString("*")
	}
	for _, r := range f.Roots {
		b.WriteString(strconv.Quote(r) + ",")
	}
	return b.String()
}

// sizeOfPeople estimates the bytes a page of the people list holds.
func sizeOfPeople(p *sqldb.PeoplePage) int64 {
	n := int64(sizeAlloc + 128 + len(p.First.Key) + len(p.First.ID) + len(p.Last.Key) + len(p.Last.ID))
	for _, x := range p.People {
		n += sizeOfPerson(x)
	}
	return n
}

// sizeOfPerson estimates the bytes of a person of the list.
func sizeOfPerson(x tochuc.Person) int64 {
	return 20*sizeString + 64 + int64(len(x.ID)+len(x.FullName)+len(x.Gender)+len(x.Ethnicity)+len(x.Religion)+
		len(x.CitizenID)+len(x.Birthplace)+len(x.Hometown)+len(x.Residence)+len(x.GeneralEducation))
}
