package sqldb_test

import (
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/bundle/container"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/sqldb/sqldbtest"
)

// TestExportPartyCaseRoundTrip: party cards, badges, temporary attendance,
// discipline and dues imported then exported come back unchanged (the
// columns held, row for row), on the engine under test.
func TestExportPartyCaseRoundTrip(t *testing.T) {
	b := bundle.Tables{}
	b.Add("units", map[string]string{"id": "c1", "name": "Chi bộ Một", "kind": "party_cell", "valid_from": "1960-01-01"})
	b.Add("units", map[string]string{"id": "c2", "name": "Chi bộ Hai", "kind": "party_cell", "valid_from": "1960-01-01"})
	b.Add("people", map[string]string{"id": "p1", "full_name": "Nguyễn Văn An"})
	b.Add("people", map[string]string{"id": "p2", "full_name": "Trần Thị Bình"})
	b.Add("party", map[string]string{"person_id": "p1", "event": "admitted", "date": "1970-03-01", "unit_id": "c1"})
	b.Add("party", map[string]string{"person_id": "p1", "event": "recognized", "date": "1971-03-01"})
	b.Add("party", map[string]string{"person_id": "p2", "event": "admitted", "date": "2000-05-10", "unit_id": "c1"})
	b.Add("party", map[string]string{"person_id": "p2", "event": "recognized", "date": "2001-05-10"})
	want := bundle.Tables{}
	add := func(file string, row map[string]string) { b.Add(file, row); want.Add(file, row) }
	add("party_cards", map[string]string{"person_id": "p1", "number": "24000001", "issued_on": "1972-01-01", "revoked_on": "2001-01-01"})
	add("party_cards", map[string]string{"person_id": "p1", "number": "24000777", "issued_on": "2001-01-01"})
	add("party_cards", map[string]string{"person_id": "p2", "number": "24000002", "issued_on": "2002-02-03"})
	add("awards", map[string]string{"person_id": "p1", "kind": "badge_30", "date": "2000-09-02"})
	add("awards", map[string]string{"person_id": "p1", "kind": "badge_50", "date": "2020-05-19"})
	add("party_temporary", map[string]string{"person_id": "p2", "unit_id": "c2", "valid_from": "2024-01-15", "valid_to": "2024-06-30"})
	add("party_temporary", map[string]string{"person_id": "p2", "unit_id": "c2", "valid_from": "2025-03-01"})
	add("discipline", map[string]string{"subject_type": "person", "subject_id": "p2", "form": "reprimand", "date": "2023-04-01", "authority_id": "c1", "reason": "vi phạm"})
	add("party_dues", map[string]string{"person_id": "p2", "month": "2026-01", "amount": "30000", "paid_on": "2026-01-20", "unit_id": "c1"})
	add("party_dues", map[string]string{"person_id": "p2", "month": "2026-02", "amount": "0", "paid_on": "2026-02-20"})
	db := sqldbtest.Open(t)
	sqldbtest.MustImport(t, db, b)
	expectExported(t, db, want)
}

// expectExported exports db's registry and compares each file of want with
// the file exported (the cells held, row for row, in any order).
func expectExported(t *testing.T, db *sqldb.DB, want bundle.Tables) {
	t.Helper()
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "out")
	sink, err := container.CreateSink(dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := bundle.Export(ctx, db.Reader(sqldb.Recorded{}), sink); err != nil {
		t.Fatal(err)
	}
	if err := sink.Close(); err != nil {
		t.Fatal(err)
	}
	for _, file := range want.Names() {
		f, err := os.Open(filepath.Join(dir, file+".csv"))
		if err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(f).ReadAll()
		f.Close()
		if err != nil || len(rows) == 0 {
			t.Fatalf("%s.csv: %v", file, err)
		}
		head := rows[0]
		var got []string
		for _, r := range rows[1:] {
			var cells []string
			for i, c := range r {
				if c != "" {
					cells = append(cells, head[i]+"="+c)
				}
			}
			slices.Sort(cells)
			got = append(got, strings.Join(cells, ","))
		}
		var exp []string
		wh := want[file][0]
		for _, r := range want[file][1:] {
			var cells []string
			for i, c := range r {
				if c != "" {
					cells = append(cells, wh[i]+"="+c)
				}
			}
			slices.Sort(cells)
			exp = append(exp, strings.Join(cells, ","))
		}
		slices.Sort(got)
		slices.Sort(exp)
		if !slices.Equal(got, exp) {
			t.Errorf("%s.csv came back as\n%s\nwant\n%s", file, strings.Join(got, "\n"), strings.Join(exp, "\n"))
		}
	}
}
