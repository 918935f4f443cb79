package web_test

import (
	"bytes"
	"context"
	"database/sql"
	"database/sql/driver"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/tochuc/tochuc/internal/app"
	"github.com/tochuc/tochuc/internal/auth"
	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/web"
)

// undated records the database calls made with a context without a deadline,
// with where they came from.
type undated struct {
	mu    sync.Mutex
	calls []string
}

func (u *undated) check(ctx context.Context, what string) {
	if _, ok := ctx.Deadline(); ok {
		return
	}
	var pcs [24]uintptr
	n := runtime.Callers(3, pcs[:])
	frames := runtime.CallersFrames(pcs[:n])
	var where []string
	for {
		f, more := frames.Next()
		if strings.Contains(f.Function, "tochuc/internal/") {
			where = append(where, f.Function[strings.LastIndex(f.Function, "/")+1:])
		}
		if !more {
			break
		}
	}
	u.mu.Lock()
	u.calls = append(u.calls, what+" from "+strings.Join(where, " ← "))
	u.mu.Unlock()
}

// deadlineConnector opens the driver's connections wrapped in deadlineConn.
type deadlineConnector struct {
	d    driver.Driver
	name string
	u    *undated
}

func (c deadlineConnector) Connect(context.Context) (driver.Conn, error) {
	conn, err := c.d.Open(c.name)
	if err != nil {
		return nil, err
	}
	return &deadlineConn{conn.(fullConn), c.u}, nil
}

func (c deadlineConnector) Driver() driver.Driver { return c.d }

type fullConn interface {
	driver.Conn
	driver.QueryerContext
	driver.ExecerContext
	driver.ConnBeginTx
	driver.ConnPrepareContext
}

// deadlineConn checks that every statement and transaction is given a
// context with a deadline.
type deadlineConn struct {
	fullConn
	u *undated
}

func (c *deadlineConn) QueryContext(ctx context.Context, q string, args []driver.NamedValue) (driver.Rows, error) {
	c.u.check(ctx, "query "+firstWords(q))
	return c.fullConn.QueryContext(ctx, q, args)
}

func (c *deadlineConn) ExecContext(ctx context.Context, q string, args []driver.NamedValue) (driver.Result, error) {
	c.u.check(ctx, "exec "+firstWords(q))
	return c.fullConn.ExecContext(ctx, q, args)
}

func (c *deadlineConn) BeginTx(ctx context.Context, opts driver.TxOptions) (driver.Tx, error) {
	c.u.check(ctx, "begin")
	return c.fullConn.BeginTx(ctx, opts)
}

func (c *deadlineConn) PrepareContext(ctx context.Context, q string) (driver.Stmt, error) {
	c.u.check(ctx, "prepare "+firstWords(q))
	return c.fullConn.PrepareContext(ctx, q)
}

func (c *deadlineConn) CheckNamedValue(v *driver.NamedValue) error {
	if nc, ok := c.fullConn.(driver.NamedValueChecker); ok {
		return nc.CheckNamedValue(v)
	}
	return driver.ErrSkip
}

func firstWords(q string) string {
	f := strings.Fields(q)
	return strings.Join(f[:min(len(f), 6)], " ")
}

// TestEveryDBCallHasADeadline serves SQLite through connections that note
// every statement or transaction begun without a deadline, signs in, opens
// every kind of page, edits, imports, and finds none: each request's calls
// carry its deadline, and what outlives a request (a shared computation, an
// import job) has a deadline of its own.
func TestEveryDBCallHasADeadline(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "deadline.db")
	plain, err := sqldb.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer plain.Close()
	if _, err := plain.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	if rep, err := plain.ImportBundle(ctx, richBundle(), "t", "t", bundle.Options{}); err != nil || !rep.OK() {
		t.Fatalf("%v %+v", err, rep)
	}
	hash, _ := auth.HashPassword(testPassword)
	for _, u := range testUsers {
		if _, err := plain.CreateUser(ctx, u, hash); err != nil {
			t.Fatal(err)
		}
	}
	u := &undated{}
	wrapped := sql.OpenDB(deadlineConnector{d: plain.Driver(), u: u,
		name: "file:" + path + "?_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=foreign_keys(ON)&_txlock=immediate"})
	defer wrapped.Close()
	db := &sqldb.DB{DB: wrapped, Dialect: sqldb.SQLite, DSN: path}
	s, err := web.New(web.Config{Registry: db.Reader(sqldb.Recorded{}), App: app.New(db, nil), Accounts: db, Limits: db,
		Log: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s.Handler())
	defer ts.Close()
	admin := signIn(t, ts, "admin")
	for _, p := range []string{"/", "/?ngay=2018-01-01&tu=2010-01-01", "/chi-tieu/units.commune?ngay=2018-01-01&tu=2010-01-01", "/to-chuc", "/don-vi", "/don-vi/X1",
		"/don-vi/H1/truc-thuoc", "/nhan-su", "/nhan-su?q=binh", "/nhan-su/P1", "/kiem-tra", "/van-ban", "/so-sanh?tu=2010-01-01&den=2020-01-01",
		"/sua/units?id=X1", "/nhat-ky", "/api/v1/report", "/api/v1/people", "/xuat", "/nhap"} {
		if code, body := admin.get(p); code != http.StatusOK {
			t.Errorf("%s: %d %.300s", p, code, body)
		}
	}
	if code, body := admin.postJSON("/api/v1/records/people", `{"values":{"id":"P9","full_name":"Lê Thị Mới"}}`); code != http.StatusOK {
		t.Errorf("edit: %d %s", code, body)
	}
	var up bytes.Buffer
	mw := multipart.NewWriter(&up)
	fw, _ := mw.CreateFormFile("tep", "people.csv")
	io.WriteString(fw, "id,full_name\nP8,Đỗ Văn Tám\n")
	mw.Close()
	resp, err := admin.http.Post(ts.URL+"/api/v1/imports", mw.FormDataContentType(), &up)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	url := resp.Header.Get("Location")
	if j := admin.waitJob(url, "checking"); j["phase"] != "checked" {
		t.Fatalf("import check: %v", j)
	}
	if code, _ := admin.postJSON(url+"/commit", ""); code != http.StatusAccepted {
		t.Fatalf("commit: %d", code)
	}
	if j := admin.waitJob(url, "importing"); j["phase"] != "done" {
		t.Fatalf("import: %v", j)
	}
	admin.postForm("/dang-xuat", nil)
	u.mu.Lock()
	defer u.mu.Unlock()
	if len(u.calls) > 0 {
		t.Errorf("%d database calls without a deadline:\n%s", len(u.calls), strings.Join(u.calls, "\n"))
	}
}
