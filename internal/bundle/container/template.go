package container

import (
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/tochuc"
	"github.com/tochuc/tochuc/internal/workbook"
)

// templateRows is how far down a sheet of the template its dropdowns reach.
const templateRows = 100000

// templateGuide is the template's first sheet.
var templateGuide = []string{
	"Mẫu nhập liệu — gói dữ liệu tochuc",
	"",
	"Mỗi trang tính là một bảng: Đơn vị, Nhân sự, Trình độ, Biến động đảng viên, Chức vụ, Biên chế, Văn bản…; dòng 1 là tiêu đề, mỗi dòng sau là một bản ghi.",
	"Cột có dấu (*) là bắt buộc. Có thể xóa các cột và trang tính không dùng, đổi thứ tự cột, thêm cột riêng có tên bắt đầu bằng x_.",
	"Ngày ghi theo dd/mm/yyyy (ví dụ 01/07/2025) hoặc nhập như một ô ngày của Excel.",
	"Các cột có danh sách chọn (Giới tính, Loại đơn vị, Chức vụ…) nhận nhãn tiếng Việt như trong danh sách (không phân biệt hoa thường, có dấu hay không dấu) hoặc mã của gói dữ liệu.",
	"Mã (mã đơn vị, mã người, mã văn bản) là mã riêng của đơn vị lập, không trùng nhau trong một bảng; một tham chiếu phải có trong sổ tính này hoặc trong cơ sở dữ liệu.",
	"Tải tệp lên ở trang Nhập dữ liệu: tệp được kiểm tra toàn bộ, mọi lỗi được liệt kê theo tệp, trang tính, dòng và cột; chỉ khi không còn lỗi mới ghi vào cơ sở dữ liệu.",
	"Đặc tả đầy đủ các cột: bundle-v1 (gói dữ liệu, phiên bản 1).",
}

// WriteTemplate writes the template workbook (Mẫu nhập liệu): a guide, one
// sheet per file of the bundle headed in Vietnamese, dropdown lists of the
// labels of every enumerated column (from tochuc.Label, kept on the sheet
// "Danh mục"), date columns shown as dd/mm/yyyy. The import reads it back
// (Vietnamese sheet names and headers, labels, dates).
func WriteTemplate(w io.Writer) error {
	f := excelize.NewFile()
	defer f.Close()
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"#E8EEF7"}}})
	if err != nil {
		return err
	}
	dateStyle, err := f.NewStyle(&excelize.Style{CustomNumFmt: strPtr(workbook.FormatDate)})
	if err != nil {
		return err
	}
	title, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 13}})
	if err != nil {
		return err
	}
	guide := TemplateHelpSheets[0]
	if err := f.SetSheetName(f.GetSheetName(0), guide); err != nil {
		return err
	}
	for i, line := range templateGuide {
		if line != "" {
			if err := f.SetCellStr(guide, cellAt(1, i+1), line); err != nil {
				return err
			}
		}
	}
	_ = f.SetCellStyle(guide, "A1", "A1", title)
	_ = f.SetColWidth(guide, "A", "A", 140)
	dims := map[string]string{guide: "A1:A" + fmt.Sprint(len(templateGuide))}

	lists := newTemplateLists()
	for _, file := range bundle.Files {
		sheet := tochuc.Label("file", file.Name)
		if _, err := f.NewSheet(sheet); err != nil {
			return err
		}
		for i, col := range file.Columns {
			h := file.ViHeader(col.Name)
			if col.Required {
				h += " (*)"
			}
			cell := cellAt(i+1, 1)
			if err := f.SetCellStr(sheet, cell, h); err != nil {
				return err
			}
			name, _ := excelize.ColumnNumberToName(i + 1)
			width := max(workbook.HeaderWidth(h), 12)
			if col.Name == "name" || col.Name == "full_name" || col.Name == "title" {
				width = 36
			}
			if err := f.SetColWidth(sheet, name, name, width); err != nil {
				return err
			}
			if col.Type == bundle.Date { // a column style: no cell is written
				if err := f.SetColStyle(sheet, name, dateStyle); err != nil {
					return err
				}
			}
			if ref := lists.of(file, col); ref != "" {
				dv := excelize.NewDataValidation(true)
				dv.Sqref = cellAt(i+1, 2) + ":" + cellAt(i+1, templateRows)
				dv.SetSqrefDropList(ref)
				dv.SetError(excelize.DataValidationErrorStyleWarning, "Giá trị không có trong danh sách",
					"Hãy chọn một giá trị trong danh sách (trang tính "+TemplateHelpSheets[1]+").")
				if err := f.AddDataValidation(sheet, dv); err != nil {
					return err
				}
			}
		}
		last := cellAt(len(file.Columns), 1)
		if err := f.SetCellStyle(sheet, "A1", last, bold); err != nil {
			return err
		}
		if err := f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
			return err
		}
		dims[sheet] = "A1:" + last
	}
	if err := lists.write(f, bold); err != nil {
		return err
	}
	dims[TemplateHelpSheets[1]] = lists.dimension()
	for sheet, ref := range dims {
		if err := f.SetSheetDimension(sheet, ref); err != nil {
			return err
		}
	}
	f.SetActiveSheet(0)
	return f.Write(w)
}

