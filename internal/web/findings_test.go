package web_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
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
	admin, staff := signIn(t, ts, "admin"), signIn(t, ts, "canbomat") // plans are confidential: a staff member with the permission
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
	if code != 200 || !strings.Contains(body, "PLAN-02") || !strings.Contains(body, `href="/don-vi/D1?ngay=2021-01-01"`) || !strings.Contains(body, "dang=xlsx") {
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

// TestEditWarnsOfFindings: a form that would add a finding shows it and
// writes nothing until the clerk saves anyway; the API saves and says
// what it added (or asks first with "accept_findings": false).
func TestEditWarnsOfFindings(t *testing.T) {
	b := findingsBundle()
	b["plans"] = b["plans"][:4] // P4, P5, P6 for D1's secretary: three, within the limit
	ts := newApp(t, b)
	admin := signIn(t, ts, "admin")
	form := url.Values{"che_do": {"sua_sai"}, "v_term": {"2020-2025"}, "v_unit_id": {"D1"}, "v_role": {"secretary"},
		"v_person_id": {"P7"}, "v_added_on": {"2020-06-01"}}
	code, body := admin.postForm("/sua/plans?ngay=2021-01-01", form)
	if code != http.StatusUnprocessableEntity || !strings.Contains(body, "PLAN-02") || !strings.Contains(body, `name="chap_nhan_phat_hien"`) {
		t.Fatalf("a fourth nominee: %d, want the warning with PLAN-02\n%.2000s", code, body)
	}
	if _, body := admin.get("/api/v1/checks?ngay=2021-01-01&quy_dinh=PLAN-02"); len(findingsIn(t, body)) != 0 {
		t.Fatal("the warned edit was written")
	}
	form.Set("chap_nhan_phat_hien", "1")
	if code, body := admin.postForm("/sua/plans?ngay=2021-01-01", form); code != http.StatusOK {
		t.Fatalf("saved anyway: %d\n%.1000s", code, body)
	}
	if _, body := admin.get("/api/v1/checks?ngay=2021-01-01&quy_dinh=PLAN-02"); len(findingsIn(t, body)) != 1 {
		t.Fatal("the accepted edit's finding is not found")
	}
	plan := `{"mode":"sua_sai","values":{"term":"2020-2025","unit_id":"U2","role":"chair","person_id":"P8","added_on":"2020-06-01"}%s}`
	code, body = admin.postJSON("/api/v1/records/plans?ngay=2021-01-01", fmt.Sprintf(plan, ""))
	if code != http.StatusOK || !strings.Contains(body, `"findings_added"`) {
		t.Fatalf("API edit: %d\n%.1000s", code, body)
	}
	// P1 holds D1's secretary post: planning them for it is PLAN-01.
	code, body = admin.postJSON("/api/v1/records/plans?ngay=2021-01-01",
		strings.NewReplacer("U2", "D1", `"chair"`, `"secretary"`, "P8", "P1").Replace(fmt.Sprintf(plan, `,"accept_findings":false`)))
	if code != http.StatusUnprocessableEntity || !strings.Contains(body, `"code": "findings"`) || !strings.Contains(body, "PLAN-01") {
		t.Fatalf("API edit asking first: %d, want 422 with the PLAN-01 finding\n%.1000s", code, body)
	}
}

// TestSubjectPagesDoNotRunChecks: the person and unit pages show the
// findings of a run already done (the findings page's), and before it say
// so with a link to the findings page, without running the checks over the
// whole registry themselves.
func TestSubjectPagesDoNotRunChecks(t *testing.T) {
	admin := signIn(t, newApp(t, findingsBundle()), "admin")
	for _, path := range []string{"/nhan-su/P4?ngay=2021-01-01", "/don-vi/D1?ngay=2021-01-01"} {
		_, body := admin.get(path)
		if !strings.Contains(body, "Chưa có kết quả kiểm tra") || !strings.Contains(body, `href="/kiem-tra?`) || strings.Contains(body, "PLAN-02") {
			t.Errorf("%s before a run: want the note and the link\n%.3000s", path, body)
		}
		_, body = admin.get(path)
		if !strings.Contains(body, "Chưa có kết quả kiểm tra") {
			t.Errorf("%s: the page started a run of the checks", path)
		}
	}
	admin.get("/kiem-tra?ngay=2021-01-01")
	for _, path := range []string{"/nhan-su/P4?ngay=2021-01-01", "/don-vi/D1?ngay=2021-01-01"} {
		if _, body := admin.get(path); !strings.Contains(body, "PLAN-02") {
			t.Errorf("%s after the findings page: no finding\n%.3000s", path, body)
		}
	}
}
