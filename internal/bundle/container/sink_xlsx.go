package container

import (
	"archive/zip"
	"fmt"
	"io"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"

	"github.com/tochuc/tochuc/internal/bundle"
)

// xlsxSink writes a workbook with one sheet per file. Rows go through
// excelize's StreamWriter, which keeps large sheets in temporary files; every
// cell is a text cell, the header row is bold and frozen.
type xlsxSink struct {
	sinkFiles
	tmp    *tempFile
	f      *excelize.File
	bold   int
	sheets int
}

func newXLSXSink(path string) (*xlsxSink, error) {
	tmp, err := newTempFile(path)
	if err != nil {
		return nil, err
	}
	f := excelize.NewFile()
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		_ = f.Close()
		_ = tmp.remove()
		return nil, err
	}
	return &xlsxSink{tmp: tmp, f: f, bold: bold}, nil
}

// Create starts a sheet named name; the first one replaces the default sheet.
func (s *xlsxSink) Create(name string, header []string) (bundle.RowWriter, error) {
	return s.start(name, header, func(name string) (fileWriter, error) {
		var err error
		if s.sheets == 0 {
			err = s.f.SetSheetName(s.f.GetSheetName(0), name)
		} else {
			_, err = s.f.NewSheet(name)
		}
		if err != nil {
			return nil, err
		}
		s.sheets++
		sw, err := s.f.NewStreamWriter(name)
		if err != nil {
			return nil, err
		}
		err = sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
		if err != nil {
			return nil, err
		}
		return &xlsxSheet{sw: sw, bold: s.bold}, nil
	})
}

// Close saves the workbook and moves it onto its path. When a write failed it
// removes the workbook instead and returns that error.
func (s *xlsxSink) Close() error {
	if s.closed {
		return nil
	}
	err := s.finish()
	if err == nil {
		err = s.save()
	}
	if cerr := s.f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		_ = s.tmp.remove()
		return err
	}
	return s.tmp.commit()
}

// save writes the workbook to the temporary file. excelize's Write builds the
// whole zip in a memory buffer unless its ZipWriter is replaced: the one here
// writes to the file directly and the buffer stays empty.
func (s *xlsxSink) save() error {
	s.f.ZipWriter = func(io.Writer) excelize.ZipWriter { return zip.NewWriter(s.tmp) }
	return s.f.Write(io.Discard)
}

func (s *xlsxSink) discard() error {
	if s.closed {
		return nil
	}
	_ = s.finish()
	_ = s.f.Close()
	return s.tmp.remove()
}

// xlsxSheet writes the rows of one sheet.
type xlsxSheet struct {
	sw    *excelize.StreamWriter
	bold  int
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
		switch {
		case v == "":
			x.cells = append(x.cells, nil) // no cell
		case x.row == 1:
			x.cells = append(x.cells, excelize.Cell{StyleID: x.bold, Value: v})
		default:
			x.cells = append(x.cells, v) // strings become inline text cells
		}
	}
	cell, err := excelize.CoordinatesToCellName(1, x.row)
	if err != nil {
		return err
	}
	return x.sw.SetRow(cell, x.cells)
}

func (x *xlsxSheet) close() error { return x.sw.Flush() }

// utf16Len is the length of s in UTF-16 code units, as spreadsheets count.
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}
