package sqldb_test

import (
	"context"
	"fmt"
	"reflect"
	"testing"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/sqldb/sqldbtest"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// memberPeriodRows returns member_periods as sorted lines.
func memberPeriodRows(t *testing.T, db *sqldb.DB) []string {
	t.Helper()
	rows, err := db.Query(`SELECT person_id, COALESCE(unit_id, ''), probationary, valid_from, valid_to FROM member_periods
		ORDER BY person_id, valid_from`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var p, u string
		var prob int
		var from, to tochuc.Date
		if err := rows.Scan(&p, &u, &prob, &from, &to); err != nil {
			t.Fatal(err)
		}
		out = append(out, fmt.Sprintf("%s %s %d %s %s", p, u, prob, from, to))
	}
	return out
}

// TestRefreshIncremental checks that refreshing member_periods after a
// change gives what deriving them all again gives.
func TestRefreshIncremental(t *testing.T) {
	ctx := context.Background()
	db := sqldbtest.Open(t)
	importRows(t, db, map[string][][]string{
		"units":  {{"id", "name", "kind", "valid_from"}, {"C1", "Chi bộ 1", "party_cell", "2000-01-01"}, {"C2", "Chi bộ 2", "party_cell", "2000-01-01"}},
		"people": {{"id", "full_name", "died_on"}, {"P1", "An", ""}, {"P2", "Bình", ""}, {"P3", "Cúc", ""}},
		"party": {{"person_id", "event", "date", "unit_id"}, {"P1", "admitted", "2010-01-01", "C1"},
			{"P2", "admitted", "2011-01-01", "C1"}, {"P2", "recognized", "2012-01-01", ""}, {"P3", "admitted", "2012-01-01", "C2"}},
	})
	if err := db.RefreshMemberPeriods(ctx); err != nil {
		t.Fatal(err)
	}
	first := memberPeriodRows(t, db)
	if len(first) != 4 {
		t.Fatalf("periods %v", first)
	}
	importRows(t, db, map[string][][]string{
		"people": {{"id", "full_name", "died_on"}, {"P1", "An", "2015-01-01"}},
		"party":  {{"person_id", "event", "date", "unit_id"}, {"P2", "transferred", "2014-01-01", "C2"}},
	})
	if err := db.RefreshMemberPeriods(ctx); err != nil {
		t.Fatal(err)
	}
	incremental := memberPeriodRows(t, db)
	if _, err := db.Exec(`DELETE FROM member_periods_state`); err != nil {
		t.Fatal(err)
	}
	if err := db.RefreshMemberPeriods(ctx); err != nil {
		t.Fatal(err)
	}
	if full := memberPeriodRows(t, db); !reflect.DeepEqual(incremental, full) || reflect.DeepEqual(full, first) {
		t.Errorf("incremental %v\nfull %v", incremental, full)
	}
}

// importRows imports files given as rows, the header first.
func importRows(t *testing.T, db *sqldb.DB, files map[string][][]string) {
	t.Helper()
	rep, err := db.ImportBundle(context.Background(), bundle.Tables(files), "tester", "test", bundle.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !rep.OK() {
		t.Fatalf("import refused: %v", rep.Issues)
	}
}
