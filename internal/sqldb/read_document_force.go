package sqldb

import (
	"context"
	"fmt"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// The tasks and targets of directive documents (bundle-v1 amendment 3), read
// for the due list, `tochuc tasks`, `tochuc targets` and the report on a
// resolution's implementation. A task's status on a date is computed in SQL
// by the amendment's rule (the same as tochuc.TaskStatus), so the list pages
// and filters in the database.

// TaskFilter selects tasks on a date.
type TaskFilter struct {
	AsOf tochuc.Date
	// Roots are the units whose subtrees on AsOf make the scope (a task
	// belongs to it when its unit is inside on AsOf); none: every task.
	Roots      []string
	Statuses   []string // tochuc.TaskStatuses; none: every status
	DocumentID string   // "": every document
	UnitID     string   // "": every unit (inside the scope)
	// DueBy, when set, keeps the tasks not done on AsOf whose deadline
	// falls on or before it (the due list: overdue and due soon).
	DueBy tochuc.Date
}

// TaskRow is a task with its status on the filter's date.
type TaskRow struct {
	DocumentID     string      `json:"document_id"`
	TaskID         string      `json:"task_id"`
	UnitID         string      `json:"unit_id"`
	Title          string      `json:"title"`
	DueOn          tochuc.Date `json:"due_on"`
	DoneOn         tochuc.Date `json:"done_on"`
	Note           string      `json:"note"`
	Status         string      `json:"status"`
	UnitName       string      `json:"unit_name"`       // on AsOf; "" when the unit does not exist then
	DocumentNumber string      `json:"document_number"` // the document's number, "" when it is not recorded
}

// TaskPage is a page of tasks, the count of the filter and the count of
// each status (the status filter aside).
type TaskPage struct {
	Total  int
	Counts map[string]int
	Rows   []TaskRow
}

// taskStatusSQL is the amendment's status of a task on a date (two
// placeholders: the date).
const taskStatusSQL = `CASE WHEN t.done_on IS NOT NULL AND t.done_on <= ? THEN
		(CASE WHEN t.done_on <= t.due_on THEN 'done' ELSE 'done_late' END)
	WHEN t.due_on < ? THEN 'overdue' ELSE 'open' END`

// Tasks returns the page [offset, offset+limit) of the tasks of f, by
// deadline, document and task id, with the counts.
func (r *Reader) Tasks(ctx context.Context, f TaskFilter, offset, limit int) (TaskPage, error) {
	page := TaskPage{Counts: map[string]int{}}
	w := r.rec.where
	defs, scopeArgs := `scoped(id) AS (SELECT CAST(NULL AS TEXT))`, []any(nil)
	conds := `1 = 1`
	if len(f.Roots) > 0 {
		defs, scopeArgs = r.scopeDefs("scoped", f.Roots, f.AsOf)
		conds = `t.unit_id IN (SELECT id FROM scoped)`
	}
	// the placeholders in the order of the text: the scope's, the status's, the conditions'
	args := append(append([]any(nil), scopeArgs...), f.AsOf, f.AsOf)
	if f.DocumentID != "" {
		conds += ` AND t.document_id = ?`
		args = append(args, f.DocumentID)
	}
	if f.UnitID != "" {
		conds += ` AND t.unit_id = ?`
		args = append(args, f.UnitID)
	}
	if f.DueBy != 0 {
		conds += ` AND t.due_on <= ? AND (t.done_on IS NULL OR t.done_on > ?)`
		args = append(args, f.DueBy, f.AsOf)
	}
	base := `WITH RECURSIVE ` + defs + `, x AS (SELECT t.document_id, t.task_id, t.unit_id, t.title, t.due_on, t.done_on,
		COALESCE(t.note, '') AS note, ` + taskStatusSQL + ` AS status FROM document_tasks t WHERE ` + w("t") + ` AND ` + conds + `)`
	counts := base + ` SELECT status, COUNT(*) FROM x GROUP BY status`
	if err := r.each(ctx, counts, args, func(s scanner) error {
		var st string
		var n int
		if err := s.Scan(&st, &n); err != nil {
			return err
		}
		page.Counts[st] = n
		return nil
	}); err != nil {
		return page, err
	}
	for _, st := range tochuc.TaskStatuses {
		if len(f.Statuses) == 0 || contains(f.Statuses, st) {
			page.Total += page.Counts[st]
		}
	}
	if limit <= 0 {
		return page, nil
	}
	sel, selArgs := `x.status IS NOT NULL`, []any{}
	if len(f.Statuses) > 0 {
		sel = `x.status IN (`
		for i, st := range f.Statuses {
			if i > 0 {
				sel += `, `
			}
			sel += `CAST(? AS TEXT)`
			selArgs = append(selArgs, st)
		}
		sel += `)`
	}
	order := `x.due_on, x.document_id, x.task_id`
	if r.db.Dialect == Postgres {
		order = `x.due_on, x.document_id COLLATE "C", x.task_id COLLATE "C"`
	}
	q := base + ` SELECT x.document_id, x.task_id, x.unit_id, x.title, x.due_on, x.done_on, x.note, x.status,
		COALESCE((SELECT u.name FROM units u WHERE u.id = x.unit_id AND ` + w("u") + ` AND u.valid_from <= ? AND (u.valid_to IS NULL OR u.valid_to > ?)
			ORDER BY u.valid_from DESC LIMIT 1), ''),
		COALESCE((SELECT d.number FROM documents d WHERE d.id = x.document_id AND ` + w("d") + ` LIMIT 1), '')
		FROM x WHERE ` + sel + ` ORDER BY ` + order + fmt.Sprintf(` LIMIT %d OFFSET %d`, limit, offset)
	all := append(append(append([]any(nil), args...), f.AsOf, f.AsOf), selArgs...)
	err := r.each(ctx, q, all, func(s scanner) error {
		var t TaskRow
		if err := s.Scan(&t.DocumentID, &t.TaskID, &t.UnitID, &t.Title, &t.DueOn, &t.DoneOn, &t.Note, &t.Status,
			&t.UnitName, &t.DocumentNumber); err != nil {
			return err
		}
		page.Rows = append(page.Rows, t)
		return nil
	})
	return page, err
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// TargetRow is a target a document sets, as recorded.
type TargetRow struct {
	DocumentID string
	TargetID   string
	Indicator  string
	ScopeID    string
	DueOn      tochuc.Date
	Op         string
	Value      string
	Label      string
	// the document's number and the day it took effect (effective_on, else issued_on)
	DocumentNumber string
	Effective      tochuc.Date
}

// TargetFilter selects targets.
type TargetFilter struct {
	DocumentID string // "": every document
	// Roots, when set, keep the targets whose scope unit lies inside their
	// subtrees on AsOf (a target of the whole registry is then left out).
	Roots []string
	AsOf  tochuc.Date
}

// EachTarget calls fn with the targets of f, by document and target id.
func (r *Reader) EachTarget(ctx context.Context, f TargetFilter, fn func(TargetRow) error) error {
	w := r.rec.where
	defs, args := `scoped(id) AS (SELECT CAST(NULL AS TEXT))`, []any(nil)
	conds := `1 = 1`
	if len(f.Roots) > 0 {
		defs, args = r.scopeDefs("scoped", f.Roots, f.AsOf)
		conds = `g.scope_id IN (SELECT id FROM scoped)`
	}
	if f.DocumentID != "" {
		conds += ` AND g.document_id = ?`
		args = append(args, f.DocumentID)
	}
	order := `g.document_id, g.target_id`
	if r.db.Dialect == Postgres {
		order = `g.document_id COLLATE "C", g.target_id COLLATE "C"`
	}
	q := `WITH RECURSIVE ` + defs + ` SELECT g.document_id, g.target_id, g.indicator, COALESCE(g.scope_id, ''), g.due_on, g.op, g.value,
		COALESCE(g.label, ''), COALESCE(d.number, ''), COALESCE(d.effective_on, d.issued_on)
		FROM document_targets g LEFT JOIN documents d ON d.id = g.document_id AND ` + w("d") + `
		WHERE ` + w("g") + ` AND ` + conds + ` ORDER BY ` + order
	return r.each(ctx, q, args, func(s scanner) error {
		var t TargetRow
		if err := s.Scan(&t.DocumentID, &t.TargetID, &t.Indicator, &t.ScopeID, &t.DueOn, &t.Op, &t.Value, &t.Label,
			&t.DocumentNumber, &t.Effective); err != nil {
			return err
		}
		return fn(t)
	})
}
