package web_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/indicator"
)

// reformBundle: a district and its commune until 2025-07-01, then a commune
// directly under the province.
func reformBundle() bundle.Tables {
	b := treeBundle()
	b.Add("units", map[string]string{"id": "X1", "name": "Xã Cũ", "kind": "commune", "parent_id": "H1", "valid_from": "2000-01-01", "valid_to": "2025-07-01"})
	b.Add("units", map[string]string{"id": "X2", "name": "Xã Mới", "kind": "commune", "parent_id": "T1", "valid_from": "2025-07-01"})
	return b
}

// TestDashboardAfterReform: the commune label follows the date, and the rows
// of district indicators read "không còn cấp huyện" on a date without
// districts, while the JSON keeps the figures.
func TestDashboardAfterReform(t *testing.T) {
	t.Parallel()
	c := signIn(t, newApp(t, reformBundle()), "admin")
	_, before := c.get("/?ngay=2025-06-30")
	if !strings.Contains(before, "Xã, phường, thị trấn") || strings.Contains(before, "không còn cấp huyện") {
		t.Error("2025-06-30: want the old commune label and the district figures")
	}
	_, after := c.get("/?ngay=2025-07-01&tu=2025-06-30")
	if !strings.Contains(after, "Xã, phường, đặc khu") || strings.Contains(after, "Xã, phường, thị trấn") {
		t.Error("2025-07-01: want the commune label Xã, phường, đặc khu")
	}
	if n := strings.Count(after, "không còn cấp huyện"); n != 4 {
		t.Errorf("2025-07-01: %d rows read không còn cấp huyện, want the 4 district indicators", n)
	}
	_, js := c.get("/api/v1/report?ngay=2025-07-01")
	var body struct {
		Data struct{ Indicators []indicator.Indicator } `json:"data"`
	}
	if err := json.Unmarshal([]byte(js), &body); err != nil {
		t.Fatal(err)
	}
	for _, ind := range body.Data.Indicators {
		if strings.HasPrefix(ind.ID, "concurrency.district.") && (ind.Value != 0 || ind.Of == nil || *ind.Of != 0) {
			t.Errorf("JSON: %s must stay 0 of 0", ind.ID)
		}
	}
	for path, want := range map[string]string{"/don-vi/X2?ngay=2026-01-01": "Xã, phường, đặc khu", "/don-vi/X1?ngay=2020-01-01": "Xã, phường, thị trấn",
		"/don-vi?ngay=2026-01-01&loai=commune": "<td>Xã, phường, đặc khu</td>", "/to-chuc?ngay=2026-01-01": "Xã, phường, đặc khu"} {
		if _, body := c.get(path); !strings.Contains(body, want) {
			t.Errorf("%s: no %q", path, want)
		}
	}
}
