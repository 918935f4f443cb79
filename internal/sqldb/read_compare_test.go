package sqldb_test

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/sqldb/sqldbtest"
	"github.com/tochuc/tochuc/internal/tochuc"
)

var cmpFrom, cmpTo = tochuc.MustDate("2016-06-01"), tochuc.MustDate("2021-06-01")

// sectionRows lists a section's rows, each as a short text, read in pages of size n.
func sectionRows(t *testing.T, r *sqldb.Reader, sc sqldb.CompareScope, section string, n int) []string {
	ctx := context.Background()
	t.Helper()
	c, err := r.OpenComparison(ctx, cmpFrom, cmpTo, sc)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	var out []string
	for off := 0; ; off += n {
		p, err := c.Rows(ctx, section, off, n)
		if err != nil {
			t.Fatal(err)
		}
		for _, u := range p.Units {
			out = append(out, u.ID+" "+u.Name)
		}
		for _, u := range p.Renamed {
			out = append(out, u[0].Name+" → "+u[1].Name)
		}
		for _, l := range p.Links {
			out = append(out, l.EventID+" "+l.Kind+" "+l.FromUnitID+">"+l.ToUnitID)
		}
		for _, a := range p.Posts {
			out = append(out, a.PersonID+"@"+a.UnitID)
		}
		if p.Len() < n {
			return out
		}
	}
}

// TestCompareSections checks the counts and rows of each section of the
// comparison between 2016-06-01 and 2021-06-01: for the whole registry, for
// the scope of H1 on both dates (X2 leaves it when it moves to H2: its post
// vacated before counts, the one filled after does not), and for a scope
// carried on by two roots after H1 ends (H2 and H3 on the last date).
func TestCompareSections(t *testing.T) {
	ctx := context.Background()
	db := sqldbtest.Open(t)
	sqldbtest.MustImport(t, db, dissolvedBundle())
	r := db.Reader(sqldb.Recorded{})
	carried := sqldb.CompareScope{From: []string{"H1"}, To: []string{"H2", "H3"}}
	for _, c := range []struct {
		name   string
		sc     sqldb.CompareScope
		counts sqldb.CompareCounts
		rows   map[string][]string
	}{
		{"whole", sqldb.WholeRegistry,
			sqldb.CompareCounts{Created: 3, Ended: 2, Renamed: 1, Links: 4, Filled: 2, Vacated: 2,
				Events: map[string]int{"admitted": 2, "recognized": 1}, Staff: [2]int{20, 37}},
			map[string][]string{
				sqldb.SectionCreated: {"D3 Đảng bộ xã Ba", "X3 Xã Ba", "H3 Huyện Ba"}, // by date, then id
				sqldb.SectionEnded:   {"H1 Huyện Một", "X1 Xã Một"},
				sqldb.SectionRenamed: {"Huyện Hai → Thị xã Hai"},
				sqldb.SectionLinks:   {"E0 rename H2>H2", "E1 merge X1>X2", "E2 dissolve H1>", "E3 establish >H3"},
				sqldb.SectionFilled:  {"P3@X3", "P2@X2"},
				sqldb.SectionVacated: {"P5@X2", "P1@X1"},
			}},
		{"one root", sqldb.ScopeOf("H1"),
			sqldb.CompareCounts{Ended: 2, Links: 2, Vacated: 2, Events: map[string]int{}, Staff: [2]int{8, 0}},
			map[string][]string{
				sqldb.SectionCreated: nil,
				sqldb.SectionEnded:   {"H1 Huyện Một", "X1 Xã Một"},
				sqldb.SectionLinks:   {"E1 merge X1>X2", "E2 dissolve H1>"},
				sqldb.SectionFilled:  nil,
				sqldb.SectionVacated: {"P5@X2", "P1@X1"},
			}},
		{"two roots", carried,
			sqldb.CompareCounts{Created: 3, Ended: 2, Renamed: 1, Links: 4, Filled: 2, Vacated: 2,
				Events: map[string]int{"admitted": 2, "recognized": 1}, Staff: [2]int{8, 37}},
			map[string][]string{
				sqldb.SectionCreated: {"D3 Đảng bộ xã Ba", "X3 Xã Ba", "H3 Huyện Ba"},
				sqldb.SectionFilled:  {"P3@X3", "P2@X2"},
				sqldb.SectionLinks:   {"E0 rename H2>H2", "E1 merge X1>X2", "E2 dissolve H1>", "E3 establish >H3"},
			}},
		{"two roots, the second alone", sqldb.CompareScope{From: []string{"H3"}, To: []string{"H3"}},
			sqldb.CompareCounts{Created: 1, Links: 1, Events: map[string]int{}},
			map[string][]string{sqldb.SectionCreated: {"H3 Huyện Ba"}, sqldb.SectionLinks: {"E3 establish >H3"}}},
		{"no root on a date", sqldb.CompareScope{From: []string{"H1"}, To: nil},
			sqldb.CompareCounts{Ended: 2, Links: 2, Vacated: 2, Events: map[string]int{}, Staff: [2]int{8, 0}},
			map[string][]string{sqldb.SectionFilled: nil}},
	} {
		t.Run(c.name, func(t *testing.T) {
			cmp, err := r.OpenComparison(ctx, cmpFrom, cmpTo, c.sc)
			if err != nil {
				t.Fatal(err)
			}
			got, err := cmp.Counts(ctx)
			cmp.Close()
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, c.counts) {
				t.Errorf("counts:\n got %+v\nwant %+v", got, c.counts)
			}
			for section, want := range c.rows {
				for _, n := range []int{1, 2, 50} { // pages of one, two, and all rows: the same rows in the same order
					if rows := sectionRows(t, r, c.sc, section, n); !reflect.DeepEqual(rows, want) {
						t.Errorf("%s in pages of %d:\n got %q\nwant %q", section, n, rows, want)
					}
				}
			}
		})
	}
}

// TestComparePages checks paging: a page past the end is empty, the count
// stays; an unknown section is refused.
func TestComparePages(t *testing.T) {
	ctx := context.Background()
	db := sqldbtest.Open(t)
	sqldbtest.MustImport(t, db, dissolvedBundle())
	c, err := db.Reader(sqldb.Recorded{}).OpenComparison(ctx, cmpFrom, cmpTo, sqldb.WholeRegistry)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	p, err := c.Rows(ctx, sqldb.SectionLinks, 3, 2)
	if err != nil || len(p.Links) != 1 || p.Links[0].EventID != "E3" {
		t.Errorf("last page of the links: %+v %v", p, err)
	}
	if p, err := c.Rows(ctx, sqldb.SectionLinks, 10, 2); err != nil || p.Len() != 0 {
		t.Errorf("a page past the end: %+v %v", p, err)
	}
	if n, err := c.Counts(ctx); err != nil || n.Links != 4 {
		t.Errorf("counts after paging: %+v %v", n, err)
	}
	if _, err := c.Rows(ctx, "khong-co", 0, 10); tochuc.ErrorCode(err) != tochuc.EInvalid || !strings.Contains(err.Error(), "khong-co") {
		t.Errorf("unknown section: %v", err)
	}
}
