package sqldb

import (
	"context"
	"database/sql"
	"strings"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// EvalFilter selects evaluations (any step of the workflow): each field set
// is one condition. Under, when set, keeps the ratings given by a committee
// inside the scope made of that unit and every unit under it on UnderOn.
type EvalFilter struct {
	Year, FromYear, ToYear int // Year: one year; FromYear..ToYear: a span (0: open)
	Period                 string
	RatedBy                string
	Under                  string
	UnderOn                tochuc.Date
	SubjectType, SubjectID string
	SubjectIDs             []string
	Category               string
	Categories             []string
	Status                 string
	Rating                 string
	Decided                bool // only decided ratings
}

// EvalRow is an evaluation with its subject's name (a person's full name or
// a unit's last name).
type EvalRow struct {
	tochuc.Evaluation
	Name string `json:"name"`
	// Version is the record's version (the change set that recorded it),
	// for an edit of it (app.EditRequest.Version).
	Version int64 `json:"version"`
}

// evalWhere is the condition and arguments of a filter over "e".
func (r *Reader) evalWhere(f EvalFilter) (string, string, []any) {
	conds := []string{r.rec.where("e")}
	var args []any
	cte := ""
	if f.Under != "" {
		defs, cargs := r.scopeDefs("scoped", []string{f.Under}, f.UnderOn)
		cte = `WITH RECURSIVE ` + defs + ` `
		args = append(args, cargs...)
		conds = append(conds, `e.rated_by_id IN (SELECT id FROM scoped)`)
	}
	add := func(cond string, v any) { conds = append(conds, cond); args = append(args, v) }
	if f.Year != 0 {
		add(`e.year = ?`, f.Year)
	}
	if f.FromYear != 0 {
		add(`e.year >= ?`, f.FromYear)
	}
	if f.ToYear != 0 {
		add(`e.year <= ?`, f.ToYear)
	}
	if f.Period != "" {
		add(`COALESCE(e.period, 'year') = ?`, f.Period)
	}
	if f.RatedBy != "" {
		add(`e.rated_by_id = ?`, f.RatedBy)
	}
	if f.SubjectType != "" {
		add(`e.subject_type = ?`, f.SubjectType)
	}
	if f.SubjectID != "" {
		add(`e.subject_id = ?`, f.SubjectID)
	}
	if len(f.SubjectIDs) > 0 {
		conds = append(conds, `e.subject_id IN (`+placeholders(len(f.SubjectIDs))+`)`)
		args = append(args, anys(f.SubjectIDs)...)
	}
	if f.Category != "" {
		add(`e.category = ?`, f.Category)
	}
	if len(f.Categories) > 0 {
		conds = append(conds, `e.category IN (`+placeholders(len(f.Categories))+`)`)
		args = append(args, anys(f.Categories)...)
	}
	if f.Rating != "" {
		add(`e.rating = ?`, f.Rating)
	}
	if f.Status != "" {
		add(`COALESCE(e.status, 'decided') = ?`, f.Status)
	}
	if f.Decided {
		conds = append(conds, decided("e"))
	}
	return cte, strings.Join(conds, " AND "), args
}

// Evaluations returns at most limit evaluations of the filter from the
// offset-th on, ordered by year, period, subject type, subject id and
// category (the file's key).
func (r *Reader) Evaluations(ctx context.Context, f EvalFilter, offset, limit int) ([]EvalRow, error) {
	cte, where, args := r.evalWhere(f)
	q := cte + `SELECT e.year, COALESCE(e.period, 'year'), e.subject_type, e.subject_id, e.category, e.rating,
		COALESCE(e.rated_by_id, ''), e.decided_on, e.score, COALESCE(e.status, 'decided'),
		COALESCE(pe.full_name, (SELECT u.name FROM units u WHERE u.id = e.subject_id AND ` + r.rec.where("u") + `
			ORDER BY u.valid_from DESC LIMIT 1), ''), e.rec_cs
		FROM evaluations e LEFT JOIN people pe ON e.subject_type = 'person' AND pe.id = e.subject_id AND ` + r.rec.where("pe") + `
		WHERE ` + where + ` ORDER BY e.year, COALESCE(e.period, 'year'), e.subject_type, e.subject_id, e.category LIMIT ? OFFSET ?`
	args = append(args, max(limit, 0), max(offset, 0))
	var out []EvalRow
	err := r.each(ctx, q, args, func(s scanner) error {
		var x EvalRow
		var score sql.NullInt64
		if err := s.Scan(&x.Year, &x.Period, &x.SubjectType, &x.SubjectID, &x.Category, &x.Rating, &x.RatedByID, &x.DecidedOn,
			&score, &x.Status, &x.Name, &x.Version); err != nil {
			return err
		}
		if score.Valid {
			n := int(score.Int64)
			x.Score = &n
		}
		out = append(out, x)
		return nil
	})
	return out, err
}

// EvalCount is how many evaluations of one committee, category, level and
// step a filter holds.
type EvalCount struct {
	RatedBy  string `json:"rated_by_id"`
	Category string `json:"category"`
	Rating   string `json:"rating"`
	Status   string `json:"status"`
	N        int    `json:"count"`
}

// EvalCounts counts the evaluations of a filter by committee, category,
// level and step: the one query behind the summary by level (STAT-06) and
// the quota of excellent ratings (EVAL-11) of the workplace.
func (r *Reader) EvalCounts(ctx context.Context, f EvalFilter) ([]EvalCount, error) {
	cte, where, args := r.evalWhere(f)
	q := cte + `SELECT COALESCE(e.rated_by_id, ''), e.category, e.rating, COALESCE(e.status, 'decided'), COUNT(*)
		FROM evaluations e WHERE ` + where + `
		GROUP BY COALESCE(e.rated_by_id, ''), e.category, e.rating, COALESCE(e.status, 'decided')
		ORDER BY 1, 2, 3, 4`
	var out []EvalCount
	err := r.each(ctx, q, args, func(s scanner) error {
		var c EvalCount
		if err := s.Scan(&c.RatedBy, &c.Category, &c.Rating, &c.Status, &c.N); err != nil {
			return err
		}
		out = append(out, c)
		return nil
	})
	return out, err
}

// CountEvaluations counts the evaluations of a filter (for a pager).
func (r *Reader) CountEvaluations(ctx context.Context, f EvalFilter) (int, error) {
	cte, where, args := r.evalWhere(f)
	var n int
	err := r.each(ctx, cte+`SELECT COUNT(*) FROM evaluations e WHERE `+where, args, func(s scanner) error { return s.Scan(&n) })
	return n, err
}
