package web_test

import (
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestAuditPage: the audit log reads as an auditor reads it — the names of
// the account, the person and the unit, Vietnamese action names, each
// changed field before → after with labels and values in words, the
// change's effective date, Vietnam's time with its zone — and its filters
// by person, unit, action and days keep only the matching entries.
func TestAuditPage(t *testing.T) {
	t.Parallel()
	ts := newApp(t, richBundle())
	staff := signIn(t, ts, "staff")
	v := staff.version("/sua/assignments?person_id=P1&unit_id=D1&role=secretary&valid_from=2015-01-01&ngay=2018-01-01")
	code, _ := staff.postForm("/sua/assignments?ngay=2019-06-01", url.Values{
		"che_do": {"thay_doi"}, "hieu_luc": {"2019-01-01"}, "phien_ban": {v},
		"goc_person_id": {"P1"}, "goc_unit_id": {"D1"}, "goc_role": {"secretary"}, "goc_valid_from": {"2015-01-01"},
		"v_person_id": {"P1"}, "v_unit_id": {"D1"}, "v_role": {"deputy_secretary"}, "v_valid_from": {"2015-01-01"}, "v_how": {"appointed"},
	})
	if code != http.StatusOK {
		t.Fatalf("change: %d", code)
	}
	auditor := signIn(t, ts, "auditor")
	_, body := auditor.get("/nhat-ky")
	row := html.UnescapeString(rowWith(body, "Thay đổi từ ngày chức vụ"))
	for _, want := range []string{"Cán bộ huyện Ánh", "Trần Văn Bình", "Đảng bộ xã Một", "hiệu lực từ 01/01/2019",
		"<strong>Chức vụ</strong>: <del>Bí thư</del> → Phó Bí thư", "<strong>Hình thức</strong>: <del>Bầu</del> → Bổ nhiệm", "(GMT+7)"} {
		if !strings.Contains(row, want) {
			t.Errorf("the change's row lacks %q:\n%s", want, row)
		}
	}
	zone := time.FixedZone("", 7*3600)
	if today := time.Now().In(zone).Format("02/01/2006"); !strings.Contains(row, today) {
		t.Errorf("the change's row lacks today's date in Vietnam (%s):\n%s", today, row)
	}
	if !strings.Contains(rowWith(body, ">Đăng nhập<"), "Kiểm tra") {
		t.Errorf("the sign-in is not named:\n%s", body)
	}
	// (the logins in small type beside the names, staff and auditor, are
	// ids that happen to spell user roles)
	if codes := rawCodes(smallCodeRe.ReplaceAllString(body, "")); len(codes) > 0 {
		t.Errorf("raw codes on the audit page: %v", codes)
	}
	today := time.Now().In(zone).Format("2006-01-02")
	for query, want := range map[string][]string{
		"nhan_su=P1":                         {"Thay đổi từ ngày chức vụ"},
		"nhan_su=P2":                         nil,
		"don_vi=D1&hanh_dong=assignments.":   {"Thay đổi từ ngày chức vụ"},
		"don_vi=U2":                          nil,
		"hanh_dong=login.":                   {">Đăng nhập<"},
		"tu=" + today + "&den=" + today:      {"Thay đổi từ ngày chức vụ", ">Đăng nhập<"},
		"tu=01/01/2020&den=31/12/2020":       nil,
		"nguoi=staff&hanh_dong=assignments.": {"Thay đổi từ ngày chức vụ"},
	} {
		code, page := auditor.get("/nhat-ky?" + query)
		if code != http.StatusOK {
			t.Fatalf("%s: %d", query, code)
		}
		tbody := page[strings.Index(page, "<tbody>"):strings.Index(page, "</tbody>")]
		if n := strings.Count(tbody, "<tr>"); len(want) == 0 && n != 0 {
			t.Errorf("%s: %d entries, want none", query, n)
		}
		for _, w := range want {
			if !strings.Contains(tbody, w) {
				t.Errorf("%s: no %q", query, w)
			}
		}
	}
	// The API keeps its fields and adds the readable ones.
	_, js := auditor.get("/api/v1/audit?nhan_su=P1")
	for _, want := range []string{`"action": "assignments.change"`, `"user_login": "staff"`, `"before"`,
		`"action_label": "Thay đổi từ ngày chức vụ"`, `"user_name": "Cán bộ huyện Ánh"`, `"effective": "01/01/2019"`} {
		if !strings.Contains(js, want) {
			t.Errorf("API lacks %s:\n%.3000s", want, js)
		}
	}
	if code, _ := auditor.get("/nhat-ky?tu=32/13/2020"); code != http.StatusBadRequest {
		t.Errorf("a day that is no date: %d", code)
	}
}

var smallCodeRe = regexp.MustCompile(`<small class="code">[^<]*</small>`)

// rowWith is the table row of a page that holds s ("" when none does).
func rowWith(page, s string) string {
	i := strings.Index(page, s)
	if i < 0 {
		return ""
	}
	start := strings.LastIndex(page[:i], "<tr>")
	end := strings.Index(page[i:], "</tr>")
	if start < 0 || end < 0 {
		return ""
	}
	return page[start : i+end]
}
