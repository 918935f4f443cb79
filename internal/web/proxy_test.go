package web_test

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"strings"
	"testing"

	"github.com/tochuc/tochuc/internal/app"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/web"
)

// TestTrustedProxy: behind a trusted reverse proxy, sign-in failures count
// against the address the proxy forwards for, so five failures of one
// client lock that client and not the others behind the proxy; a client
// cannot choose its address by writing X-Forwarded-For itself (the
// addresses it writes come before the proxy's), nor through a proxy that is
// not trusted.
func TestTrustedProxy(t *testing.T) {
	a := newLoginApp(t)
	s, err := web.New(web.Config{Registry: a.db.Reader(sqldb.Recorded{}), App: app.New(a.db, nil), Accounts: a.db, Limits: a.db,
		TrustedProxies: []netip.Prefix{netip.MustParsePrefix("10.0.0.0/24")}, Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	post := func(peer, forwarded, pw string) int {
		req := httptest.NewRequest("POST", "/dang-nhap", strings.NewReader(url.Values{"ten_dang_nhap": {"viewer"}, "mat_khau": {pw}}.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("X-Forwarded-For", forwarded)
		req.RemoteAddr = peer + ":40000"
		rec := httptest.NewRecorder()
		s.Handler().ServeHTTP(rec, req)
		return rec.Code
	}
	for range 5 { // a guesser writing a forged address first: the proxy appends the real one
		if code := post("10.0.0.1", "198.51.100.9, 203.0.113.5", "sai"); code != http.StatusUnauthorized {
			t.Fatalf("wrong password: %d", code)
		}
	}
	if code := post("10.0.0.2", "203.0.113.5", testPassword); code != http.StatusTooManyRequests {
		t.Errorf("the guesser, through the other proxy: %d, want 429", code)
	}
	if code := post("10.0.0.1", "203.0.113.5", testPassword); code != http.StatusTooManyRequests {
		t.Errorf("the guesser, writing another address first: %d, want 429", code)
	}
	if code := post("10.0.0.1", "203.0.113.5, 198.51.100.7", testPassword); code != http.StatusSeeOther {
		t.Errorf("another client behind the proxy: %d, want 303", code)
	}
	if code := post("10.0.0.1", "198.51.100.9", testPassword); code != http.StatusSeeOther {
		t.Errorf("the address the guesser forged, its own client: %d, want 303", code)
	}
	// Not through a trusted proxy: X-Forwarded-For is the client's own text.
	for range 5 {
		post("192.0.2.1", "192.0.2.200", "sai")
	}
	if code := post("192.0.2.1", "192.0.2.201", testPassword); code != http.StatusTooManyRequests {
		t.Errorf("an untrusted peer choosing its address: %d, want 429", code)
	}
}
