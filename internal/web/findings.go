package web

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/tochuc/tochuc/internal/app"
	"github.com/tochuc/tochuc/internal/check"
	"github.com/tochuc/tochuc/internal/report"
	"github.com/tochuc/tochuc/internal/textvn"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// findingsData is the page of the rule checks' findings on a date: its API
// type (findingList), the filters and the download links.
type findingsData struct {
	findingList
	AsOf      tochuc.Date
	Filter    findingsFilter
	Downloads []link
}

// link is a labelled link of a page.
type link struct{ Label, URL string }

// findingsFilter is what the findings are filtered by (query parameters
// quy_dinh, don_vi, nguoi, q).
type findingsFilter struct {
	Rule, Unit, Person, Query string
}

// ruleCount is a rule with how many findings it has on the page's date.
type ruleCount struct {
	ID       string `json:"id"`
	Title    string `json:"title"`
	Severity string `json:"severity"`
	Count    int    `json:"count"`
}

// findingView is a finding as the API gives it; the pages add its subject's
// units and persons, to link them.
type findingView struct {
	check.Finding
	Units   []string `json:"-"`
	Persons []string `json:"-"`
	// Date is the day of the page that lists it (its links open that day),
	// and Unreadable the units of it outside the account's scope on that
	// day: named, not linked (a finding about a person in the scope may
	// name a post held outside it).
	Date       tochuc.Date `json:"-"`
	Unreadable []string    `json:"-"`
}

// Links reports whether the page links a unit of the finding.
func (v findingView) Links(unit string) bool { return !slices.Contains(v.Unreadable, unit) }

// scoped dates findings for the links of a page on d and marks the units
// the account may not read on d.
func (s *Server) scoped(r *http.Request, d tochuc.Date, items []findingView) error {
	u, _ := userOf(r.Context())
	sc, err := s.app.Scope(r.Context(), u)
	if err != nil {
		return err
	}
	for i := range items {
		items[i].Date = d
		for _, id := range items[i].Units {
			if !sc.UnitOn(id, d) {
				items[i].Unreadable = append(items[i].Unreadable, id)
			}
		}
	}
	return nil
}

// handleFindings shows, filters, pages and downloads (dang=csv, xlsx or
// json) the findings of the rule checks.
func (s *Server) handleFindings(w http.ResponseWriter, r *http.Request) error {
	d, err := pageDate(r)
	if err != nil {
		return err
	}
	u, _ := userOf(r.Context())
	q := r.URL.Query()
	f := findingsFilter{Rule: q.Get("quy_dinh"), Unit: q.Get("don_vi"), Person: q.Get("nguoi"), Query: q.Get("q")}
	if f.Rule != "" {
		if _, ok := check.Lookup(f.Rule); !ok {
			return tochuc.Errorf(tochuc.EInvalid, "Không có quy định kiểm tra %q.", f.Rule)
		}
	}
	res, err := s.app.CurrentChecks(r.Context(), u, app.CheckParams{AsOf: d, Scope: q.Get("pham_vi")})
	if err != nil {
		return err
	}
	data := findingsData{findingList: findingList{Scope: res.Scope}, AsOf: d, Filter: f}
	counts := map[string]int{}
	var kept []check.Finding
	words := textvn.NewQuery(f.Query)
	for _, x := range res.Findings {
		counts[x.Rule]++
		if f.matches(x, words) {
			kept = append(kept, x)
		}
	}
	for _, rule := range check.Catalog() {
		if counts[rule.ID] > 0 {
			data.Rules = append(data.Rules, ruleCount{ID: rule.ID, Title: rule.Title, Severity: rule.Severity, Count: counts[rule.ID]})
		}
	}
	switch q.Get("dang") {
	case "csv", "xlsx", "json":
		if err := s.logFindings(r, "tải "+r.URL.Path+" ("+q.Get("dang")+")", kept); err != nil {
			return err
		}
		s.downloadFindings(w, r, report.NewFindings(d, res.Scope, kept), q.Get("dang"))
		return nil
	}
	for _, form := range []struct{ label, code string }{{"Excel", "xlsx"}, {"CSV", "csv"}, {"JSON", "json"}} {
		dq := r.URL.Query()
		dq.Del("trang")
		dq.Set("dang", form.code)
		data.Downloads = append(data.Downloads, link{Label: form.label, URL: "/kiem-tra?" + dq.Encode()})
	}
	data.listInfo = newPager(r, len(kept))
	from, to := data.bounds() // past the end: an empty page
	for _, x := range kept[from:to] {
		data.Items = append(data.Items, viewOf(x))
	}
	if err := s.scoped(r, d, data.Items); err != nil {
		return err
	}
	if err := s.logFindings(r, r.URL.Path, kept[from:to]); err != nil {
		return err
	}
	s.render(w, r, "findings.html", http.StatusOK, page{Title: "Kiểm tra theo quy định", Date: d, Data: data, API: data.findingList})
	return nil
}

// matches reports whether a finding passes the filter.
func (f findingsFilter) matches(x check.Finding, words textvn.Query) bool {
	if f.Rule != "" && x.Rule != f.Rule {
		return false
	}
	if f.Unit == "" && f.Person == "" && len(words) == 0 {
		return true // most asks: no need to find the finding's units and persons
	}
	v := viewOf(x)
	if f.Unit != "" && !slices.Contains(v.Units, f.Unit) {
		return false
	}
	if f.Person != "" && !slices.Contains(v.Persons, f.Person) {
		return false
	}
	return len(words) == 0 || words.Match(textvn.Fold(x.MessageVi+" "+strings.Join(v.Units, " ")+" "+strings.Join(v.Persons, " ")))
}

