package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestAppointmentsAndDiscipline: the demo's administrator opens the
// appointments workplace for a date and a district, downloads a list,
// follows a holder to their page, records a discipline through the form
// (pickers' fields, dates as dd/mm/yyyy) and sees it on the person's page
// and in the register.
func TestAppointmentsAndDiscipline(t *testing.T) {
	url := serveDemo(t)
	ctx := browser(t) // its 90 s start after the import
	signIn(t, ctx, url, "quantri")
	err := chromedp.Do(ctx,
		chromedp.Navigate(url+"/bo-nhiem?ngay=2018-12-31"),
		chromedp.WaitVisible(chromedp.ID("list-title")),
		chromedp.SetValue(chromedp.CSS(`form.filters input[name="pham_vi"]`), "VN1-218"),
		follow(chromedp.Submit(chromedp.CSS("form.filters")), chromedp.WaitVisible(chromedp.ID("appointments"))),
	)
	if err != nil {
		t.Fatal(err)
	}
	if title := text(t, ctx, "#list-title"); title != "Chức vụ đang đảm nhiệm" {
		t.Fatalf("list: %q", title)
	}
	if d := text(t, ctx, "#shown-date"); d != "31/12/2018" {
		t.Fatalf("date shown: %q", d)
	}
	// The download of the list, as the page links it: a workbook.
	kind, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(async () => {
		const a = [...document.querySelectorAll("main a")].find(x => x.textContent === "Excel");
		const r = await fetch(a.href);
		return r.status + " " + r.headers.get("Content-Type") + " " + r.headers.get("Content-Disposition");
	})()`, chromedp.EvalAwaitPromise))
	if err != nil || !strings.HasPrefix(kind, "200 application/vnd.openxmlformats") || !strings.Contains(kind, "bo-nhiem-held-2018-12-31.xlsx") {
		t.Fatalf("download: %q %v", kind, err)
	}
	// The first holder's page, then the form that records a discipline.
	name := text(t, ctx, "#appointments tbody tr td a")
	err = chromedp.Do(ctx,
		follow(chromedp.Click(chromedp.CSS("#appointments tbody tr td a")), chromedp.WaitVisible(chromedp.ID("add-discipline"))),
		follow(chromedp.Click(chromedp.ID("add-discipline")), chromedp.WaitVisible(chromedp.CSS(`select[name="v_form"]`))),
	)
	if err != nil {
		t.Fatal(err)
	}
	if pick, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('input[name="v_subject_id"]').dataset.pick`)); err != nil || pick != "nguoi" {
		t.Fatalf("the subject's picker: %q %v", pick, err)
	}
	err = chromedp.Do(ctx,
		chromedp.SetValue(chromedp.CSS(`select[name="v_form"]`), "warning"),
		chromedp.SetValue(chromedp.CSS(`input[name="v_date"]`), "15/11/2018"),
		chromedp.SetValue(chromedp.CSS(`input[name="v_authority_id"]`), "VN1-218"),
		chromedp.SetValue(chromedp.CSS(`input[name="v_reason"]`), "Thử nghiệm ghi kỷ luật"),
		follow(chromedp.Click(chromedp.Search(`//button[text()="Ghi"]`)), chromedp.WaitReady(chromedp.CSS("main"))),
	)
	if err != nil {
		t.Fatal(err)
	}
	// A finding the change adds (a rating that year…) asks to confirm.
	if again, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`!!document.querySelector('button[name="chap_nhan_phat_hien"]')`)); err != nil {
		t.Fatal(err)
	} else if again {
		if err := chromedp.Do(ctx, follow(chromedp.Click(chromedp.CSS(`button[name="chap_nhan_phat_hien"]`)), chromedp.WaitVisible(chromedp.ID("saved")))); err != nil {
			t.Fatal(err)
		}
	}
	if msg := text(t, ctx, "#saved"); !strings.Contains(msg, "Đã ghi kỷ luật") {
		t.Fatalf("confirmation: %q", msg)
	}
	err = chromedp.Do(ctx,
		chromedp.Navigate(url+"/ky-luat?ngay=2018-12-31"),
		chromedp.WaitVisible(chromedp.ID("discipline")),
	)
	if err != nil {
		t.Fatal(err)
	}
	row := text(t, ctx, "#discipline tbody")
	if !strings.Contains(row, "Thử nghiệm ghi kỷ luật") || !strings.Contains(row, name) || !strings.Contains(row, "Cảnh cáo") {
		t.Fatalf("the register:\n%.800s", row)
	}
	err = chromedp.Do(ctx,
		follow(chromedp.Click(chromedp.Search(`//table[@id="discipline"]//a[text()="`+name+`"]`)), chromedp.WaitVisible(chromedp.ID("discipline"))),
	)
	if err != nil {
		t.Fatal(err)
	}
	if got := text(t, ctx, "h2#discipline + table"); !strings.Contains(got, "Thử nghiệm ghi kỷ luật") || !strings.Contains(got, "15/11/2018") ||
		!strings.Contains(got, "Cảnh cáo") {
		t.Fatalf("the person's discipline:\n%s", got)
	}
	// On a phone, the workplace's page does not overflow: its table scrolls in place.
	err = chromedp.Do(ctx,
		chromedp.EmulateViewport(390, 844),
		chromedp.Navigate(url+"/bo-nhiem?ngay=2018-12-31&pham_vi=VN1-218&danh_sach=rotation"),
		chromedp.WaitVisible(chromedp.ID("list-title")),
	)
	if err != nil {
		t.Fatal(err)
	}
	if wide, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth`)); err != nil || wide {
		t.Fatalf("the workplace overflows a phone's width (%v)", err)
	}
}
