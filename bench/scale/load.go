package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// The administrator bench/scale creates and signs in as.
const (
	login    = "bench"
	password = "Tai-quoc-gia-2026!"
)

// pages are the kinds of page loaded, with the URL of each ({d}: the date, {s}: the start of comparisons).
var pages = []struct{ label, path string }{
	{"dashboard, whole catalog with since", "/?ngay={d}&tu={s}"},
	{"tree", "/to-chuc?ngay={d}"},
	{"unit page, top committee (DBT)", "/don-vi/DBT?ngay={d}"},
	{"unit page, district committee (HUH00)", "/don-vi/HUH00?ngay={d}"},
	{"person page", "/nhan-su/P000100?ngay={d}"},
	{"people list, page 1", "/nhan-su?ngay={d}"},
	{"people search, page 3", "/nhan-su?ngay={d}&q=nguyen+lan&trang=3"},
	{"drill-down party.members, one district (H00)", "/chi-tieu/party.members?ngay={d}&pham_vi=H00"},
	{"compare", "/so-sanh?tu={s}&den={d}"},
	{"audit log", "/nhat-ky"},
}

// loadStep starts `tochuc serve`, signs in, and loads each page, then the
// same bytes from a minimal handler, sampling the server's memory.
func loadStep(ctx context.Context, c config, t *table, bin, dsn string) error {
	addr, err := freeAddr()
	if err != nil {
		return err
	}
	srv := exec.CommandContext(ctx, bin, "serve", "--addr", addr)
	srv.Env = append(os.Environ(), "TOCHUC_DB="+dsn, "TOCHUC_USER=bench")
	logf, err := os.CreateTemp("", "tochuc-scale-serve-*.log")
	if err != nil {
		return err
	}
	defer logf.Close()
	srv.Stdout, srv.Stderr = logf, logf
	if err := srv.Start(); err != nil {
		return err
	}
	defer func() { srv.Process.Signal(os.Interrupt); srv.Wait() }()
	base := "http://" + addr
	if err := waitReady(base); err != nil {
		return fmt.Errorf("%w (log: %s)", err, logf.Name())
	}
	mem := watch(srv.Process.Pid)
	defer mem.stop()
	idle, _ := status(srv.Process.Pid)
	cookie, err := signIn(base)
	if err != nil {
		return err
	}
	t.section("Pages: %d clients, %s each, `tochuc serve` (pid %d) against a minimal Go handler serving the same bytes (RSS idle %s)",
		c.clients, c.duration, srv.Process.Pid, mib(idle.rss))
	t.cols("page", "bytes", "first", "p50", "p99", "req/s", "errors", "baseline req/s", "ratio", "server RSS peak so far")
	r := strings.NewReplacer("{d}", c.asOf, "{s}", c.since)
	for _, p := range pages {
		path := r.Replace(p.path)
		log.Printf("page %s", path)
		start := time.Now()
		body, code, err := get(base+path, cookie)
		first := time.Since(start)
		if err != nil || code != http.StatusOK {
			t.cols(p.label+" `"+path+"`", "—", secs(first), "—", "—", "—", fmt.Sprintf("%d %v", code, err), "—", "—", "—")
			continue
		}
		app := hammer(base+path, cookie, c)
		raw := minimal(body, path, c)
		st, _ := status(srv.Process.Pid)
		t.cols(p.label+" `"+path+"`", thousands(len(body)), secs(first), ms(app.p(50)), "**"+ms(app.p(99))+"**",
			fmt.Sprintf("%.1f", app.rate), strconv.Itoa(app.errors), fmt.Sprintf("%.0f", raw.rate),
			fmt.Sprintf("%.4f", app.rate/raw.rate), mib(max(st.hwm, mem.peak.Load())))
	}
	st, _ := status(srv.Process.Pid)
	t.row("server peak RSS (VmHWM)", "**"+mib(max(st.hwm, mem.peak.Load()))+"**", "after every page's load; RSS now "+mib(st.rss))
	return nil
}

// freeAddr returns a local address no one listens on.
func freeAddr() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer ln.Close()
	return ln.Addr().String(), nil
}

