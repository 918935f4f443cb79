package web_test

import (
	"regexp"
	"strings"
	"testing"
)

// TestDashboardIsAReport: the dashboard reads as the article's report —
// numbered sections in the article's order with its figures F1–F20, natural
// column headers, a trend of the party members over the years and their
// composition drawn as SVG with a text alternative, and the blocks of the
// printed form (title, unit, dates, source, signatures).
func TestDashboardIsAReport(t *testing.T) {
	t.Parallel()
	b := richBundle()
	b.Add("party", map[string]string{"person_id": "P2", "event": "admitted", "date": "2019-05-01", "unit_id": "D1"})
	c := signIn(t, newApp(t, b), "admin")
	code, body := c.get("/?ngay=2020-06-30&tu=2019-12-31")
	if code != 200 {
		t.Fatalf("dashboard: %d", code)
	}
	// sections in the article's order
	last := -1
	for _, h := range []string{"I. Sắp xếp tổ chức bộ máy, biên chế", "II. Nhất thể hóa chức danh", "III. Tổ chức cơ sở đảng và cán bộ cơ sở", "IV. Đảng viên"} {
		i := strings.Index(body, h)
		if i < 0 || i < last {
			t.Errorf("section %q missing or out of order", h)
		}
		last = i
	}
	row := regexp.MustCompile(`(?s)<tr data-id="concurrency.commune.secretary_council_chair"><td><span class="fno">F6</span>`)
	if !row.MatchString(body) {
		t.Error("F6 not numbered on its row")
	}
	if strings.Contains(body, "Trên tổng") || !strings.Contains(body, "Trong tổng số") || !strings.Contains(body, "Tăng (+), giảm (−)") {
		t.Error("headers: want Trong tổng số and Tăng (+), giảm (−), not Trên tổng")
	}
	// the trend: members at each year end 2015–2019 and on the date, as an SVG with its description and a table
	trend := between(body, `<figure class="chart" id="xu-huong-party-members">`, `</figure>`)
	for _, want := range []string{`role="img"`, `<title id="xu-huong-party-members-t">Đảng viên qua các năm</title>`,
		"2018: 1 đảng viên; 2019: 2 đảng viên; 30/06/2020: 2 đảng viên.", `<table class="chart-data">`, "<td>2015</td>"} {
		if !strings.Contains(trend, want) {
			t.Errorf("trend of members: no %q in\n%s", want, trend)
		}
	}
	comp := between(body, `<figure class="chart" id="co-cau-party-members">`, `</figure>`)
	if !strings.Contains(comp, "Đảng viên dự bị: 1 đảng viên (50,0 %); Đảng viên chính thức: 1 đảng viên (50,0 %)") {
		t.Errorf("composition of members:\n%s", comp)
	}
	// breakdowns in the catalog's order of parts, not the alphabet of their codes
	if i, j := strings.Index(body, "– Khối Đảng"), strings.Index(body, "– Khối Mặt trận"); i < 0 || j < i {
		t.Error("staff by sector: want Khối Đảng before Khối Mặt trận, đoàn thể")
	}
	// the printed form's blocks
	for _, want := range []string{`id="print-title"`, "BÁO CÁO THỐNG KÊ", "Số liệu tính đến ngày 30/06/2020, so với ngày 31/12/2019",
		`id="signatures"`, "NGƯỜI LẬP BIỂU", "THỦ TRƯỞNG ĐƠN VỊ", "……………, ngày ", `id="source"`} {
		if !strings.Contains(body, want) {
			t.Errorf("print form: no %q", want)
		}
	}
}

// between returns the text of s from the first from to the next to.
func between(s, from, to string) string {
	i := strings.Index(s, from)
	if i < 0 {
		return ""
	}
	j := strings.Index(s[i:], to)
	if j < 0 {
		return s[i:]
	}
	return s[i : i+j+len(to)]
}
