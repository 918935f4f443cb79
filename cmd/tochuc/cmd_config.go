package main

import (
	"context"
	"fmt"
	"text/tabwriter"

	"github.com/tochuc/tochuc/internal/sqldb"
)

// runConfig prints the configuration in effect, with secrets redacted.
func runConfig(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "config", "")
	if err := fs.Parse(args); err != nil {
		return err
	}
	engine := "sqlite"
	if sqldb.IsPostgres(e.dsn) {
		engine = "postgres"
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "db\t%s\t(%s)\n", sqldb.Redact(e.dsn), engine)
	fmt.Fprintf(tw, "user\t%s\t(người ghi vào nhật ký thay đổi)\n", e.user)
	fmt.Fprintf(tw, "serve --addr\tlocalhost:8080\t(mặc định)\n")
	fmt.Fprintf(tw, "phiên đăng nhập\t2 giờ không hoạt động, tối đa %s\n", sqldb.SessionMaxAge)
	return tw.Flush()
}
