package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"golang.org/x/term"

	"github.com/tochuc/tochuc/internal/app"
	"github.com/tochuc/tochuc/internal/auth"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// stdin is where --password-stdin reads; tests replace it.
var stdin io.Reader = os.Stdin

// userCommand is a subcommand of 'tochuc user'.
type userCommand struct {
	name, args, summary string
	run                 func(ctx context.Context, e *env, args []string) error
}

// userCommands lists the subcommands of 'tochuc user'. It is a function, not
// a variable, because their help reads the list back.
func userCommands() []userCommand {
	return []userCommand{
		{"add", "--login L --name \"Họ Tên\" [--role VAI_TRÒ] [--scope ĐƠN_VỊ | --all-units] [--confidential] [--password-stdin]", "tạo tài khoản (tài khoản đầu tiên: quản trị viên)", userAdd},
		{"update", "--login L [--name \"Họ Tên\"] [--role VAI_TRÒ] [--scope ĐƠN_VỊ | --all-units] [--confidential | --confidential=false]", "sửa tài khoản: họ tên, vai trò, phạm vi, quyền xem hồ sơ mật", userUpdate},
		{"list", "", "liệt kê các tài khoản", userList},
		{"passwd", "--login L [--password-stdin]", "đặt mật khẩu mới (kết thúc các phiên đăng nhập)", userPasswd},
		{"disable", "--login L", "vô hiệu hóa tài khoản (kết thúc các phiên đăng nhập, thu hồi các mã truy cập)", userDisable},
		{"enable", "--login L", "cho tài khoản hoạt động trở lại", userEnable},
		{"token", "--login L --name TÊN [--days N]", "tạo mã truy cập cho script (chỉ hiện một lần)", userToken},
		{"tokens", "--login L", "liệt kê các mã truy cập của tài khoản", userTokens},
		{"revoke", "--id SỐ", "thu hồi mã truy cập", userRevoke},
	}
}

func runUser(ctx context.Context, e *env, args []string) error {
	if len(args) > 0 {
		for _, c := range userCommands() {
			if c.name == args[0] {
				return c.run(ctx, e, args[1:])
			}
		}
	}
	fmt.Fprintln(e.stderr, "Cách dùng: tochuc user LỆNH [tùy chọn]\n\nCác lệnh:")
	for _, c := range userCommands() {
		fmt.Fprintf(e.stderr, "  %-8s %s\n           %s\n", c.name, c.summary, strings.TrimSpace("tochuc user "+c.name+" "+c.args))
	}
	if len(args) > 0 && (args[0] == "-h" || args[0] == "--help" || args[0] == "help") {
		return nil
	}
	return usageError{"cần lệnh con của 'tochuc user': add, update, list, passwd, disable, enable, token, tokens, revoke"}
}

// userFlags returns the flag set of a subcommand.
func userFlags(e *env, sub string) *flagSet {
	for _, c := range userCommands() {
		if c.name == sub {
			return &flagSet{newFlags(e, "user", c.name+" "+c.args)}
		}
	}
	panic("unknown user subcommand " + sub)
}

// flagSet is a subcommand's flags; it takes no positional arguments.
type flagSet struct{ *flag.FlagSet }

func (fs *flagSet) parse(args []string) error {
	pos, err := parseAll(fs.FlagSet, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		fs.Usage()
		return usageError{"đối số thừa: " + strings.Join(pos, " ")}
	}
	return nil
}

