package web

import (
	"context"
	"net/http"
	"net/url"
	"strconv"

	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// compareSections are the sections of the compare view in page order:
// their key (sqldb), the value of ?phan= that pages through them, and their title.
var compareSections = []struct{ key, param, label string }{
	{sqldb.SectionLinks, "sap-xep", "Sắp xếp tổ chức (liên kết)"},
	{sqldb.SectionCreated, "thanh-lap", "Đơn vị thành lập mới"},
	{sqldb.SectionEnded, "cham-dut", "Đơn vị chấm dứt (sáp nhập, giải thể…)"},
	{sqldb.SectionRenamed, "doi-ten", "Đơn vị đổi tên"},
	{sqldb.SectionFilled, "bo-tri", "Chức vụ được bố trí"},
	{sqldb.SectionVacated, "thoi-dam-nhiem", "Chức vụ thôi đảm nhiệm"},
}

// compareData is the compare page: its API type (compareView: every
// section's count and a page of rows of each section shown — all of them on
// their first page, or the one paged through), the section paged through
// and the summary's row of each section.
type compareData struct {
	compareView
	Only    string        // ?phan= of the section paged through, or ""
	Summary []compareLink // the summary's row of each section
}

// compareLink is a section's row of the summary.
type compareLink struct {
	Key, Label, URL string
	Count           int
}

// handleCompare shows what changed between ?tu= and ?den= (default: a year
// before the page date, and the page date) inside the user's scope on each
// date: every section's count and the first page of each, or with
// ?phan=<section>&trang=N the page N of one section.
func (s *Server) handleCompare(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	d, err := pageDate(r)
	if err != nil {
		return err
	}
	to, from := d, tochuc.NewDate(d.Time().Year()-1, d.Time().Month(), d.Time().Day())
	for name, dst := range map[string]*tochuc.Date{"tu": &from, "den": &to} {
		if v := r.URL.Query().Get(name); v != "" {
			x, err := tochuc.ParseDateLoose(v)
			if err != nil || x == 0 {
				return tochuc.Errorf(tochuc.EInvalid, "Ngày không hợp lệ: %q (cần dd/mm/yyyy)", v)
			}
			*dst = x
		}
	}
	if from >= to {
		return tochuc.Errorf(tochuc.EInvalid, "Ngày đầu (%s) phải trước ngày cuối (%s)", from.Vietnamese(), to.Vietnamese())
	}
	only := r.URL.Query().Get("phan")
	if only != "" && !validSection(only) {
		return tochuc.Errorf(tochuc.EInvalid, "Không có phần so sánh %q", only)
	}
	sc, err := s.scopeOf(r.Context())
	if err != nil {
		return err
	}
	cs := sqldb.WholeRegistry
	if !sc.Whole() {
		cs = sqldb.CompareScope{From: sc.RootsOn(from), To: sc.RootsOn(to)}
	}
	data, err := s.compares.get(ctx, s.registry, s.budget, r, compareAsk{d: d, from: from, to: to, sc: cs, only: only, page: requestedPage(r)})
	if err != nil {
		return err
	}
	s.render(w, r, "compare.html", http.StatusOK, page{Title: "So sánh hai thời điểm", Date: d, Data: data, API: data.compareView})
	return nil
}

// comparePages reads the counts and the pages a request asks for: the first
// page of every section with rows, or page ?trang= of section ?phan=.
func comparePages(ctx context.Context, r *http.Request, cmp *sqldb.Comparison, d tochuc.Date, only string) (compareData, error) {
	from, to := cmp.Dates()
	counts, err := cmp.Counts(ctx)
	if err != nil {
		return compareData{}, err
	}
	data := compareData{compareView: compareView{From: from, To: to, Counts: counts}, Only: only}
	link := func(param string, n int) string {
		q := url.Values{"ngay": {d.String()}, "tu": {from.String()}, "den": {to.String()}, "phan": {param}}
		if n > 1 {
			q.Set("trang", strconv.Itoa(n))
		}
		return (&url.URL{Path: r.URL.Path, RawQuery: q.Encode()}).String()
	}
	for _, cs0 := range compareSections {
		total := counts.Of(cs0.key)
		data.Summary = append(data.Summary, compareLink{Key: cs0.key, Label: cs0.label, URL: link(cs0.param, 1), Count: total})
		if only != "" && only != cs0.param || only == "" && total == 0 {
			continue
		}
		sec := compareSection{Key: cs0.key, Param: cs0.param, Label: cs0.label,
			listInfo: listInfo{Total: total, Page: 1, Pages: max(1, (total+pageSize-1)/pageSize), PageSize: pageSize}}
		if only != "" {
			sec.Page = requestedPage(r)
		}
		if (sec.Page-1)*pageSize < total {
			if sec.ComparePage, err = cmp.Rows(ctx, cs0.key, (sec.Page-1)*pageSize, pageSize); err != nil {
				return data, err
			}
		}
		if sec.Page > 1 {
			sec.Prev, sec.First = link(cs0.param, min(sec.Page-1, sec.Pages)), link(cs0.param, 1)
		}
		if sec.Page < sec.Pages {
			sec.Next = link(cs0.param, sec.Page+1)
		}
		data.Sections = append(data.Sections, sec)
	}
	return data, nil
}

// readNames reads the names of the people and units on the pages shown
// (units as they stand on the last date, or their last name).
func (data *compareData) readNames(ctx context.Context, reg Registry) error {
	var unitIDs, personIDs []string
	for _, sec := range data.Sections {
		for _, l := range sec.Links {
			unitIDs = append(unitIDs, l.FromUnitID, l.ToUnitID)
		}
		for _, a := range sec.Posts {
			unitIDs, personIDs = append(unitIDs, a.UnitID), append(personIDs, a.PersonID)
		}
	}
	var err error
	if data.UnitNames, err = reg.UnitNames(ctx, unitIDs, data.To); err == nil {
		data.PersonNames, err = reg.PersonNames(ctx, personIDs)
	}
	return err
}

// validSection reports whether a ?phan= names a section.
func validSection(param string) bool {
	for _, s := range compareSections {
		if s.param == param {
			return true
		}
	}
	return false
}
