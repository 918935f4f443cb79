// Package e2e drives the web app in a real headless Chromium (chromedp).
// Without a browser the tests skip, unless TOCHUC_E2E is set (as in CI): then
// a missing browser is a failure.
package e2e

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/tochuc/tochuc/internal/app"
	"github.com/tochuc/tochuc/internal/auth"
	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/bundle/container"
	"github.com/tochuc/tochuc/internal/demo"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/sqldb/sqldbtest"
	"github.com/tochuc/tochuc/internal/tochuc"
	"github.com/tochuc/tochuc/internal/vnadmin"
	"github.com/tochuc/tochuc/internal/web"
)

// browser returns a chromedp context on a fresh headless Chromium.
func browser(t *testing.T) context.Context {
	t.Helper()
	path := ""
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			path = p
			break
		}
	}
	if path == "" {
		if os.Getenv("TOCHUC_E2E") != "" {
			t.Fatal("TOCHUC_E2E is set but no Chromium was found (apt-get install chromium)")
		}
		t.Skip("no Chromium; set TOCHUC_E2E=1 to make this a failure")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path), chromedp.NoSandbox, chromedp.Headless, chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("disable-quic", true),
		chromedp.UserDataDir(t.TempDir()))
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancel)
	ctx, cancel2 := chromedp.NewContext(actx)
	t.Cleanup(cancel2)
	ctx, cancel3 := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(cancel3)
	return ctx
}

// serveVietnam serves the real administrative units of Vietnam.
func serveVietnam(t *testing.T) string {
	t.Helper()
	db := sqldbtest.Open(t)
	vn, err := vnadmin.Bundle()
	if err != nil {
		t.Fatal(err)
	}
	rep, err := db.ImportBundle(context.Background(), bundle.Tables{"units": vn.Units, "restructure": vn.Restructure,
		"documents": vn.Documents}, "e2e", "e2e", bundle.Options{})
	if err != nil || !rep.OK() {
		t.Fatalf("import: %v", err)
	}
	return serveDB(t, db, []tochuc.User{
		{Login: "quantri", FullName: "Quản trị", Role: tochuc.RoleAdmin},
		{Login: "canbo", FullName: "Cán bộ Bắc Giang", Role: tochuc.RoleStaff, ScopeUnitID: vnadmin.OldID("24")},
	})
}

// serveDemo serves the demo province (seed 1) to its administrator quantri.
func serveDemo(t *testing.T) string {
	t.Helper()
	db := sqldbtest.Open(t)
	tables, err := demo.Build(1)
	if err != nil {
		t.Fatal(err)
	}
	if rep, err := db.ImportBundle(context.Background(), tables, "e2e", "demo", bundle.Options{}); err != nil || !rep.OK() {
		t.Fatalf("demo import: %v", err)
	}
	return serveDB(t, db, []tochuc.User{{Login: "quantri", FullName: "Quản trị", Role: tochuc.RoleAdmin}})
}

// serveDB serves a database with the given accounts (password: password).
func serveDB(t *testing.T, db *sqldb.DB, users []tochuc.User) string {
	t.Helper()
	hash, err := auth.HashPassword(password)
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range users {
		if _, err := db.CreateUser(context.Background(), u, hash); err != nil {
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
	return ts.URL
}

// text reads the text of the first element matching a CSS selector.
func text(t *testing.T, ctx context.Context, css string) string {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(css)))
	if err != nil {
		t.Fatalf("text of %s: %v", css, err)
	}
	return strings.TrimSpace(v)
}

// follow runs an action that loads another page (a click on a link, a
// submitted form) and waits until the new document has replaced the old one
// and shows ready: waiting only for an element would find it on the old page
// when both pages have it, and the next read would race the navigation.
func follow(action, ready chromedp.Action[chromedp.Void]) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		if _, err := chromedp.Evaluate[bool](`window.e2eOld = true`)(ctx, t); err != nil {
			return err
		}
		// A submit done in the page's script can lose its reply with the
		// page it navigates away from: its error counts only if the page
		// does not change.
		_, actErr := action(ctx, t)
		wait, cancel := context.WithTimeout(ctx, 15*time.Second)
		defer cancel()
		// Evaluated again until true: an evaluation in the page being left
		// fails with its context, and is asked again in the new one.
		for {
			fresh, err := chromedp.Evaluate[bool](`window.e2eOld === undefined && document.readyState === "complete"`)(ctx, t)
			if err == nil && fresh {
				break
			}
			select {
			case <-wait.Done():
				if actErr != nil {
					return actErr
				}
				return fmt.Errorf("the page did not change: %w (last: %v)", wait.Err(), err)
			case <-time.After(20 * time.Millisecond):
			}
		}
		_, err := ready(ctx, t)
		return err
	})
}

