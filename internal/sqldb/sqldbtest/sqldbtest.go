// Package sqldbtest opens fresh, migrated test databases on the engine the
// environment selects, so that the same storage tests run on both engines.
package sqldbtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tochuc/tochuc/internal/sqldb"
)

// Open opens a fresh, migrated database: SQLite in a temporary file, or a new
// schema of the PostgreSQL database named by TOCHUC_TEST_POSTGRES (dropped at the end).
func Open(t testing.TB) *sqldb.DB {
	t.Helper()
	ctx := context.Background()
	dsn := filepath.Join(t.TempDir(), "test.db")
	if pg := os.Getenv("TOCHUC_TEST_POSTGRES"); pg != "" {
		b := make([]byte, 6)
		rand.Read(b)
		schema := "t_" + hex.EncodeToString(b)
		admin, err := sqldb.Open(ctx, pg)
		if err != nil {
			t.Fatalf("postgres: %v", err)
		}
		if _, err := admin.ExecContext(ctx, "CREATE SCHEMA "+schema); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() {
			admin.ExecContext(context.Background(), "DROP SCHEMA "+schema+" CASCADE")
			admin.Close()
		})
		sep := "?"
		if strings.Contains(pg, "?") {
			sep = "&"
		}
		dsn = pg + sep + "search_path=" + schema
	}
	db, err := sqldb.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if _, err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	return db
}
