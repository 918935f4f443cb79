package web_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/tochuc/tochuc/internal/bundle"
)

// duesWebBundle: the rich bundle with a cell C1 (of 1960, under no
// committee), members paying dues.
func duesWebBundle() bundle.Tables {
	b := richBundle()
	b.Add("units", map[string]string{"id": "C1", "name": "Chi bộ thôn Một", "kind": "party_cell", "locality_id": "X1", "valid_from": "1960-01-01"})
	b.Add("people", map[string]string{"id": "M1", "full_name": "Lê Văn Cường", "birth_date": "1980-01-01"})
	b.Add("people", map[string]string{"id": "M2", "full_name": "Phạm Thị Dung", "birth_date": "1950-01-01"})
	b.Add("party", map[string]string{"person_id": "M1", "event": "admitted", "date": "2010-05-10", "unit_id": "C1"})
	b.Add("party", map[string]string{"person_id": "M1", "event": "recognized", "date": "2011-05-10"})
	b.Add("party", map[string]string{"person_id": "M2", "event": "admitted", "date": "1970-03-01", "unit_id": "C1"})
	b.Add("party", map[string]string{"person_id": "M2", "event": "recognized", "date": "1971-03-01"})
	b.Add("party_cards", map[string]string{"person_id": "M1", "number": "24000123", "issued_on": "2011-09-01"})
	b.Add("awards", map[string]string{"person_id": "M2", "kind": "badge_50", "date": "2020-05-19"})
	b.Add("party_temporary", map[string]string{"person_id": "M1", "unit_id": "D1", "valid_from": "2026-02-01", "valid_to": "2026-05-31"})
	b.Add("party_dues", map[string]string{"person_id": "M1", "month": "2026-05", "amount": "50000", "paid_on": "2026-05-10", "unit_id": "C1"})
	return b
}

func TestDuesWorkplace(t *testing.T) {
	t.Parallel()
	srv := newApp(t, duesWebBundle())
	ts := signIn(t, srv, "admin")
	code, body := ts.get("/dang-phi/cham?ngay=2026-12-03&pham_vi=C1")
	if code != http.StatusOK || !strings.Contains(body, "Lê Văn Cường") || !strings.Contains(body, "Chậm 7 tháng") ||
		strings.Contains(body, "Phạm Thị Dung") {
		t.Fatalf("behind list: %d\n%.3000s", code, body)
	}
	// The exempt M2 is not behind.
	code, body = ts.get("/api/v1/dues/behind?ngay=2026-12-03&pham_vi=C1")
	var api struct {
		Data struct {
			Total int `json:"total"`
			Items []struct {
				PersonID     string `json:"person_id"`
				MonthsBehind int    `json:"months_behind"`
			} `json:"items"`
		} `json:"data"`
	}
	if err := json.Unmarshal([]byte(body), &api); err != nil || code != http.StatusOK || api.Data.Total != 1 || api.Data.Items[0].MonthsBehind != 7 {
		t.Fatalf("API behind list: %d %v\n%.2000s", code, err, body)
	}
	// The month's list: M2 shown as exempt, a form for the page.
	code, body = ts.get("/dang-phi?ngay=2026-12-03&pham_vi=C1&thang=12/2026")
	if code != http.StatusOK || !strings.Contains(body, "Miễn (tuổi đảng từ 50 năm)") || !strings.Contains(body, `name="so_tien"`) {
		t.Fatalf("month list: %d\n%s", code, body[strings.Index(body, "list-title"):])
	}
	v := url.Values{"pham_vi": {"C1"}, "thang": {"2026-12"}, "ngay": {"2026-12-03"},
		"nguoi": {"M1", "M2"}, "so_tien": {"60.000", ""}, "ngay_nop": {"02/12/2026", ""}}
	if code, body := ts.postForm("/dang-phi", v); code != http.StatusOK || !strings.Contains(body, "Đã ghi các khoản đảng phí") {
		t.Fatalf("record: %d\n%.3000s", code, body)
	}
	_, body = ts.get("/dang-phi?ngay=2026-12-03&pham_vi=C1&thang=12/2026")
	if !strings.Contains(body, `value="60000"`) {
		t.Errorf("payments recorded not shown:\n%.3000s", body)
	}
	if _, body = ts.get("/api/v1/dues/behind?ngay=2026-12-03&pham_vi=C1"); !strings.Contains(body, `"total": 0`) {
		t.Errorf("behind after paying December: %q", body)
	}
	// A negative amount is refused and nothing is written.
	v.Set("so_tien", "-5")
	if code, _ := ts.postForm("/dang-phi", v); code != http.StatusBadRequest && code != http.StatusUnprocessableEntity {
		t.Errorf("negative amount: %d", code)
	}
	// Not a party organization.
	if code, _ := ts.get("/dang-phi/cham?ngay=2026-12-03&pham_vi=X1"); code != http.StatusBadRequest {
		t.Error("a commune accepted as a party organization")
	}
	// The download.
	resp, err := ts.http.Get(ts.base + "/dang-phi/cham?ngay=2026-06-03&pham_vi=C1&dang=xlsx")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.Contains(resp.Header.Get("Content-Type"), "spreadsheetml") {
		t.Errorf("download: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	// Staff of H1 may not record dues outside: X2 has no party organization; a viewer may not write.
	vw := signIn(t, srv, "viewer")
	if code, _ := vw.postForm("/dang-phi", url.Values{"pham_vi": {"C1"}, "thang": {"2026-12"}, "nguoi": {"M1"}, "so_tien": {"1"}, "ngay_nop": {"2026-12-01"}}); code != http.StatusForbidden {
		t.Errorf("a viewer recorded dues: %d", code)
	}
}

func TestPersonPagePartyRecord(t *testing.T) {
	t.Parallel()
	ts := signIn(t, newApp(t, duesWebBundle()), "admin")
	_, body := ts.get("/nhan-su/M1?ngay=2026-12-03")
	for _, want := range []string{"Tuổi đảng", "16 năm", "24000123", "cấp ngày 01/09/2011", "Sinh hoạt đảng tạm thời", "Đảng bộ xã Một",
		"Đã đóng đến tháng 05/2026", "chậm 7 tháng"} {
		if !strings.Contains(body, want) {
			t.Errorf("person page lacks %q", want)
		}
	}
	_, body = ts.get("/nhan-su/M2?ngay=2026-12-03")
	for _, want := range []string{"56 năm", "Huy hiệu 50 năm", "Miễn (tuổi đảng từ 50 năm)"} {
		if !strings.Contains(body, want) {
			t.Errorf("person page of M2 lacks %q", want)
		}
	}
	_, body = ts.get("/don-vi/C1?ngay=2026-12-03")
	if !strings.Contains(body, "56 năm") || !strings.Contains(body, "16 năm") {
		t.Errorf("unit page: no party ages\n%.3000s", body)
	}
}
