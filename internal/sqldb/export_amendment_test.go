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

// TestExportWritesDefaultsOnlyWhenHeld: an evaluation's period and status
// are exported only when some record holds a value other than the default
// (a bundle of before amendment 1 goes out as it came in), and then round
// trip; discipline and terms go out only once they hold records, and come
// back.
func TestExportWritesDefaultsOnlyWhenHeld(t *testing.T) {
	ctx := context.Background()
	b := bundle.Tables{}
	b.Add("units", map[string]string{"id": "c1", "name": "Chi bộ Một", "kind": "party_cell", "valid_from": "2000-01-01"})
	b.Add("people", map[string]string{"id": "p1", "full_name": "Nguyễn Văn An"})
	b.Add("evaluations", map[string]string{"year": "2024", "subject_type": "person", "subject_id": "p1", "category": "party_member", "rating": "good"})
	export := func(db *sqldb.DB) map[string]string {
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
		out := map[string]string{}
		for _, f := range []string{"evaluations", "discipline", "terms"} {
			data, err := os.ReadFile(filepath.Join(dir, f+".csv"))
			if os.IsNotExist(err) {
				continue
			}
			if err != nil {
				t.Fatal(err)
			}
			out[f] = string(data)
		}
		return out
	}
	db := sqldbtest.Open(t)
	sqldbtest.MustImport(t, db, b)
	first := export(db)
	for _, f := range []string{"discipline", "terms"} {
		if data, ok := first[f]; ok {
			t.Errorf("an amendment's file without records is exported:\n%s", data)
		}
	}
	if got := first["evaluations"]; got != "year,subject_type,subject_id,category,rating,rated_by_id,decided_on\n2024,person,p1,party_member,good,,\n" {
		t.Errorf("an evaluation of before amendment 1 exported as:\n%s", got)
	}
	b2 := bundle.Tables{}
	b2.Add("evaluations", map[string]string{"year": "2025", "period": "q1", "subject_type": "person", "subject_id": "p1", "category": "party_member", "rating": "good", "score": "75", "status": "appraised"})
	b2.Add("discipline", map[string]string{"subject_type": "person", "subject_id": "p1", "form": "warning", "date": "2025-03-01", "authority_id": "c1", "reason": "vi phạm"})
	b2.Add("terms", map[string]string{"term": "2025-2030", "level": "grassroots", "starts_on": "2025-06-01", "ends_on": "2030-06-01"})
	sqldbtest.MustImport(t, db, b2)
	got := export(db)
	for file, want := range map[string]string{
		"evaluations": "2025,person,p1,party_member,good,,,q1,75,appraised\n",
		"discipline":  "person,p1,warning,2025-03-01,c1,,vi phạm\n",
		"terms":       "2025-2030,grassroots,2025-06-01,2030-06-01,\n",
	} {
		if !strings.Contains(got[file], want) {
			t.Errorf("%s.csv:\n%s\nwant a row %q", file, got[file], want)
		}
	}
	if !strings.Contains(got["evaluations"], "2024,person,p1,party_member,good,,,year,,decided\n") {
		t.Errorf("the defaults of an old row, once the columns are written:\n%s", got["evaluations"])
	}
}
