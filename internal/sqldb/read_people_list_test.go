package sqldb_test

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/sqldb/sqldbtest"
	"github.com/tochuc/tochuc/internal/textvn"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// listNames are people whose order the Vietnamese alphabet decides: by given
// name first (An < Anh < Ăn < Ân < Bình … D < Đ), then family and middle names.
var listNames = []string{"Trần Thị Bình", "Nguyễn Văn An", "Nguyễn Văn Bảo", "Lê Thị Ân", "Phạm Văn Ăn",
	"Vũ Văn Dũng", "Đỗ Văn Đạt", "Hoàng Minh Đức", "Nguyễn Văn Anh", "Bùi Văn An"}

var listWant = []string{"Bùi Văn An", "Nguyễn Văn An", "Nguyễn Văn Anh", "Phạm Văn Ăn", "Lê Thị Ân", "Nguyễn Văn Bảo",
	"Trần Thị Bình", "Vũ Văn Dũng", "Đỗ Văn Đạt", "Hoàng Minh Đức"}

func peopleBundle(names []string) bundle.Tables {
	b := bundle.Tables{}
	for i, n := range names {
		b.Add("people", map[string]string{"id": fmt.Sprintf("P%05d", i+1), "full_name": n, "gender": "male"})
	}
	return b
}

var listDay = tochuc.MustDate("2021-01-01")

// allPages walks the list forward a page of n at a time and returns the names in order.
func allPages(t *testing.T, r *sqldb.Reader, f sqldb.PeopleFilter, n int) (names, ids []string) {
	t.Helper()
	at := sqldb.PeopleAt{}
	for range 10000 {
		p, err := r.PeoplePage(context.Background(), f, at, n)
		if err != nil {
			t.Fatal(err)
		}
		for _, x := range p.People {
			names, ids = append(names, x.FullName), append(ids, x.ID)
		}
		if !p.After {
			return names, ids
		}
		at = sqldb.PeopleAt{Cursor: p.Last}
	}
	t.Fatal("the pages do not end")
	return nil, nil
}

func TestPeopleListOrderAndSearch(t *testing.T) {
	ctx := context.Background()
	db := sqldbtest.Open(t)
	sqldbtest.MustImport(t, db, peopleBundle(listNames))
	r := db.Reader(sqldb.Recorded{})
	f := sqldb.PeopleFilter{On: listDay}
	if got, _ := allPages(t, r, f, 3); !slices.Equal(got, listWant) {
		t.Errorf("order:\n got %v\nwant %v", got, listWant)
	}
	search := func(q string) []string {
		got, _ := allPages(t, r, sqldb.PeopleFilter{On: listDay, Search: q}, 50)
		return got
	}
	for q, want := range map[string][]string{
		"nguyen van an": {"Nguyễn Văn An"}, // not Bảo through "an" inside "van", not Anh
		"NGUYỄN  văn":   {"Nguyễn Văn An", "Nguyễn Văn Anh", "Nguyễn Văn Bảo"},
		"duc":           {"Hoàng Minh Đức"},
		"đức hoàng":     {"Hoàng Minh Đức"}, // every word, in any order
		"an":            {"Bùi Văn An", "Nguyễn Văn An", "Phạm Văn Ăn", "Lê Thị Ân"},
		"ngu":           nil, // whole words only
		"P00002":        {"Nguyễn Văn An"},
		"--":            nil,
	} {
		if got := search(q); !slices.Equal(got, want) {
			t.Errorf("search %q: got %v, want %v", q, got, want)
		}
	}
	n, over, err := r.CountPeople(ctx, sqldb.PeopleFilter{On: listDay, Search: "van"})
	if err != nil || n != 7 || over {
		t.Errorf("count of 'van': %d %v %v", n, over, err)
	}
	// Backward from the end gives the pages in reverse.
	last, err := r.PeoplePage(ctx, f, sqldb.PeopleAt{Offset: 8}, 3)
	if err != nil || len(last.People) != 2 || last.After || !last.Before {
		t.Fatalf("offset page: %+v %v", last, err)
	}
	prev, err := r.PeoplePage(ctx, f, sqldb.PeopleAt{Cursor: last.First, Backward: true}, 3)
	if err != nil || len(prev.People) != 3 || prev.People[0].FullName != listWant[5] || !prev.Before || !prev.After {
		t.Fatalf("page before: %+v %v", prev, err)
	}
	first, err := r.PeoplePage(ctx, f, sqldb.PeopleAt{Cursor: prev.First, Backward: true}, 5)
	if err != nil || len(first.People) != 5 || first.People[0].FullName != listWant[0] || first.Before {
		t.Fatalf("first page backward: %+v %v", first, err)
	}
	c, err := sqldb.ParsePeopleCursor(prev.Last.String())
	if err != nil || !bytes.Equal(c.Key, prev.Last.Key) || c.ID != prev.Last.ID {
		t.Errorf("cursor round trip: %v %v", c, err)
	}
	if _, err := sqldb.ParsePeopleCursor("%%.x"); tochuc.ErrorCode(err) != tochuc.EInvalid {
		t.Errorf("bad cursor: %v", err)
	}
}

