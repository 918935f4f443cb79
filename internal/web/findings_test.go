package web_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/tochuc/tochuc/internal/bundle"
)

// findingsBundle is richBundle with four nominees planned for the secretary
// of D1 (inside staff's district H1) and four for the chair of U2 (outside
// it): one PLAN-02 finding each from 2020 on.
func findingsBundle() bundle.Tables {
	b := richBundle()
	for i := 4; i <= 11; i++ {
		id := fmt.Sprintf("P%d", i)
		b.Add("people", map[string]string{"id": id, "full_name": "Người Số " + id, "birth_date": "1980-01-01"})
		unit, role := "D1", "secretary"
		if i > 7 {
			unit, role = "U2", "chair"
		}
		b.Add("plans", map[string]string{"term": "2020-2025", "unit_id": unit, "role": role, "person_id": id, "added_on": "2019-06-01"})
	}
	return b
}

// findingsIn decodes an API answer and returns the rule of each finding listed.
func findingsIn(t *testing.T, body string) []string {
	t.Helper()
	var v any
	if err := json.Unmarshal([]byte(body), &v); err != nil {
		t.Fatalf("not JSON: %v\n%.300s", err, body)
	}
	var rules []string
	var walk func(any)
	walk = func(x any) {
		switch x := x.(type) {
		case map[string]any:
			if fs, ok := x["items"].([]any); ok {
				for _, f := range fs {
					rules = append(rules, f.(map[string]any)["rule"].(string))
				}
				return
			}
			for _, y := range x {
				walk(y)
			}
		}
	}
	walk(v)
	return rules
}

// TestFindingsPage: the findings of the user's scope and date, filtered,
// paged, downloadable, and on the pages of the persons and units they are about.
func TestFindingsPage(t *testing.T) {
	ts := newApp(t, findingsBundle())
	admin, staff := signIn(t, ts, "admin"), signIn(t, ts, "staff")
	if code, body := admin.get("/api/v1/checks?ngay=2021-01-01&quy_dinh=PLAN-02"); code != 200 || len(findingsIn(t, body)) != 2 {
		t.Errorf("admin: %d, findings %v, want two PLAN-02\n%.500s", code, findingsIn(t, body), body)
	}
	if code, body := staff.get("/api/v1/checks?ngay=2021-01-01&quy_dinh=PLAN-02"); code != 200 || len(findingsIn(t, body)) != 1 ||
		!strings.Contains(body, `"D1"`) || strings.Contains(body, `"U2"`) {
		t.Errorf("staff of H1: %d, want D1's finding only\n%.800s", code, body)
	}
	if _, body := admin.get("/api/v1/checks?ngay=2019-01-01&quy_dinh=PLAN-02"); len(findingsIn(t, body)) != 0 {
		t.Errorf("before the plans were added: %v", findingsIn(t, body))
	}
	if _, body := admin.get("/api/v1/checks?ngay=2021-01-01&don_vi=U2"); len(findingsIn(t, body)) != 1 {
		t.Errorf("filtered by unit U2: %v", findingsIn(t, body))
	}
	code, body := admin.get("/kiem-tra?ngay=2021-01-01")
	if code != 200 || !strings.Contains(body, "PLAN-02") || !strings.Contains(body, `href="/don-vi/D1"`) || !strings.Contains(body, "dang=xlsx") {
		t.Errorf("findings page: %d\n%.1500s", code, body)
	}
	if _, body := admin.get("/kiem-tra?ngay=2021-01-01&trang=9"); !strings.Contains(body, "Không còn phát hiện nào ở trang này") {
		t.Error("a page past the end must be empty")
	}
	code, ctype, body := admin.fetch("/kiem-tra?ngay=2021-01-01&quy_dinh=PLAN-02&dang=csv")
	if code != 200 || !strings.HasPrefix(ctype, "text/csv") || strings.Count(body, "PLAN-02") != 2 {
		t.Errorf("CSV download: %d %s\n%s", code, ctype, body)
	}
	if code, body := admin.get("/kiem-tra?quy_dinh=KHONG-CO"); code != 422 && code != 400 {
		t.Errorf("an unknown rule: %d\n%.200s", code, body)
	}
	if _, body := admin.get("/nhan-su/P4?ngay=2021-01-01"); !strings.Contains(body, `id="findings"`) || !strings.Contains(body, "PLAN-02") {
		t.Errorf("person page without the person's finding\n%.3000s", body)
	}
	if _, body := staff.get("/don-vi/D1?ngay=2021-01-01"); !strings.Contains(body, "PLAN-02") {
		t.Error("unit page without the unit's finding")
	}
	if _, body := admin.get("/don-vi/X1?ngay=2021-01-01"); !strings.Contains(body, "Không có phát hiện nào") {
		t.Error("a unit without findings must say so")
	}
}