// setDate picks a date in the "Xem theo ngày" control and submits it.
func setDate(t *testing.T, ctx context.Context, iso string) {
	t.Helper()
	err := chromedp.Do(ctx,
		chromedp.SetValue(chromedp.ID("ngay"), iso),
		follow(chromedp.Submit(chromedp.CSS("form.date")), chromedp.WaitVisible(chromedp.ID("shown-date"))),
	)
	if err != nil {
		t.Fatalf("set date %s: %v", iso, err)
	}
}

const password = "mat-khau-e2e-2026"

// signIn fills the login form in the browser.
func signIn(t *testing.T, ctx context.Context, url, login string) {
	t.Helper()
	err := chromedp.Do(ctx,
		chromedp.Navigate(url+"/"),
		chromedp.WaitVisible(chromedp.CSS(`input[name="ten_dang_nhap"]`)),
		chromedp.SetValue(chromedp.CSS(`input[name="ten_dang_nhap"]`), login),
		chromedp.SetValue(chromedp.CSS(`input[name="mat_khau"]`), password),
		follow(chromedp.Submit(chromedp.CSS("form.login")), chromedp.WaitReady(chromedp.ID("who"))), // folded in the menu on a phone
	)
	if err != nil {
		t.Fatalf("sign in as %s: %v", login, err)
	}
}

// TestTimeMachine moves the date across the 2025 reform in the browser and
// sees the tree change, then follows a link to a unit.
func TestTimeMachine(t *testing.T) {
	url := serveVietnam(t)
	ctx := browser(t) // its 90 s start after the import
	signIn(t, ctx, url, "quantri")
	if err := chromedp.Do(ctx, chromedp.Navigate(url+"/to-chuc")); err != nil {
		t.Fatal(err)
	}
	setDate(t, ctx, "2025-06-30")
	if p, d, shown := text(t, ctx, `td[data-kind="province"]`), text(t, ctx, `td[data-kind="district"]`),
		text(t, ctx, "#shown-date"); p != "63" || d != "696" || shown != "30/06/2025" {
		t.Fatalf("2025-06-30: %s provinces, %s districts, date %s", p, d, shown)
	}
	setDate(t, ctx, "2025-07-01")
	hasDistricts, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.querySelector('td[data-kind="district"]') !== null`))
	if err != nil {
		t.Fatal(err)
	}
	if p := text(t, ctx, `td[data-kind="province"]`); p != "34" || hasDistricts {
		t.Fatalf("2025-07-01: %s provinces, districts shown: %v", p, hasDistricts)
	}
	err = chromedp.Do(ctx,
		follow(chromedp.Click(chromedp.Search(`//a[text()="Tỉnh Bắc Ninh"]`)), chromedp.WaitVisible(chromedp.CSS("dl.facts"))),
	)
	if err != nil {
		t.Fatal(err)
	}
	if title, shown := text(t, ctx, "h1"), text(t, ctx, "#shown-date"); title != "Tỉnh Bắc Ninh" || shown != "01/07/2025" {
		t.Fatalf("unit page: %q on %q", title, shown)
	}
}

// TestScopeInBrowser signs in as a province's staff: the tree starts at the
// province, and another province's page is refused.
func TestScopeInBrowser(t *testing.T) {
	url := serveVietnam(t)
	ctx := browser(t) // its 90 s start after the import
	signIn(t, ctx, url, "canbo")
	if err := chromedp.Do(ctx, chromedp.Navigate(url+"/to-chuc")); err != nil {
		t.Fatal(err)
	}
	setDate(t, ctx, "2025-06-30")
	if d := text(t, ctx, `td[data-kind="district"]`); d != "10" {
		t.Fatalf("Bắc Giang's staff see %s districts, want 10", d)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(url+"/don-vi/"+vnadmin.OldID("27")+"?ngay=2025-06-30")); err != nil {
		t.Fatal(err)
	}
	if msg := text(t, ctx, "p.error"); !strings.Contains(msg, "không có quyền") {
		t.Fatalf("another province's page: %q", msg)
	}
}