// TestPeopleListEdits checks that a renamed person is sorted and found by the
// new name only, and that the rows written before migration 0010 are keyed
// by the back-fill that follows the migrations.
func TestPeopleListEdits(t *testing.T) {
	ctx := context.Background()
	db := sqldbtest.Open(t)
	sqldbtest.MustImport(t, db, peopleBundle(listNames))
	renamed := slices.Clone(listNames)
	renamed[1] = "Nguyễn Văn Yên" // P00002, was Nguyễn Văn An
	sqldbtest.MustImport(t, db, peopleBundle(renamed))
	r := db.Reader(sqldb.Recorded{})
	search := func(q string) []string {
		got, _ := allPages(t, r, sqldb.PeopleFilter{On: listDay, Search: q}, 50)
		return got
	}
	if got := search("nguyen van an"); len(got) != 0 {
		t.Errorf("the old name still found: %v", got)
	}
	if got := search("yen"); !slices.Equal(got, []string{"Nguyễn Văn Yên"}) {
		t.Errorf("the new name: %v", got)
	}
	got, _ := allPages(t, r, sqldb.PeopleFilter{On: listDay}, 4)
	if got[len(got)-1] != "Nguyễn Văn Yên" {
		t.Errorf("renamed person not last: %v", got)
	}
	// Rows as written before 0010: no key, no folded name.
	if _, err := db.ExecContext(ctx, `UPDATE people SET sort_key = NULL, folded = NULL`); err != nil {
		t.Fatal(err)
	}
	if got := search("yen"); len(got) != 0 {
		t.Fatalf("found without folded names: %v", got)
	}
	if _, err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	var unkeyed int
	if err := db.QueryRowContext(ctx, `SELECT COUNT(*) FROM people WHERE sort_key IS NULL OR folded IS NULL`).Scan(&unkeyed); err != nil || unkeyed != 0 {
		t.Fatalf("after the back-fill %d rows lack a key (%v)", unkeyed, err)
	}
	if got := search("yen"); !slices.Equal(got, []string{"Nguyễn Văn Yên"}) {
		t.Errorf("after the back-fill: %v", got)
	}
	if got := search("nguyen van an"); len(got) != 0 {
		t.Errorf("after the back-fill the old name is found: %v", got)
	}
	want := slices.Clone(listWant)
	want = slices.DeleteFunc(want, func(s string) bool { return s == "Nguyễn Văn An" })
	if got, _ := allPages(t, r, sqldb.PeopleFilter{On: listDay}, 4); !slices.Equal(got, append(want, "Nguyễn Văn Yên")) {
		t.Errorf("order after the back-fill: %v", got)
	}
}