func userAdd(ctx context.Context, e *env, args []string) error {
	fs := userFlags(e, "add")
	login := fs.String("login", "", "tên đăng nhập: 3–64 ký tự a–z, 0–9, '.', '_', '-'")
	name := fs.String("name", "", "họ và tên")
	role := fs.String("role", "", "vai trò: admin (Quản trị viên), staff (Cán bộ Ban Tổ chức), viewer (Người xem), auditor (Kiểm tra viên); mặc định admin cho tài khoản đầu tiên")
	scope := fs.String("scope", "", "mã đơn vị phạm vi: đơn vị đó và mọi đơn vị thuộc về nó (bắt buộc với staff, viewer)")
	all := fs.Bool("all-units", false, "cho staff hoặc viewer phạm vi toàn bộ cơ sở dữ liệu (thay cho --scope)")
	confidential := fs.Bool("confidential", false, confidentialHelp)
	fromStdin := fs.Bool("password-stdin", false, "đọc mật khẩu từ dòng đầu của đầu vào chuẩn")
	if err := fs.parse(args); err != nil {
		return err
	}
	if *login == "" || *name == "" {
		return usageError{"cần --login và --name"}
	}
	if *all && *scope != "" {
		return usageError{"--scope và --all-units loại trừ nhau"}
	}
	db, err := openForWrite(ctx, e)
	if err != nil {
		return err
	}
	defer db.Close()
	u, err := app.NewAccounts(db).AddUser(ctx, app.CLI(e.user),
		app.NewUser{Login: *login, FullName: *name, Role: tochuc.Role(*role), ScopeUnitID: *scope, AllUnits: *all,
			Confidential: *confidential},
		func(login string) (string, error) { return newPassword(e, *fromStdin, login) })
	if errors.Is(err, app.ErrRoleRequired) {
		return usageError{"cần --role (admin, staff, viewer hoặc auditor)"}
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "đã tạo tài khoản %s: %s, %s, phạm vi %s%s\n", u.Login, u.FullName, u.Role.Label(), scopeLabel(u), confidentialNote(u))
	return nil
}

// confidentialHelp is the help of --confidential.
const confidentialHelp = "quyền xem hồ sơ mật (quy hoạch, đánh giá, kỷ luật, số căn cước) trong phạm vi; --confidential=false để thu hồi (quản trị viên luôn có)"

// confidentialNote says whether an account may read confidential records.
func confidentialNote(u tochuc.User) string {
	if u.CanReadConfidential() {
		return ", được xem hồ sơ mật"
	}
	return ""
}

// userUpdate changes an account's name, role, scope or permission to read
// confidential records; only the flags given change.
func userUpdate(ctx context.Context, e *env, args []string) error {
	fs := userFlags(e, "update")
	login := fs.String("login", "", "tên đăng nhập")
	name := fs.String("name", "", "họ và tên mới")
	role := fs.String("role", "", "vai trò mới: admin, staff, viewer, auditor")
	scope := fs.String("scope", "", "mã đơn vị phạm vi mới")
	all := fs.Bool("all-units", false, "phạm vi toàn bộ cơ sở dữ liệu (thay cho --scope)")
	confidential := fs.Bool("confidential", false, confidentialHelp)
	if err := fs.parse(args); err != nil {
		return err
	}
	if *login == "" {
		return usageError{"cần --login"}
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	if *all && *scope != "" {
		return usageError{"--scope và --all-units loại trừ nhau"}
	}
	var upd tochuc.UserUpdate
	if set["name"] {
		upd.FullName = name
	}
	if set["role"] {
		r := tochuc.Role(*role)
		upd.Role = &r
	}
	if set["scope"] {
		upd.ScopeUnitID = scope
	}
	if *all {
		s := tochuc.AllUnits
		upd.ScopeUnitID = &s
	}
	if set["confidential"] {
		upd.Confidential = confidential
	}
	if upd == (tochuc.UserUpdate{}) {
		return usageError{"không có gì để sửa: cần --name, --role, --scope, --all-units hoặc --confidential"}
	}
	db, acc, err := accounts(ctx, e)
	if err != nil {
		return err
	}
	defer db.Close()
	u, err := acc.UpdateUser(ctx, app.CLI(e.user), *login, upd)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "đã sửa tài khoản %s: %s, %s, phạm vi %s%s\n", u.Login, u.FullName, u.Role.Label(), scopeLabel(u), confidentialNote(u))
	return nil
}

func scopeLabel(u tochuc.User) string {
	if u.WholeRegistry() {
		return "toàn bộ"
	}
	return u.ScopeUnitID
}

