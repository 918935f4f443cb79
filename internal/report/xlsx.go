package report

import (
	"io"
	"strconv"

	"github.com/tochuc/tochuc/internal/indicator"
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
