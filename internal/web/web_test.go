package web_test

import (
	"net/http/cookiejar"
	"net/url"

	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/tochuc/tochuc/internal/app"
	"github.com/tochuc/tochuc/internal/auth"
	"github.com/tochuc/tochuc/internal/tochuc"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/sqldb/sqldbtest"
	"github.com/tochuc/tochuc/internal/web"
)

// testUsers are the accounts of the tests: one per role, staff limited to H1.
var testUsers = []tochuc.User{
	{Login: "admin", FullName: "Quản trị", Role: tochuc.RoleAdmin},
	{Login: "staff", FullName: "Cán bộ huyện Ánh", Role: tochuc.RoleStaff, ScopeUnitID: "H1"},
	{Login: "canbomat", FullName: "Cán bộ huyện Ánh (được xem hồ sơ mật)", Role: tochuc.RoleStaff, ScopeUnitID: "H1", Confidential: true},
	{Login: "viewer", FullName: "Người xem", Role: tochuc.RoleViewer, ScopeUnitID: tochuc.AllUnits},
	{Login: "auditor", FullName: "Kiểm tra", Role: tochuc.RoleAuditor},
}

const testPassword = "mat-khau-thu-nghiem"

// newApp serves a database holding the bundle and the test users.
func newApp(t *testing.T, b bundle.Tables) *httptest.Server {
	t.Helper()
	ts, _ := serveBundle(t, b, testUsers)
	return ts
}