// newPassword gets a password (standard input, or typed twice on a terminal,
// or else generated and printed once), checks it against the policy and
// returns its hash.
func newPassword(e *env, fromStdin bool, login string) (string, error) {
	var pw string
	switch f, ok := stdin.(*os.File); {
	case fromStdin:
		line, err := bufio.NewReader(stdin).ReadString('\n')
		if err != nil && line == "" {
			return "", usageError{"--password-stdin: không đọc được mật khẩu từ đầu vào chuẩn"}
		}
		pw = strings.TrimRight(line, "\r\n")
	case ok && term.IsTerminal(int(f.Fd())):
		var err error
		if pw, err = prompt(e, f, "Mật khẩu mới: "); err != nil {
			return "", err
		}
		again, err := prompt(e, f, "Nhập lại mật khẩu: ")
		if err != nil {
			return "", err
		}
		if again != pw {
			return "", tochuc.Errorf(tochuc.EInvalid, "hai lần nhập mật khẩu không khớp")
		}
	default:
		pw = auth.GeneratePassword()
		fmt.Fprintf(e.stdout, "mật khẩu đã tạo (chỉ hiện một lần, hãy lưu lại ngay): %s\n", pw)
	}
	if err := auth.CheckPassword(pw, login); err != nil {
		return "", err
	}
	return auth.HashPassword(pw)
}

func prompt(e *env, f *os.File, label string) (string, error) {
	fmt.Fprint(e.stderr, label)
	b, err := term.ReadPassword(int(f.Fd()))
	fmt.Fprintln(e.stderr)
	return string(b), err
}

// accounts opens the database for writing with the account use cases.
func accounts(ctx context.Context, e *env) (*sqldb.DB, *app.Accounts, error) {
	db, err := openForWrite(ctx, e)
	if err != nil {
		return nil, nil, err
	}
	return db, app.NewAccounts(db), nil
}

func userList(ctx context.Context, e *env, args []string) error {
	if err := userFlags(e, "list").parse(args); err != nil {
		return err
	}
	db, err := openDB(ctx, e, false)
	if err != nil {
		return err
	}
	defer db.Close()
	users, err := app.NewAccounts(db).Users(ctx)
	if err != nil {
		return err
	}
	w := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(w, "TÊN ĐĂNG NHẬP\tHỌ VÀ TÊN\tVAI TRÒ\tPHẠM VI\tTRẠNG THÁI\tHỒ SƠ MẬT")
	for _, u := range users {
		status := "hoạt động"
		if u.Disabled {
			status = "đã vô hiệu hóa"
		}
		secret := "không"
		if u.CanReadConfidential() {
			secret = "được xem"
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\n", u.Login, u.FullName, u.Role.Label(), scopeLabel(u), status, secret)
	}
	return w.Flush()
}

func userPasswd(ctx context.Context, e *env, args []string) error {
	fs := userFlags(e, "passwd")
	login := fs.String("login", "", "tên đăng nhập")
	fromStdin := fs.Bool("password-stdin", false, "đọc mật khẩu từ dòng đầu của đầu vào chuẩn")
	if err := fs.parse(args); err != nil {
		return err
	}
	if *login == "" {
		return usageError{"cần --login"}
	}
	db, acc, err := accounts(ctx, e)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := acc.SetPassword(ctx, app.CLI(e.user), *login, func(login string) (string, error) {
		return newPassword(e, *fromStdin, login)
	}); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "đã đặt mật khẩu mới cho %s; các phiên đăng nhập của tài khoản đã kết thúc\n", tochuc.NormalizeLogin(*login))
	return nil
}

func userDisable(ctx context.Context, e *env, args []string) error {
	return setDisabled(ctx, e, "disable", args, true)
}
func userEnable(ctx context.Context, e *env, args []string) error {
	return setDisabled(ctx, e, "enable", args, false)
}

