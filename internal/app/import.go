package app

import (
	"context"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/check"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// Import imports a bundle as one change set by the actor: all or nothing,
// checked as bundle-v1 says, inside the actor's scope, audited in the same
// transaction. name is what the bundle is called for people (its file name).
// An import that changes nothing records nothing.
func (a *App) Import(ctx context.Context, act Actor, src bundle.Source, name string, opt bundle.Options) (*bundle.Report, error) {
	return a.importWith(ctx, act, src, name, opt, nil)
}

// importWith is Import, with first (when not nil) run inside the change set
// before the bundle is read: a received package's replay check and record.
func (a *App) importWith(ctx context.Context, act Actor, src bundle.Source, name string, opt bundle.Options,
	first func(ctx context.Context, c *sqldb.Change, audit *tochuc.AuditEntry) error) (*bundle.Report, error) {
	if !act.User.CanWrite() {
		return nil, tochuc.Errorf(tochuc.EForbidden, "Tài khoản của bạn không được nhập dữ liệu.")
	}
	if a.importing.Add(1) > 1 {
		a.importing.Add(-1)
		return nil, tochuc.Errorf(tochuc.EBusy, "Đang có một lần nhập dữ liệu khác chưa xong; vui lòng chờ lần đó kết thúc rồi nhập lại.")
	}
	defer a.importing.Add(-1)
	audit := tochuc.AuditEntry{Action: "bundle.import", ObjectType: "bundle", ObjectID: name}
	// The findings before, from the run the pages share (kept per registry
	// version): exact when no other change set comes between it and this one.
	today := a.today()
	before, berr := a.CurrentChecks(ctx, act.User, CheckParams{AsOf: today})
	var at, id, prev int64
	rep, err := a.write(ctx, act, "import "+name, audit, func(c *sqldb.Change, audit *tochuc.AuditEntry) (*bundle.Report, error) {
		at, id = c.At, c.ID
		var err error
		if prev, err = c.Reader(true).Version(ctx); err != nil {
			return nil, err
		}
		if first != nil {
			if err := first(ctx, c, audit); err != nil {
				return nil, err
			}
		}
		rep, err := bundle.Import(ctx, src, c, withCatalog(opt))
		if rep != nil {
			if audit.Detail == nil {
				audit.Detail = map[string]any{}
			}
			audit.Detail["files"], audit.Detail["warnings"] = rep.Files, rep.Warnings
		}
		return rep, err
	})
	if tochuc.ErrorCode(err) == tochuc.EBusy {
		return rep, tochuc.Fault(tochuc.EBusy, "Đang có một lần ghi dữ liệu khác (có thể là một lần nhập gói dữ liệu) chưa xong; "+
			"vui lòng thử lại khi lần đó kết thúc. Chưa ghi gì.", err)
	}
	if err == nil && rep != nil && rep.OK() && sqldb.Changed(rep) {
		if berr != nil || before.Version != prev {
			before = nil
		}
		rep.Findings = a.findingsAdded(ctx, act.User, before, at, id, today)
	}
	return rep, err
}

// findingsAdded counts the findings on d, in the account's scope, held
// once the change set (id, recorded at at) is kept and not just before it.
// before is the run just before it when known; otherwise, and for the
// state after it when another change set has followed, the registry is read
// as recorded at those times.
func (a *App) findingsAdded(ctx context.Context, u tochuc.User, before *CheckResult, at, id int64, d tochuc.Date) *bundle.FindingsAdded {
	out := &bundle.FindingsAdded{AsOf: d, ByRule: map[string]int{}}
	fail := func(err error) *bundle.FindingsAdded {
		out.Error = "Không đếm được các phát hiện kiểm tra theo quy định: " + a.fault(err).Error() + " Dữ liệu đã được nhập."
		return out
	}
	var err error
	if before == nil {
		if before, err = a.Check(ctx, u, CheckParams{AsOf: d, Recorded: Recorded{At: at - 1}}); err != nil {
			return fail(err)
		}
	}
	var after *CheckResult
	if v, verr := a.db.Reader(Recorded{}).Version(ctx); verr == nil && v == id {
		after, err = a.CurrentChecks(ctx, u, CheckParams{AsOf: d})
	} else {
		after, err = a.Check(ctx, u, CheckParams{AsOf: d, Recorded: Recorded{At: at}})
	}
	if err != nil {
		return fail(err)
	}
	for _, f := range check.Added(before.Findings, after.Findings) {
		out.Added++
		out.ByRule[f.Rule]++
	}
	return out
}

// CheckImport checks a bundle as an import would and keeps nothing. It does
// not hold the write lock: other people go on editing while it runs.
func (a *App) CheckImport(ctx context.Context, act Actor, src bundle.Source, opt bundle.Options) (*bundle.Report, error) {
	if !act.User.CanWrite() {
		return nil, tochuc.Errorf(tochuc.EForbidden, "Tài khoản của bạn không được nhập dữ liệu.")
	}
	rep, err := a.db.CheckBundle(ctx, src, act.User.Login, "check", withCatalog(opt))
	return rep, a.fault(err)
}
