package sqldb

import (
	"context"
	"database/sql"
	"strings"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// DisciplineFilter selects disciplines (the register /ky-luat): each field
// set narrows the list.
type DisciplineFilter struct {
	Form        string
	SubjectType string
	SubjectID   string
	AuthorityID string
	From, To    tochuc.Date // date in [From, To], both days included (0: open)
}

// EachDiscipline calls fn with the disciplines of a filter, newest first.
// The caller keeps what its scope may read and pages (disciplines are few:
// a few per thousand people).
func (r *Reader) EachDiscipline(ctx context.Context, f DisciplineFilter, fn func(tochuc.Discipline) error) error {
	conds := []string{r.rec.where("x")}
	var args []any
	for _, c := range []struct{ col, v string }{{"x.form", f.Form}, {"x.subject_type", f.SubjectType},
		{"x.subject_id", f.SubjectID}, {"x.authority_id", f.AuthorityID}} {
		if c.v != "" {
			conds = append(conds, c.col+" = ?")
			args = append(args, c.v)
		}
	}
	if f.From != 0 {
		conds = append(conds, "x.date >= ?")
		args = append(args, f.From)
	}
	if f.To != 0 {
		conds = append(conds, "x.date <= ?")
		args = append(args, f.To)
	}
	return r.eachRow(ctx, `SELECT x.subject_type, x.subject_id, x.form, x.date, COALESCE(x.authority_id, ''), COALESCE(x.document_id, ''),
		COALESCE(x.reason, '') FROM discipline x WHERE `+strings.Join(conds, " AND ")+`
		ORDER BY x.date DESC, x.subject_type, x.subject_id, x.form`, args, func(rows *sql.Rows) error {
		var x tochuc.Discipline
		if err := rows.Scan(&x.SubjectType, &x.SubjectID, &x.Form, &x.Date, &x.AuthorityID, &x.DocumentID, &x.Reason); err != nil {
			return err
		}
		return fn(x)
	})
}