func setDisabled(ctx context.Context, e *env, sub string, args []string, disabled bool) error {
	fs := userFlags(e, sub)
	login := fs.String("login", "", "tên đăng nhập")
	if err := fs.parse(args); err != nil {
		return err
	}
	if *login == "" {
		return usageError{"cần --login"}
	}
	db, acc, err := accounts(ctx, e)
	if err != nil {
		return err
	}
	defer db.Close()
	revoked, err := acc.SetDisabled(ctx, app.CLI(e.user), *login, disabled)
	if err != nil {
		return err
	}
	u := struct{ Login string }{tochuc.NormalizeLogin(*login)}
	switch {
	case disabled && len(revoked) > 0:
		fmt.Fprintf(e.stdout, "đã vô hiệu hóa tài khoản %s và thu hồi %d mã truy cập\n", u.Login, len(revoked))
	case disabled:
		fmt.Fprintf(e.stdout, "đã vô hiệu hóa tài khoản %s\n", u.Login)
	default:
		fmt.Fprintf(e.stdout, "tài khoản %s hoạt động trở lại (các mã truy cập đã thu hồi không có hiệu lực lại)\n", u.Login)
	}
	return nil
}

func userToken(ctx context.Context, e *env, args []string) error {
	fs := userFlags(e, "token")
	login := fs.String("login", "", "tên đăng nhập của tài khoản mà script thay mặt")
	name := fs.String("name", "", "tên (công dụng) của mã truy cập")
	days := fs.Int("days", 90, "số ngày hiệu lực; 0 = không hết hạn")
	if err := fs.parse(args); err != nil {
		return err
	}
	if *login == "" {
		return usageError{"cần --login"}
	}
	db, acc, err := accounts(ctx, e)
	if err != nil {
		return err
	}
	defer db.Close()
	t, plain, err := acc.CreateToken(ctx, app.CLI(e.user), *login, *name, *days)
	if err != nil {
		return err
	}
	u := struct{ Login string }{tochuc.NormalizeLogin(*login)}
	until := "không hết hạn"
	if !t.ExpiresAt.IsZero() {
		until = "hết hạn " + t.ExpiresAt.Local().Format("02/01/2006 15:04")
	}
	fmt.Fprintf(e.stderr, "mã truy cập số %d cho %s (%s, %s); chỉ hiện một lần dưới đây:\n", t.ID, u.Login, t.Name, until)
	fmt.Fprintln(e.stdout, plain)
	return nil
}

func userTokens(ctx context.Context, e *env, args []string) error {
	fs := userFlags(e, "tokens")
	login := fs.String("login", "", "tên đăng nhập")
	if err := fs.parse(args); err != nil {
		return err
	}
	if *login == "" {
		return usageError{"cần --login"}
	}
	db, acc, err := accounts(ctx, e)
	if err != nil {
		return err
	}
	defer db.Close()
	_, ts, err := acc.Tokens(ctx, *login)
	if err != nil {
		return err
	}
	day := func(t time.Time, zero string) string {
		if t.IsZero() {
			return zero
		}
		return t.Local().Format("02/01/2006")
	}
	w := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(w, "SỐ\tTÊN\tTẠO NGÀY\tHẾT HẠN\tDÙNG LẦN CUỐI\tTRẠNG THÁI")
	for _, t := range ts {
		status := "hiệu lực"
		if !t.RevokedAt.IsZero() {
			status = "đã thu hồi " + day(t.RevokedAt, "")
		} else if !t.Active(time.Now()) {
			status = "hết hạn"
		}
		fmt.Fprintf(w, "%d\t%s\t%s\t%s\t%s\t%s\n", t.ID, t.Name, day(t.CreatedAt, ""), day(t.ExpiresAt, "không"), day(t.LastUsedAt, "chưa"), status)
	}
	return w.Flush()
}

func userRevoke(ctx context.Context, e *env, args []string) error {
	fs := userFlags(e, "revoke")
	id := fs.Int64("id", 0, "số của mã truy cập (xem 'tochuc user tokens')")
	if err := fs.parse(args); err != nil {
		return err
	}
	if *id <= 0 {
		return usageError{"cần --id"}
	}
	db, acc, err := accounts(ctx, e)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := acc.RevokeToken(ctx, app.CLI(e.user), *id); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "đã thu hồi mã truy cập số %d\n", *id)
	return nil
}
