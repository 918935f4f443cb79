package sqldb_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/bundle/container"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/sqldb/sqldbtest"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// TestRoundTrip checks, for each container form, that export(import(B)) holds
// the records of B and that importing the export into a fresh database gives
// the same export again.
func TestRoundTrip(t *testing.T) {
	for _, ext := range []string{"", ".zip", ".xlsx"} {
		t.Run("form"+ext, func(t *testing.T) {
			dir := t.TempDir()
			b := richBundle()
			src := writeBundle(t, b, filepath.Join(dir, "b"+ext))
			want := records(t, src)

			db1 := sqldbtest.Open(t)
			sqldbtest.MustImport(t, db1, src)
			out1 := exportTo(t, db1, sqldb.Recorded{}, filepath.Join(dir, "e1"+ext))
			got1 := records(t, out1)
			diff(t, got1, want)

			db2 := sqldbtest.Open(t)
			sqldbtest.MustImport(t, db2, out1)
			out2 := exportTo(t, db2, sqldb.Recorded{}, filepath.Join(dir, "e2"+ext))
			diff(t, records(t, out2), got1)
		})
	}
}

// writeBundle writes in-memory tables into a bundle of the form given by path.
func writeBundle(t *testing.T, b bundle.Tables, path string) bundle.Source {
	t.Helper()
	sink, err := container.CreateSink(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range b.Names() {
		w, err := sink.Create(name, b[name][0])
		if err != nil {
			t.Fatal(err)
		}
		for _, row := range b[name][1:] {
			if err := w.Write(row); err != nil {
				t.Fatal(err)
			}
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
	}
	if err := sink.Close(); err != nil {
		t.Fatal(err)
	}
	src, err := container.OpenSource(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { src.Close() })
	return src
}

// TestImportTwiceChangesNothing checks idempotent upsert: the second import
// records nothing and the export is unchanged.
func TestImportTwiceChangesNothing(t *testing.T) {
	db := sqldbtest.Open(t)
	rep := sqldbtest.MustImport(t, db, richBundle())
	if n := addedTotal(rep); n == 0 {
		t.Fatal("first import added nothing")
	}
	before := records(t, exportTo(t, db, sqldb.Recorded{}, filepath.Join(t.TempDir(), "a")))
	rep = sqldbtest.MustImport(t, db, richBundle())
	if n := addedTotal(rep); n != 0 {
		t.Fatalf("second import added %d records", n)
	}
	for _, f := range rep.Files {
		if f.Superseded != 0 {
			t.Fatalf("second import superseded %d %s", f.Superseded, f.Name)
		}
	}
	diff(t, records(t, exportTo(t, db, sqldb.Recorded{}, filepath.Join(t.TempDir(), "b"))), before)
	var sets int
	if err := db.QueryRow(`SELECT COUNT(*) FROM changesets`).Scan(&sets); err != nil || sets != 1 {
		t.Fatalf("change sets = %d (%v), want 1", sets, err)
	}
}

func addedTotal(r *bundle.Report) (n int) {
	for _, f := range r.Files {
		n += f.Added
	}
	return n
}

// TestUpsertAndRecordedAt changes records in a second import and checks that
// the state as recorded before it is still what the first import said.
func TestUpsertAndRecordedAt(t *testing.T) {
	ctx := context.Background()
	db := sqldbtest.Open(t)
	sqldbtest.MustImport(t, db, richBundle())
	first := time.Now()
	firstExport := records(t, exportTo(t, db, sqldb.Recorded{}, filepath.Join(t.TempDir(), "a")))
	firstReport := unitCounts(t, db, sqldb.Recorded{}, "2019-06-30")
	time.Sleep(2 * time.Millisecond)

	b := bundle.Tables{}
	// A correction: X2 never was "Bảo Sơn" but "Bảo Sơn Đông", and it ended a year earlier.
	b.Add("units", map[string]string{"id": "X2", "name": "Xã Bảo Sơn Đông", "kind": "commune", "parent_id": "H218",
		"subtype": "xa", "admin_code": "07002", "valid_from": "2008-01-01", "valid_to": "2019-01-01"})
	b.Add("people", map[string]string{"id": "P3", "full_name": "Lê Văn Cường", "gender": "male", "birth_date": "1975-02-03"})
	b.Add("headcount", map[string]string{"unit_id": "UB1", "date": "2019-01-01", "actual": "17", "quota": "20"})
	b.Add("restructure", map[string]string{"event_id": "E0", "date": "2019-01-01", "kind": "merge", "from_unit_id": "X2", "to_unit_id": "X1"})
	rep := sqldbtest.MustImport(t, db, b)
	want := map[string][2]int{"units": {1, 1}, "people": {1, 1}, "headcount": {1, 1}, "restructure": {1, 0}}
	for _, f := range rep.Files {
		if w := want[f.Name]; f.Added != w[0] || f.Superseded != w[1] {
			t.Errorf("%s: added %d superseded %d, want %v", f.Name, f.Added, f.Superseded, w)
		}
	}
	// The E1 row naming X2 disagrees now (X2 ends 2019-01-01, E1 is 2020-01-01)? It was checked only
	// for the rows imported; held rows stay as they are: the registry keeps what was said.
	now := unitCounts(t, db, sqldb.Recorded{}, "2019-06-30")
	if now["commune"] != firstReport["commune"]-1 {
		t.Errorf("communes on 2019-06-30 now %d, before %d: want one less", now["commune"], firstReport["commune"])
	}
	then := unitCounts(t, db, sqldb.RecordedAt(first), "2019-06-30")
	if then["commune"] != firstReport["commune"] {
		t.Errorf("as recorded before the correction: %d communes, want %d", then["commune"], firstReport["commune"])
	}
	diff(t, records(t, exportTo(t, db, sqldb.RecordedAt(first), filepath.Join(t.TempDir(), "b"))), firstExport)

	vs, err := db.Reader(sqldb.Recorded{}).UnitVersions(ctx, "X2")
	if err != nil || len(vs) != 1 || vs[0].Name != "Xã Bảo Sơn Đông" {
		t.Fatalf("X2 now: %+v %v", vs, err)
	}
	hist, err := db.History(ctx, "units", map[string]string{"id": "X2"})
	if err != nil || len(hist) != 2 || hist[0].Values["rec_to"] == "" || hist[1].Values["rec_to"] != "" {
		t.Fatalf("history of X2: %+v %v", hist, err)
	}
}

func unitCounts(t *testing.T, db *sqldb.DB, rec sqldb.Recorded, d string) map[string]int {
	ctx := context.Background()
	t.Helper()
	m, err := db.Reader(rec).CountUnitsByKind(ctx, tochuc.MustDate(d), nil)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestUnitVersionsReplaced checks that a bundle naming a unit gives all of its versions.
func TestUnitVersionsReplaced(t *testing.T) {
	ctx := context.Background()
	db := sqldbtest.Open(t)
	sqldbtest.MustImport(t, db, richBundle())
	b := bundle.Tables{}
	b.Add("units", map[string]string{"id": "HU218", "name": "Đảng bộ huyện Lục Nam", "kind": "party_upper",
		"parent_id": "DB24", "locality_id": "H218", "valid_from": "2008-01-01"})
	rep := sqldbtest.MustImport(t, db, b)
	if rep.Files[0].Added != 1 || rep.Files[0].Superseded != 2 {
		t.Fatalf("units: %+v", rep.Files[0])
	}
	vs, err := db.Reader(sqldb.Recorded{}).UnitVersions(ctx, "HU218")
	if err != nil || len(vs) != 1 || vs[0].To != 0 {
		t.Fatalf("versions: %+v %v", vs, err)
	}
}

// TestScope counts units reached through parent_id and locality_id.
func TestScope(t *testing.T) {
	ctx := context.Background()
	db := sqldbtest.Open(t)
	sqldbtest.MustImport(t, db, richBundle())
	m, err := db.Reader(sqldb.Recorded{}).CountUnitsByKind(ctx, tochuc.MustDate("2018-12-31"), []string{"H218"})
	if err != nil {
		t.Fatal(err)
	}
	// H218 itself, X1, X2 (parent), HU218 (locality), DX1 (parent HU218 and locality X1), UB1, DN1, CB1, PB1.
	want := map[string]int{"district": 1, "commune": 2, "party_upper": 1, "party_grassroots_committee": 1,
		"people_committee": 1, "enterprise": 1, "party_cell": 1, "internal_division": 1}
	for k, n := range want {
		if m[k] != n {
			t.Errorf("%s: %d, want %d", k, m[k], n)
		}
	}
	if m["province"] != 0 || m["party_provincial"] != 0 {
		t.Errorf("units above the scope counted: %v", m)
	}
}
