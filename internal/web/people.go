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
	var matches []int // indexes into all: copying the entries would cost more than the filtering
	for i := range all {
		p := &all[i]
		if inScope != nil && !inScope[p.ID] {
			continue
		}
		if !search.Match(p.folded) {
			continue
		}
		if data.Gender != "" && p.Gender != data.Gender {
			continue
		}
		if data.Alive && !p.AliveOn(d) {
			continue
		}
		if p.BirthDate != 0 && p.BirthDate > d {
			continue // not born yet on the date shown
		}
		matches = append(matches, i)
	}
	pick := func(idx []int) []personEntry {
		out := make([]personEntry, len(idx))
		for i, k := range idx {
			out[i] = all[k]
		}
		return out
	}
	if q.Get("dang") == "xlsx" {
		s.peopleXLSX(w, r, d, pick(matches))
		return
	}
	data.Total = len(matches)
	data.Pages = max(1, (len(matches)+pageSize-1)/pageSize)
	data.Page, _ = strconv.Atoi(q.Get("trang"))
	data.Page = min(max(data.Page, 1), data.Pages)
	data.Rows = pick(matches[(data.Page-1)*pageSize : min(data.Page*pageSize, len(matches))])
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
