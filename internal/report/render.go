package report

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"text/tabwriter"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// WriteJSON writes the report as the JSON object of indicators-v1.
func WriteJSON(w io.Writer, r *Result) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

// WriteTable writes the report as a Vietnamese table.
func WriteTable(w io.Writer, r *Result) error {
	scope := "toàn bộ"
	if r.Scope != nil {
		scope = r.Scope.Name
	}
	fmt.Fprintf(w, "Báo cáo chỉ tiêu ngày %s", tochuc.MustDate(r.AsOf).Vietnamese())
	if r.Since != "" {
		fmt.Fprintf(w, " (so với ngày %s)", tochuc.MustDate(r.Since).Vietnamese())
	}
	fmt.Fprintf(w, " — phạm vi: %s\n\n", scope)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	header := "Chỉ tiêu\tGiá trị\tTỷ lệ\t"
	if r.Since != "" {
		header += "Kỳ trước\tThay đổi\t"
	}
	fmt.Fprintln(tw, header)
	for _, ind := range r.Indicators {
		value := tochuc.FormatInt(ind.Value)
		ratio := ""
		if ind.Of != nil {
			value += "/" + tochuc.FormatInt(*ind.Of)
			if ind.Ratio != nil {
				ratio = tochuc.FormatPercent(*ind.Ratio)
			}
		}
		line := ind.Label + "\t" + value + "\t" + ratio + "\t"
		if r.Since != "" {
			if ind.Since != nil && ind.Change != nil {
				line += tochuc.FormatInt(ind.Since.Value) + "\t" + signed(*ind.Change) + "\t"
			} else {
				line += "\t\t"
			}
		}
		fmt.Fprintln(tw, line)
	}
	return tw.Flush()
}

func signed(n int) string {
	if n > 0 {
		return "+" + tochuc.FormatInt(n)
	}
	return tochuc.FormatInt(n)
}

// Rows returns the report as spreadsheet rows with a header (for CSV and XLSX).
func Rows(r *Result) [][]string {
	rows := [][]string{{"id", "label", "value", "of", "ratio", "since_value", "change"}}
	for _, ind := range r.Indicators {
		row := []string{ind.ID, ind.Label, strconv.Itoa(ind.Value), "", "", "", ""}
		if ind.Of != nil {
			row[3] = strconv.Itoa(*ind.Of)
		}
		if ind.Ratio != nil {
			row[4] = strconv.FormatFloat(*ind.Ratio, 'f', 6, 64)
		}
		if ind.Since != nil {
			row[5] = strconv.Itoa(ind.Since.Value)
		}
		if ind.Change != nil {
			row[6] = strconv.Itoa(*ind.Change)
		}
		rows = append(rows, row)
	}
	return rows
}

// WriteCSV writes the report's rows as CSV.
func WriteCSV(w io.Writer, r *Result) error {
	cw := csv.NewWriter(w)
	if err := cw.WriteAll(Rows(r)); err != nil {
		return err
	}
	return cw.Error()
}
