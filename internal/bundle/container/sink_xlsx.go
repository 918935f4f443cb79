package container

import (
	"fmt"
	"strings"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/workbook"
)

// xlsxSink writes a workbook with one sheet per file. Rows go through
// workbook's streamed sheets, which keep large sheets in temporary files and
// state each sheet's real used range; every cell is a text cell as the
// bundle writes it (an empty value is no cell), the header row is bold and
// frozen, the columns sized for their keys.
type xlsxSink struct {
	sinkFiles
	tmp *tempFile
	b   *workbook.Book
}

func newXLSXSink(path string) (*xlsxSink, error) {
	tmp, err := newTempFile(path)
	if err != nil {
		return nil, err
	}
	b, err := workbook.New()
	if err != nil {
		_ = tmp.remove()
		return nil, err
	}
	return &xlsxSink{tmp: tmp, b: b}, nil
}

// Create starts a sheet named name; the first one replaces the default sheet.
func (s *xlsxSink) Create(name string, header []string) (bundle.RowWriter, error) {
	return s.start(name, header, func(name string) (fileWriter, error) {
		cols := make([]workbook.Column, len(header))
		for i, h := range header {
			cols[i] = workbook.Column{Header: h, Width: keyWidth(h)}
		}
		sh, err := s.b.Sheet(name, nil, cols)
		if err != nil {
			return nil, err
		}
		return &xlsxSheet{sh: sh}, nil
	})
}

// keyWidth is the width of a bundle column: names and titles wide, keys
// and dates to fit their values.
func keyWidth(key string) float64 {
	switch {
	case key == "name" || key == "full_name" || key == "title" || key == "label" || key == "reason" || key == "note":
		return 40
	case key == "id" || strings.HasSuffix(key, "_id") || strings.HasSuffix(key, "_ids"):
		return max(16, workbook.HeaderWidth(key))
	}
	return workbook.HeaderWidth(key)
}

// Close saves the workbook and moves it onto its path. When a write failed it
// removes the workbook instead and returns that error.
func (s *xlsxSink) Close() error {
	if s.closed {
		return nil
	}
	err := s.finish()
	if err == nil {
		err = s.b.Write(s.tmp) // the zip goes to the file, not to a buffer
	}
	if cerr := s.b.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		_ = s.tmp.remove()
		return err
	}
	return s.tmp.commit()
}

func (s *xlsxSink) discard() error {
	if s.closed {
		return nil
	}
	_ = s.finish()
	_ = s.b.Close()
	return s.tmp.remove()
}

// xlsxSheet writes the rows of one sheet; the header row is the sheet's own.
type xlsxSheet struct {
	sh    *workbook.Sheet
	row   int
	cells []any
}

func (x *xlsxSheet) write(row []string) error {
	x.row++
	x.cells = x.cells[:0]
	for i, v := range row {
		if n := utf16Len(v); n > excelize.TotalCellChars {
			return fmt.Errorf("row %d, column %d: text of %d characters, over the %d a spreadsheet cell holds",
				x.row, i+1, n, excelize.TotalCellChars)
		}
		x.cells = append(x.cells, v) // text; "" is no cell
	}
	if x.row == 1 {
		return nil // written by the sheet as its header
	}
	return x.sh.Row(x.cells...)
}

func (x *xlsxSheet) close() error { return x.sh.Close() }

// utf16Len is the length of s in UTF-16 code units, as spreadsheets count.
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}
