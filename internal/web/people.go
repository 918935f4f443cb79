package web

import (
	"net/http"
	"net/url"
	"strconv"

	"github.com/tochuc/tochuc/internal/textvn"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// pageSize is the number of rows of a list page.
const pageSize = 50

// peopleData is the people list: a page of matches and the filters that chose them.
type peopleData struct {
	Query, Gender string
	Alive         bool
	Rows          []personEntry
	Total         int
	Page, Pages   int
	PrevURL       string
	NextURL       string
}

func (s *Server) handlePeople(w http.ResponseWriter, r *http.Request) {
	d, ok := dateOf(r)
	if !ok {
		s.fail(w, r, badDate(r))
		return
	}
	q := r.URL.Query()
	data := peopleData{Query: q.Get("q"), Gender: q.Get("gioi_tinh"), Alive: q.Get("con_song") == "1"}
	all, err := s.people.get(s.registry(r.Context()))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	user, _ := userOf(r.Context())
	var inScope map[string]bool
	if sc := scope(user); sc != "" {
		if inScope, err = s.registry(r.Context()).PeopleInScope(sc, d); err != nil {
			s.fail(w, r, err)
			return
		}
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
	data.Page, _ = strconv.Atoi(q.Get("trang"))
	data.Page = max(data.Page, 1)
	window := func(page int) (total int, rows []personEntry) {
		from := (page - 1) * pageSize
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
	data.Total, data.Rows = window(data.Page)
	data.Pages = max(1, (data.Total+pageSize-1)/pageSize)
	if data.Page > data.Pages { // past the end: show the last page
		data.Page = data.Pages
		data.Total, data.Rows = window(data.Page)
	}
	if data.Page > 1 {
		data.PrevURL = pageURL(r, data.Page-1)
	}
	if data.Page < data.Pages {
		data.NextURL = pageURL(r, data.Page+1)
	}
	s.render(w, r, "people.html", http.StatusOK, page{Title: "Nhân sự", Date: d, Data: data})
}

func pageURL(r *http.Request, n int) string {
	q := r.URL.Query()
	q.Set("trang", strconv.Itoa(n))
	return (&url.URL{Path: r.URL.Path, RawQuery: q.Encode()}).String()
}

func badDate(r *http.Request) error {
	return tochuc.Errorf(tochuc.EInvalid, "Ngày không hợp lệ: %q (cần dd/mm/yyyy)", r.URL.Query().Get("ngay"))
}
