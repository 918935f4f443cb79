package sqldb_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/bundle/container"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/sqldb/sqldbtest"
)

// TestCaseworkRecordsHeld: the casework records of amendment 1 are stored
// and exported; the checks that read the registry see its members (an
// introducer, a badge's party age), a card number held for another person
// is warned of and a badge held on another date refused.
func TestCaseworkRecordsHeld(t *testing.T) {
	ctx := context.Background()
	db := sqldbtest.Open(t)
	b := bundle.Tables{}
	b.Add("units", map[string]string{"id": "c1", "name": "Chi bộ Một", "kind": "party_cell", "valid_from": "1970-01-01"})
	b.Add("people", map[string]string{"id": "p1", "full_name": "Nguyễn Văn An"})
	b.Add("people", map[string]string{"id": "p2", "full_name": "Trần Thị Bình"})
	b.Add("people", map[string]string{"id": "p3", "full_name": "Lê Văn Cường"})
	b.Add("party", map[string]string{"person_id": "p1", "event": "admitted", "date": "1990-05-19", "unit_id": "c1"})
	b.Add("party", map[string]string{"person_id": "p1", "event": "recognized", "date": "1991-05-19"})
	b.Add("party_cards", map[string]string{"person_id": "p1", "number": "01.000123", "issued_on": "1992-01-01"})
	b.Add("awards", map[string]string{"person_id": "p1", "kind": "badge_30", "date": "2020-09-02"})
	sqldbtest.MustImport(t, db, b)

	// A second bundle: an admission introduced by the held member, a badge
	// read against held events.
	b2 := bundle.Tables{}
	b2.Add("party", map[string]string{"person_id": "p3", "event": "admitted", "date": "2026-03-02", "unit_id": "c1",
		"ceremony_on": "2026-03-20", "introducer_ids": "p1"})
	b2.Add("awards", map[string]string{"person_id": "p1", "kind": "badge_35x", "date": "2026-01-01"})
	rep, err := db.ImportBundle(ctx, b2, "tester", "test", bundle.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.OK() || len(rep.Issues) != 1 || rep.Issues[0].Column != "kind" {
		t.Fatalf("want one error on the award's kind only, got %v", rep.Issues)
	}
	b2 = bundle.Tables{}
	b2.Add("party", map[string]string{"person_id": "p3", "event": "admitted", "date": "2026-03-02", "unit_id": "c1",
		"ceremony_on": "2026-03-20", "introducer_ids": "p1"})
	b2.Add("party_dues", map[string]string{"person_id": "p1", "month": "2026-02", "amount": "0", "paid_on": "2026-02-10", "unit_id": "c1"})
	sqldbtest.MustImport(t, db, b2)

	for _, tc := range []struct {
		name, file string
		row        map[string]string
		col, vi    string
		warning    bool
	}{
		{"an introducer held probationary", "party", map[string]string{"person_id": "p2", "event": "admitted", "date": "2026-06-01",
			"unit_id": "c1", "introducer_ids": "p3"}, "introducer_ids", "'p3' không phải là đảng viên chính thức", false},
		{"a badge before party age, read from held events", "awards", map[string]string{"person_id": "p1", "kind": "badge_40", "date": "2030-05-18"},
			"date", "chưa đủ 40 năm tuổi Đảng", false},
		{"a badge held on another date", "awards", map[string]string{"person_id": "p1", "kind": "badge_30", "date": "2020-11-07"},
			"kind", "đã có huy hiệu 30 năm tuổi Đảng trao ngày 02/09/2020", false},
		{"a card number held for another person", "party_cards", map[string]string{"person_id": "p2", "number": "01.000123", "issued_on": "2026-01-01"},
			"number", "đang ghi cho 'p1'", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			bb := bundle.Tables{}
			bb.Add(tc.file, tc.row)
			rep, err := db.ImportBundle(ctx, bb, "tester", "test", bundle.Options{})
			if err != nil {
				t.Fatal(err)
			}
			found := false
			for _, i := range rep.Issues {
				found = found || i.Column == tc.col && i.Warning == tc.warning && strings.Contains(i.Vi, tc.vi)
			}
			if !found {
				t.Errorf("want %q on %s, got %v", tc.vi, tc.col, rep.Issues)
			}
			if rep.OK() == !tc.warning {
				t.Errorf("OK = %v", rep.OK())
			}
		})
	}

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
	for file, want := range map[string]string{
		"party":       "p3,admitted,2026-03-02,c1,,,2026-03-20,p1\n",
		"party_cards": "person_id,number,issued_on,revoked_on\np2,01.000123,2026-01-01,\n",
		"awards":      "p1,badge_30,2020-09-02,\n",
		"party_dues":  "p1,2026-02,0,2026-02-10,c1\n",
	} {
		data, err := os.ReadFile(filepath.Join(dir, file+".csv"))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(data), want) {
			t.Errorf("%s.csv:\n%s\nwant %q", file, data, want)
		}
	}
}
