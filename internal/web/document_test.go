package web_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/tochuc/tochuc/internal/bundle"
)

// withDocuments adds to a fixture (richBundle's units) a chain of three
// regulations of the province T1 (NQ1 ← NQ2 ← NQ3), the tasks and targets
// of NQ3, a post it decided, and a plan of district H2 (outside staff's
// scope H1).
func withDocuments(b bundle.Tables) bundle.Tables {
	doc := func(id, number, kind, issuer, issued, title string, more ...string) {
		r := map[string]string{"id": id, "number": number, "kind": kind, "issuer_id": issuer, "issued_on": issued, "title": title}
		for i := 0; i+1 < len(more); i += 2 {
			r[more[i]] = more[i+1]
		}
		b.Add("documents", r)
	}
	doc("NQ1", "01-QĐ/TU", "regulation", "T1", "2015-01-01", "Quy định về công tác cán bộ", "effective_on", "2015-02-01")
	doc("NQ2", "02-QĐ/TU", "regulation", "T1", "2016-01-01", "Quy định về công tác cán bộ (sửa đổi)", "replaces_id", "NQ1", "effective_on", "2016-03-01")
	doc("NQ3", "74-NQ/TU", "resolution", "T1", "2019-01-01", "Nghị quyết về xây dựng hệ thống chính trị", "replaces_id", "NQ2",
		"expires_on", "2030-01-01")
	doc("KH1", "47-KH/HU", "plan", "H2", "2017-01-01", "Kế hoạch của huyện Bình")
	task := func(id, unit, title, due, done string) {
		b.Add("document_tasks", map[string]string{"document_id": "NQ3", "task_id": id, "unit_id": unit, "title": title, "due_on": due, "done_on": done})
	}
	task("1", "X1", "Rà soát quy hoạch", "2019-06-30", "2019-06-30")
	task("2", "X1", "Sáp nhập thôn", "2019-06-30", "2019-07-01")
	task("3", "X1", "Kiện toàn chi bộ thôn", "2019-12-31", "")
	task("4", "X2", "Việc của xã Hai", "2019-12-31", "")
	b.Add("document_targets", map[string]string{"document_id": "NQ3", "target_id": "1", "indicator": "village.head_party_member",
		"scope_id": "T1", "due_on": "2020-12-31", "op": ">=", "value": "0.7", "label": "70 % trưởng thôn là đảng viên"})
	b.Add("document_targets", map[string]string{"document_id": "NQ3", "target_id": "2", "indicator": "party.members",
		"due_on": "2020-12-31", "op": ">=", "value": "1186"})
	b.Add("assignments", map[string]string{"person_id": "P1", "unit_id": "X1", "role": "chair", "valid_from": "2019-02-01", "document_id": "NQ3"})
	return b
}

// TestDocumentPage: a document's page tells its status on the page's date
// on both sides of each day that changes it, its chain of replacements both
// ways, its tasks' statuses on the date, its targets as a person reads
// them, the posts it decided; staff see the tasks of their scope only, and
// no document issued outside it; only who may edit gets the forms.
func TestDocumentPage(t *testing.T) {
	t.Parallel()
	ts := newApp(t, withDocuments(richBundle()))
	admin, staff, viewer := signIn(t, ts, "admin"), signIn(t, ts, "staff"), signIn(t, ts, "viewer")
	for _, c := range []struct{ id, date, want string }{
		{"NQ1", "2015-01-31", "Chưa có hiệu lực"},
		{"NQ1", "2015-02-01", "Còn hiệu lực"},
		{"NQ1", "2016-02-29", "Còn hiệu lực"},
		{"NQ1", "2016-03-01", "Đã bị thay thế bởi 02-QĐ/TU"},
		{"NQ3", "2018-12-31", "Chưa có hiệu lực"},
		{"NQ3", "2029-12-31", "Còn hiệu lực"},
		{"NQ3", "2030-01-01", "Hết hiệu lực"},
	} {
		code, body := admin.get("/van-ban/" + c.id + "?ngay=" + c.date)
		if code != http.StatusOK || !strings.Contains(body, "<strong>"+c.want+"</strong>") {
			t.Errorf("%s on %s: %d, want %q\n%.400s", c.id, c.date, code, c.want, body)
		}
	}
	_, body := admin.get("/van-ban/NQ2?ngay=2019-12-31")
	a, b, c := strings.Index(body, "74-NQ/TU</a>"), strings.Index(body, "<strong>02-QĐ/TU</strong> (văn bản này)"), strings.Index(body, "01-QĐ/TU</a>")
	if a < 0 || b < 0 || c < 0 || !(a < b && b < c) {
		t.Errorf("chain of NQ2 not NQ3, NQ2, NQ1: %d %d %d", a, b, c)
	}
	_, body = admin.get("/van-ban/NQ3?ngay=2019-12-31")
	for _, want := range []string{"Đã hoàn thành", "Hoàn thành chậm", "Đang thực hiện", "Việc của xã Hai", "Trưởng thôn là đảng viên",
		"Đạt từ 70 %", "Đạt từ 1.186", `href="/van-ban/NQ3/thuc-hien?ngay=2019-12-31"`, "Đánh giá thực hiện", "Trần Văn Bình",
		`action="/van-ban/NQ3/tep"`, `name="tep"`, `enctype="multipart/form-data"`, "Tỉnh Thử", "02-QĐ/TU</a>", "01-QĐ/TU</a>",
		`href="/sua/document_tasks?document_id=NQ3&amp;ngay=2019-12-31&amp;task_id=1"`, `href="/sua/documents?id=NQ3&amp;ngay=2019-12-31"`} {
		if !strings.Contains(body, want) {
			t.Errorf("NQ3 on 31/12/2019 lacks %q", want)
		}
	}
	for _, link := range []string{"/sua/document_tasks?document_id=NQ3&ngay=2019-12-31&task_id=1", "/sua/documents?id=NQ3&ngay=2019-12-31",
		"/sua/document_targets?document_id=NQ3&ngay=2019-12-31&target_id=1"} {
		if code, body := admin.get(link); code != http.StatusOK || !strings.Contains(body, "NQ3") {
			t.Errorf("%s: %d", link, code)
		}
	}
	if strings.Contains(body, "Quá hạn") {
		t.Error("a task due on the page's date is overdue")
	}
	if _, body = admin.get("/van-ban/NQ3?ngay=2020-01-01"); !strings.Contains(body, "Quá hạn") {
		t.Error("a task past its deadline is not overdue")
	}
	code, body := staff.get("/van-ban/NQ3?ngay=2019-12-31")
	if code != http.StatusOK || strings.Contains(body, "Việc của xã Hai") || !strings.Contains(body, "Kiện toàn chi bộ thôn") {
		t.Errorf("staff of H1: %d, the task of X2 shown or the task of X1 not", code)
	}
	if code, _ := staff.get("/van-ban/KH1?ngay=2019-12-31"); code != http.StatusForbidden {
		t.Errorf("staff of H1 open H2's plan: %d, want 403", code)
	}
	if _, body := viewer.get("/van-ban/NQ3?ngay=2019-12-31"); strings.Contains(body, `name="tep"`) || strings.Contains(body, "Sửa văn bản") ||
		strings.Contains(body, "/sua/document_tasks") {
		t.Error("a viewer gets the upload form or the edit link")
	}
	if code, _ := admin.get("/van-ban/khong-co"); code != http.StatusNotFound {
		t.Errorf("a missing document: %d, want 404", code)
	}
	var v struct {
		Data struct {
			Status     string `json:"status"`
			ReplacedBy []struct {
				ID string `json:"id"`
			} `json:"replaced_by"`
			Tasks []struct {
				TaskID, Status string
			} `json:"tasks"`
		} `json:"data"`
	}
	_, body = admin.get("/api/v1/documents/NQ2?ngay=2020-01-01")
	if err := json.Unmarshal([]byte(body), &v); err != nil {
		t.Fatal(err)
	}
	if v.Data.Status != "replaced" || len(v.Data.ReplacedBy) != 1 || v.Data.ReplacedBy[0].ID != "NQ3" {
		t.Errorf("API of NQ2: %+v", v.Data)
	}
}

