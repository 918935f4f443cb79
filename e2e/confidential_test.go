package e2e

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/demo"
	"github.com/tochuc/tochuc/internal/sqldb/sqldbtest"
	"github.com/tochuc/tochuc/internal/tochuc"
	"github.com/tochuc/tochuc/internal/vnadmin"
)

// TestConfidentialInBrowser walks the permission to read confidential
// records on the demo province: the viewer of the new province opens a
// cadre's page and finds no plan, rating, discipline or citizen id; the
// administrator gives the permission to the district's staff on the
// accounts page, opens the same cadre's page, reads them, and finds the
// read ("Xem hồ sơ mật") and the permission given in the audit log.
func TestConfidentialInBrowser(t *testing.T) {
	db := sqldbtest.Open(t)
	tables, err := demo.Build(1)
	if err != nil {
		t.Fatal(err)
	}
	if rep, err := db.ImportBundle(context.Background(), tables, "e2e", "demo", bundle.Options{}); err != nil || !rep.OK() {
		t.Fatalf("demo import: %v", err)
	}
	// The cadre: the nominee of the 2025–2030 plan reprimanded on 10/04/2026
	// (a plan, ratings, a discipline and a citizen id).
	var id, citizen, name string
	for _, r := range tableRows(tables, "discipline") {
		if r["form"] == "reprimand" && r["date"] == "2026-04-10" {
			id = r["subject_id"]
		}
	}
	for _, r := range tableRows(tables, "people") {
		if r["id"] == id {
			citizen, name = r["citizen_id"], r["full_name"]
		}
	}
	if id == "" || citizen == "" {
		t.Fatalf("no reprimanded nominee with a citizen id in the demo (%q %q)", id, citizen)
	}
	url := serveDB(t, db, []tochuc.User{
		{Login: "quantri", FullName: "Quản trị hệ thống", Role: tochuc.RoleAdmin},
		{Login: "canbohuyen", FullName: "Cán bộ Ban Tổ chức Huyện ủy Lục Nam", Role: tochuc.RoleStaff, ScopeUnitID: vnadmin.OldID("218")},
		{Login: "nguoixem", FullName: "Người xem (Tỉnh Bắc Ninh mới)", Role: tochuc.RoleViewer, ScopeUnitID: vnadmin.NewID("24")},
	})
	person := url + "/nhan-su/" + id + "?ngay=2026-11-25"

	viewer := browser(t)
	signIn(t, viewer, url, "nguoixem")
	if err := chromedp.Do(viewer, chromedp.Navigate(person), chromedp.WaitVisible(chromedp.ID("assignments"))); err != nil {
		t.Fatal(err)
	}
	page := text(t, viewer, "main")
	if !strings.Contains(page, name) {
		t.Fatalf("the viewer does not see the cadre %s:\n%.1500s", name, page)
	}
	for _, secret := range []string{"Quy hoạch", "Đánh giá, xếp loại", "Kỷ luật", "Khiển trách", "Số căn cước", citizen} {
		if strings.Contains(page, secret) {
			t.Errorf("the viewer reads %q on the cadre's page", secret)
		}
	}
	if menu := text(t, viewer, "#menu"); strings.Contains(menu, "Tài khoản") {
		t.Errorf("the viewer sees the accounts link: %s", menu)
	}

	admin := browser(t)
	signIn(t, admin, url, "quantri")
	const staffRow = `#accounts a[href="/tai-khoan/canbohuyen"]`
	err = chromedp.Do(admin,
		chromedp.Navigate(url+"/"),
		chromedp.WaitReady(chromedp.ID("who")),
		follow(chromedp.Click(chromedp.CSS(`#menu a[href^="/tai-khoan"]`)), chromedp.WaitVisible(chromedp.ID("accounts"))),
		follow(chromedp.Click(chromedp.CSS(staffRow)), chromedp.WaitVisible(chromedp.ID("account-form"))),
	)
	if err != nil {
		t.Fatal(err)
	}
	if form := text(t, admin, "#account-form"); !strings.Contains(form, "Được xem hồ sơ mật (quy hoạch, đánh giá, kỷ luật, số căn cước)") {
		t.Fatalf("account form:\n%s", form)
	}
	err = chromedp.Do(admin,
		chromedp.Click(chromedp.CSS(`input[name="ho_so_mat"]`)),
		follow(chromedp.Submit(chromedp.ID("account-form")), chromedp.WaitVisible(chromedp.ID("accounts"))),
	)
	if err != nil {
		t.Fatal(err)
	}
	if main := text(t, admin, "main"); !strings.Contains(main, "Đã cho tài khoản canbohuyen được xem hồ sơ mật.") {
		t.Fatalf("after saving:\n%.1500s", main)
	}
	row, err := chromedp.Run(admin, chromedp.Evaluate[string](`document.querySelector('`+staffRow+`').closest('tr').innerText`))
	if err != nil || !strings.Contains(row, "Được xem") {
		t.Fatalf("the staff account's row: %q %v", row, err)
	}

	if err := chromedp.Do(admin, chromedp.Navigate(person), chromedp.WaitVisible(chromedp.ID("assignments"))); err != nil {
		t.Fatal(err)
	}
	page = text(t, admin, "main")
	for _, secret := range []string{"Quy hoạch", "Đánh giá, xếp loại", "Số căn cước", citizen, "2025-2030"} {
		if !strings.Contains(page, secret) {
			t.Errorf("the administrator does not read %q on the cadre's page", secret)
		}
	}
	err = chromedp.Do(admin,
		chromedp.Navigate(url+"/nhat-ky?hanh_dong="+tochuc.AuditConfidentialRead),
		chromedp.WaitVisible(chromedp.ID("audit")),
	)
	if err != nil {
		t.Fatal(err)
	}
	if log := text(t, admin, "#audit"); !strings.Contains(log, "Xem hồ sơ mật") || !strings.Contains(log, "quantri") ||
		!strings.Contains(log, "/nhan-su/"+id) {
		t.Fatalf("audit log of confidential reads:\n%.2000s", log)
	}
	err = chromedp.Do(admin,
		chromedp.Navigate(url+"/nhat-ky?hanh_dong="+tochuc.AuditUserUpdate),
		chromedp.WaitVisible(chromedp.ID("audit")),
	)
	if err != nil {
		t.Fatal(err)
	}
	if log := text(t, admin, "#audit"); !strings.Contains(log, "Quyền xem hồ sơ mật") || !strings.Contains(log, "canbohuyen") {
		t.Fatalf("audit log of the account change:\n%.2000s", log)
	}
}

// tableRows reads a bundle file's rows by column name.
func tableRows(t bundle.Tables, file string) []map[string]string {
	var out []map[string]string
	if tab := t[file]; len(tab) > 0 {
		for _, r := range tab[1:] {
			m := map[string]string{}
			for i, h := range tab[0] {
				m[h] = r[i]
			}
			out = append(out, m)
		}
	}
	return out
}
