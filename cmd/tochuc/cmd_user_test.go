package main

import (
	"bytes"
	"context"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/tochuc/tochuc/internal/auth"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// userCLI runs 'tochuc user …' with input on standard input and returns
// standard output and standard error apart. It replaces the package's stdin:
// the tests that call it do not run in parallel.
func userCLI(t *testing.T, db, input string, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	old := stdin
	stdin = strings.NewReader(input)
	t.Cleanup(func() { stdin = old })
	var out, errb bytes.Buffer
	err = run(context.Background(), append([]string{"--db", db, "--user", "kiem-thu", "user"}, args...), &out, &errb)
	return out.String(), errb.String(), err
}

func mustUser(t *testing.T, db, input string, args ...string) string {
	t.Helper()
	out, errs, err := userCLI(t, db, input, args...)
	if err != nil {
		t.Fatalf("tochuc user %s: %v\n%s%s", strings.Join(args, " "), err, out, errs)
	}
	return out
}

func TestUserCLI(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "t.db")

	// First run, on an empty database: an administrator, without --role.
	out := mustUser(t, path, "mật khẩu quản trị\n", "add", "--login", "QuanTri", "--name", "Quản Trị Viên", "--password-stdin")
	if !strings.Contains(out, "đã tạo tài khoản quantri") || !strings.Contains(out, "Quản trị viên") {
		t.Fatalf("first add: %s", out)
	}
	mustRun(t, path, "import", writeDir(t, map[string]string{"units.csv": unitsV1}))

	// No terminal and no --password-stdin: a generated password, printed once.
	out = mustUser(t, path, "", "add", "--login", "can.bo", "--name", "Cán Bộ", "--role", "staff", "--scope", "H1")
	m := regexp.MustCompile(`chỉ hiện một lần, hãy lưu lại ngay\): (\S+)`).FindStringSubmatch(out)
	if m == nil || !strings.Contains(out, "phạm vi H1") {
		t.Fatalf("add with a generated password: %s", out)
	}
	db, err := sqldb.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	staff, hash, err := db.UserCredentials(ctx, "can.bo")
	if err != nil || staff.Role != tochuc.RoleStaff || staff.ScopeUnitID != "H1" {
		t.Fatalf("stored %+v %v", staff, err)
	}
	if ok, _, err := auth.VerifyPassword(m[1], hash); !ok || err != nil {
		t.Fatalf("the printed password does not open the account: %v", err)
	}
	mustUser(t, path, "", "add", "--login", "xem", "--name", "Người Xem", "--role", "viewer", "--all-units")

	for _, tt := range []struct {
		args  []string
		input string
		want  string
		usage bool
	}{
		{[]string{"add", "--login", "ba", "--name", "B", "--role", "viewer", "--scope", "X1"}, "", "từ 3 đến 64 ký tự", false},
		{[]string{"add", "--login", "binh", "--name", "Bình", "--role", "staff"}, "", "cần đơn vị phạm vi", false},
		{[]string{"add", "--login", "binh", "--name", "Bình", "--role", "staff", "--scope", "KHONGCO"}, "", "không có đơn vị 'KHONGCO'", false},
		{[]string{"add", "--login", "Can.Bo", "--name", "Khác", "--role", "viewer", "--scope", "X1"}, "", "đã có người dùng", false},
		{[]string{"add", "--login", "binh", "--name", "Bình", "--role", "viewer", "--scope", "X1", "--password-stdin"}, "ngắn\n", "ít nhất 10 ký tự", false},
		{[]string{"add", "--login", "binh", "--name", "Bình"}, "", "cần --role", true},
		{[]string{"add", "--login", "binh", "--name", "Bình", "--role", "viewer", "--scope", "X1", "--all-units"}, "", "loại trừ nhau", true},
		{[]string{"list", "thừa"}, "", "đối số thừa", true},
		{[]string{"disable", "--login", "quantri"}, "", "quản trị viên cuối cùng", false},
		{[]string{"passwd", "--login", "khongco"}, "", "không có tài khoản 'khongco'", false},
		{[]string{"nope"}, "", "lệnh con", true},
	} {
		out, errs, err := userCLI(t, path, tt.input, tt.args...)
		if err == nil || !strings.Contains(err.Error(), tt.want) || (exitCode(err) == 2) != tt.usage {
			t.Errorf("tochuc user %s: %v (exit %d), want %q\n%s%s", strings.Join(tt.args, " "), err, exitCode(err), tt.want, out, errs)
		}
	}
	if _, _, err := userCLI(t, path, "", "add", "--help"); exitCode(err) != 0 {
		t.Errorf("user add --help: %v", err)
	}

	list := mustUser(t, path, "", "list")
	for _, want := range []string{"can.bo", "Cán bộ Ban Tổ chức", "H1", "xem", "Người xem", "toàn bộ", "quantri", "hoạt động"} {
		if !strings.Contains(list, want) {
			t.Errorf("list lacks %q:\n%s", want, list)
		}
	}

	// A token for a script: alone on standard output, shown once.
	out = mustUser(t, path, "", "token", "--login", "can.bo", "--name", "báo cáo hằng đêm", "--days", "30")
	token := strings.TrimSpace(out)
	if len(token) != 43 {
		t.Fatalf("token output %q", out)
	}
	if u, err := (auth.Tokens{Store: db}).TokenUser(ctx, token); err != nil || u.Login != "can.bo" {
		t.Fatalf("TokenUser: %+v %v", u, err)
	}
	ts, _ := db.ListAPITokens(ctx, staff.ID)
	if len(ts) != 1 || time.Until(ts[0].ExpiresAt) < 29*24*time.Hour {
		t.Fatalf("tokens %+v", ts)
	}
	if out := mustUser(t, path, "", "tokens", "--login", "can.bo"); !strings.Contains(out, "báo cáo hằng đêm") || !strings.Contains(out, "hiệu lực") {
		t.Fatalf("tokens: %s", out)
	}
	mustUser(t, path, "", "revoke", "--id", "1")
	if _, err := (auth.Tokens{Store: db}).TokenUser(ctx, token); err == nil {
		t.Fatal("revoked token accepted")
	}

	// A new password ends the sessions; disabling too.
	sess, _ := (auth.Tokens{Store: db}).CreateSession(ctx, staff.ID, time.Hour, "", "")
	mustUser(t, path, "mật khẩu mới đủ dài\n", "passwd", "--login", "can.bo", "--password-stdin")
	if _, err := (auth.Tokens{Store: db}).SessionUser(ctx, sess); err == nil {
		t.Fatal("session alive after passwd")
	}
	_, hash, _ = db.UserCredentials(ctx, "can.bo")
	if ok, _, _ := auth.VerifyPassword("mật khẩu mới đủ dài", hash); !ok {
		t.Fatal("new password refused")
	}
	mustUser(t, path, "", "disable", "--login", "can.bo")
	if list := mustUser(t, path, "", "list"); !strings.Contains(list, "đã vô hiệu hóa") {
		t.Fatalf("list after disable:\n%s", list)
	}
	mustUser(t, path, "", "enable", "--login", "can.bo")

	entries, total, err := db.ListAudit(ctx, tochuc.AuditFilter{UserLogin: "cli:kiem-thu"})
	if err != nil {
		t.Fatal(err)
	}
	var actions []string
	for _, e := range entries {
		actions = append(actions, e.Action)
	}
	want := "user.update user.update user.password token.revoke token.create user.create user.create bundle.import user.create"
	if strings.Join(actions, " ") != want || total != 9 {
		t.Fatalf("audit log: %v (%d)\nwant %s", actions, total, want)
	}
}

