package web_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/sqldb/sqldbtest"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// evalBundle is a district committee DB with two party organizations under
// it (a cell C1 and a commune committee C2 with a cell C21), a people's
// committee UB, the secretary P1 and the deputy P2 of C1, and the members
// M1, M2 of DB; H9 is a district outside the staff's scope.
func evalBundle() bundle.Tables {
	b := bundle.Tables{}
	unit := func(id, name, kind, parent string) {
		b.Add("units", map[string]string{"id": id, "name": name, "kind": kind, "parent_id": parent, "valid_from": "2000-01-01"})
	}
	unit("T1", "Tỉnh Thử", "province", "")
	unit("DB", "Đảng bộ huyện Ánh", "party_upper", "T1")
	unit("C1", "Chi bộ Một", "party_grassroots_cell", "DB")
	unit("C2", "Đảng ủy xã Hai", "party_grassroots_committee", "DB")
	unit("C21", "Chi bộ thôn Ba", "party_cell", "C2")
	unit("UB", "Ủy ban nhân dân xã Hai", "people_committee", "DB")
	unit("H9", "Đảng bộ huyện Chín", "party_upper", "T1")
	for _, p := range [][2]string{{"P1", "Lê Văn Bí"}, {"P2", "Trần Thị Phó"}, {"M1", "Ngô Văn Một"}, {"M2", "Đỗ Thị Hai"}, {"X9", "Phạm Văn Chín"}} {
		b.Add("people", map[string]string{"id": p[0], "full_name": p[1], "birth_date": "1980-01-01", "gender": "male"})
	}
	b.Add("assignments", map[string]string{"person_id": "P1", "unit_id": "C1", "role": "secretary", "valid_from": "2020-01-01"})
	b.Add("assignments", map[string]string{"person_id": "P2", "unit_id": "C1", "role": "deputy_secretary", "valid_from": "2020-01-01"})
	b.Add("assignments", map[string]string{"person_id": "X9", "unit_id": "H9", "role": "secretary", "valid_from": "2020-01-01"})
	for _, m := range []string{"M1", "M2"} {
		b.Add("party", map[string]string{"person_id": m, "event": "admitted", "date": "2010-05-01", "unit_id": "DB"})
	}
	// History: C1 excellent 2020–2024, M1 incomplete 2023 and 2024, H9's
	// secretary rated by H9 (outside the staff's scope).
	for y := 2020; y <= 2024; y++ {
		b.Add("evaluations", map[string]string{"year": itoa(y), "subject_type": "unit", "subject_id": "C1", "category": "party_org",
			"rating": "excellent", "rated_by_id": "DB", "decided_on": itoa(y+1) + "-01-15"})
	}
	for _, y := range []int{2023, 2024} {
		b.Add("evaluations", map[string]string{"year": itoa(y), "subject_type": "person", "subject_id": "M1", "category": "party_member",
			"rating": "incomplete", "rated_by_id": "DB", "decided_on": itoa(y+1) + "-01-15"})
	}
	b.Add("evaluations", map[string]string{"year": "2024", "subject_type": "person", "subject_id": "X9", "category": "leader",
		"rating": "good", "rated_by_id": "H9", "decided_on": "2025-01-15"})
	return b
}

func itoa(n int) string { return strconv.Itoa(n) }

// evalUsers: the admin, a staff of DB with the permission (mat), one
// without (staff), a viewer of everything without it.
var evalUsers = []tochuc.User{
	{Login: "admin", FullName: "Quản trị", Role: tochuc.RoleAdmin},
	{Login: "mat", FullName: "Cán bộ có quyền mật", Role: tochuc.RoleStaff, ScopeUnitID: "DB", Confidential: true},
	{Login: "staff", FullName: "Cán bộ huyện", Role: tochuc.RoleStaff, ScopeUnitID: "DB"},
	{Login: "viewer", FullName: "Người xem", Role: tochuc.RoleViewer, ScopeUnitID: tochuc.AllUnits},
}

