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

// TestDocumentPageInBrowser: on a phone (390 px), the documents list
// filtered to those in force leaves out a replaced regulation; its first
// row opens the resolution's page, which shows its status, the chain of
// replacements and its tasks' statuses in Vietnamese, no wider than the
// screen.
func TestDocumentPageInBrowser(t *testing.T) {
	db := sqldbtest.Open(t)
	b := bundle.Tables{}
	b.Add("units", map[string]string{"id": "T1", "name": "Tỉnh Thử", "kind": "province", "valid_from": "2000-01-01"})
	b.Add("units", map[string]string{"id": "H1", "name": "Huyện Ánh", "kind": "district", "parent_id": "T1", "valid_from": "2000-01-01"})
	doc := func(id, number, kind, issued, title, replaces string) {
		b.Add("documents", map[string]string{"id": id, "number": number, "kind": kind, "issuer_id": "T1", "issued_on": issued,
			"title": title, "replaces_id": replaces})
	}
	doc("Q1", "01-QĐ/TU", "regulation", "2015-01-01", "Quy định về phân cấp quản lý cán bộ", "")
	doc("Q2", "02-QĐ/TU", "regulation", "2016-01-01", "Quy định về phân cấp quản lý cán bộ (thay thế)", "Q1")
	doc("NQ74", "74-NQ/TU", "resolution", "2019-01-01", "Nghị quyết nâng cao chất lượng tổ chức cơ sở đảng", "Q2")
	task := func(id, title, due, done string) {
		b.Add("document_tasks", map[string]string{"document_id": "NQ74", "task_id": id, "unit_id": "H1", "title": title,
			"due_on": due, "done_on": done})
	}
	task("1", "Rà soát chi bộ thôn", "2019-06-30", "2019-06-30")
	task("2", "Kết nạp đảng viên ở thôn chưa có đảng viên", "2019-06-30", "2019-08-01")
	task("3", "Sơ kết hai năm", "2019-09-30", "")
	task("4", "Tổng kết", "2020-12-31", "")
	if rep, err := db.ImportBundle(context.Background(), b, "e2e", "e2e", bundle.Options{}); err != nil || !rep.OK() {
		t.Fatalf("import: %v %+v", err, rep)
	}
	url := serveDB(t, db, []tochuc.User{{Login: "quantri", FullName: "Quản trị", Role: tochuc.RoleAdmin}})
	ctx := browser(t)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile)); err != nil {
		t.Fatal(err)
	}
	signIn(t, ctx, url, "quantri")
	err := chromedp.Do(ctx,
		chromedp.Navigate(url+"/van-ban?ngay=2019-12-31"),
		chromedp.WaitVisible(chromedp.ID("documents")),
		chromedp.SetValue(chromedp.CSS(`select[name="hieu_luc"]`), "1"),
		follow(chromedp.Submit(chromedp.CSS("form.filters")), chromedp.WaitVisible(chromedp.ID("documents"))),
	)
	if err != nil {
		t.Fatal(err)
	}
	list := text(t, ctx, "#documents tbody")
	if !strings.Contains(list, "74-NQ/TU") || strings.Contains(list, "01-QĐ/TU") || strings.Contains(list, "02-QĐ/TU") {
		t.Errorf("in force on 31/12/2019: %q", list)
	}
	err = chromedp.Do(ctx, follow(chromedp.Click(chromedp.CSS(`#documents tbody a`)), chromedp.WaitVisible(chromedp.ID("doc-status"))))
	if err != nil {
		t.Fatal(err)
	}
	if s := text(t, ctx, "#doc-status"); !strings.Contains(s, "Còn hiệu lực") {
		t.Errorf("status: %q", s)
	}
	chain := text(t, ctx, "#doc-chain")
	if a, c := strings.Index(chain, "02-QĐ/TU"), strings.Index(chain, "01-QĐ/TU"); a < 0 || c < a {
		t.Errorf("chain: %q", chain)
	}
	tasks := text(t, ctx, "#doc-tasks")
	for _, want := range []string{"Đã hoàn thành", "Hoàn thành chậm", "Quá hạn", "Đang thực hiện", "Huyện Ánh", "30/06/2019"} {
		if !strings.Contains(tasks, want) {
			t.Errorf("tasks lack %q: %q", want, tasks)
		}
	}
	wide, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth`))
	if err != nil {
		t.Fatal(err)
	}
	if wide > 390 {
		t.Errorf("the document's page is %d px wide at 390 px", wide)
	}
	// the replaced regulation, opened from the chain, says what replaced it
	err = chromedp.Do(ctx, follow(chromedp.Click(chromedp.CSS(`#doc-chain a`)), chromedp.WaitVisible(chromedp.ID("doc-status"))))
	if err != nil {
		t.Fatal(err)
	}
	if s := text(t, ctx, "#doc-status"); !strings.Contains(s, "Đã bị thay thế bởi 74-NQ/TU") {
		t.Errorf("status of 02-QĐ/TU: %q", s)
	}
}
