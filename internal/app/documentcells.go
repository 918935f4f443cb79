package app

import (
	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// DocumentRecordCells renders a document as the cells of documents.csv
// (what the write policy judges: its issuer on its issue date).
func DocumentRecordCells(d tochuc.Document) []string {
	return cellsFrom(bundle.FileByName("documents"), map[string]string{"id": d.ID, "number": d.Number, "kind": d.Kind,
		"issuer_id": d.IssuerID, "issued_on": d.IssuedOn.String(), "title": d.Title, "replaces_id": d.ReplacesID,
		"effective_on": d.EffectiveOn.String(), "expires_on": d.ExpiresOn.String()})
}
