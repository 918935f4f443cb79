package web_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/tochuc"
	"github.com/xuri/excelize/v2"
)

// planUsers: the admin; staff of the district H1 with and without the
// permission to read confidential records; a viewer of everything.
var planUsers = []tochuc.User{
	{Login: "admin", FullName: "Quản trị", Role: tochuc.RoleAdmin},
	{Login: "staffc", FullName: "Cán bộ huyện (hồ sơ mật)", Role: tochuc.RoleStaff, ScopeUnitID: "H1", Confidential: true},
	{Login: "staffopen", FullName: "Cán bộ huyện", Role: tochuc.RoleStaff, ScopeUnitID: "H1"},
	{Login: "viewer", FullName: "Người xem", Role: tochuc.RoleViewer, ScopeUnitID: tochuc.AllUnits},
}

// planBundle: a province's party committee TU with a 2025-2030 plan of four
// people (S1 holds the secretary's post it is planned for: PLAN-01; N2 alone
// for deputy secretary: a gap; one woman of four: 25 %), a district H1 with
// its own committee HU.
func planBundle() bundle.Tables {
	b := bundle.Tables{}
	u := func(id, name, kind, parent, loc string) {
		b.Add("units", map[string]string{"id": id, "name": name, "kind": kind, "parent_id": parent, "locality_id": loc, "valid_from": "2000-01-01"})
	}
	u("T1", "Tỉnh Thử", "province", "", "")
	u("TU", "Đảng bộ tỉnh Thử", "party_provincial", "", "T1")
	u("H1", "Huyện Ánh", "district", "T1", "")
	u("HU", "Đảng bộ huyện Ánh", "party_upper", "", "H1")
	p := func(id, name, gender, birth, eth string) {
		b.Add("people", map[string]string{"id": id, "full_name": name, "gender": gender, "birth_date": birth, "ethnicity": eth})
	}
	p("N1", "Lê Văn Một", "male", "1980-05-01", "Kinh")
	p("N2", "Hoàng Thị Hai", "female", "1990-01-01", "Tày")
	p("N3", "Phạm Văn Ba", "male", "1970-01-01", "Kinh")
	p("S1", "Trịnh Văn Sáu", "male", "1972-02-02", "Kinh")
	p("N4", "Vũ Văn Bốn", "male", "1982-03-03", "Kinh")
	p("H9", "Đào Văn Chín", "male", "1985-03-03", "Kinh")
	b.Add("qualifications", map[string]string{"person_id": "N1", "kind": "education", "level": "university", "obtained_on": "2002-06-01"})
	b.Add("qualifications", map[string]string{"person_id": "N1", "kind": "political_theory", "level": "advanced", "obtained_on": "2015-06-01"})
	b.Add("qualifications", map[string]string{"person_id": "N2", "kind": "education", "level": "college", "obtained_on": "2012-06-01"})
	b.Add("party", map[string]string{"person_id": "N1", "event": "admitted", "date": "2005-01-01", "unit_id": "TU"})
	b.Add("party", map[string]string{"person_id": "N1", "event": "recognized", "date": "2006-01-01"})
	a := func(person, unit, role, from string) {
		b.Add("assignments", map[string]string{"person_id": person, "unit_id": unit, "role": role, "valid_from": from, "how": "elected"})
	}
	a("N1", "TU", "standing_member", "2020-01-01")
	a("S1", "TU", "secretary", "2020-10-01")
	a("N4", "HU", "deputy_secretary", "2020-10-01")
	a("H9", "HU", "secretary", "2020-10-01")
	b.Add("terms", map[string]string{"term": "2025-2030", "level": "province", "starts_on": "2025-10-15", "ends_on": "2030-10-15"})
	b.Add("terms", map[string]string{"term": "2025-2030", "level": "district", "starts_on": "2025-06-01", "ends_on": "2030-06-01"})
	pl := func(unit, role, person string) {
		b.Add("plans", map[string]string{"term": "2025-2030", "unit_id": unit, "role": role, "person_id": person, "added_on": "2025-06-01"})
	}
	pl("TU", "secretary", "N1")
	pl("TU", "secretary", "N3")
	pl("TU", "secretary", "S1")
	pl("TU", "deputy_secretary", "N2")
	pl("HU", "secretary", "N4")
	return b
}

