package web

import (
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"time"

	"github.com/tochuc/tochuc/internal/app"
	"github.com/tochuc/tochuc/internal/bundle/container"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/tochuc"
	"github.com/tochuc/tochuc/internal/workbook"
)

// handleExport downloads, as a bundle (.zip or .xlsx), the registry, or for a
// user with a scope the part of it that belongs to the scope.
func (s *Server) handleExport(w http.ResponseWriter, r *http.Request) error {
	ext := ".zip"
	if r.URL.Query().Get("dang") == "xlsx" {
		ext = ".xlsx"
	}
	since, err := app.ParseRecorded(r.URL.Query().Get("thay_doi_sau"))
	if err != nil {
		return tochuc.Errorf(tochuc.EInvalid, "%s", err.Error())
	}
	rec := app.Recorded{}
	if since.At != 0 {
		rec = sqldb.RecordedAt(time.Now()) // the package's end: where the next one starts
		w.Header().Set("X-Tochuc-Recorded-At", time.UnixMicro(rec.At).UTC().Format(time.RFC3339Nano))
	}
	dir, err := os.MkdirTemp("", "tochuc-export-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "tochuc"+ext)
	sign := ext == ".zip" && s.signKey != nil && r.URL.Query().Get("chu_ky") != ""
	at := time.Now()
	sink, err := container.CreateSink(path)
	if err == nil {
		if _, err = s.app.ExportChangedSince(r.Context(), s.actor(r), rec, since, sink); err != nil {
			container.Discard(sink)
		} else {
			err = sink.Close()
		}
	}
	if err == nil && sign {
		err = s.signExport(r, path, at)
	}
	if err != nil {
		return err
	}
	w.Header().Set("Content-Disposition", `attachment; filename="tochuc-`+tochuc.Today().String()+ext+`"`)
	http.ServeFile(w, r, path)
	return nil
}

// writeXLSX sends rows (the first is the header) as a one-sheet workbook:
// a bold frozen header, dates and numbers as cells in dd/mm/yyyy and #,##0
// (see workbook.Sheet.Row), the dimension its used range.
func writeXLSX(w http.ResponseWriter, filename, sheet string, rows [][]any) error {
	b, err := workbook.New()
	if err != nil {
		return err
	}
	defer b.Close()
	var cols []workbook.Column
	for _, h := range rows[0] {
		h, _ := h.(string)
		cols = append(cols, workbook.Column{Header: h, Width: max(workbook.HeaderWidth(h), 12)})
	}
	s, err := b.Sheet(sheet, nil, cols)
	if err != nil {
		return err
	}
	for _, row := range rows[1:] {
		if err := s.Row(row...); err != nil {
			return err
		}
	}
	w.Header().Set("Content-Type", xlsxType)
	w.Header().Set("Content-Disposition", `attachment; filename="`+filename+`"`)
	return b.Write(w)
}

// maxSheetRows is the most rows a worksheet holds (Excel's limit).
const maxSheetRows = workbook.MaxRows

// peopleColumns are the people list's columns in its workbook.
var peopleColumns = []workbook.Column{{Header: "Mã", Width: 12}, {Header: "Họ và tên", Width: 30}, {Header: "Giới tính", Width: 10},
	{Header: "Ngày sinh", Width: 12}, {Header: "Dân tộc", Width: 12}, {Header: "Tôn giáo", Width: 14}, {Header: "Ngày từ trần", Width: 13}}

// peopleXLSX sends the people list (all pages, as filtered) as a workbook,
// streamed from the database into a streamed sheet (which spills to a
// temporary file past a few MB): memory does not grow with the list. Dates
// are date cells. A list longer than a worksheet ends with a row saying so.
func (s *Server) peopleXLSX(w http.ResponseWriter, r *http.Request, d tochuc.Date, f sqldb.PeopleFilter) error {
	b, err := workbook.New()
	if err != nil {
		return err
	}
	defer b.Close()
	sh, err := b.Sheet("Nhân sự", nil, peopleColumns)
	if err != nil {
		return err
	}
	errFull := errors.New("sheet full")
	err = s.registry.EachPerson(r.Context(), f, func(p tochuc.Person) error {
		if sh.Rows() >= maxSheetRows-1 { // one row left for the note
			return errFull
		}
		return sh.Row(p.ID, p.FullName, p.GenderLabel(), p.BirthDate, p.Ethnicity, p.Religion, p.DiedOn)
	})
	if errors.Is(err, errFull) {
		err = sh.Row("Danh sách dài hơn một trang tính: chỉ có " + tochuc.FormatInt(sh.Rows()-1) + " người đầu; hãy lọc để tải phần còn lại.")
	}
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", xlsxType)
	w.Header().Set("Content-Disposition", `attachment; filename="nhan-su-`+d.String()+`.xlsx"`)
	if err := b.Write(w); err != nil {
		s.log.Error("xlsx", "err", err)
	}
	return nil
}
