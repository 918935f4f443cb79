package sqldb_test

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/sqldb/sqldbtest"
)

// breakage is one way to break the rich bundle, and the error it must give.
type breakage struct {
	name   string
	mutate func(b bundle.Tables)
	file   string
	line   int
	column string
	words  string // a part of the Vietnamese message
}

// set changes one cell, found by file, line (header = 1) and column.
func set(b bundle.Tables, file string, line int, col, v string) {
	i := slices.Index(b[file][0], col)
	if i < 0 {
		b[file][0] = append(b[file][0], col)
		for r := range b[file] {
			if r > 0 {
				b[file][r] = append(b[file][r], "")
			}
		}
		i = len(b[file][0]) - 1
	}
	b[file][line-1][i] = v
}

var breakages = []breakage{
	{"unknown file", func(b bundle.Tables) { b["chuc_vu"] = [][]string{{"a"}, {"1"}} }, "chuc_vu.csv", 0, "", "tệp không có"},
	{"unknown column", func(b bundle.Tables) { b["people"][0][4] = "dan_toc" }, "people.csv", 1, "dan_toc", "cột không có"},
	{"missing required column", func(b bundle.Tables) { b["documents"][0][5] = "x_title" }, "documents.csv", 1, "title", "thiếu cột bắt buộc"},
	{"unknown kind", func(b bundle.Tables) { set(b, "units", 3, "kind", "huyen") }, "units.csv", 3, "kind", "không hợp lệ"},
	{"unknown role", func(b bundle.Tables) { set(b, "assignments", 2, "role", "boss") }, "assignments.csv", 2, "role", "không hợp lệ"},
	{"unknown level", func(b bundle.Tables) { set(b, "qualifications", 2, "level", "phd") }, "qualifications.csv", 2, "level", "trình độ 'phd'"},
	{"missing value", func(b bundle.Tables) { set(b, "people", 3, "full_name", "") }, "people.csv", 3, "full_name", "thiếu giá trị"},
	{"malformed date", func(b bundle.Tables) { set(b, "party", 9, "date", "2016-13-01") }, "party.csv", 9, "date", "ngày không hợp lệ"},
	{"period ends before it starts", func(b bundle.Tables) { set(b, "assignments", 4, "valid_to", "2019-01-01") }, "assignments.csv", 4, "valid_to", "không sau ngày bắt đầu"},
	{"overlapping versions", func(b bundle.Tables) { set(b, "units", 9, "valid_from", "2018-01-01") }, "units.csv", 9, "valid_from", "chồng lấn"},
	{"reference nowhere", func(b bundle.Tables) { set(b, "assignments", 5, "unit_id", "NOPE") }, "assignments.csv", 5, "unit_id", "'NOPE' không tồn tại"},
	{"self reference nowhere", func(b bundle.Tables) { set(b, "units", 3, "parent_id", "T99") }, "units.csv", 3, "parent_id", "'T99' không tồn tại"},
	{"assignment in a unit that does not exist then", func(b bundle.Tables) {
		set(b, "assignments", 3, "valid_from", "2020-02-01")
		set(b, "assignments", 3, "valid_to", "")
	}, "assignments.csv", 3, "unit_id", "không tồn tại vào ngày 01/02/2020"},
	{"membership in a unit that does not exist then", func(b bundle.Tables) { set(b, "party", 2, "unit_id", "DX3") }, "party.csv", 2, "unit_id", "không tồn tại vào ngày 01/01/2010"},
	{"membership in a unit that is no party organization", func(b bundle.Tables) { set(b, "party", 8, "unit_id", "X1") }, "party.csv", 8, "unit_id", "không phải là tổ chức đảng"},
	{"recognized before admitted", func(b bundle.Tables) { set(b, "party", 3, "date", "2009-01-01") }, "party.csv", 3, "event", "công nhận chính thức khi chưa được kết nạp"},
	{"second admission while a member", func(b bundle.Tables) { set(b, "party", 4, "event", "admitted") }, "party.csv", 4, "event", "kết nạp lần nữa"},
	{"restructure disagrees with periods", func(b bundle.Tables) {
		set(b, "restructure", 3, "date", "2019-01-01")
		set(b, "restructure", 2, "date", "2019-01-01")
	}, "restructure.csv", 2, "from_unit_id", "phải kết thúc vào ngày 01/01/2019"},
	{"duplicate id", func(b bundle.Tables) { b["people"] = append(b["people"], slices.Clone(b["people"][1])) }, "people.csv", 5, "id", "khóa bị trùng với dòng 2"},
	{"duplicate key", func(b bundle.Tables) { b["headcount"] = append(b["headcount"], slices.Clone(b["headcount"][2])) }, "headcount.csv", 4, "unit_id", "khóa bị trùng với dòng 3"},
	{"not a number", func(b bundle.Tables) { set(b, "headcount", 2, "actual", "hai mươi") }, "headcount.csv", 2, "actual", "không phải số nguyên"},
}

