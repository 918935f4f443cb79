// Package report renders what the use cases compute: an indicator report
// (indicator.Result), the records behind an indicator (indicator.Explanation)
// and rule-check findings, as JSON, a Vietnamese table, CSV or a workbook.
package report

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/tochuc/tochuc/internal/indicator"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// WriteJSON writes the report as the JSON object of indicators-v1.
func WriteJSON(w io.Writer, r *indicator.Result) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

// WriteTable writes the report as a Vietnamese table: labels on the left,
// figures right-aligned in Vietnamese number style, breakdowns indented
// under their indicator.
func WriteTable(w io.Writer, r *indicator.Result) error {
	scope := "toàn bộ"
	if r.Scope != nil {
		scope = r.Scope.Name
	}
	fmt.Fprintf(w, "Báo cáo chỉ tiêu ngày %s", tochuc.MustDate(r.AsOf).Vietnamese())
	if r.Since != "" {
		fmt.Fprintf(w, " (so với ngày %s)", tochuc.MustDate(r.Since).Vietnamese())
	}
	fmt.Fprintf(w, " — phạm vi: %s\n\n", scope)
	since := r.Since != ""
	head := []string{"Chỉ tiêu", "Giá trị", "Trên tổng", "Tỷ lệ"}
	if since {
		head = append(head, "Kỳ trước", "Thay đổi")
	}
	rows := [][]string{head}
	flows := false
	for _, ind := range r.Indicators {
		label := ind.Label
		if ind.Flow && since {
			label += " (*)"
			flows = true
		}
		row := []string{label, tochuc.FormatInt(ind.Value), "", ""}
		if ind.Of != nil {
			row[2] = tochuc.FormatInt(*ind.Of)
		}
		if ind.Ratio != nil {
			row[3] = tochuc.FormatPercent(*ind.Ratio)
		}
		if since {
			row = append(row, "", "")
			if ind.Since != nil && ind.Change != nil {
				row[4], row[5] = tochuc.FormatInt(ind.Since.Value), tochuc.FormatSigned(*ind.Change)
			}
		}
		rows = append(rows, row)
		for _, part := range partsOf(ind) {
			sub := []string{"   – " + indicator.PartLabelOf(ind.ID, part), tochuc.FormatInt(ind.By[part]), "", ""}
			if since {
				sub = append(sub, "", "")
				if ind.Since != nil {
					then := ind.Since.By[part]
					sub[4], sub[5] = tochuc.FormatInt(then), tochuc.FormatSigned(ind.By[part]-then)
				}
			}
			rows = append(rows, sub)
		}
	}
	right := make([]bool, len(head))
	for i := 1; i < len(right); i++ {
		right[i] = true
	}
	if err := writeTable(w, rows, right); err != nil {
		return err
	}
	if flows {
		_, err := fmt.Fprintf(w, "\n(*) số phát sinh từ sau ngày %s đến hết ngày %s\n",
			tochuc.MustDate(r.Since).Vietnamese(), tochuc.MustDate(r.AsOf).Vietnamese())
		return err
	}
	return nil
}

// partsOf returns the breakdown keys of an indicator in catalog order.
func partsOf(ind indicator.Indicator) []string {
	if def, ok := indicator.Lookup(ind.ID); ok && len(ind.By) > 0 {
		return def.Parts
	}
	return nil
}

// writeTable writes rows (the first is the header, underlined) in columns
// padded to their widest cell, right-aligned where right says so.
func writeTable(w io.Writer, rows [][]string, right []bool) error {
	width := make([]int, len(right))
	for _, row := range rows {
		for i, cell := range row {
			width[i] = max(width[i], utf8.RuneCountInString(cell))
		}
	}
	var b strings.Builder
	line := tableLine(&b, width, right)
	for i, row := range rows {
		line(row)
		if i == 0 {
			rule := make([]string, len(row))
			for j := range row {
				rule[j] = dashes(width[j])
			}
			line(rule)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// tableLine returns the writer of one line of a table whose columns have
// the widths given (a wider cell is not cut).
func tableLine(w io.StringWriter, width []int, right []bool) func(row []string) {
	return func(row []string) {
		for i, cell := range row {
			pad := strings.Repeat(" ", max(0, width[i]-utf8.RuneCountInString(cell)))
			if i > 0 {
				w.WriteString("  ")
			}
			if right[i] {
				w.WriteString(pad + cell)
			} else if i < len(row)-1 {
				w.WriteString(cell + pad)
			} else {
				w.WriteString(cell)
			}
		}
		w.WriteString("\n")
	}
}

// dashes is the rule under a column of width n.
func dashes(n int) string { return strings.Repeat("-", n) }

// rowsHeader names the columns of Rows.
var rowsHeader = []string{"id", "part", "label", "value", "of", "ratio", "since_value", "since_of", "change"}

// Rows returns the report as spreadsheet rows with a header (for CSV and
// XLSX): one row per indicator, then one per part of its breakdown.
func Rows(r *indicator.Result) [][]string {
	rows := [][]string{rowsHeader}
	num := func(p *int) string {
		if p == nil {
			return ""
		}
		return strconv.Itoa(*p)
	}
	for _, ind := range r.Indicators {
		row := []string{ind.ID, "", ind.Label, strconv.Itoa(ind.Value), num(ind.Of), "", "", "", num(ind.Change)}
		if ind.Ratio != nil {
			row[5] = strconv.FormatFloat(*ind.Ratio, 'f', 6, 64)
		}
		if ind.Since != nil {
			row[6], row[7] = strconv.Itoa(ind.Since.Value), num(ind.Since.Of)
		}
		rows = append(rows, row)
		for _, part := range partsOf(ind) {
			sub := []string{ind.ID, part, indicator.PartLabelOf(ind.ID, part), strconv.Itoa(ind.By[part]), "", "", "", "", ""}
			if ind.Since != nil {
				sub[6], sub[8] = strconv.Itoa(ind.Since.By[part]), strconv.Itoa(ind.By[part]-ind.Since.By[part])
			}
			rows = append(rows, sub)
		}
	}
	return rows
}

// WriteCSV writes the report's rows as CSV for people (see SpreadsheetSafe).
func WriteCSV(w io.Writer, r *indicator.Result) error {
	return writeCSVForPeople(w, Rows(r))
}
