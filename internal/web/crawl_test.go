package web_test

import (
	"context"
	"html"
	"io"
	"log/slog"
	"net/http/httptest"
	"net/url"
	"regexp"
	"slices"
	"strings"
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

// demoUsers are the accounts of `serve --demo` (cmd/tochuc/demo_source.go):
// one per role, staff of the old province and of Lục Nam, a viewer of the
// new Bắc Ninh.
var demoUsers = []tochuc.User{
	{Login: "quantri", FullName: "Quản trị hệ thống", Role: tochuc.RoleAdmin},
	{Login: "canbo", FullName: "Cán bộ Ban Tổ chức Tỉnh ủy Bắc Giang", Role: tochuc.RoleStaff, ScopeUnitID: vnadmin.OldID("24"), Confidential: true},
	{Login: "canbohuyen", FullName: "Cán bộ Ban Tổ chức Huyện ủy Lục Nam", Role: tochuc.RoleStaff, ScopeUnitID: vnadmin.OldID("218")},
	{Login: "nguoixem", FullName: "Người xem (Tỉnh Bắc Ninh mới)", Role: tochuc.RoleViewer, ScopeUnitID: vnadmin.NewID("24")},
	{Login: "kiemtra", FullName: "Kiểm tra viên", Role: tochuc.RoleAuditor},
}

// crawlBound is the number of pages fetched per role.
const crawlBound = 400

// newDemoApp serves the demo province (seed 1) with the demo accounts.
func newDemoApp(t *testing.T) *httptest.Server {
	t.Helper()
	ctx := context.Background()
	tables, err := demo.Build(1)
	if err != nil {
		t.Fatal(err)
	}
	db := sqldbtest.Open(t)
	if rep, err := db.ImportBundle(ctx, tables, "t", "demo", bundle.Options{}); err != nil || !rep.OK() {
		t.Fatalf("import: %v %+v", err, rep)
	}
	hash, err := auth.HashPassword(testPassword)
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range demoUsers {
		if _, err := db.CreateUser(ctx, u, hash); err != nil {
			t.Fatal(err)
		}
	}
	s, err := web.New(web.Config{App: app.New(db, nil), Registry: db.Reader(sqldb.Recorded{}),
		Accounts: db, Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(ts.Close)
	return ts
}

var hrefRe = regexp.MustCompile(`href="([^"]*)"`)

// skipped are links the crawl does not follow: downloads of whole files.
func skipped(u *url.URL) bool {
	return u.Path == "/xuat" || u.Query().Get("dang") != "" || strings.HasPrefix(u.Path, "/static/")
}

// TestDemoApp runs the app on the demo province (one import): links to ids
// holding a "/", the tree of each role, and a crawl of each role.
func TestDemoApp(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("imports the demo province")
	}
	ts := newDemoApp(t)
	t.Run("links", func(t *testing.T) { checkEscapedLinks(t, ts) })
	t.Run("tree", func(t *testing.T) { checkDemoTree(t, ts) })
	t.Run("crawl", func(t *testing.T) { crawlDemo(t, ts) })
}

// checkEscapedLinks: an id with a "/" is one escaped segment, also before /truc-thuoc.
func checkEscapedLinks(t *testing.T, ts *httptest.Server) {
	admin := signIn(t, ts, "quantri")
	for path, want := range map[string]string{
		"/don-vi/VN1-07444%2FDU?ngay=2018-12-31":                             "Đảng bộ",
		"/don-vi/VN1-07444%2FDU/truc-thuoc?ngay=2018-12-31":                  `"parent_id": "VN1-07444/DU"`,
		"/api/v1/units/VN1-07444%2FDU/children?ngay=2018-12-31":              `"parent_id": "VN1-07444/DU"`,
		"/chi-tieu/key_cadres.commune.count?ngay=2018-12-31&pham_vi=VN1-218": "Cán bộ chủ chốt",
	} {
		if status, _, body := admin.fetch(path); status != 200 || !strings.Contains(body, want) {
			t.Errorf("%s: %d, want 200 with %q", path, status, want)
		}
	}
}

// crawlDemo signs in as each demo role and follows every same-site link
// breadth-first from the dashboard, today and on 2018-12-31, up to
// crawlBound pages: no link may lead to an error (a 404, a 5xx, or a 403 the
// page should not have offered), and no page may show a raw vocabulary code
// or an English message in its visible text (rawCodes).
func crawlDemo(t *testing.T, ts *httptest.Server) {
	for _, u := range demoUsers {
		t.Run(u.Login, func(t *testing.T) {
			c := signIn(t, ts, u.Login)
			start := time.Now()
			base, _ := url.Parse(ts.URL)
			type visit struct{ path, from string }
			queue := []visit{{"/", ""}, {"/?ngay=2018-12-31", ""}}
			seen := map[string]bool{"/": true, "/?ngay=2018-12-31": true}
			broken, coded := 0, 0
			kinds := map[string]int{}
			fetched := 0
			for len(queue) > 0 && fetched < crawlBound {
				v := queue[0]
				queue = queue[1:]
				fetched++
				status, ctype, body := c.fetch(v.path)
				if status >= 400 {
					broken++
					if broken <= 20 {
						t.Errorf("%d at %s (linked from %s)", status, v.path, v.from)
					}
					continue
				}
				if !strings.HasPrefix(ctype, "text/html") {
					continue
				}
				if codes := rawCodes(body); len(codes) > 0 {
					coded++
					if coded <= 30 {
						t.Errorf("raw codes on %s: %s", v.path, strings.Join(codes, ", "))
					}
				}
				page, _ := url.Parse(v.path)
				for _, m := range hrefRe.FindAllStringSubmatch(body, -1) {
					ref, err := url.Parse(html.UnescapeString(m[1]))
					if err != nil {
						t.Errorf("bad link %q on %s", m[1], v.path)
						continue
					}
					abs := base.ResolveReference(page.ResolveReference(ref))
					if abs.Host != base.Host || skipped(abs) {
						continue
					}
					abs.Fragment = ""
					key := abs.RequestURI()
					if !seen[key] {
						seen[key] = true
						if k := pageKind(abs); kinds[k] < perKind {
							kinds[k]++
							queue = append(queue, visit{key, v.path})
						}
					}
				}
			}
			if broken > 0 {
				t.Errorf("%d broken links of %d pages", broken, fetched)
			}
			if coded > 0 {
				t.Errorf("%d of %d pages show raw codes", coded, fetched)
			}
			t.Logf("%d pages in %v, %d links seen", fetched, time.Since(start).Round(time.Millisecond), len(seen))
		})
	}
}

// perKind is the most pages of one kind (pageKind) the crawl fetches, so
// that its bound reaches every kind of page rather than the first hundreds
// of people.
const perKind = 25

// pageKind is a page's route and the names of its parameters: /nhan-su/P1
// and /nhan-su/P2?ngay=… are the same kind, /nhan-su?q= another.
func pageKind(u *url.URL) string {
	segs := strings.Split(strings.Trim(u.EscapedPath(), "/"), "/")
	kind := segs[0]
	if len(segs) > 1 {
		kind += "/*"
		if len(segs) > 2 {
			kind += "/" + strings.Join(segs[2:], "/")
		}
	}
	var names []string
	for k := range u.Query() {
		names = append(names, k)
	}
	slices.Sort(names)
	return kind + "?" + strings.Join(names, "&")
}

// fetch gets a page without failing the test on a status.
func (c *client) fetch(path string) (int, string, string) {
	c.t.Helper()
	resp, err := c.http.Get(c.base + path)
	if err != nil {
		c.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header.Get("Content-Type"), string(b)
}