// TestUploadBrokenWorkbook uploads a workbook with errors and reads them,
// with their rows and columns, in Vietnamese.
func TestUploadBrokenWorkbook(t *testing.T) {
	url := serveVietnam(t)
	ctx := browser(t) // its 90 s start after the import
	book := filepath.Join(t.TempDir(), "nhan-su.xlsx")
	sink, err := container.CreateSink(book)
	if err != nil {
		t.Fatal(err)
	}
	w, err := sink.Create("people", []string{"id", "full_name", "gender", "birth_date"})
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range [][]string{{"P1", "Nguyễn Văn An", "khác", "1970-01-01"}, {"P2", "", "Nữ", "31/02/1980"}} {
		if err := w.Write(row); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if err := sink.Close(); err != nil {
		t.Fatal(err)
	}
	signIn(t, ctx, url, "quantri")
	err = chromedp.Do(ctx,
		chromedp.Navigate(url+"/nhap"),
		chromedp.SetUploadFiles(chromedp.CSS(`input[name="tep"]`), []string{book}),
		follow(chromedp.Submit(chromedp.CSS("form.edit")), chromedp.WaitVisible(chromedp.CSS(`#phase[data-phase="failed"]`))),
		chromedp.WaitVisible(chromedp.ID("issues")),
	)
	if err != nil {
		t.Fatal(err)
	}
	issues := text(t, ctx, "#issues")
	// Columns by their Vietnamese headers, the file uploaded apart from its sheet; "Nữ" is read as female.
	for _, want := range []string{"Giới tính", "giá trị 'khác' không hợp lệ", "Nam; Nữ", "Họ và tên", "thiếu giá trị bắt buộc", "Ngày sinh", "ngày không hợp lệ", "nhan-su.xlsx"} {
		if !strings.Contains(issues, want) {
			t.Errorf("issues lack %q:\n%s", want, issues)
		}
	}
	if n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('#issues tbody tr').length`)); err != nil || n != 3 {
		t.Errorf("want 3 issue rows, got %d (%v)", n, err)
	}
	if strings.Contains(issues, "nhan-su.xlsx!people") {
		t.Error("issues name the sheet as book!sheet")
	}
	if href, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById('issues-xlsx').getAttribute('href')`)); err != nil || !strings.HasSuffix(href, "/loi") {
		t.Errorf("no download of the errors: %q %v", href, err)
	}
}

