package main

import (
	"context"
	"fmt"

	"github.com/tochuc/tochuc/internal/app"
	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// prepareDemo makes the database the demo for 'serve --demo': an empty one
// gets the demo province, marked as the demo in the same transaction; a
// demo database is used as it is; any other database is refused, naming
// what it holds, since the demo's accounts and passwords are public. The
// demo accounts are then created if the database has none.
func prepareDemo(ctx context.Context, e *env, db *sqldb.DB) error {
	demo, err := db.IsDemo(ctx)
	if err != nil {
		return err
	}
	if !demo {
		held, err := db.Contents(ctx)
		if err != nil {
			return err
		}
		if !held.Empty() {
			return notDemo(db, held)
		}
		if err := loadDemo(ctx, e, db, "demo"); err != nil {
			return err
		}
	}
	return createDemoAccounts(ctx, e, db)
}

// notDemo is the refusal of a database holding other data than the demo.
func notDemo(db *sqldb.DB, held sqldb.Contents) error {
	return fmt.Errorf("cơ sở dữ liệu %s có dữ liệu không phải dữ liệu mẫu (%s): 'serve --demo' chỉ nạp dữ liệu mẫu "+
		"và tạo tài khoản mẫu (mật khẩu công khai) trong một cơ sở dữ liệu trống hoặc cơ sở dữ liệu mẫu. "+
		"Hãy chạy 'tochuc serve' (không có --demo), hoặc chọn một --db khác", db.Redacted(), held)
}

// loadDemo imports the demo province into an empty database and marks it as the demo.
func loadDemo(ctx context.Context, e *env, db *sqldb.DB, source string) error {
	fmt.Fprintln(e.stdout, "đang nạp dữ liệu mẫu…")
	src, err := demoBundle()
	if err != nil {
		return err
	}
	rep, err := db.ImportDemo(ctx, src, source, demoAudit(e, source), bundleOptions(e))
	if err != nil {
		return err
	}
	if !rep.OK() {
		printReport(e.stdout, rep)
		return fmt.Errorf("dữ liệu mẫu không hợp lệ")
	}
	if t, ok := src.(bundle.Tables); ok {
		return saveDemoDraft(ctx, e, db, t)
	}
	return nil // the change set derived the membership periods: the first dashboard is quick
}

// demoAudit is the audit entry of loading the demo province: an import of
// the command line's user, marked as the demo.
func demoAudit(e *env, source string) tochuc.AuditEntry {
	return tochuc.AuditEntry{UserLogin: app.CLI(e.user).User.Login, Action: "bundle.import", ObjectType: "bundle", ObjectID: source,
		Detail: map[string]any{"demo": true}}
}
