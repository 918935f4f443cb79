package web

import (
	"net/http"

	"github.com/tochuc/tochuc/internal/textvn"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// documentsData lists the documents issued on or before the date.
type documentsData struct {
	Query   string
	Rows    []tochuc.Document
	Issuers map[string]string
}

func (s *Server) handleDocuments(w http.ResponseWriter, r *http.Request) {
	d, ok := dateOf(r)
	if !ok {
		s.fail(w, r, badDate(r))
		return
	}
	reg := s.registry(r.Context())
	docs, err := reg.Documents("")
	if err != nil {
		s.fail(w, r, err)
		return
	}
	data := documentsData{Query: r.URL.Query().Get("q")}
	var issuers []string
	for _, doc := range docs {
		if doc.IssuedOn > d || (data.Query != "" && !textvn.Contains(textvn.Fold(doc.Number+" "+doc.Title), data.Query)) {
			continue
		}
		data.Rows = append(data.Rows, doc)
		issuers = append(issuers, doc.IssuerID)
	}
	if data.Issuers, err = reg.UnitNames(issuers, d); err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, "documents.html", http.StatusOK, page{Title: "Văn bản", Date: d, Data: data})
}