func strPtr(s string) *string { return &s }

func cellAt(col, row int) string {
	c, _ := excelize.CoordinatesToCellName(col, row)
	return c
}

// templateLists are the dropdown lists of the template, one column each of
// the sheet "Danh mục": a header, then the labels.
type templateLists struct {
	heads  []string
	labels [][]string
	byKey  map[string]int
}

func newTemplateLists() *templateLists { return &templateLists{byKey: map[string]int{}} }

// of returns the range of the list of a column's labels, "" for a column
// without one.
func (l *templateLists) of(f *bundle.File, col bundle.Column) string {
	vocab, codes, head := col.Vocab, col.Enum, f.ViHeader(col.Name)
	switch {
	case f.Name == "qualifications" && col.Name == "kind":
		vocab, codes = "qualification", tochuc.QualificationKinds()
	case f.Name == "qualifications" && col.Name == "level":
		vocab, head = "level", "Trình độ (chuyên môn; lý luận chính trị)"
	case codes == nil:
		return ""
	}
	i, ok := l.byKey[vocab]
	if !ok {
		var labels []string
		if vocab == "level" {
			labels = tochuc.VocabLabels(tochuc.QualEducation, tochuc.QualificationLevels(tochuc.QualEducation))
			for _, s := range tochuc.VocabLabels(tochuc.QualPoliticalTheory, tochuc.QualificationLevels(tochuc.QualPoliticalTheory)) {
				if !contains(labels, s) {
					labels = append(labels, s)
				}
			}
		} else {
			labels = tochuc.VocabLabels(vocab, codes)
		}
		i = len(l.heads)
		l.byKey[vocab] = i
		l.heads = append(l.heads, head)
		l.labels = append(l.labels, labels)
	}
	name, _ := excelize.ColumnNumberToName(i + 1)
	return fmt.Sprintf("'%s'!$%s$2:$%s$%d", TemplateHelpSheets[1], name, name, len(l.labels[i])+1)
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// write puts the lists on their sheet.
func (l *templateLists) write(f *excelize.File, bold int) error {
	sheet := TemplateHelpSheets[1]
	if _, err := f.NewSheet(sheet); err != nil {
		return err
	}
	for i, head := range l.heads {
		if err := f.SetCellStr(sheet, cellAt(i+1, 1), head); err != nil {
			return err
		}
		for j, s := range l.labels[i] {
			if err := f.SetCellStr(sheet, cellAt(i+1, j+2), s); err != nil {
				return err
			}
		}
		name, _ := excelize.ColumnNumberToName(i + 1)
		_ = f.SetColWidth(sheet, name, name, 30)
	}
	return f.SetCellStyle(sheet, "A1", cellAt(max(len(l.heads), 1), 1), bold)
}

// dimension is the used range of the lists' sheet.
func (l *templateLists) dimension() string {
	rows := 1
	for _, ls := range l.labels {
		rows = max(rows, len(ls)+1)
	}
	return "A1:" + cellAt(max(len(l.heads), 1), rows)
}
