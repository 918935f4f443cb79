package main

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/web"
)

// configLines runs tochuc config with args and returns its lines by their
// first column.
func configLines(t *testing.T, args ...string) map[string]string {
	t.Helper()
	var out, errb bytes.Buffer
	if err := run(context.Background(), append([]string{"config"}, args...), &out, &errb); err != nil {
		t.Fatalf("config %v: %v\n%s", args, err, errb.String())
	}
	cols := regexp.MustCompile(`\s{2,}`)
	lines := map[string]string{}
	for _, l := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		f := cols.Split(strings.TrimSpace(l), 2)
		if len(f) != 2 {
			t.Fatalf("config line %q", l)
		}
		lines[f[0]] = f[1]
	}
	return lines
}

// TestConfigPrintsServe: config prints the values serve runs with, for the
// same flags: both parse them with serveConfig, and serve hands them to the
// web app and the listener.
func TestConfigPrintsServe(t *testing.T) {
	t.Parallel()
	db, err := sqldb.Open(context.Background(), filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, args := range [][]string{
		{"--db", "x.db", "--user", "kiem-thu"},
		{"--db", "postgres://tochuc:bi-mat@db.example/tochuc", "--user", "ai", "--addr", "0.0.0.0:9000",
			"--request-timeout", "45s", "--secure-cookies", "--demo", "--db-conns", "8", "--trusted-proxies", "10.0.0.0/24, 192.0.2.7"},
	} {
		e := &env{stdout: &bytes.Buffer{}, stderr: &bytes.Buffer{}}
		c, err := serveConfig(e, "serve", "", args)
		if err != nil {
			t.Fatal(err)
		}
		wc := c.web(db, nil)
		if want, _ := parseProxies(c.TrustedProxies); fmt.Sprint(wc.TrustedProxies) != fmt.Sprint(want) {
			t.Errorf("%v: trusted proxies %v", args, wc.TrustedProxies)
		}
		if wc.RequestTimeout != c.RequestTimeout || wc.SecureCookies != c.SecureCookies {
			t.Errorf("%v: web.Config %v %v, Config %v %v", args, wc.RequestTimeout, wc.SecureCookies, c.RequestTimeout, c.SecureCookies)
		}
		got := configLines(t, args...)
		for key, want := range map[string]string{
			"db":                      sqldb.Redact(c.DB),
			"user":                    c.User,
			"serve --addr":            c.Addr,
			"serve --request-timeout": c.RequestTimeout.String(),
			"serve --secure-cookies":  map[bool]string{true: "true", false: "false"}[c.SecureCookies],
			"serve --demo":            map[bool]string{true: "true", false: "false"}[c.Demo],
			"serve --db-conns":        strconv.Itoa(c.DBConns),
			"serve --trusted-proxies": c.TrustedProxies,
			"tải xuống, tải lên":      "tối đa " + durationVi(c.ExportTimeout),
			"phiên đăng nhập":         durationVi(c.SessionIdle) + " không hoạt động, tối đa " + durationVi(c.SessionMaxAge),
			"xóa phiên đã hết":        "mỗi " + durationVi(c.PurgeEvery),
		} {
			if !strings.HasPrefix(got[key], want) {
				t.Errorf("%v: config prints %s = %q, serve uses %q", args, key, got[key], want)
			}
		}
	}
}

// TestConfigDefaults: the defaults are the values the packages define, and
// config says which values are defaults.
func TestConfigDefaults(t *testing.T) {
	t.Parallel()
	c := defaultConfig()
	if c.Addr != "localhost:8080" || c.RequestTimeout != web.DefaultRequestTimeout || c.ExportTimeout != web.ExportTimeout ||
		c.SessionIdle != web.SessionTTL || c.SessionMaxAge != sqldb.SessionMaxAge || c.PurgeEvery != purgeEvery || c.Demo || c.SecureCookies {
		t.Errorf("defaults %+v", c)
	}
	got := configLines(t, "--db", "x.db", "--addr", ":9000")
	if got["serve --addr"] != ":9000" || !regexp.MustCompile(`^30s\s+\(mặc định\)$`).MatchString(got["serve --request-timeout"]) {
		t.Errorf("default marks: %q", got)
	}
	if got["phiên đăng nhập"] != "2 giờ không hoạt động, tối đa 12 giờ" {
		t.Errorf("sessions: %q", got["phiên đăng nhập"])
	}
	for d, want := range map[time.Duration]string{
		0: "0s", 45 * time.Second: "45 giây", 90 * time.Minute: "1 giờ 30 phút", 1500 * time.Millisecond: "1 giây 500ms",
	} {
		if got := durationVi(d); got != want {
			t.Errorf("durationVi(%v) = %q, want %q", d, got, want)
		}
	}
}
