package web

import (
	"net/http"
	"strconv"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// auditData is a page of the audit log.
type auditData struct {
	Entries     []tochuc.AuditEntry `json:"entries"`
	Total       int                 `json:"total"`
	User        string              `json:"-"`
	Action      string              `json:"-"`
	Page, Pages int                 `json:"-"`
}

// handleAudit lists the audit log, newest first, for administrators and auditors.
func (s *Server) handleAudit(w http.ResponseWriter, r *http.Request) {
	d, ok := dateOf(r)
	if !ok {
		s.fail(w, r, badDate(r))
		return
	}
	if u, _ := userOf(r.Context()); !u.CanReadAudit() {
		s.fail(w, r, tochuc.Errorf(tochuc.EForbidden, "Chỉ quản trị viên và kiểm tra viên được xem nhật ký."))
		return
	}
	q := r.URL.Query()
	data := auditData{User: q.Get("nguoi"), Action: q.Get("hanh_dong")}
	data.Page, _ = strconv.Atoi(q.Get("trang"))
	data.Page = max(data.Page, 1)
	var err error
	data.Entries, data.Total, err = s.accounts.ListAudit(r.Context(), tochuc.AuditFilter{UserLogin: data.User,
		Action: data.Action, Limit: pageSize, Offset: (data.Page - 1) * pageSize})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	data.Pages = max(1, (data.Total+pageSize-1)/pageSize)
	s.render(w, r, "audit.html", http.StatusOK, page{Title: "Nhật ký", Date: d, Data: data})
}
