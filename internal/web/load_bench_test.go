package web_test

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
	"github.com/tochuc/tochuc/internal/web"
)

// loadClients is the number of concurrent clients of the load benchmark.
const loadClients = 50

// BenchmarkLoad serves pages of a province to 50 concurrent clients for a few
// seconds each and reports p50/p99 latency and throughput, against a minimal
// handler that serves the same bytes from memory, measured in the same run.
func BenchmarkLoad(b *testing.B) {
	ts, cookie := loadServer(b)
	for _, path := range []string{"/nhan-su?ngay=2018-12-31", "/nhan-su?ngay=2018-12-31&q=nguyen+van&trang=3",
		"/?ngay=2018-12-31&tu=2018-05-30&pham_vi=VN1-24"} {
		b.Run(path, func(b *testing.B) {
			body := fetch(b, ts.URL+path, cookie)
			raw := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "text/html; charset=utf-8")
				w.Write(body)
			}))
			defer raw.Close()
			appLat, appRate := hammer(b, ts.URL+path, cookie)
			rawLat, rawRate := hammer(b, raw.URL+path, nil)
			b.ReportMetric(float64(percentile(appLat, 50).Microseconds())/1000, "p50-ms")
			b.ReportMetric(float64(percentile(appLat, 99).Microseconds())/1000, "p99-ms")
			b.ReportMetric(appRate, "req/s")
			b.ReportMetric(rawRate, "raw-req/s")
			b.ReportMetric(appRate/rawRate, "ratio")
			b.ReportMetric(float64(percentile(rawLat, 99).Microseconds())/1000, "raw-p99-ms")
			b.ReportMetric(float64(len(body)), "bytes")
			b.ReportMetric(0, "ns/op")
		})
	}
}

// loadDuration is how long each side of the benchmark is loaded.
func loadDuration() time.Duration {
	if d, err := time.ParseDuration(os.Getenv("TOCHUC_LOAD_DURATION")); err == nil {
		return d
	}
	return 5 * time.Second
}

// hammer runs the clients against url for loadDuration and returns every latency and the rate.
func hammer(b *testing.B, url string, cookie *http.Cookie) ([]time.Duration, float64) {
	tr := &http.Transport{MaxIdleConnsPerHost: loadClients}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr, Timeout: 10 * time.Second}
	var mu sync.Mutex
	var all []time.Duration
	deadline := time.Now().Add(loadDuration())
	start := time.Now()
	var wg sync.WaitGroup
	for range loadClients {
		wg.Add(1)
		go func() {
			defer wg.Done()
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
		}()
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

func fetch(b *testing.B, url string, cookie *http.Cookie) []byte {
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

// loadServer serves the demo province (40,000 people) and signs in an administrator.
func loadServer(b *testing.B) (*httptest.Server, *http.Cookie) {
	ctx := context.Background()
	db := sqldbtest.Open(b)
	src, err := demo.Build(1)
	if err != nil {
		b.Fatal(err)
	}
	if rep, err := db.ImportBundle(ctx, src, "bench", "bench", bundle.Options{}); err != nil || !rep.OK() {
		b.Fatalf("import: %v", err)
	}
	hash, _ := auth.HashPassword(testPassword)
	u, err := db.CreateUser(ctx, tochuc.User{Login: "admin", FullName: "Quản trị", Role: tochuc.RoleAdmin}, hash)
	if err != nil {
		b.Fatal(err)
	}
	token, err := (auth.Tokens{Store: db}).CreateSession(ctx, u.ID, time.Hour, "127.0.0.1", "bench")
	if err != nil {
		b.Fatal(err)
	}
	s, err := web.New(web.Config{Registry: db.Reader(sqldb.Recorded{}),
		App: app.New(db, nil), Accounts: db, Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		b.Fatal(err)
	}
	ts := httptest.NewServer(s.Handler())
	b.Cleanup(ts.Close)
	return ts, &http.Cookie{Name: "tochuc_phien", Value: token}
}
