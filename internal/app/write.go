package app

import (
	"context"
	"time"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// work is the body of a write: it plans and stores the change inside the
// change set (every read it needs goes through c) and returns the import's
// report; the audit entry it may fill is written in the same transaction.
type work func(c *sqldb.Change, audit *tochuc.AuditEntry) (*bundle.Report, error)

// write runs a change set for an actor: begin (the write lock), the work, the
// scope policy (the guard, at commit), the audit entry, commit. It is all or
// nothing: a report with errors, a refusal or any fault (the commit's
// included) leaves the registry as it was, and the error says so. A change
// that records nothing is not kept and not audited.
func (a *App) write(ctx context.Context, act Actor, source string, audit tochuc.AuditEntry, fn work) (*bundle.Report, error) {
	c, err := a.db.Begin(ctx, act.User.Login, source, a.guard(act))
	if err != nil {
		return nil, a.fault(err)
	}
	defer c.Rollback()
	rep, err := fn(c, &audit)
	if err != nil {
		return rep, a.fault(err)
	}
	if rep != nil && (!rep.OK() || !sqldb.Changed(rep)) {
		return rep, nil
	}
	if rep != nil {
		if err := c.Note(ctx, sqldb.ImportNote(rep)); err != nil {
			return rep, a.fault(err)
		}
	}
	if audit.Action != "" {
		if audit.Detail == nil {
			audit.Detail = map[string]any{}
		}
		audit.Detail["change_set"] = c.ID
		audit.UserLogin, audit.IP = act.User.Login, act.IP
		if audit.At.IsZero() {
			audit.At = time.Now()
		}
		if err := sqldb.AppendAuditTx(ctx, c, audit); err != nil {
			return rep, a.fault(err)
		}
	}
	if err := c.Commit(ctx); err != nil {
		return rep, a.fault(err)
	}
	return rep, nil
}

// fault turns a storage error into what the user is told (the adapters log
// the system's faults with their cause, once).
func (a *App) fault(err error) error { return sqldb.Fault(err) }

// Fault turns an error met while reading the registry into what a person is
// told (a driver's error becomes a Vietnamese fault; application errors pass).
func Fault(err error) error { return sqldb.Fault(err) }
