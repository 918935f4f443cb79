package sqldb_test

import (
	"context"
	"slices"
	"testing"

	"github.com/tochuc/tochuc/internal/indicator"
	"github.com/tochuc/tochuc/internal/sqldb"
)

// TestIndicatorChanges: for every stock indicator of the catalog, in the
// whole registry and in a scope, the records that entered and left between
// the comparison date and the date are the difference of the records counted
// on each date (Explain on each), entered first, each by id; their counts
// agree, and a page of them is a slice of the whole.
func TestIndicatorChanges(t *testing.T) {
	ctx := context.Background()
	db := openIndFixture(t)
	src := db.Reader(sqldb.Recorded{})
	counted := func(p indicator.Params, id string) map[string]bool {
		items, err := indicator.Explain(ctx, src, p, id)
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]bool{}
		for _, it := range items {
			if it.Counted {
				out[it.ID] = true
			}
		}
		return out
	}
	seen := 0
	for _, scope := range []string{"", "H1"} {
		p := indParams(scope, true)
		then := p
		then.AsOf, then.Since = p.Since, 0
		for _, def := range indicator.Catalog() {
			if def.Flow {
				continue
			}
			now, before := counted(indicator.Params{AsOf: p.AsOf, Scope: scope}, def.ID), counted(then, def.ID)
			var want []indicator.Change
			for _, id := range sortedKeys(now) {
				if !before[id] {
					want = append(want, indicator.Change{ID: id, Entered: true})
				}
			}
			for _, id := range sortedKeys(before) {
				if !now[id] {
					want = append(want, indicator.Change{ID: id})
				}
			}
			var got []indicator.Change
			err := src.EachChange(ctx, p, def, indicator.Range{}, func(c indicator.Change) error {
				if c.Name == "" {
					t.Errorf("%s: change %s without a name", def.ID, c.ID)
				}
				c.Name = ""
				got = append(got, c)
				return nil
			})
			if err != nil {
				t.Fatalf("%s: %v", def.ID, err)
			}
			if !slices.Equal(got, want) {
				t.Errorf("%s in %q: changes %v, want %v", def.ID, scope, got, want)
			}
			n, err := src.CountChanges(ctx, p, def)
			if err != nil {
				t.Fatal(err)
			}
			entered := 0
			for _, c := range want {
				if c.Entered {
					entered++
				}
			}
			if n.Entered != entered || n.Left != len(want)-entered {
				t.Errorf("%s: counted %+v, want %d entered of %d", def.ID, n, entered, len(want))
			}
			if len(want) > 1 {
				var page []indicator.Change
				err := src.EachChange(ctx, p, def, indicator.Range{Offset: 1, Limit: 1}, func(c indicator.Change) error {
					c.Name = ""
					page = append(page, c)
					return nil
				})
				if err != nil || !slices.Equal(page, want[1:2]) {
					t.Errorf("%s: page 2 of 1 %v %v, want %v", def.ID, page, err, want[1:2])
				}
			}
			seen += len(want)
		}
	}
	if seen == 0 {
		t.Fatal("the fixture changes nothing between its two dates")
	}
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
