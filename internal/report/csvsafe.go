package report

import (
	"encoding/csv"
	"io"
)

// SpreadsheetSafe returns a cell of a CSV file meant for people so that a
// spreadsheet shows it as text: a cell starting with '=', '+', '-', '@', a
// tab or a carriage return that is not a plain number (-1120, +48, -0.5)
// gets a leading single quote (OWASP's advice against CSV injection). The
// bundle's own CSV files are not rewritten: the import refuses such text.
func SpreadsheetSafe(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		if !plainNumber(s) {
			return "'" + s
		}
	}
	return s
}

// plainNumber reports whether s is a sign, digits and at most one decimal point.
func plainNumber(s string) bool {
	if s[0] == '+' || s[0] == '-' {
		s = s[1:]
	}
	digits, point := 0, false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			digits++
		case c == '.' && !point && digits > 0:
			point = true
		default:
			return false
		}
	}
	return digits > 0 && s[len(s)-1] != '.'
}

// BOM starts a CSV file meant for people: without it Excel, opening the file
// by a double click, reads UTF-8 as the system's code page ("Sá»‘" for "Số").
// The bundle's own CSV files are written without it (bundle-v1 accepts one).
const BOM = "\ufeff"

// writeCSVForPeople writes rows as CSV after a BOM, each cell made
// SpreadsheetSafe.
func writeCSVForPeople(w io.Writer, rows [][]string) error {
	if _, err := io.WriteString(w, BOM); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	for _, row := range rows {
		safe := make([]string, len(row))
		for i, c := range row {
			safe[i] = SpreadsheetSafe(c)
		}
		if err := cw.Write(safe); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
