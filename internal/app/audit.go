package app

import (
	"context"
	"strings"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// AuditPage is a page of the audit log as an account may read it.
type AuditPage struct {
	Entries []tochuc.AuditEntry
	Total   int
	// AtLeast: the log was too long to count (past the filter's CountCap,
	// or for a scoped auditor); Total is a lower bound.
	AtLeast bool
}

// Bounds of the audit log's reading for an auditor with a scope.
const (
	auditScanLimit = 20000 // entries read at most to fill and count a page
	auditMaxRows   = 2000  // a change set with more rows is shown to auditors of the whole registry only
	auditBatch     = 500
)

// Audit returns a page of the audit log, newest first: all of it for an
// administrator or an auditor of the whole registry; for an auditor with a
// scope, only what their pages show — the change sets every row of which
// they may read (the scope policy on each row's dates, before and after), and
// the sign-ins of the accounts of their scope.
func (a *App) Audit(ctx context.Context, u tochuc.User, f tochuc.AuditFilter) (*AuditPage, error) {
	if !u.CanReadAudit() {
		return nil, tochuc.Errorf(tochuc.EForbidden, "Chỉ quản trị viên và kiểm tra viên được xem nhật ký.")
	}
	if u.WholeRegistry() {
		entries, total, err := a.db.ListAudit(ctx, f)
		page := &AuditPage{Entries: maskConfidential(u, entries), Total: total}
		if f.CountCap > 0 && total > f.CountCap {
			page.Total, page.AtLeast = f.CountCap, true
		}
		return page, a.fault(err)
	}
	r := a.db.Reader(sqldb.Recorded{})
	sc, err := a.scopeOn(ctx, r, u)
	if err != nil {
		return nil, err
	}
	v := &auditVisibility{a: a, r: r, sc: sc, me: u.Login, sets: map[int64]bool{}, logins: map[string]bool{}}
	limit, skip := f.Limit, f.Offset
	if limit <= 0 {
		limit = 100
	}
	page := &AuditPage{}
	scan := f
	scan.Limit, scan.Offset, scan.CountCap = auditBatch, 0, -1 // batches in keyset order, not counted
	for read := 0; read < auditScanLimit; read += auditBatch {
		entries, _, err := a.db.ListAudit(ctx, scan)
		if err != nil {
			return nil, a.fault(err)
		}
		if len(entries) > 0 {
			scan.After = &entries[len(entries)-1]
		}
		for _, e := range entries {
			ok, err := v.visible(ctx, e)
			if err != nil {
				return nil, err
			}
			if !ok {
				continue
			}
			if page.Total >= skip && len(page.Entries) < limit {
				page.Entries = append(page.Entries, e)
			}
			page.Total++
		}
		if len(entries) < auditBatch {
			page.Entries = maskConfidential(u, page.Entries)
			return page, nil
		}
	}
	page.AtLeast = true
	page.Entries = maskConfidential(u, page.Entries)
	return page, nil
}

// auditVisibility decides which entries an auditor with a scope may read.
type auditVisibility struct {
	a      *App
	r      *sqldb.Reader
	sc     *Scope
	me     string
	sets   map[int64]bool  // change set → visible
	logins map[string]bool // account → inside the scope
}

func (v *auditVisibility) visible(ctx context.Context, e tochuc.AuditEntry) (bool, error) {
	if cs, ok := e.Detail["change_set"].(float64); ok {
		return v.changeSet(ctx, int64(cs))
	}
	if e.UserLogin == v.me {
		return true, nil
	}
	if strings.HasPrefix(e.Action, "login.") || e.Action == tochuc.AuditLogout || e.Action == "bundle.export" {
		return v.account(ctx, e.UserLogin)
	}
	return false, nil
}

// changeSet reports whether every row a change set added or ended may be read.
func (v *auditVisibility) changeSet(ctx context.Context, cs int64) (bool, error) {
	if ok, seen := v.sets[cs]; seen {
		return ok, nil
	}
	ok, n := true, 0
	err := v.r.ChangeSetRows(ctx, cs, func(f *bundle.File, cells []string, _ bool) error {
		if n++; n > auditMaxRows {
			ok = false
			return sqldb.ErrStop
		}
		readable, err := v.sc.Row(ctx, f, cells)
		if err != nil {
			return err
		}
		if !readable {
			ok = false
			return sqldb.ErrStop
		}
		return nil
	})
	if err != nil {
		return false, v.a.fault(err)
	}
	v.sets[cs] = ok
	return ok, nil
}

// account reports whether an account's scope lies inside the auditor's.
func (v *auditVisibility) account(ctx context.Context, login string) (bool, error) {
	if ok, seen := v.logins[login]; seen {
		return ok, nil
	}
	u, err := v.a.db.UserByLogin(ctx, login)
	ok := false
	switch {
	case tochuc.ErrorCode(err) == tochuc.ENotFound:
	case err != nil:
		return false, v.a.fault(err)
	case !u.WholeRegistry():
		ok = len(v.sc.view.sm.In(u.ScopeUnitID)) > 0
	}
	v.logins[login] = ok
	return ok, nil
}

// maskConfidential hides, from an account without the permission to read
// confidential records, the values of confidential records in the audit
// log: an entry of a change to a plan, a rating or a discipline keeps who,
// when and what kind of record, not the record; a person's citizen id is
// dropped from a change to the person; the keys named by a read of
// confidential records are dropped.
func maskConfidential(u tochuc.User, entries []tochuc.AuditEntry) []tochuc.AuditEntry {
	if u.CanReadConfidential() {
		return entries
	}
	for i, e := range entries {
		f := bundle.FileByName(e.ObjectType)
		switch {
		case e.Action == tochuc.AuditConfidentialRead:
			entries[i].ObjectID = ""
			entries[i].Detail = map[string]any{"via": e.Detail["via"], "count": e.Detail["count"]}
		case f != nil && f.Confidential:
			entries[i].ObjectID = ""
			entries[i].Detail = map[string]any{"change_set": e.Detail["change_set"]}
		case f != nil:
			entries[i].Detail = maskColumns(f, e.Detail)
		}
	}
	return entries
}

// maskColumns drops the confidential columns from an edit's before and
// after values.
func maskColumns(f *bundle.File, detail map[string]any) map[string]any {
	out := make(map[string]any, len(detail))
	for k, v := range detail {
		if m, ok := v.(map[string]any); ok && (k == "before" || k == "after") {
			c := make(map[string]any, len(m))
			for col, x := range m {
				if i := f.Index(col); i < 0 || !f.Columns[i].Confidential {
					c[col] = x
				}
			}
			v = c
		}
		out[k] = v
	}
	return out
}
