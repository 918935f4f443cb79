package main

import (
	"context"
	"fmt"
	"text/tabwriter"

	"github.com/tochuc/tochuc/internal/auth"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// demoAccount is an account of the demo, with a published password: the demo
// data is public, and so are these.
type demoAccount struct {
	login, name string
	role        tochuc.Role
	scope       string // unit id; "" = whole registry
	password    string
	// confidential: the permission to read confidential records (plans,
	// evaluations, discipline, citizen ids), given to the staff who do
	// cadre work; the administrator has it always, viewers never.
	confidential bool
}

// createDemoAccounts creates the demo accounts in a database that has none and prints them.
func createDemoAccounts(ctx context.Context, e *env, db *sqldb.DB) error {
	users, err := db.ListUsers(ctx)
	if err != nil || len(users) > 0 {
		return err
	}
	accounts := demoAccounts()
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "Tài khoản mẫu:\nTên đăng nhập\tMật khẩu\tVai trò\tPhạm vi\tHồ sơ mật")
	for _, a := range accounts {
		hash, err := auth.HashPassword(a.password)
		if err != nil {
			return err
		}
		scope := a.scope
		if scope == "" && (a.role == tochuc.RoleStaff || a.role == tochuc.RoleViewer) {
			scope = tochuc.AllUnits
		}
		if _, err := db.CreateUser(ctx, tochuc.User{Login: a.login, FullName: a.name, Role: a.role, ScopeUnitID: scope,
			Confidential: a.confidential}, hash); err != nil {
			return fmt.Errorf("tài khoản mẫu %s: %w", a.login, err)
		}
		where := "toàn bộ"
		if a.scope != "" {
			if u, err := db.Reader(sqldb.Recorded{}).Unit(ctx, a.scope, tochuc.Today()); err == nil {
				where = u.Name
			} else if vs, err := db.Reader(sqldb.Recorded{}).UnitVersions(ctx, a.scope); err == nil {
				where = vs[len(vs)-1].Name
			}
		}
		secret := "không"
		if a.confidential || a.role == tochuc.RoleAdmin {
			secret = "được xem"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", a.login, a.password, a.role.Label(), where, secret)
	}
	return tw.Flush()
}
