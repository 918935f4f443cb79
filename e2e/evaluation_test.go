package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestEvaluationWorkflow signs in as the demo's admin, opens the evaluation
// workplace for the committee of the provincial party agencies (picked by typing its name)
// and the year 2026, enters a party organization's self-assessment with a
// score, appraises and decides it, then enters a second one rated
// excellent and sees the quota (EVAL-11) broken, the undecided row counted.
func TestEvaluationWorkflow(t *testing.T) {
	ctx := browser(t)
	url := serveDemo(t)
	signIn(t, ctx, url, "quantri")
	pick := `input[name="cap_uy"]`
	agencies := `//*[contains(@class,"pick-list")]//li[@role="option"][starts-with(normalize-space(.), "Đảng bộ các cơ quan Đảng")]`
	steps := []struct {
		name string
		act  chromedp.Action[chromedp.Void]
	}{
		{"menu", follow(chromedp.Click(chromedp.Search(`//nav//a[text()="Đánh giá, xếp loại"]`)), chromedp.WaitVisible(chromedp.CSS(pick)))},
		{"year", chromedp.SetValue(chromedp.CSS(`input[name="nam"]`), "2026")},
		{"type", chromedp.SendKeys(chromedp.CSS(pick), "dang bo tinh")},
		{"list", chromedp.WaitVisible(chromedp.Search(agencies))},
		{"choose", chromedp.Click(chromedp.Search(agencies))},
		{"closed", chromedp.WaitNotVisible(chromedp.CSS(`.pick-list`))},
		{"show", follow(chromedp.Click(chromedp.CSS(`form.filters button[type="submit"]`)), chromedp.WaitVisible(chromedp.CSS("#trang-thai")))},
	}
	for _, st := range steps {
		if err := chromedp.Do(ctx, st.act); err != nil {
			loc, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`location.href + " " + document.readyState + " " + document.body.innerText.slice(0, 1500)`))
			t.Fatalf("%s: %v\n%s", st.name, err, loc)
		}
	}
	ids, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](
		`Array.from(document.querySelectorAll('#nhom-party_org tbody tr')).slice(0, 2).map(r => r.id)`))
	if err != nil || len(ids) < 2 {
		main, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("main")))
		t.Fatalf("two party organizations to rate: %v %v\n%.3000s", ids, err, main)
	}
	// save submits a row's form with a score and a step.
	save := func(row, score, step string) {
		t.Helper()
		sel := `tr[id="` + row + `"] form`
		err := chromedp.Do(ctx,
			chromedp.SetValue(chromedp.CSS(sel+` input[name="diem"]`), score),
			chromedp.SetValue(chromedp.CSS(sel+` select[name="buoc"]`), step),
			follow(chromedp.Click(chromedp.CSS(sel+` button`)), chromedp.WaitVisible(chromedp.ID("trang-thai"))),
		)
		if err != nil {
			t.Fatalf("%s %s: %v", row, step, err)
		}
	}
	first := ids[0]
	save(first, "80", "self_assessed")
	if got := text(t, ctx, `tr[id="`+first+`"]`); !strings.Contains(got, "Tự đánh giá") || !strings.Contains(got, "Hoàn thành tốt nhiệm vụ") {
		t.Fatalf("self-assessment: %q", got)
	}
	save(first, "80", "appraised")
	if got := text(t, ctx, `tr[id="`+first+`"]`); !strings.Contains(got, "Đã thẩm định") {
		t.Fatalf("appraisal: %q", got)
	}
	save(first, "80", "decided")
	if got := text(t, ctx, `tr[id="`+first+`"]`); !strings.Contains(got, "Đã quyết định") || strings.Contains(got, "chưa quyết định") {
		t.Fatalf("decision: %q", got)
	}
	if q := text(t, ctx, `#trang-thai li[data-category="party_org"]`); !strings.Contains(q, "trong tỷ lệ") {
		t.Fatalf("quota with one good: %q", q)
	}
	// A second one self-assessed at 95 (excellent): 1 excellent for 1 good
	// is over ⌊20 % × 1⌋ = 0, shown in red while still undecided.
	save(ids[1], "95", "self_assessed")
	q := text(t, ctx, `#trang-thai li[data-category="party_org"]`)
	if !strings.Contains(q, "vượt tỷ lệ") || !strings.Contains(q, "chưa quyết định") {
		t.Fatalf("quota broken: %q", q)
	}
	cls, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('#trang-thai li[data-category="party_org"]').className`))
	if err != nil || !strings.Contains(cls, "bad") {
		t.Fatalf("the broken quota in red: %q %v", cls, err)
	}
}
