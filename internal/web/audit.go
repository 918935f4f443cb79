package web

import (
	"net/http"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// auditData is a page of the audit log.
type auditData struct {
	Entries []tochuc.AuditEntry `json:"entries"`
	Total   int                 `json:"total"`
	User    string              `json:"-"`
	Action  string              `json:"-"`
	pager   `json:"-"`
}

// handleAudit lists the audit log, newest first, for administrators and auditors.
func (s *Server) handleAudit(w http.ResponseWriter, r *http.Request) {
	d, ok := dateOf(r)
	if !ok {
		s.fail(w, r, badDate(r))
		return
	}
	u, _ := userOf(r.Context())
	q := r.URL.Query()
	data := auditData{User: q.Get("nguoi"), Action: q.Get("hanh_dong")}
	list := func(n int) error {
		p, err := s.app.Audit(r.Context(), u, tochuc.AuditFilter{UserLogin: data.User,
			Action: data.Action, Limit: pageSize, Offset: (n - 1) * pageSize})
		if err == nil {
			data.Entries, data.Total = p.Entries, p.Total
		}
		return err
	}
	err := list(requestedPage(r))
	if data.pager = newPager(r, data.Total); err == nil && data.Page != requestedPage(r) {
		err = list(data.Page) // past the end: the last page
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, "audit.html", http.StatusOK, page{Title: "Nhật ký", Date: d, Data: data})
}
