package web

import (
	"context"
	"net/http"
	"slices"
	"strconv"

	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/textvn"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// documentsData is the page of documents issued on or before the date: its
// API type, the search and the filters (kind, issuer, year, in force).
type documentsData struct {
	documentList
	Query   string
	Kind    string
	Issuer  string
	Year    string
	InForce string
	Kinds   []string
}

// documentsFilter reads the list's filters: loai (a document kind), co_quan
// (the issuer's id), nam (the year issued), hieu_luc (1: in force on the
// date, 0: not).
func documentsFilter(r *http.Request, d tochuc.Date) (sqldb.DocumentFilter, documentsData, error) {
	q := r.URL.Query()
	data := documentsData{Query: q.Get("q"), Kind: q.Get("loai"), Issuer: q.Get("co_quan"), Year: q.Get("nam"),
		InForce: q.Get("hieu_luc"), Kinds: tochuc.DocumentKinds}
	f := sqldb.DocumentFilter{On: d, Kind: data.Kind, IssuerID: data.Issuer}
	if len(data.Query) > 200 || len(data.Issuer) > 200 {
		return f, data, tochuc.Errorf(tochuc.EInvalid, "Từ khóa hoặc mã cơ quan ban hành quá dài (tối đa 200 ký tự).")
	}
	if f.Kind != "" && !slices.Contains(tochuc.DocumentKinds, f.Kind) {
		return f, data, tochuc.Errorf(tochuc.EInvalid, "Loại văn bản '%s' không hợp lệ.", f.Kind)
	}
	if data.Year != "" {
		y, err := strconv.Atoi(data.Year)
		if err != nil || y < 1930 || y > 2100 {
			return f, data, tochuc.Errorf(tochuc.EInvalid, "Năm ban hành phải là một năm từ 1930 đến 2100, không phải '%s'.", data.Year)
		}
		f.Year = y
	}
	switch data.InForce {
	case "":
	case "1":
		f.InForce = 1
	case "0":
		f.InForce = -1
	default:
		return f, data, tochuc.Errorf(tochuc.EInvalid, "Hiệu lực phải là 1 (còn hiệu lực) hoặc 0 (không còn hoặc chưa có hiệu lực).")
	}
	return f, data, nil
}

func (s *Server) handleDocuments(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	d, err := pageDate(r)
	if err != nil {
		return err
	}
	reg := s.registry
	f, data, err := documentsFilter(r, d)
	if err != nil {
		return err
	}
	sc, err := s.scopeOf(ctx)
	if err != nil {
		return err
	}
	search := textvn.NewQuery(data.Query)
	if sc.Whole() && len(search) == 0 {
		// the whole registry, no search: the page is read in SQL
		items, n, err := reg.DocumentPage(ctx, f, (min(requestedPage(r), 1_000_000)-1)*pageSize, pageSize)
		if err != nil {
			return err
		}
		data.listInfo = newPager(r, n)
		data.Items = items
	} else {
		// a scope or a search: the documents are read a row at a time and
		// only the page's are kept
		user, _ := userOf(ctx)
		visible := s.documentVisibility(ctx, reg, user, d)
		from := (min(requestedPage(r), 1_000_000) - 1) * pageSize
		n := 0
		data.Items = []tochuc.Document{}
		err := reg.EachDocument(ctx, f, func(doc tochuc.Document) error {
			if len(search) > 0 && !search.Match(textvn.Fold(doc.Number+" "+doc.Title)) {
				return nil
			}
			if ok, err := visible(doc); err != nil || !ok {
				return err
			}
			if n >= from && n < from+pageSize {
				data.Items = append(data.Items, doc)
			}
			n++
			return nil
		})
		if err != nil {
			return err
		}
		data.listInfo = newPager(r, n)
	}
	issuers := []string{data.Issuer}
	for _, doc := range data.Items {
		issuers = append(issuers, doc.IssuerID)
	}
	if data.IssuerNames, err = reg.UnitNames(r.Context(), nonEmpty(issuers), d); err != nil {
		return err
	}
	s.render(w, r, "documents.html", http.StatusOK, page{Title: "Văn bản", Date: d, Data: data, API: data.documentList})
	return nil
}

// documentVisibility returns whether a scoped user sees a document: one issued
// by a unit inside the scope, by a unit above it (a directive from above), or
// by no unit held in the registry.
func (s *Server) documentVisibility(ctx context.Context, reg Registry, u tochuc.User, d tochuc.Date) func(tochuc.Document) (bool, error) {
	sc := scope(u)
	above := map[string]bool{}
	for id := sc; id != ""; {
		unit, err := reg.Unit(ctx, id, d)
		if err != nil {
			break
		}
		above[id] = true
		id = unit.ParentID
	}
	seen := map[string]bool{}
	return func(doc tochuc.Document) (bool, error) {
		if sc == "" || doc.IssuerID == "" || above[doc.IssuerID] {
			return true, nil
		}
		key := doc.IssuerID + "|" + doc.IssuedOn.String()
		if v, ok := seen[key]; ok {
			return v, nil
		}
		ok, err := s.canSeeUnit(ctx, doc.IssuerID, doc.IssuedOn)
		seen[key] = ok
		return ok, err
	}
}
