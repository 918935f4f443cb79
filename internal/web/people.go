package web

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// peopleData is the people list page: its API type and the filters that chose the rows.
type peopleData struct {
	personList
	Query, Gender string
	Alive         bool
	// Party, Age and Unit are the filters dang_vien, tuoi and don_vi (a
	// unit's subtree, UnitName its name).
	Party, Age, Unit, UnitName string
	// Exact are the people whose whole name is the search's, shown first
	// on the first page; Summaries the posts and membership of those shown.
	Exact, Rows []personRow
	// ByBirth: the list is ordered by birth date (sap_xep=ngay_sinh);
	// SortByName and SortByBirth are the links of the sortable headers.
	ByBirth                 bool
	SortByName, SortByBirth string
	Ages                    []tochuc.Term
	Parties                 []tochuc.Term
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
	data := peopleData{Query: q.Get("q"), Gender: q.Get("gioi_tinh"), Alive: q.Get("con_song") == "1",
		Party: q.Get("dang_vien"), Age: q.Get("tuoi"), Unit: strings.TrimSpace(q.Get("don_vi")), Ages: ageBands, Parties: partyFilters}
	if utf8.RuneCountInString(data.Query) > maxSearch {
		return tochuc.Errorf(tochuc.EInvalid, "từ khóa tìm kiếm quá dài (tối đa %d ký tự)", maxSearch)
	}
	f, err := s.peopleFilter(r, d, &data)
	if err != nil {
		return err
	}
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
	if !isAPI(r) {
		if err := s.peopleExtras(r, d, f, at, &data); err != nil {
			return err
		}
	}
	s.render(w, r, "people.html", http.StatusOK, page{Title: "Nhân sự", Date: d, Data: data, API: data.personList})
	return nil
}

// ageBands are the age bands of the people list's filter (tuoi), by code.
var ageBands = []tochuc.Term{{Code: "duoi-30", Label: "Dưới 30 tuổi"}, {Code: "30-39", Label: "Từ 30 đến 39 tuổi"},
	{Code: "40-49", Label: "Từ 40 đến 49 tuổi"}, {Code: "50-59", Label: "Từ 50 đến 59 tuổi"}, {Code: "tu-60", Label: "Từ 60 tuổi"}}

// ageBounds are the ages (in whole years on the date) of a band: from lo to
// hi included; -1 for no bound.
var ageBounds = map[string][2]int{"duoi-30": {-1, 29}, "30-39": {30, 39}, "40-49": {40, 49}, "50-59": {50, 59}, "tu-60": {60, -1}}

// partyFilters are the choices of the party filter (dang_vien), as
// sqldb.PeopleFilter.Party takes them.
var partyFilters = []tochuc.Term{{Code: "member", Label: "Đảng viên"}, {Code: "official", Label: "Đảng viên chính thức"},
	{Code: "probationary", Label: "Đảng viên dự bị"}, {Code: "none", Label: "Không phải đảng viên"}}