// newPlanApp serves the planning fixture; it returns the server and its database.
func newPlanApp(t *testing.T) (*httptest.Server, *sqldb.DB) {
	t.Helper()
	return serveBundle(t, planBundle(), planUsers)
}

const planPage = "/quy-hoach?ngay=2025-10-01&nhiem_ky=2025-2030&don_vi=TU"

// nomineeBlock returns the matrix's block of one nominee of a post.
func nomineeBlock(t *testing.T, body, role, person string) string {
	t.Helper()
	i := strings.Index(body, `id="post-`+role+`"`)
	if i < 0 {
		t.Fatalf("no post %s\n%.3000s", role, body)
	}
	rest := body[i:]
	if j := strings.Index(rest[1:], `<tr id="post-`); j >= 0 {
		rest = rest[:j+1]
	}
	k := strings.Index(rest, `data-person="`+person+`"`)
	if k < 0 {
		t.Fatalf("no nominee %s for %s", person, role)
	}
	block := rest[k:]
	if e := strings.Index(block[1:], `class="nominee"`); e >= 0 {
		block = block[:e+1]
	}
	return block
}

func TestPlanningMatrix(t *testing.T) {
	ts, _ := newPlanApp(t)
	c := signIn(t, ts, "admin")
	code, body := c.get(planPage)
	if code != http.StatusOK {
		t.Fatalf("planning: %d\n%.2000s", code, body)
	}
	for _, want := range []string{`id="term-start">15/10/2025`, "Cấp tỉnh", "Lê Văn Một", "Hoàng Thị Hai",
		`href="/nhan-su/N1?ngay=2025-10-01"`, "Ít hơn 2 người trong quy hoạch", "DANH SÁCH QUY HOẠCH Đảng bộ tỉnh Thử"} {
		if !strings.Contains(body, want) {
			t.Errorf("planning page lacks %q", want)
		}
	}
	// Rows in protocol order: secretary before deputy secretary before standing member.
	if a, b, s := strings.Index(body, `id="post-secretary"`), strings.Index(body, `id="post-deputy_secretary"`),
		strings.Index(body, `id="post-standing_member"`); !(a < b && b < s) {
		t.Errorf("posts out of protocol order: %d %d %d", a, b, s)
	}
	// S1 holds the post: PLAN-01 in red beside them.
	if s1 := nomineeBlock(t, body, "secretary", "S1"); !strings.Contains(s1, `plan-bad finding">PLAN-01`) {
		t.Errorf("S1 without PLAN-01:\n%s", s1)
	}
	// N1 at the term's start (15/10/2025): 45 years old, meets the provincial secretary's standard.
	n1 := nomineeBlock(t, body, "secretary", "N1")
	for _, want := range []string{"Tuổi khi bắt đầu nhiệm kỳ: 45", "Tuổi đảng: 20 năm", "Ủy viên Ban Thường vụ Đảng bộ tỉnh Thử", "đạt tất cả"} {
		if !strings.Contains(n1, want) {
			t.Errorf("N1 lacks %q:\n%s", want, n1)
		}
	}
	if strings.Contains(n1, "PLAN-01") {
		t.Errorf("N1 with a finding of S1:\n%s", n1)
	}
	// N2: a college degree, no theory, not a member: gaps in the standard.
	n2 := nomineeBlock(t, body, "deputy_secretary", "N2")
	if !strings.Contains(n2, "tiêu chuẩn chưa đạt") || !strings.Contains(n2, "<td>Cao đẳng</td><td>Chưa đạt</td>") {
		t.Errorf("N2 fit:\n%s", n2)
	}
	// The structure of the plan at TU: women 1 of 4 (25 %: met), young 1 of 4, Tày 1.
	if !regexp.MustCompile(`<tr id="share-women"><td>Cán bộ nữ</td><td class="num">1/4</td><td class="num">25,0 %</td>`).MatchString(body) {
		t.Errorf("women share:\n%s", body[strings.Index(body, `id="structure"`):])
	}
	if !strings.Contains(body, `<tr id="share-minority"><td>Cán bộ người dân tộc thiểu số</td><td class="num">1/4</td>`) {
		t.Error("minority share")
	}
	// The structure for the whole province includes the district's plan: 5 people.
	_, body = c.get(planPage + "&pham_vi=T1")
	if !strings.Contains(body, `<tr id="share-women" class="plan-bad"><td>Cán bộ nữ</td><td class="num">1/5</td>`) {
		t.Errorf("women 1/5 not short:\n%s", body[strings.Index(body, `id="structure"`):])
	}
	// The API: plans filtered by unit and person.
	code, body = c.get("/api/v1/plans?nhiem_ky=2025-2030&don_vi=TU&nguoi=N1")
	var list struct {
		Data struct {
			Items []map[string]any `json:"items"`
		} `json:"data"`
	}
	if err := json.Unmarshal([]byte(body), &list); err != nil || code != 200 || len(list.Data.Items) != 1 || list.Data.Items[0]["role"] != "secretary" {
		t.Errorf("api plans: %d %v %s", code, err, body)
	}
	// The download, in the board's shape: title, unit, date, then STT, name, year of birth, current post, … planned post.
	code, xlsx := c.get(planPage + "&dang=xlsx")
	f, err := excelize.OpenReader(bytes.NewReader([]byte(xlsx)))
	if code != 200 || err != nil {
		t.Fatalf("xlsx: %d %v", code, err)
	}
	rows, err := f.GetRows("Quy hoạch")
	if err != nil || len(rows) < 5 {
		t.Fatalf("xlsx rows: %v %q", err, rows)
	}
	if rows[0][0] != "DANH SÁCH QUY HOẠCH ĐẢNG BỘ TỈNH THỬ NHIỆM KỲ 2025–2030" || rows[2][0] != "Tính đến ngày 01/10/2025" ||
		strings.Join(rows[3], "|") != "STT|Họ và tên|Năm sinh|Chức vụ hiện tại|Trình độ chuyên môn|Lý luận chính trị|Chức danh quy hoạch" {
		t.Errorf("xlsx head: %q", rows[:4])
	}
	// A post's nominees by given name (Ba, Một, Sáu).
	if got := strings.Join(rows[5], "|"); got != "2|Lê Văn Một|1980|Ủy viên Ban Thường vụ Đảng bộ tỉnh Thử|Đại học|Cao cấp|Bí thư" {
		t.Errorf("xlsx second row: %q", got)
	}
	if rows[4][1] != "Phạm Văn Ba" || rows[6][1] != "Trịnh Văn Sáu" || rows[7][6] != "Phó Bí thư" {
		t.Errorf("xlsx rows: %q", rows[4:])
	}
	// Every read is in the audit log, with its path.
	_, audit := c.get("/api/v1/audit?hanh_dong=confidential.read")
	for _, via := range []string{`"via":"/quy-hoach"`, `"via":"/api/v1/plans"`, `"via":"tải quy hoạch (.xlsx)"`} {
		if !strings.Contains(strings.ReplaceAll(audit, " ", ""), strings.ReplaceAll(via, " ", "")) {
			t.Errorf("no confidential.read via %s in the audit log:\n%.3000s", via, audit)
		}
	}
	if !strings.Contains(audit, "2025-2030|TU|secretary|N1") {
		t.Errorf("the read's keys not logged:\n%.3000s", audit)
	}
}