// viewOf finds the units and persons a finding is about: its subject's, and
// those of the records behind it.
func viewOf(x check.Finding) findingView {
	v := findingView{Finding: x}
	add := func(list *[]string, id string) {
		if id != "" && !slices.Contains(*list, id) {
			*list = append(*list, id)
		}
	}
	for _, k := range []string{"unit_id", "rated_by_id"} {
		add(&v.Units, x.Subject[k])
	}
	add(&v.Persons, x.Subject["person_id"])
	for _, rec := range x.Records {
		switch rec.File {
		case "units":
			add(&v.Units, rec.ID)
		case "people":
			add(&v.Persons, rec.ID)
		}
		add(&v.Units, rec.Values["unit_id"])
		add(&v.Persons, rec.Values["person_id"])
		if rec.Values["subject_type"] == "person" {
			add(&v.Persons, rec.Values["subject_id"])
		}
		if rec.Values["subject_type"] == "unit" { // a unit's rating or discipline
			add(&v.Units, rec.Values["subject_id"])
		}
	}
	return v
}

// downloadFindings sends findings as CSV, a workbook or checks-v1's JSON.
func (s *Server) downloadFindings(w http.ResponseWriter, r *http.Request, fs *report.Findings, form string) {
	name := "kiem-tra-" + fs.AsOf + "." + form
	var err error
	switch form {
	case "csv":
		w.Header().Set("Content-Type", "text/csv; charset=utf-8")
		w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
		err = report.WriteFindingsCSV(w, fs)
	case "xlsx":
		w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
		w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
		err = report.WriteFindingsXLSX(w, fs)
	default:
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
		err = report.WriteFindingsJSON(w, fs)
	}
	if err != nil {
		s.logFault(err, "path", r.URL.Path)
	}
}

// subjectFindings are the findings about a unit or a person shown on its
// page; when the run takes longer than findingsWait the page says so and
// links to the findings page (the run goes on and is kept for the next view).
type subjectFindings struct {
	Items []findingView `json:"items"`
	Note  string        `json:"note,omitempty"`
	Link  string        `json:"-"`
}

// findingsOf returns the findings on d in the account's scope that are
// about a unit or a person, for their pages: from a run of the checks
// already done on the registry as it stands (the findings page's); the
// pages never start nor wait for a run over the whole registry.
func (s *Server) findingsOf(r *http.Request, d tochuc.Date, unit, person string) subjectFindings {
	q := url.Values{"ngay": {d.String()}}
	if unit != "" {
		q.Set("don_vi", unit)
	} else {
		q.Set("nguoi", person)
	}
	out := subjectFindings{Items: []findingView{}, Link: "/kiem-tra?" + q.Encode()}
	u, _ := userOf(r.Context())
	res, err := s.app.CachedChecks(r.Context(), u, app.CheckParams{AsOf: d})
	switch {
	case err != nil:
		out.Note = "Chưa kiểm tra được theo quy định: " + app.Fault(err).Error()
		return out
	case res == nil:
		out.Note = "Chưa có kết quả kiểm tra theo quy định vào ngày này: việc kiểm tra chạy trên trang kiểm tra."
		return out
	}
	f := findingsFilter{Unit: unit, Person: person}
	for _, x := range res.Findings {
		if f.matches(x, nil) {
			out.Items = append(out.Items, viewOf(x))
		}
	}
	if err := s.scoped(r, d, out.Items); err != nil {
		out.Items, out.Note = []findingView{}, "Chưa kiểm tra được theo quy định: "+app.Fault(err).Error()
	}
	shown := make([]check.Finding, len(out.Items))
	for i, x := range out.Items {
		shown[i] = x.Finding
	}
	if err := s.logFindings(r, r.URL.Path, shown); err != nil {
		out.Items, out.Note = []findingView{}, "Chưa kiểm tra được theo quy định: "+app.Fault(err).Error()
	}
	return out
}

// logFindings writes to the audit log the read of the confidential findings
// shown by a request (none for an account without the permission: its runs
// hold none).
func (s *Server) logFindings(r *http.Request, via string, fs []check.Finding) error {
	if !slices.ContainsFunc(fs, app.ConfidentialFinding) {
		return nil
	}
	sc, err := s.scopeOf(r.Context())
	if err != nil {
		return err
	}
	return sc.WithIP(s.clientIP(r)).LogFindings(r.Context(), via, fs)
}

// warmChecks starts, without waiting, the run of the checks that saving
// an edit compares with (its findings before the edit): opening a form
// leaves the run going, so that the save finds it done.
func (s *Server) warmChecks(r *http.Request, d tochuc.Date) {
	u, _ := userOf(r.Context())
	if !u.CanWrite() {
		return
	}
	// The run outlives the request (WithoutCancel) with a deadline of its own.
	ctx, cancel := context.WithTimeout(context.WithoutCancel(r.Context()), s.budget)
	go func() {
		defer cancel()
		_, _ = s.app.CurrentChecks(ctx, u, app.CheckParams{AsOf: d})
	}()
}
