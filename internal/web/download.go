package web

import (
	"net/http"
	"os"
	"path/filepath"

	"github.com/xuri/excelize/v2"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// handleExport downloads the whole registry as a bundle (.zip or .xlsx), for administrators.
func (s *Server) handleExport(w http.ResponseWriter, r *http.Request) {
	u, _ := userOf(r.Context())
	if u.Role != tochuc.RoleAdmin && !(u.CanReadAudit() && u.WholeRegistry()) {
		s.fail(w, r, tochuc.Errorf(tochuc.EForbidden, "Chỉ quản trị viên và kiểm tra viên toàn hệ thống được tải toàn bộ dữ liệu."))
		return
	}
	ext := ".zip"
	if r.URL.Query().Get("dang") == "xlsx" {
		ext = ".xlsx"
	}
	dir, err := os.MkdirTemp("", "tochuc-export-")
	if err != nil {
		s.fail(w, r, err)
		return
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "tochuc"+ext)
	sink, err := bundle.CreateSink(path)
	if err == nil {
		if _, err = bundle.Export(s.registry(r.Context()), sink); err != nil {
			bundle.Discard(sink)
		} else {
			err = sink.Close()
		}
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.audit(r.Context(), u.Login, "bundle.export", clientIP(r), map[string]any{"format": ext})
	w.Header().Set("Content-Disposition", `attachment; filename="tochuc-`+tochuc.Today().String()+ext+`"`)
	http.ServeFile(w, r, path)
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
