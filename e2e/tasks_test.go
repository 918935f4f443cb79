package e2e

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/sqldb/sqldbtest"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// TestTaskDueListAndReport: a commune's clerk opens the due list, marks an
// overdue task done and sees its status change; the report on a
// resolution's implementation fits a 390 px phone.
func TestTaskDueListAndReport(t *testing.T) {
	db := sqldbtest.Open(t)
	b := bundle.Tables{}
	unit := func(id, name, kind, parent string) {
		b.Add("units", map[string]string{"id": id, "name": name, "kind": kind, "parent_id": parent, "valid_from": "1990-01-01"})
	}
	unit("T", "Tỉnh Mẫu", "province", "")
	unit("PT", "Đảng bộ tỉnh Mẫu", "party_provincial", "")
	unit("X1", "Xã Một", "commune", "T")
	unit("X2", "Xã Hai", "commune", "T")
	unit("V1", "Thôn Một", "village", "X1")
	unit("V2", "Thôn Hai", "village", "X1")
	b.Add("documents", map[string]string{"id": "NQ74", "number": "74-NQ/TU", "kind": "resolution", "issuer_id": "T",
		"issued_on": "2016-10-01", "title": "Nghị quyết về hệ thống chính trị cơ sở"})
	b.Add("document_targets", map[string]string{"document_id": "NQ74", "target_id": "1", "indicator": "units.village", "scope_id": "X1",
		"due_on": "2019-12-31", "op": ">=", "value": "3", "label": "Mỗi xã có từ 3 thôn"})
	b.Add("document_tasks", map[string]string{"document_id": "NQ74", "task_id": "1", "unit_id": "V1", "title": "Kiện toàn chi bộ thôn",
		"due_on": "2018-09-30"})
	b.Add("document_tasks", map[string]string{"document_id": "NQ74", "task_id": "2", "unit_id": "X2", "title": "Việc của xã Hai",
		"due_on": "2018-09-30"})
	if rep, err := db.ImportBundle(context.Background(), b, "e2e", "e2e", bundle.Options{}); err != nil || !rep.OK() {
		t.Fatalf("import: %v %+v", err, rep)
	}
	url := serveDB(t, db, []tochuc.User{{Login: "vanthu", FullName: "Văn thư xã Một", Role: tochuc.RoleStaff, ScopeUnitID: "X1"}})
	ctx := browser(t)
	signIn(t, ctx, url, "vanthu")
	row := `tr[data-task="NQ74/1"]`
	err := chromedp.Do(ctx,
		chromedp.Navigate(url+"/nhiem-vu?ngay=2018-12-15&trang_thai=tat_ca"),
		chromedp.WaitVisible(chromedp.ID("tasks")),
	)
	if err != nil {
		t.Fatal(err)
	}
	if got := text(t, ctx, "#tasks"); !strings.Contains(got, "Kiện toàn chi bộ thôn") || !strings.Contains(got, "Quá hạn") ||
		strings.Contains(got, "Việc của xã Hai") {
		t.Fatalf("the list: %q", got)
	}
	err = chromedp.Do(ctx,
		chromedp.SetValue(chromedp.CSS(row+` input[name="ngay_hoan_thanh"]`), "10/12/2018"),
		follow(chromedp.Click(chromedp.CSS(row+` button`)), chromedp.WaitVisible(chromedp.CSS(`p.ok[role="status"]`))),
	)
	if err != nil {
		loc, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`location.href + " " + document.body.innerText.slice(0, 1500)`))
		t.Fatalf("mark done: %v\n%s", err, loc)
	}
	if got := text(t, ctx, row+" td.status"); !strings.Contains(got, "Hoàn thành chậm") || !strings.Contains(got, "10/12/2018") {
		t.Errorf("the status after marking: %q", got)
	}
	// On a phone, the due list and the report are no wider than the screen.
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile)); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{"/nhiem-vu?ngay=2018-12-15&trang_thai=tat_ca", "/van-ban/NQ74/thuc-hien?ngay=2018-12-31"} {
		if err := chromedp.Do(ctx, chromedp.Navigate(url+path), chromedp.WaitReady(chromedp.CSS("main"))); err != nil {
			t.Fatal(err)
		}
		if title, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.title`)); strings.Contains(title, "Không") || strings.Contains(title, "Lỗi") {
			t.Errorf("%s: %s", path, title)
		}
		if wide, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth`)); err != nil || wide > 390 {
			t.Errorf("%s is %d px wide on a 390 px phone (%v)", path, wide, err)
		}
	}
	if got := text(t, ctx, "#targets"); !strings.Contains(got, "Mỗi xã có từ 3 thôn") || !strings.Contains(got, "Chậm tiến độ") {
		t.Errorf("the report: %q", got)
	}
}
