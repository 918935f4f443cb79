package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/tochuc/tochuc/internal/app"
	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/indicator"
	"github.com/tochuc/tochuc/internal/restructure"
	"github.com/tochuc/tochuc/internal/tochuc"
)

func (s *Server) draftItem(r *http.Request, d *app.Draft) draftItem {
	it := draftItem{ID: d.ID, Name: d.Name, ScopeUnitID: d.ScopeUnitID, Units: d.Units, CreatedBy: d.CreatedBy,
		UpdatedBy: d.UpdatedBy, UpdatedAt: d.UpdatedAt, Version: d.Version, Status: d.Status, ChangeSet: d.ChangeSet,
		DocumentID: d.DocumentID, Date: d.Date().String(), Operations: d.Inputs}
	if it.Units == nil {
		it.Units = []string{}
	}
	if d.ScopeUnitID != "" {
		if names, err := s.registry.UnitNames(r.Context(), []string{d.ScopeUnitID}, d.Date().AddDays(-1)); err == nil {
			it.ScopeName = names[d.ScopeUnitID]
		}
	}
	return it
}

// handleDrafts lists the restructuring drafts the account may read, latest saved first.
func (s *Server) handleDrafts(w http.ResponseWriter, r *http.Request) error {
	d, err := pageDate(r)
	if err != nil {
		return err
	}
	n := requestedPage(r)
	drafts, more, err := s.app.Drafts(r.Context(), s.actor(r), (n-1)*pageSize, pageSize)
	if err != nil {
		return err
	}
	out := draftList{Items: []draftItem{}, Page: n, More: more}
	for _, x := range drafts {
		out.Items = append(out.Items, s.draftItem(r, x))
	}
	data := struct {
		draftList
		Prev, Next string
	}{draftList: out}
	if n > 1 {
		data.Prev = pageURL(r, n-1)
	}
	if more {
		data.Next = pageURL(r, n+1)
	}
	s.render(w, r, "restructure_drafts.html", http.StatusOK, page{Title: "Bản nháp sắp xếp tổ chức", Date: d, Data: data, API: out})
	return nil
}

// draftPageData is what the draft page shows.
type draftPageData struct {
	draftView
	Error    string
	Others   []draftItem // the drafts to compare with
	Document string
}

// handleDraft shows a draft: its operations, the posts it makes against
// their quotas, the figures of its scope before and after it; a POST
// deletes (xoa) or adopts (thong_qua, with a decision document) it.
func (s *Server) handleDraft(w http.ResponseWriter, r *http.Request) error {
	d, err := pageDate(r)
	if err != nil {
		return err
	}
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return tochuc.Errorf(tochuc.ENotFound, "Không có bản nháp sắp xếp %q.", r.PathValue("id"))
	}
	ctx, act := r.Context(), s.actor(r)
	draft, err := s.app.Draft(ctx, act, id)
	if err != nil {
		return err
	}
	var data draftPageData
	status := http.StatusOK
	if r.Method == http.MethodPost {
		if err := mayWrite(r); err != nil {
			return err
		}
		version, _ := strconv.Atoi(r.PostFormValue("phien_ban"))
		switch {
		case r.PostFormValue("xoa") != "":
			if err = s.app.DeleteDraft(ctx, act, id, version); err == nil {
				http.Redirect(w, r, "/sap-xep/nhap?ngay="+d.String(), http.StatusSeeOther)
				return nil
			}
		case r.PostFormValue("thong_qua") != "":
			data.Document = strings.TrimSpace(r.PostFormValue("document"))
			var res *app.DraftAdoption
			if res, err = s.app.AdoptDraft(ctx, act, id, version, data.Document); err == nil && res.Report == nil {
				at := draft.Date()
				http.Redirect(w, r, "/so-sanh?tu="+at.AddDays(-1).String()+"&den="+at.String()+"&ngay="+at.String(), http.StatusSeeOther)
				return nil
			}
			if err == nil {
				data.Issues = res.Report.Issues
				err = tochuc.Errorf(tochuc.EInvalid, "Các kiểm tra không chấp nhận sắp xếp này: chưa ghi gì.")
			}
		default:
			return tochuc.Errorf(tochuc.EInvalid, "Không rõ thao tác với bản nháp.")
		}
		if tochuc.IsFault(err) {
			return err
		}
		data.Error = s.nameCodes(ctx, draft.Date(), err.Error())
		status = http.StatusUnprocessableEntity
		if tochuc.ErrorCode(err) == tochuc.EConflict {
			status = http.StatusConflict
		}
		if draft, err = s.app.Draft(ctx, act, id); err != nil {
			return err
		}
	}
	view, err := s.draftView(r, draft)
	if err != nil {
		return err
	}
	data.draftView = view
	data.Issues = append(data.Issues, view.Issues...)
	if others, _, err := s.app.Drafts(ctx, act, 0, pageSize); err == nil {
		for _, o := range others {
			if o.ID != id {
				data.Others = append(data.Others, s.draftItem(r, o))
			}
		}
	}
	s.render(w, r, "restructure_draft.html", status, page{Title: "Bản nháp: " + draft.Name, Date: d, Data: data, API: view})
	return nil
}

