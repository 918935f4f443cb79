package web_test

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/tochuc/tochuc/internal/app"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/sqldb/sqldbtest"
	"github.com/tochuc/tochuc/internal/web"
)

// bareHandler is the app on an empty database.
func bareHandler(t *testing.T, secure bool) http.Handler {
	t.Helper()
	db := sqldbtest.Open(t)
	s, err := web.New(web.Config{Registry: db.Reader(sqldb.Recorded{}),
		App: app.New(db, nil), Accounts: db, Limits: db, SecureCookies: secure, Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	return s.Handler()
}

func serve(h http.Handler, path string) *httptest.ResponseRecorder {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
	return rec
}

// TestHSTS: behind HTTPS (secure cookies) every answer asks browsers to keep to HTTPS.
func TestHSTS(t *testing.T) {
	t.Parallel()
	for _, path := range []string{"/dang-nhap", "/", "/static/style.css", "/khong-co"} {
		if h := serve(bareHandler(t, true), path).Header().Get("Strict-Transport-Security"); !strings.HasPrefix(h, "max-age=") {
			t.Errorf("%s with --secure-cookies: Strict-Transport-Security %q", path, h)
		}
	}
	if h := serve(bareHandler(t, false), "/dang-nhap").Header().Get("Strict-Transport-Security"); h != "" {
		t.Errorf("HSTS over plain HTTP: %q", h)
	}
}

// TestStaticFilesOnly: static files are public; their folder is not listed.
func TestStaticFilesOnly(t *testing.T) {
	h := bareHandler(t, false)
	if rec := serve(h, "/static/style.css"); rec.Code != http.StatusOK || !strings.Contains(rec.Header().Get("Content-Type"), "text/css") {
		t.Errorf("/static/style.css signed out: %d %s", rec.Code, rec.Header().Get("Content-Type"))
	}
	for _, path := range []string{"/static/", "/static", "/static/khong-co.js"} {
		rec := serve(h, path)
		if rec.Code != http.StatusNotFound || strings.Contains(rec.Body.String(), "tree.js") {
			t.Errorf("%s: %d\n%.300s", path, rec.Code, rec.Body.String())
		}
	}
	if rec := serve(h, "/static/../templates/login.html"); rec.Code == http.StatusOK {
		t.Errorf("a template served from /static/..: %d", rec.Code)
	}
}
