package web

import (
	"net/http"

	"github.com/tochuc/tochuc/internal/textvn"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// peopleData is the people list: a page of matches and the filters that chose them.
type peopleData struct {
	Query, Gender string
	Alive         bool
	Rows          []personEntry
	Total         int
	pager
}

func (s *Server) handlePeople(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	d, ok := dateOf(r)
	if !ok {
		s.fail(w, r, badDate(r))
		return
	}
	q := r.URL.Query()
	data := peopleData{Query: q.Get("q"), Gender: q.Get("gioi_tinh"), Alive: q.Get("con_song") == "1"}
	all, err := s.people.get(ctx, s.registry)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var inScope map[string]bool
	roots, err := s.rootsOn(r.Context(), d)
	if err == nil && roots != nil {
		inScope, err = s.registry.PeopleInScope(ctx, roots, d)
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	search := textvn.NewQuery(data.Query)
	keep := func(p *personEntry) bool {
		return (inScope == nil || inScope[p.ID]) && search.Match(p.folded) &&
			(data.Gender == "" || p.Gender == data.Gender) && (!data.Alive || p.AliveOn(d)) &&
			(p.BirthDate == 0 || p.BirthDate <= d) // not born yet on the date shown
	}
	if q.Get("dang") == "xlsx" {
		var rows []personEntry
		for i := range all {
			if keep(&all[i]) {
				rows = append(rows, all[i])
			}
		}
		s.peopleXLSX(w, r, d, rows)
		return
	}
	// One pass counts the matches and keeps the requested page's rows only: a
	// list of every match would cost more than the filtering.
	asked := requestedPage(r)
	window := func(n int) (total int, rows []personEntry) {
		from := (n - 1) * pageSize
		for i := range all {
			if keep(&all[i]) {
				if total >= from && total < from+pageSize {
					rows = append(rows, all[i])
				}
				total++
			}
		}
		return total, rows
	}
	data.Total, data.Rows = window(asked)
	data.pager = newPager(r, data.Total)
	if data.Page != asked { // past the end: the last page
		_, data.Rows = window(data.Page)
	}
	s.render(w, r, "people.html", http.StatusOK, page{Title: "Nhân sự", Date: d, Data: data})
}

func badDate(r *http.Request) error {
	return tochuc.Errorf(tochuc.EInvalid, "Ngày không hợp lệ: %q (cần dd/mm/yyyy)", r.URL.Query().Get("ngay"))
}
