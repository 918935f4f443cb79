package container

import (
	"fmt"
	"io"
	"path/filepath"
	"slices"

	"github.com/xuri/excelize/v2"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// xlsxSource is an .xlsx workbook with one sheet per file. Sheets are read
// row by row with excelize's streaming iterator, once checkXLSX has made sure
// that excelize will not hold too much in memory.
type xlsxSource struct {
	base  string // base name of the workbook, for Location
	f     *excelize.File
	names []string
	// sheets maps a file to its sheet where the sheet has the file's
	// Vietnamese name ("Nhân sự" for people), as a board's workbook and the
	// template (Mẫu nhập liệu) name them.
	sheets map[string]string
}

// TemplateHelpSheets are the sheets of the template that hold no data: the
// guide and the lists its dropdowns offer; the import passes over them.
var TemplateHelpSheets = []string{"Hướng dẫn", "Danh mục"}

// nameSheets names each sheet by its file: a sheet with a file's Vietnamese
// name stands for that file, the template's help sheets are left out.
func (s *xlsxSource) nameSheets(sheets []string) {
	s.sheets = map[string]string{}
	for _, sh := range sheets {
		if slices.ContainsFunc(TemplateHelpSheets, func(h string) bool { return tochuc.FoldLabel(h) == tochuc.FoldLabel(sh) }) {
			continue
		}
		name := sh
		if f := bundle.FileByLabel(sh); f != nil && f.Name != sh && !slices.Contains(sheets, f.Name) {
			if _, dup := s.sheets[f.Name]; !dup {
				name = f.Name
				s.sheets[name] = sh
			}
		}
		s.names = append(s.names, name)
	}
}

// sheet is the sheet that holds a file.
func (s *xlsxSource) sheet(name string) string {
	if sh, ok := s.sheets[name]; ok {
		return sh
	}
	return name
}

func openXLSX(p string) (_ *xlsxSource, err error) {
	if err := checkXLSX(p); err != nil {
		return nil, err
	}
	defer recoverXLSX(filepath.Base(p), &err)
	f, err := excelize.OpenFile(p, excelize.Options{UnzipSizeLimit: MaxUnzippedBytes, UnzipXMLSizeLimit: xlsxStreamed})
	if err != nil {
		return nil, err
	}
	s := &xlsxSource{base: filepath.Base(p), f: f}
	s.nameSheets(f.GetSheetList())
	if err := plainNumberFormats(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("%s: %w", s.base, err)
	}
	slices.Sort(s.names)
	return s, nil
}

// plainNumberFormats rewrites the number formats of the workbook's cell
// styles, in memory only, so that excelize's formatted cell values are what
// a bundle wants: a date cell as YYYY-MM-DD, any other number as its plain
// text (12, not 12.00 or 1.2E+1), text as it is. The streaming row iterator
// gives no access to a cell's style, so the formats are changed instead.
func plainNumberFormats(f *excelize.File) error {
	code := "yyyy-mm-dd"
	dateStyle, err := f.NewStyle(&excelize.Style{CustomNumFmt: &code})
	if err != nil {
		return fmt.Errorf("read styles: %w", err)
	}
	st := f.Styles // loaded by NewStyle
	if st == nil || st.CellXfs == nil || dateStyle >= len(st.CellXfs.Xf) || st.CellXfs.Xf[dateStyle].NumFmtID == nil {
		return fmt.Errorf("read styles: no cell formats")
	}
	dateFmt := *st.CellXfs.Xf[dateStyle].NumFmtID
	custom := map[int]string{}
	if st.NumFmts != nil {
		for _, nf := range st.NumFmts.NumFmt {
			custom[nf.NumFmtID] = nf.FormatCode
			if nf.FormatCode16 != "" {
				custom[nf.NumFmtID] = nf.FormatCode16
			}
		}
	}
	for i := range st.CellXfs.Xf {
		xf := &st.CellXfs.Xf[i]
		id := 0
		if xf.NumFmtID != nil {
			id = *xf.NumFmtID
		}
		code, isCustom := custom[id]
		if (isCustom && isDateFormat(code)) || (!isCustom && isBuiltInDateFormat(id)) {
			v := dateFmt
			xf.NumFmtID = &v
		} else {
			xf.NumFmtID = nil // General: excelize then gives the number as is
		}
	}
	return nil
}

// isBuiltInDateFormat reports whether a built-in number format shows a date
// (14-17 and 22 in every locale, 27-31, 36 and 50-58 in East Asian ones).
func isBuiltInDateFormat(id int) bool {
	return (id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 31) || id == 36 || (id >= 50 && id <= 58)
}

// isDateFormat reports whether a custom number format code shows a date: it
// has a day or year token outside quoted text, escapes and [...] parts.
// (A month token alone is ambiguous with minutes and is not enough.)
func isDateFormat(code string) bool {
	for i := 0; i < len(code); i++ {
		switch c := code[i]; c {
		case '"':
			for i++; i < len(code) && code[i] != '"'; i++ {
			}
		case '[':
			for i++; i < len(code) && code[i] != ']'; i++ {
			}
		case '\\', '_', '*':
			i++ // the next character is literal, a space width or a fill
		case 'd', 'D', 'y', 'Y':
			return true
		}
	}
	return false
}

// Names lists the sheets of the workbook, sorted.
func (s *xlsxSource) Names() []string { return slices.Clone(s.names) }

// Open streams the rows of a sheet.
func (s *xlsxSource) Open(name string) (_ bundle.RowReader, err error) {
	defer recoverXLSX(s.base, &err)
	if !slices.Contains(s.names, name) {
		return nil, fmt.Errorf("no sheet %q in %s", name, s.base)
	}
	rows, err := s.f.Rows(s.sheet(name))
	if err != nil {
		return nil, err
	}
	return &xlsxReader{rows: rows, base: s.base}, nil
}

// Location is the workbook and the sheet, e.g. "book.xlsx!units",
// "so-lieu.xlsx!Nhân sự".
func (s *xlsxSource) Location(name string) string { return s.base + "!" + s.sheet(name) }

// Close closes the workbook and removes its temporary files.
func (s *xlsxSource) Close() error { return s.f.Close() }

// xlsxReader reads the rows of one sheet.
type xlsxReader struct {
	rows *excelize.Rows
	row  int
	base string // the workbook's base name, for messages
}

// Next returns the next row that has a non-blank cell, or io.EOF. Trailing
// empty cells are not returned, so a row may be shorter than the header.
func (r *xlsxReader) Next() (_ []string, err error) {
	defer recoverXLSX(r.base, &err)
	for r.rows.Next() {
		r.row++
		cells, err := r.rows.Columns()
		if err != nil {
			return nil, fmt.Errorf("row %d: %w", r.row, err)
		}
		if err := r.checkSize(cells); err != nil {
			return nil, err
		}
		if !isBlankRow(cells) {
			return cells, nil
		}
	}
	if err := r.rows.Error(); err != nil {
		return nil, fmt.Errorf("after row %d: %w", r.row, err)
	}
	return nil, io.EOF
}

// recoverXLSX turns a panic of excelize on a malformed workbook into an
// error: the workbook is refused, the server goes on.
func recoverXLSX(base string, err *error) {
	if v := recover(); v != nil {
		*err = &bundle.ReadError{Vi: fmt.Sprintf("sổ tính %s bị hỏng, không đọc được (%v)", base, v),
			En: fmt.Sprintf("workbook %s is damaged and cannot be read (%v)", base, v)}
	}
}

// checkSize refuses a row that passes a limit of limits.go.
func (r *xlsxReader) checkSize(cells []string) error {
	if len(cells) > MaxRowCells {
		return readErrorf("dòng %d: dòng có quá %d ô", "row %d: more than %d cells", r.row, MaxRowCells)
	}
	total := 0
	for i, s := range cells {
		if len(s) > MaxCellBytes {
			col, _ := excelize.ColumnNumberToName(i + 1)
			return &bundle.ReadError{Vi: fmt.Sprintf("dòng %d, cột %s: ô dài quá %s", r.row, col, sizeText(MaxCellBytes)),
				En: fmt.Sprintf("row %d, column %s: cell longer than %s", r.row, col, sizeText(MaxCellBytes))}
		}
		total += len(s)
	}
	if total > MaxRowBytes {
		return readErrorf("dòng %d: dòng dài quá %s", "row %d: row longer than %s", r.row, sizeText(MaxRowBytes))
	}
	return nil
}

// Line returns the sheet row number of the last row returned by Next.
func (r *xlsxReader) Line() int { return r.row }

// Close ends the reading of the sheet.
func (r *xlsxReader) Close() error { return r.rows.Close() }
