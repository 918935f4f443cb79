package sqldb

import (
	"context"
	"strings"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// DocumentFilter selects the documents of the list: issued on or before On,
// of a kind, by an issuer, in a year, in force on On or not.
type DocumentFilter struct {
	On       tochuc.Date
	Kind     string
	IssuerID string
	Year     int
	// InForce: 1 in force on On (bundle-v1 amendment 3: effective_on, or
	// issued_on, ≤ On < expires_on and no document replacing it in effect
	// on On), -1 not in force, 0 either.
	InForce int
}

// documentInForceSQL is the condition "in force on ?" of documents d (three
// parameters, the date each time).
func (r *Reader) documentInForceSQL() string {
	return `(COALESCE(d.effective_on, d.issued_on) <= ? AND (d.expires_on IS NULL OR d.expires_on > ?)
		AND NOT EXISTS (SELECT 1 FROM documents rp WHERE ` + r.rec.where("rp") + ` AND rp.replaces_id = d.id
			AND COALESCE(rp.effective_on, rp.issued_on) <= ?))`
}

func (r *Reader) documentWhere(f DocumentFilter) (string, []any) {
	w := []string{r.rec.where("d"), "d.issued_on <= ?"}
	args := []any{f.On}
	if f.Kind != "" {
		w, args = append(w, "d.kind = ?"), append(args, f.Kind)
	}
	if f.IssuerID != "" {
		w, args = append(w, "d.issuer_id = ?"), append(args, f.IssuerID)
	}
	if f.Year > 0 {
		w = append(w, "d.issued_on >= ? AND d.issued_on < ?")
		args = append(args, tochuc.NewDate(f.Year, 1, 1), tochuc.NewDate(f.Year+1, 1, 1))
	}
	switch f.InForce {
	case 1:
		w, args = append(w, r.documentInForceSQL()), append(args, f.On, f.On, f.On)
	case -1:
		w, args = append(w, "NOT "+r.documentInForceSQL()), append(args, f.On, f.On, f.On)
	}
	return strings.Join(w, " AND "), args
}

// documentOrder is the list's order: the newest first.
const documentOrder = ` ORDER BY d.issued_on DESC, d.id`

// DocumentPage returns the documents of the list from offset on, at most
// limit, newest first, and how many the list holds.
func (r *Reader) DocumentPage(ctx context.Context, f DocumentFilter, offset, limit int) ([]tochuc.Document, int, error) {
	where, args := r.documentWhere(f)
	var n int
	if err := r.q.QueryRowContext(ctx, r.db.rebind(`SELECT COUNT(*) FROM documents d WHERE `+where), args...).Scan(&n); err != nil {
		return nil, 0, err
	}
	out := []tochuc.Document{}
	if offset >= n {
		return out, n, nil
	}
	err := r.each(ctx, `SELECT `+docColumnsAs("d")+` FROM documents d WHERE `+where+documentOrder+` LIMIT ? OFFSET ?`,
		append(args, limit, offset), func(s scanner) error {
			var d tochuc.Document
			err := scanDocument(s, &d)
			out = append(out, d)
			return err
		})
	return out, n, err
}

// EachDocument calls fn with every document of the list, newest first (a
// list filtered further by the caller, a row at a time).
func (r *Reader) EachDocument(ctx context.Context, f DocumentFilter, fn func(tochuc.Document) error) error {
	where, args := r.documentWhere(f)
	return r.each(ctx, `SELECT `+docColumnsAs("d")+` FROM documents d WHERE `+where+documentOrder, args,
		func(s scanner) error {
			var d tochuc.Document
			if err := scanDocument(s, &d); err != nil {
				return err
			}
			return fn(d)
		})
}

// docColumnsAs is documentColumns qualified with an alias.
func docColumnsAs(a string) string {
	return strings.NewReplacer("{a}", a).Replace(`{a}.id, {a}.number, {a}.kind, COALESCE({a}.issuer_id, ''), {a}.issued_on, {a}.title,
		COALESCE({a}.replaces_id, ''), {a}.effective_on, {a}.expires_on`)
}
