package sqldb_test

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/sqldb/sqldbtest"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// settings reads PostgreSQL settings on one connection of db.
func settings(t *testing.T, db *sqldb.DB, names ...string) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, n := range names {
		var v string
		if err := db.QueryRowContext(context.Background(), `SELECT current_setting($1)`, n).Scan(&v); err != nil {
			t.Fatal(err)
		}
		out[n] = v
	}
	return out
}

// TestPostgresSettings checks the settings tochuc chooses for its
// connections (JIT off, its name, a lock timeout), and that a DSN setting
// them wins.
func TestPostgresSettings(t *testing.T) {
	if os.Getenv("TOCHUC_TEST_POSTGRES") == "" {
		t.Skip("PostgreSQL only: set TOCHUC_TEST_POSTGRES")
	}
	ctx := context.Background()
	dsn := sqldbtest.DSN(t)
	db, err := sqldb.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	got := settings(t, db, "jit", "application_name", "lock_timeout")
	if want := map[string]string{"jit": "off", "application_name": "tochuc", "lock_timeout": "10s"}; !equal(got, want) {
		t.Errorf("tochuc's settings: %v, want %v", got, want)
	}
	if db.DSN != dsn {
		t.Errorf("the DSN kept is not the one given: %s", db.Redacted())
	}

	own, err := sqldb.Open(ctx, dsn+"&jit=on&application_name=tochuc-a&lock_timeout=2s")
	if err != nil {
		t.Fatal(err)
	}
	defer own.Close()
	got = settings(t, own, "jit", "application_name", "lock_timeout")
	if want := map[string]string{"jit": "on", "application_name": "tochuc-a", "lock_timeout": "2s"}; !equal(got, want) {
		t.Errorf("the DSN's settings: %v, want %v", got, want)
	}
}

func equal(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// TestLockWaitIsTold holds the write lock with one change set while another
// connection (as another server's would) begins one: past the busy timeout
// the second is told in Vietnamese that another write holds the data,
// as "busy" (503 and Retry-After on the web), on both engines.
func TestLockWaitIsTold(t *testing.T) {
	ctx := context.Background()
	dsn := sqldbtest.DSN(t)
	a, err := sqldb.OpenWith(ctx, dsn, sqldb.Options{BusyTimeout: 200 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	if _, err := a.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	b, err := sqldb.OpenWith(ctx, dsn, sqldb.Options{BusyTimeout: 200 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	held, err := a.Begin(ctx, "a", "test", sqldb.Trusted)
	if err != nil {
		t.Fatal(err)
	}
	defer held.Rollback()
	c, err := b.Begin(ctx, "b", "test", sqldb.Trusted)
	if err == nil {
		c.Rollback()
		t.Fatal("a second change set began while the first held the write lock")
	}
	f := sqldb.Fault(err)
	if tochuc.ErrorCode(f) != tochuc.EBusy || !strings.Contains(f.Error(), "đang được một lần ghi khác giữ") {
		t.Fatalf("lock wait told as %s: %v", tochuc.ErrorCode(f), f)
	}
	held.Rollback()
	c, err = b.Begin(ctx, "b", "test", sqldb.Trusted)
	if err != nil {
		t.Fatalf("once the lock is free: %v", err)
	}
	c.Rollback()
}

// TestStatementDeadline runs a statement longer than its context allows: it
// is cancelled when the context ends and told as a request out of time.
func TestStatementDeadline(t *testing.T) {
	db := sqldbtest.Open(t)
	q := `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT COUNT(*) FROM n`
	if db.Dialect == sqldb.Postgres {
		q = `SELECT pg_sleep(60)`
	}
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	_, err := db.ExecContext(ctx, q)
	if f := sqldb.Fault(err); tochuc.ErrorCode(f) != tochuc.ETimeout {
		t.Fatalf("a statement past its deadline: %v (%s)", err, tochuc.ErrorCode(f))
	}
}