// serveBundle serves a database holding the bundle and the given accounts
// (password testPassword); it returns the server and its database.
func serveBundle(t *testing.T, b bundle.Tables, users []tochuc.User) (*httptest.Server, *sqldb.DB) {
	t.Helper()
	ctx := context.Background()
	db := sqldbtest.Open(t)
	rep, err := db.ImportBundle(ctx, b, "t", "t", bundle.Options{})
	if err != nil || !rep.OK() {
		t.Fatalf("%v %+v", err, rep)
	}
	hash, err := auth.HashPassword(testPassword)
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range users {
		if _, err := db.CreateUser(ctx, u, hash); err != nil {
			t.Fatal(err)
		}
	}
	s, err := web.New(web.Config{Registry: db.Reader(sqldb.Recorded{}),
		App: app.New(db, nil), Accounts: db, Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(ts.Close)
	return ts, db
}

// client is a browser-like client signed in as login.
type client struct {
	t    *testing.T
	http *http.Client
	base string
}

func signIn(t *testing.T, ts *httptest.Server, login string) *client {
	t.Helper()
	jar, _ := cookiejar.New(nil)
	c := &client{t: t, http: &http.Client{Jar: jar}, base: ts.URL}
	resp, err := c.http.PostForm(ts.URL+"/dang-nhap", url.Values{"ten_dang_nhap": {login}, "mat_khau": {testPassword}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 || resp.Request.URL.Path != "/" {
		t.Fatalf("sign in as %s: %d at %s", login, resp.StatusCode, resp.Request.URL)
	}
	return c
}

func (c *client) get(path string) (int, string) {
	c.t.Helper()
	resp, err := c.http.Get(c.base + path)
	if err != nil {
		c.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'self'") {
		c.t.Errorf("no strict CSP on %s: %q", path, csp)
	}
	return resp.StatusCode, string(b)
}

func treeBundle() bundle.Tables {
	b := bundle.Tables{}
	b.Add("units", map[string]string{"id": "T1", "name": "Tỉnh Thử", "kind": "province", "valid_from": "2000-01-01"})
	b.Add("units", map[string]string{"id": "H1", "name": "Huyện Ánh", "kind": "district", "parent_id": "T1", "valid_from": "2000-01-01", "valid_to": "2025-07-01"})
	b.Add("units", map[string]string{"id": "H2", "name": "Huyện Bình", "kind": "district", "parent_id": "T1", "valid_from": "2000-01-01", "valid_to": "2010-01-01"})
	b.Add("units", map[string]string{"id": "H2", "name": "Thị xã Bình", "kind": "district", "parent_id": "T1", "valid_from": "2010-01-01", "valid_to": "2025-07-01"})
	return b
}

func newServer(t *testing.T) *client { return signIn(t, newApp(t, treeBundle()), "admin") }

func TestTreeFollowsDate(t *testing.T) {
	t.Parallel()
	ts := newServer(t)
	_, body := ts.get("/don-vi/T1?ngay=2009-12-31")
	if !strings.Contains(body, "Huyện Bình") || strings.Contains(body, "Thị xã Bình") {
		t.Error("2009: want the old name of H2")
	}
	if !strings.Contains(body, "31/12/2009") {
		t.Error("date not shown as dd/mm/yyyy")
	}
	_, body = ts.get("/don-vi/T1?ngay=2010-01-01")
	if !strings.Contains(body, "Thị xã Bình") {
		t.Error("2010: want the new name of H2")
	}
	// Vietnamese order: Huyện Ánh before Thị xã Bình.
	if strings.Index(body, "Huyện Ánh") > strings.Index(body, "Thị xã Bình") {
		t.Error("children not in Vietnamese order")
	}
	_, body = ts.get("/don-vi/T1?ngay=2025-07-01")
	if strings.Contains(body, "Huyện Ánh") {
		t.Error("2025-07-01: dissolved district still listed")
	}
}

func TestErrors(t *testing.T) {
	t.Parallel()
	ts := newServer(t)
	if code, body := ts.get("/don-vi/NOPE"); code != 404 || !strings.Contains(body, "không có đơn vị") {
		t.Errorf("unknown unit: %d", code)
	}
	if code, body := ts.get("/?ngay=31/02/2020"); code != 400 || !strings.Contains(body, "Ngày không hợp lệ") {
		t.Errorf("bad date: %d", code)
	}
	if code, _ := ts.get("/don-vi/H1?ngay=01/01/2030"); code != 200 {
		t.Errorf("dd/mm/yyyy date: %d", code)
	}
	if code, _ := ts.get("/healthz"); code != 200 {
		t.Errorf("healthz: %d", code)
	}
}

func richBundle() bundle.Tables {
	b := treeBundle()
	b.Add("units", map[string]string{"id": "X1", "name": "Xã Một", "kind": "commune", "parent_id": "H1", "valid_from": "2000-01-01"})
	b.Add("units", map[string]string{"id": "D1", "name": "Đảng bộ xã Một", "kind": "party_grassroots_committee", "locality_id": "X1", "valid_from": "2000-01-01"})
	b.Add("units", map[string]string{"id": "X2", "name": "Xã Hai", "kind": "commune", "parent_id": "H2", "valid_from": "2000-01-01"})
	b.Add("units", map[string]string{"id": "U2", "name": "UBND xã Hai", "kind": "people_committee", "locality_id": "X2", "valid_from": "2000-01-01"})
	b.Add("people", map[string]string{"id": "P1", "full_name": "Trần Văn Bình", "gender": "male", "birth_date": "1970-03-04"})
	b.Add("people", map[string]string{"id": "P2", "full_name": "Nguyễn Thị Ánh", "gender": "female"})
	b.Add("people", map[string]string{"id": "P3", "full_name": "Đỗ Văn Đạt", "gender": "male", "died_on": "2020-01-01"})
	b.Add("qualifications", map[string]string{"person_id": "P1", "kind": "education", "level": "university", "obtained_on": "2010-06-01"})
	b.Add("party", map[string]string{"person_id": "P1", "event": "admitted", "date": "2005-01-01", "unit_id": "D1"})
	b.Add("party", map[string]string{"person_id": "P1", "event": "recognized", "date": "2006-01-01"})
	b.Add("assignments", map[string]string{"person_id": "P1", "unit_id": "D1", "role": "secretary", "valid_from": "2015-01-01", "how": "elected"})
	b.Add("assignments", map[string]string{"person_id": "P2", "unit_id": "U2", "role": "chair", "valid_from": "2015-01-01", "how": "elected"})
	b.Add("assignments", map[string]string{"person_id": "P3", "unit_id": "U2", "role": "vice_chair", "valid_from": "2015-01-01", "valid_to": "2020-01-01"})
	return b
}

func newRichServer(t *testing.T) *client { return signIn(t, newApp(t, richBundle()), "admin") }

func TestPeopleList(t *testing.T) {
	t.Parallel()
	ts := newRichServer(t)
	_, body := ts.get("/nhan-su?ngay=2021-01-01")
	a, b, d := strings.Index(body, "Nguyễn Thị Ánh"), strings.Index(body, "Trần Văn Bình"), strings.Index(body, "Đỗ Văn Đạt")
	if a < 0 || b < 0 || d < 0 || !(a < b && b < d) {
		t.Errorf("not sorted by given name (Ánh, Bình, Đạt): %d %d %d", a, b, d)
	}
	_, body = ts.get("/nhan-su?ngay=2021-01-01&q=tran+van+binh")
	if !strings.Contains(body, "Trần Văn Bình") || strings.Contains(body, "Nguyễn Thị Ánh") {
		t.Error("search without diacritics")
	}
	_, body = ts.get("/nhan-su?ngay=2021-01-01&trang=9")
	if !strings.Contains(body, "Trang 9/1") || strings.Contains(body, "Trần Văn Bình") || !strings.Contains(body, "Không còn dòng nào ở trang 9") {
		t.Error("a page past the end must be empty and say so (it showed the last page before issue 11)")
	}
	_, body = ts.get("/nhan-su?ngay=2021-01-01&con_song=1")
	if strings.Contains(body, "Đỗ Văn Đạt") {
		t.Error("a dead person listed among the living")
	}
}

func TestPersonPage(t *testing.T) {
	t.Parallel()
	ts := newRichServer(t)
	_, body := ts.get("/nhan-su/P1?ngay=2009-12-31")
	if strings.Contains(body, "Đại học") || !strings.Contains(body, "Chính thức") {
		t.Error("2009: degree obtained later shown, or membership missing")
	}
	_, body = ts.get("/nhan-su/P1?ngay=2016-01-01")
	if !strings.Contains(body, "Đại học") || !strings.Contains(body, "Bí thư") {
		t.Error("2016: degree or post missing")
	}
	_, body = ts.get("/don-vi/D1?ngay=2016-01-01")
	if !strings.Contains(body, "Trần Văn Bình") || !strings.Contains(body, "Đảng viên sinh hoạt (1)") {
		t.Error("unit page: holder or members missing")
	}
}

func TestCompare(t *testing.T) {
	t.Parallel()
	ts := newServer(t)
	code, body := ts.get("/so-sanh?tu=2009-06-01&den=2025-07-01")
	if code != 200 {
		t.Fatalf("compare: %d", code)
	}
	// H1 and H2 ended on 2025-07-01; H2 was renamed on 2010-01-01 (and then ended: not renamed in the span's ends).
	if !strings.Contains(body, `data-k="ended">2<`) || !strings.Contains(body, `data-k="created">0<`) {
		t.Errorf("units ended/created wrong:\n%s", body)
	}
	_, body = ts.get("/so-sanh?tu=2009-06-01&den=2011-01-01")
	if !strings.Contains(body, `data-k="renamed">1<`) || !strings.Contains(body, "Huyện Bình → ") {
		t.Error("rename not shown")
	}
	if code, _ := ts.get("/so-sanh?tu=2011-01-01&den=2009-01-01"); code != 400 {
		t.Errorf("reversed dates: %d", code)
	}
}

// postJSON posts a JSON body as the signed-in user.
func (c *client) postJSON(path, body string) (int, string) {
	c.t.Helper()
	resp, err := c.http.Post(c.base+path, "application/json", strings.NewReader(body))
	if err != nil {
		c.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}
