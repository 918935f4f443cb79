// Command tochuc is the organization board's registry: a web app, and the
// commands to migrate, import, export, report and restructure.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	osuser "os/user"
	"sort"
	"strings"
	"syscall"

	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// command is one subcommand.
type command struct {
	name    string
	summary string // Vietnamese
	run     func(ctx context.Context, env *env, args []string) error
}

// commands lists the subcommands. It is a function, not a variable, because
// the commands' help reads the list back.
func commands() []command {
	return []command{
		{"serve", "chạy ứng dụng web", runServe},
		{"migrate", "tạo hoặc nâng cấp lược đồ cơ sở dữ liệu", runMigrate},
		{"import", "nhập gói dữ liệu (thư mục CSV, .zip hoặc .xlsx)", runImport},
		{"export", "xuất gói dữ liệu (thư mục CSV, .zip hoặc .xlsx)", runExport},
		{"report", "báo cáo chỉ tiêu thống kê theo ngày", runReport},
		{"check", "kiểm tra theo quy định (quy hoạch, bổ nhiệm, đánh giá, đảng viên…) vào một ngày", runCheck},
		{"restructure", "sắp xếp tổ chức: sáp nhập, chia tách, giải thể, đổi tên, chuyển, chuyển loại", runRestructure},
		{"history", "lịch sử ghi nhận của một bản ghi", runHistory},
		{"demo", "tạo tỉnh mẫu Bắc Giang (dữ liệu minh họa)", runDemo},
		{"show", "các bản ghi của một tệp có hiệu lực vào một ngày (CSV)", runShow},
		{"config", "in cấu hình đang dùng (ẩn mật khẩu)", runConfig},
		{"user", "quản lý tài khoản người dùng", runUser},
		{"appointments", "bổ nhiệm, luân chuyển, nghỉ hưu vào một ngày: một danh sách dạng CSV", runAppointments},
		{"casework", "công tác đảng viên: việc đến hạn, quá hạn của một đơn vị vào một ngày (CSV)", runCasework},
		{"dues", "đảng phí: behind — đảng viên chậm đóng quá 3 tháng vào một ngày (CSV)", runDues},
		{"tasks", "nhiệm vụ văn bản giao: tình trạng vào một ngày (hoàn thành, chậm, quá hạn, đang thực hiện)", runTasks},
		{"targets", "chỉ tiêu văn bản đặt ra: đo bằng danh mục chỉ tiêu vào một ngày (đạt, không đạt, đúng, chậm tiến độ)", runTargets},
		{"keys", "khóa ký gói dữ liệu: tạo, tin cậy, liệt kê, thu hồi", runKeys},
		{"backup", "sao lưu toàn bộ cơ sở dữ liệu khi đang chạy (bản sao nhất quán)", runBackup},
		{"restore", "khôi phục một bản sao lưu vào một cơ sở dữ liệu trống", runRestore},
	}
}

// env is what every command shares: the database location and the output streams.
type env struct {
	dsn    string
	user   string
	stdout io.Writer
	stderr io.Writer
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			printError(os.Stderr, err)
		}
		os.Exit(exitCode(err))
	}
}

func exitCode(err error) int {
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	var ue usageError
	if errors.As(err, &ue) {
		return 2
	}
	return 1
}

// usageError is a mistake in the command line.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	e := &env{stdout: stdout, stderr: stderr}
	global := flag.NewFlagSet("tochuc", flag.ContinueOnError)
	global.SetOutput(stderr)
	addGlobalFlags(global, e)
	global.Usage = func() { usage(stderr) }
	if err := global.Parse(args); err != nil {
		return err
	}
	args = global.Args()
	if len(args) == 0 {
		usage(stderr)
		return usageError{"thiếu lệnh (missing command)"}
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return c.run(ctx, e, args[1:])
		}
	}
	if args[0] == "help" {
		usage(stdout)
		return nil
	}
	return usageError{fmt.Sprintf("lệnh không có: %q (unknown command); xem 'tochuc --help'", args[0])}
}