// newEvalApp serves evalBundle with evalUsers; it returns the database too.
func newEvalApp(t *testing.T) (*httptest.Server, *sqldb.DB) {
	t.Helper()
	return serveBundle(t, evalBundle(), evalUsers)
}

// rate posts one row of the workplace for committee DB in 2025.
func rate(c *client, subjectType, id, category, score, rating, status, version string) (int, string) {
	c.t.Helper()
	return c.postForm("/danh-gia", url.Values{"cap_uy": {"DB"}, "nam": {"2025"}, "ky": {"year"}, "loai_dt": {subjectType},
		"ma_dt": {id}, "nhom": {category}, "diem": {score}, "xep_loai": {rating}, "buoc": {status}, "phien_ban": {version}})
}

// versionOf reads a row's version from the workplace.
func evalVersionOf(c *client, category, id string) string {
	c.t.Helper()
	_, body := c.get("/danh-gia?cap_uy=DB&nam=2025")
	i := strings.Index(body, `id="dt-`+category+`-`+id+`"`)
	if i < 0 {
		c.t.Fatalf("no row %s %s", category, id)
	}
	rest := body[i:]
	j := strings.Index(rest, `name="phien_ban" value="`)
	rest = rest[j+len(`name="phien_ban" value="`):]
	return rest[:strings.Index(rest, `"`)]
}