func TestPlanningAddRemove(t *testing.T) {
	ts, _ := newPlanApp(t)
	c := signIn(t, ts, "admin")
	code, body := c.postForm("/quy-hoach?ngay=2025-10-01", url.Values{"thao_tac": {"them"}, "nhiem_ky": {"2025-2030"}, "don_vi": {"TU"},
		"chuc_danh": {"deputy_secretary"}, "nguoi": {"N4"}, "ngay_qd": {"01/09/2025"}})
	if code != http.StatusOK || !strings.Contains(body, `id="plan-saved"`) {
		t.Fatalf("add: %d\n%.3000s", code, body)
	}
	// N4 holds a post at HU, not at TU: no PLAN-01; the addition adds no finding.
	if strings.Contains(body, "phát hiện vào ngày quyết định") {
		t.Error("the addition is said to add findings")
	}
	if n4 := nomineeBlock(t, body, "deputy_secretary", "N4"); !strings.Contains(n4, "Đưa vào quy hoạch ngày 01/09/2025") {
		t.Errorf("N4 added:\n%s", n4)
	}
	if strings.Contains(body[strings.Index(body, `id="post-deputy_secretary"`):], "Ít hơn 2 người") {
		t.Error("deputy secretary still short of nominees after the addition")
	}
	// One woman of five now: the women's share is short of 25 %.
	if !strings.Contains(body, `<tr id="share-women" class="plan-bad">`) {
		t.Error("women share not short after the addition")
	}
	version := regexp.MustCompile(`name="nguoi" value="N4"><input type="hidden" name="phien_ban" value="([0-9]+)"`).FindStringSubmatch(body)
	if version == nil {
		t.Fatal("no version for N4's removal")
	}
	rm := url.Values{"thao_tac": {"bo"}, "nhiem_ky": {"2025-2030"}, "don_vi": {"TU"}, "chuc_danh": {"deputy_secretary"}, "nguoi": {"N4"},
		"ngay_qd": {"20/09/2025"}, "ly_do": {"other"}, "phien_ban": {version[1]}}
	// "Other" needs its text; a date before the addition is refused.
	if code, body := c.postForm("/quy-hoach?ngay=2025-10-01", rm); code != http.StatusUnprocessableEntity || !strings.Contains(body, "lý do khác: ghi rõ") {
		t.Errorf("removal without a reason's text: %d %s", code, body[:min(len(body), 300)])
	}
	rm.Set("ly_do", "discipline")
	rm.Set("ngay_qd", "01/08/2025")
	if code, body := c.postForm("/quy-hoach?ngay=2025-10-01", rm); code != http.StatusUnprocessableEntity || !strings.Contains(body, "phải sau ngày đưa vào") {
		t.Errorf("removal before the addition: %d", code)
	}
	rm.Set("ngay_qd", "20/09/2025")
	code, body = c.postForm("/quy-hoach?ngay=2025-10-01", rm)
	if code != http.StatusOK || strings.Contains(body, `data-person="N4"`) {
		t.Fatalf("remove: %d\n%.3000s", code, body)
	}
	// On a day before the removal, N4 is still in the plan.
	_, before := c.get("/quy-hoach?ngay=2025-09-10&nhiem_ky=2025-2030&don_vi=TU")
	if !strings.Contains(before, `data-person="N4"`) {
		t.Error("N4 not in the plan before the removal's date")
	}
	_, api := c.get("/api/v1/plans?nhiem_ky=2025-2030&nguoi=N4&don_vi=TU")
	if !strings.Contains(api, `"removed_on": "2025-09-20"`) || !strings.Contains(api, "Bị kỷ luật (PLAN-07)") {
		t.Errorf("removal not recorded: %s", api)
	}
	_, audit := c.get("/api/v1/audit?hanh_dong=plans.")
	if !strings.Contains(audit, "plans.add") || !strings.Contains(audit, "plans.correct") {
		t.Errorf("add and removal not audited:\n%.2000s", audit)
	}
	// A stale version is refused.
	rm.Set("nguoi", "N1")
	rm.Set("chuc_danh", "secretary")
	rm.Set("phien_ban", "999")
	if code, _ := c.postForm("/quy-hoach?ngay=2025-10-01", rm); code != http.StatusUnprocessableEntity {
		t.Errorf("stale removal: %d", code)
	}
}

