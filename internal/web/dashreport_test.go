package web_test

import (
	"context"
	"io"
	"log/slog"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/tochuc/tochuc/internal/app"
	"github.com/tochuc/tochuc/internal/auth"
	"github.com/tochuc/tochuc/internal/indicator"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/sqldb/sqldbtest"
	"github.com/tochuc/tochuc/internal/tochuc"
	"github.com/tochuc/tochuc/internal/web"
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
	for tries := 0; code == 200 && strings.Contains(body, `id="trend-pending"`) && tries < 100; tries++ {
		time.Sleep(100 * time.Millisecond) // a loaded machine: the trend comes after the report
		code, body = c.get("/?ngay=2020-06-30&tu=2019-12-31")
	}
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

// slowYears delays the indicators of dates other than the page's: the
// dashboard's trend over the years, on a registry where it is slow.
type slowYears struct {
	web.Registry
	page  tochuc.Date
	delay time.Duration
}

func (s slowYears) Evaluate(ctx context.Context, p indicator.Params, defs []indicator.Def) ([]indicator.Measure, error) {
	if p.AsOf != s.page {
		select {
		case <-time.After(s.delay):
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	return s.Registry.Evaluate(ctx, p, defs)
}

// TestDashboardDoesNotWaitForTheTrend: on a registry where the years before
// are slow to count, the dashboard answers with its report and says the
// charts over the years are coming; they show once computed.
func TestDashboardDoesNotWaitForTheTrend(t *testing.T) {
	t.Parallel()
	db := sqldbtest.Open(t)
	sqldbtest.MustImport(t, db, richBundle())
	hash, err := auth.HashPassword(testPassword)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.CreateUser(context.Background(), testUsers[0], hash); err != nil {
		t.Fatal(err)
	}
	page := tochuc.MustDate("2020-06-30")
	s, err := web.New(web.Config{Registry: slowYears{db.Reader(sqldb.Recorded{}), page, 300 * time.Millisecond},
		App: app.New(db, nil), Accounts: db, Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(ts.Close)
	c := signIn(t, ts, testUsers[0].Login)
	start := time.Now()
	body := c.mustGet("/?ngay=2020-06-30")
	if took := time.Since(start); !strings.Contains(body, `id="trend-pending"`) || strings.Contains(body, `id="xu-huong-party-members"`) ||
		!strings.Contains(body, `data-id="party.members"`) {
		t.Fatalf("first answer after %v: want the report and a note that the trend is coming:\n%.1500s", took, body)
	}
	for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(200 * time.Millisecond) {
		body = c.mustGet("/?ngay=2020-06-30")
		if strings.Contains(body, `id="xu-huong-party-members"`) && !strings.Contains(body, `id="trend-pending"`) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the trend never came")
		}
	}
}
