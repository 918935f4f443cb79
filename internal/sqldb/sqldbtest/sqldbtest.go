// Package sqldbtest opens fresh, migrated test databases on the engine the
// environment selects, so that the same storage tests run on both engines.
package sqldbtest

import (
	"context"
	"testing"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/sqldb"
)

// Open opens a fresh, migrated database: SQLite in a temporary file, or a new
// schema of the PostgreSQL database named by TOCHUC_TEST_POSTGRES (dropped at the end).
func Open(t testing.TB) *sqldb.DB {
	t.Helper()
	ctx := context.Background()
	db, err := sqldb.Open(ctx, DSN(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if _, err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	return db
}

// MustImport imports a bundle and fails the test, listing the issues, when it is refused.
func MustImport(t testing.TB, db *sqldb.DB, src bundle.Source) *bundle.Report {
	t.Helper()
	rep, err := db.ImportBundle(context.Background(), src, "tester", "test", bundle.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !rep.OK() {
		for _, i := range rep.Issues {
			t.Log(i)
		}
		t.Fatalf("import refused with %d errors", rep.Errors)
	}
	return rep
}