// TestDisableRevokesTokens: disabling an account revokes its tokens for good
// (enabling it again does not bring them back), and the audit log says so.
func TestDisableRevokesTokens(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "t.db")
	mustUser(t, path, "mật khẩu quản trị\n", "add", "--login", "quantri", "--name", "Quản Trị", "--password-stdin")
	mustUser(t, path, "", "add", "--login", "xem", "--name", "Người Xem", "--role", "viewer", "--all-units")
	token := strings.TrimSpace(mustUser(t, path, "", "token", "--login", "xem", "--name", "kịch bản"))
	out := mustUser(t, path, "", "disable", "--login", "xem")
	if !strings.Contains(out, "thu hồi 1 mã truy cập") {
		t.Errorf("disable does not tell of the revoked token: %s", out)
	}
	mustUser(t, path, "", "enable", "--login", "xem")
	db, err := sqldb.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := (auth.Tokens{Store: db}).TokenUser(ctx, token); tochuc.ErrorCode(err) != tochuc.ENotFound {
		t.Fatalf("token of a disabled, then enabled account: %v", err)
	}
	entries, _, err := db.ListAudit(ctx, tochuc.AuditFilter{Action: tochuc.AuditTokenRevoke})
	if err != nil || len(entries) != 1 || entries[0].Detail["reason"] != "disabled" || entries[0].Detail["login"] != "xem" {
		t.Fatalf("audit of the revocation: %+v %v", entries, err)
	}
}
