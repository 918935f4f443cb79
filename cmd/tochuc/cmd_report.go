package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"slices"

	"github.com/tochuc/tochuc/internal/app"
	"github.com/tochuc/tochuc/internal/indicator"
	"github.com/tochuc/tochuc/internal/report"
	"github.com/tochuc/tochuc/internal/sqldb"
)

func runReport(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "report", "[tùy chọn]")
	asOf := fs.String("as-of", "", "ngày báo cáo (YYYY-MM-DD hoặc dd/mm/yyyy; mặc định hôm nay)")
	since := fs.String("since", "", "so sánh với ngày này; chỉ tiêu phát sinh tính từ sau ngày này (tùy chọn)")
	scope := fs.String("scope", "", "mã đơn vị giới hạn phạm vi (mặc định toàn bộ)")
	format := fs.String("format", "table", "định dạng: table, json, csv, xlsx")
	explain := fs.String("explain", "", "liệt kê đơn vị hoặc người tạo nên giá trị của chỉ tiêu có mã này")
	part := fs.String("part", "", "với --explain: chỉ các bản ghi của nhóm này trong phân tổ của chỉ tiêu (ví dụ 31_40 của party.members.age)")
	out := fs.String("out", "", "ghi ra tệp này thay vì màn hình (bắt buộc với xlsx nếu màn hình là terminal)")
	recordedAt := fs.String("recorded-at", "", "tính theo dữ liệu đã ghi nhận tại thời điểm này (YYYY-MM-DD = cuối ngày, hoặc RFC 3339)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	var p indicator.Params
	var err error
	if p.AsOf, err = parseDateFlag("as-of", *asOf); err != nil {
		return err
	}
	if *since != "" {
		if p.Since, err = parseDateFlag("since", *since); err != nil {
			return err
		}
		if p.Since >= p.AsOf {
			return usageError{"--since phải trước --as-of"}
		}
	}
	p.Scope = *scope
	rec, err := sqldb.ParseRecorded(*recordedAt)
	if err != nil {
		return usageError{err.Error()}
	}
	var uc *app.App // the use cases, once the flags are checked
	var write func(io.Writer) error
	if *part != "" && *explain == "" {
		return usageError{"--part chỉ dùng với --explain"}
	}
	if *explain != "" {
		if _, ok := indicator.Lookup(*explain); !ok {
			return usageError{fmt.Sprintf("--explain: không có chỉ tiêu %q", *explain)}
		}
		if def, _ := indicator.Lookup(*explain); *part != "" && !slices.Contains(def.Parts, *part) {
			return usageError{fmt.Sprintf("--part: chỉ tiêu %s không có nhóm %q", *explain, *part)}
		}
		w, ok := map[string]func(io.Writer, *indicator.Explanation) error{
			"table": report.WriteExplanationTable, "json": report.WriteExplanationJSON, "csv": report.WriteExplanationCSV,
		}[*format]
		if !ok {
			return usageError{fmt.Sprintf("--format: với --explain chỉ có table, json, csv (không có %q)", *format)}
		}
		write = func(out io.Writer) error {
			ex, err := uc.ExplainPart(ctx, p, *explain, *part, rec)
			if err != nil {
				return err
			}
			return w(out, ex)
		}
	} else {
		w, ok := map[string]func(io.Writer, *indicator.Result) error{
			"table": report.WriteTable, "json": report.WriteJSON, "csv": report.WriteCSV, "xlsx": report.WriteXLSX,
		}[*format]
		if !ok {
			return usageError{fmt.Sprintf("--format: không có định dạng %q (table, json, csv, xlsx)", *format)}
		}
		write = func(out io.Writer) error {
			res, err := uc.Report(ctx, p, rec)
			if err != nil {
				return err
			}
			return w(out, res)
		}
	}
	if *format == "xlsx" && *out == "" && isTerminal(e.stdout) {
		return usageError{"--format xlsx cần --out TỆP.xlsx"}
	}
	db, err := openDB(ctx, e, false)
	if err != nil {
		return err
	}
	defer db.Close()
	uc = app.New(db, nil)
	return writeOut(e, *out, write)
}

// writeOut writes a command's result to the file named path, or to the
// standard output when path is empty; a file left half-written reports
// the write's error.
func writeOut(e *env, path string, write func(io.Writer) error) error {
	if path == "" {
		return write(e.stdout)
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := write(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