// peopleFilter reads the filters of the people list: the scope, or the
// subtree of a unit inside it (don_vi), and an age band on the date.
func (s *Server) peopleFilter(r *http.Request, d tochuc.Date, data *peopleData) (sqldb.PeopleFilter, error) {
	ctx := r.Context()
	roots, err := s.rootsOn(ctx, d)
	if err != nil {
		return sqldb.PeopleFilter{}, err
	}
	if data.Unit != "" {
		if data.Unit, err = s.unitByName(ctx, d, data.Unit); err != nil {
			return sqldb.PeopleFilter{}, err
		}
		ok, err := s.canSeeUnit(ctx, data.Unit, d)
		if err != nil {
			return sqldb.PeopleFilter{}, err
		}
		if !ok {
			return sqldb.PeopleFilter{}, tochuc.Errorf(tochuc.EForbidden, "Đơn vị %s nằm ngoài phạm vi của bạn.", data.Unit)
		}
		roots = []string{data.Unit}
		names, err := s.registry.UnitNames(ctx, roots, d)
		if err != nil {
			return sqldb.PeopleFilter{}, err
		}
		data.UnitName = names[data.Unit]
	}
	f := sqldb.PeopleFilter{On: d, Search: data.Query, Gender: data.Gender, Alive: data.Alive, Roots: roots, Party: data.Party}
	switch sort := r.URL.Query().Get("sap_xep"); sort {
	case "", "ten":
	case "ngay_sinh":
		f.ByBirth, data.ByBirth = true, true
	default:
		return f, tochuc.Errorf(tochuc.EInvalid, "Cách sắp xếp không hợp lệ: %q (ten hoặc ngay_sinh)", sort)
	}
	sortLink := func(by string) string {
		q := r.URL.Query()
		for _, k := range []string{"sau", "truoc", "trang", "sap_xep"} {
			q.Del(k)
		}
		if by != "" {
			q.Set("sap_xep", by)
		}
		return r.URL.Path + "?" + q.Encode()
	}
	data.SortByName, data.SortByBirth = sortLink(""), sortLink("ngay_sinh")
	if data.Party != "" && !slices.ContainsFunc(partyFilters, func(t tochuc.Term) bool { return t.Code == data.Party }) {
		return f, tochuc.Errorf(tochuc.EInvalid, "Bộ lọc đảng viên không hợp lệ: %q", data.Party)
	}
	if data.Age != "" {
		b, ok := ageBounds[data.Age]
		if !ok {
			return f, tochuc.Errorf(tochuc.EInvalid, "Nhóm tuổi không hợp lệ: %q", data.Age)
		}
		t := d.Time()
		if b[0] >= 0 { // at least lo years old: born on or before the day lo years back
			f.BornBy = tochuc.DateOf(t.AddDate(-b[0], 0, 0))
		}
		if b[1] >= 0 { // at most hi: born after the day hi+1 years back
			f.BornAfter = tochuc.DateOf(t.AddDate(-b[1]-1, 0, 0))
		}
	}
	return f, nil
}

// peopleExtras adds to a page of the people list what only the page
// shows: on the first page of a search, the people whose whole name is the
// search's (exact matches first); the posts and membership of those shown.
func (s *Server) peopleExtras(r *http.Request, d tochuc.Date, f sqldb.PeopleFilter, at sqldb.PeopleAt, data *peopleData) error {
	ctx := r.Context()
	var exact []tochuc.Person
	if len(sqldb.SearchWords(f.Search)) > 1 && at.Cursor.ID == "" && at.Offset == 0 {
		f.Exact = true
		pg, err := s.registry.PeoplePage(ctx, f, sqldb.PeopleAt{}, pageSize)
		if err != nil {
			return err
		}
		exact = pg.People
	}
	var ids []string
	for _, p := range append(slices.Clone(exact), data.Items...) {
		ids = append(ids, p.ID)
	}
	sums, err := s.registry.PeopleSummaries(ctx, ids, d)
	if err != nil {
		return err
	}
	var members []string
	for id, sum := range sums {
		if sum.Party != "" {
			members = append(members, id)
		}
	}
	slices.Sort(members)
	evs, err := s.registry.PartyEvents(ctx, members)
	if err != nil {
		return err
	}
	row := func(p tochuc.Person) personRow {
		r := personRow{Person: p, Posts: sums[p.ID].Posts, Party: tochuc.Label("status", sums[p.ID].Party)}
		if n, ok := tochuc.PartyAge(evs[p.ID], d); ok && r.Party != "" {
			r.Party += ", tuổi đảng: " + tochuc.FormatInt(n) + " năm"
		}
		return r
	}
	for _, p := range exact {
		data.Exact = append(data.Exact, row(p))
	}
	for _, p := range data.Items {
		data.Rows = append(data.Rows, row(p))
	}
	return nil
}

// personRowOn is a row of the people list with the page's date (template personrow).
func personRowOn(r personRow, d tochuc.Date) struct {
	Row  personRow
	Date tochuc.Date
} {
	return struct {
		Row  personRow
		Date tochuc.Date
	}{r, d}
}

// personRow is a person of the people list with the posts held on the
// date and the party membership then ("Chính thức", "Dự bị" or "").
type personRow struct {
	tochuc.Person
	Posts []sqldb.PersonPost
	Party string
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
		for _, k := range []string{"sau", "truoc", "trang", savedParam, savedModeParam} {
			q.Del(k)
		}
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
