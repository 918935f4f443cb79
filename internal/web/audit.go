package web

import (
	"net/http"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// auditData is a page of the audit log: its API type and the filters.
type auditData struct {
	auditList
	User, Action string
}

// handleAudit lists the audit log, newest first, for administrators and auditors.
func (s *Server) handleAudit(w http.ResponseWriter, r *http.Request) error {
	d, err := pageDate(r)
	if err != nil {
		return err
	}
	u, _ := userOf(r.Context())
	q := r.URL.Query()
	data := auditData{User: q.Get("nguoi"), Action: q.Get("hanh_dong")}
	// Past the end: no entries, and the total.
	p, err := s.app.Audit(r.Context(), u, tochuc.AuditFilter{UserLogin: data.User,
		Action: data.Action, Limit: pageSize, Offset: (requestedPage(r) - 1) * pageSize, CountCap: countCap})
	if err != nil {
		return err
	}
	data.Items, data.listInfo = p.Entries, newCappedPager(r, p.Total, p.AtLeast)
	s.render(w, r, "audit.html", http.StatusOK, page{Title: "Nhật ký", Date: d, Data: data, API: data.auditList})
	return nil
}
