package web_test

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/tochuc/tochuc/internal/textvn"
)

// membersServer serves richBundle with n more members of D1.
func membersServer(t *testing.T, n int) *client {
	b := richBundle()
	for i := range n {
		id := fmt.Sprintf("M%03d", i)
		b.Add("people", map[string]string{"id": id, "full_name": fmt.Sprintf("Người Số %d", i)})
		b.Add("party", map[string]string{"person_id": id, "event": "admitted", "date": "2005-01-01", "unit_id": "D1"})
	}
	return signIn(t, newApp(t, b), "admin")
}

var memberRowRe = regexp.MustCompile(`<tr><td><a href="/nhan-su/([^"?]+)\?[^"]*">([^<]+)</a></td><td>([^<]+)</td>`)

var personLinkRe = regexp.MustCompile(`href="/nhan-su/([^"?]+)\?`)

// TestExplainPaged pages through the records behind party.members: 50 a
// page with the pager, each record once, in the order of the download
// (streamed CSV), and the count.
func TestExplainPaged(t *testing.T) {
	t.Parallel()
	c := membersServer(t, 120)
	var paged []string
	for page := 1; page <= 4; page++ {
		_, body := c.get(fmt.Sprintf("/chi-tieu/party.members?ngay=2018-01-01&trang=%d", page))
		if !strings.Contains(body, fmt.Sprintf("Trang %d/3", page)) || !strings.Contains(body, "<p>Ngày 01/01/2018; phạm vi: toàn bộ.\n121 bản ghi.") {
			t.Fatalf("page %d:\n%.3000s", page, body)
		}
		ids := []string{}
		for _, m := range personLinkRe.FindAllStringSubmatch(body, -1) {
			ids = append(ids, m[1])
		}
		want := map[int]int{1: 50, 2: 50, 3: 21, 4: 0}[page]
		if len(ids) != want {
			t.Errorf("page %d: %d records, want %d", page, len(ids), want)
		}
		paged = append(paged, ids...)
	}
	_, csv := c.get("/chi-tieu/party.members?ngay=2018-01-01&dang=csv")
	if !strings.HasPrefix(csv, "\ufeff") {
		t.Error("a CSV download without a BOM: Excel reads it in the system's code page")
	}
	lines := strings.Split(strings.TrimSpace(strings.TrimPrefix(csv, "\ufeff")), "\n")
	if lines[0] != "Mã,Tên,Nhóm,Được tính,Số lượng" || len(lines) != 122 {
		t.Fatalf("csv: %d lines, first %q", len(lines), lines[0])
	}
	var all []string
	for _, l := range lines[1:] {
		all = append(all, strings.Split(l, ",")[0])
	}
	if !slices.Equal(paged, all) {
		t.Errorf("pages:\n%v\ndownload:\n%v", paged, all)
	}
	sorted := slices.Clone(all)
	slices.Sort(sorted)
	if !slices.Equal(sorted, slices.Compact(slices.Clone(sorted))) {
		t.Error("a record listed twice")
	}
	status, xlsx := c.get("/chi-tieu/party.members?ngay=2018-01-01&dang=xlsx")
	if status != 200 || !strings.HasPrefix(xlsx, "PK") {
		t.Errorf("xlsx: %d %.20q", status, xlsx)
	}
}

// TestUnitMembersPaged pages through a party organization's members on its
// page: 50 a page by given name, each once, with the count and status.
func TestUnitMembersPaged(t *testing.T) {
	t.Parallel()
	c := membersServer(t, 120)
	var paged, names []string
	for page := 1; page <= 3; page++ {
		_, body := c.get(fmt.Sprintf("/don-vi/D1?ngay=2018-01-01&trang=%d", page))
		i := strings.Index(body, `id="dang-vien"`)
		if i < 0 || !strings.Contains(body, "Đảng viên sinh hoạt (121)") || !strings.Contains(body, fmt.Sprintf("Trang %d/3", page)) {
			t.Fatalf("page %d:\n%.3000s", page, body)
		}
		section := body[i : i+strings.Index(body[i:], "</table>")]
		var ids []string
		for _, m := range memberRowRe.FindAllStringSubmatch(section, -1) {
			ids, names = append(ids, m[1]), append(names, m[2])
			if strings.HasPrefix(m[1], "M") && m[3] != "Dự bị" { // admitted, never recognized
				t.Errorf("%s: %q, want Dự bị", m[1], m[3])
			}
		}
		if want := map[int]int{1: 50, 2: 50, 3: 21}[page]; len(ids) != want {
			t.Errorf("page %d: %d members, want %d", page, len(ids), want)
		}
		paged = append(paged, ids...)
	}
	slices.Sort(paged)
	if !slices.IsSortedFunc(names, textvn.NewCollator().ComparePeople) || len(slices.Compact(paged)) != 121 {
		t.Errorf("members not each once by given name: %v", names)
	}
	_, body := c.get("/api/v1/units/D1?ngay=2018-01-01&trang=3")
	if !strings.Contains(body, `"members_page": {`) || !strings.Contains(body, `"total": 121`) || !strings.Contains(body, `"member_list": [`) ||
		!strings.Contains(body, `"probationary": true`) {
		t.Errorf("api:\n%.2000s", body)
	}
}
