package sqldb

import (
	"context"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// Headcounts returns a unit's staffing figures, oldest first.
func (r *Reader) Headcounts(ctx context.Context, unitID string) ([]tochuc.Headcount, error) {
	var out []tochuc.Headcount
	err := r.each(ctx, `SELECT unit_id, date, actual, COALESCE(quota, 0) FROM headcount WHERE `+r.rec.where("")+
		` AND unit_id = ? ORDER BY date`, []any{unitID}, func(s scanner) error {
		var h tochuc.Headcount
		err := s.Scan(&h.UnitID, &h.Date, &h.Actual, &h.Quota)
		out = append(out, h)
		return err
	})
	return out, err
}

// Lineage returns the restructuring links that name a unit, oldest first.
func (r *Reader) Lineage(ctx context.Context, unitID string) ([]tochuc.RestructureLink, error) {
	var out []tochuc.RestructureLink
	err := r.each(ctx, `SELECT event_id, date, kind, COALESCE(from_unit_id, ''), COALESCE(to_unit_id, ''), COALESCE(document_id, '')
		FROM restructure WHERE `+r.rec.where("")+` AND (from_unit_id = ? OR to_unit_id = ?) ORDER BY date, event_id`,
		[]any{unitID, unitID}, func(s scanner) error {
			var l tochuc.RestructureLink
			err := s.Scan(&l.EventID, &l.Date, &l.Kind, &l.FromUnitID, &l.ToUnitID, &l.DocumentID)
			out = append(out, l)
			return err
		})
	return out, err
}

// Documents returns documents, newest first: those issued by a unit, or all when issuerID is "".
func (r *Reader) Documents(ctx context.Context, issuerID string) ([]tochuc.Document, error) {
	q := `SELECT id, number, kind, COALESCE(issuer_id, ''), issued_on, title, COALESCE(replaces_id, '') FROM documents
		WHERE ` + r.rec.where("")
	var args []any
	if issuerID != "" {
		q += ` AND issuer_id = ?`
		args = append(args, issuerID)
	}
	var out []tochuc.Document
	err := r.each(ctx, q+` ORDER BY issued_on DESC, id`, args, func(s scanner) error {
		var d tochuc.Document
		err := s.Scan(&d.ID, &d.Number, &d.Kind, &d.IssuerID, &d.IssuedOn, &d.Title, &d.ReplacesID)
		out = append(out, d)
		return err
	})
	return out, err
}