// TestPeopleListLarge walks a list of more people than counts give: every
// person once, in the order of the collator, the count capped, and a search
// matching many (on SQLite: walked in order) or few (read from the index).
func TestPeopleListLarge(t *testing.T) {
	if testing.Short() {
		t.Skip("imports 10,050 people")
	}
	ctx := context.Background()
	db := sqldbtest.Open(t)
	given := []string{"An", "Anh", "Ăn", "Ân", "Bình", "Dũng", "Đạt", "Đức", "Hương", "Yến"}
	family := []string{"Nguyễn Văn", "Trần Văn", "Lê Văn", "Đỗ Văn", "Phạm Văn"}
	var names []string
	for i := range PeopleLarge {
		names = append(names, family[i%len(family)]+" "+given[(i/7)%len(given)])
	}
	names[4321] = "Trịnh Quốc Khánh"
	b := peopleBundle(names)
	// Everyone works in U1 but P04322, in U2; P00007 worked in U2 before.
	b.Add("units", map[string]string{"id": "T1", "name": "Tỉnh Một", "kind": "province", "valid_from": "2000-01-01"})
	for _, x := range []string{"1", "2"} {
		b.Add("units", map[string]string{"id": "X" + x, "name": "Xã " + x, "kind": "commune", "parent_id": "T1", "valid_from": "2000-01-01"})
		b.Add("units", map[string]string{"id": "U" + x, "name": "UBND xã " + x, "kind": "people_committee", "locality_id": "X" + x, "valid_from": "2000-01-01"})
	}
	for i := range names {
		u := "U1"
		if i == 4321 {
			u = "U2"
		}
		b.Add("assignments", map[string]string{"person_id": fmt.Sprintf("P%05d", i+1), "unit_id": u, "role": "civil_servant", "valid_from": "2010-01-01"})
	}
	b.Add("assignments", map[string]string{"person_id": "P00007", "unit_id": "U2", "role": "civil_servant", "valid_from": "2010-01-01", "valid_to": "2020-01-01"})
	sqldbtest.MustImport(t, db, b)
	r := db.Reader(sqldb.Recorded{})
	f := sqldb.PeopleFilter{On: listDay}
	n, over, err := r.CountPeople(ctx, f)
	if err != nil || n != sqldb.PeopleCountCap || !over {
		t.Fatalf("count: %d %v %v", n, over, err)
	}
	got, ids := allPages(t, r, f, 500)
	type person struct{ id, name string }
	want := make([]person, len(names))
	col := textvn.NewCollator()
	for i, n := range names {
		want[i] = person{fmt.Sprintf("P%05d", i+1), n}
	}
	slices.SortFunc(want, func(a, b person) int {
		return cmp.Or(col.ComparePeople(a.name, b.name), cmp.Compare(a.id, b.id))
	})
	if len(got) != len(want) {
		t.Fatalf("%d people walked, %d held", len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i].name || ids[i] != want[i].id {
			t.Fatalf("row %d: %s %s, want %s %s", i, ids[i], got[i], want[i].id, want[i].name)
		}
	}
	// "van" matches all but one: more than the cap (on SQLite, the list is walked in order).
	van := sqldb.PeopleFilter{On: listDay, Search: "van"}
	if n, over, err := r.CountPeople(ctx, van); n != sqldb.PeopleCountCap || !over || err != nil {
		t.Errorf("count of van: %d %v %v", n, over, err)
	}
	if _, vids := allPages(t, r, van, 700); len(vids) != len(ids)-1 || slices.Contains(vids, "P04322") ||
		!slices.Equal(vids, slices.DeleteFunc(slices.Clone(ids), func(s string) bool { return s == "P04322" })) {
		t.Errorf("van: %d people", len(vids))
	}
	if _, ids := allPages(t, r, sqldb.PeopleFilter{On: listDay, Search: "nguyen"}, 200); len(ids) != 2010 {
		t.Errorf("nguyen: %d", len(ids))
	}
	if _, ids := allPages(t, r, sqldb.PeopleFilter{On: listDay, Search: "khanh"}, 200); !slices.Equal(ids, []string{"P04322"}) {
		t.Errorf("khanh: %v", ids)
	}
	// Scopes: X1 holds all but one (walked in order on SQLite), X2 one (read from its people).
	x1 := sqldb.PeopleFilter{On: listDay, Roots: []string{"X1"}}
	if n, over, err := r.CountPeople(ctx, x1); n != sqldb.PeopleCountCap || !over || err != nil {
		t.Errorf("count of X1: %d %v %v", n, over, err)
	}
	if _, xids := allPages(t, r, x1, 1000); !slices.Equal(xids, slices.DeleteFunc(slices.Clone(ids), func(s string) bool { return s == "P04322" })) {
		t.Errorf("X1: %d people", len(xids))
	}
	x1.Search = "khanh"
	if _, xids := allPages(t, r, x1, 1000); len(xids) != 0 {
		t.Errorf("X1, khanh: %v", xids)
	}
	x2 := sqldb.PeopleFilter{On: listDay, Roots: []string{"X2"}}
	if n, over, err := r.CountPeople(ctx, x2); n != 1 || over || err != nil {
		t.Errorf("count of X2: %d %v %v", n, over, err)
	}
	if _, xids := allPages(t, r, x2, 1000); !slices.Equal(xids, []string{"P04322"}) {
		t.Errorf("X2: %v", xids)
	}
	x2.On = tochuc.MustDate("2019-01-01")
	if _, xids := allPages(t, r, x2, 1000); !slices.Equal(xids, []string{"P04322", "P00007"}) && !slices.Equal(xids, []string{"P00007", "P04322"}) {
		t.Errorf("X2 in 2019: %v", xids)
	}
	if _, xids := allPages(t, r, sqldb.PeopleFilter{On: listDay, Roots: []string{}}, 1000); len(xids) != 0 {
		t.Errorf("an empty scope: %v", xids)
	}
}

// PeopleLarge is the number of people of TestPeopleListLarge.
const PeopleLarge = 10050
