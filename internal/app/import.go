package app

import (
	"context"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// Import imports a bundle as one change set by the actor: all or nothing,
// checked as bundle-v1 says, inside the actor's scope, audited in the same
// transaction. name is what the bundle is called for people (its file name).
// An import that changes nothing records nothing.
func (a *App) Import(ctx context.Context, act Actor, src bundle.Source, name string, opt bundle.Options) (*bundle.Report, error) {
	if !act.User.CanWrite() {
		return nil, tochuc.Errorf(tochuc.EForbidden, "Tài khoản của bạn không được nhập dữ liệu.")
	}
	if a.importing.Add(1) > 1 {
		a.importing.Add(-1)
		return nil, tochuc.Errorf(tochuc.EBusy, "Đang có một lần nhập dữ liệu khác chưa xong; vui lòng chờ lần đó kết thúc rồi nhập lại.")
	}
	defer a.importing.Add(-1)
	audit := tochuc.AuditEntry{Action: "bundle.import", ObjectType: "bundle", ObjectID: name}
	var at int64
	rep, err := a.write(ctx, act, "import "+name, audit, func(c *sqldb.Change, audit *tochuc.AuditEntry) (*bundle.Report, error) {
		at = c.At
		rep, err := bundle.Import(src, c, opt)
		if rep != nil {
			audit.Detail = map[string]any{"files": rep.Files, "warnings": rep.Warnings}
		}
		return rep, err
	})
	if tochuc.ErrorCode(err) == tochuc.EBusy {
		return rep, tochuc.Fault(tochuc.EBusy, "Đang có một lần ghi dữ liệu khác (có thể là một lần nhập gói dữ liệu) chưa xong; "+
			"vui lòng thử lại khi lần đó kết thúc. Chưa ghi gì.", err)
	}
	if err == nil && rep != nil && rep.OK() && sqldb.Changed(rep) {
		rep.Findings = a.findingsAdded(ctx, act.User, at, tochuc.Today())
	}
	return rep, err
}

// findingsAdded counts the findings on d, in the account's scope, held as
// recorded by the change set at (its recording time) and not just before it.
func (a *App) findingsAdded(ctx context.Context, u tochuc.User, at int64, d tochuc.Date) *bundle.FindingsAdded {
	out := &bundle.FindingsAdded{AsOf: d, ByRule: map[string]int{}}
	before, err := a.Check(ctx, u, CheckParams{AsOf: d, Recorded: Recorded{At: at - 1}})
	if err != nil {
		out.Error = "Không đếm được các phát hiện kiểm tra theo quy định: " + a.fault(err).Error() + " Dữ liệu đã được nhập."
		return out
	}
	seen := make(map[string]bool, len(before.Findings))
	for _, f := range before.Findings {
		seen[f.Key()] = true
	}
	before = nil
	after, err := a.Check(ctx, u, CheckParams{AsOf: d, Recorded: Recorded{At: at}})
	if err != nil {
		out.Error = "Không đếm được các phát hiện kiểm tra theo quy định: " + a.fault(err).Error() + " Dữ liệu đã được nhập."
		return out
	}
	for _, f := range after.Findings {
		if !seen[f.Key()] {
			out.Added++
			out.ByRule[f.Rule]++
		}
	}
	return out
}

// CheckImport checks a bundle as an import would and keeps nothing. It does
// not hold the write lock: other people go on editing while it runs.
func (a *App) CheckImport(ctx context.Context, act Actor, src bundle.Source, opt bundle.Options) (*bundle.Report, error) {
	if !act.User.CanWrite() {
		return nil, tochuc.Errorf(tochuc.EForbidden, "Tài khoản của bạn không được nhập dữ liệu.")
	}
	rep, err := a.db.CheckBundle(ctx, src, act.User.Login, opt)
	return rep, a.fault(err)
}
