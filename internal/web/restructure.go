package web

import (
	"net/http"
	"strings"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/restructure"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// restructureData is the restructuring wizard: the operation as entered, and
// after "Xem trước" everything it will change.
type restructureData struct {
	Form      map[string]string
	Kinds     []tochuc.Term
	Changes   []string
	Issues    []bundle.Issue
	Error     string
	Previewed bool
	Clean     bool
}

var restructureFormFields = []string{"kind", "date", "from", "into", "new_id", "new_name", "new_kind", "new_parent",
	"new_locality", "members_to", "member_to", "document", "event_id"}

// handleRestructure shows the wizard, previews an operation ("xem_truoc") or applies it ("thuc_hien").
func (s *Server) handleRestructure(w http.ResponseWriter, r *http.Request) error {
	d, err := pageDate(r)
	if err != nil {
		return err
	}
	if err := mayWrite(r); err != nil {
		return err
	}
	data := restructureData{Form: map[string]string{"kind": "merge", "date": d.String()}}
	for _, k := range []string{restructure.Merge, restructure.Split, restructure.Dissolve, restructure.Establish,
		"rename", "move", "convert"} {
		data.Kinds = append(data.Kinds, tochuc.Term{Code: k, Label: tochuc.Label("restructure", k)})
	}
	if r.Method != http.MethodPost {
		s.render(w, r, "restructure.html", http.StatusOK, page{Title: "Sắp xếp tổ chức", Date: d, Data: data})
		return nil
	}
	for _, f := range restructureFormFields {
		data.Form[f] = strings.TrimSpace(r.PostFormValue(f))
	}
	op, err := operationOf(data.Form)
	if err != nil {
		data.Error = err.Error()
		s.render(w, r, "restructure.html", http.StatusUnprocessableEntity, page{Title: "Sắp xếp tổ chức", Date: d, Data: data})
		return nil
	}
	apply := r.PostFormValue("thuc_hien") != ""
	res, err := s.app.Restructure(r.Context(), s.actor(r), op, apply)
	if err != nil {
		if tochuc.IsFault(err) {
			return err
		}
		data.Error = err.Error()
		s.render(w, r, "restructure.html", http.StatusUnprocessableEntity, page{Title: "Sắp xếp tổ chức", Date: d, Data: data})
		return nil
	}
	data.Changes = res.Changes
	rep := res.Report
	if res.Applied {
		http.Redirect(w, r, "/so-sanh?tu="+op.Date.AddDays(-1).String()+"&den="+op.Date.String()+"&ngay="+op.Date.String(), http.StatusSeeOther)
		return nil
	}
	data.Previewed, data.Clean, data.Issues = true, rep.OK(), rep.Issues
	status := http.StatusOK
	if !rep.OK() {
		status = http.StatusUnprocessableEntity
	}
	s.render(w, r, "restructure.html", status, page{Title: "Sắp xếp tổ chức", Date: d, Data: data})
	return nil
}

// operationOf reads an operation from the wizard's fields.
func operationOf(f map[string]string) (restructure.Operation, error) {
	one := func(k string) []string { return []string{f[k]} }
	return restructure.Parse(restructure.Input{Kind: f["kind"], Date: f["date"], Into: f["into"],
		MembersTo: f["members_to"], Document: f["document"], EventID: f["event_id"], From: one("from"),
		NewID: one("new_id"), NewName: one("new_name"), NewKind: one("new_kind"), NewParent: one("new_parent"),
		NewLocality: one("new_locality"), MemberTo: one("member_to")})
}
