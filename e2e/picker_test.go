package e2e

import (
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestPickerAndSaveConfirmation adds a document on a phone-sized screen:
// its issuer is picked by typing a name without diacritics and choosing
// with the keyboard (the code goes into the field, the name shows beside
// it), and the page the save returns to confirms it with a link.
func TestPickerAndSaveConfirmation(t *testing.T) {
	ctx := browser(t)
	url := serveVietnam(t)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 844)); err != nil {
		t.Fatal(err)
	}
	signIn(t, ctx, url, "quantri")
	issuer := `input[name="v_issuer_id"]`
	err := chromedp.Do(ctx,
		chromedp.Navigate(url+"/sua/documents?ngay=2025-06-30"),
		chromedp.WaitVisible(chromedp.CSS(issuer)),
		chromedp.SendKeys(chromedp.CSS(issuer), "huyen luc nam"),
		chromedp.WaitVisible(chromedp.CSS(`.pick-list li[role="option"]`)),
	)
	if err != nil {
		t.Fatal(err)
	}
	if first := text(t, ctx, `.pick-list li[role="option"]`); !strings.Contains(first, "Huyện Lục Nam") {
		t.Fatalf("first choice for 'huyen luc nam': %q", first)
	}
	err = chromedp.Do(ctx,
		chromedp.SendKeys(chromedp.CSS(issuer), kb.ArrowDown+kb.Enter),
		chromedp.WaitNotVisible(chromedp.CSS(`.pick-list`)),
	)
	if err != nil {
		t.Fatal(err)
	}
	code, err := chromedp.Run(ctx, chromedp.Value(chromedp.CSS(issuer)))
	if err != nil || !regexp.MustCompile(`^\S+$`).MatchString(code) || strings.Contains(code, "Lục") {
		t.Fatalf("the field must hold the unit's code, not its name: %q %v", code, err)
	}
	if echo := text(t, ctx, `.pick-name`); !strings.Contains(echo, "Huyện Lục Nam") || !strings.Contains(echo, code) {
		t.Fatalf("the name beside the code: %q", echo)
	}
	err = chromedp.Do(ctx,
		chromedp.SetValue(chromedp.CSS(`input[name="v_id"]`), "QD-E2E"),
		chromedp.SetValue(chromedp.CSS(`input[name="v_number"]`), "99-QĐ/HU"),
		chromedp.SetValue(chromedp.CSS(`select[name="v_kind"]`), "decision"),
		chromedp.SetValue(chromedp.CSS(`input[name="v_issued_on"]`), "2025-06-30"),
		chromedp.SetValue(chromedp.CSS(`input[name="v_title"]`), "Về việc thử nghiệm"),
		follow(chromedp.Click(chromedp.Search(`//button[text()="Ghi"]`)), chromedp.WaitVisible(chromedp.ID("saved"))),
	)
	if err != nil {
		t.Fatal(err)
	}
	if msg := text(t, ctx, "#saved"); !strings.Contains(msg, "Đã ghi văn bản") {
		t.Fatalf("confirmation: %q", msg)
	}
	link, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("#saved a").getAttribute("href")`))
	if err != nil || !strings.HasPrefix(link, "/van-ban") {
		t.Fatalf("the confirmation's link: %q %v", link, err)
	}
}
