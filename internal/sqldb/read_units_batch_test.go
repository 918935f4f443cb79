package sqldb_test

import (
	"context"
	"reflect"
	"slices"
	"testing"

	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/sqldb/sqldbtest"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// TestUnitsUnder checks the tree's reads on a date: the children of some
// units, their counts (of the units asked for only), and units by id.
func TestUnitsUnder(t *testing.T) {
	ctx := context.Background()
	db := sqldbtest.Open(t)
	sqldbtest.MustImport(t, db, dissolvedBundle())
	r := db.Reader(sqldb.Recorded{})
	d16, d21 := tochuc.MustDate("2016-01-01"), tochuc.MustDate("2021-01-01")
	for _, c := range []struct {
		d    tochuc.Date
		ids  []string
		want map[string]int
	}{
		{d16, []string{"T1", "H1", "X1"}, map[string]int{"T1": 2, "H1": 2}},
		{d21, []string{"T1", "H1", "H2"}, map[string]int{"T1": 2, "H2": 2}},
		{d21, []string{"H2"}, map[string]int{"H2": 2}},
		{d21, nil, map[string]int{}},
	} {
		if got, err := r.ChildCounts(ctx, c.d, c.ids); err != nil || !reflect.DeepEqual(got, c.want) {
			t.Errorf("ChildCounts(%s, %v) = %v %v, want %v", c.d, c.ids, got, err, c.want)
		}
	}
	ids := func(us []tochuc.Unit, err error) []string {
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, u := range us {
			out = append(out, u.ID+"<"+u.ParentID)
		}
		return out
	}
	if got, want := ids(r.UnitsUnder(ctx, d21, []string{"T1", "H2"})), []string{"X2<H2", "X3<H2", "H2<T1", "H3<T1"}; !reflect.DeepEqual(got, want) {
		t.Errorf("UnitsUnder on 2021: %q, want %q", got, want)
	}
	if got, want := ids(r.UnitsUnder(ctx, d16, []string{"H1"})), []string{"X1<H1", "X2<H1"}; !reflect.DeepEqual(got, want) {
		t.Errorf("UnitsUnder on 2016: %q, want %q", got, want)
	}
	if got, want := ids(r.UnitsOn(ctx, []string{"X2", "H1", "ZZ"}, d21)), []string{"X2<H2"}; !reflect.DeepEqual(got, want) {
		t.Errorf("UnitsOn on 2021: %q, want %q", got, want)
	}
	// ChildrenPage pages one parent's children on the date, by name.
	all := ids(r.ChildrenPage(ctx, d21, "H2", 0, 50))
	if len(all) != 2 || !slices.Contains(all, "X2<H2") || !slices.Contains(all, "X3<H2") {
		t.Errorf("ChildrenPage(H2) on 2021: %q, want X2 and X3", all)
	}
	if got := append(ids(r.ChildrenPage(ctx, d21, "H2", 0, 1)), ids(r.ChildrenPage(ctx, d21, "H2", 1, 1))...); !reflect.DeepEqual(got, all) {
		t.Errorf("ChildrenPage(H2) one by one: %q, want %q", got, all)
	}
	if got := ids(r.ChildrenPage(ctx, d21, "H2", 2, 1)); got != nil {
		t.Errorf("ChildrenPage(H2) past the end: %q", got)
	}
	if got := ids(r.ChildrenPage(ctx, d16, "H2", 0, 50)); got != nil {
		t.Errorf("ChildrenPage(H2) on 2016: %q, want none", got)
	}
}
