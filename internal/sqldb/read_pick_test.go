package sqldb_test

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/sqldb/sqldbtest"
)

// TestPeopleByBirthPages walks the list ordered by birth date a page of 2
// at a time, forward and back: every person once, the unknown birth last.
func TestPeopleByBirthPages(t *testing.T) {
	db := sqldbtest.Open(t)
	b := bundle.Tables{}
	births := []string{"1970-01-01", "1960-06-01", "", "1980-01-01", "1960-06-01", "1975-03-03", ""}
	for i, d := range births {
		b.Add("people", map[string]string{"id": fmt.Sprintf("B%d", i), "full_name": fmt.Sprintf("Người Số %d", i), "birth_date": d})
	}
	sqldbtest.MustImport(t, db, b)
	r := db.Reader(sqldb.Recorded{})
	f := sqldb.PeopleFilter{On: listDay, ByBirth: true}
	_, ids := allPages(t, r, f, 2)
	want := []string{"B1", "B4", "B0", "B5", "B3", "B2", "B6"}
	if !slices.Equal(ids, want) {
		t.Fatalf("by birth: %v, want %v", ids, want)
	}
	p, err := r.PeoplePage(context.Background(), f, sqldb.PeopleAt{Cursor: sqldb.PeopleCursor{Key: []byte("1975-03-03"), ID: "B5"}, Backward: true}, 2)
	if err != nil || len(p.People) != 2 || p.People[0].ID != "B4" || p.People[1].ID != "B0" {
		t.Fatalf("backward from B5: %+v %v", p, err)
	}
}

// TestFindUnitsAndPrefix: a picker's units match the start of words, the
// whole name first, within the roots; people match the last word as a prefix.
func TestFindUnitsAndPrefix(t *testing.T) {
	db := sqldbtest.Open(t)
	b := peopleBundle(listNames)
	b.Add("units", map[string]string{"id": "H", "name": "Huyện Lục Nam", "kind": "district", "valid_from": "2000-01-01"})
	b.Add("units", map[string]string{"id": "D", "name": "Đảng bộ huyện Lục Nam", "kind": "party_upper", "locality_id": "H", "valid_from": "2000-01-01"})
	b.Add("units", map[string]string{"id": "X", "name": "Xã Lục Sơn", "kind": "commune", "parent_id": "H", "valid_from": "2000-01-01"})
	b.Add("units", map[string]string{"id": "Y", "name": "Huyện Nam Sách", "kind": "district", "valid_from": "2000-01-01"})
	sqldbtest.MustImport(t, db, b)
	r := db.Reader(sqldb.Recorded{})
	ctx := context.Background()
	us, err := r.FindUnits(ctx, listDay, "huyen luc nam", nil, 10)
	if err != nil || len(us) != 2 || us[0].ID != "H" || us[1].ID != "D" {
		t.Fatalf("huyen luc nam: %+v %v", us, err)
	}
	us, _ = r.FindUnits(ctx, listDay, "luc", []string{"H"}, 10)
	var ids []string
	for _, u := range us {
		ids = append(ids, u.ID)
	}
	slices.Sort(ids)
	if !slices.Equal(ids, []string{"D", "H", "X"}) {
		t.Fatalf("'luc' under H: %v", ids)
	}
	names, _ := allPages(t, r, sqldb.PeopleFilter{On: listDay, Search: "nguyen van a", Prefix: true}, 50)
	if !slices.Equal(names, []string{"Nguyễn Văn An", "Nguyễn Văn Anh"}) {
		t.Fatalf("prefix 'nguyen van a': %v", names)
	}
	names, _ = allPages(t, r, sqldb.PeopleFilter{On: listDay, Search: "nguyen van an", Exact: true}, 50)
	if !slices.Equal(names, []string{"Nguyễn Văn An"}) {
		t.Fatalf("exact 'nguyen van an': %v", names)
	}
}

// TestUnitWords: every units row written keeps the folded words of its
// name; a row without them (written by another loader) is still offered to
// the picker, and Migrate gives it its words.
func TestUnitWords(t *testing.T) {
	db := sqldbtest.Open(t)
	b := bundle.Tables{}
	b.Add("units", map[string]string{"id": "X", "name": "Xã Đông Phú", "kind": "commune", "valid_from": "2000-01-01"})
	b.Add("units", map[string]string{"id": "Y", "name": "Xã Lục Sơn", "kind": "commune", "valid_from": "2000-01-01"})
	sqldbtest.MustImport(t, db, b)
	ctx := context.Background()
	var words string
	if err := db.QueryRowContext(ctx, `SELECT words FROM units WHERE id = 'X'`).Scan(&words); err != nil || words != "xa dong phu" {
		t.Fatalf("words of Xã Đông Phú: %q %v", words, err)
	}
	if _, err := db.ExecContext(ctx, `UPDATE units SET words = NULL`); err != nil {
		t.Fatal(err)
	}
	r := db.Reader(sqldb.Recorded{})
	if us, err := r.FindUnits(ctx, listDay, "dong ph", nil, 10); err != nil || len(us) != 1 || us[0].ID != "X" {
		t.Fatalf("a unit without its words: %+v %v", us, err)
	}
	if _, err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	var missing int
	if err := db.QueryRowContext(ctx, `SELECT COUNT(*) FROM units WHERE words IS NULL`).Scan(&missing); err != nil || missing != 0 {
		t.Fatalf("after Migrate %d units without words (%v)", missing, err)
	}
	if us, err := r.FindUnits(ctx, listDay, "dong ph", nil, 10); err != nil || len(us) != 1 || us[0].ID != "X" {
		t.Fatalf("after the back-fill: %+v %v", us, err)
	}
}
