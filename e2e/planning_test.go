package e2e

import (
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// TestPlanningInBrowser walks the planning workplace as the demo's
// administrator: the term of office is entered if the demo has none, a term
// and the provincial party committee are picked, a nominee is added through
// the person picker and removed again with a reason, and the matrix shows
// each change.
func TestPlanningInBrowser(t *testing.T) {
	url := serveDemo(t)
	ctx := browser(t)
	signIn(t, ctx, url, "quantri")
	const day = "2025-12-01"
	if err := chromedp.Do(ctx, chromedp.Navigate(url+"/nhiem-ky?ngay="+day), chromedp.WaitVisible(chromedp.CSS("main"))); err != nil {
		t.Fatal(err)
	}
	held, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`[...document.querySelectorAll("#terms tr")].some(r => r.textContent.includes("2025-2030") && r.textContent.includes("Cấp tỉnh"))`))
	if err != nil {
		t.Fatal(err)
	}
	if !held {
		err = chromedp.Do(ctx,
			follow(chromedp.Click(chromedp.ID("add-term")), chromedp.WaitVisible(chromedp.CSS(`input[name="v_term"]`))),
			chromedp.SetValue(chromedp.CSS(`input[name="v_term"]`), "2025-2030"),
			chromedp.SetValue(chromedp.CSS(`select[name="v_level"]`), "province"),
			chromedp.SetValue(chromedp.CSS(`input[name="v_starts_on"]`), "15/10/2025"),
			chromedp.SetValue(chromedp.CSS(`input[name="v_ends_on"]`), "15/10/2030"),
			follow(chromedp.Click(chromedp.Search(`//button[text()="Ghi"]`)), chromedp.WaitVisible(chromedp.ID("saved"))),
		)
		if err != nil {
			t.Fatalf("add the term: %v", err)
		}
	}
	// The menu leads to the workplace; pick the term and the unit.
	unit := `#plan-unit`
	err = chromedp.Do(ctx,
		chromedp.Navigate(url+"/?ngay="+day),
		chromedp.WaitReady(chromedp.ID("who")),
		chromedp.Navigate(url+"/quy-hoach?ngay="+day),
		chromedp.WaitVisible(chromedp.ID("planning-filter")),
		chromedp.SetValue(chromedp.ID("term"), "2025-2030"),
		chromedp.SendKeys(chromedp.CSS(unit), "dang bo tinh bac ninh"),
		chromedp.WaitVisible(chromedp.CSS(`.pick-list li[role="option"]`)),
	)
	if err != nil {
		t.Fatal(err)
	}
	at, err := chromedp.Run(ctx, chromedp.Evaluate[int](`[...document.querySelectorAll('.pick-list li[role="option"]')].findIndex(li => li.textContent.startsWith("Đảng bộ tỉnh Bắc Ninh"))`))
	if err != nil || at < 0 {
		t.Fatalf("the provincial party committee is not offered for 'dang bo tinh bac ninh' (%d, %v)", at, err)
	}
	err = chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`.pick-list li[role="option"]:nth-child(`+strconv.Itoa(at+1)+`)`)),
		chromedp.WaitNotVisible(chromedp.CSS(`.pick-list`)),
		follow(chromedp.Submit(chromedp.ID("planning-filter")), chromedp.WaitVisible(chromedp.ID("plan-matrix"))),
	)
	if err != nil {
		t.Fatal(err)
	}
	if head := text(t, ctx, "#plan-head"); !strings.Contains(head, "2025–2030") || !strings.Contains(head, "Đảng bộ tỉnh") || !strings.Contains(head, "15/10/2025") {
		t.Fatalf("the plan's heading: %q", head)
	}
	// Add a nominee for deputy secretary through the person picker.
	person := `#add-person`
	err = chromedp.Do(ctx,
		chromedp.SetValue(chromedp.ID("add-role"), "deputy_secretary"),
		chromedp.SendKeys(chromedp.CSS(person), "nguyen van"),
	)
	if err != nil {
		t.Fatal(err)
	}
	// Wait for the choices of the whole words typed (not those of a part).
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`(() => { const li = document.querySelector('#plan-add .pick-list li[role="option"] .pick-title');
		return !!li && li.textContent.startsWith("Nguyễn Văn"); })()`)); err != nil {
		t.Fatalf("no person offered for 'nguyen van': %v", err)
	}
	// A click takes the first (Enter would also send this form, whose other fields are filled).
	err = chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`#plan-add .pick-list li[role="option"]`)),
		chromedp.WaitNotVisible(chromedp.CSS(`#plan-add .pick-list`)),
	)
	if err != nil {
		t.Fatal(err)
	}
	code, err := chromedp.Run(ctx, chromedp.Value(chromedp.CSS(person)))
	if err != nil || code == "" || strings.Contains(code, " ") {
		t.Fatalf("the person's code: %q %v", code, err)
	}
	nominee := `#post-deputy_secretary .nominee[data-person="` + code + `"]`
	err = chromedp.Do(ctx,
		chromedp.SetValue(chromedp.ID("add-date"), "01/11/2025"),
		follow(chromedp.Click(chromedp.ID("add-submit")), chromedp.WaitVisible(chromedp.ID("plan-saved"))),
		chromedp.WaitVisible(chromedp.CSS(nominee)),
	)
	if err != nil {
		t.Fatalf("add %s: %v", code, err)
	}
	if got := text(t, ctx, nominee); !strings.Contains(got, "Đưa vào quy hoạch ngày 01/11/2025") || !strings.Contains(got, "Tuổi khi bắt đầu nhiệm kỳ") {
		t.Fatalf("the nominee added: %q", got)
	}
	// Printed, the page is the list boards submit: title, the nominee, the signatures; not the matrix.
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
		t.Fatal(err)
	}
	shown := func(css string) bool {
		v, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(() => { const e = document.querySelector(`+"`"+css+"`"+`);
			return !!e && getComputedStyle(e).display !== "none" && e.getClientRects().length > 0 })()`))
		if err != nil {
			t.Fatalf("visible %s: %v", css, err)
		}
		return v
	}
	if !shown("#plan-print") || !shown("#plan-print-title") || !shown("#plan-signatures") || shown("#plan-matrix") || shown("header") {
		t.Error("printed: the list, its title and signatures show, the matrix and the header do not")
	}
	if title := text(t, ctx, "#plan-print-title"); !strings.Contains(title, "DANH SÁCH QUY HOẠCH") || !strings.Contains(title, "NHIỆM KỲ 2025–2030") {
		t.Errorf("printed title: %q", title)
	}
	if list := text(t, ctx, "#plan-print"); !strings.Contains(list, "STT") || !strings.Contains(list, "Phó Bí thư") {
		t.Errorf("printed list: %q", list)
	}
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: ""}); err != nil {
		t.Fatal(err)
	}
	// Remove them for the yearly review.
	err = chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(nominee+` details.remove summary`)),
		chromedp.WaitVisible(chromedp.CSS(nominee+` form.plan-remove select[name="ly_do"]`)),
		chromedp.SetValue(chromedp.CSS(nominee+` form.plan-remove input[name="ngay_qd"]`), "20/11/2025"),
		chromedp.SetValue(chromedp.CSS(nominee+` form.plan-remove select[name="ly_do"]`), "yearly_review"),
		follow(chromedp.Submit(chromedp.CSS(nominee+` form.plan-remove`)), chromedp.WaitVisible(chromedp.ID("plan-saved"))),
	)
	if err != nil {
		t.Fatalf("remove %s: %v", code, err)
	}
	if msg := text(t, ctx, "#plan-saved"); !strings.Contains(msg, "Đã đưa ra khỏi quy hoạch") {
		t.Fatalf("confirmation: %q", msg)
	}
	if n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('`+nominee+`').length`)); err != nil || n != 0 {
		t.Fatalf("the removed nominee still shows (%d, %v)", n, err)
	}
	// On a phone the page is no wider than the screen (the matrix scrolls in place).
	planURL, err := chromedp.Run(ctx, chromedp.Evaluate[string](`location.href`))
	if err != nil {
		t.Fatal(err)
	}
	err = chromedp.Do(ctx, chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile), chromedp.Navigate(planURL),
		chromedp.WaitReady(chromedp.ID("plan-matrix")))
	if err != nil {
		t.Fatal(err)
	}
	if wide, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth`)); err != nil || wide > 390 {
		t.Errorf("the planning page is %d px wide on a 390 px phone (%v)", wide, err)
	}
	// The person's page keeps the plan with its removal.
	err = chromedp.Do(ctx, chromedp.Navigate(url+"/nhan-su/"+code+"?ngay="+day), chromedp.WaitVisible(chromedp.CSS("main")))
	if err != nil {
		t.Fatal(err)
	}
	if body := text(t, ctx, "main"); !strings.Contains(body, "20/11/2025: Rà soát hằng năm (PLAN-08)") {
		t.Fatalf("the person's page lacks the removal:\n%.2000s", body)
	}
}
