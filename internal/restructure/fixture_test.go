package restructure_test

import (
	"context"
	"strings"
	"testing"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/restructure"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/sqldb/sqldbtest"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// D is the effective date of the operations under test.
var (
	D      = tochuc.MustDate("2025-07-01")
	before = D.AddDays(-1)
)

// fixture is a district with three communes, their party committees, a
// party cell, a village and a People's Committee, members and posts.
func fixture() bundle.Tables {
	return bundle.Tables{
		"units": {
			{"id", "name", "kind", "parent_id", "locality_id", "host_id", "valid_from", "valid_to"},
			{"T", "Tỉnh Bắc Giang", "province", "", "", "", "2008-01-01", ""},
			{"H", "Huyện Lục Nam", "district", "T", "", "", "2008-01-01", ""},
			{"XA", "Xã An", "commune", "H", "", "", "2008-01-01", ""},
			{"XB", "Xã Bình", "commune", "H", "", "", "2008-01-01", ""},
			{"XC", "Xã Cường", "commune", "H", "", "", "2008-01-01", ""},
			{"VA", "Thôn An 1", "village", "XA", "", "", "2008-01-01", ""},
			{"DBT", "Đảng bộ tỉnh Bắc Giang", "party_provincial", "", "T", "", "2008-01-01", ""},
			{"HU", "Đảng bộ huyện Lục Nam", "party_upper", "DBT", "H", "", "2008-01-01", ""},
			{"DXA", "Đảng bộ xã An (cũ)", "party_grassroots_committee", "HU", "XA", "", "2008-01-01", "2015-01-01"},
			{"DXA", "Đảng bộ xã An", "party_grassroots_committee", "HU", "XA", "", "2015-01-01", ""},
			{"DXB", "Đảng bộ xã Bình", "party_grassroots_committee", "HU", "XB", "", "2008-01-01", ""},
			{"DXC", "Đảng bộ xã Cường", "party_grassroots_committee", "HU", "XC", "", "2008-01-01", ""},
			{"CBA", "Chi bộ thôn An 1", "party_cell", "DXA", "VA", "", "2008-01-01", ""},
			{"UBA", "UBND xã An", "people_committee", "", "XA", "", "2008-01-01", ""},
			{"UBB", "UBND xã Bình", "people_committee", "", "XB", "", "2008-01-01", ""},
		},
		"people": {
			{"id", "full_name"},
			{"P1", "Nguyễn Văn An"}, {"P2", "Trần Thị Bình"}, {"P3", "Lê Văn Cường"},
			{"P4", "Phạm Thị Dung"}, {"P5", "Hoàng Văn Em"}, {"P6", "Vũ Thị Phương"},
		},
		"documents": {
			{"id", "number", "kind", "issued_on", "title"},
			{"QD1", "01-QĐ/TU", "decision", "2025-06-20", "Quyết định sắp xếp tổ chức cơ sở đảng"},
		},
		"party": {
			{"person_id", "event", "date", "unit_id"},
			{"P1", "admitted", "2010-01-01", "DXA"}, {"P1", "recognized", "2011-01-01", ""},
			{"P2", "admitted", "2015-01-01", "DXB"}, {"P2", "recognized", "2016-01-01", ""},
			{"P3", "admitted", "2012-01-01", "CBA"},
			{"P4", "admitted", "2018-01-01", "DXC"},
			{"P5", "admitted", "2024-01-01", "DXB"},
		},
		"assignments": {
			{"person_id", "unit_id", "role", "valid_from", "valid_to", "how"},
			{"P1", "DXA", "secretary", "2020-10-01", "", "elected"},
			{"P2", "DXB", "secretary", "2020-10-01", "2025-10-01", "elected"},
			{"P6", "UBA", "chair", "2021-06-01", "", "elected"},
		},
	}
}

// setup opens a fresh database holding the fixture.
func setup(t *testing.T) (*sqldb.DB, *sqldb.Reader) {
	t.Helper()
	db := sqldbtest.Open(t)
	sqldbtest.MustImport(t, db, fixture())
	return db, db.Reader(sqldb.Recorded{})
}

// apply plans an operation and imports the plan, which must be accepted.
func apply(t *testing.T, db *sqldb.DB, r *sqldb.Reader, op restructure.Operation) []string {
	ctx := context.Background()
	t.Helper()
	tables, changes, err := restructure.Plan(ctx, r, op)
	if err != nil {
		t.Fatalf("plan: %v", err)
	}
	for _, c := range changes {
		t.Log(c)
	}
	sqldbtest.MustImport(t, db, tables)
	return changes
}

// refused plans an operation that must fail with a message containing want.
func refused(t *testing.T, r *sqldb.Reader, op restructure.Operation, want string) {
	ctx := context.Background()
	t.Helper()
	_, _, err := restructure.Plan(ctx, r, op)
	if err == nil {
		t.Fatalf("plan of %+v accepted, want error containing %q", op, want)
	}
	if !strings.Contains(err.Error(), want) || tochuc.ErrorCode(err) != tochuc.EInvalid {
		t.Fatalf("error %q (code %s), want it to contain %q", err, tochuc.ErrorCode(err), want)
	}
}

func members(t *testing.T, r *sqldb.Reader, d tochuc.Date, unit string) string {
	ctx := context.Background()
	t.Helper()
	ids, err := r.MemberIDsAsOf(ctx, d, unit)
	if err != nil {
		t.Fatal(err)
	}
	return strings.Join(ids, ",")
}

// posts lists the posts of a unit on d as "person:role:from-to".
func posts(t *testing.T, r *sqldb.Reader, d tochuc.Date, unit string) string {
	ctx := context.Background()
	t.Helper()
	as, err := r.AssignmentsAsOf(ctx, d, unit)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, a := range as {
		out = append(out, a.PersonID+":"+a.Role+":"+a.From.String()+"-"+a.To.String()+":"+a.How+":"+a.DocumentID)
	}
	return strings.Join(out, " ")
}

func unitAt(t *testing.T, r *sqldb.Reader, id string, d tochuc.Date) tochuc.Unit {
	ctx := context.Background()
	t.Helper()
	u, err := r.Unit(ctx, id, d)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

func check(t *testing.T, what, got, want string) {
	t.Helper()
	if got != want {
		t.Errorf("%s = %q, want %q", what, got, want)
	}
}
