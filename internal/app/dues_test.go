package app_test

import (
	"context"
	"testing"

	"github.com/tochuc/tochuc/internal/app"
	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/sqldb/sqldbtest"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// duesBundle: a grassroots committee G with a cell C; members paying dues
// in 2026 in various ways.
func duesBundle() bundle.Tables {
	b := bundle.Tables{}
	b.Add("units", map[string]string{"id": "G", "name": "Đảng bộ xã Một", "kind": "party_grassroots_committee", "valid_from": "1950-01-01"})
	b.Add("units", map[string]string{"id": "C", "name": "Chi bộ thôn Một", "kind": "party_cell", "parent_id": "G", "valid_from": "1950-01-01"})
	member := func(id, name, admitted string) {
		b.Add("people", map[string]string{"id": id, "full_name": name})
		b.Add("party", map[string]string{"person_id": id, "event": "admitted", "date": admitted, "unit_id": "C"})
	}
	member("paid", "Nguyễn Văn An", "2000-01-10")  // paid through 2026-09: 3 months on 2026-12-03, not behind
	member("late", "Trần Thị Bình", "2000-01-10")  // paid through 2026-08: 4 months, behind
	member("never", "Lê Văn Cường", "2026-07-15")  // joined in July, never paid: 5 months, behind
	member("newer", "Phạm Văn Dũng", "2026-09-20") // joined in September, never paid: 3 months, not behind
	member("old", "Hoàng Văn Em", "1970-05-01")    // 56 years of party age: exempt
	member("ahead", "Vũ Thị Giang", "2010-03-01")  // paid in advance
	member("lateafter", "Đỗ Văn Hùng", "2010-03-01")
	for _, d := range []struct{ p, m, on string }{
		{"paid", "2026-09", "2026-09-10"}, {"paid", "2026-08", "2026-08-10"}, {"late", "2026-08", "2026-08-12"},
		{"ahead", "2027-01", "2026-06-01"}, {"lateafter", "2026-11", "2026-12-20"}, {"old", "2026-01", "2026-01-05"},
	} {
		b.Add("party_dues", map[string]string{"person_id": d.p, "month": d.m, "amount": "30000", "paid_on": d.on, "unit_id": "C"})
	}
	return b
}

func TestDuesBehind(t *testing.T) {
	ctx := context.Background()
	db := sqldbtest.Open(t)
	sqldbtest.MustImport(t, db, duesBundle())
	a := app.New(db, nil)
	admin := app.CLI("test").User
	d := tochuc.MustDate("2026-12-03")
	pg, err := a.DuesBehind(ctx, admin, app.DuesParams{Unit: "G", AsOf: d}, 0, 50)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	for _, it := range pg.Items {
		got[it.PersonID] = it.MonthsBehind
		if !it.Behind || it.Exempt {
			t.Errorf("%s listed but not behind: %+v", it.PersonID, it)
		}
	}
	// lateafter paid November on 20/12: on 03/12 it had not (last paid: none since 2010 → behind).
	want := map[string]int{"late": 4, "never": 5, "lateafter": 201}
	if len(got) != len(want) || pg.Total != len(want) {
		t.Fatalf("behind on %s: %v (total %d), want %v", d, got, pg.Total, want)
	}
	for id, n := range want {
		if got[id] != n {
			t.Errorf("%s: %d months behind, want %d", id, got[id], n)
		}
	}
	// Paged in the database, in the order of given names (Bình, Cường, Hùng).
	pg2, err := a.DuesBehind(ctx, admin, app.DuesParams{Unit: "G", AsOf: d}, 1, 1)
	if err != nil {
		t.Fatal(err)
	}
	if pg2.Total != 3 || len(pg2.Items) != 1 || pg2.Items[0].PersonID != "never" {
		t.Errorf("second page of one: %+v", pg2)
	}
	// The cell lists the same (its members are registered there).
	if pc, err := a.DuesBehind(ctx, admin, app.DuesParams{Unit: "C", AsOf: d}, 0, 50); err != nil || pc.Total != 3 {
		t.Errorf("the cell's list: %+v, %v", pc, err)
	}
	// Not a party organization: refused.
	if _, err := a.DuesBehind(ctx, admin, app.DuesParams{Unit: "nowhere", AsOf: d}, 0, 50); err == nil {
		t.Error("an unknown unit accepted")
	}
}

func TestDuesMonthAndRecord(t *testing.T) {
	ctx := context.Background()
	db := sqldbtest.Open(t)
	sqldbtest.MustImport(t, db, duesBundle())
	a := app.New(db, nil)
	act := app.CLI("test")
	pg, err := a.DuesMonth(ctx, act.User, app.DuesParams{Unit: "G", Month: "09/2026"}, 0, 50)
	if err != nil {
		t.Fatal(err)
	}
	if pg.Total != 7 || pg.Month != "2026-09" {
		t.Fatalf("September: %d members, month %q", pg.Total, pg.Month)
	}
	paid := map[string]int64{}
	for _, it := range pg.Items {
		if it.Amount != nil {
			paid[it.PersonID] = *it.Amount
		}
		if it.PersonID == "old" && !it.Exempt {
			t.Error("50 years of party age: not exempt")
		}
	}
	if len(paid) != 1 || paid["paid"] != 30000 {
		t.Errorf("paid in September: %v", paid)
	}
	rep, err := a.RecordDues(ctx, act, "G", "2026-12", []app.DuesPayment{
		{PersonID: "late", Amount: 45000, PaidOn: tochuc.MustDate("2026-12-02")},
		{PersonID: "never", Amount: 5000, PaidOn: tochuc.MustDate("2026-12-02")},
	})
	if err != nil || !rep.OK() {
		t.Fatalf("record: %v %+v", err, rep)
	}
	pg, err = a.DuesBehind(ctx, act.User, app.DuesParams{Unit: "G", AsOf: tochuc.MustDate("2026-12-03")}, 0, 50)
	if err != nil {
		t.Fatal(err)
	}
	if pg.Total != 1 || pg.Items[0].PersonID != "lateafter" {
		t.Errorf("after recording December: %+v", pg.Items)
	}
	if _, err := a.RecordDues(ctx, act, "G", "2026-06", []app.DuesPayment{{PersonID: "newer", Amount: 1, PaidOn: tochuc.MustDate("2026-06-02")}}); err == nil {
		t.Error("dues of a month before the person joined accepted")
	}
	if _, err := a.RecordDues(ctx, act, "G", "2026-12", []app.DuesPayment{{PersonID: "late", Amount: -1, PaidOn: tochuc.MustDate("2026-12-02")}}); err == nil {
		t.Error("a negative amount accepted")
	}
}

func TestDuesStatus(t *testing.T) {
	for _, c := range []struct {
		last, start, d, settled string
		behind                  int
	}{
		{"2026-08", "2000-01-01", "2026-12-31", "2026-08", 4},
		{"", "2026-09-20", "2026-12-01", "2026-09", 3},
		{"2027-02", "2000-01-01", "2026-12-01", "2027-02", 0},
		{"2020-01", "2025-05-05", "2026-01-01", "2025-05", 8},
	} {
		s, n := app.DuesStatus(c.last, tochuc.MustDate(c.start), tochuc.MustDate(c.d))
		if s != c.settled || n != c.behind {
			t.Errorf("DuesStatus(%q, %s, %s) = %q, %d; want %q, %d", c.last, c.start, c.d, s, n, c.settled, c.behind)
		}
	}
}
