package web_test

import (
	"context"
	"database/sql"
	"fmt"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/sqldb/sqldbtest"
	"github.com/tochuc/tochuc/internal/tochuc"
	"github.com/tochuc/tochuc/internal/web"
)

// driverText is text of the database drivers that must never reach a person.
var driverText = []string{"FOREIGN KEY", "constraint", "SQLSTATE", "sqlite", "SQLITE", "database is locked", "disk is full",
	"ERROR:", "refused at commit", "pgx", "driver"}

func checkNoDriverText(t *testing.T, what, body string) {
	t.Helper()
	for _, s := range driverText {
		if strings.Contains(body, s) {
			t.Errorf("%s: driver text %q reached the user:\n%.600s", what, s, body)
		}
	}
}

// failCommits makes every commit of a change set fail from now on, the way a
// lost connection or an I/O error at COMMIT would: a deferred check that
// fails only when the transaction commits.
func failCommits(t *testing.T, db *sqldb.DB) {
	t.Helper()
	stmts := []string{
		`CREATE TABLE fail_parent (id INTEGER PRIMARY KEY)`,
		`CREATE TABLE fail_child (id INTEGER REFERENCES fail_parent (id) DEFERRABLE INITIALLY DEFERRED)`,
		`CREATE TRIGGER fail_commit AFTER INSERT ON changesets BEGIN INSERT INTO fail_child VALUES (1); END`,
	}
	if db.Dialect == sqldb.Postgres {
		stmts = []string{
			`CREATE FUNCTION fail_commit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused at commit (test)'; END $$`,
			`CREATE CONSTRAINT TRIGGER fail_commit AFTER INSERT ON changesets DEFERRABLE INITIALLY DEFERRED
				FOR EACH ROW EXECUTE FUNCTION fail_commit()`,
		}
	}
	for _, s := range stmts {
		if _, err := db.ExecContext(context.Background(), s); err != nil {
			t.Fatal(err)
		}
	}
}

// TestCommitFailureIsTold makes every commit fail and writes through each
// path: the user is told, with a system error's status and no driver text,
// and nothing is kept — no record, no change set, no audit entry.
func TestCommitFailureIsTold(t *testing.T) {
	t.Parallel()
	ts, db := newSecurityApp(t)
	admin := signIn(t, ts, "admin")
	failCommits(t, db)
	before := registryState(t, db)
	code, body := admin.postJSON("/api/v1/records/headcount", `{"values":{"unit_id":"UA","date":"2022-01-01","actual":"4"}}`)
	if code != http.StatusInternalServerError || !strings.Contains(body, "Lỗi hệ thống") {
		t.Errorf("API edit: %d\n%s", code, body)
	}
	checkNoDriverText(t, "API edit", body)
	code, body = admin.postForm("/sua/headcount?ngay=2022-01-01", url.Values{"che_do": {"sua_sai"}, "v_unit_id": {"UA"},
		"v_date": {"2022-01-01"}, "v_actual": {"4"}})
	if code != http.StatusInternalServerError || !strings.Contains(body, "Lỗi hệ thống") {
		t.Errorf("form edit: %d (a failed commit must not be shown as saved)\n%.600s", code, body)
	}
	checkNoDriverText(t, "form edit", body)
	code, body = admin.postForm("/sap-xep?ngay=2021-01-01", url.Values{"kind": {"rename"}, "date": {"2021-01-01"},
		"from": {"XA"}, "new_name": {"Xã A mới"}, "document": {"docA"}, "thuc_hien": {"1"}})
	if code != http.StatusInternalServerError || !strings.Contains(body, "Lỗi hệ thống") {
		t.Errorf("wizard: %d\n%.600s", code, body)
	}
	checkNoDriverText(t, "wizard", body)
	code, status := admin.upload("headcount.csv", "unit_id,date,actual\nUA,2023-01-01,5\n")
	if code != http.StatusAccepted {
		t.Fatalf("upload: %d", code)
	}
	if job := admin.waitJob(status, "checking"); job["phase"] != "checked" {
		t.Fatalf("check: %v", job)
	}
	if code, _ := admin.postJSON(status+"/commit", ""); code != http.StatusAccepted {
		t.Fatalf("commit: %d", code)
	}
	job := admin.waitJob(status, "importing")
	if job["phase"] != "failed" || !strings.Contains(job["error"].(string), "Lỗi hệ thống") {
		t.Errorf("import whose commit failed: %v", job)
	}
	checkNoDriverText(t, "import", job["error"].(string))
	if after := registryState(t, db); after != before {
		t.Errorf("a failed commit left something behind: %s → %s", before, after)
	}
}

