package workbook

import (
	"archive/zip"
	"io"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// Display formats of the cells written for people. A format code is the same
// in every locale: Excel shows #,##0 as 1.186 on a Vietnamese system.
const (
	FormatDate    = "dd/mm/yyyy"
	FormatInt     = "#,##0"
	FormatPercent = "0.0%"
)

// Book is a workbook being written, one sheet after another.
type Book struct {
	f      *excelize.File
	sheets []*Sheet
	// styles: bold header, title, date, integer, percent.
	bold, title, date, integer, percent int
}

// New starts an empty workbook.
func New() (*Book, error) {
	f := excelize.NewFile()
	b := &Book{f: f}
	var err error
	styles := []struct {
		id *int
		s  excelize.Style
	}{
		{&b.bold, excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}}},
		{&b.title, excelize.Style{Font: &excelize.Font{Bold: true, Size: 13}}},
		{&b.date, excelize.Style{CustomNumFmt: strp(FormatDate)}},
		{&b.integer, excelize.Style{NumFmt: 3}}, // #,##0
		{&b.percent, excelize.Style{CustomNumFmt: strp(FormatPercent)}},
	}
	for _, s := range styles {
		if *s.id, err = f.NewStyle(&s.s); err != nil {
			_ = f.Close()
			return nil, err
		}
	}
	return b, nil
}

func strp(s string) *string { return &s }

// Column describes a column of a sheet: its header and its width in
// characters (0: from the header's length).
type Column struct {
	Header string
	Width  float64
}

// Sheet starts a sheet named name with the given title lines (bold, above the
// header: what the sheet is, its date, scope, source) and columns; the header
// row is bold and frozen. The first sheet replaces the workbook's default one.
// The previous sheet must be closed.
func (b *Book) Sheet(name string, title []string, cols []Column) (*Sheet, error) {
	var err error
	if len(b.sheets) == 0 {
		err = b.f.SetSheetName(b.f.GetSheetName(0), name)
	} else {
		_, err = b.f.NewSheet(name)
	}
	if err != nil {
		return nil, err
	}
	sw, err := b.f.NewStreamWriter(name)
	if err != nil {
		return nil, err
	}
	path, _ := sheetPath(b.f, name)
	s := &Sheet{b: b, sw: sw, path: path}
	b.sheets = append(b.sheets, s)
	head := len(title) + 1
	if len(cols) > 0 {
		err = sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: head, TopLeftCell: cellName(1, head+1), ActivePane: "bottomLeft"})
		if err != nil {
			return nil, err
		}
	}
	for i, c := range cols {
		w := c.Width
		if w == 0 {
			w = HeaderWidth(c.Header)
		}
		if err := sw.SetColWidth(i+1, i+1, w); err != nil {
			return nil, err
		}
	}
	for _, t := range title {
		if err := s.add([]any{excelize.Cell{StyleID: b.title, Value: t}}); err != nil {
			return nil, err
		}
	}
	if len(cols) > 0 {
		row := make([]any, len(cols))
		for i, c := range cols {
			row[i] = excelize.Cell{StyleID: b.bold, Value: c.Header}
		}
		if err := s.add(row); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// HeaderWidth is a column width fitting a header: its length plus a margin,
// at least 8 and at most 40 characters (a longer header wraps).
func HeaderWidth(h string) float64 {
	n := float64(len([]rune(h))) + 2
	return min(max(n, 8), 40)
}

// Write closes the last sheet and writes the workbook to w, every sheet's
// dimension set to its used range. The zip goes straight to w.
func (b *Book) Write(w io.Writer) error {
	dims := map[string]string{}
	for _, s := range b.sheets {
		if err := s.Close(); err != nil {
			return err
		}
		dims[s.path] = s.Dimension()
	}
	b.f.ZipWriter = func(io.Writer) excelize.ZipWriter { return &dimZip{Writer: zip.NewWriter(w), dims: dims} }
	return b.f.Write(io.Discard)
}

// Close releases the workbook's temporary files.
func (b *Book) Close() error { return b.f.Close() }

// Sheet is a sheet being written row by row.
type Sheet struct {
	b       *Book
	sw      *excelize.StreamWriter
	path    string
	row     int // rows written
	maxCol  int // the rightmost column holding a cell
	minCol  int
	firstRo int // the first row holding a cell
	lastRow int
	closed  bool
	cells   []any
}

// Row writes the next row. A value is written as what it is: nil or "" as no
// cell, a string as text, an int or a float as a number in #,##0 (a float
// keeps its decimals), a tochuc.Date or time.Time as a date cell in
// dd/mm/yyyy (the zero date as no cell), Percent as a percentage, and an
// excelize.Cell as given.
func (s *Sheet) Row(values ...any) error {
	s.cells = s.cells[:0]
	for _, v := range values {
		s.cells = append(s.cells, s.b.cell(v))
	}
	return s.add(s.cells)
}

// Percent is a share (0.631 for 63,1 %) written as a percentage cell.
type Percent float64

func (b *Book) cell(v any) any {
	switch v := v.(type) {
	case nil:
		return nil
	case string:
		if v == "" {
			return nil
		}
		return v
	case *int:
		if v == nil {
			return nil
		}
		return excelize.Cell{StyleID: b.integer, Value: *v}
	case int, int64:
		return excelize.Cell{StyleID: b.integer, Value: v}
	case Percent:
		return excelize.Cell{StyleID: b.percent, Value: float64(v)}
	case tochuc.Date:
		if v == 0 {
			return nil
		}
		return excelize.Cell{StyleID: b.date, Value: v.Time()}
	case time.Time:
		if v.IsZero() {
			return nil
		}
		return excelize.Cell{StyleID: b.date, Value: v}
	}
	return v
}

func (s *Sheet) add(cells []any) error {
	s.row++
	first, last := 0, 0
	for i, c := range cells {
		if c != nil {
			if first == 0 {
				first = i + 1
			}
			last = i + 1
		}
	}
	if last > 0 {
		if s.firstRo == 0 {
			s.firstRo = s.row
		}
		s.lastRow = s.row
		if s.minCol == 0 || first < s.minCol {
			s.minCol = first
		}
		s.maxCol = max(s.maxCol, last)
	}
	return s.sw.SetRow(cellName(1, s.row), cells)
}

// Rows is the number of rows written.
func (s *Sheet) Rows() int { return s.row }

// Dimension is the sheet's used range, e.g. "A1:G120" ("A1" for an empty sheet).
func (s *Sheet) Dimension() string {
	if s.lastRow == 0 {
		return "A1"
	}
	from, to := cellName(s.minCol, s.firstRo), cellName(s.maxCol, s.lastRow)
	if from == to {
		return from
	}
	return from + ":" + to
}

// Close ends the sheet; Write closes the sheets left open.
func (s *Sheet) Close() error {
	if s.closed {
		return nil
	}
	s.closed = true
	return s.sw.Flush()
}

func cellName(col, row int) string {
	c, _ := excelize.CoordinatesToCellName(col, row)
	return c
}

// MaxRows is the most rows a sheet holds (Excel's limit).
const MaxRows = excelize.TotalRows
