package web_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/tochuc/tochuc/internal/app"
	"github.com/tochuc/tochuc/internal/auth"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/sqldb/sqldbtest"
	"github.com/tochuc/tochuc/internal/tochuc"
	"github.com/tochuc/tochuc/internal/web"
)

// loginApp is a server on a database holding treeBundle and the test users,
// its limiter's counters kept in that database.
type loginApp struct {
	t  *testing.T
	db *sqldb.DB
	h  http.Handler
}

func newLoginApp(t *testing.T) *loginApp {
	t.Helper()
	ctx := context.Background()
	db := sqldbtest.Open(t)
	sqldbtest.MustImport(t, db, treeBundle())
	hash, err := auth.HashPassword(testPassword)
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range testUsers {
		if _, err := db.CreateUser(ctx, u, hash); err != nil {
			t.Fatal(err)
		}
	}
	s, err := web.New(web.Config{Registry: db.Reader(sqldb.Recorded{}),
		App: app.New(db, nil), Accounts: db, Limits: db, Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	return &loginApp{t: t, db: db, h: s.Handler()}
}

// post signs in from an address and returns the response.
func (a *loginApp) post(ip, login, pw string, extra ...string) *httptest.ResponseRecorder {
	form := url.Values{"ten_dang_nhap": {login}, "mat_khau": {pw}}
	for i := 0; i+1 < len(extra); i += 2 {
		form.Set(extra[i], extra[i+1])
	}
	req := httptest.NewRequest("POST", "/dang-nhap", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.RemoteAddr = ip + ":40000"
	rec := httptest.NewRecorder()
	a.h.ServeHTTP(rec, req)
	return rec
}

// audits counts the audit rows of an action.
func (a *loginApp) audits(action string) int {
	a.t.Helper()
	_, n, err := a.db.ListAudit(context.Background(), tochuc.AuditFilter{Action: action})
	if err != nil {
		a.t.Fatal(err)
	}
	return n
}

// TestLoginParallelGuesses: guesses sent at once are counted before their
// password is checked, so no more than the limit are ever checked.
func TestLoginParallelGuesses(t *testing.T) {
	a := newLoginApp(t)
	codes := map[int]int{}
	var mu sync.Mutex
	var wg sync.WaitGroup
	for i := range 30 {
		wg.Go(func() {
			code := a.post("192.0.2.7", "viewer", fmt.Sprintf("sai-mat-khau-%d", i)).Code
			mu.Lock()
			codes[code]++
			mu.Unlock()
		})
	}
	wg.Wait()
	if codes[http.StatusUnauthorized] > 5 || codes[http.StatusUnauthorized]+codes[http.StatusTooManyRequests] != 30 {
		t.Fatalf("30 parallel wrong guesses: %v; at most 5 may be checked, the others refused", codes)
	}
	if code := a.post("192.0.2.7", "viewer", testPassword).Code; code != http.StatusTooManyRequests {
		t.Fatalf("the right password after the limit: %d, want 429", code)
	}
}

// TestLoginBehindProxy: failures from one address for other logins, or for
// the same login from elsewhere, do not lock a login from an address that
// has not failed.
func TestLoginBehindProxy(t *testing.T) {
	t.Parallel()
	a := newLoginApp(t)
	for i := range 25 {
		a.post("203.0.113.1", fmt.Sprintf("nguoila%d", i), "sai-mat-khau-lan-nua")
	}
	if code := a.post("203.0.113.1", "admin", testPassword).Code; code != http.StatusSeeOther {
		t.Fatalf("the administrator behind the same proxy: %d, want 303", code)
	}
	for i := range 5 {
		a.post("203.0.113.1", "viewer", fmt.Sprintf("sai-%d-mat-khau", i))
	}
	if code := a.post("203.0.113.1", "viewer", testPassword).Code; code != http.StatusTooManyRequests {
		t.Fatalf("viewer from the failing address: %d, want 429", code)
	}
	if code := a.post("198.51.100.9", "viewer", testPassword).Code; code != http.StatusSeeOther {
		t.Fatalf("viewer from another address: %d, want 303", code)
	}
}

// TestLoginDistributedGuesses: failures of one login from many addresses
// start a back-off of that login for every address that failed, while the
// account holder signs in from an address that has not.
func TestLoginDistributedGuesses(t *testing.T) {
	t.Parallel()
	a := newLoginApp(t)
	for i := range 20 {
		if code := a.post(fmt.Sprintf("10.0.0.%d", i+1), "viewer", "sai-mat-khau-roi").Code; code != http.StatusUnauthorized {
			t.Fatalf("guess %d: %d", i+1, code)
		}
	}
	if code := a.post("10.0.0.3", "viewer", "doan-them-lan-nua").Code; code != http.StatusTooManyRequests {
		t.Fatalf("a failing address during the back-off: %d, want 429", code)
	}
	if code := a.post("10.0.0.3", "viewer", testPassword).Code; code != http.StatusTooManyRequests {
		t.Fatalf("the right password from a failing address during the back-off: %d, want 429", code)
	}
	if code := a.post("10.0.9.1", "viewer", "mot-lan-doan-moi").Code; code != http.StatusUnauthorized {
		t.Fatalf("a first guess from a new address: %d, want 401", code)
	}
	if code := a.post("10.0.9.1", "viewer", testPassword).Code; code != http.StatusTooManyRequests {
		t.Fatalf("a second try from that address during the back-off: %d, want 429", code)
	}
	if code := a.post("172.16.5.5", "viewer", testPassword).Code; code != http.StatusSeeOther {
		t.Fatalf("the account holder from an address without failures: %d, want 303", code)
	}
}

// TestLoginAuditBounded: a locked login and address write one audit row for
// the lockout, however many times they post.
func TestLoginAuditBounded(t *testing.T) {
	t.Parallel()
	a := newLoginApp(t)
	for range 5 {
		a.post("192.0.2.50", "viewer", "khong-dung-dau")
	}
	for range 60 {
		if code := a.post("192.0.2.50", "viewer", "khong-dung-dau").Code; code != http.StatusTooManyRequests {
			t.Fatalf("locked: %d", code)
		}
	}
	if n := a.audits(tochuc.AuditLoginLocked); n != 1 {
		t.Fatalf("%d audit rows for one lockout, want 1", n)
	}
	if n := a.audits(tochuc.AuditLoginFailed); n != 5 {
		t.Fatalf("%d failed logins logged, want 5", n)
	}
}

// TestLoginLongName: a login longer than 64 characters is refused without a
// lookup, not stored, and echoed cut.
func TestLoginLongName(t *testing.T) {
	t.Parallel()
	a := newLoginApp(t)
	long := strings.Repeat("a", 100)
	rec := a.post("192.0.2.60", long, "mot-mat-khau-nao-do")
	if rec.Code != http.StatusBadRequest || strings.Contains(rec.Body.String(), long[:65]) || !strings.Contains(rec.Body.String(), "quá dài") {
		t.Fatalf("100-character login: %d\n%.2000s", rec.Code, rec.Body.String())
	}
	huge := strings.Repeat("b", 9<<20)
	rec = a.post("192.0.2.60", huge, "mot-mat-khau-nao-do")
	if rec.Code < 400 || rec.Code >= 500 || rec.Body.Len() > 64<<10 {
		t.Fatalf("9 MiB login: %d, %d bytes back", rec.Code, rec.Body.Len())
	}
	entries, _, err := a.db.ListAudit(context.Background(), tochuc.AuditFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if len(e.UserLogin) > 64 {
			t.Fatalf("audit row with a %d-byte login", len(e.UserLogin))
		}
	}
}

// TestLoginRedirectStaysHome: after sign-in, a target a browser would send
// to another host is replaced by the home page; a path of the site is kept.
func TestLoginRedirectStaysHome(t *testing.T) {
	t.Parallel()
	a := newLoginApp(t)
	for next, want := range map[string]string{
		"/\t/evil.example":           "/",
		"/%2F/evil.example":          "/",
		"/don-vi/H1?ngay=2018-01-01": "/don-vi/H1?ngay=2018-01-01",
	} {
		rec := a.post("192.0.2.80", "admin", testPassword, "tiep", next)
		if rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != want {
			t.Errorf("tiep=%q: %d to %q, want %q", next, rec.Code, rec.Header().Get("Location"), want)
		}
	}
}
