package app_test

import (
	"context"
	"errors"
	"testing"

	"github.com/tochuc/tochuc/internal/app"
	"github.com/tochuc/tochuc/internal/sqldb/sqldbtest"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// TestAccountRules: the first account without a role is an administrator, a
// later one needs a role; a taken login and an unknown scope unit are refused
// before the password is asked; every change is audited under its actor.
func TestAccountRules(t *testing.T) {
	db := sqldbtest.Open(t)
	ctx := context.Background()
	acc := app.NewAccounts(db)
	by := app.CLI("thu")
	asked := 0
	pw := func(string) (string, error) { asked++; return "$hash$", nil }
	u, err := acc.AddUser(ctx, by, app.NewUser{Login: "Anh", FullName: "Nguyễn Văn Anh"}, pw)
	if err != nil || u.Role != tochuc.RoleAdmin || u.Login != "anh" {
		t.Fatalf("first account: %+v, %v", u, err)
	}
	if _, err := acc.AddUser(ctx, by, app.NewUser{Login: "binh", FullName: "Bình"}, pw); !errors.Is(err, app.ErrRoleRequired) {
		t.Errorf("second account without a role: %v", err)
	}
	for _, in := range []app.NewUser{
		{Login: "ANH", FullName: "Khác", Role: tochuc.RoleViewer, AllUnits: true},
		{Login: "chi", FullName: "Chi", Role: tochuc.RoleStaff, ScopeUnitID: "KHONG-CO"},
	} {
		if _, err := acc.AddUser(ctx, by, in, pw); err == nil {
			t.Errorf("%+v accepted", in)
		}
	}
	if asked != 1 {
		t.Errorf("password asked %d times, want once (refusals come first)", asked)
	}
	if _, _, err := acc.CreateToken(ctx, by, "anh", "báo cáo", 30); err != nil {
		t.Fatal(err)
	}
	revoked, err := acc.SetDisabled(ctx, by, "anh", true)
	if err == nil {
		t.Errorf("the last administrator disabled (revoked %d tokens)", len(revoked))
	}
	entries, _, err := db.ListAudit(ctx, tochuc.AuditFilter{})
	if err != nil {
		t.Fatal(err)
	}
	actions := map[string]string{}
	for _, e := range entries {
		actions[e.Action] = e.UserLogin
	}
	for _, a := range []string{tochuc.AuditUserCreate, tochuc.AuditTokenCreate} {
		if actions[a] != "cli:thu" {
			t.Errorf("audit %s by %q, want cli:thu (log %v)", a, actions[a], actions)
		}
	}
}
