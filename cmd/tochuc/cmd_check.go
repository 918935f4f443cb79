package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/tochuc/tochuc/internal/app"
	"github.com/tochuc/tochuc/internal/check"
	"github.com/tochuc/tochuc/internal/report"
)

func runCheck(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "check", "[tùy chọn]")
	asOf := fs.String("as-of", "", "ngày kiểm tra (YYYY-MM-DD hoặc dd/mm/yyyy; mặc định hôm nay)")
	scope := fs.String("scope", "", "mã đơn vị giới hạn phạm vi (mặc định toàn bộ)")
	rules := fs.String("rule", "", "chỉ các quy định này, cách nhau bằng dấu phẩy (ví dụ PLAN-02,RET-01); có: "+strings.Join(check.IDs(), ", "))
	format := fs.String("format", "table", "định dạng: table, json, csv, xlsx")
	out := fs.String("out", "", "ghi ra tệp này thay vì màn hình (bắt buộc với xlsx nếu màn hình là terminal)")
	recordedAt := fs.String("recorded-at", "", "kiểm tra dữ liệu đã ghi nhận tại thời điểm này (YYYY-MM-DD = cuối ngày, hoặc RFC 3339)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{"không nhận đối số: " + strings.Join(fs.Args(), " ")}
	}
	d, err := parseDateFlag("as-of", *asOf)
	if err != nil {
		return err
	}
	rec, err := app.ParseRecorded(*recordedAt)
	if err != nil {
		return usageError{err.Error()}
	}
	var ids []string
	for _, id := range strings.Split(*rules, ",") {
		if id = strings.ToUpper(strings.TrimSpace(id)); id != "" {
			if _, ok := check.Lookup(id); !ok {
				return usageError{fmt.Sprintf("--rule: không có quy định %q (có: %s)", id, strings.Join(check.IDs(), ", "))}
			}
			ids = append(ids, id)
		}
	}
	write, ok := map[string]func(io.Writer, *report.Findings) error{"table": report.WriteFindingsTable,
		"json": report.WriteFindingsJSON, "csv": report.WriteFindingsCSV, "xlsx": report.WriteFindingsXLSX}[*format]
	if !ok {
		return usageError{fmt.Sprintf("--format: không có định dạng %q (table, json, csv, xlsx)", *format)}
	}
	if *format == "xlsx" && *out == "" && isTerminal(e.stdout) {
		return usageError{"--format xlsx cần --out TỆP.xlsx"}
	}
	db, err := openDB(ctx, e, false)
	if err != nil {
		return err
	}
	defer db.Close()
	act := app.CLI(e.user)
	a := app.New(db, nil)
	res, err := a.Check(ctx, act.User, app.CheckParams{AsOf: d, Scope: *scope, Rules: ids, Recorded: rec})
	if err != nil {
		return err
	}
	sc, err := a.Scope(ctx, act.User)
	if err != nil {
		return err
	}
	if err := sc.LogFindings(ctx, "tochuc check", res.Findings); err != nil {
		return err
	}
	fsOut := report.NewFindings(res.AsOf, res.Scope, res.Findings)
	return writeOut(e, *out, func(w io.Writer) error { return write(w, fsOut) })
}
