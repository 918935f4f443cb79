package tochuc

import (
	"strings"
	"testing"
	"time"
)

func TestValidateLogin(t *testing.T) {
	for _, ok := range []string{"abc", "nguyen.van-an_2", "9ab", strings.Repeat("a", 64)} {
		if err := ValidateLogin(ok); err != nil {
			t.Errorf("%q: %v", ok, err)
		}
	}
	for _, bad := range []string{"ab", strings.Repeat("a", 65), "Abc", "an nguyen", ".abc", "-abc", "nguyễn", "a@b.c", ""} {
		if err := ValidateLogin(bad); ErrorCode(err) != EInvalid {
			t.Errorf("%q accepted (%v)", bad, err)
		}
	}
	if got := NormalizeLogin("  An.Nguyen "); got != "an.nguyen" {
		t.Errorf("NormalizeLogin = %q", got)
	}
}

func TestUserValidateScope(t *testing.T) {
	mk := func(r Role, scope string) User {
		return User{Login: "ann", FullName: "Nguyễn Văn An", Role: r, ScopeUnitID: scope}
	}
	noName := mk(RoleAdmin, "")
	noName.FullName = " "
	tests := []struct {
		u  User
		ok bool
	}{
		{mk(RoleAdmin, ""), true},
		{mk(RoleAdmin, AllUnits), true},
		{mk(RoleAdmin, "DB24"), false},
		{mk(RoleAuditor, ""), true},
		{mk(RoleAuditor, "DB24"), true},
		{mk(RoleStaff, ""), false},
		{mk(RoleStaff, "DB24"), true},
		{mk(RoleViewer, AllUnits), true},
		{mk(RoleViewer, ""), false},
		{mk(RoleViewer, "D B"), false},
		{mk("boss", ""), false},
		{noName, false},
	}
	for _, tt := range tests {
		err := tt.u.Validate()
		if (err == nil) != tt.ok {
			t.Errorf("%+v: err = %v, want ok %v", tt.u, err, tt.ok)
		}
		if err != nil && ErrorCode(err) != EInvalid {
			t.Errorf("%+v: code %s", tt.u, ErrorCode(err))
		}
	}
}

func TestUserPermissions(t *testing.T) {
	tests := []struct {
		role                      Role
		write, audit, manage, any bool
	}{
		{RoleAdmin, true, true, true, true},
		{RoleStaff, true, false, false, true},
		{RoleViewer, false, false, false, true},
		{RoleAuditor, false, true, false, true},
		{"boss", false, false, false, false},
	}
	for _, tt := range tests {
		u := User{Role: tt.role}
		if u.CanWrite() != tt.write || u.CanReadAudit() != tt.audit || u.CanManageUsers() != tt.manage || u.CanRead() != tt.any {
			t.Errorf("%s: write %v audit %v manage %v read %v", tt.role, u.CanWrite(), u.CanReadAudit(), u.CanManageUsers(), u.CanRead())
		}
		u.Disabled = true
		if u.CanRead() || u.CanWrite() || u.CanReadAudit() || u.CanManageUsers() {
			t.Errorf("disabled %s keeps a permission", tt.role)
		}
	}
	if RoleStaff.Label() != "Cán bộ Ban Tổ chức" || Role("x").Label() != "x" {
		t.Error("labels")
	}
}

func TestAPITokenActive(t *testing.T) {
	now := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	if !(APIToken{}).Active(now) {
		t.Error("token without expiry inactive")
	}
	if (APIToken{ExpiresAt: now}).Active(now) || (APIToken{RevokedAt: now.Add(-time.Hour)}).Active(now) {
		t.Error("expired or revoked token active")
	}
}