// addGlobalFlags adds the flags every command accepts, before or after its name.
func addGlobalFlags(fs *flag.FlagSet, e *env) {
	def := os.Getenv("TOCHUC_DB")
	if def == "" {
		def = "tochuc.db"
	}
	if e.dsn == "" {
		e.dsn = def
	}
	fs.StringVar(&e.dsn, "db", e.dsn, "cơ sở dữ liệu: đường dẫn tệp SQLite hoặc URL postgres:// (biến môi trường TOCHUC_DB)")
	user := os.Getenv("TOCHUC_USER")
	if user == "" {
		if u, err := osuser.Current(); err == nil {
			user = u.Username
		}
	}
	if e.user == "" {
		e.user = user
	}
	fs.StringVar(&e.user, "user", e.user, "người thực hiện, ghi vào nhật ký thay đổi (TOCHUC_USER)")
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "tochuc: hệ thống quản lý công tác tổ chức xây dựng Đảng")
	fmt.Fprintln(w, "\nCách dùng: tochuc [--db DB] LỆNH [tùy chọn]\n\nCác lệnh:")
	names := make([]string, 0, len(commands()))
	for _, c := range commands() {
		names = append(names, fmt.Sprintf("  %-12s %s", c.name, c.summary))
	}
	sort.Strings(names)
	fmt.Fprintln(w, strings.Join(names, "\n"))
	fmt.Fprintln(w, "\nTùy chọn chung:\n  --db DB      tệp SQLite (mặc định ./tochuc.db) hoặc postgres://… (TOCHUC_DB)\n  --user TÊN   người thực hiện (TOCHUC_USER)")
	fmt.Fprintln(w, "\n'tochuc LỆNH --help' cho tùy chọn của từng lệnh.")
}

// newFlags returns a subcommand's flag set, with the global flags.
func newFlags(e *env, name, args string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	addGlobalFlags(fs, e)
	fs.Usage = func() {
		for _, c := range commands() {
			if c.name == name {
				fmt.Fprintf(e.stderr, "tochuc %s: %s\n\nCách dùng: tochuc %s %s\n\nTùy chọn:\n", name, c.summary, name, args)
			}
		}
		fs.PrintDefaults()
	}
	return fs
}

// parseAll parses flags given before, between or after the positional
// arguments (as users type them) and returns the positional ones.
func parseAll(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// openDB opens the database and, unless migrating, refuses an outdated schema.
func openDB(ctx context.Context, e *env, migrating bool) (*sqldb.DB, error) {
	db, err := sqldb.Open(ctx, e.dsn)
	if err != nil {
		return nil, err
	}
	if !migrating {
		if err := db.CheckSchema(ctx); err != nil {
			db.Close()
			return nil, err
		}
	}
	return db, nil
}

// openForWrite opens the database for a command that stores data: a new,
// empty database gets the schema; an outdated one is refused.
func openForWrite(ctx context.Context, e *env) (*sqldb.DB, error) {
	db, err := openDB(ctx, e, true)
	if err != nil {
		return nil, err
	}
	applied, _, err := db.SchemaVersion(ctx)
	if err == nil && applied == 0 {
		_, err = db.Migrate(ctx)
	}
	if err == nil {
		err = db.CheckSchema(ctx)
	}
	if err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// parseDateFlag reads a date flag value (YYYY-MM-DD or dd/mm/yyyy); empty means today.
func parseDateFlag(name, v string) (tochuc.Date, error) {
	if v == "" {
		return tochuc.Today(), nil
	}
	d, err := tochuc.ParseDateLoose(v)
	if err != nil || d == 0 {
		return 0, usageError{fmt.Sprintf("--%s: ngày không hợp lệ %q (cần YYYY-MM-DD hoặc dd/mm/yyyy)", name, v)}
	}
	return d, nil
}

// printError tells a person what went wrong, in Vietnamese; a fault of the
// system (the database, the disk) is logged with its cause on a line of its
// own, for the administrator.
func printError(w io.Writer, err error) {
	if f := sqldb.Fault(err); tochuc.ErrorCode(f) != tochuc.EInternal {
		err = f // a fault of the database or the disk, told as what it is
	}
	fmt.Fprintln(w, "tochuc:", err)
	var e *tochuc.Error
	if tochuc.IsFault(err) && errors.As(err, &e) && e.Cause != nil {
		slog.New(slog.NewTextHandler(w, nil)).Error("lỗi hệ thống", "code", e.Code, "cause", e.Cause)
	}
}