// waitReady waits for the server to answer.
func waitReady(base string) error {
	for range 600 {
		if resp, err := http.Get(base + "/healthz"); err == nil {
			resp.Body.Close()
			return nil
		}
		time.Sleep(100 * time.Millisecond)
	}
	return errors.New("tochuc serve did not start")
}

// signIn posts the sign-in form and returns the session cookie.
func signIn(base string) (*http.Cookie, error) {
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.PostForm(base+"/dang-nhap", url.Values{"ten_dang_nhap": {login}, "mat_khau": {password}})
	if err != nil {
		return nil, err
	}
	resp.Body.Close()
	for _, c := range resp.Cookies() {
		if c.Name == "tochuc_phien" && c.Value != "" {
			return c, nil
		}
	}
	return nil, fmt.Errorf("sign-in refused: %s", resp.Status)
}

// get fetches a page once.
func get(u string, cookie *http.Cookie) ([]byte, int, error) {
	req, _ := http.NewRequest("GET", u, nil)
	req.AddCookie(cookie)
	resp, err := (&http.Client{Timeout: 5 * time.Minute}).Do(req)
	if err != nil {
		return nil, 0, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	return body, resp.StatusCode, err
}

// loadResult is what a load measured.
type loadResult struct {
	lat    []time.Duration // sorted
	rate   float64
	errors int
}

// p returns a percentile of the latencies.
func (l loadResult) p(q int) time.Duration {
	if len(l.lat) == 0 {
		return 0
	}
	return l.lat[min(len(l.lat)-1, len(l.lat)*q/100)]
}

// hammer runs the clients against u for c.duration; every request counts in
// the latencies, an answer other than 200 (or none) also as an error.
func hammer(u string, cookie *http.Cookie, c config) loadResult {
	tr := &http.Transport{MaxIdleConnsPerHost: c.clients}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr, Timeout: 2 * time.Minute}
	var mu sync.Mutex
	var out loadResult
	deadline := time.Now().Add(c.duration)
	start := time.Now()
	var wg sync.WaitGroup
	for range c.clients {
		wg.Go(func() {
			var mine []time.Duration
			errs := 0
			for time.Now().Before(deadline) {
				req, _ := http.NewRequest("GET", u, nil)
				if cookie != nil {
					req.AddCookie(cookie)
				}
				t0 := time.Now()
				resp, err := client.Do(req)
				if err == nil {
					_, err = io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					if resp.StatusCode != http.StatusOK {
						errs++
					}
				}
				if err != nil {
					errs++
				}
				mine = append(mine, time.Since(t0))
			}
			mu.Lock()
			out.lat, out.errors = append(out.lat, mine...), out.errors+errs
			mu.Unlock()
		})
	}
	wg.Wait()
	out.rate = float64(len(out.lat)-out.errors) / time.Since(start).Seconds()
	slices.Sort(out.lat)
	return out
}

// minimal serves body from memory and loads it like the page.
func minimal(body []byte, path string, c config) loadResult {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return loadResult{}
	}
	hs := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(body)
	})}
	go hs.Serve(ln)
	defer hs.Close()
	return hammer("http://"+ln.Addr().String()+path, nil, c)
}

// memory samples a process's resident memory.
type memory struct {
	peak atomic.Int64
	done chan struct{}
	wg   sync.WaitGroup
}

// watch samples the RSS of pid every 100 ms until stopped.
func watch(pid int) *memory {
	m := &memory{done: make(chan struct{})}
	m.wg.Go(func() {
		tick := time.NewTicker(100 * time.Millisecond)
		defer tick.Stop()
		for {
			if st, err := status(pid); err == nil && st.rss > m.peak.Load() {
				m.peak.Store(st.rss)
			}
			select {
			case <-m.done:
				return
			case <-tick.C:
			}
		}
	})
	return m
}

func (m *memory) stop() { close(m.done); m.wg.Wait() }

// procStatus is the memory /proc/PID/status tells, in bytes.
type procStatus struct{ rss, hwm int64 }

// status reads VmRSS and VmHWM of a process.
func status(pid int) (procStatus, error) {
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return procStatus{}, err
	}
	defer f.Close()
	var st procStatus
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), ":")
		if !ok {
			continue
		}
		n, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
		switch k {
		case "VmRSS":
			st.rss = n << 10
		case "VmHWM":
			st.hwm = n << 10
		}
	}
	return st, sc.Err()
}