// draftView computes what a draft page shows.
func (s *Server) draftView(r *http.Request, draft *app.Draft) (draftView, error) {
	ctx := r.Context()
	v := draftView{Draft: s.draftItem(r, draft), Quotas: []quotaView{}, Figures: []figureRow{}, Changes: []string{}}
	f, err := s.app.DraftFigures(ctx, s.actor(r), draft)
	if err != nil {
		if tochuc.IsFault(err) {
			return v, err
		}
		// a draft readable but not applicable as the registry stands (a
		// unit ended since, the scope policy refusing what it writes): said
		v.Issues = []bundle.Issue{{Vi: s.nameCodes(ctx, draft.Date(), err.Error())}}
		return v, nil
	}
	for _, c := range f.Changes {
		v.Changes = append(v.Changes, s.nameCodes(ctx, draft.Date(), c))
	}
	if f.Report != nil {
		v.Issues = f.Report.Issues
	}
	if f.NotYours != "" {
		v.Issues = append(v.Issues, bundle.Issue{Warning: true,
			Vi: "Bản nháp ghi cả những bản ghi nằm ngoài phạm vi được giao của tài khoản này: tài khoản không tự thông qua được; " +
				"các chỉ tiêu dưới đây là của phạm vi được giao."})
	}
	for _, q := range f.Quotas {
		qv := quotaView{UnitID: q.UnitID, UnitName: q.UnitName, Role: q.Role, Max: q.Max, LegalBasis: q.LegalBasis,
			Surplus: q.Surplus, Holders: []holderView{}}
		for _, h := range q.Holders {
			qv.Holders = append(qv.Holders, holderView(h))
		}
		v.Quotas = append(v.Quotas, qv)
	}
	v.Figures = figureRows(f.Before, f.After)
	return v, nil
}

// figureRows pairs the indicators before and after.
func figureRows(before, after *indicator.Result) []figureRow {
	out := []figureRow{}
	if before == nil {
		return out
	}
	then := map[string]indicator.Indicator{}
	if after != nil {
		for _, i := range after.Indicators {
			then[i.ID] = i
		}
	}
	for _, b := range before.Indicators {
		a, ok := then[b.ID]
		if !ok {
			a = b
		}
		row := figureRow{ID: b.ID, Label: b.Label, Before: b.Value, After: a.Value, Diff: a.Value - b.Value}
		row.Changed = row.Diff != 0
		if b.Ratio != nil || a.Ratio != nil {
			ratio := func(x *float64) string {
				if x == nil {
					return "—"
				}
				return tochuc.FormatPercent(*x)
			}
			row.Ratio = ratio(b.Ratio) + " → " + ratio(a.Ratio)
			if (b.Ratio == nil) != (a.Ratio == nil) || b.Ratio != nil && *b.Ratio != *a.Ratio {
				row.Changed = true
			}
		}
		out = append(out, row)
	}
	return out
}

