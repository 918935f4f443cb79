package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"

	"github.com/tochuc/tochuc/internal/app"
	"github.com/tochuc/tochuc/internal/report"
	"github.com/tochuc/tochuc/internal/tochuc"
	"github.com/tochuc/tochuc/internal/workbook"
)

// runTargets evaluates the targets of directive documents on a date
// (bundle-v1 amendment 3): measured on min(date, due_on) in their scope by
// the indicator catalog, with their status.
func runTargets(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "targets", "[tùy chọn]")
	asOf := fs.String("as-of", "", "ngày đánh giá (YYYY-MM-DD hoặc dd/mm/yyyy; mặc định hôm nay)")
	scope := fs.String("scope", "", "mã đơn vị: chỉ các chỉ tiêu có phạm vi nằm trong đơn vị này (mặc định tất cả)")
	document := fs.String("document", "", "mã văn bản (mặc định mọi văn bản)")
	format := fs.String("format", "table", "định dạng: table, json, csv, xlsx")
	out := fs.String("out", "", "ghi ra tệp này thay vì màn hình (bắt buộc với xlsx nếu màn hình là terminal)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{"không nhận đối số: " + fs.Arg(0)}
	}
	write, ok := map[string]func(io.Writer, *app.TargetsResult) error{
		"table": writeTargetsTable, "json": writeTargetsJSON, "csv": writeTargetsCSV, "xlsx": writeTargetsXLSX,
	}[*format]
	if !ok {
		return usageError{fmt.Sprintf("--format: không có định dạng %q (table, json, csv, xlsx)", *format)}
	}
	if *format == "xlsx" && *out == "" && isTerminal(e.stdout) {
		return usageError{"--format xlsx cần --out TỆP.xlsx"}
	}
	d, err := parseDateFlag("as-of", *asOf)
	if err != nil {
		return err
	}
	db, err := openDB(ctx, e, false)
	if err != nil {
		return err
	}
	defer db.Close()
	res, err := app.New(db, nil).Targets(ctx, app.CLI(e.user).User, app.TargetParams{AsOf: d, Scope: *scope, DocumentID: *document})
	if err != nil {
		return err
	}
	return writeOut(e, *out, func(w io.Writer) error { return write(w, res) })
}

// targetKeys are the keys of a target, as the amendment's JSON orders them.
var targetKeys = []string{"document_id", "target_id", "indicator", "scope_id", "due_on", "op", "value", "measured_on", "actual", "status"}

func writeTargetsJSON(w io.Writer, res *app.TargetsResult) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false) // ">=" as the amendment writes it
	return enc.Encode(res)
}

// writeTargetsCSV writes the JSON's keys and values, one target a row (the
// ids made safe for a spreadsheet; op as it is: >=, <=, =).
func writeTargetsCSV(w io.Writer, res *app.TargetsResult) error {
	c := csv.NewWriter(w)
	if err := c.Write(append([]string{"as_of"}, targetKeys...)); err != nil {
		return err
	}
	s := report.SpreadsheetSafe
	for _, t := range res.Targets {
		if err := c.Write([]string{res.AsOf, s(t.DocumentID), s(t.TargetID), s(t.Indicator), s(t.ScopeID), t.DueOn, t.Op,
			tochuc.FormatNumber(t.Value), t.MeasuredOn, tochuc.FormatNumber(t.Actual), t.Status}); err != nil {
			return err
		}
	}
	c.Flush()
	return c.Error()
}

// targetFigure writes a target's value or actual for a person: a share as
// a percentage, else a number with Vietnamese separators.
func targetFigure(t app.TargetItem, x float64) string {
	if t.Share {
		return tochuc.FormatPercent(x)
	}
	return tochuc.FormatDecimal(x)
}

func targetScopeName(t app.TargetItem) string {
	if t.ScopeID == "" {
		return "Toàn bộ"
	}
	return t.ScopeName
}

func writeTargetsTable(w io.Writer, res *app.TargetsResult) error {
	if _, err := fmt.Fprintf(w, "Thực hiện chỉ tiêu của văn bản — đánh giá ngày %s\n\n", tochuc.MustDate(res.AsOf).Vietnamese()); err != nil {
		return err
	}
	rows := [][]string{{"Văn bản", "Chỉ tiêu", "Nội dung", "Phạm vi", "Hạn", "Yêu cầu", "Ngày đo", "Thực tế", "Trạng thái"}}
	for _, t := range res.Targets {
		doc := t.DocumentNumber
		if doc == "" {
			doc = t.DocumentID
		}
		rows = append(rows, []string{doc, t.TargetID, t.IndicatorName, targetScopeName(t), t.Due.Vietnamese(),
			tochuc.Label("target_op", t.Op) + " " + targetFigure(t, t.Value), t.Measured.Vietnamese(),
			targetFigure(t, t.Actual), tochuc.Label("target_status", t.Status)})
	}
	if len(res.Targets) == 0 {
		_, err := io.WriteString(w, "Không có chỉ tiêu nào.\n")
		return err
	}
	return report.WriteTextTable(w, rows, []bool{false, false, false, false, false, true, false, true, false})
}

func writeTargetsXLSX(w io.Writer, res *app.TargetsResult) error {
	b, err := workbook.New()
	if err != nil {
		return err
	}
	defer b.Close()
	s, err := b.Sheet("Chỉ tiêu", []string{"Thực hiện chỉ tiêu của văn bản", "Đánh giá ngày " + tochuc.MustDate(res.AsOf).Vietnamese()},
		[]workbook.Column{{Header: "Văn bản", Width: 14}, {Header: "Mã văn bản", Width: 12}, {Header: "Chỉ tiêu", Width: 8},
			{Header: "Mã chỉ số", Width: 28}, {Header: "Nội dung", Width: 48}, {Header: "Phạm vi", Width: 24},
			{Header: "Hạn", Width: 12}, {Header: "So sánh", Width: 10}, {Header: "Giá trị yêu cầu", Width: 14},
			{Header: "Ngày đo", Width: 12}, {Header: "Thực tế", Width: 12}, {Header: "Trạng thái", Width: 16}})
	if err != nil {
		return err
	}
	for _, t := range res.Targets {
		var value, actual any = t.Value, t.Actual
		if t.Share {
			value, actual = workbook.Percent(t.Value), workbook.Percent(t.Actual)
		}
		if err := s.Row(t.DocumentNumber, t.DocumentID, t.TargetID, t.Indicator, t.IndicatorName, targetScopeName(t), t.Due,
			tochuc.Label("target_op", t.Op), value, t.Measured, actual, tochuc.Label("target_status", t.Status)); err != nil {
			return err
		}
	}
	return b.Write(w)
}
