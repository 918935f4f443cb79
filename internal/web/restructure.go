package web

import (
	"context"
	"net/http"
	"regexp"
	"strconv"
	"strings"

	"github.com/tochuc/tochuc/internal/app"
	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/restructure"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// restructureData is the restructuring wizard: the operation as entered, and
// after "Xem trước" everything it will change.
type restructureData struct {
	Form      map[string]string
	Kinds     []tochuc.Term
	UnitKinds []tochuc.Term     // the kinds a new unit may have, labelled
	Echo      map[string]string // the names of the units, document typed as codes, by field
	Counts    app.RestructureCounts
	Warnings  []string
	Changes   []string
	Issues    []bundle.Issue
	Error     string
	Previewed bool
	Clean     bool
	// The draft the wizard edits (?nhap=ID; 0: a new draft), its version and name.
	DraftID      int64
	DraftVersion int
	DraftName    string
	DraftOps     int // the draft's operations (the wizard edits the first)
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
	for _, k := range tochuc.UnitKinds {
		data.UnitKinds = append(data.UnitKinds, tochuc.Term{Code: k.Code, Label: tochuc.KindLabelOn(k.Code, d)})
	}
	if r.Method != http.MethodPost {
		if err := s.draftForm(r, &data); err != nil {
			return err
		}
		s.render(w, r, "restructure.html", http.StatusOK, page{Title: "Sắp xếp tổ chức", Date: d, Data: data})
		return nil
	}
	for _, f := range restructureFormFields {
		data.Form[f] = strings.TrimSpace(r.PostFormValue(f))
	}
	ctx := r.Context()
	data.Echo = s.wizardEcho(ctx, d, data.Form)
	data.DraftID, _ = strconv.ParseInt(r.PostFormValue("nhap"), 10, 64)
	data.DraftVersion, _ = strconv.Atoi(r.PostFormValue("phien_ban_nhap"))
	data.DraftName = strings.TrimSpace(r.PostFormValue("ten_nhap"))
	if r.PostFormValue("luu_nhap") != "" { // saved as a draft, not applied
		to, err := s.saveDraft(w, r, data.Form)
		if err == nil {
			http.Redirect(w, r, to, http.StatusSeeOther)
			return nil
		}
		if tochuc.IsFault(err) {
			return err
		}
		data.Error = s.nameCodes(ctx, d, err.Error())
		status := http.StatusUnprocessableEntity
		if tochuc.ErrorCode(err) == tochuc.EConflict {
			status = http.StatusConflict
		}
		s.render(w, r, "restructure.html", status, page{Title: "Sắp xếp tổ chức", Date: d, Data: data})
		return nil
	}
	op, err := operationOf(data.Form)
	if err != nil {
		data.Error = s.nameCodes(ctx, d, err.Error())
		s.render(w, r, "restructure.html", http.StatusUnprocessableEntity, page{Title: "Sắp xếp tổ chức", Date: d, Data: data})
		return nil
	}
	// A restructuring is carried out by a decision: without its document
	// it is only previewed.
	apply := r.PostFormValue("thuc_hien") != ""
	noDocument := op.DocumentID == ""
	res, err := s.app.Restructure(ctx, s.actor(r), op, apply && !noDocument)
	if err != nil {
		if tochuc.IsFault(err) {
			return err
		}
		data.Error = s.nameCodes(ctx, op.Date, err.Error())
		s.render(w, r, "restructure.html", http.StatusUnprocessableEntity, page{Title: "Sắp xếp tổ chức", Date: d, Data: data})
		return nil
	}
	for _, c := range res.Changes {
		data.Changes = append(data.Changes, s.nameCodes(ctx, op.Date, c))
	}
	rep := res.Report
	if res.Applied {
		http.Redirect(w, r, "/so-sanh?tu="+op.Date.AddDays(-1).String()+"&den="+op.Date.String()+"&ngay="+op.Date.String(), http.StatusSeeOther)
		return nil
	}
	data.Counts = res.Counts
	for place, orgs := range res.Counts.Localities {
		names, err := s.registry.UnitNames(ctx, append([]string{place}, orgs...), op.Date.AddDays(-1))
		if err != nil {
			return err
		}
		var list []string
		for _, o := range orgs {
			list = append(list, names[o]+" ("+o+")")
		}
		data.Warnings = append(data.Warnings, "Sau sắp xếp, "+names[place]+" có "+tochuc.FormatInt(len(orgs))+
			" tổ chức đảng cùng loại: "+strings.Join(list, ", ")+". Hãy sắp xếp cả các tổ chức đảng (sáp nhập) theo quyết định.")
	}
	if noDocument {
		data.Error = "Cần văn bản quyết định: nhập mã văn bản (tìm theo số, ký hiệu hoặc trích yếu) rồi xem trước lại để thực hiện."
	}
	data.Previewed, data.Clean, data.Issues = true, rep.OK() && !noDocument, rep.Issues
	status := http.StatusOK
	if !rep.OK() || apply && noDocument {
		status = http.StatusUnprocessableEntity
	}
	s.render(w, r, "restructure.html", status, page{Title: "Sắp xếp tổ chức", Date: d, Data: data})
	return nil
}

// operationOf reads an operation from the wizard's fields.
func operationOf(f map[string]string) (restructure.Operation, error) {
	return restructure.Parse(inputOf(f))
}

// inputOf is the operation as the wizard's fields enter it (a draft keeps it so).
func inputOf(f map[string]string) restructure.Input {
	one := func(k string) []string {
		if f[k] == "" {
			return nil
		}
		return []string{f[k]}
	}
	return restructure.Input{Kind: f["kind"], Date: f["date"], Into: f["into"],
		MembersTo: f["members_to"], Document: f["document"], EventID: f["event_id"], From: one("from"),
		NewID: one("new_id"), NewName: one("new_name"), NewKind: one("new_kind"), NewParent: one("new_parent"),
		NewLocality: one("new_locality"), MemberTo: one("member_to")}
}

// quotedCode is a code as the planner and the policy quote it: 'X1'.
var quotedCode = regexp.MustCompile(`'([^'\s]{1,100})'`)

// nameCodes writes the units and people a message quotes by code with
// their names (the code kept beside): "'X1'" becomes "Xã Một (X1)".
func (s *Server) nameCodes(ctx context.Context, d tochuc.Date, msg string) string {
	var ids []string
	for _, m := range quotedCode.FindAllStringSubmatch(msg, -1) {
		ids = append(ids, m[1])
	}
	if len(ids) == 0 {
		return msg
	}
	units, err := s.registry.UnitNames(ctx, ids, d)
	if err != nil {
		return msg
	}
	people, err := s.registry.PersonNames(ctx, ids)
	if err != nil {
		return msg
	}
	return quotedCode.ReplaceAllStringFunc(msg, func(q string) string {
		id := q[1 : len(q)-1]
		if n := units[id]; n != "" {
			return n + " (" + id + ")"
		}
		if n := people[id]; n != "" {
			return n + " (" + id + ")"
		}
		return q
	})
}

// wizardEcho returns the names of the units and the document the wizard's
// fields name by code, to show beside them.
func (s *Server) wizardEcho(ctx context.Context, d tochuc.Date, form map[string]string) map[string]string {
	out := map[string]string{}
	var ids []string
	for _, k := range []string{"from", "into", "new_parent", "new_locality", "members_to"} {
		for _, id := range strings.Split(form[k], ",") {
			if id = strings.TrimSpace(id); id != "" {
				ids = append(ids, id)
			}
		}
	}
	names, err := s.registry.UnitNames(ctx, ids, d)
	if err != nil {
		return out
	}
	for _, k := range []string{"from", "into", "new_parent", "new_locality", "members_to"} {
		var list []string
		for _, id := range strings.Split(form[k], ",") {
			if n := names[strings.TrimSpace(id)]; n != "" {
				list = append(list, n)
			}
		}
		out[k] = strings.Join(list, "; ")
	}
	if doc := form["document"]; doc != "" {
		if docs, err := s.registry.FindDocuments(ctx, tochuc.NewDate(9999, 12, 31), doc, 1); err == nil && len(docs) == 1 && docs[0].ID == doc {
			out["document"] = docs[0].Number + " — " + docs[0].Title
		}
	}
	return out
}
