package web_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/sqldb/sqldbtest"
	"github.com/tochuc/tochuc/internal/web"
)

func newServer(t *testing.T) *httptest.Server {
	t.Helper()
	db := sqldbtest.Open(t)
	b := bundle.Tables{}
	b.Add("units", map[string]string{"id": "T1", "name": "Tỉnh Thử", "kind": "province", "valid_from": "2000-01-01"})
	b.Add("units", map[string]string{"id": "H1", "name": "Huyện Ánh", "kind": "district", "parent_id": "T1", "valid_from": "2000-01-01", "valid_to": "2025-07-01"})
	b.Add("units", map[string]string{"id": "H2", "name": "Huyện Bình", "kind": "district", "parent_id": "T1", "valid_from": "2000-01-01", "valid_to": "2010-01-01"})
	b.Add("units", map[string]string{"id": "H2", "name": "Thị xã Bình", "kind": "district", "parent_id": "T1", "valid_from": "2010-01-01", "valid_to": "2025-07-01"})
	rep, err := db.ImportBundle(context.Background(), b, "t", "t", bundle.Options{})
	if err != nil || !rep.OK() {
		t.Fatalf("%v %+v", err, rep)
	}
	s, err := web.New(func(ctx context.Context) web.Registry { return db.Reader(ctx, sqldb.Recorded{}) },
		slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(ts.Close)
	return ts
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'self'") {
		t.Errorf("no strict CSP on %s: %q", url, csp)
	}
	return resp.StatusCode, string(b)
}

func TestTreeFollowsDate(t *testing.T) {
	ts := newServer(t)
	_, body := get(t, ts.URL+"/don-vi/T1?ngay=2009-12-31")
	if !strings.Contains(body, "Huyện Bình") || strings.Contains(body, "Thị xã Bình") {
		t.Error("2009: want the old name of H2")
	}
	if !strings.Contains(body, "31/12/2009") {
		t.Error("date not shown as dd/mm/yyyy")
	}
	_, body = get(t, ts.URL+"/don-vi/T1?ngay=2010-01-01")
	if !strings.Contains(body, "Thị xã Bình") {
		t.Error("2010: want the new name of H2")
	}
	// Vietnamese order: Huyện Ánh before Thị xã Bình.
	if strings.Index(body, "Huyện Ánh") > strings.Index(body, "Thị xã Bình") {
		t.Error("children not in Vietnamese order")
	}
	_, body = get(t, ts.URL+"/don-vi/T1?ngay=2025-07-01")
	if strings.Contains(body, "Huyện Ánh") {
		t.Error("2025-07-01: dissolved district still listed")
	}
}

func TestErrors(t *testing.T) {
	ts := newServer(t)
	if code, body := get(t, ts.URL+"/don-vi/NOPE"); code != 404 || !strings.Contains(body, "không có đơn vị") {
		t.Errorf("unknown unit: %d", code)
	}
	if code, body := get(t, ts.URL+"/?ngay=31/02/2020"); code != 400 || !strings.Contains(body, "Ngày không hợp lệ") {
		t.Errorf("bad date: %d", code)
	}
	if code, _ := get(t, ts.URL+"/don-vi/H1?ngay=01/01/2030"); code != 200 {
		t.Errorf("dd/mm/yyyy date: %d", code)
	}
	if code, _ := get(t, ts.URL+"/healthz"); code != 200 {
		t.Errorf("healthz: %d", code)
	}
}
