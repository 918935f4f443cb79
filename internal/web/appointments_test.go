package web_test

import (
	"encoding/csv"
	"encoding/json"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/check"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// apptDate is the date the appointments fixture is seen on (a Thursday).
var apptDate = tochuc.MustDate("2026-01-15")

// retireBirths returns the last birth date of a man who retires on or
// before the horizon and the first who retires after it (RET-01's 12 months).
func retireBirths(horizon tochuc.Date) (in, out tochuc.Date) {
	for b := tochuc.MustDate("1963-01-01"); ; b++ {
		if tochuc.RetirementDate(b, "male") > horizon {
			return b - 1, b
		}
	}
}

// apptBundle: district H1 (staff's scope) with the committee U1, district
// H2 with U2; posts on both sides of each list's threshold on apptDate.
func apptBundle() bundle.Tables {
	b := bundle.Tables{}
	unit := func(id, name, kind, parent string) {
		b.Add("units", map[string]string{"id": id, "name": name, "kind": kind, "parent_id": parent, "valid_from": "2000-01-01"})
	}
	unit("T1", "Tỉnh Thử", "province", "")
	unit("H1", "Huyện Ánh", "district", "T1")
	unit("H2", "Huyện Bình", "district", "T1")
	unit("U1", "UBND huyện Ánh", "people_committee", "H1")
	unit("U2", "UBND huyện Bình", "people_committee", "H2")
	unit("V1", "Thôn Một", "village", "H1")
	person := func(id, name, birth string) {
		b.Add("people", map[string]string{"id": id, "full_name": name, "gender": "male", "birth_date": birth})
	}
	post := func(person, unit, role, from, to, how, reason string) {
		b.Add("assignments", map[string]string{"person_id": person, "unit_id": unit, "role": role, "valid_from": from, "valid_to": to,
			"how": how, "end_reason": reason})
	}
	bound := check.ReappointmentBound(apptDate)
	person("DUE", "Nguyễn Đến Hạn", "1980-01-01")
	post("DUE", "U1", "chair", bound.String(), "", "appointed", "")
	person("NOTDUE", "Trần Chưa Hạn", "1980-01-01")
	post("NOTDUE", "U1", "vice_chair", (bound + 1).String(), "", "reappointed", "")
	// A man born 1966-01-10 retires on 2027-11-01: a term from 2020-11-02 ends 23 months before, from 2020-11-01 24.
	person("EXTIN", "Lê Kéo Dài", "1966-01-10")
	post("EXTIN", "U1", "head", "2020-11-02", "", "appointed", "")
	person("EXTOUT", "Phạm Đủ Hai Năm", "1966-01-10")
	post("EXTOUT", "U2", "head", "2020-11-01", "", "appointed", "")
	in, out := retireBirths(tochuc.AddMonths(apptDate, 12))
	person("RETIN", "Hoàng Sắp Nghỉ", in.String())
	post("RETIN", "U1", "member", "2020-01-01", "", "elected", "")
	person("RETOUT", "Vũ Chưa Nghỉ", out.String())
	post("RETOUT", "U1", "member", "2020-01-01", "", "elected", "")
	person("RETPAST", "Đỗ Quá Tuổi", "1955-01-01")
	post("RETPAST", "U1", "member", "2010-01-01", "", "elected", "")
	post("RETPAST", "V1", "head", "2010-01-01", "", "elected", "") // a village: not on the list
	person("ROTDONE", "Bùi Đủ Ba Năm", "1985-01-01")
	post("ROTDONE", "U1", "deputy_head", "2023-01-15", "", "rotated", "")
	person("ROTNOW", "Đặng Chưa Đủ", "1985-01-01")
	post("ROTNOW", "U1", "deputy_head", "2023-01-16", "", "rotated", "")
	person("ROTEARLY", "Ngô Về Sớm", "1985-01-01")
	post("ROTEARLY", "U1", "vice_chair", "2022-01-01", "2024-12-31", "rotated", "moved")
	person("ENDLATE", "Dương Thôi Sau", "1985-01-01")
	post("ENDLATE", "U1", "vice_chair", "2020-01-01", "2025-01-01", "appointed", "retired")
	// Discipline: a reprimand of DUE in 2025, rated excellent that year (EVAL-10).
	b.Add("discipline", map[string]string{"subject_type": "person", "subject_id": "DUE", "form": "reprimand", "date": "2025-03-01",
		"authority_id": "H1", "reason": "Vi phạm quy chế làm việc"})
	b.Add("discipline", map[string]string{"subject_type": "unit", "subject_id": "U2", "form": "warning", "date": "2025-04-01",
		"authority_id": "T1", "reason": "Buông lỏng quản lý"})
	b.Add("evaluations", map[string]string{"year": "2025", "subject_type": "person", "subject_id": "DUE", "category": "leader",
		"rating": "excellent", "rated_by_id": "H1"})
	b.Add("evaluations", map[string]string{"year": "2025", "subject_type": "unit", "subject_id": "U2", "category": "collective",
		"rating": "excellent", "rated_by_id": "T1"})
	return b
}

// apptPage is the API answer of a list.
type apptPage struct {
	Data struct {
		Total int `json:"total"`
		Items []struct {
			PersonID string `json:"person_id"`
			Months   int    `json:"months"`
			Status   string `json:"status"`
		} `json:"items"`
	} `json:"data"`
}

func (c *client) appointments(t *testing.T, q url.Values) (ids []string, months map[string]int, status map[string]string) {
	t.Helper()
	q.Set("ngay", apptDate.String())
	code, body := c.get("/api/v1/appointments?" + q.Encode())
	if code != 200 {
		t.Fatalf("%s: %d %s", q.Encode(), code, body)
	}
	var p apptPage
	if err := json.Unmarshal([]byte(body), &p); err != nil {
		t.Fatal(err)
	}
	months, status = map[string]int{}, map[string]string{}
	for _, it := range p.Data.Items {
		ids = append(ids, it.PersonID)
		months[it.PersonID], status[it.PersonID] = it.Months, it.Status
	}
	if p.Data.Total != len(ids) {
		t.Errorf("%s: total %d, %d items", q.Encode(), p.Data.Total, len(ids))
	}
	slices.Sort(ids)
	return ids, months, status
}

// TestAppointmentLists: each list on both sides of its threshold, in the scope.
func TestAppointmentLists(t *testing.T) {
	t.Parallel()
	ts := newApp(t, apptBundle())
	admin := signIn(t, ts, "admin")
	want := func(list string, got, want []string) {
		t.Helper()
		if !slices.Equal(got, want) {
			t.Errorf("%s: %v, want %v", list, got, want)
		}
	}
	// 90 working days (APPT-05): the bound's post is due, the next day's not.
	got, _, st := admin.appointments(t, url.Values{"danh_sach": {"due"}})
	want("due", got, []string{"DUE", "EXTIN", "EXTOUT"})
	if st["DUE"] != "due" || st["EXTOUT"] != "overdue" { // EXTOUT's term ended on 01/11/2025
		t.Errorf("due list states: %v, want DUE due and EXTOUT overdue", st)
	}
	// 24 months (APPT-06).
	got, months, _ := admin.appointments(t, url.Values{"danh_sach": {"extension"}})
	want("extension", got, []string{"EXTIN"})
	if months["EXTIN"] != 23 {
		t.Errorf("extension months %d, want 23", months["EXTIN"])
	}
	// 12 months to retirement, and past it (RET-01); not in a village.
	got, _, status := admin.appointments(t, url.Values{"danh_sach": {"retirement"}})
	want("retirement", got, []string{"RETIN", "RETPAST"})
	if status["RETPAST"] != "RET-01" || status["RETIN"] != "" {
		t.Errorf("retirement status %v", status)
	}
	// 36 months (ROT-06).
	got, months, status = admin.appointments(t, url.Values{"danh_sach": {"rotation"}})
	want("rotation", got, []string{"ROTDONE", "ROTEARLY", "ROTNOW"})
	if status["ROTDONE"] != "done" || months["ROTDONE"] != 36 || status["ROTNOW"] != "serving" || months["ROTNOW"] != 35 ||
		status["ROTEARLY"] != "ended_early" {
		t.Errorf("rotation %v %v", status, months)
	}
	// Ended in 2024 (the last day included), not in 2025.
	got, _, _ = admin.appointments(t, url.Values{"danh_sach": {"ended"}, "tu": {"01/01/2024"}, "den": {"31/12/2024"}})
	want("ended", got, []string{"ROTEARLY"})
	got, _, _ = admin.appointments(t, url.Values{"danh_sach": {"ended"}, "tu": {"01/01/2025"}, "den": {"01/01/2025"}})
	want("ended 2025", got, []string{"ENDLATE"})
	// The scope: the staff of H1 does not see U2's posts; the admin narrowed to H2 sees only them.
	staff := signIn(t, ts, "staff")
	got, _, _ = staff.appointments(t, url.Values{"danh_sach": {"held"}})
	if slices.Contains(got, "EXTOUT") || !slices.Contains(got, "EXTIN") {
		t.Errorf("staff's held list %v", got)
	}
	got, _, _ = admin.appointments(t, url.Values{"danh_sach": {"held"}, "pham_vi": {"H2"}})
	want("held in H2", got, []string{"EXTOUT"})
	if code, _ := staff.get("/bo-nhiem?pham_vi=H2&ngay=" + apptDate.String()); code != 403 {
		t.Errorf("staff asking for H2: %d", code)
	}
	if code, _ := admin.get("/api/v1/appointments?danh_sach=khac"); code != 400 {
		t.Errorf("unknown list: %d", code)
	}
	// The page: Vietnamese labels, the end reason in words.
	code, body := admin.get("/bo-nhiem?danh_sach=rotation&ngay=" + apptDate.String())
	if code != 200 || !strings.Contains(body, "Kết thúc trước 36 tháng: Chuyển công tác khác") || !strings.Contains(body, "Luân chuyển") {
		t.Errorf("rotation page %d", code)
	}
	// The download: Vietnamese headers, one row a post.
	code, body = admin.get("/bo-nhiem?danh_sach=due&dang=csv&ngay=" + apptDate.String())
	rows, err := csv.NewReader(strings.NewReader(body)).ReadAll()
	if code != 200 || err != nil || len(rows) != 4 || rows[0][1] != "Họ và tên" || !strings.Contains(body, "Nguyễn Đến Hạn") {
		t.Errorf("csv %d %v %q", code, err, body)
	}
	code, body = admin.get("/bo-nhiem?danh_sach=held&dang=xlsx&ngay=" + apptDate.String())
	if code != 200 || !strings.HasPrefix(body, "PK") {
		t.Errorf("xlsx %d", code)
	}
}

// TestDisciplineConfidential: the register, the person's and the unit's
// discipline and the findings built on it only for an account with the
// permission; its reads logged.
func TestDisciplineConfidential(t *testing.T) {
	t.Parallel()
	ts := newApp(t, apptBundle())
	for _, login := range []string{"staff", "viewer"} {
		c := signIn(t, ts, login)
		for _, path := range []string{"/ky-luat", "/api/v1/discipline"} {
			if code, body := c.get(path); code != 403 || strings.Contains(body, "Vi phạm quy chế") {
				t.Errorf("%s %s: %d", login, path, code)
			}
		}
		if _, body := c.get("/nhan-su/DUE?ngay=" + apptDate.String()); strings.Contains(body, "Vi phạm quy chế") || strings.Contains(body, "Khiển trách") {
			t.Errorf("%s sees the person's discipline", login)
		}
		if _, body := c.get("/"); strings.Contains(body, `href="/ky-luat`) {
			t.Errorf("%s is offered the register", login)
		}
		if _, body := c.get("/api/v1/checks?ngay=2026-01-15&quy_dinh=EVAL-10"); strings.Contains(body, "EVAL-10|") || strings.Contains(body, `"rule":"EVAL-10"`) {
			t.Errorf("%s sees EVAL-10", login)
		}
	}
	admin := signIn(t, ts, "admin")
	code, body := admin.get("/ky-luat?ngay=" + apptDate.String())
	if code != 200 || !strings.Contains(body, "Vi phạm quy chế") || !strings.Contains(body, "Khiển trách") || !strings.Contains(body, "Buông lỏng") {
		t.Errorf("admin's register %d", code)
	}
	code, body = admin.get("/api/v1/discipline?hinh_thuc=warning")
	if code != 200 || strings.Contains(body, "Vi phạm quy chế") || !strings.Contains(body, "Buông lỏng") {
		t.Errorf("register by form %d %s", code, body)
	}
	code, body = admin.get("/api/v1/discipline?pham_vi=H1&ngay=" + apptDate.String())
	if code != 200 || !strings.Contains(body, "Vi phạm quy chế") || strings.Contains(body, "Buông lỏng") {
		t.Errorf("register in H1 %d %s", code, body)
	}
	code, body = admin.get("/api/v1/discipline?tu=01/04/2025&den=30/04/2025")
	if code != 200 || strings.Contains(body, "Vi phạm quy chế") || !strings.Contains(body, "Buông lỏng") {
		t.Errorf("register by dates %d %s", code, body)
	}
	if _, body = admin.get("/nhan-su/DUE?ngay=" + apptDate.String()); !strings.Contains(body, "Vi phạm quy chế") || !strings.Contains(body, "add-discipline") {
		t.Error("the admin does not see the person's discipline or its form")
	}
	if _, body = admin.get("/nhan-su/DUE?ngay=2025-02-28"); strings.Contains(body, "Vi phạm quy chế") {
		t.Error("a discipline decided after the page's date shown")
	}
	if _, body = admin.get("/don-vi/U2?ngay=" + apptDate.String()); !strings.Contains(body, "Buông lỏng") {
		t.Error("the unit's discipline missing on its page")
	}
	if _, body = admin.get("/api/v1/checks?ngay=2026-01-15&quy_dinh=EVAL-10"); !strings.Contains(body, `"EVAL-10"`) {
		t.Errorf("the admin does not see EVAL-10: %s", body)
	}
	// The findings on discipline reach the person's page (the run of the findings page is kept).
	if _, body = admin.get("/nhan-su/DUE?ngay=2026-01-15"); !strings.Contains(body, "EVAL-10") {
		t.Error("EVAL-10 not on the person's page")
	}
	if _, body = admin.get("/don-vi/U2?ngay=2026-01-15"); !strings.Contains(body, "EVAL-10") {
		t.Error("EVAL-10 of a unit not on its page")
	}
	_, body = admin.get("/api/v1/audit?hanh_dong=" + tochuc.AuditConfidentialRead)
	if !strings.Contains(body, "/ky-luat") || !strings.Contains(body, "discipline") {
		t.Errorf("the register's read not logged: %s", body)
	}
}

// TestAppointmentAPISchemas: the answers of both APIs, with lines of every
// kind, match the OpenAPI document.
func TestAppointmentAPISchemas(t *testing.T) {
	t.Parallel()
	ts := newApp(t, apptBundle())
	admin := signIn(t, ts, "admin")
	s := loadAPISchemas(t, admin)
	for path, calls := range map[string][]string{
		"/api/v1/appointments": {"danh_sach=held", "danh_sach=due", "danh_sach=extension", "danh_sach=retirement", "danh_sach=rotation",
			"danh_sach=ended&tu=2024-01-01&den=2025-12-31"},
		"/api/v1/discipline": {"", "pham_vi=H1", "tu=31/02/2025"},
	} {
		for _, q := range calls {
			code, body := admin.get(path + "?ngay=" + apptDate.String() + "&" + q)
			if err := s.validate(s.responseSchema(path, "get", code), body); err != nil {
				t.Errorf("%s?%s %d: %v\n%.500s", path, q, code, err, body)
			}
		}
	}
}
