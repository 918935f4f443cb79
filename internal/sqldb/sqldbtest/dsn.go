package sqldbtest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib" // registers "pgx"
)

// DSN returns the --db value of a fresh, empty database: a SQLite file in a
// temporary folder, or a new schema of the PostgreSQL database named by
// TOCHUC_TEST_POSTGRES (dropped at the end).
func DSN(t testing.TB) string {
	t.Helper()
	pg := os.Getenv("TOCHUC_TEST_POSTGRES")
	if pg == "" {
		return filepath.Join(t.TempDir(), "test.db")
	}
	b := make([]byte, 6)
	rand.Read(b)
	schema := "t_" + hex.EncodeToString(b)
	admin, err := sql.Open("pgx", pg)
	if err == nil {
		_, err = admin.ExecContext(context.Background(), "CREATE SCHEMA "+schema)
	}
	if err != nil {
		t.Fatalf("postgres (TOCHUC_TEST_POSTGRES): %v", err)
	}
	t.Cleanup(func() {
		admin.ExecContext(context.Background(), "DROP SCHEMA "+schema+" CASCADE")
		admin.Close()
	})
	sep := "?"
	if strings.Contains(pg, "?") {
		sep = "&"
	}
	return pg + sep + "search_path=" + schema
}
