package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/tochuc/tochuc/internal/report"
	"github.com/tochuc/tochuc/internal/sqldb"
)

func runReport(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "report", "[tùy chọn]")
	asOf := fs.String("as-of", "", "ngày báo cáo (YYYY-MM-DD hoặc dd/mm/yyyy; mặc định hôm nay)")
	since := fs.String("since", "", "so sánh với ngày này (tùy chọn)")
	scope := fs.String("scope", "", "mã đơn vị giới hạn phạm vi (mặc định toàn bộ)")
	format := fs.String("format", "table", "định dạng: table, json, csv, xlsx")
	out := fs.String("out", "", "ghi ra tệp này thay vì màn hình (bắt buộc với xlsx nếu màn hình là terminal)")
	recordedAt := fs.String("recorded-at", "", "tính theo dữ liệu đã ghi nhận tại thời điểm này (YYYY-MM-DD = cuối ngày, hoặc RFC 3339)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	var p report.Params
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
	write, ok := map[string]func(io.Writer, *report.Result) error{
		"table": report.WriteTable, "json": report.WriteJSON, "csv": report.WriteCSV, "xlsx": report.WriteXLSX,
	}[*format]
	if !ok {
		return usageError{fmt.Sprintf("--format: không có định dạng %q (table, json, csv, xlsx)", *format)}
	}
	db, err := openDB(ctx, e, false)
	if err != nil {
		return err
	}
	defer db.Close()
	res, err := report.Compute(db.Reader(ctx, rec), p)
	if err != nil {
		return err
	}
	w := e.stdout
	if *out != "" {
		f, err := os.Create(*out)
		if err != nil {
			return err
		}
		defer f.Close()
		w = f
	} else if *format == "xlsx" && isTerminal(w) {
		return usageError{"--format xlsx cần --out TỆP.xlsx"}
	}
	return write(w, res)
}
