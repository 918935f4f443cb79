package main

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/sqldb/sqldbtest"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// TestUserConfidentialCLI: 'user add --confidential' gives the permission to
// read confidential records, 'user update --confidential=false' takes it,
// the list shows it, and each change is audited with the detail key
// "confidential" (both engines, through sqldbtest.DSN).
func TestUserConfidentialCLI(t *testing.T) {
	ctx := context.Background()
	dsn := sqldbtest.DSN(t)
	mustUser(t, dsn, "mật khẩu quản trị\n", "add", "--login", "quantri", "--name", "Quản Trị", "--password-stdin")
	out := mustUser(t, dsn, "mật khẩu cán bộ dài\n", "add", "--login", "canbo", "--name", "Cán Bộ", "--role", "staff",
		"--all-units", "--confidential", "--password-stdin")
	if !strings.Contains(out, "được xem hồ sơ mật") {
		t.Errorf("add --confidential: %s", out)
	}
	mustUser(t, dsn, "mật khẩu của người đọc\n", "add", "--login", "xem", "--name", "Người Xem", "--role", "viewer",
		"--all-units", "--password-stdin")
	db, err := sqldb.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	user := func(login string) tochuc.User {
		t.Helper()
		u, err := db.UserByLogin(ctx, login)
		if err != nil {
			t.Fatal(err)
		}
		return u
	}
	if !user("canbo").Confidential || user("xem").Confidential {
		t.Fatalf("after add: canbo %v, xem %v", user("canbo").Confidential, user("xem").Confidential)
	}
	list := mustUser(t, dsn, "", "list")
	if !strings.Contains(list, "HỒ SƠ MẬT") || !strings.Contains(list, "được xem") {
		t.Errorf("list:\n%s", list)
	}

	// Given, taken, and a change that changes nothing (no entry).
	if out := mustUser(t, dsn, "", "update", "--login", "xem", "--confidential"); !strings.Contains(out, "được xem hồ sơ mật") {
		t.Errorf("update --confidential: %s", out)
	}
	if !user("xem").CanReadConfidential() {
		t.Fatal("xem not given the permission")
	}
	out = mustUser(t, dsn, "", "update", "--login", "canbo", "--confidential=false")
	if strings.Contains(out, "hồ sơ mật") || user("canbo").Confidential {
		t.Fatalf("update --confidential=false: %s, %v", out, user("canbo").Confidential)
	}
	mustUser(t, dsn, "", "update", "--login", "canbo", "--confidential=false")
	mustUser(t, dsn, "", "update", "--login", "canbo", "--name", "Cán Bộ Mới")
	if u := user("canbo"); u.FullName != "Cán Bộ Mới" || u.Confidential {
		t.Errorf("after --name: %+v", u)
	}

	// Errors, in Vietnamese.
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"update", "--login", "canbo"}, "không có gì để sửa"},
		{[]string{"update", "--confidential"}, "cần --login"},
		{[]string{"update", "--login", "khong-co", "--confidential"}, "không có tài khoản"},
		{[]string{"update", "--login", "canbo", "--scope", "X", "--all-units"}, "loại trừ nhau"},
	} {
		out, errs, err := userCLI(t, dsn, "", tt.args...)
		if err == nil || !strings.Contains(out+errs+err.Error(), tt.want) {
			t.Errorf("user %s: %v, want %q\n%s%s", strings.Join(tt.args, " "), err, tt.want, out, errs)
		}
	}

	entries, _, err := db.ListAudit(ctx, tochuc.AuditFilter{Action: tochuc.AuditUserUpdate})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, fmt.Sprint(e.Detail["login"], ":", e.Detail["confidential"]))
	}
	if want := "canbo:<nil>,canbo:false,xem:true"; strings.Join(got, ",") != want {
		t.Errorf("user.update entries (newest first) %v, want %s", got, want)
	}
	created, _, _ := db.ListAudit(ctx, tochuc.AuditFilter{Action: tochuc.AuditUserCreate, UserLogin: "cli:kiem-thu"})
	for _, e := range created {
		if e.Detail["login"] == "canbo" && e.Detail["confidential"] != true {
			t.Errorf("user.create of canbo: %v", e.Detail)
		}
	}
}
