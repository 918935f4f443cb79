package app

import (
	"context"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// DiffImport runs an import of a bundle by the actor inside a change set
// that is rolled back, never kept, and calls fn with each record it would
// change (added, changed, ended, retracted), file by file in key order. The
// report says why an import would be refused (its issues); a change outside
// the actor's scope is refused with the records named (the write policy,
// asked as a commit would), and then fn is never called.
func (a *App) DiffImport(ctx context.Context, act Actor, src bundle.Source, name string, opt bundle.Options, fn func(bundle.DiffRecord) error) (*bundle.Report, error) {
	if !act.User.CanWrite() {
		return nil, tochuc.Errorf(tochuc.EForbidden, "Tài khoản của bạn không được nhập dữ liệu.")
	}
	if a.importing.Add(1) > 1 {
		a.importing.Add(-1)
		return nil, tochuc.Errorf(tochuc.EBusy, "Đang có một lần nhập dữ liệu khác chưa xong; vui lòng chờ lần đó kết thúc rồi nhập lại.")
	}
	defer a.importing.Add(-1)
	c, err := a.db.Begin(ctx, act.User.Login, "diff "+name, a.guard(act))
	if err != nil {
		return nil, a.fault(err)
	}
	defer c.Rollback() // a diff keeps nothing
	rep, err := bundle.Import(ctx, src, c, withCatalog(opt))
	if err != nil || !rep.OK() {
		return rep, a.fault(err)
	}
	if err := c.CheckGuard(ctx); err != nil {
		return rep, a.fault(err)
	}
	return rep, a.fault(c.Diff(ctx, fn))
}

// DiffImportCapped is DiffImport keeping in the report's Diff the counts
// of every file and its first limit records.
func (a *App) DiffImportCapped(ctx context.Context, act Actor, src bundle.Source, name string, opt bundle.Options, limit int) (*bundle.Report, error) {
	d := &bundle.Diff{Limit: limit}
	rep, err := a.DiffImport(ctx, act, src, name, opt, func(r bundle.DiffRecord) error {
		d.Add(r)
		return nil
	})
	if rep != nil && err == nil && rep.OK() {
		rep.Diff = d
	}
	return rep, err
}