func TestPlanningConfidential(t *testing.T) {
	ts, _ := newPlanApp(t)
	for _, login := range []string{"viewer", "staffopen"} {
		c := signIn(t, ts, login)
		for _, path := range []string{planPage, "/api/v1/plans?nhiem_ky=2025-2030", planPage + "&dang=xlsx"} {
			code, body := c.get(path)
			if code != http.StatusForbidden || strings.Contains(body, "Lê Văn Một") || !strings.Contains(body, "hồ sơ mật") {
				t.Errorf("%s %s: %d\n%.500s", login, path, code, body)
			}
		}
		code, body := c.postForm("/quy-hoach?ngay=2025-10-01", url.Values{"thao_tac": {"them"}, "nhiem_ky": {"2025-2030"}, "don_vi": {"HU"},
			"chuc_danh": {"secretary"}, "nguoi": {"H9"}, "ngay_qd": {"01/09/2025"}})
		if code != http.StatusForbidden {
			t.Errorf("%s adds a nominee: %d %.300s", login, code, body)
		}
		if _, home := c.get("/?ngay=2025-10-01"); strings.Contains(home, `href="/quy-hoach`) {
			t.Errorf("%s sees the planning link", login)
		}
	}
	// The admin adds N2 as a fourth nominee for TU's secretary: PLAN-02, told
	// on the page the save returns to and marked on the post.
	admin := signIn(t, ts, "admin")
	code, body := admin.postForm("/quy-hoach?ngay=2025-10-01", url.Values{"thao_tac": {"them"}, "nhiem_ky": {"2025-2030"}, "don_vi": {"TU"},
		"chuc_danh": {"secretary"}, "nguoi": {"N2"}, "ngay_qd": {"01/09/2025"}})
	if code != http.StatusOK || !strings.Contains(body, "có thêm 1 phát hiện") || !strings.Contains(body, `plan-bad">PLAN-02`) {
		t.Errorf("a fourth nominee: %d\n%.3000s", code, body)
	}
	// Staff of H1 with the permission: their district's plan, not the province's.
	c := signIn(t, ts, "staffc")
	if _, home := c.get("/?ngay=2025-10-01"); !strings.Contains(home, `href="/quy-hoach`) {
		t.Error("staff with the permission lacks the planning link")
	}
	if code, _ := c.get(planPage); code != http.StatusForbidden {
		t.Errorf("staff of H1 reads the province's plan: %d", code)
	}
	code, body = c.get("/quy-hoach?ngay=2025-06-15&nhiem_ky=2025-2030&don_vi=HU")
	if code != http.StatusOK || !strings.Contains(body, "Vũ Văn Bốn") || !strings.Contains(body, `id="term-start">01/06/2025`) {
		t.Errorf("staff of H1, their plan: %d\n%.2000s", code, body)
	}
	_, api := c.get("/api/v1/plans?nhiem_ky=2025-2030")
	if !strings.Contains(api, `"person_id": "N4"`) || strings.Contains(api, `"person_id": "N1"`) {
		t.Errorf("staff of H1, the plans list: %s", api)
	}
	// They add a nominee in their scope.
	code, body = c.postForm("/quy-hoach?ngay=2025-10-01", url.Values{"thao_tac": {"them"}, "nhiem_ky": {"2025-2030"}, "don_vi": {"HU"},
		"chuc_danh": {"chair"}, "nguoi": {"H9"}, "ngay_qd": {"01/09/2025"}})
	if code != http.StatusOK || !strings.Contains(body, `id="post-chair"`) {
		t.Errorf("staff adds in scope: %d\n%.2000s", code, body)
	}
}

