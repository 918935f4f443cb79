package web

import (
	"net/http"
	"net/url"

	"github.com/tochuc/tochuc/internal/app"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// The list of party casework due and overdue (/dang-vien/den-han): for a
// unit of the scope (pham_vi) and a date (ngay), one kind of work (viec) a
// page at a time, with the counts of every kind; each row links to the
// person, the organization and the flow that resolves it.

// dueData is the page.
type dueData struct {
	dueList
	ScopeName string
	Tabs      []dueTab
	Links     []string // each item's flow link (none for an account that may not write)
	AltLinks  []string // the alternative flow of an item (a probation: the removal), or ""
}

type dueTab struct {
	Code, Label, Link string
	Count             int
	Current           bool
}

// handleCaseworkDue lists the work due.
func (s *Server) handleCaseworkDue(w http.ResponseWriter, r *http.Request) error {
	d, err := pageDate(r)
	if err != nil {
		return err
	}
	if done, err := s.choosePickScope(w, r); done || err != nil {
		return err
	}
	sc, err := s.scopeOf(r.Context())
	if err != nil {
		return err
	}
	q := r.URL.Query()
	kind, scope := q.Get("viec"), q.Get("pham_vi")
	if len(scope) > maxCodeParam {
		return tochuc.Errorf(tochuc.EInvalid, "Mã quá dài (tối đa %d ký tự).", maxCodeParam)
	}
	data := dueData{}
	n := requestedPage(r)
	res, err := sc.Due(r.Context(), app.DueParams{Kind: kind, Scope: scope, AsOf: d}, (n-1)*pageSize, pageSize)
	if err != nil {
		return err
	}
	data.dueList = dueList{Kind: res.Kind, Scope: res.Scope, Counts: res.Counts, Items: res.Items, listInfo: newPager(r, res.Total)}
	data.ScopeName = "toàn bộ hệ thống"
	if u, err := s.registry.Unit(r.Context(), res.Scope, d); err == nil {
		data.ScopeName = u.Name
	}
	for _, k := range app.DueKinds {
		qq := url.Values{"ngay": {d.String()}, "pham_vi": {res.Scope}, "viec": {k}}
		data.Tabs = append(data.Tabs, dueTab{Code: k, Label: tochuc.Label("due_kind", k), Link: "/dang-vien/den-han?" + qq.Encode(),
			Count: res.Counts[k], Current: k == res.Kind})
	}
	if u, _ := userOf(r.Context()); u.CanWrite() { // the forms are for writers only
		for _, it := range res.Items {
			data.Links = append(data.Links, dueLink(it, d))
			alt := ""
			if it.Kind == "probation" { // PM-06: or the name is deleted
				alt = "/dang-vien/" + flowSlugs[app.FlowRemove] + "?" + url.Values{"ngay": {d.String()}, "person_id": {it.PersonID},
					"reason": {"probation_failed"}}.Encode()
			}
			data.AltLinks = append(data.AltLinks, alt)
		}
	}
	s.render(w, r, "casework_due.html", http.StatusOK, page{Title: "Việc đến hạn, quá hạn", Date: d, Data: data, API: data.dueList})
	return nil
}

// dueLink is the form that resolves an item, filled with its person (and
// organization); a badge is recorded as an award.
func dueLink(it app.DueItem, d tochuc.Date) string {
	q := url.Values{"ngay": {d.String()}, "person_id": {it.PersonID}}
	if it.Kind == "badge" {
		q.Set("kind", it.Badge)
		q.Set("date", it.Due.String())
		return "/sua/awards?" + q.Encode()
	}
	if it.Kind == "temporary" {
		q.Set("unit_id", it.UnitID)
		q.Set("date", it.Since.String())
	}
	return "/dang-vien/" + flowSlugs[it.Flow] + "?" + q.Encode()
}
