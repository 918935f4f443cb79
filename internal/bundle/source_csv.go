package bundle

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// LineReader is a RowReader that knows where its last row came from. The
// readers returned by the Sources of OpenSource implement it: they skip empty
// rows and a CSV row may span several lines (a cell holding a line break), so
// counting the rows read does not give the line the user sees.
type LineReader interface {
	RowReader
	// Line is the line (CSV, where the row starts) or row (XLSX) number of
	// the row last returned by Next, counting from 1.
	Line() int
}

// utf8BOM is the byte order mark some editors put at the start of a UTF-8 file.
var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// csvReader reads the rows of one CSV file.
type csvReader struct {
	r      *csv.Reader
	closer io.Closer // the underlying file, may be nil
	line   int
}

// newCSVReader reads CSV from in, which closer (if not nil) closes. A UTF-8
// BOM at the start is skipped.
func newCSVReader(in io.Reader, closer io.Closer) *csvReader {
	br := bufio.NewReaderSize(in, 64<<10)
	if b, err := br.Peek(len(utf8BOM)); err == nil && bytes.Equal(b, utf8BOM) {
		_, _ = br.Discard(len(utf8BOM))
	}
	r := csv.NewReader(br)
	r.FieldsPerRecord = -1
	r.ReuseRecord = true
	r.LazyQuotes = false
	return &csvReader{r: r, closer: closer}
}

// Next returns the next row that has a non-blank cell, or io.EOF. Errors name
// the line (and column) they were found on.
func (c *csvReader) Next() ([]string, error) {
	for {
		rec, err := c.r.Read()
		if err == io.EOF {
			return nil, io.EOF
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				c.line = pe.StartLine
				return nil, fmt.Errorf("line %d, column %d: %w", pe.Line, pe.Column, pe.Err)
			}
			return nil, fmt.Errorf("after line %d: %w", c.line, err)
		}
		c.line, _ = c.r.FieldPos(0)
		if isBlankRow(rec) {
			continue
		}
		for i, s := range rec {
			if !utf8.ValidString(s) {
				line, _ := c.r.FieldPos(i)
				return nil, fmt.Errorf("line %d, column %d: text is not UTF-8 (save the file as \"CSV UTF-8\")", line, i+1)
			}
		}
		return rec, nil
	}
}

// Line returns the line the last row returned by Next starts on.
func (c *csvReader) Line() int { return c.line }

// Close closes the underlying file.
func (c *csvReader) Close() error {
	if c.closer == nil {
		return nil
	}
	err := c.closer.Close()
	c.closer = nil
	return err
}

// isBlankRow reports whether every cell of row is empty or white space.
func isBlankRow(row []string) bool {
	for _, s := range row {
		if strings.TrimSpace(s) != "" {
			return false
		}
	}
	return true
}

// csvName returns the bundle name of a file in a directory or zip: its base
// name without ".csv" (any case) for a CSV file, its whole base name for any
// other file.
func csvName(base string) (name string, isCSV bool) {
	if ext := filepath.Ext(base); strings.EqualFold(ext, ".csv") && len(base) > len(ext) {
		return base[:len(base)-len(ext)], true
	}
	return base, false
}

// hiddenName reports whether a file name is hidden (".DS_Store", "._x.csv")
// or an Office lock file ("~$units.xlsx"); such files are not part of a bundle.
func hiddenName(base string) bool {
	return strings.HasPrefix(base, ".") || strings.HasPrefix(base, "~$")
}
