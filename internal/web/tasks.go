package web

import (
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/tochuc/tochuc/internal/app"
	"github.com/tochuc/tochuc/internal/tochuc"
	"github.com/tochuc/tochuc/internal/workbook"
)

// The tasks directive documents assign (/nhiem-vu, bundle-v1 amendment 3):
// for a unit of the scope (pham_vi) and a date (ngay), the tasks overdue
// and those falling due within 30 days (trang_thai=den_han, the default),
// or the tasks of one status, or all; paged in the database; a writer marks
// a task done (POST /nhiem-vu: an edit of its record).

// taskDueList is what trang_thai names for the due list.
const taskDueList = "den_han"

// taskAll is what trang_thai names for every task.
const taskAll = "tat_ca"

// tasksData is the page.
type tasksData struct {
	taskList
	ScopeName string
	Unit      string
	Document  string
	Filter    string // trang_thai as shown
	Filters   []taskFilter
	Download  string
	CanWrite  bool
	Today     tochuc.Date
	Back      string // the list's address, for the forms to return to
	Saved     bool
}

type taskFilter struct {
	Code, Label string
	Current     bool
}

// handleTasks lists the tasks (the page and GET /api/v1/tasks).
func (s *Server) handleTasks(w http.ResponseWriter, r *http.Request) error {
	d, err := pageDate(r)
	if err != nil {
		return err
	}
	if done, err := s.choosePickScope(w, r); done || err != nil {
		return err
	}
	q := r.URL.Query()
	p := app.TaskParams{AsOf: d, Scope: strings.TrimSpace(q.Get("pham_vi")), DocumentID: strings.TrimSpace(q.Get("van_ban")),
		UnitID: strings.TrimSpace(q.Get("don_vi"))}
	for _, v := range []string{p.Scope, p.DocumentID, p.UnitID} {
		if len(v) > maxCodeParam {
			return tochuc.Errorf(tochuc.EInvalid, "Mã quá dài (tối đa %d ký tự).", maxCodeParam)
		}
	}
	filter := q.Get("trang_thai")
	switch {
	case filter == "":
		filter = taskDueList
		p.DueWithin = app.TaskWindow
	case filter == taskDueList:
		p.DueWithin = app.TaskWindow
	case filter == taskAll:
	case slices.Contains(tochuc.TaskStatuses, filter):
		p.Status = filter
	default:
		return tochuc.Errorf(tochuc.EInvalid, "Không có trạng thái nhiệm vụ %q (den_han, tat_ca, overdue, open, done_late, done).", filter)
	}
	u, _ := userOf(r.Context())
	switch form := q.Get("dang"); form {
	case "xlsx":
		return s.downloadTasks(w, r, u, p)
	case "":
	default:
		return tochuc.Errorf(tochuc.EInvalid, "Không tải về được dạng %q (xlsx).", form)
	}
	n := requestedPage(r)
	res, err := s.app.Tasks(r.Context(), u, p, (n-1)*pageSize, pageSize)
	if err != nil {
		return err
	}
	data := tasksData{taskList: taskList{AsOf: res.AsOf, Scope: p.Scope, Status: filter, Counts: res.Counts, Tasks: res.Tasks,
		listInfo: newPager(r, res.Total)}, Unit: p.UnitID, Document: p.DocumentID, Filter: filter,
		CanWrite: u.CanWrite(), Today: tochuc.Today(), Saved: q.Get(savedParam) != ""}
	data.ScopeName = "toàn bộ phạm vi được giao"
	if p.Scope != "" {
		data.ScopeName = p.Scope
		if un, err := s.registry.Unit(r.Context(), p.Scope, d); err == nil {
			data.ScopeName = un.Name
		}
	}
	data.Filters = append(data.Filters, taskFilter{taskDueList, "Quá hạn và đến hạn trong 30 ngày", filter == taskDueList})
	for _, st := range tochuc.TaskStatuses {
		data.Filters = append(data.Filters, taskFilter{st, tochuc.Label("task_status", st), filter == st})
	}
	data.Filters = append(data.Filters, taskFilter{taskAll, "Tất cả", filter == taskAll})
	dq := r.URL.Query()
	dq.Del("trang")
	dq.Del(savedParam)
	dq.Set("dang", "xlsx")
	data.Download = r.URL.Path + "?" + dq.Encode()
	bq := r.URL.Query()
	bq.Del(savedParam)
	data.Back = "/nhiem-vu?" + bq.Encode()
	s.render(w, r, "tasks.html", http.StatusOK, page{Title: "Nhiệm vụ đến hạn / quá hạn", Date: d, Data: data, API: data.taskList})
	return nil
}

// taskColumns are the columns of the tasks' workbook.
var taskColumns = []workbook.Column{{Header: "Văn bản", Width: 14}, {Header: "Nhiệm vụ", Width: 8}, {Header: "Nội dung", Width: 48},
	{Header: "Đơn vị chủ trì", Width: 30}, {Header: "Hạn", Width: 12}, {Header: "Ngày hoàn thành", Width: 14}, {Header: "Trạng thái", Width: 16}}

