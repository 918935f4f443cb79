package app_test

import (
	"context"
	"strings"
	"testing"

	"github.com/tochuc/tochuc/internal/app"
	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/sqldb/sqldbtest"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// diffBase is a province with two districts, a commune and a person.
func diffBase(t *testing.T) *sqldb.DB {
	t.Helper()
	db := sqldbtest.Open(t)
	b := bundle.Tables{}
	b.Add("units", map[string]string{"id": "T1", "name": "Tỉnh Thử", "kind": "province", "valid_from": "2000-01-01"})
	b.Add("units", map[string]string{"id": "H1", "name": "Huyện Một", "kind": "district", "parent_id": "T1", "valid_from": "2000-01-01"})
	b.Add("units", map[string]string{"id": "H2", "name": "Huyện Hai", "kind": "district", "parent_id": "T1", "valid_from": "2000-01-01"})
	b.Add("units", map[string]string{"id": "X1", "name": "Xã Một", "kind": "commune", "parent_id": "H1", "valid_from": "2000-01-01"})
	b.Add("people", map[string]string{"id": "P1", "full_name": "Nguyễn Văn An", "sex": "M", "birth_date": "1980-05-01"})
	sqldbtest.MustImport(t, db, b)
	return db
}

func version(t *testing.T, db *sqldb.DB) int64 {
	t.Helper()
	v, err := db.Reader(app.Recorded{}).Version(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestDiffImport diffs a bundle that adds, changes, ends and retracts:
// every record is named with its kind and its fields before → after, and
// nothing is written.
func TestDiffImport(t *testing.T) {
	db := diffBase(t)
	a, ctx := app.New(db, nil), context.Background()
	b := bundle.Tables{}
	b.Add("units", map[string]string{"id": "X2", "name": "Xã Hai", "kind": "commune", "parent_id": "H1", "valid_from": "2010-01-01"})
	b.Add("units", map[string]string{"id": "H1", "name": "Huyện Một Mới", "kind": "district", "parent_id": "T1", "valid_from": "2000-01-01"})
	b.Add("units", map[string]string{"id": "X1", "name": "Xã Một", "kind": "commune", "parent_id": "H1", "valid_from": "2000-01-01", "valid_to": "2020-12-31"})
	b.Add("units", map[string]string{"id": "H2", "name": "Huyện Hai", "kind": "district", "parent_id": "T1", "valid_from": "2005-01-01"})
	b.Add("people", map[string]string{"id": "P1", "full_name": "Nguyễn Văn Ân", "sex": "M", "birth_date": "1980-05-01"})
	v := version(t, db)
	var lines []string
	rep, err := a.DiffImport(ctx, app.CLI("t"), b, "goi", bundle.Options{}, func(r bundle.DiffRecord) error {
		lines = append(lines, r.Line())
		return nil
	})
	if err != nil || !rep.OK() {
		t.Fatalf("diff: %v %+v", err, rep)
	}
	got := strings.Join(lines, "\n")
	for _, want := range []string{
		"Sửa: đơn vị (H1, 01/01/2000) — ",
		"Huyện Một → Huyện Một Mới",
		"Kết thúc: đơn vị (X1, 01/01/2000) — ",
		"(trống) → 31/12/2020",
		"Thêm: đơn vị (X2, 01/01/2010)",
		"Thêm: đơn vị (H2, 01/01/2005)",
		"Rút bỏ: đơn vị (H2, 01/01/2000)",
		"Sửa: nhân sự (P1) — ",
		"Nguyễn Văn An → Nguyễn Văn Ân",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in:\n%s", want, got)
		}
	}
	if len(lines) != 6 {
		t.Errorf("%d records, want 6:\n%s", len(lines), got)
	}
	if version(t, db) != v {
		t.Fatal("a diff wrote a change set")
	}
	u, err := db.Reader(app.Recorded{}).Unit(ctx, "H1", tochuc.MustDate("2021-01-01"))
	if err != nil || u.Name != "Huyện Một" {
		t.Fatalf("H1 after a diff: %v %+v", err, u)
	}
	capped, err := a.DiffImportCapped(ctx, app.CLI("t"), b, "goi", bundle.Options{}, 1)
	if err != nil || capped.Diff == nil || len(capped.Diff.Files) != 2 {
		t.Fatalf("capped: %v %+v", err, capped)
	}
	if f := capped.Diff.Files[0]; f.Name != "units" || f.Added != 2 || f.Changed != 1 || f.Ended != 1 || f.Retracted != 1 || len(f.Records) != 1 || f.More() != 4 {
		t.Fatalf("units counted: %+v", f)
	}
}

// TestDiffImportOutOfScope: a staff member of district H1 diffing a bundle
// with a row of district H2 is refused with the record named; one inside
// H1 is shown.
func TestDiffImportOutOfScope(t *testing.T) {
	db := diffBase(t)
	a, ctx := app.New(db, nil), context.Background()
	staff := app.Actor{User: tochuc.User{Login: "h1", Role: tochuc.RoleStaff, ScopeUnitID: "H1"}}
	out := bundle.Tables{}
	out.Add("units", map[string]string{"id": "X1", "name": "Xã Một Mới", "kind": "commune", "parent_id": "H1", "valid_from": "2000-01-01"})
	out.Add("units", map[string]string{"id": "X9", "name": "Xã Chín", "kind": "commune", "parent_id": "H2", "valid_from": "2000-01-01"})
	_, err := a.DiffImport(ctx, staff, out, "goi", bundle.Options{}, func(bundle.DiffRecord) error {
		t.Fatal("a refused diff listed a record")
		return nil
	})
	if tochuc.ErrorCode(err) != tochuc.EForbidden || !strings.Contains(err.Error(), "X9") {
		t.Fatalf("outside the scope: %v", err)
	}
	in := bundle.Tables{}
	in.Add("units", map[string]string{"id": "X1", "name": "Xã Một Mới", "kind": "commune", "parent_id": "H1", "valid_from": "2000-01-01"})
	rep, err := a.DiffImportCapped(ctx, staff, in, "goi", bundle.Options{}, 10)
	if err != nil || rep.Diff == nil || len(rep.Diff.Files) != 1 || rep.Diff.Files[0].Changed != 1 {
		t.Fatalf("inside the scope: %v %+v", err, rep)
	}
}