// TestDiskFullIsTold fills the SQLite database's space (its page limit) and
// edits: the clerk is told the server has no space left, with 507.
// (It runs on SQLite whichever engine the other tests use: the page limit is
// SQLite's. PostgreSQL's disk-full error, SQLSTATE 53100, is classified the
// same way: sqldb's TestFaultsClassified.)
func TestDiskFullIsTold(t *testing.T) {
	t.Parallel()
	db, err := sqldb.Open(context.Background(), filepath.Join(t.TempDir(), "full.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	ts := serveDB(t, db)
	admin := signIn(t, ts, "admin")
	db.SetMaxOpenConns(1)
	var pages int
	if err := db.QueryRowContext(context.Background(), `PRAGMA page_count`).Scan(&pages); err != nil {
		t.Fatal(err)
	}
	if _, err := db.ExecContext(context.Background(), fmt.Sprintf(`PRAGMA max_page_count = %d`, pages)); err != nil {
		t.Fatal(err)
	}
	before := registryState(t, db)
	var code int
	var body string
	day := tochuc.MustDate("2030-01-01")
	for i := 0; i < 200 && code != http.StatusInsufficientStorage; i++ { // until the file has to grow
		code, body = admin.postJSON("/api/v1/records/headcount",
			fmt.Sprintf(`{"values":{"unit_id":"UA","date":"%s","actual":"%d"}}`, day.AddDays(i), 1000000+i))
		if code == http.StatusOK {
			before = registryState(t, db)
		}
	}
	if code != http.StatusInsufficientStorage || !strings.Contains(body, "hết dung lượng") {
		t.Fatalf("edit on a full disk: %d\n%s", code, body)
	}
	checkNoDriverText(t, "disk full", body)
	if after := registryState(t, db); after != before {
		t.Errorf("a refused write left something: %s → %s", before, after)
	}
}

// TestBusyIsTold holds SQLite's write lock from another connection while a
// clerk edits: past the busy timeout the clerk is told the system is busy,
// with 503 and Retry-After, and nothing is half-written.
func TestBusyIsTold(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "busy.db")
	db, err := sqldb.OpenWith(ctx, path, sqldb.Options{BusyTimeout: 200 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	ts := serveDB(t, db)
	admin := signIn(t, ts, "admin")
	other, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	conn, err := other.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `BEGIN IMMEDIATE`); err != nil {
		t.Fatal(err)
	}
	code, body := admin.postJSON("/api/v1/records/headcount", `{"values":{"unit_id":"UA","date":"2022-01-01","actual":"4"}}`)
	conn.ExecContext(ctx, `ROLLBACK`)
	if code != http.StatusServiceUnavailable || !strings.Contains(body, "đang bận") {
		t.Fatalf("edit while another writer holds the lock: %d\n%s", code, body)
	}
	checkNoDriverText(t, "busy", body)
	resp, err := admin.http.Post(admin.base+"/api/v1/records/headcount", "application/json",
		strings.NewReader(`{"values":{"unit_id":"UA","date":"2022-01-01","actual":"4"}}`))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("once the lock is free the same edit goes through: %d", resp.StatusCode)
	}
}

// TestDeadline gives every request no time at all: pages and edits answer
// 503 saying the request ran out of time, and nothing is written.
func TestDeadline(t *testing.T) {
	db := sqldbtest.Open(t)
	ts := serveDBWith(t, db, func(c *web.Config) { c.RequestTimeout = time.Nanosecond })
	jar, _ := cookiejar.New(nil)
	admin := &client{t: t, http: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }},
		base: ts.URL}
	if code, _ := admin.postForm("/dang-nhap", url.Values{"ten_dang_nhap": {"admin"}, "mat_khau": {testPassword}}); code != http.StatusSeeOther {
		t.Fatalf("sign in: %d", code)
	}
	before := registryState(t, db)
	for _, get := range []string{"/don-vi/XA", "/api/v1/units/XA", "/so-sanh?tu=2019-01-01&den=2021-01-01", "/to-chuc?ngay=2010-05-05"} {
		code, body := admin.get(get)
		if code != http.StatusServiceUnavailable || !strings.Contains(body, "quá nhiều thời gian") {
			t.Errorf("%s: %d\n%.300s", get, code, body)
		}
		checkNoDriverText(t, get, body)
	}
	code, body := admin.postJSON("/api/v1/records/headcount", `{"values":{"unit_id":"UA","date":"2022-01-01","actual":"4"}}`)
	if code != http.StatusServiceUnavailable || !strings.Contains(body, "quá nhiều thời gian") {
		t.Errorf("edit: %d\n%s", code, body)
	}
	if after := registryState(t, db); after != before {
		t.Errorf("a request out of time wrote: %s → %s", before, after)
	}
}
