package web_test

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/tochuc/tochuc/internal/app"
	"github.com/tochuc/tochuc/internal/auth"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/sqldb/sqldbtest"
	"github.com/tochuc/tochuc/internal/tochuc"
	"github.com/tochuc/tochuc/internal/web"
)

// flakyAccounts is the database's accounts, failing like a stopped database server while down.
type flakyAccounts struct {
	*sqldb.DB
	down atomic.Bool
}

var errDown = errors.New("dial tcp 127.0.0.1:5432: connect: connection refused")

func (f *flakyAccounts) SessionUser(ctx context.Context, h auth.TokenHash) (tochuc.User, error) {
	if f.down.Load() {
		return tochuc.User{}, errDown
	}
	return f.DB.SessionUser(ctx, h)
}

func (f *flakyAccounts) TokenUser(ctx context.Context, h auth.TokenHash) (tochuc.User, error) {
	if f.down.Load() {
		return tochuc.User{}, errDown
	}
	return f.DB.TokenUser(ctx, h)
}

func (f *flakyAccounts) PingContext(ctx context.Context) error {
	if f.down.Load() {
		return errDown
	}
	return f.DB.PingContext(ctx)
}

// syncBuffer is a log sink safe for the server's goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}
func (s *syncBuffer) String() string { s.mu.Lock(); defer s.mu.Unlock(); return s.b.String() }

// outageApp serves a database holding treeBundle and an administrator
// through accounts, and returns a signed-in browser, an API token and the log.
func outageApp(t *testing.T, db *sqldb.DB, accounts web.Accounts) (ts *httptest.Server, browser *http.Client, token string, log *syncBuffer) {
	t.Helper()
	ctx := context.Background()
	sqldbtest.MustImport(t, db, treeBundle())
	hash, err := auth.HashPassword(testPassword)
	if err != nil {
		t.Fatal(err)
	}
	admin, err := db.CreateUser(ctx, testUsers[0], hash)
	if err != nil {
		t.Fatal(err)
	}
	if _, token, err = (auth.Tokens{Store: db}).CreateAPIToken(ctx, admin.ID, "kịch bản", time.Time{}); err != nil {
		t.Fatal(err)
	}
	log = &syncBuffer{}
	s, err := web.New(web.Config{Registry: db.Reader(sqldb.Recorded{}),
		App: app.New(db, nil), Accounts: accounts, Limits: db, Jobs: db, Log: slog.New(slog.NewTextHandler(log, nil))})
	if err != nil {
		t.Fatal(err)
	}
	ts = httptest.NewServer(s.Handler())
	t.Cleanup(ts.Close)
	jar, _ := cookiejar.New(nil)
	browser = &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := browser.PostForm(ts.URL+"/dang-nhap", url.Values{"ten_dang_nhap": {"admin"}, "mat_khau": {testPassword}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusSeeOther || len(jar.Cookies(resp.Request.URL)) == 0 {
		t.Fatalf("sign in: %d", resp.StatusCode)
	}
	return ts, browser, token, log
}

type answer struct {
	code             int
	location, retry  string
	body, contentTyp string
}

func getAnswer(t *testing.T, c *http.Client, u, bearer string) answer {
	t.Helper()
	req, _ := http.NewRequest("GET", u, nil)
	if bearer != "" {
		req.Header.Set("Authorization", "Bearer "+bearer)
	}
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var b bytes.Buffer
	b.ReadFrom(resp.Body)
	return answer{resp.StatusCode, resp.Header.Get("Location"), resp.Header.Get("Retry-After"), b.String(), resp.Header.Get("Content-Type")}
}

// wantUnavailable checks that a page, the API by cookie and the API by token
// answer 503 with a Vietnamese message, never a sign-in, and /readyz too,
// while /healthz stays ok.
func wantUnavailable(t *testing.T, ts *httptest.Server, browser *http.Client, token string) {
	t.Helper()
	noRedirect := &http.Client{CheckRedirect: browser.CheckRedirect}
	for _, c := range []struct {
		name, path, bearer string
		client             *http.Client
	}{
		{"page", "/to-chuc", "", browser},
		{"API by session", "/api/v1/tree", "", browser},
		{"API by token", "/api/v1/tree", token, noRedirect},
	} {
		a := getAnswer(t, c.client, ts.URL+c.path, c.bearer)
		if a.code != http.StatusServiceUnavailable || a.location != "" || a.retry == "" || !strings.Contains(a.body, "Vui lòng thử lại") {
			t.Errorf("%s with the database down: %d to %q, Retry-After %q\n%.300s", c.name, a.code, a.location, a.retry, a.body)
		}
		if strings.HasPrefix(c.path, "/api/") && !strings.HasPrefix(a.contentTyp, "application/json") {
			t.Errorf("%s: %s, want JSON", c.name, a.contentTyp)
		}
		if strings.Contains(a.body, "connection refused") || strings.Contains(a.body, "closed") {
			t.Errorf("%s: the driver's text reached the user:\n%s", c.name, a.body)
		}
	}
	if a := getAnswer(t, noRedirect, ts.URL+"/readyz", ""); a.code != http.StatusServiceUnavailable || !strings.Contains(a.body, "cơ sở dữ liệu") {
		t.Errorf("/readyz with the database down: %d %q", a.code, a.body)
	}
	if a := getAnswer(t, noRedirect, ts.URL+"/healthz", ""); a.code != http.StatusOK {
		t.Errorf("/healthz with the database down: %d (a liveness probe)", a.code)
	}
}

// TestOutageIsNotSignOut: while the store fails, signed-in requests get 503
// (logged with the cause), not a sign-in; when it is back they work again.
func TestOutageIsNotSignOut(t *testing.T) {
	db := sqldbtest.Open(t)
	flaky := &flakyAccounts{DB: db}
	ts, browser, token, log := outageApp(t, db, flaky)
	if a := getAnswer(t, browser, ts.URL+"/readyz", ""); a.code != http.StatusOK {
		t.Fatalf("/readyz: %d", a.code)
	}

	flaky.down.Store(true)
	wantUnavailable(t, ts, browser, token)
	if n := strings.Count(log.String(), "connection refused"); n != 4 {
		t.Errorf("%d log lines with the cause for 4 failed requests:\n%s", n, log.String())
	}

	flaky.down.Store(false)
	if a := getAnswer(t, browser, ts.URL+"/to-chuc", ""); a.code != http.StatusOK {
		t.Fatalf("page after the database is back: %d", a.code)
	}
	if a := getAnswer(t, http.DefaultClient, ts.URL+"/api/v1/tree", token); a.code != http.StatusOK {
		t.Fatalf("API after the database is back: %d", a.code)
	}
	// A session or token that does not exist is still a sign-in, not an outage.
	if a := getAnswer(t, http.DefaultClient, ts.URL+"/api/v1/tree", "khong-co-ma-nay"); a.code != http.StatusUnauthorized {
		t.Fatalf("unknown token: %d", a.code)
	}
}

// TestDatabaseClosed closes the database under the server (both engines).
func TestDatabaseClosed(t *testing.T) {
	db := sqldbtest.Open(t)
	ts, browser, token, _ := outageApp(t, db, db)
	db.Close()
	wantUnavailable(t, ts, browser, token)
	// The sign-in form answers 503 too, not "wrong password".
	resp, err := http.PostForm(ts.URL+"/dang-nhap", url.Values{"ten_dang_nhap": {"admin"}, "mat_khau": {testPassword}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusServiceUnavailable {
		t.Fatalf("sign-in with the database closed: %d", resp.StatusCode)
	}
}
