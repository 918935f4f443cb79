package web

import (
	"errors"
	"net/http"
	"os"
	"path/filepath"

	"github.com/xuri/excelize/v2"

	"github.com/tochuc/tochuc/internal/app"
	"github.com/tochuc/tochuc/internal/bundle/container"
	"github.com/tochuc/tochuc/internal/sqldb"
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

// maxSheetRows is the most rows a worksheet holds (Excel's limit).
const maxSheetRows = excelize.TotalRows

// peopleXLSX sends the people list (all pages, as filtered) as a workbook,
// streamed from the database into excelize's stream writer (which spills
// to a temporary file past a few MB): memory does not grow with the list.
// A list longer than a worksheet ends with a row saying so.
func (s *Server) peopleXLSX(w http.ResponseWriter, r *http.Request, d tochuc.Date, f sqldb.PeopleFilter) error {
	x := excelize.NewFile()
	defer x.Close()
	const sheet = "nhan_su"
	if err := x.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	sw, err := x.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	row := 1
	put := func(cells ...any) error {
		cell, _ := excelize.CoordinatesToCellName(1, row)
		row++
		return sw.SetRow(cell, cells)
	}
	if err := put("Mã", "Họ và tên", "Giới tính", "Ngày sinh", "Dân tộc", "Tôn giáo", "Ngày từ trần"); err != nil {
		return err
	}
	errFull := errors.New("sheet full")
	err = s.registry.EachPerson(r.Context(), f, func(p tochuc.Person) error {
		if row >= maxSheetRows {
			return errFull
		}
		return put(p.ID, p.FullName, p.GenderLabel(), p.BirthDate.Vietnamese(), p.Ethnicity, p.Religion, p.DiedOn.Vietnamese())
	})
	if errors.Is(err, errFull) {
		err = put("Danh sách dài hơn một trang tính: chỉ có " + tochuc.FormatInt(row-2) + " người đầu; hãy lọc để tải phần còn lại.")
	}
	if err == nil {
		err = sw.Flush()
	}
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	w.Header().Set("Content-Disposition", `attachment; filename="nhan-su-`+d.String()+`.xlsx"`)
	if err := x.Write(w); err != nil {
		s.log.Error("xlsx", "err", err)
	}
	return nil
}
