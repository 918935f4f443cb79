package main

import (
	"bufio"
	"context"
	"fmt"

	"github.com/tochuc/tochuc/internal/app"
	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// printDiff prints, one record a line as it is read, what importing the
// bundle would change, and writes nothing; a refused import prints its
// report and fails.
func printDiff(ctx context.Context, e *env, a *app.App, src bundle.Source, path string, opt bundle.Options, pol app.PackagePolicy) error {
	act, err := a.PackageActor(ctx, app.CLI(e.user), path, pol)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(e.stdout)
	defer w.Flush()
	n := 0
	rep, err := a.DiffImport(ctx, act, src, path, opt, func(r bundle.DiffRecord) error {
		if n == 0 && opt.Progress != nil {
			fmt.Fprint(e.stderr, "\r\033[K")
		}
		n++
		_, err := fmt.Fprintln(w, r.Line())
		return err
	})
	if n == 0 && opt.Progress != nil {
		fmt.Fprint(e.stderr, "\r\033[K")
	}
	if err != nil {
		return err
	}
	if !rep.OK() {
		printReport(w, rep)
		return fmt.Errorf("nhập thất bại: %d lỗi, cơ sở dữ liệu không thay đổi (import refused: %d errors, database unchanged)",
			rep.Errors, rep.Errors)
	}
	if n == 0 {
		fmt.Fprintln(w, "Gói dữ liệu không thay đổi bản ghi nào.")
	} else {
		fmt.Fprintf(w, "%s bản ghi sẽ thay đổi; chưa ghi gì (bỏ --diff để ghi).\n", tochuc.FormatInt(n))
	}
	if rep.Warnings > 0 {
		fmt.Fprintf(w, "%d cảnh báo (xem khi nhập)\n", rep.Warnings)
	}
	return nil
}
