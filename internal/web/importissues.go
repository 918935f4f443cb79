package web

import (
	"net/http"
	"strings"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/bundle/container"
	"github.com/tochuc/tochuc/internal/tochuc"
	"github.com/tochuc/tochuc/internal/workbook"
)

// issueRow is an import's error or warning as a clerk reads it: the file
// uploaded, the sheet (or the file inside a zip), the row, the column as
// the file heads it, and the message in Vietnamese.
type issueRow struct {
	File, Sheet string
	Line        int
	Column      string
	Vi          string
	Warning     bool
}

// splitLocation splits an issue's location ("book.xlsx!people",
// "bundle.zip:people.csv", "people.csv") into the file and the sheet.
func splitLocation(loc string) (file, sheet string) {
	if i := strings.LastIndex(loc, "!"); i >= 0 {
		return loc[:i], loc[i+1:]
	}
	if i := strings.Index(loc, ".zip:"); i >= 0 {
		return loc[:i+4], loc[i+5:]
	}
	return loc, ""
}

// columnHeader is a column as the clerk's file heads it: the Vietnamese
// header of a bundle column (the import reads either), else as written.
func columnHeader(file, sheet, col string) string {
	name := sheet
	if name == "" {
		name = file
	}
	if f := bundle.FileByLabel(strings.TrimSuffix(name, ".csv")); f != nil && col != "" {
		return f.ViHeader(col)
	}
	return col
}

// handleTemplate downloads the template workbook (Mẫu nhập liệu) that the
// import reads: Vietnamese headers, dropdown lists of labels, dates.
func (s *Server) handleTemplate(w http.ResponseWriter, r *http.Request) error {
	w.Header().Set("Content-Type", xlsxType)
	w.Header().Set("Content-Disposition", `attachment; filename="mau-nhap-lieu.xlsx"`)
	if err := container.WriteTemplate(w); err != nil {
		s.log.Error("xlsx", "err", err)
	}
	return nil
}

// IssueRows are the job's errors and warnings as rows.
func (j *importJob) IssueRows() []issueRow {
	if j.Report == nil {
		return nil
	}
	rows := make([]issueRow, 0, len(j.Report.Issues))
	for _, is := range j.Report.Issues {
		file, sheet := splitLocation(is.File)
		rows = append(rows, issueRow{File: file, Sheet: sheet, Line: is.Line, Column: columnHeader(file, sheet, is.Column), Vi: is.Vi, Warning: is.Warning})
	}
	return rows
}

// handleJobIssues downloads a job's errors and warnings as a workbook: file,
// sheet, row, column, kind and message, in Vietnamese.
func (s *Server) handleJobIssues(w http.ResponseWriter, r *http.Request) error {
	job, err := s.job(r)
	if err != nil {
		return err
	}
	rows := job.IssueRows()
	if job.Report == nil {
		return tochuc.Errorf(tochuc.ENotFound, "Lần nhập này chưa có kết quả kiểm tra.")
	}
	b, err := workbook.New()
	if err != nil {
		return err
	}
	defer b.Close()
	title := []string{"Danh sách lỗi và cảnh báo khi nhập tệp " + job.Name,
		tochuc.FormatInt(job.Report.Errors) + " lỗi, " + tochuc.FormatInt(job.Report.Warnings) + " cảnh báo; lập ngày " + tochuc.Today().Vietnamese()}
	if job.Report.Dropped > 0 {
		title = append(title, tochuc.FormatInt(job.Report.Dropped)+" mục không liệt kê (quá số mục tối đa)")
	}
	sh, err := b.Sheet("Lỗi", title, []workbook.Column{{Header: "Tệp", Width: 24}, {Header: "Trang tính, bảng", Width: 18},
		{Header: "Dòng", Width: 8}, {Header: "Cột", Width: 18}, {Header: "Mức", Width: 10}, {Header: "Nội dung", Width: 80}})
	if err != nil {
		return err
	}
	for _, is := range rows {
		kind := "Lỗi"
		if is.Warning {
			kind = "Cảnh báo"
		}
		var line any
		if is.Line > 0 {
			line = is.Line
		}
		if err := sh.Row(is.File, is.Sheet, line, is.Column, kind, is.Vi); err != nil {
			return err
		}
	}
	w.Header().Set("Content-Type", xlsxType)
	w.Header().Set("Content-Disposition", `attachment; filename="loi-nhap-`+job.ID+`.xlsx"`)
	if err := b.Write(w); err != nil {
		s.log.Error("xlsx", "err", err)
	}
	return nil
}
