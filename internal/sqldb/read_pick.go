package sqldb

import (
	"context"
	"slices"
	"strings"

	"github.com/tochuc/tochuc/internal/textvn"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// maxPick bounds the choices a picker is offered.
const maxPick = 50

// pickRank says how well a name matches what was typed: 0 the whole name
// (or the code), 1 every word typed starts a word of the name, -1 no match.
func pickRank(words []string, typed, id, name string) int {
	folded := strings.Join(SearchWords(name), " ")
	if folded == strings.Join(words, " ") || strings.EqualFold(id, typed) {
		return 0
	}
	nameWords := strings.Fields(folded)
	for _, w := range words {
		if !slices.ContainsFunc(nameWords, func(n string) bool { return strings.HasPrefix(n, w) }) {
			return -1
		}
	}
	return 1
}

// bestPicks keeps the best limit matches of a stream, by rank then in the
// order they come: it holds at most limit of them, whatever the stream's size.
type bestPicks[T any] struct {
	limit int
	items []T
	ranks []int
}

func (b *bestPicks[T]) add(rank int, x T) {
	if rank < 0 {
		return
	}
	i := len(b.ranks)
	for i > 0 && b.ranks[i-1] > rank {
		i--
	}
	if i >= b.limit {
		return
	}
	b.items, b.ranks = slices.Insert(b.items, i, x), slices.Insert(b.ranks, i, rank)
	if len(b.items) > b.limit {
		b.items, b.ranks = b.items[:b.limit], b.ranks[:b.limit]
	}
}

// FindUnits returns up to limit units existing on d that a picker offers for
// what was typed: the unit of that code, or the units whose name holds every
// word typed as the start of one of its words (diacritics ignored), a name
// equal to what was typed first; under the roots when not nil (the scope).
// The database filters by the folded words of the names (units.words); the
// matches are read as a stream, and only the best limit are held.
func (r *Reader) FindUnits(ctx context.Context, d tochuc.Date, typed string, roots []string, limit int) ([]tochuc.Unit, error) {
	words := SearchWords(typed)
	if len(words) == 0 {
		return nil, nil
	}
	limit = min(max(limit, 1), maxPick)
	q, args := "", []any{}
	if roots != nil {
		q, args = r.rootsCTE(roots, d)
	}
	q += `SELECT ` + unitColumns + ` FROM units WHERE ` + r.rec.where("") + ` AND ` + validAt
	args = append(args, d, d)
	// Only the units whose name has every word typed as the start of one of
	// its words, or of the code typed (units.words; a row without it is
	// offered to pickRank): the database filters, not the application.
	args = append(args, strings.TrimSpace(typed))
	var like []string
	for _, w := range words {
		like = append(like, `(' ' || words) LIKE ?`)
		args = append(args, "% "+w+"%") // words hold letters and digits only: no wildcard
	}
	q += ` AND (words IS NULL OR id = ? OR (` + strings.Join(like, " AND ") + `))`
	if roots != nil {
		q += ` AND id IN (SELECT id FROM scoped)`
	}
	best := bestPicks[tochuc.Unit]{limit: limit}
	typed = strings.TrimSpace(typed)
	err := r.each(ctx, q+` ORDER BY name, id`, args, func(s scanner) error {
		u, err := scanUnit(s)
		best.add(pickRank(words, typed, u.ID, u.Name), u)
		return err
	})
	return best.items, err
}

// FindDocuments returns up to limit documents issued by d whose number or
// title holds every word typed as the start of one of its words
// (diacritics ignored), or the document of that code; the newest first. The
// documents are read as a stream: only the matches kept are held.
func (r *Reader) FindDocuments(ctx context.Context, d tochuc.Date, typed string, limit int) ([]tochuc.Document, error) {
	words := SearchWords(typed)
	if len(words) == 0 {
		return nil, nil
	}
	limit = min(max(limit, 1), maxPick)
	best := bestPicks[tochuc.Document]{limit: limit}
	typed = strings.TrimSpace(typed)
	err := r.each(ctx, `SELECT id, number, kind, COALESCE(issuer_id, ''), issued_on, title, COALESCE(replaces_id, '') FROM documents
		WHERE `+r.rec.where("")+` AND issued_on <= ? ORDER BY issued_on DESC, id`, []any{d}, func(s scanner) error {
		var doc tochuc.Document
		err := s.Scan(&doc.ID, &doc.Number, &doc.Kind, &doc.IssuerID, &doc.IssuedOn, &doc.Title, &doc.ReplacesID)
		rank := pickRank(words, typed, doc.ID, doc.Number+" "+doc.Title)
		if rank < 0 && textvn.Fold(doc.Number) == textvn.Fold(typed) {
			rank = 0
		}
		best.add(rank, doc)
		return err
	})
	return best.items, err
}
