package report

import "io"

// WriteTextTable writes rows (the first is the header, underlined) as a
// plain-text table in columns, right-aligned where right says so (the
// table format of the commands).
func WriteTextTable(w io.Writer, rows [][]string, right []bool) error {
	return writeTable(w, rows, right)
}
