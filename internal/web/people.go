package web

import (
	"net/http"

	"github.com/tochuc/tochuc/internal/textvn"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// peopleData is the people list page: its API type and the filters that chose the rows.
type peopleData struct {
	personList
	Query, Gender string
	Alive         bool
}

func (s *Server) handlePeople(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	d, err := pageDate(r)
	if err != nil {
		return err
	}
	q := r.URL.Query()
	data := peopleData{Query: q.Get("q"), Gender: q.Get("gioi_tinh"), Alive: q.Get("con_song") == "1"}
	all, err := s.people.get(ctx, s.registry)
	if err != nil {
		return err
	}
	var inScope map[string]bool
	roots, err := s.rootsOn(r.Context(), d)
	if err == nil && roots != nil {
		inScope, err = s.registry.PeopleInScope(ctx, roots, d)
	}
	if err != nil {
		return err
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
		return nil
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
	total, rows := window(asked) // past the end: no rows, and the total
	data.listInfo = newPager(r, total)
	data.Items = make([]tochuc.Person, len(rows))
	for i, e := range rows {
		data.Items[i] = e.Person
	}
	s.render(w, r, "people.html", http.StatusOK, page{Title: "Nhân sự", Date: d, Data: data, API: data.personList})
	return nil
}
