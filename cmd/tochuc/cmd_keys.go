package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"github.com/tochuc/tochuc/internal/app"
	"github.com/tochuc/tochuc/internal/bundle/manifest"
)

// keysCommands lists the subcommands of 'tochuc keys'.
func keysCommands() []userCommand {
	return []userCommand{
		{"new", "--out THƯ_MỤC", "tạo cặp khóa Ed25519: THƯ_MỤC/tochuc.key (bí mật, quyền 0600) và THƯ_MỤC/tochuc.pub", keysNew},
		{"trust", "TỆP.pub --scope ĐƠN_VỊ [--name TÊN]", "tin cậy một khóa: gói ký bằng nó được thay đổi các bản ghi trong phạm vi ĐƠN_VỊ", keysTrust},
		{"list", "", "liệt kê các khóa tin cậy và đã thu hồi", keysList},
		{"revoke", "DẤU_VÂN_TAY | TÊN", "thu hồi một khóa (theo dấu vân tay, ít nhất 8 ký tự đầu, hoặc theo tên)", keysRevoke},
	}
}

func runKeys(ctx context.Context, e *env, args []string) error {
	if len(args) > 0 {
		for _, c := range keysCommands() {
			if c.name == args[0] {
				return c.run(ctx, e, args[1:])
			}
		}
	}
	fmt.Fprintln(e.stderr, "Cách dùng: tochuc keys LỆNH [tùy chọn]\n\nCác lệnh:")
	for _, c := range keysCommands() {
		fmt.Fprintf(e.stderr, "  %-8s %s\n           %s\n", c.name, c.summary, strings.TrimSpace("tochuc keys "+c.name+" "+c.args))
	}
	if len(args) > 0 && (args[0] == "-h" || args[0] == "--help" || args[0] == "help") {
		return nil
	}
	return usageError{"cần lệnh con của 'tochuc keys': new, trust, list, revoke"}
}

// keysArgs parses a keys subcommand's flags and wants n positional arguments.
func keysArgs(e *env, sub string, args []string, n int, define func(fs *flagSet)) ([]string, error) {
	for _, c := range keysCommands() {
		if c.name == sub {
			fs := &flagSet{newFlags(e, "keys", c.name+" "+c.args)}
			if define != nil {
				define(fs)
			}
			pos, err := parseAll(fs.FlagSet, args)
			if err != nil {
				return nil, err
			}
			if len(pos) != n {
				fs.Usage()
				return nil, usageError{fmt.Sprintf("tochuc keys %s cần %d đối số, có %d", sub, n, len(pos))}
			}
			return pos, nil
		}
	}
	panic("unknown keys subcommand " + sub)
}

func keysNew(ctx context.Context, e *env, args []string) error {
	var out *string
	if _, err := keysArgs(e, "new", args, 0, func(fs *flagSet) {
		out = fs.String("out", "", "thư mục ghi cặp khóa (tạo nếu chưa có)")
	}); err != nil {
		return err
	}
	if *out == "" {
		return usageError{"cần --out THƯ_MỤC"}
	}
	pub, err := manifest.NewKey(*out)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "Khóa bí mật: %s (giữ kín, quyền 0600)\nKhóa công khai: %s (gửi cho cấp nhận gói)\nDấu vân tay: %s\n",
		filepath.Join(*out, manifest.PrivateFile), filepath.Join(*out, manifest.PublicFile), manifest.Fingerprint(pub))
	return nil
}

func keysTrust(ctx context.Context, e *env, args []string) error {
	var scope, name *string
	pos, err := keysArgs(e, "trust", args, 1, func(fs *flagSet) {
		scope = fs.String("scope", "", "mã đơn vị: gói ký bằng khóa này chỉ được thay đổi bản ghi trong phạm vi đơn vị đó")
		name = fs.String("name", "", "tên gợi nhớ của khóa (ví dụ: Huyện ủy Lục Nam)")
	})
	if err != nil {
		return err
	}
	if *scope == "" {
		return usageError{"cần --scope ĐƠN_VỊ"}
	}
	pem, err := os.ReadFile(pos[0])
	if err != nil {
		return err
	}
	db, err := openForWrite(ctx, e)
	if err != nil {
		return err
	}
	defer db.Close()
	k, err := app.NewAccounts(db).TrustKey(ctx, app.CLI(e.user), pem, *scope, *name)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "Đã tin cậy khóa %s cho phạm vi đơn vị %s\n", k.Fingerprint, k.ScopeUnitID)
	return nil
}

func keysList(ctx context.Context, e *env, args []string) error {
	if _, err := keysArgs(e, "list", args, 0, nil); err != nil {
		return err
	}
	db, err := openDB(ctx, e, false)
	if err != nil {
		return err
	}
	defer db.Close()
	ks, err := app.NewAccounts(db).Keys(ctx, app.CLI(e.user))
	if err != nil {
		return err
	}
	w := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(w, "DẤU VÂN TAY\tTÊN\tPHẠM VI\tTIN CẬY NGÀY\tTRẠNG THÁI")
	for _, k := range ks {
		status := "đang tin cậy"
		if k.Revoked() {
			status = "thu hồi ngày " + k.RevokedAt.Format("02/01/2006") + " bởi " + k.RevokedBy
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\n", k.Fingerprint, k.Name, k.ScopeUnitID, k.TrustedAt.Format("02/01/2006"), status)
	}
	return w.Flush()
}

func keysRevoke(ctx context.Context, e *env, args []string) error {
	pos, err := keysArgs(e, "revoke", args, 1, nil)
	if err != nil {
		return err
	}
	db, err := openDB(ctx, e, false)
	if err != nil {
		return err
	}
	defer db.Close()
	k, err := app.NewAccounts(db).RevokeKey(ctx, app.CLI(e.user), pos[0])
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "Đã thu hồi khóa %s\n", k.Fingerprint)
	return nil
}
