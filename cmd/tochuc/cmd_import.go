package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/tochuc/tochuc/internal/app"
	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/bundle/container"
	"github.com/tochuc/tochuc/internal/check"
	"github.com/tochuc/tochuc/internal/tochuc"
)

func runImport(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "import", "[tùy chọn] ĐƯỜNG_DẪN (thư mục, .zip hoặc .xlsx)")
	quiet := fs.Bool("quiet", false, "không in dòng tiến độ")
	requireSig := fs.Bool("require-signature", false, "từ chối gói không có chữ ký của một khóa tin cậy (manifest.json)")
	allowReplay := fs.Bool("allow-replay", false, "nhập cả gói ký lấy dữ liệu không sau gói đã nhận bằng cùng khóa (mặc định: từ chối)")
	diff := fs.Bool("diff", false, "chỉ in từng bản ghi sẽ được thêm, sửa, kết thúc hoặc rút bỏ; không ghi gì")
	pos, err := parseAll(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		fs.Usage()
		return usageError{"cần đúng một đường dẫn gói dữ liệu"}
	}
	path := pos[0]
	src, err := container.OpenSource(path)
	if err != nil {
		return fmt.Errorf("không mở được gói dữ liệu %s: %w", path, err)
	}
	defer src.Close()
	db, err := openForWrite(ctx, e)
	if err != nil {
		return err
	}
	defer db.Close()
	var opt bundle.Options
	if !*quiet {
		opt = bundleOptions(e)
	}
	pol := app.PackagePolicy{RequireSignature: *requireSig, AllowReplay: *allowReplay}
	if *diff {
		return printDiff(ctx, e, app.New(db, nil), src, path, opt, pol)
	}
	rep, err := app.New(db, nil).ImportPackage(ctx, app.CLI(e.user), path, src, path, opt, pol)
	return reportImport(e, rep, err, opt)
}

// reportImport ends an import's progress line, prints its report and fails when refused.
func reportImport(e *env, rep *bundle.Report, err error, opt bundle.Options) error {
	if opt.Progress != nil {
		fmt.Fprint(e.stderr, "\r\033[K")
	}
	if err != nil {
		return err
	}
	printReport(e.stdout, rep)
	if !rep.OK() {
		return fmt.Errorf("nhập thất bại: %d lỗi, cơ sở dữ liệu không thay đổi (import refused: %d errors, database unchanged)",
			rep.Errors, rep.Errors)
	}
	return nil
}

// printReport prints what an import read and stored, then every issue.
func printReport(w io.Writer, rep *bundle.Report) {
	for _, f := range rep.Files {
		fmt.Fprintf(w, "%-15s %8d dòng đọc, %8d bản ghi mới, %8d bản ghi được thay thế\n", f.Name+".csv", f.Read, f.Added, f.Superseded)
	}
	if rep.Retracted > 0 {
		fmt.Fprintf(w, "%-15s %8d bản ghi được rút bỏ\n", "retractions.csv", rep.Retracted)
	}
	for _, i := range rep.Issues {
		fmt.Fprintln(w, i.String())
	}
	if rep.Dropped > 0 {
		fmt.Fprintf(w, "… và %d vấn đề khác không liệt kê\n", rep.Dropped)
	}
	fmt.Fprintf(w, "%d lỗi, %d cảnh báo\n", rep.Errors, rep.Warnings)
	if f := rep.Findings; f != nil {
		if f.Error != "" {
			fmt.Fprintln(w, f.Error)
			return
		}
		fmt.Fprintf(w, "Kiểm tra theo quy định ngày %s: thêm %s phát hiện%s (xem 'tochuc check')\n",
			f.AsOf.Vietnamese(), tochuc.FormatInt(f.Added), byRule(f.ByRule))
	}
}

// byRule lists counts by rule id, in the catalog's order: " (PLAN-02: 1, EVAL-11: 3)".
func byRule(n map[string]int) string {
	var parts []string
	for _, id := range check.IDs() {
		if n[id] > 0 {
			parts = append(parts, fmt.Sprintf("%s: %s", id, tochuc.FormatInt(n[id])))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return " (" + strings.Join(parts, ", ") + ")"
}

// isTerminal reports whether w is a character device (a terminal).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
