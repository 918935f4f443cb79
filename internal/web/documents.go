package web

import (
	"context"
	"net/http"

	"github.com/tochuc/tochuc/internal/textvn"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// documentsData is the page of documents issued on or before the date: its
// API type and the search.
type documentsData struct {
	documentList
	Query string
}

func (s *Server) handleDocuments(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	d, err := pageDate(r)
	if err != nil {
		return err
	}
	reg := s.registry
	docs, err := reg.Documents(ctx, "")
	if err != nil {
		return err
	}
	data := documentsData{Query: r.URL.Query().Get("q")}
	user, _ := userOf(r.Context())
	visible := s.documentVisibility(r.Context(), reg, user, d)
	search := textvn.NewQuery(data.Query)
	var rows []tochuc.Document
	for _, doc := range docs {
		if doc.IssuedOn > d || (len(search) > 0 && !search.Match(textvn.Fold(doc.Number+" "+doc.Title))) {
			continue
		}
		if ok, err := visible(doc); err != nil {
			return err
		} else if !ok {
			continue
		}
		rows = append(rows, doc)
	}
	data.listInfo = newPager(r, len(rows))
	from, to := data.bounds()
	data.Items = rows[from:to]
	var issuers []string
	for _, doc := range data.Items {
		issuers = append(issuers, doc.IssuerID)
	}
	if data.IssuerNames, err = reg.UnitNames(r.Context(), issuers, d); err != nil {
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
