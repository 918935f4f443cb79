package web

import (
	"net/http"
	"net/url"
	"strconv"
	"unicode/utf8"

	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// peopleData is the people list page: its API type and the filters that chose the rows.
type peopleData struct {
	personList
	Query, Gender string
	Alive         bool
	// TooFar: a page number past the counted rows, which is not opened
	// directly (it would walk every row before it).
	TooFar bool
	// MaxDirectPage is the last page opened by its number when the count stopped.
	MaxDirectPage int
}

// maxSearch bounds the search text of the people list (runes).
const maxSearch = 200

// handlePeople lists the people a page at a time, in the Vietnamese order by
// given name, read from the database's indexes (sqldb.PeoplePage): the page
// starts after the last person of the page before (sau), before the first of
// the page after (truoc), or, from a bookmark, at its number (trang). Counts
// and pages are kept for the registry's version (peopleCache).
func (s *Server) handlePeople(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	d, err := pageDate(r)
	if err != nil {
		return err
	}
	q := r.URL.Query()
	data := peopleData{Query: q.Get("q"), Gender: q.Get("gioi_tinh"), Alive: q.Get("con_song") == "1"}
	if utf8.RuneCountInString(data.Query) > maxSearch {
		return tochuc.Errorf(tochuc.EInvalid, "từ khóa tìm kiếm quá dài (tối đa %d ký tự)", maxSearch)
	}
	roots, err := s.rootsOn(ctx, d)
	if err != nil {
		return err
	}
	f := sqldb.PeopleFilter{On: d, Search: data.Query, Gender: data.Gender, Alive: data.Alive, Roots: roots}
	if q.Get("dang") == "xlsx" {
		return s.peopleXLSX(w, r, d, f)
	}
	at, err := peopleAt(r)
	if err != nil {
		return err
	}
	v, err := s.registry.Version(ctx)
	if err != nil {
		return err
	}
	total, over, err := s.people.count(ctx, s.registry, v, s.budget, f)
	if err != nil {
		return err
	}
	info := listInfo{Total: total, More: over, Page: requestedPage(r), PageSize: pageSize, Pages: max(1, (total+pageSize-1)/pageSize)}
	data.MaxDirectPage = sqldb.PeopleCountCap / pageSize
	var pg *sqldb.PeoplePage
	switch {
	case at.Cursor.ID == "" && at.Offset >= total && (!over || at.Offset >= sqldb.PeopleCountCap):
		data.TooFar = over // past the end, or too far to open by number: an empty page
		pg = &sqldb.PeoplePage{Before: at.Offset > 0}
	default:
		if pg, err = s.people.page(ctx, s.registry, v, s.budget, f, at, pageSize); err != nil {
			return err
		}
		if at.Backward && !pg.Before {
			info.Page = 1 // back at the start, whatever the number carried
		}
	}
	info.Next, info.Prev, info.First = peopleLinks(r, info, pg)
	data.listInfo = info
	data.Items = pg.People
	if data.Items == nil {
		data.Items = []tochuc.Person{}
	}
	s.render(w, r, "people.html", http.StatusOK, page{Title: "Nhân sự", Date: d, Data: data, API: data.personList})
	return nil
}

// peopleAt reads where the page asked for starts: after the cursor sau,
// before the cursor truoc, or at the page number trang from the start.
func peopleAt(r *http.Request) (sqldb.PeopleAt, error) {
	q := r.URL.Query()
	for _, p := range []struct {
		name     string
		backward bool
	}{{"sau", false}, {"truoc", true}} {
		if v := q.Get(p.name); v != "" {
			c, err := sqldb.ParsePeopleCursor(v)
			return sqldb.PeopleAt{Cursor: c, Backward: p.backward}, err
		}
	}
	return sqldb.PeopleAt{Offset: (requestedPage(r) - 1) * pageSize}, nil
}

// peopleLinks are the links of a people page: the next page starts after
// its last person, the one before ends before its first (from an empty page
// past the end: the last page, by its number), and the first page has
// neither cursor nor number.
func peopleLinks(r *http.Request, info listInfo, pg *sqldb.PeoplePage) (next, prev, first string) {
	n := info.Page
	link := func(cursor, value string, page int) string {
		q := r.URL.Query()
		q.Del("sau")
		q.Del("truoc")
		q.Del("trang")
		if cursor != "" {
			q.Set(cursor, value)
		}
		if page > 1 {
			q.Set("trang", strconv.Itoa(page))
		}
		return (&url.URL{Path: r.URL.Path, RawQuery: q.Encode()}).String()
	}
	if pg.After && len(pg.People) > 0 {
		next = link("sau", pg.Last.String(), n+1)
	}
	if pg.Before || n > 1 {
		first = link("", "", 1)
		switch {
		case len(pg.People) > 0 && n > 2:
			prev = link("truoc", pg.First.String(), n-1)
		case len(pg.People) == 0 && info.Pages > 0:
			prev = link("", "", min(n-1, info.Pages))
		default:
			prev = first
		}
	}
	return next, prev, first
}