// handleDraftCompare shows two drafts side by side: operations and the
// figures after each (?a=ID&b=ID).
func (s *Server) handleDraftCompare(w http.ResponseWriter, r *http.Request) error {
	d, err := pageDate(r)
	if err != nil {
		return err
	}
	var views [2]draftView
	for i, k := range []string{"a", "b"} {
		id, err := strconv.ParseInt(r.URL.Query().Get(k), 10, 64)
		if err != nil || id <= 0 {
			return tochuc.Errorf(tochuc.EInvalid, "Cần chọn hai bản nháp để so sánh (%s).", k)
		}
		draft, err := s.app.Draft(r.Context(), s.actor(r), id)
		if err != nil {
			return err
		}
		if views[i], err = s.draftView(r, draft); err != nil {
			return err
		}
	}
	type row struct {
		Label          string
		Before         int
		A, B           int
		DiffA, DiffB   int
		Changed        bool
		RatioA, RatioB string
	}
	var rows []row
	byID := map[string]figureRow{}
	for _, f := range views[1].Figures {
		byID[f.ID] = f
	}
	for _, f := range views[0].Figures {
		g, ok := byID[f.ID]
		if !ok {
			g = f
		}
		rows = append(rows, row{Label: f.Label, Before: f.Before, A: f.After, B: g.After, DiffA: f.Diff, DiffB: g.Diff,
			Changed: f.After != g.After || f.Ratio != g.Ratio, RatioA: f.Ratio, RatioB: g.Ratio})
	}
	data := struct {
		A, B draftView
		Rows []row
	}{views[0], views[1], rows}
	s.render(w, r, "restructure_compare.html", http.StatusOK, page{Title: "So sánh hai bản nháp sắp xếp", Date: d, Data: data})
	return nil
}

// saveDraft saves the wizard's operation as a draft (new, or a new version
// of the draft the wizard was opened from) and opens it.
func (s *Server) saveDraft(w http.ResponseWriter, r *http.Request, form map[string]string) (string, error) {
	in := app.DraftInput{Name: r.PostFormValue("ten_nhap"), Ops: []restructure.Input{inputOf(form)}}
	if v := r.PostFormValue("nhap"); v != "" {
		in.ID, _ = strconv.ParseInt(v, 10, 64)
		in.Version, _ = strconv.Atoi(r.PostFormValue("phien_ban_nhap"))
		// The wizard edits the first operation; the draft's others are kept.
		cur, err := s.app.Draft(r.Context(), s.actor(r), in.ID)
		if err != nil {
			return "", err
		}
		if len(cur.Inputs) > 1 {
			in.Ops = append(in.Ops, cur.Inputs[1:]...)
		}
	}
	saved, err := s.app.SaveDraft(r.Context(), s.actor(r), in)
	if err != nil {
		return "", err
	}
	return "/sap-xep/nhap/" + strconv.FormatInt(saved.ID, 10) + "?" + url.Values{"ngay": {saved.Date().String()}}.Encode(), nil
}

// draftForm fills the wizard from a draft's first operation (?nhap=ID).
func (s *Server) draftForm(r *http.Request, data *restructureData) error {
	v := r.URL.Query().Get("nhap")
	if v == "" {
		return nil
	}
	id, err := strconv.ParseInt(v, 10, 64)
	if err != nil {
		return tochuc.Errorf(tochuc.ENotFound, "Không có bản nháp sắp xếp %q.", v)
	}
	d, err := s.app.Draft(r.Context(), s.actor(r), id)
	if err != nil {
		return err
	}
	if len(d.Inputs) == 0 {
		return nil
	}
	in := d.Inputs[0]
	join := func(v []string, sep string) string { return strings.Join(v, sep) }
	data.Form = map[string]string{"kind": in.Kind, "date": in.Date, "from": join(in.From, ","), "into": in.Into,
		"new_id": join(in.NewID, ","), "new_name": join(in.NewName, ";"), "new_kind": join(in.NewKind, ","),
		"new_parent": join(in.NewParent, ","), "new_locality": join(in.NewLocality, ","), "members_to": in.MembersTo,
		"member_to": join(in.MemberTo, ","), "document": in.Document, "event_id": in.EventID}
	if dd, err := tochuc.ParseDateLoose(in.Date); err == nil && dd != 0 {
		data.Form["date"] = dd.String()
	}
	data.DraftID, data.DraftVersion, data.DraftName, data.DraftOps = d.ID, d.Version, d.Name, len(d.Inputs)
	return nil
}
