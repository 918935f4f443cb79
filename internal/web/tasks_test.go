package web_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// tasksBundle: commune X1 (villages V1–V3, V4 from 01/06/2019) and X2;
// heads of V1–V3 from 2015, P1 a member since 2010, P2 from 01/06/2018
// (the share of heads who are members: 1/3, then 2/3); resolution NQ74
// sets targets, plan KH47 assigns tasks.
func tasksBundle() bundle.Tables {
	t := bundle.Tables{}
	unit := func(id, name, kind, parent, from string) {
		t.Add("units", map[string]string{"id": id, "name": name, "kind": kind, "parent_id": parent, "valid_from": from})
	}
	unit("T", "Tỉnh Mẫu", "province", "", "1990-01-01")
	unit("PT", "Đảng bộ tỉnh Mẫu", "party_provincial", "", "1990-01-01")
	unit("C1", "Chi bộ Một", "party_grassroots_cell", "PT", "1990-01-01")
	unit("X1", "Xã Một", "commune", "T", "1990-01-01")
	unit("X2", "Xã Hai", "commune", "T", "1990-01-01")
	unit("V1", "Thôn Một", "village", "X1", "1990-01-01")
	unit("V2", "Thôn Hai", "village", "X1", "1990-01-01")
	unit("V3", "Thôn Ba", "village", "X1", "1990-01-01")
	unit("V4", "Thôn Bốn", "village", "X1", "2019-06-01")
	for i, n := range []string{"Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"} {
		id := "P" + string(rune('1'+i))
		t.Add("people", map[string]string{"id": id, "full_name": n, "birth_date": "1975-01-01"})
		t.Add("assignments", map[string]string{"person_id": id, "unit_id": "V" + string(rune('1'+i)), "role": "village_head", "valid_from": "2015-01-01"})
	}
	t.Add("party", map[string]string{"person_id": "P1", "event": "admitted", "date": "2010-01-01", "unit_id": "C1"})
	t.Add("party", map[string]string{"person_id": "P2", "event": "admitted", "date": "2018-06-01", "unit_id": "C1"})
	t.Add("documents", map[string]string{"id": "NQ74", "number": "74-NQ/TU", "kind": "resolution", "issuer_id": "PT",
		"issued_on": "2016-10-01", "title": "Nghị quyết về hệ thống chính trị cơ sở", "effective_on": "2016-11-01"})
	t.Add("documents", map[string]string{"id": "KH47", "number": "47-KH/TU", "kind": "plan", "issuer_id": "PT",
		"issued_on": "2017-01-05", "title": "Kế hoạch thực hiện"})
	target := func(id, ind, scope, due, op, value, label string) {
		t.Add("document_targets", map[string]string{"document_id": "NQ74", "target_id": id, "indicator": ind, "scope_id": scope,
			"due_on": due, "op": op, "value": value, "label": label})
	}
	target("1", "village.head_party_member", "", "2019-12-31", ">=", "0.666667", "Hai phần ba trưởng thôn là đảng viên")
	target("2", "units.village", "X1", "2019-01-01", "=", "3", "")
	target("3", "units.village", "X1", "2019-12-31", "<=", "3", "")
	task := func(id, unit, title, due, done string) {
		t.Add("document_tasks", map[string]string{"document_id": "KH47", "task_id": id, "unit_id": unit, "title": title,
			"due_on": due, "done_on": done})
	}
	task("1", "X1", "Rà soát trưởng thôn", "2018-09-30", "2018-09-30")
	task("2", "X1", "Báo cáo sơ kết", "2018-09-30", "2018-10-01")
	task("3", "V1", "Kiện toàn chi bộ thôn", "2018-09-30", "")
	task("4", "X2", "Việc của xã Hai", "2018-12-31", "")
	task("5", "X1", "Việc xa hạn", "2019-06-30", "")
	return t
}

