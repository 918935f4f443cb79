package web

import (
	"context"
	"net/http"
	"strings"
	"unicode/utf8"

	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// The things a picker finds (parameter doi_tuong).
const (
	pickPerson   = "nguoi"
	pickUnit     = "don_vi"
	pickDocument = "van_ban"
)

// pickLimit is how many choices a picker offers.
const pickLimit = 12

// pickData is the picker's page: what was typed and what it found.
type pickData struct {
	pickList
	Query, What string
	// Choose, when set, are the links that take each choice (the scope
	// of a report typed as a name, scopepick.go), and Back the page without it.
	Choose []string
	Back   string
}

// handlePick answers a picker (static/picker.js) as one types: the people,
// units or documents in the user's scope matching what was typed (whole
// words, the last as the start of one, diacritics ignored), each with its
// code, its name and what tells it apart (unit, post, dates). Without
// JavaScript the page lists the same choices with their codes.
func (s *Server) handlePick(w http.ResponseWriter, r *http.Request) error {
	d, err := pageDate(r)
	if err != nil {
		return err
	}
	q := r.URL.Query()
	data := pickData{Query: strings.TrimSpace(q.Get("q")), What: q.Get("doi_tuong")}
	if utf8.RuneCountInString(data.Query) > maxSearch {
		return tochuc.Errorf(tochuc.EInvalid, "từ khóa tìm kiếm quá dài (tối đa %d ký tự)", maxSearch)
	}
	if data.What == "" {
		data.What = pickPerson
	}
	switch data.What {
	case pickPerson:
		data.Items, err = s.pickPeople(r.Context(), d, data.Query)
	case pickUnit:
		data.Items, err = s.pickUnits(r.Context(), d, data.Query)
	case pickDocument:
		data.Items, err = s.pickDocuments(r.Context(), d, data.Query)
	default:
		return tochuc.Errorf(tochuc.EInvalid, "không tìm được loại %q (nguoi, don_vi hoặc van_ban)", data.What)
	}
	if err != nil {
		return err
	}
	if data.Items == nil {
		data.Items = []pickItem{}
	}
	s.render(w, r, "pick.html", http.StatusOK, page{Title: "Tìm mã", Date: d, Data: data, API: data.pickList})
	return nil
}

// pickPeople finds people in the scope: exact names first, then by given name.
func (s *Server) pickPeople(ctx context.Context, d tochuc.Date, typed string) ([]pickItem, error) {
	if len(sqldb.SearchWords(typed)) == 0 {
		return nil, nil
	}
	roots, err := s.rootsOn(ctx, d)
	if err != nil {
		return nil, err
	}
	f := sqldb.PeopleFilter{On: d, Search: typed, Roots: roots, Exact: true}
	exact, err := s.registry.PeoplePage(ctx, f, sqldb.PeopleAt{}, pickLimit)
	if err != nil {
		return nil, err
	}
	f.Exact, f.Prefix = false, true
	more, err := s.registry.PeoplePage(ctx, f, sqldb.PeopleAt{}, pickLimit)
	if err != nil {
		return nil, err
	}
	people := exact.People
	for _, p := range more.People {
		if len(people) < pickLimit && !containsPerson(exact.People, p.ID) {
			people = append(people, p)
		}
	}
	ids := make([]string, len(people))
	for i, p := range people {
		ids[i] = p.ID
	}
	sums, err := s.registry.PeopleSummaries(ctx, ids, d)
	if err != nil {
		return nil, err
	}
	out := make([]pickItem, len(people))
	for i, p := range people {
		var detail []string
		if p.BirthDate != 0 {
			detail = append(detail, "sinh "+p.BirthDate.Vietnamese())
		}
		for _, post := range sums[p.ID].Posts {
			detail = append(detail, tochuc.RoleLabel(post.Role)+", "+post.UnitName)
		}
		if !p.AliveOn(d) {
			detail = append(detail, "từ trần "+p.DiedOn.Vietnamese())
		}
		out[i] = pickItem{ID: p.ID, Name: p.FullName, Detail: strings.Join(detail, " · ")}
	}
	return out, nil
}

func containsPerson(ps []tochuc.Person, id string) bool {
	for _, p := range ps {
		if p.ID == id {
			return true
		}
	}
	return false
}

// pickUnits finds units existing on d in the scope, with their kind and the unit above.
func (s *Server) pickUnits(ctx context.Context, d tochuc.Date, typed string) ([]pickItem, error) {
	roots, err := s.rootsOn(ctx, d)
	if err != nil {
		return nil, err
	}
	units, err := s.registry.FindUnits(ctx, d, typed, roots, pickLimit)
	if err != nil {
		return nil, err
	}
	var parents []string
	for _, u := range units {
		parents = append(parents, u.ParentID)
	}
	names, err := s.registry.UnitNames(ctx, parents, d)
	if err != nil {
		return nil, err
	}
	out := make([]pickItem, len(units))
	for i, u := range units {
		detail := []string{u.KindLabelOn(d)}
		if n := names[u.ParentID]; n != "" {
			detail = append(detail, "thuộc "+n)
		}
		detail = append(detail, "từ "+u.From.Vietnamese())
		out[i] = pickItem{ID: u.ID, Name: u.Name, Detail: strings.Join(detail, " · ")}
	}
	return out, nil
}

// pickDocuments finds the documents issued by d that the user may see.
func (s *Server) pickDocuments(ctx context.Context, d tochuc.Date, typed string) ([]pickItem, error) {
	docs, err := s.registry.FindDocuments(ctx, d, typed, 4*pickLimit)
	if err != nil {
		return nil, err
	}
	user, _ := userOf(ctx)
	visible := s.documentVisibility(ctx, s.registry, user, d)
	var out []pickItem
	var issuers []string
	for _, doc := range docs {
		if ok, err := visible(doc); err != nil {
			return nil, err
		} else if ok && len(out) < pickLimit {
			out = append(out, pickItem{ID: doc.ID, Name: doc.Number + " — " + doc.Title,
				Detail: tochuc.Label("document", doc.Kind) + " · ngày " + doc.IssuedOn.Vietnamese()})
			issuers = append(issuers, doc.IssuerID)
		}
	}
	names, err := s.registry.UnitNames(ctx, issuers, d)
	if err != nil {
		return nil, err
	}
	for i := range out {
		if n := names[issuers[i]]; n != "" {
			out[i].Detail += " · " + n
		}
	}
	return out, nil
}
