package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestRestructureWizard previews a merger (nothing written): names, not
// codes, summary counts, a warning for the two party committees left on the
// merged commune, and no way to carry it out without its decision; then
// applies it with the decision.
func TestRestructureWizard(t *testing.T) {
	t.Parallel()
	b := richBundle()
	b.Add("units", map[string]string{"id": "D2", "name": "Đảng bộ xã Hai", "kind": "party_grassroots_committee", "locality_id": "X2", "valid_from": "2000-01-01"})
	b.Add("documents", map[string]string{"id": "QD1", "number": "15-QĐ/TU", "kind": "decision", "issued_on": "2019-12-01", "title": "Về việc sáp nhập xã"})
	ts := newApp(t, b)
	admin := signIn(t, ts, "admin")
	form := url.Values{"kind": {"merge"}, "date": {"2020-01-01"}, "from": {"X1, X2"}, "new_id": {"X9"},
		"new_name": {"Xã Hợp Nhất"}, "new_parent": {"H1"}, "xem_truoc": {"1"}}
	code, body := admin.postForm("/sap-xep?ngay=2020-01-01", form)
	if code != http.StatusOK || !strings.Contains(body, `id="changes"`) || strings.Contains(body, "Thực hiện sắp xếp") ||
		!strings.Contains(body, "Cần văn bản quyết định") {
		t.Fatalf("preview without a decision: %d\n%.3000s", code, body)
	}
	for _, want := range []string{`id="summary"`, "Đơn vị kết thúc (sáp nhập, giải thể, chia tách)</th><td>2<", "Đơn vị thành lập mới</th><td>1<",
		"Xã Một (X1)", `id="warnings"`, "Đảng bộ xã Một (D1), Đảng bộ xã Hai (D2)", "Xã Một; Xã Hai"} {
		if !strings.Contains(body, want) {
			t.Errorf("preview lacks %s", want)
		}
	}
	form.Set("document", "QD1")
	code, body = admin.postForm("/sap-xep?ngay=2020-01-01", form)
	if code != http.StatusOK || !strings.Contains(body, "Thực hiện sắp xếp") || !strings.Contains(body, "15-QĐ/TU — Về việc sáp nhập xã") {
		t.Fatalf("preview: %d\n%.3000s", code, body)
	}
	if code, _ := admin.get("/don-vi/X9?ngay=2020-01-01"); code != http.StatusNotFound {
		t.Fatalf("the preview wrote the new unit: %d", code)
	}
	form.Del("xem_truoc")
	form.Set("thuc_hien", "1")
	if code, _ := admin.postForm("/sap-xep?ngay=2020-01-01", form); code != http.StatusOK {
		t.Fatalf("apply: %d", code)
	}
	_, body = admin.get("/don-vi/X9?ngay=2020-01-01")
	if !strings.Contains(body, "<h1>Xã Hợp Nhất</h1>") || !strings.Contains(body, `id="lineage"`) || !strings.Contains(body, "Xã Một") {
		t.Fatalf("new unit page:\n%.3000s", body)
	}
	if _, body = admin.get("/don-vi/X1?ngay=2020-01-01"); !strings.Contains(body, "không tồn tại vào ngày 01/01/2020") {
		t.Fatal("X1 must end on 2020-01-01")
	}
	// Staff of H1 cannot restructure a unit of H2 (U2 was under X2, of H2, until the merger of 2020).
	staff := signIn(t, ts, "staff")
	code, _ = staff.postForm("/sap-xep?ngay=2019-06-01", url.Values{"kind": {"rename"}, "date": {"2019-06-01"},
		"from": {"U2"}, "new_name": {"UBND xã Hai mới"}, "xem_truoc": {"1"}})
	if code != http.StatusUnprocessableEntity && code != http.StatusForbidden {
		t.Fatalf("staff restructuring outside the scope: %d", code)
	}
}