// TestDocumentsListFilters: the list filters by kind, issuer, year and
// force on the page's date (both sides of a replacement's first day), links
// each row to its page, and hides from staff what was issued outside their
// scope.
func TestDocumentsListFilters(t *testing.T) {
	t.Parallel()
	ts := newApp(t, withDocuments(richBundle()))
	admin, staff := signIn(t, ts, "admin"), signIn(t, ts, "staff")
	ids := func(cl *client, q string) string {
		t.Helper()
		code, body := cl.get("/api/v1/documents?" + q)
		if code != http.StatusOK {
			t.Fatalf("%s: %d %s", q, code, body)
		}
		var v struct {
			Data struct {
				Items []struct {
					ID string `json:"id"`
				} `json:"items"`
				Total int `json:"total"`
			} `json:"data"`
		}
		if err := json.Unmarshal([]byte(body), &v); err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, it := range v.Data.Items {
			out = append(out, it.ID)
		}
		return strings.Join(out, " ")
	}
	for _, c := range []struct{ q, want string }{
		{"ngay=2019-12-31", "NQ3 KH1 NQ2 NQ1"},
		{"ngay=2019-12-31&hieu_luc=1", "NQ3 KH1"},
		{"ngay=2019-12-31&hieu_luc=0", "NQ2 NQ1"},
		{"ngay=2016-02-29&hieu_luc=1", "NQ1"},
		{"ngay=2016-03-01&hieu_luc=1", "NQ2"},
		{"ngay=2016-03-01&hieu_luc=0", "NQ1"},
		{"ngay=2019-12-31&loai=plan", "KH1"},
		{"ngay=2019-12-31&co_quan=T1", "NQ3 NQ2 NQ1"},
		{"ngay=2019-12-31&nam=2016", "NQ2"},
		{"ngay=2019-12-31&loai=regulation&hieu_luc=1", ""},
		{"ngay=2019-12-31&q=sua+doi", "NQ2"},
	} {
		if got := ids(admin, c.q); got != c.want {
			t.Errorf("admin %s: %q, want %q", c.q, got, c.want)
		}
	}
	if got := ids(staff, "ngay=2019-12-31"); got != "NQ3 NQ2 NQ1" {
		t.Errorf("staff of H1 see %q, want the province's documents and not H2's plan", got)
	}
	if got := ids(staff, "ngay=2019-12-31&hieu_luc=1"); got != "NQ3" {
		t.Errorf("staff of H1, in force: %q", got)
	}
	for _, q := range []string{"loai=unit", "nam=19", "hieu_luc=2"} {
		if code, _ := admin.get("/van-ban?ngay=2019-12-31&" + q); code != http.StatusBadRequest {
			t.Errorf("%s: %d, want 400", q, code)
		}
	}
	_, body := admin.get("/van-ban?ngay=2019-12-31")
	if !strings.Contains(body, `<a href="/van-ban/NQ3?ngay=2019-12-31">74-NQ/TU</a>`) {
		t.Error("a row does not link to its document's page")
	}
}