func TestTermsPage(t *testing.T) {
	ts, _ := newPlanApp(t)
	c := signIn(t, ts, "viewer")
	code, body := c.get("/nhiem-ky?ngay=2025-10-01")
	if code != http.StatusOK || !strings.Contains(body, "<td>2025-2030</td><td>Cấp tỉnh</td><td>15/10/2025</td><td>15/10/2030</td>") {
		t.Errorf("terms page: %d\n%.2000s", code, body)
	}
	code, body = c.get("/api/v1/terms")
	if code != http.StatusOK || !strings.Contains(body, `"starts_on": "2025-10-15"`) {
		t.Errorf("terms api: %d %s", code, body)
	}
}

// TestPlanningAddInvalid: a person or post that does not exist is refused
// in Vietnamese and nothing is written.
func TestPlanningAddInvalid(t *testing.T) {
	ts, _ := newPlanApp(t)
	c := signIn(t, ts, "admin")
	code, body := c.postForm("/quy-hoach?ngay=2025-10-01", url.Values{"thao_tac": {"them"}, "nhiem_ky": {"2025-2030"}, "don_vi": {"TU"},
		"chuc_danh": {"chair"}, "nguoi": {"KHONG"}, "ngay_qd": {"01/09/2025"}})
	if code != http.StatusUnprocessableEntity || !strings.Contains(body, "chưa ghi gì") {
		t.Errorf("unknown person: %d\n%.2000s", code, body)
	}
	code, _ = c.postForm("/quy-hoach?ngay=2025-10-01", url.Values{"thao_tac": {"them"}, "nhiem_ky": {"2025-2030"}, "don_vi": {"TU"},
		"chuc_danh": {"chair"}, "nguoi": {"N4"}, "ngay_qd": {"31/02/2025"}})
	if code != http.StatusUnprocessableEntity {
		t.Errorf("bad date: %d", code)
	}
	if _, body := c.get(planPage); strings.Contains(body, `id="post-chair"`) {
		t.Error("a refused addition shows")
	}
}

