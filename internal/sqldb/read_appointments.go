package sqldb

import (
	"context"
	"database/sql"
	"strings"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// PostQuery selects posts (assignments) for the appointments workplace: the
// posts of a scope's units that one of its lists reads, by its conditions.
type PostQuery struct {
	AsOf  tochuc.Date
	Scope string // a unit: its posts and those of the units under it on AsOf; "" = every unit
	// Held: held on AsOf (valid_from ≤ AsOf < valid_to) by a person alive then.
	Held bool
	// Open: without valid_to.
	Open bool
	// Hows: taken up in one of these ways ("" none).
	Hows []string
	// FromUpTo: valid_from on or before it (0 = AsOf).
	FromUpTo tochuc.Date
	// BornUpTo: holders born on or before it (0: any; those without a birth date are left out when set).
	BornUpTo tochuc.Date
	// EndedFrom, EndedBefore: valid_to in [EndedFrom, EndedBefore) (both set for the list of posts ended).
	EndedFrom, EndedBefore tochuc.Date
}

// PostLine is a post with its holder and its unit on the date.
type PostLine struct {
	tochuc.Assignment
	EndReason string
	Name      string
	Gender    string
	Birth     tochuc.Date
	Died      tochuc.Date
	UnitName  string
	UnitKind  string
}

// postLineSQL returns the query of a PostQuery (its select list, its
// conditions) and its arguments.
func (r *Reader) postLineSQL(q PostQuery, cols string) (string, []any) {
	var with string
	var args []any
	if q.Scope != "" {
		defs, dargs := r.rootsCTE([]string{q.Scope}, q.AsOf)
		with, args = defs, dargs
	}
	up := q.FromUpTo
	if up == 0 {
		up = q.AsOf
	}
	conds := []string{r.rec.where("a"), "a.valid_from <= ?"}
	args = append(args, q.AsOf, q.AsOf, up)
	if q.Held {
		conds = append(conds, "(a.valid_to IS NULL OR a.valid_to > ?)", "(pe.died_on IS NULL OR pe.died_on > ?)")
		args = append(args, q.AsOf, q.AsOf)
	}
	if q.Open {
		conds = append(conds, "a.valid_to IS NULL")
	}
	if len(q.Hows) > 0 {
		conds = append(conds, "a.how IN ("+placeholders(len(q.Hows))+")")
		args = append(args, anys(q.Hows)...)
	}
	if q.BornUpTo != 0 {
		conds = append(conds, "pe.birth_date IS NOT NULL AND pe.birth_date <= ?")
		args = append(args, q.BornUpTo)
	}
	if q.EndedFrom != 0 || q.EndedBefore != 0 {
		conds = append(conds, "a.valid_to IS NOT NULL AND a.valid_to >= ? AND a.valid_to < ?")
		args = append(args, q.EndedFrom, q.EndedBefore)
	}
	if q.Scope != "" {
		conds = append(conds, "a.unit_id IN (SELECT id FROM scoped)")
	}
	// The unit as it stood on the date (or, for a post ended before it, on
	// its last day: the name it had then is read by UnitNames).
	return with + `SELECT ` + cols + ` FROM assignments a JOIN people pe ON pe.id = a.person_id AND ` + r.rec.where("pe") + `
		LEFT JOIN units u ON u.id = a.unit_id AND ` + r.rec.where("u") + ` AND u.valid_from <= ? AND (u.valid_to IS NULL OR u.valid_to > ?)
		WHERE ` + strings.Join(conds, " AND "), args
}

// CountPosts counts the posts of a query.
func (r *Reader) CountPosts(ctx context.Context, q PostQuery) (int, error) {
	query, args := r.postLineSQL(q, "COUNT(*)")
	var n int
	err := r.q.QueryRowContext(ctx, r.db.rebind(query), args...).Scan(&n)
	return n, err
}

// EachPost calls fn with the posts of a query, by unit, role, valid_from and
// person, from the offset-th on, at most limit of them (limit < 0: all; the
// caller keeps what it shows).
func (r *Reader) EachPost(ctx context.Context, q PostQuery, offset, limit int, fn func(PostLine) error) error {
	query, args := r.postLineSQL(q, `a.person_id, a.unit_id, a.role, COALESCE(a.how, ''), COALESCE(a.document_id, ''), a.valid_from, a.valid_to,
		COALESCE(a.end_reason, ''), pe.full_name, COALESCE(pe.gender, ''), pe.birth_date, pe.died_on, COALESCE(u.name, ''), COALESCE(u.kind, '')`)
	query += ` ORDER BY a.unit_id, a.role, a.valid_from, a.person_id`
	if limit >= 0 {
		query += ` LIMIT ? OFFSET ?`
		args = append(args, limit, max(offset, 0))
	}
	return queryEach(ctx, r.q, r.db.rebind(query), args, func(rows *sql.Rows) error {
		var p PostLine
		if err := rows.Scan(&p.PersonID, &p.UnitID, &p.Role, &p.How, &p.DocumentID, &p.From, &p.To, &p.EndReason,
			&p.Name, &p.Gender, &p.Birth, &p.Died, &p.UnitName, &p.UnitKind); err != nil {
			return err
		}
		return fn(p)
	})
}