var tasksUsers = []tochuc.User{
	{Login: "admin", FullName: "Quản trị", Role: tochuc.RoleAdmin},
	{Login: "xa1", FullName: "Văn thư xã Một", Role: tochuc.RoleStaff, ScopeUnitID: "X1"},
	{Login: "xem", FullName: "Người xem", Role: tochuc.RoleViewer, ScopeUnitID: tochuc.AllUnits},
}

// TestTasksDueList: the due list of a commune's clerk holds its overdue
// tasks and those due within 30 days, not another commune's nor a task due
// later; marking one done is an edit that changes its status.
func TestTasksDueList(t *testing.T) {
	t.Parallel()
	ts, _ := serveBundle(t, tasksBundle(), tasksUsers)
	clerk := signIn(t, ts, "xa1")
	code, body := clerk.get("/nhiem-vu?ngay=2018-12-15")
	if code != http.StatusOK || !strings.Contains(body, "Kiện toàn chi bộ thôn") || !strings.Contains(body, "Quá hạn") ||
		!strings.Contains(body, "47-KH/TU") || !strings.Contains(body, "30/09/2018") || !strings.Contains(body, "Thôn Một") ||
		strings.Contains(body, "Việc của xã Hai") || strings.Contains(body, "Việc xa hạn") || strings.Contains(body, "Báo cáo sơ kết") ||
		!strings.Contains(body, "Đánh dấu hoàn thành") {
		t.Fatalf("due list: %d\n%.4000s", code, body)
	}
	// 30 days ahead: the task due on 30/06/2019 is listed from 31/05/2019, not on 30/05
	if _, body := clerk.get("/nhiem-vu?ngay=2019-05-31"); !strings.Contains(body, "Việc xa hạn") {
		t.Error("a task due in 30 days not listed")
	}
	if _, body := clerk.get("/nhiem-vu?ngay=2019-05-30"); strings.Contains(body, "Việc xa hạn") {
		t.Error("a task due in 31 days listed")
	}
	if code, _ := clerk.get("/nhiem-vu?ngay=2018-12-15&pham_vi=X2"); code != http.StatusForbidden {
		t.Errorf("another commune: %d", code)
	}
	v := url.Values{"van_ban": {"KH47"}, "nhiem_vu": {"3"}, "ngay_hoan_thanh": {"20/12/2018"}, "tro_ve": {"/nhiem-vu?ngay=2018-12-31&trang_thai=tat_ca"}}
	code, body = clerk.postForm("/nhiem-vu", v)
	if code != http.StatusOK || !strings.Contains(body, "Đã ghi ngày hoàn thành") {
		t.Fatalf("mark done: %d\n%.3000s", code, body)
	}
	var api struct {
		Data struct {
			Total int `json:"total"`
			Tasks []map[string]any
		} `json:"data"`
	}
	_, body = clerk.get("/api/v1/tasks?ngay=2018-12-31&trang_thai=done_late")
	if err := json.Unmarshal([]byte(body), &api); err != nil || api.Data.Total != 2 {
		t.Fatalf("API: %v\n%s", err, body)
	}
	want := map[string]any{"document_id": "KH47", "task_id": "3", "unit_id": "V1", "due_on": "2018-09-30", "done_on": "2018-12-20", "status": "done_late"}
	if got := api.Data.Tasks[1]; len(got) != len(want) || got["task_id"] != "3" || got["done_on"] != "2018-12-20" || got["status"] != "done_late" {
		t.Errorf("the task marked done: %v", got)
	}
	// another commune's task, a viewer: refused
	v.Set("nhiem_vu", "4")
	if code, _ := clerk.postForm("/nhiem-vu", v); code != http.StatusForbidden {
		t.Errorf("another commune's task marked: %d", code)
	}
	if code, _ := signIn(t, ts, "xem").postForm("/nhiem-vu", v); code != http.StatusForbidden {
		t.Errorf("a viewer marked a task: %d", code)
	}
	resp, err := clerk.http.Get(clerk.base + "/nhiem-vu?ngay=2018-12-15&dang=xlsx")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.Contains(resp.Header.Get("Content-Type"), "spreadsheetml") {
		t.Errorf("download: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
}

// TestDocumentTargetsReport: the report on a resolution's implementation
// shows each target's actual (a share as a percentage) with its status,
// the change since the previous year-end, its trend chart and its
// drill-down; the API gives the amendment's objects.
func TestDocumentTargetsReport(t *testing.T) {
	t.Parallel()
	ts, _ := serveBundle(t, tasksBundle(), tasksUsers)
	admin := signIn(t, ts, "admin")
	code, body := admin.get("/van-ban/NQ74/thuc-hien?ngay=2018-06-01")
	for _, s := range []string{"74-NQ/TU", "Hai phần ba trưởng thôn là đảng viên", "Trưởng thôn là đảng viên", "Đạt từ 66,7 %", "66,7 %",
		"Đúng tiến độ", "&#43;33,3 điểm % (so với 31/12/2017)", "<svg", "/chi-tieu/village.head_party_member?ngay=2018-06-01",
		"/chi-tieu/units.village?ngay=2018-06-01&amp;pham_vi=X1", "Xã Một", "Toàn bộ", "THỦ TRƯỞNG ĐƠN VỊ", "Bằng 3"} {
		if !strings.Contains(body, s) {
			t.Errorf("report lacks %q", s)
		}
	}
	if code != http.StatusOK {
		t.Fatalf("report: %d", code)
	}
	// after the due dates: measured on them
	_, body = admin.get("/api/v1/documents/NQ74/targets?ngay=2020-01-01")
	var api struct {
		Data struct {
			Targets []struct {
				TargetID   string  `json:"target_id"`
				MeasuredOn string  `json:"measured_on"`
				Actual     float64 `json:"actual"`
				Status     string  `json:"status"`
			} `json:"targets"`
		} `json:"data"`
	}
	if err := json.Unmarshal([]byte(body), &api); err != nil || len(api.Data.Targets) != 3 {
		t.Fatalf("API: %v\n%s", err, body)
	}
	for i, want := range []string{"1 2019-12-31 0.666667 met", "2 2019-01-01 3 met", "3 2019-12-31 4 missed"} {
		g := api.Data.Targets[i]
		if got := g.TargetID + " " + g.MeasuredOn + " " + tochuc.FormatNumber(g.Actual) + " " + g.Status; got != want {
			t.Errorf("target %d: %s, want %s", i, got, want)
		}
	}
	// the clerk of X1 reads the targets measured inside X1 only
	clerk := signIn(t, ts, "xa1")
	_, body = clerk.get("/api/v1/targets?ngay=2018-06-01")
	if !strings.Contains(body, `"target_id": "2"`) || strings.Contains(body, `"target_id": "1"`) {
		t.Errorf("the clerk's targets:\n%s", body)
	}
	if code, _ := admin.get("/van-ban/KHONG/thuc-hien"); code != http.StatusNotFound {
		t.Errorf("a missing document: %d", code)
	}
	resp, err := admin.http.Get(admin.base + "/van-ban/NQ74/thuc-hien?ngay=2018-06-01&dang=xlsx")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.Contains(resp.Header.Get("Content-Type"), "spreadsheetml") {
		t.Errorf("download: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
}

// TestUnitPageTasks: a unit's page lists its tasks not done, with a link to
// the due list of the unit.
func TestUnitPageTasks(t *testing.T) {
	t.Parallel()
	ts, _ := serveBundle(t, tasksBundle(), tasksUsers)
	_, body := signIn(t, ts, "xa1").get("/don-vi/X1?ngay=2018-12-15")
	for _, s := range []string{"Nhiệm vụ chưa hoàn thành (1)", "Việc xa hạn", "hạn 30/06/2019", "don_vi=X1"} {
		if !strings.Contains(body, s) {
			t.Errorf("unit page lacks %q", s)
		}
	}
	if strings.Contains(body, "Báo cáo sơ kết") || strings.Contains(body, "Kiện toàn chi bộ thôn") {
		t.Error("a task done, or a village's, listed on the commune's page")
	}
}