func TestPlanningNomineeDetail(t *testing.T) {
	ts, _ := newPlanApp(t)
	c := signIn(t, ts, "admin")
	_, body := c.get(planPage)
	if !strings.Contains(body, `href="/quy-hoach/ung-vien?ngay=2025-10-01&amp;nhiem_ky=2025-2030&amp;don_vi=TU&amp;chuc_danh=deputy_secretary&amp;nguoi=N2"`) {
		t.Error("no detail link for N2")
	}
	code, body := c.get("/quy-hoach/ung-vien?ngay=2025-10-01&nhiem_ky=2025-2030&don_vi=TU&chuc_danh=deputy_secretary&nguoi=N2")
	if code != http.StatusOK {
		t.Fatalf("detail: %d\n%.1000s", code, body)
	}
	for _, want := range []string{"Hoàng Thị Hai", "<td>35</td>", `<tr class="plan-bad"><td>Trình độ chuyên môn</td><td>từ Đại học</td><td>Cao đẳng</td><td>Chưa đạt</td></tr>`,
		`<tr class="plan-bad"><td>Tuổi đảng</td><td>từ 10 năm</td><td>chưa là đảng viên</td><td>Chưa đạt</td></tr>`} {
		if !strings.Contains(body, want) {
			t.Errorf("detail lacks %q", want)
		}
	}
	if code, _ := c.get("/quy-hoach/ung-vien?ngay=2025-10-01&nhiem_ky=2025-2030&don_vi=TU&chuc_danh=chair&nguoi=N2"); code != http.StatusNotFound {
		t.Errorf("a nominee not in the plan: %d", code)
	}
	v := signIn(t, ts, "viewer")
	if code, body := v.get("/quy-hoach/ung-vien?ngay=2025-10-01&nhiem_ky=2025-2030&don_vi=TU&chuc_danh=deputy_secretary&nguoi=N2"); code != http.StatusForbidden || strings.Contains(body, "Hoàng Thị Hai") {
		t.Errorf("viewer reads a nominee: %d", code)
	}
	_, audit := c.get("/api/v1/audit?hanh_dong=confidential.read")
	if !strings.Contains(audit, "/quy-hoach/ung-vien") {
		t.Error("the detail's read not logged")
	}
}
