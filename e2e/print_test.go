package e2e

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// printsAsForm prints the dashboard shown (print media emulated): the
// statistical form's title, dates and signature block show, the red header,
// the menus and the forms do not; back to the screen after.
func printsAsForm(t *testing.T, ctx context.Context) {
	t.Helper()
	visible := func(css string) bool {
		v, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(() => { const e = document.querySelector(`+"`"+css+"`"+`);
			return !!e && getComputedStyle(e).display !== "none" && e.getClientRects().length > 0 })()`))
		if err != nil {
			t.Fatalf("visible %s: %v", css, err)
		}
		return v
	}
	if visible("#signatures") || !visible("header") {
		t.Fatal("on screen: the signature block shows or the header does not")
	}
	media := func(m string) error {
		_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: m})
		return err
	}
	if err := media("print"); err != nil {
		t.Fatal(err)
	}
	defer func() {
		if err := media(""); err != nil {
			t.Fatal(err)
		}
	}()
	for _, css := range []string{"#print-title", "#print-head", "#signatures", "#source", "#indicators"} {
		if !visible(css) {
			t.Errorf("printed: %s does not show", css)
		}
	}
	for _, css := range []string{"header", "nav", "form.filters", "main > h1"} {
		if visible(css) {
			t.Errorf("printed: %s shows", css)
		}
	}
	title, sig := text(t, ctx, "#print-title"), text(t, ctx, "#signatures")
	if !strings.Contains(title, "BÁO CÁO THỐNG KÊ") || !strings.Contains(title, "31/12/2018") || !strings.Contains(title, "30/05/2018") {
		t.Errorf("printed title: %q", title)
	}
	if !strings.Contains(sig, "NGƯỜI LẬP BIỂU") || !strings.Contains(sig, "THỦ TRƯỞNG ĐƠN VỊ") || !strings.Contains(sig, "ngày") {
		t.Errorf("printed signatures: %q", sig)
	}
}
