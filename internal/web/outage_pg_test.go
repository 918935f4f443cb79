package web_test

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/http"
	"net/url"
	"os"
	"testing"

	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/sqldb/sqldbtest"
)

// TestPostgresOutage stops PostgreSQL for the server — its role may no
// longer log in and its connections are cut — then brings it back: 503
// throughout, never a sign-in, and the next request after works.
func TestPostgresOutage(t *testing.T) {
	base := os.Getenv("TOCHUC_TEST_POSTGRES")
	if base == "" {
		t.Skip("PostgreSQL only (TOCHUC_TEST_POSTGRES)")
	}
	ctx := context.Background()
	dsn := sqldbtest.DSN(t)
	owner, err := sqldb.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer owner.Close()
	if _, err := owner.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	schema := u.Query().Get("search_path")
	b := make([]byte, 6)
	rand.Read(b)
	role := "r_" + hex.EncodeToString(b)
	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { admin.Close() })
	must := func(q string) {
		t.Helper()
		if _, err := admin.ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	must("CREATE ROLE " + role + " LOGIN")
	must("GRANT USAGE ON SCHEMA " + schema + " TO " + role)
	must("GRANT ALL ON ALL TABLES IN SCHEMA " + schema + " TO " + role)
	must("GRANT ALL ON ALL SEQUENCES IN SCHEMA " + schema + " TO " + role)
	cut := func() { must("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '" + role + "'") }
	u.User = url.User(role)
	db, err := sqldb.Open(ctx, u.String())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		db.Close()
		cut()
		must("DROP OWNED BY " + role)
		must("DROP ROLE " + role)
	})

	ts, browser, token, _ := outageApp(t, db, db)
	must("ALTER ROLE " + role + " NOLOGIN")
	cut()
	wantUnavailable(t, ts, browser, token)

	must("ALTER ROLE " + role + " LOGIN")
	if a := getAnswer(t, browser, ts.URL+"/to-chuc", ""); a.code != http.StatusOK {
		t.Fatalf("page once PostgreSQL is back: %d", a.code)
	}
	if a := getAnswer(t, http.DefaultClient, ts.URL+"/api/v1/tree", token); a.code != http.StatusOK {
		t.Fatalf("API once PostgreSQL is back: %d", a.code)
	}
	if a := getAnswer(t, http.DefaultClient, ts.URL+"/readyz", ""); a.code != http.StatusOK {
		t.Fatalf("/readyz once PostgreSQL is back: %d", a.code)
	}
}
