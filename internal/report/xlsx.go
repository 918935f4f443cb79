package report

import (
	"archive/zip"
	"io"
	"strconv"

	"github.com/tochuc/tochuc/internal/indicator"
	"github.com/tochuc/tochuc/internal/tochuc"
	"github.com/xuri/excelize/v2"
)

// WriteXLSX writes the report as a workbook with one sheet "chi_tieu";
// numbers are stored as numbers.
func WriteXLSX(w io.Writer, r *indicator.Result) error {
	f := excelize.NewFile()
	defer f.Close()
	sheet := "chi_tieu"
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	for i, row := range Rows(r) {
		for j, cell := range row {
			name, _ := excelize.CoordinatesToCellName(j+1, i+1)
			var v any = cell
			if i > 0 && j >= 3 && cell != "" {
				if n, err := strconv.ParseFloat(cell, 64); err == nil {
					v = n
				}
			}
			if err := f.SetCellValue(sheet, name, v); err != nil {
				return err
			}
		}
	}
	return f.Write(w)
}

// WriteExplanationXLSX writes an explanation's items as a one-sheet
// workbook ("ban_ghi": id, name, part, counted, amount), streamed: the rows
// go through excelize's StreamWriter (temporary files past a few thousand)
// and the zip straight to w. A sheet holds at most excelize.TotalRows rows.
func WriteExplanationXLSX(w io.Writer, e *indicator.Explanation) error {
	f := excelize.NewFile()
	defer f.Close()
	sheet := "ban_ghi"
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	row := 1
	add := func(cells []any) error {
		if row > excelize.TotalRows {
			return tochuc.Errorf(tochuc.EInvalid, "Quá %s dòng, số dòng tối đa của một trang tính: hãy tải về dạng CSV.", tochuc.FormatInt(excelize.TotalRows-1))
		}
		cell, _ := excelize.CoordinatesToCellName(1, row)
		row++
		return sw.SetRow(cell, cells)
	}
	head := explanationHead(false)
	if err := add([]any{head[0], head[1], head[2], head[3], head[4]}); err != nil {
		return err
	}
	err = e.EachOf(func(it indicator.Item) error {
		cells := []any{it.ID, it.Name, it.Part, 0, nil}
		if it.Counted {
			cells[3] = 1
		}
		if it.Amount != nil {
			cells[4] = *it.Amount
		}
		return add(cells)
	})
	if err != nil {
		return err
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	f.ZipWriter = func(io.Writer) excelize.ZipWriter { return zip.NewWriter(w) }
	return f.Write(io.Discard)
}