// downloadTasks sends the whole list (at most a worksheet's rows) as a workbook, page by page from the database.
func (s *Server) downloadTasks(w http.ResponseWriter, r *http.Request, u tochuc.User, p app.TaskParams) error {
	b, err := workbook.New()
	if err != nil {
		return err
	}
	defer b.Close()
	sh, err := b.Sheet("Nhiệm vụ", []string{"Nhiệm vụ được giao", "Tình trạng ngày " + p.AsOf.Vietnamese()}, taskColumns)
	if err != nil {
		return err
	}
	const chunk = 1000
	for off := 0; off < maxSheetRows-4; off += chunk {
		res, err := s.app.Tasks(r.Context(), u, p, off, chunk)
		if err != nil {
			return err
		}
		for _, t := range res.Tasks {
			doc := t.DocumentNumber
			if doc == "" {
				doc = t.DocumentID
			}
			if err := sh.Row(doc, t.TaskID, t.Title, t.UnitName, t.Due, t.Done, tochuc.Label("task_status", t.Status)); err != nil {
				return err
			}
		}
		if len(res.Tasks) < chunk {
			break
		}
	}
	w.Header().Set("Content-Type", xlsxType)
	w.Header().Set("Content-Disposition", `attachment; filename="nhiem-vu-`+p.AsOf.String()+`.xlsx"`)
	if err := b.Write(w); err != nil {
		s.logFault(err, "path", r.URL.Path)
	}
	return nil
}

// maxTaskForm is the most the form marking a task done may hold.
const maxTaskForm = 8 << 10

// handleTaskDone marks a task done (fields van_ban, nhiem_vu,
// ngay_hoan_thanh, and tro_ve: the list to return to).
func (s *Server) handleTaskDone(w http.ResponseWriter, r *http.Request) error {
	if err := mayWrite(r); err != nil {
		return err
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxTaskForm)
	if err := r.ParseForm(); err != nil {
		return tochuc.Errorf(tochuc.EInvalid, "Biểu mẫu không hợp lệ hoặc quá lớn.")
	}
	pf := r.PostForm
	doc, task := strings.TrimSpace(pf.Get("van_ban")), strings.TrimSpace(pf.Get("nhiem_vu"))
	if doc == "" || task == "" || len(doc) > maxCodeParam || len(task) > maxCodeParam {
		return tochuc.Errorf(tochuc.EInvalid, "Biểu mẫu không hợp lệ: thiếu văn bản hoặc nhiệm vụ.")
	}
	done, err := tochuc.ParseDateLoose(strings.TrimSpace(pf.Get("ngay_hoan_thanh")))
	if err != nil || done == 0 {
		return tochuc.Errorf(tochuc.EInvalid, "Ngày hoàn thành không hợp lệ %q (cần dd/mm/yyyy).", pf.Get("ngay_hoan_thanh"))
	}
	res, err := s.app.MarkTaskDone(r.Context(), s.actor(r), doc, task, done, "")
	if err != nil {
		return err
	}
	if !res.Report.OK() {
		var parts []string
		for _, is := range res.Report.Issues {
			parts = append(parts, is.Vi)
		}
		return tochuc.Errorf(tochuc.EInvalid, "Dữ liệu không hợp lệ, chưa có gì được ghi: %s", strings.Join(parts, "; "))
	}
	back := pf.Get("tro_ve")
	if !strings.HasPrefix(back, "/nhiem-vu?") || strings.ContainsAny(back, "\r\n\\") || len(back) > 2000 {
		back = "/nhiem-vu?" + url.Values{"ngay": {done.String()}}.Encode()
	}
	http.Redirect(w, r, back+"&"+savedParam+"=document_tasks", http.StatusSeeOther)
	return nil
}

// unitTasksShown is how many of its tasks a unit's page lists.
const unitTasksShown = 10

// unitTasks reads a unit's own tasks not done on d, for its page.
func (s *Server) unitTasks(r *http.Request, d tochuc.Date, data *unitData) error {
	if !data.Exists {
		return nil
	}
	u, _ := userOf(r.Context())
	res, err := s.app.Tasks(r.Context(), u, app.TaskParams{AsOf: d, UnitID: data.Unit.ID, NotDone: true}, 0, unitTasksShown)
	if tochuc.ErrorCode(err) == tochuc.EForbidden {
		return nil
	}
	if err != nil {
		return err
	}
	data.Tasks, data.TasksTotal = res.Tasks, res.Total
	data.TasksLink = "/nhiem-vu?" + url.Values{"ngay": {d.String()}, "don_vi": {data.Unit.ID}, "trang_thai": {taskAll}}.Encode()
	return nil
}
