package sqldb_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/bundle/container"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/sqldb/sqldbtest"
)

// TestExportsSameOnBothEngines imports the same bundle into SQLite and
// PostgreSQL and checks that both export the same bytes: rows ordered by a
// unique key, text by its bytes, empty values first. It needs both engines:
// it runs when TOCHUC_TEST_POSTGRES names a database (the PostgreSQL pass of CI).
func TestExportsSameOnBothEngines(t *testing.T) {
	ctx := context.Background()
	pg := os.Getenv("TOCHUC_TEST_POSTGRES")
	if pg == "" {
		t.Skip("needs TOCHUC_TEST_POSTGRES: runs in the PostgreSQL pass")
	}
	b := richBundle()
	// Ids whose order differs between byte order and a language's collation,
	// and restructuring links with an empty side.
	for _, id := range []string{"b/1", "B-1", "Đ1", "b1"} {
		b.Add("units", map[string]string{"id": id, "name": "Đơn vị " + id, "kind": "other", "valid_from": "2010-01-01"})
	}
	b.Add("units", map[string]string{"id": "a", "name": "Đơn vị a", "kind": "other", "valid_from": "2010-01-01", "valid_to": "2020-01-01"})
	b.Add("units", map[string]string{"id": "NEW", "name": "Đơn vị mới", "kind": "other", "valid_from": "2020-01-01"})
	// One event with an empty side on each of its rows: NULLs sort first on one engine, last on the other.
	b.Add("restructure", map[string]string{"event_id": "E0", "date": "2020-01-01", "kind": "establish", "to_unit_id": "NEW"})
	b.Add("restructure", map[string]string{"event_id": "E0", "date": "2020-01-01", "kind": "dissolve", "from_unit_id": "a"})
	var exports [2]map[string][]byte
	for i, env := range []string{"", pg} { // SQLite, then PostgreSQL
		t.Setenv("TOCHUC_TEST_POSTGRES", env)
		db := sqldbtest.Open(t)
		sqldbtest.MustImport(t, db, b)
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
		exports[i] = map[string][]byte{}
		for _, f := range bundle.Files {
			data, err := os.ReadFile(filepath.Join(dir, f.Name+".csv"))
			if err != nil && !os.IsNotExist(err) { // a file holding no record is not written
				t.Fatal(err)
			}
			exports[i][f.Name] = data
		}
	}
	for _, f := range bundle.Files {
		if !bytes.Equal(exports[0][f.Name], exports[1][f.Name]) {
			t.Errorf("%s.csv differs between SQLite and PostgreSQL:\n--- sqlite\n%s\n--- postgres\n%s", f.Name, exports[0][f.Name], exports[1][f.Name])
		}
	}
}