func hasIssue(rep *bundle.Report, br breakage) bool {
	for _, i := range rep.Issues {
		if !i.Warning && strings.HasSuffix(i.File, br.file) && i.Line == br.line && i.Column == br.column &&
			strings.Contains(i.Vi, br.words) && i.En != "" {
			return true
		}
	}
	return false
}

// TestBrokenBundles imports each broken copy over a database holding the
// valid bundle: each must be refused with its error, the database unchanged.
func TestBrokenBundles(t *testing.T) {
	db := sqldbtest.Open(t)
	sqldbtest.MustImport(t, db, richBundle())
	before := records(t, exportTo(t, db, sqldb.Recorded{}, filepath.Join(t.TempDir(), "before")))
	for _, br := range breakages {
		t.Run(br.name, func(t *testing.T) {
			b := richBundle()
			// Change something valid too, so an import that kept anything would show.
			set(b, "people", 4, "full_name", "Lê Văn Cường (đổi)")
			br.mutate(b)
			rep, err := db.ImportBundle(context.Background(), b, "tester", "broken", bundle.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if rep.OK() || !hasIssue(rep, br) {
				for _, i := range rep.Issues {
					t.Log(i)
				}
				t.Fatalf("want error at %s row %d column %q containing %q", br.file, br.line, br.column, br.words)
			}
		})
	}
	diff(t, records(t, exportTo(t, db, sqldb.Recorded{}, filepath.Join(t.TempDir(), "after"))), before)
}

// TestAllErrorsListed breaks the bundle in every way at once: every error must be listed.
func TestAllErrorsListed(t *testing.T) {
	db := sqldbtest.Open(t)
	b := richBundle()
	var want []breakage
	for _, br := range breakages {
		switch br.name {
		case "unknown column", "missing required column", "overlapping versions", "restructure disagrees with periods",
			"membership in a unit that does not exist then", "second admission while a member":
			continue // these hide or change other rows' checks; each is tested alone
		}
		br.mutate(b)
		want = append(want, br)
	}
	rep, err := db.ImportBundle(context.Background(), b, "tester", "broken", bundle.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, br := range want {
		if !hasIssue(rep, br) {
			t.Errorf("%s: not listed", br.name)
		}
	}
	var n int
	if err := db.QueryRow(`SELECT COUNT(*) FROM units`).Scan(&n); err != nil || n != 0 {
		t.Fatalf("units stored after a refused import: %d %v", n, err)
	}
}

// TestDeathWarnings checks that records left open after a death are warnings, not errors.
func TestDeathWarnings(t *testing.T) {
	db := sqldbtest.Open(t)
	b := richBundle()
	set(b, "assignments", 5, "valid_to", "") // P2 died 2021-03-04, post left open
	b["party"] = slices.DeleteFunc(b["party"], func(r []string) bool { return r[1] == "died" })
	rep := sqldbtest.MustImport(t, db, b)
	if rep.Warnings != 2 {
		for _, i := range rep.Issues {
			t.Log(i)
		}
		t.Fatalf("warnings = %d, want 2 (open post, open membership)", rep.Warnings)
	}
}
