package web

import (
	"net/http"
	"time"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// auditData is a page of the audit log: its API type and the filters.
type auditData struct {
	auditList
	User, Action, Person, Unit, From, To string
	Actions                              []tochuc.Term // the choices of the action filter
}

// auditActions are the choices of the audit page's action filter: a
// prefix ending in "." keeps every action it starts.
var auditActions = func() []tochuc.Term {
	out := []tochuc.Term{{Code: "login.", Label: "Đăng nhập (mọi kết quả)"}, {Code: tochuc.AuditLoginFailed},
		{Code: tochuc.AuditLogout}, {Code: "user.", Label: "Tài khoản"}, {Code: "token.", Label: "Mã truy cập"},
		{Code: "bundle.import"}, {Code: "bundle.export"}, {Code: "restructure.", Label: "Sắp xếp tổ chức"}}
	for _, f := range []string{"units", "people", "assignments", "party", "qualifications", "headcount",
		"documents", "evaluations", "plans", "restructure"} {
		out = append(out, tochuc.Term{Code: f + ".", Label: "Sửa dữ liệu: " + tochuc.Label("file", f)})
	}
	for i, t := range out {
		if t.Label == "" {
			out[i].Label = tochuc.Label("action", t.Code)
		}
	}
	return out
}()

// handleAudit lists the audit log, newest first, for administrators and
// auditors: filtered by account, action, person, unit and days (tu, den:
// whole days of Vietnam's time), in the query.
func (s *Server) handleAudit(w http.ResponseWriter, r *http.Request) error {
	d, err := pageDate(r)
	if err != nil {
		return err
	}
	u, _ := userOf(r.Context())
	q := r.URL.Query()
	data := auditData{User: q.Get("nguoi"), Action: q.Get("hanh_dong"), Person: q.Get("nhan_su"), Unit: q.Get("don_vi"),
		Actions: auditActions}
	f := tochuc.AuditFilter{UserLogin: data.User, Action: data.Action, Person: data.Person, Unit: data.Unit,
		Limit: pageSize, Offset: (requestedPage(r) - 1) * pageSize, CountCap: countCap}
	if f.Since, data.From, err = auditDay(q.Get("tu"), 0); err != nil {
		return err
	}
	if f.Until, data.To, err = auditDay(q.Get("den"), 1); err != nil {
		return err
	}
	if data.Action != "" && !containsCode(auditActions, data.Action) {
		data.Actions = append([]tochuc.Term{{Code: data.Action, Label: tochuc.Label("action", data.Action)}}, auditActions...)
	}
	// Past the end: no entries, and the total.
	p, err := s.app.Audit(r.Context(), u, f)
	if err != nil {
		return err
	}
	if data.Items, err = s.auditItems(r.Context(), p.Entries, d); err != nil {
		return err
	}
	data.listInfo = newCappedPager(r, p.Total, p.AtLeast)
	s.render(w, r, "audit.html", http.StatusOK, page{Title: "Nhật ký", Date: d, Data: data, API: data.auditList})
	return nil
}

// auditDay reads a day of the audit filter (yyyy-mm-dd or dd/mm/yyyy):
// the moment its day (plus days) starts in Vietnam, and the day as the
// date input holds it.
func auditDay(v string, days int) (time.Time, string, error) {
	if v == "" {
		return time.Time{}, "", nil
	}
	d, err := tochuc.ParseDateLoose(v)
	if err != nil || d == 0 {
		return time.Time{}, "", tochuc.Errorf(tochuc.EInvalid, "Ngày không hợp lệ: %q (cần dd/mm/yyyy)", v)
	}
	t, err := time.ParseInLocation("2006-01-02", d.AddDays(days).String(), auditZone)
	return t, d.String(), err
}

func containsCode(ts []tochuc.Term, code string) bool {
	for _, t := range ts {
		if t.Code == code {
			return true
		}
	}
	return false
}
