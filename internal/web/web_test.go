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

func newRichServer(t *testing.T) *httptest.Server {
	t.Helper()
	db := sqldbtest.Open(t)
	b := bundle.Tables{}
	b.Add("units", map[string]string{"id": "X1", "name": "Xã Một", "kind": "commune", "valid_from": "2000-01-01"})
	b.Add("units", map[string]string{"id": "D1", "name": "Đảng bộ xã Một", "kind": "party_grassroots_committee", "locality_id": "X1", "valid_from": "2000-01-01"})
	b.Add("people", map[string]string{"id": "P1", "full_name": "Trần Văn Bình", "gender": "male", "birth_date": "1970-03-04"})
	b.Add("people", map[string]string{"id": "P2", "full_name": "Nguyễn Thị Ánh", "gender": "female"})
	b.Add("people", map[string]string{"id": "P3", "full_name": "Đỗ Văn Đạt", "gender": "male", "died_on": "2020-01-01"})
	b.Add("qualifications", map[string]string{"person_id": "P1", "kind": "education", "level": "university", "obtained_on": "2010-06-01"})
	b.Add("party", map[string]string{"person_id": "P1", "event": "admitted", "date": "2005-01-01", "unit_id": "D1"})
	b.Add("party", map[string]string{"person_id": "P1", "event": "recognized", "date": "2006-01-01"})
	b.Add("assignments", map[string]string{"person_id": "P1", "unit_id": "D1", "role": "secretary", "valid_from": "2015-01-01", "how": "elected"})
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

func TestPeopleList(t *testing.T) {
	ts := newRichServer(t)
	_, body := get(t, ts.URL+"/nhan-su?ngay=2021-01-01")
	a, b, d := strings.Index(body, "Nguyễn Thị Ánh"), strings.Index(body, "Trần Văn Bình"), strings.Index(body, "Đỗ Văn Đạt")
	if a < 0 || b < 0 || d < 0 || !(a < b && b < d) {
		t.Errorf("not sorted by given name (Ánh, Bình, Đạt): %d %d %d", a, b, d)
	}
	_, body = get(t, ts.URL+"/nhan-su?ngay=2021-01-01&q=tran+van+binh")
	if !strings.Contains(body, "Trần Văn Bình") || strings.Contains(body, "Nguyễn Thị Ánh") {
		t.Error("search without diacritics")
	}
	_, body = get(t, ts.URL+"/nhan-su?ngay=2021-01-01&con_song=1")
	if strings.Contains(body, "Đỗ Văn Đạt") {
		t.Error("a dead person listed among the living")
	}
}

func TestPersonPage(t *testing.T) {
	ts := newRichServer(t)
	_, body := get(t, ts.URL+"/nhan-su/P1?ngay=2009-12-31")
	if strings.Contains(body, "Đại học") || !strings.Contains(body, "Chính thức") {
		t.Error("2009: degree obtained later shown, or membership missing")
	}
	_, body = get(t, ts.URL+"/nhan-su/P1?ngay=2016-01-01")
	if !strings.Contains(body, "Đại học") || !strings.Contains(body, "Bí thư") {
		t.Error("2016: degree or post missing")
	}
	_, body = get(t, ts.URL+"/don-vi/D1?ngay=2016-01-01")
	if !strings.Contains(body, "Trần Văn Bình") || !strings.Contains(body, "Đảng viên sinh hoạt (1)") {
		t.Error("unit page: holder or members missing")
	}
}

func TestCompare(t *testing.T) {
	ts := newServer(t)
	code, body := get(t, ts.URL+"/so-sanh?tu=2009-06-01&den=2025-07-01")
	if code != 200 {
		t.Fatalf("compare: %d", code)
	}
	// H1 and H2 ended on 2025-07-01; H2 was renamed on 2010-01-01 (and then ended: not renamed in the span's ends).
	if !strings.Contains(body, `data-k="ended">2<`) || !strings.Contains(body, `data-k="created">0<`) {
		t.Errorf("units ended/created wrong:\n%s", body)
	}
	_, body = get(t, ts.URL+"/so-sanh?tu=2009-06-01&den=2011-01-01")
	if !strings.Contains(body, `data-k="renamed">1<`) || !strings.Contains(body, "Huyện Bình → ") {
		t.Error("rename not shown")
	}
	if code, _ := get(t, ts.URL+"/so-sanh?tu=2011-01-01&den=2009-01-01"); code != 400 {
		t.Errorf("reversed dates: %d", code)
	}
}
