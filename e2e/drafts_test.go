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

// TestDraftMergerInBrowser saves the merger of two commune party committees
// as a draft from the wizard on a phone, lands on the draft's page and sees
// the two secretaries over the quota of one (with their ages) and the
// figures before and after, the page no wider than the phone.
func TestDraftMergerInBrowser(t *testing.T) {
	db := sqldbtest.Open(t)
	b := bundle.Tables{}
	unit := func(id, name, kind, parent, locality string) {
		b.Add("units", map[string]string{"id": id, "name": name, "kind": kind, "parent_id": parent, "locality_id": locality, "valid_from": "2000-01-01"})
	}
	unit("T1", "Tỉnh Thử", "province", "", "")
	unit("X1", "Xã Một", "commune", "T1", "")
	unit("X2", "Xã Hai", "commune", "T1", "")
	unit("TU", "Đảng bộ tỉnh Thử", "party_provincial", "", "T1")
	unit("D1", "Đảng bộ xã Một", "party_grassroots_committee", "TU", "X1")
	unit("D2", "Đảng bộ xã Hai", "party_grassroots_committee", "TU", "X2")
	b.Add("people", map[string]string{"id": "P1", "full_name": "Trần Văn Bình", "gender": "male", "birth_date": "1970-03-04"})
	b.Add("people", map[string]string{"id": "P2", "full_name": "Lê Thị Cúc", "gender": "female", "birth_date": "1972-08-09"})
	b.Add("assignments", map[string]string{"person_id": "P1", "unit_id": "D1", "role": "secretary", "valid_from": "2015-01-01"})
	b.Add("assignments", map[string]string{"person_id": "P2", "unit_id": "D2", "role": "secretary", "valid_from": "2015-01-01"})
	b.Add("post_quotas", map[string]string{"unit_kind": "party_grassroots_committee", "role": "secretary", "max_holders": "1",
		"valid_from": "2016-01-01", "legal_basis": "Điều lệ Đảng: cấp ủy bầu một bí thư"})
	if rep, err := db.ImportBundle(context.Background(), b, "e2e", "e2e", bundle.Options{}); err != nil || !rep.OK() {
		t.Fatalf("import: %v", err)
	}
	url := serveDB(t, db, []tochuc.User{{Login: "canbo", FullName: "Cán bộ", Role: tochuc.RoleStaff, ScopeUnitID: tochuc.AllUnits}})
	ctx := browser(t)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile)); err != nil {
		t.Fatal(err)
	}
	signIn(t, ctx, url, "canbo")
	err := chromedp.Do(ctx,
		chromedp.Navigate(url+"/sap-xep?ngay=2026-01-01"),
		chromedp.WaitVisible(chromedp.ID("save-draft")),
		chromedp.SetValue(chromedp.CSS(`select[name="kind"]`), "merge"),
		chromedp.SetValue(chromedp.CSS(`input[name="date"]`), "01/01/2026"),
		chromedp.SetValue(chromedp.CSS(`input[name="from"]`), "D1, D2"),
		chromedp.SetValue(chromedp.CSS(`input[name="new_id"]`), "D9"),
		chromedp.SetValue(chromedp.CSS(`input[name="new_name"]`), "Đảng bộ xã Hợp Nhất"),
		chromedp.SetValue(chromedp.CSS(`input[name="new_locality"]`), "X1"),
		chromedp.SetValue(chromedp.CSS(`input[name="ten_nhap"]`), "Hợp nhất hai đảng bộ xã"),
		follow(chromedp.Click(chromedp.ID("save-draft")), chromedp.WaitVisible(chromedp.ID("noi-dung"))),
	)
	if err != nil {
		t.Fatal(err)
	}
	if main := text(t, ctx, "#noi-dung"); !strings.Contains(main, "Chức danh sau sắp xếp") {
		t.Fatalf("after saving the draft:\n%.2000s", main)
	}
	if q := text(t, ctx, "#quotas"); !strings.Contains(q, "Bí thư") || !strings.Contains(q, "Điều lệ Đảng") {
		t.Errorf("quotas:\n%s", q)
	}
	if s := text(t, ctx, "table.surplus"); !strings.Contains(s, "Trần Văn Bình") || !strings.Contains(s, "Lê Thị Cúc") || !strings.Contains(s, "55") {
		t.Errorf("surplus holders:\n%s", s)
	}
	if f := text(t, ctx, "#figures"); !strings.Contains(f, "Chưa sắp xếp") || !strings.Contains(f, "Sau sắp xếp") {
		t.Errorf("figures:\n%s", f)
	}
	if n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('#figures tr.changed-row').length`)); err != nil || n == 0 {
		t.Errorf("no figure highlighted as changed (%v)", err)
	}
	if wide, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth`)); err != nil || wide > 390 {
		t.Errorf("draft page %d px wide at 390 px (%v)", wide, err)
	}
	if st := text(t, ctx, "#draft-status"); st != "Bản nháp" {
		t.Errorf("status: %q", st)
	}
}
