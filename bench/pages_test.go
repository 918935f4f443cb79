// Package bench_test measures whole pages of the web app on the demo
// province against a minimal handler serving the same bytes (bench/README.md).
package bench_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/tochuc/tochuc/internal/app"
	"github.com/tochuc/tochuc/internal/auth"
	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/demo"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/sqldb/sqldbtest"
	"github.com/tochuc/tochuc/internal/tochuc"
	"github.com/tochuc/tochuc/internal/vnadmin"
	"github.com/tochuc/tochuc/internal/web"
)

// clients is the number of concurrent clients (issue 10 measured 20).
const clients = 20

// BenchmarkPages serves the compare view and the organization tree of the
// demo province, as the administrator and as staff of the old province:
// first one request at a time (serial-ms, the median of 5), then 20
// concurrent clients for a few seconds (p50-ms, p99-ms, req/s), then the
// same load on a minimal handler serving the same bytes from memory
// (raw-req/s); ratio = req/s ÷ raw-req/s.
func BenchmarkPages(b *testing.B) {
	ts, cookies := pagesServer(b)
	for _, c := range []struct{ name, login, path string }{
		{"compare/2019-2021", "admin", "/so-sanh?ngay=2021-08-11&tu=2019-03-07&den=2021-08-11"},
		{"compare/2019-2021/staff", "staff", "/so-sanh?ngay=2021-08-11&tu=2019-03-07&den=2021-08-11"},
		{"compare/reform", "admin", "/so-sanh?ngay=2025-07-01&tu=2025-06-30&den=2025-07-01"},
		{"compare/api/2019-2021", "admin", "/api/v1/compare?ngay=2021-08-11&tu=2019-03-07&den=2021-08-11"},
		{"tree/2010", "admin", "/to-chuc?ngay=2010-05-05"},
		{"tree/2010/staff", "staff", "/to-chuc?ngay=2010-05-05"},
	} {
		b.Run(c.name, func(b *testing.B) {
			url, cookie := ts.URL+c.path, cookies[c.login]
			var serial []time.Duration
			var body []byte
			for range 5 {
				t0 := time.Now()
				body = get(b, url, cookie)
				serial = append(serial, time.Since(t0))
			}
			raw := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "text/html; charset=utf-8")
				w.Write(body)
			}))
			defer raw.Close()
			appLat, appRate := hammer(b, url, cookie)
			_, rawRate := hammer(b, raw.URL+c.path, nil)
			b.ReportMetric(ms(percentile(serial, 50)), "serial-ms")
			b.ReportMetric(ms(percentile(appLat, 50)), "p50-ms")
			b.ReportMetric(ms(percentile(appLat, 99)), "p99-ms")
			b.ReportMetric(appRate, "req/s")
			b.ReportMetric(rawRate, "raw-req/s")
			b.ReportMetric(appRate/rawRate, "ratio")
			b.ReportMetric(float64(len(body)), "bytes")
			b.ReportMetric(0, "ns/op")
		})
	}
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// duration is how long each side is loaded (TOCHUC_LOAD_DURATION, default 5s).
func duration() time.Duration {
	if d, err := time.ParseDuration(os.Getenv("TOCHUC_LOAD_DURATION")); err == nil {
		return d
	}
	return 5 * time.Second
}

// hammer runs the clients against url until the duration has passed (a
// request started before then is waited for) and returns every latency and
// the rate.
func hammer(b *testing.B, url string, cookie *http.Cookie) ([]time.Duration, float64) {
	tr := &http.Transport{MaxIdleConnsPerHost: clients}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr, Timeout: 5 * time.Minute}
	var mu sync.Mutex
	var all []time.Duration
	start := time.Now()
	deadline := start.Add(duration())
	var wg sync.WaitGroup
	for range clients {
		wg.Go(func() {
			var mine []time.Duration
			for time.Now().Before(deadline) {
				req, _ := http.NewRequest("GET", url, nil)
				if cookie != nil {
					req.AddCookie(cookie)
				}
				t0 := time.Now()
				resp, err := client.Do(req)
				if err != nil {
					b.Error(err)
					return
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode != 200 {
					b.Errorf("%s: %d", url, resp.StatusCode)
					return
				}
				mine = append(mine, time.Since(t0))
			}
			mu.Lock()
			all = append(all, mine...)
			mu.Unlock()
		})
	}
	wg.Wait()
	return all, float64(len(all)) / time.Since(start).Seconds()
}

func percentile(ds []time.Duration, p int) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[min(len(s)-1, len(s)*p/100)]
}

func get(b *testing.B, url string, cookie *http.Cookie) []byte {
	req, _ := http.NewRequest("GET", url, nil)
	req.AddCookie(cookie)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		b.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 {
		b.Fatalf("%s: %d", url, resp.StatusCode)
	}
	return body
}

// pagesServer serves the demo province (seed 1) on the engine of the
// environment, with a session for the administrator and one for staff of
// the old Bắc Giang province.
func pagesServer(b *testing.B) (*httptest.Server, map[string]*http.Cookie) {
	ctx := context.Background()
	db := sqldbtest.Open(b)
	src, err := demo.Build(1)
	if err != nil {
		b.Fatal(err)
	}
	if rep, err := db.ImportBundle(ctx, src, "bench", "bench", bundle.Options{}); err != nil || !rep.OK() {
		b.Fatalf("import: %v", err)
	}
	hash, err := auth.HashPassword("mat-khau-do-hieu-nang")
	if err != nil {
		b.Fatal(err)
	}
	cookies := map[string]*http.Cookie{}
	for _, u := range []tochuc.User{
		{Login: "admin", FullName: "Quản trị", Role: tochuc.RoleAdmin},
		{Login: "staff", FullName: "Cán bộ tỉnh", Role: tochuc.RoleStaff, ScopeUnitID: vnadmin.OldID("24")},
	} {
		u, err := db.CreateUser(ctx, u, hash)
		if err != nil {
			b.Fatal(err)
		}
		token, err := (auth.Tokens{Store: db}).CreateSession(ctx, u.ID, time.Hour, "127.0.0.1", "bench")
		if err != nil {
			b.Fatal(err)
		}
		cookies[u.Login] = &http.Cookie{Name: "tochuc_phien", Value: token}
	}
	s, err := web.New(web.Config{Registry: db.Reader(sqldb.Recorded{}),
		App: app.New(db, nil), Accounts: db, Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		b.Fatal(err)
	}
	ts := httptest.NewServer(s.Handler())
	b.Cleanup(ts.Close)
	return ts, cookies
}
