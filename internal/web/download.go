package web

import (
	"net/http"
	"os"
	"path/filepath"

	"github.com/xuri/excelize/v2"

	"github.com/tochuc/tochuc/internal/app"
	"github.com/tochuc/tochuc/internal/bundle/container"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// handleExport downloads, as a bundle (.zip or .xlsx), the registry, or for a
// user with a scope the part of it that belongs to the scope.
func (s *Server) handleExport(w http.ResponseWriter, r *http.Request) error {
	ext := ".zip"
	if r.URL.Query().Get("dang") == "xlsx" {
		ext = ".xlsx"
	}
	dir, err := os.MkdirTemp("", "tochuc-export-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "tochuc"+ext)
	sink, err := container.CreateSink(path)
	if err == nil {
		if _, err = s.app.Export(r.Context(), s.actor(r), app.Recorded{}, sink); err != nil {
			container.Discard(sink)
		} else {
			err = sink.Close()
		}
	}
	if err != nil {
		return err
	}
	w.Header().Set("Content-Disposition", `attachment; filename="tochuc-`+tochuc.Today().String()+ext+`"`)
	http.ServeFile(w, r, path)
	return nil
}

// writeXLSX sends rows (the first is the header) as a one-sheet workbook.
func writeXLSX(w http.ResponseWriter, filename, sheet string, rows [][]any) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	for i, row := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(sheet, cell, &row); err != nil {
			return err
		}
	}
	w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	w.Header().Set("Content-Disposition", `attachment; filename="`+filename+`"`)
	return f.Write(w)
}

// peopleXLSX sends the people list (all pages, as filtered) as a workbook.
func (s *Server) peopleXLSX(w http.ResponseWriter, r *http.Request, d tochuc.Date, rows []personEntry) {
	out := [][]any{{"Mã", "Họ và tên", "Giới tính", "Ngày sinh", "Dân tộc", "Tôn giáo", "Ngày từ trần"}}
	for _, p := range rows {
		out = append(out, []any{p.ID, p.FullName, p.GenderLabel(), p.BirthDate.Vietnamese(), p.Ethnicity, p.Religion, p.DiedOn.Vietnamese()})
	}
	if err := writeXLSX(w, "nhan-su-"+d.String()+".xlsx", "nhan_su", out); err != nil {
		s.log.Error("xlsx", "err", err)
	}
}
