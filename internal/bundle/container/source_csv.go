package container

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

	"github.com/tochuc/tochuc/internal/bundle"
)

// utf8BOM is the byte order mark some editors put at the start of a UTF-8 file.
var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// csvReader reads the rows of one CSV file, a record at a time: a record
// longer than MaxRowBytes, a cell longer than MaxCellBytes or a row of more
// than MaxRowCells cells is refused before more of it is read.
type csvReader struct {
	r      *csv.Reader
	lim    *limitReader
	closer io.Closer // the underlying file, may be nil
	line   int       // where the last record returned starts
	// end is where the last record read ends: its input offset (after the
	// BOM), and its last line.
	end, endLine int64
	bom          int64 // bytes of the BOM skipped
}

// csvBuffer is the read-ahead of a CSV file: a record being read holds at
// most MaxRowBytes + csvBuffer bytes of input.
const csvBuffer = 64 << 10

// newCSVReader reads CSV from in, which closer (if not nil) closes. A UTF-8
// BOM at the start is skipped.
func newCSVReader(in io.Reader, closer io.Closer) *csvReader {
	c := &csvReader{closer: closer}
	c.lim = &limitReader{r: in, max: MaxRowBytes + csvBuffer, over: c.tooLong}
	br := bufio.NewReaderSize(c.lim, csvBuffer)
	if b, err := br.Peek(len(utf8BOM)); err == nil && bytes.Equal(b, utf8BOM) {
		_, _ = br.Discard(len(utf8BOM))
		c.bom = int64(len(utf8BOM))
	}
	c.r = csv.NewReader(br)
	c.r.FieldsPerRecord = -1
	c.r.ReuseRecord = true
	c.r.LazyQuotes = false
	return c
}

// tooLong is the error of a record longer than MaxRowBytes. It starts after
// the last record read (blank lines between are not counted).
func (c *csvReader) tooLong() error {
	c.line = int(c.endLine) + 1
	return readErrorf("dòng %d: dòng CSV dài quá %s", "line %d: CSV row longer than %s", c.line, sizeText(MaxRowBytes))
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
			var re *bundle.ReadError
			if errors.As(err, &re) {
				return nil, err
			}
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				c.line = pe.StartLine
				return nil, fmt.Errorf("line %d, column %d: %w", pe.Line, pe.Column, pe.Err)
			}
			return nil, fmt.Errorf("after line %d: %w", c.line, err)
		}
		line, _ := c.r.FieldPos(0)
		c.line = line
		if err := c.checkSize(rec); err != nil {
			return nil, err
		}
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

// checkSize refuses a record, just read, that passes a limit, and moves the
// input limit to the end of the record.
func (c *csvReader) checkSize(rec []string) error {
	end := c.r.InputOffset()
	size := end - c.end
	lines := int64(c.line)
	for _, s := range rec {
		lines += int64(strings.Count(s, "\n"))
	}
	c.end, c.endLine = end, lines
	c.lim.max = c.bom + end + MaxRowBytes + csvBuffer
	if size > MaxRowBytes {
		return readErrorf("dòng %d: dòng CSV dài quá %s", "line %d: CSV row longer than %s", c.line, sizeText(MaxRowBytes))
	}
	if len(rec) > MaxRowCells {
		return readErrorf("dòng %d: dòng có quá %d ô", "line %d: row with more than %d cells", c.line, MaxRowCells)
	}
	for i, s := range rec {
		if len(s) > MaxCellBytes {
			line, _ := c.r.FieldPos(i)
			return readErrorf("dòng %d, cột %d: ô dài quá %s", "line %d, column %d: cell longer than %s",
				line, i+1, sizeText(MaxCellBytes))
		}
	}
	return nil
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
