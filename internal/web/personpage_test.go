package web_test

import (
	"strings"
	"testing"
)

// TestPersonPageParty: the person page gives the dates of joining the party
// and of becoming an official member, and carries the printed form's title
// and signature block (shown only on paper).
func TestPersonPageParty(t *testing.T) {
	t.Parallel()
	b := richBundle()
	b.Add("people", map[string]string{"id": "P9", "full_name": "Hà Thị Lan"})
	b.Add("party", map[string]string{"person_id": "P9", "event": "admitted", "date": "2010-05-19", "unit_id": "D1"})
	b.Add("party", map[string]string{"person_id": "P9", "event": "recognized", "date": "2011-05-19", "unit_id": "D1"})
	admin := signIn(t, newApp(t, b), "admin")
	page := admin.mustGet("/nhan-su/P9?ngay=2018-01-01")
	for _, want := range []string{`<dd id="admitted">19/05/2010</dd>`, `<dd id="official">19/05/2011</dd>`,
		`SƠ YẾU LÝ LỊCH`, `Người khai`, `button type="button" class="print"`} {
		if !strings.Contains(page, want) {
			t.Errorf("person page lacks %q", want)
		}
	}
	if page := admin.mustGet("/nhan-su/P9?ngay=2010-12-31"); !strings.Contains(page, `<dd id="admitted">19/05/2010</dd>`) ||
		strings.Contains(page, `id="official"`) {
		t.Errorf("on 31/12/2010 a probationary member:\n%.2000s", page)
	}
	if _, api := admin.get("/api/v1/people/P9?ngay=2018-01-01"); !strings.Contains(api, `"party_official_on": "2011-05-19"`) {
		t.Errorf("api:\n%.1500s", api)
	}
}