// TestDemoDashboardToRecords opens the demo province's dashboard on the
// article's date, follows the F6 figure (165 of 230 communes) to the communes
// behind it, and finds 165 of 230 marked as counted.
func TestDemoDashboardToRecords(t *testing.T) {
	url := serveDemo(t)
	ctx := browser(t) // its 90 s start after the import
	signIn(t, ctx, url, "quantri")
	err := chromedp.Do(ctx,
		chromedp.Navigate(url+"/?ngay=2018-12-31&tu=2018-05-30&pham_vi=VN1-24"),
		chromedp.WaitVisible(chromedp.ID("indicators")),
	)
	if err != nil {
		t.Fatal(err)
	}
	printsAsForm(t, ctx)
	const row = `tr[data-id="concurrency.commune.secretary_council_chair"]`
	if v := text(t, ctx, row+` td:nth-child(2)`); v != "165" {
		t.Fatalf("F6 on the dashboard: %q", v)
	}
	if share := text(t, ctx, row+` td:nth-child(4)`); share != "71,7 %" {
		t.Fatalf("F6 share: %q", share)
	}
	err = chromedp.Do(ctx,
		follow(chromedp.Click(chromedp.CSS(row+` td:nth-child(2) a`)), chromedp.WaitVisible(chromedp.ID("items"))),
	)
	if err != nil {
		t.Fatal(err)
	}
	// 50 records a page, with the count of them all and the pager.
	all, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('#items tbody tr').length`))
	if err != nil {
		t.Fatal(err)
	}
	if page := text(t, ctx, "main"); all != 50 || !strings.Contains(page, "165 bản ghi được tính trên 230 bản ghi liệt kê") ||
		!strings.Contains(page, "Trang 1/5") {
		t.Fatalf("records behind F6: %d rows on the page, want 50 of 230 with 165 counted:\n%.1500s", all, page)
	}
	// each commune names the person holding both posts, when one does; a link leads back to the same dashboard
	if both, err := chromedp.Run(ctx, chromedp.Evaluate[int](`[...document.querySelectorAll('#items tbody tr td strong')].length`)); err != nil || both == 0 {
		t.Fatalf("records behind F6: no commune names the person holding both posts (%v)", err)
	}
	if back, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById('back').getAttribute('href')`)); err != nil ||
		back != "/?ngay=2018-12-31&pham_vi=VN1-24&tu=2018-05-30" {
		t.Fatalf("back link: %q %v", back, err)
	}
	err = chromedp.Do(ctx,
		follow(chromedp.Click(chromedp.CSS(`a[rel="next"]`)), chromedp.WaitVisible(chromedp.ID("items"))),
	)
	if err != nil {
		t.Fatal(err)
	}
	if page := text(t, ctx, "main"); !strings.Contains(page, "Trang 2/5") {
		t.Fatalf("records behind F6, page 2:\n%.1500s", page)
	}
	// The tree in 2018, then past the reform of 2025-07-01.
	if err := chromedp.Do(ctx, chromedp.Navigate(url+"/to-chuc")); err != nil {
		t.Fatal(err)
	}
	setDate(t, ctx, "2018-12-31")
	if tree := text(t, ctx, "#tree"); !strings.Contains(tree, "Tỉnh Bắc Giang") || strings.Contains(tree, "Tỉnh Bắc Ninh") {
		t.Fatalf("tree on 2018-12-31:\n%.500s", tree)
	}
	if d := text(t, ctx, `td[data-kind="district"]`); d != "10" {
		t.Fatalf("districts on 2018-12-31: %s", d)
	}
	// Expand the province, then Lục Nam district in place: its communes load under it.
	err = chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`details[data-top="VN1-24"] > summary > span.children`)),
		chromedp.Click(chromedp.CSS(`details[data-id="VN1-218"] > summary > span.children`)),
		chromedp.WaitVisible(chromedp.CSS(`details[data-id="VN1-218"] > ul > li`)),
	)
	if err != nil {
		t.Fatal(err)
	}
	if kids := text(t, ctx, `details[data-id="VN1-218"] > ul`); !strings.Contains(kids, "Thị trấn Đồi Ngô") && !strings.Contains(kids, "Xã") {
		t.Fatalf("Lục Nam expanded:\n%.500s", kids)
	}
	setDate(t, ctx, "2025-07-01")
	if tree := text(t, ctx, "#tree"); !strings.Contains(tree, "Tỉnh Bắc Ninh") || strings.Contains(tree, "Tỉnh Bắc Giang") {
		t.Fatalf("tree on 2025-07-01:\n%.500s", tree)
	}
	if n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('td[data-kind="district"]').length`)); err != nil || n != 0 {
		t.Fatalf("districts shown after the reform: %d %v", n, err)
	}
}

// TestRolesAndAuditInBrowser signs in as each role of the demo accounts: a
// viewer has no edit links, board staff edit a post from a date, and the
// auditor finds the edit in the audit log.
func TestRolesAndAuditInBrowser(t *testing.T) {
	db := sqldbtest.Open(t)
	b := bundle.Tables{}
	b.Add("units", map[string]string{"id": "T1", "name": "Tỉnh Thử", "kind": "province", "valid_from": "2000-01-01"})
	b.Add("units", map[string]string{"id": "D1", "name": "Đảng bộ tỉnh Thử", "kind": "party_provincial", "locality_id": "T1", "valid_from": "2000-01-01"})
	b.Add("people", map[string]string{"id": "P1", "full_name": "Trần Văn Bình"})
	b.Add("assignments", map[string]string{"person_id": "P1", "unit_id": "D1", "role": "deputy_secretary", "valid_from": "2015-01-01", "how": "elected"})
	if rep, err := db.ImportBundle(context.Background(), b, "e2e", "e2e", bundle.Options{}); err != nil || !rep.OK() {
		t.Fatalf("import: %v", err)
	}
	url := serveDB(t, db, []tochuc.User{
		{Login: "canbo", FullName: "Cán bộ", Role: tochuc.RoleStaff, ScopeUnitID: "T1"},
		{Login: "nguoixem", FullName: "Người xem", Role: tochuc.RoleViewer, ScopeUnitID: "T1"},
		{Login: "kiemtra", FullName: "Kiểm tra", Role: tochuc.RoleAuditor},
	})
	viewer := browser(t)
	signIn(t, viewer, url, "nguoixem")
	if err := chromedp.Do(viewer, chromedp.Navigate(url+"/don-vi/D1?ngay=2020-01-01"), chromedp.WaitVisible(chromedp.ID("posts"))); err != nil {
		t.Fatal(err)
	}
	if n, err := chromedp.Run(viewer, chromedp.Evaluate[int](`document.querySelectorAll('a.edit').length`)); err != nil || n != 0 {
		t.Fatalf("a viewer sees %d edit links (%v)", n, err)
	}

	staff := browser(t)
	signIn(t, staff, url, "canbo")
	err := chromedp.Do(staff,
		chromedp.Navigate(url+"/don-vi/D1?ngay=2020-01-01"),
		follow(chromedp.Click(chromedp.CSS(`#posts a.edit`)), chromedp.WaitVisible(chromedp.CSS(`form.edit`))),
		chromedp.SetValue(chromedp.CSS(`input[name="hieu_luc"]`), "2020-06-01"),
		chromedp.SetValue(chromedp.CSS(`select[name="v_role"]`), "secretary"),
		follow(chromedp.Submit(chromedp.CSS(`form.edit`)), chromedp.WaitVisible(chromedp.ID("assignments"))),
	)
	if err != nil {
		t.Fatal(err)
	}
	rows := text(t, staff, "#assignments")
	if !strings.Contains(rows, "01/06/2020") || !strings.Contains(rows, "Bí thư") || !strings.Contains(rows, "Phó Bí thư") {
		t.Fatalf("after the change the person's posts read:\n%s", rows)
	}

	auditor := browser(t)
	signIn(t, auditor, url, "kiemtra")
	if err := chromedp.Do(auditor, chromedp.Navigate(url+"/nhat-ky"), chromedp.WaitVisible(chromedp.ID("audit"))); err != nil {
		t.Fatal(err)
	}
	if log := text(t, auditor, "#audit"); !strings.Contains(log, "Thay đổi từ ngày chức vụ") || !strings.Contains(log, "canbo") ||
		!strings.Contains(log, "hiệu lực từ 01/06/2020") || strings.Contains(log, "assignments.") || !strings.Contains(log, "Phó Bí thư → Bí thư") || !strings.Contains(log, "GMT+7") {
		t.Fatalf("audit log:\n%s", log)
	}
}

