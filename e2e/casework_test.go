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

// TestCaseworkAdmissionToRecognition walks, as a district clerk, the
// admission of a person (two official introducers), the ceremony a few
// weeks later and the recognition a year on, each a form of its own.
func TestCaseworkAdmissionToRecognition(t *testing.T) {
	db := sqldbtest.Open(t)
	b := bundle.Tables{}
	unit := func(id, name, kind, parent string) {
		b.Add("units", map[string]string{"id": id, "name": name, "kind": kind, "parent_id": parent, "valid_from": "1990-01-01"})
	}
	unit("T", "Đảng bộ tỉnh Thử", "party_provincial", "")
	unit("H1", "Huyện ủy Một", "party_upper", "T")
	unit("C1", "Chi bộ Một", "party_grassroots_cell", "H1")
	for _, p := range [][2]string{{"I1", "Nguyễn Văn An"}, {"I2", "Trần Thị Bình"}, {"A1", "Hoàng Văn Em"}} {
		b.Add("people", map[string]string{"id": p[0], "full_name": p[1], "birth_date": "1980-01-01"})
	}
	for _, p := range []string{"I1", "I2"} {
		b.Add("party", map[string]string{"person_id": p, "event": "admitted", "date": "2000-01-03", "unit_id": "C1"})
		b.Add("party", map[string]string{"person_id": p, "event": "recognized", "date": "2001-01-03"})
	}
	if rep, err := db.ImportBundle(context.Background(), b, "e2e", "e2e", bundle.Options{}); err != nil || !rep.OK() {
		t.Fatalf("import: %v %+v", err, rep)
	}
	url := serveDB(t, db, []tochuc.User{{Login: "vanthu", FullName: "Văn thư huyện", Role: tochuc.RoleStaff, ScopeUnitID: "H1"}})
	ctx := browser(t)
	signIn(t, ctx, url, "vanthu")
	saved := chromedp.WaitVisible(chromedp.ID("case-saved"))
	steps := []struct {
		name string
		act  chromedp.Action[chromedp.Void]
	}{
		{"hub", chromedp.Navigate(url + "/dang-vien?ngay=2025-03-07")},
		{"admission form", follow(chromedp.Click(chromedp.Search(`//ul[@id="flows"]//a[text()="Kết nạp đảng viên"]`)), chromedp.WaitVisible(chromedp.ID("case-form")))},
		{"person", chromedp.SetValue(chromedp.ID("f-person_id"), "A1")},
		{"unit", chromedp.SetValue(chromedp.ID("f-unit_id"), "C1")},
		{"date", chromedp.SetValue(chromedp.ID("f-date"), "07/03/2025")},
		{"number", chromedp.SetValue(chromedp.ID("f-doc_number"), "12-QĐ/HU")},
		{"introducer 1", chromedp.SetValue(chromedp.ID("f-introducer_1"), "I1")},
		{"introducer 2", chromedp.SetValue(chromedp.ID("f-introducer_2"), "I2")},
		{"admit", follow(chromedp.Click(chromedp.ID("case-submit")), saved)},
		{"ceremony form", chromedp.Navigate(url + "/dang-vien/le-ket-nap?ngay=2025-04-18&person_id=A1")},
		{"ceremony date", chromedp.SetValue(chromedp.ID("f-ceremony_on"), "18/04/2025")},
		{"ceremony", follow(chromedp.Click(chromedp.ID("case-submit")), saved)},
		{"recognition form", chromedp.Navigate(url + "/dang-vien/cong-nhan?ngay=2026-03-20&person_id=A1")},
		{"recognition number", chromedp.SetValue(chromedp.ID("f-doc_number"), "40-QĐ/HU")},
		{"recognize", follow(chromedp.Click(chromedp.ID("case-submit")), saved)},
	}
	for _, st := range steps {
		if err := chromedp.Do(ctx, st.act); err != nil {
			loc, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`location.href + " " + document.body.innerText.slice(0, 1500)`))
			t.Fatalf("%s: %v\n%s", st.name, err, loc)
		}
	}
	if got := text(t, ctx, "#written"); !strings.Contains(got, "Công nhận chính thức") || !strings.Contains(got, "07/03/2026") {
		t.Fatalf("recognition written: %q", got)
	}
	// On a phone the forms and the list of work due are no wider than the screen.
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile)); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{"/dang-vien?ngay=2025-03-07", "/dang-vien/ket-nap?ngay=2025-03-07", "/dang-vien/xoa-ten?ngay=2025-03-07",
		"/dang-vien/den-han?ngay=2026-03-01&viec=probation"} {
		if err := chromedp.Do(ctx, chromedp.Navigate(url+path), chromedp.WaitReady(chromedp.CSS("main"))); err != nil {
			t.Fatal(err)
		}
		if wide, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth`)); err != nil || wide > 390 {
			t.Errorf("%s is %d px wide on a 390 px phone (%v)", path, wide, err)
		}
	}
	if got := text(t, ctx, "#due"); !strings.Contains(got, "Hoàng Văn Em") || !strings.Contains(got, "07/03/2026") {
		t.Errorf("the probation due: %q", got)
	}
}