func TestEvaluationWorkplace(t *testing.T) {
	t.Parallel()
	ts, db := newEvalApp(t)
	admin := signIn(t, ts, "admin")
	code, body := admin.get("/danh-gia?cap_uy=DB&nam=2025")
	if code != 200 {
		t.Fatalf("workplace: %d\n%.3000s", code, body)
	}
	// The subjects, grouped in the order of rating: collectives, party
	// organizations, leaders (the head last), members.
	order := []string{`id="nhom-collective"`, `id="dt-collective-UB"`, `id="nhom-party_org"`, `id="dt-party_org-C1"`, `id="dt-party_org-C2"`,
		`id="nhom-leader"`, `id="dt-leader-P2"`, `id="dt-leader-P1"`, `id="nhom-party_member"`, `id="dt-party_member-M1"`}
	last := -1
	for _, s := range order {
		i := strings.Index(body, s)
		if i < 0 || i < last {
			t.Fatalf("%s missing or out of order", s)
		}
		last = i
	}
	if strings.Contains(body, "C21") {
		t.Error("a cell two levels down is not rated by DB")
	}
	if !strings.Contains(body, "366-QĐ/TW") || !strings.Contains(body, `name="diem"`) {
		t.Error("2025: 366-QĐ/TW with scores")
	}
	_, old := admin.get("/danh-gia?cap_uy=DB&nam=2023")
	if !strings.Contains(old, "124-QĐ/TW") || strings.Contains(old, `name="diem"`) {
		t.Error("2023: 124-QĐ/TW without scores")
	}
	_, older := admin.get("/danh-gia?cap_uy=DB&nam=2020")
	if !strings.Contains(older, "132-QĐ/TW") {
		t.Error("2020: 132-QĐ/TW")
	}

	// The workflow of a row: a score gives the band; self-assessed →
	// appraised → decided.
	if code, body := rate(admin, "unit", "C21", "party_org", "", "good", "self_assessed", ""); code != http.StatusSeeOther && code != 200 {
		t.Fatalf("C21: %d %.2000s", code, body)
	}
	code, body = rate(admin, "unit", "C2", "party_org", "92", "", "self_assessed", "")
	if code != 200 || !strings.Contains(body, "Tự đánh giá") {
		t.Fatalf("self-assessment: %d\n%.2000s", code, body)
	}
	if !strings.Contains(rowOf(body, "party_org", "C2"), "Hoàn thành xuất sắc nhiệm vụ") {
		t.Errorf("score 92: the band excellent\n%s", rowOf(body, "party_org", "C2"))
	}
	code, body = rate(admin, "unit", "C2", "party_org", "92", "", "appraised", evalVersionOf(admin, "party_org", "C2"))
	if code != 200 || !strings.Contains(rowOf(body, "party_org", "C2"), "Đã thẩm định") {
		t.Fatalf("appraisal: %d %s", code, rowOf(body, "party_org", "C2"))
	}
	// EVAL-19: C2 waits for C21, under it.
	code, body = rate(admin, "unit", "C2", "party_org", "92", "", "decided", evalVersionOf(admin, "party_org", "C2"))
	if code != http.StatusUnprocessableEntity || !strings.Contains(body, "Chưa thể quyết định") || !strings.Contains(body, "Chi bộ thôn Ba") {
		t.Fatalf("decision before C21: %d\n%.3000s", code, body)
	}
	// A score above its band's level is refused; a score before 2025 too.
	if code, body := rate(admin, "unit", "UB", "collective", "75", "excellent", "self_assessed", ""); code != 422 || !strings.Contains(body, "không thể xếp loại cao hơn") {
		t.Errorf("rating above the band: %d", code)
	}
	if code, body := admin.postForm("/danh-gia", url.Values{"cap_uy": {"DB"}, "nam": {"2024"}, "loai_dt": {"unit"}, "ma_dt": {"UB"},
		"nhom": {"collective"}, "diem": {"80"}, "buoc": {"self_assessed"}}); code != 422 || !strings.Contains(body, "không chấm điểm") {
		t.Errorf("a score in 2024: %d", code)
	}
	// Through the API as well (the same app.Edit): refused, then allowed once C21 is decided.
	code, out := admin.postJSON("/api/v1/records/evaluations", `{"values":{"year":"2025","period":"year","subject_type":"unit","subject_id":"C2","category":"party_org","rating":"excellent","rated_by_id":"DB","status":"decided","decided_on":"2026-01-10","score":"92"},"original":{"year":"2025","period":"year","subject_type":"unit","subject_id":"C2","category":"party_org"},"version":"`+evalVersionOf(admin, "party_org", "C2")+`"}`)
	if code != 422 || !strings.Contains(out, "Chi bộ thôn Ba") {
		t.Fatalf("API decision before C21: %d %s", code, out)
	}
	if code, body := admin.postForm("/danh-gia", url.Values{"cap_uy": {"C2"}, "nam": {"2025"}, "loai_dt": {"unit"}, "ma_dt": {"C21"},
		"nhom": {"party_org"}, "xep_loai": {"good"}, "buoc": {"decided"}, "phien_ban": {c21Version(admin)}}); code != 200 {
		t.Fatalf("C21 decided: %d %.2000s", code, body)
	}
	// The decision breaks the quota (EVAL-11): warned, then saved when accepted.
	code, body = rate(admin, "unit", "C2", "party_org", "92", "", "decided", evalVersionOf(admin, "party_org", "C2"))
	if code != 422 || !strings.Contains(errorOf(body), "EVAL-11") || !strings.Contains(errorOf(body), `name="chap_nhan_phat_hien"`) {
		t.Fatalf("decision over the quota: %d\n%s", code, errorOf(body))
	}
	code, body = admin.postForm("/danh-gia", url.Values{"cap_uy": {"DB"}, "nam": {"2025"}, "ky": {"year"}, "loai_dt": {"unit"},
		"ma_dt": {"C2"}, "nhom": {"party_org"}, "diem": {"92"}, "buoc": {"decided"}, "phien_ban": {evalVersionOf(admin, "party_org", "C2")},
		"chap_nhan_phat_hien": {"1"}})
	if code != 200 || !strings.Contains(rowOf(body, "party_org", "C2"), "Đã quyết định") {
		t.Fatalf("decision after C21: %d %s", code, rowOf(body, "party_org", "C2"))
	}

	// A person after their unit; the head after the other leaders.
	rate(admin, "unit", "C1", "party_org", "95", "", "self_assessed", "")
	rate(admin, "person", "P2", "leader", "80", "", "self_assessed", "")
	rate(admin, "person", "P1", "leader", "96", "", "self_assessed", "")
	code, body = rate(admin, "person", "P1", "leader", "96", "", "decided", evalVersionOf(admin, "leader", "P1"))
	if code != 422 || !strings.Contains(body, "Chi bộ Một") || !strings.Contains(body, "Trần Thị Phó") {
		t.Fatalf("head before the unit and the deputy: %d\n%.2000s", code, errorOf(body))
	}
	// Live status: P1 (96, excellent) above C1? C1 is 95, excellent too:
	// no EVAL-13; the quota of party organizations: 2 excellent, 0 good.
	_, body = admin.get("/danh-gia?cap_uy=DB&nam=2025")
	st := sectionOf(body, "trang-thai")
	if !strings.Contains(st, `class="quota bad" data-category="party_org"`) || !strings.Contains(st, "chưa quyết định") {
		t.Errorf("quota of party organizations broken, undecided counted:\n%s", st)
	}
	if !strings.Contains(st, `class="quota bad" data-category="leader"`) {
		t.Errorf("quota of leaders: 1 excellent, 1 good → broken\n%s", st)
	}
	// EVAL-13: C1 lowered to good while its head stays excellent.
	rate(admin, "unit", "C1", "party_org", "85", "", "self_assessed", evalVersionOf(admin, "party_org", "C1"))
	_, body = admin.get("/danh-gia?cap_uy=DB&nam=2025")
	st = sectionOf(body, "trang-thai")
	if !strings.Contains(st, "EVAL-13") || !strings.Contains(rowOf(body, "leader", "P1"), "EVAL-13") {
		t.Errorf("EVAL-13 live:\n%s\n%s", st, rowOf(body, "leader", "P1"))
	}
	// Fix: P1 down to 80 (good), then the quota of leaders holds (0 excellent).
	rate(admin, "person", "P1", "leader", "80", "", "self_assessed", evalVersionOf(admin, "leader", "P1"))
	_, body = admin.get("/danh-gia?cap_uy=DB&nam=2025")
	st = sectionOf(body, "trang-thai")
	if strings.Contains(st, "EVAL-13") || strings.Contains(st, `class="quota bad" data-category="leader"`) {
		t.Errorf("fixed:\n%s", st)
	}

	// Once the unit and the deputy are decided, the head may be.
	for _, x := range [][3]string{{"unit", "C1", "party_org"}, {"person", "P2", "leader"}, {"person", "P1", "leader"}} {
		score := "80"
		if x[1] == "C1" {
			score = "85"
		}
		code, body := admin.postForm("/danh-gia", url.Values{"cap_uy": {"DB"}, "nam": {"2025"}, "ky": {"year"}, "loai_dt": {x[0]},
			"ma_dt": {x[1]}, "nhom": {x[2]}, "diem": {score}, "buoc": {"decided"}, "phien_ban": {evalVersionOf(admin, x[2], x[1])},
			"chap_nhan_phat_hien": {"1"}})
		if code != 200 || !strings.Contains(rowOf(body, x[2], x[1]), "Đã quyết định") {
			t.Fatalf("decide %s in order: %d %s", x[1], code, errorOf(body))
		}
	}

	// The audit log: the admin's reads left confidential.read entries.
	es, _, err := db.ListAudit(context.Background(), tochuc.AuditFilter{Action: tochuc.AuditConfidentialRead, Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, e := range es {
		if e.UserLogin == "admin" && e.ObjectType == "evaluations" && e.Detail["via"] == "/danh-gia" {
			found = true
		}
	}
	if !found {
		t.Errorf("no confidential.read entry of the workplace: %+v", es)
	}
}

// c21Version reads C21's version from C2's sheet.
func c21Version(c *client) string {
	c.t.Helper()
	_, body := c.get("/danh-gia?cap_uy=C2&nam=2025")
	row := rowOf(body, "party_org", "C21")
	j := strings.Index(row, `name="phien_ban" value="`)
	if j < 0 {
		c.t.Fatalf("no C21 row: %s", row)
	}
	row = row[j+len(`name="phien_ban" value="`):]
	return row[:strings.Index(row, `"`)]
}

func rowOf(body, category, id string) string {
	i := strings.Index(body, `id="dt-`+category+`-`+id+`"`)
	if i < 0 {
		return ""
	}
	j := strings.Index(body[i:], "</tr>")
	return body[i : i+j]
}

func sectionOf(body, id string) string {
	i := strings.Index(body, `id="`+id+`"`)
	if i < 0 {
		return ""
	}
	j := strings.Index(body[i:], "</section>")
	return body[i : i+j]
}

func errorOf(body string) string {
	i := strings.Index(body, `id="loi"`)
	if i < 0 {
		return ""
	}
	return body[i:min(len(body), i+1500)]
}

func TestEvaluationConfidential(t *testing.T) {
	t.Parallel()
	ts, db := newEvalApp(t)
	paths := []string{"/danh-gia?cap_uy=DB&nam=2024", "/danh-gia/tong-hop?cap_uy=DB&nam=2024", "/danh-gia/lich-su?cap_uy=DB&nam=2024",
		"/api/v1/evaluations?nam=2024", "/api/v1/evaluations/summary?cap_uy=DB&nam=2024", "/api/v1/evaluations/history?cap_uy=DB&nam=2024",
		"/danh-gia/tong-hop?cap_uy=DB&nam=2024&dang=xlsx"}
	for _, login := range []string{"staff", "viewer"} {
		c := signIn(t, ts, login)
		for _, p := range paths {
			code, body := c.get(p)
			if code != http.StatusForbidden || !strings.Contains(body, "không được xem dữ liệu mật") {
				t.Errorf("%s %s: %d", login, p, code)
			}
			for _, secret := range []string{"Ngô Văn Một", "incomplete", "Không hoàn thành"} {
				if strings.Contains(body, secret) {
					t.Errorf("%s %s shows %q", login, p, secret)
				}
			}
		}
		if code, _ := c.postForm("/danh-gia", url.Values{"cap_uy": {"DB"}, "nam": {"2025"}, "loai_dt": {"unit"}, "ma_dt": {"C1"},
			"nhom": {"party_org"}, "xep_loai": {"good"}}); code != http.StatusForbidden {
			t.Errorf("%s saves a rating: %d", login, code)
		}
		_, home := c.get("/")
		if strings.Contains(home, `href="/danh-gia"`) {
			t.Errorf("%s sees the menu link", login)
		}
	}
	// The staff with the permission: its scope only.
	mat := signIn(t, ts, "mat")
	if _, home := mat.get("/"); !strings.Contains(home, `href="/danh-gia"`) {
		t.Error("mat: no menu link")
	}
	if code, _ := mat.get("/danh-gia?cap_uy=H9&nam=2024"); code != http.StatusForbidden {
		t.Errorf("mat, H9 outside its scope: %d", code)
	}
	code, out := mat.get("/api/v1/evaluations?nam=2024")
	if code != 200 || !strings.Contains(out, `"M1"`) || strings.Contains(out, `"X9"`) {
		t.Errorf("mat's list: %d %s", code, out)
	}
	admin := signIn(t, ts, "admin")
	if code, out := admin.get("/api/v1/evaluations?nam=2024&nhom=leader"); code != 200 || !strings.Contains(out, `"X9"`) || strings.Contains(out, `"M1"`) {
		t.Errorf("admin's list by category: %d %s", code, out)
	}
	if code, _ := admin.get("/api/v1/evaluations?buoc=nope"); code != 400 && code != 422 {
		t.Errorf("a bad step: %d", code)
	}
	es, _, err := db.ListAudit(context.Background(), tochuc.AuditFilter{Action: tochuc.AuditConfidentialRead, UserLogin: "mat", Limit: 100})
	if err != nil || len(es) == 0 {
		t.Errorf("mat's read not logged: %v %v", es, err)
	}
}

func TestEvaluationSummaryAndHistory(t *testing.T) {
	t.Parallel()
	ts, _ := newEvalApp(t)
	admin := signIn(t, ts, "admin")
	code, body := admin.get("/danh-gia/tong-hop?cap_uy=DB&nam=2024")
	if code != 200 {
		t.Fatalf("summary: %d %.2000s", code, body)
	}
	tbl := body[strings.Index(body, `id="tong-hop"`):]
	tbl = tbl[:strings.Index(tbl, "</table>")]
	if !strings.Contains(tbl, "Tổ chức đảng") || !strings.Contains(tbl, "100,0 %") || !strings.Contains(tbl, "Đảng viên") {
		t.Errorf("summary table:\n%s", tbl)
	}
	// C1 excellent with no good: over the quota (⌊20 % × 0⌋ = 0).
	if !strings.Contains(body, `<li class="bad">Đảng bộ huyện Ánh`) {
		t.Errorf("quota breach not listed:\n%.3000s", body[strings.Index(body, "vuot-ty-le"):])
	}
	code, out := admin.get("/api/v1/evaluations/summary?cap_uy=T1&nam=2024&cap_duoi=1")
	if code != 200 || !strings.Contains(out, `"leader"`) || !strings.Contains(out, `"party_member"`) {
		t.Errorf("summary under T1 (H9's leader, DB's member): %d %s", code, out)
	}
	if _, out := admin.get("/api/v1/evaluations/summary?cap_uy=DB&nam=2024"); strings.Contains(out, `"leader"`) {
		t.Errorf("summary of DB alone counts H9's rating: %s", out)
	}
	resp, err := admin.http.Get(ts.URL + "/danh-gia/tong-hop?cap_uy=DB&nam=2024&dang=xlsx")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(resp.Header.Get("Content-Type"), "spreadsheetml") {
		t.Errorf("xlsx: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}

	// History: C1 excellent 5 years running; M1 incomplete two years.
	_, body = admin.get("/danh-gia/lich-su?cap_uy=DB&nam=2024")
	c1 := lineOf(body, "party_org", "C1")
	if !strings.Contains(c1, "5 năm liền") {
		t.Errorf("C1: five years excellent\n%s", c1)
	}
	if m1 := lineOf(body, "party_member", "M1"); !strings.Contains(m1, "EVAL-17") {
		t.Errorf("M1: two years incomplete\n%s", m1)
	}
	// 2023: C1 has 4 years, still considered for the year; M1 only one year incomplete.
	_, body = admin.get("/danh-gia/lich-su?cap_uy=DB&nam=2023")
	if c1 := lineOf(body, "party_org", "C1"); strings.Contains(c1, "5 năm liền") || !strings.Contains(c1, "4 năm liền") {
		t.Errorf("C1 in 2023: four years\n%s", c1)
	}
	if m1 := lineOf(body, "party_member", "M1"); strings.Contains(m1, "EVAL-17") {
		t.Errorf("M1 in 2023: one year\n%s", m1)
	}
	_, body = admin.get("/danh-gia/lich-su?cap_uy=DB&nam=2024&loc=xuat_sac")
	if lineOf(body, "party_member", "M1") != "" || lineOf(body, "party_org", "C1") == "" {
		t.Error("filter xuat_sac")
	}
}

func lineOf(body, category, id string) string {
	i := strings.Index(body, `id="ls-`+category+`-`+id+`"`)
	if i < 0 {
		return ""
	}
	j := strings.Index(body[i:], "</tr>")
	return body[i : i+j]
}

// TestEvaluationImportNotHeldToOrder: a bundle import records past ratings
// as decided, in any order (EVAL-19 holds only for edits).
func TestEvaluationImportNotHeldToOrder(t *testing.T) {
	t.Parallel()
	b := evalBundle()
	b.Add("evaluations", map[string]string{"year": "2025", "subject_type": "unit", "subject_id": "C21", "category": "party_org",
		"rating": "good", "rated_by_id": "C2", "status": "self_assessed"})
	b.Add("evaluations", map[string]string{"year": "2025", "subject_type": "unit", "subject_id": "C2", "category": "party_org",
		"rating": "good", "rated_by_id": "DB", "decided_on": "2026-01-10"})
	db := sqldbtest.Open(t)
	rep, err := db.ImportBundle(context.Background(), b, "t", "t", bundle.Options{})
	if err != nil || !rep.OK() {
		t.Fatalf("import: %v %+v", err, rep)
	}
}
