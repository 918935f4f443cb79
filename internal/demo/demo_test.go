package demo

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/sqldb/sqldbtest"
	"github.com/tochuc/tochuc/internal/tochuc"
	"github.com/tochuc/tochuc/internal/vnadmin"
)

// TestDeterministic: the same seed gives the same tables, another seed
// other people in the posts but the same figures.
func TestDeterministic(t *testing.T) {
	t.Parallel()
	// The three builds run at once: a build shares no state with another.
	seeds := []uint64{7, 7, 8}
	built := make([]bundle.Tables, len(seeds))
	errs := make([]error, len(seeds))
	var wg sync.WaitGroup
	for i, seed := range seeds {
		wg.Go(func() {
			start := time.Now()
			built[i], errs[i] = Build(seed)
			if i == 0 {
				t.Logf("built in %v", time.Since(start))
			}
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		t.Fatal(err)
	}
	a, b, c := built[0], built[1], built[2]
	if !reflect.DeepEqual(a, b) {
		t.Fatal("two builds with seed 7 differ")
	}
	if reflect.DeepEqual(a["assignments"], c["assignments"]) {
		t.Error("seeds 7 and 8 give the same posts")
	}
	if !reflect.DeepEqual(a["documents"], c["documents"]) {
		t.Error("seeds 7 and 8 give other documents")
	}
	w := readWorld(c)
	keys := w.keyCadres(province, AsOf)
	if got := w.concurrency("commune", province, AsOf, "secretary", communeParty, "chair", "people_council"); got.value != 165 ||
		len(keys) != 1186 {
		t.Errorf("seed 8: F6 %s, F15 %d", got, len(keys))
	}
}

// onlyDeliberate checks an import's report of the demo: no error, and no
// warning but the deliberate ones.
func onlyDeliberate(rep *bundle.Report) error {
	var bad []string
	for _, is := range rep.Issues {
		if !is.Warning || is.Column != "rating" || !strings.Contains(is.Vi, "khác mức của điểm") {
			bad = append(bad, is.String())
		}
	}
	if rep.Errors != 0 || rep.Warnings != DeliberateWarnings || len(bad) > 0 {
		return fmt.Errorf("%d errors, %d warnings (want %d, on ratings and scores): %.20v", rep.Errors, rep.Warnings, DeliberateWarnings, bad)
	}
	return nil
}

// TestSeed1Database imports the demo into a fresh database (SQLite, or PostgreSQL
// with TOCHUC_TEST_POSTGRES) without any error nor other warning than the
// deliberate ones, and checks the
// units on the dates of the history and the party members moved by the
// mergers.
//
// The database is then shared, at once, by the tests that only read it: the
// units and members above (Import) and the golden reports (GoldenArticle,
// GoldenAfterMerger).
func TestSeed1Database(t *testing.T) {
	t.Parallel()
	tables, _ := seed1(t)
	db := sqldbtest.Open(t)
	ctx := context.Background()
	start := time.Now()
	rep, err := db.ImportBundle(ctx, tables, "demo", "demo test", bundle.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := onlyDeliberate(rep); err != nil {
		t.Fatal(err)
	}
	t.Logf("imported %d files in %v (%s)", len(rep.Files), time.Since(start), db.Dialect)
	for name, run := range map[string]func(*testing.T, *sqldb.DB){
		"Import": checkImported, "GoldenArticle": goldenArticle, "Draft": demoDraft, "GoldenAfterMerger": goldenAfterMerger, "Checks": demoChecks,
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			run(t, db)
		})
	}
}

// checkImported checks the units on the dates of the history and the party
// members moved by the mergers.
func checkImported(t *testing.T, db *sqldb.DB) {
	ctx := context.Background()
	r := db.Reader(sqldb.Recorded{})
	// The database holds the demo only, so the whole database is the
	// province (the scoped count, through a recursive query, is left to the
	// indicator tests).
	for _, c := range []struct {
		date                               string
		provinces, districts, communes     int
		phuong, thiTran, xa, partyUpperMin int
	}{
		{"2018-12-31", 1, 10, 230, 10, 16, 204, 12},
		{"2019-12-31", 1, 10, 230, 10, 16, 204, 12},
		{"2020-01-01", 1, 10, 209, 10, 15, 184, 12},
		{"2022-10-01", 1, 10, 209, 10, 17, 182, 12},
		{"2024-02-01", 1, 10, 209, 19, 15, 175, 12},
		{"2025-01-01", 1, 10, 192, 35, 14, 143, 12},
		{"2025-06-30", 1, 10, 192, 35, 14, 143, 12},
		{"2025-07-01", 1, 0, 58, 13, 0, 45, 58},
		{"2026-11-25", 1, 0, 58, 13, 0, 45, 58},
	} {
		d := tochuc.MustDate(c.date)
		m, err := r.CountUnitsByKind(ctx, d, nil)
		if err != nil {
			t.Fatal(err)
		}
		if m["province"] != c.provinces || m["district"] != c.districts || m["commune"] != c.communes || m["party_upper"] < c.partyUpperMin {
			t.Errorf("%s: %d provinces, %d districts, %d communes, %d upper party organizations; want %d, %d, %d, ≥ %d",
				c.date, m["province"], m["district"], m["commune"], m["party_upper"], c.provinces, c.districts, c.communes, c.partyUpperMin)
		}
		us, err := r.UnitsAsOf(ctx, d, sqldb.UnitFilter{Kind: "commune"})
		if err != nil {
			t.Fatal(err)
		}
		types := map[string]int{}
		for _, u := range us {
			types[u.Subtype]++
		}
		if types["phuong"] != c.phuong || types["thi_tran"] != c.thiTran || types["xa"] != c.xa {
			t.Errorf("%s: %v, want %d phường, %d thị trấn, %d xã", c.date, types, c.phuong, c.thiTran, c.xa)
		}
	}
	if _, err := r.Unit(ctx, "VN2-24", tochuc.MustDate("2025-07-01")); err != nil {
		t.Error(err)
	}
	moved(t, r, "VN1-99003/DU", "VN1-07681/DU", "2020-01-01")   // xã Nham Sơn into thị trấn Nham Biền
	moved(t, r, "VN1-99001/DU", "VN1-07210/DU", "2025-01-01")   // phường Lê Lợi into phường Hoàng Văn Thụ
	moved(t, r, "VN1-07441/DU", "VN2-07210/DU", "2025-07-01")   // phường Dĩnh Trì into phường Bắc Giang
	moved(t, r, "VN1-221/DB-CQ", "VN1-213/DB-CQ", "2025-01-01") // Yên Dũng's officials into the city's
}

// TestImportAfterNationalList: the demo uses the ids of package vnadmin, so
// it imports cleanly into a database that holds the national list.
func TestImportAfterNationalList(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("imports the national list")
	}
	vn, err := vnadmin.Bundle()
	if err != nil {
		t.Fatal(err)
	}
	db := sqldbtest.Open(t)
	ctx := context.Background()
	national := bundle.Tables{"units": vn.Units, "restructure": vn.Restructure, "documents": vn.Documents}
	for i, src := range []bundle.Tables{national, func() bundle.Tables { tb, _ := seed1(t); return tb }()} {
		rep, err := db.ImportBundle(ctx, src, "demo", "demo test", bundle.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if i == 0 && (rep.Errors != 0 || rep.Warnings != 0) {
			t.Fatalf("national list: %d errors, %d warnings: %v", rep.Errors, rep.Warnings, rep.Issues[:min(5, len(rep.Issues))])
		}
		if i == 1 {
			if err := onlyDeliberate(rep); err != nil {
				t.Fatal(err)
			}
		}
	}
	m, err := db.Reader(sqldb.Recorded{}).CountUnitsByKind(ctx, tochuc.MustDate("2018-12-31"), nil)
	if err != nil || m["commune"] != 10035+38 {
		t.Errorf("communes on 2018-12-31: %v %v, want the 10,035 of the national list and the 38 synthesized", m["commune"], err)
	}
}

// moved checks that on date the members of a merged party organization are
// no longer registered there, that its posts have ended, and that members
// it had the day before are registered in the successor.
func moved(t *testing.T, r *sqldb.Reader, from, to, date string) {
	ctx := context.Background()
	t.Helper()
	d := tochuc.MustDate(date)
	before, err := r.MembersAsOf(ctx, d.AddDays(-1), from)
	if err != nil {
		t.Fatal(err)
	}
	after, err := r.MembersAsOf(ctx, d, to)
	if err != nil {
		t.Fatal(err)
	}
	left, _ := r.MembersAsOf(ctx, d, from)
	posts, _ := r.AssignmentsAsOf(ctx, d, from)
	in := map[string]bool{}
	for _, m := range after {
		in[m.PersonID] = true
	}
	n := 0
	for _, m := range before {
		if in[m.PersonID] {
			n++
		}
	}
	if len(before) == 0 || n == 0 || len(left) != 0 || len(posts) != 0 {
		t.Errorf("%s → %s on %s: %d members before, %d of them in %s after, %d left behind, %d posts left",
			from, to, date, len(before), n, to, len(left), len(posts))
	} else {
		t.Logf("%s → %s on %s: %d of its %d members moved there", from, to, date, n, len(before))
	}
}