// TestPhone opens the demo province's dashboard at 390×844 px: the header
// takes little of the screen, its menu opens from a button, and no page is
// wider than the phone (wide tables scroll in place).
func TestPhone(t *testing.T) {
	url := serveDemo(t)
	ctx := browser(t)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile)); err != nil {
		t.Fatal(err)
	}
	signIn(t, ctx, url, "quantri")
	for _, path := range []string{"/?ngay=2018-12-31&pham_vi=VN1-24", "/to-chuc?ngay=2018-12-31", "/nhan-su?ngay=2018-12-31",
		"/don-vi?ngay=2018-12-31", "/so-sanh?ngay=2025-07-01"} {
		if err := chromedp.Do(ctx, chromedp.Navigate(url+path), chromedp.WaitVisible(chromedp.ID("noi-dung"))); err != nil {
			t.Fatal(err)
		}
		header, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`document.querySelector('header').getBoundingClientRect().height`))
		if err != nil {
			t.Fatal(err)
		}
		wide, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth`))
		if err != nil {
			t.Fatal(err)
		}
		if header > 844/5 || wide > 390 {
			t.Errorf("%s at 390 px: header %.0f px high, page %d px wide", path, header, wide)
		}
	}
	err := chromedp.Do(ctx,
		chromedp.Click(chromedp.ID("menu-toggle")),
		chromedp.WaitVisible(chromedp.CSS(`nav a[href^="/nhan-su"]`)),
	)
	if err != nil {
		t.Fatalf("the menu does not open: %v", err)
	}
}
