package container

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/tochuc"
	"github.com/tochuc/tochuc/internal/workbook"
)

// TestTemplateFilledIsImported fills the template as a board would —
// Vietnamese sheets and headers, labels from its dropdowns, dates as date
// cells and as dd/mm/yyyy text — and reads it back as a bundle: the same
// records as the bundle's own codes give; a wrong label is an error that
// names the workbook, its sheet, the row and the column.
func TestTemplateFilledIsImported(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteTemplate(&buf); err != nil {
		t.Fatal(err)
	}
	if m, err := workbook.Mismatch(buf.Bytes()); err != nil || m != "" {
		t.Errorf("template: %v %s", err, m)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	head, _ := f.GetRows("Nhân sự")
	if got := strings.Join(head[0], "|"); !strings.HasPrefix(got, "Mã người (*)|Họ và tên (*)|Giới tính|Ngày sinh") {
		t.Errorf("people header %q", got)
	}
	dvs, _ := f.GetDataValidations("Nhân sự")
	var gender string
	for _, dv := range dvs {
		if strings.HasPrefix(dv.Sqref, "C2:") {
			gender = dv.Formula1
		}
	}
	if gender == "" {
		t.Fatal("no dropdown on Giới tính")
	}
	lists, _ := f.GetCols("Danh mục")
	var genderList []string
	for _, c := range lists {
		if c[0] == "Giới tính" {
			genderList = trimRows([][]string{c[1:]})[0]
		}
	}
	if strings.Join(genderList, ",") != "Nam,Nữ" || !strings.Contains(gender, "'Danh mục'!$") {
		t.Errorf("gender list %q from %q", genderList, gender)
	}
	// Fill it.
	date, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	set := func(sheet, cell string, v any) {
		if err := f.SetCellValue(sheet, cell, v); err != nil {
			t.Fatal(err)
		}
	}
	set("Đơn vị", "A2", "X1")
	set("Đơn vị", "B2", "Xã Bảo Đài")
	set("Đơn vị", "C2", "xã, phường, thị trấn")
	set("Đơn vị", "K2", "01/01/2000")
	set("Đơn vị", "A3", "D1")
	set("Đơn vị", "B3", "Đảng bộ xã Bảo Đài")
	set("Đơn vị", "C3", "Đảng bộ cơ sở")
	set("Đơn vị", "E3", "X1")
	set("Đơn vị", "K3", "01/01/2000")
	set("Nhân sự", "A2", "P1")
	set("Nhân sự", "B2", "Nguyễn Thị Lan")
	set("Nhân sự", "C2", "Nữ")
	set("Nhân sự", "D2", mustTime(t, "1980-03-04"))
	_ = f.SetCellStyle("Nhân sự", "D2", "D2", date)
	set("Nhân sự", "A3", "P2")
	set("Nhân sự", "B3", "Trần Văn Nam")
	set("Nhân sự", "C3", "nam")
	set("Nhân sự", "D3", "15/08/1975")
	set("Chức vụ", "A2", "P1")
	set("Chức vụ", "B2", "D1")
	set("Chức vụ", "C2", "Bí thư")
	set("Chức vụ", "D2", "01/10/2020")
	set("Chức vụ", "F2", "Bầu")
	set("Trình độ", "A2", "P1")
	set("Trình độ", "B2", "Lý luận chính trị")
	set("Trình độ", "C2", "Sơ cấp")
	set("Biến động đảng viên", "A2", "P1")
	set("Biến động đảng viên", "B2", "Kết nạp")
	set("Biến động đảng viên", "C2", "03/02/2005")
	set("Biến động đảng viên", "D2", "D1")
	path := filepath.Join(t.TempDir(), "so-lieu-bao-dai.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	f.Close()
	src := openSource(t, path)
	tables := &recordTarget{rows: map[string][]string{}}
	rep, err := bundle.Import(context.Background(), src, tables, bundle.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !rep.OK() {
		t.Fatalf("filled template refused: %v", rep.Issues)
	}
	want := map[string][]string{
		"units":          {"X1|Xã Bảo Đài|commune", "D1|Đảng bộ xã Bảo Đài|party_grassroots_committee"},
		"people":         {"P1|Nguyễn Thị Lan|female|1980-03-04", "P2|Trần Văn Nam|male|1975-08-15"},
		"assignments":    {"P1|D1|secretary|2020-10-01"},
		"qualifications": {"P1|political_theory|elementary"},
		"party":          {"P1|admitted|2005-02-03|D1"},
	}
	for file, rows := range want {
		got := strings.Join(tables.rows[file], "\n")
		for _, r := range rows {
			if !strings.Contains(got, r) {
				t.Errorf("%s: no %q in\n%s", file, r, got)
			}
		}
	}
	// A label not in the list: the error names the workbook, the sheet, the row and the column.
	f, _ = excelize.OpenFile(path)
	set("Nhân sự", "C3", "Nữa")
	_ = f.Save()
	f.Close()
	rep, err = bundle.Import(context.Background(), openSource(t, path), &recordTarget{rows: map[string][]string{}}, bundle.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Issues) != 1 || rep.Issues[0].File != "so-lieu-bao-dai.xlsx!Nhân sự" || rep.Issues[0].Line != 3 || rep.Issues[0].Column != "gender" {
		t.Errorf("issues %+v", rep.Issues)
	}
	_ = os.Remove(path)
}

func mustTime(t *testing.T, s string) time.Time {
	t.Helper()
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// recordTarget is an empty database that keeps the records written, each
// as its cells joined by "|".
type recordTarget struct{ rows map[string][]string }

func (recordTarget) Units(context.Context, []string, func(string, string, tochuc.Period) error) error {
	return nil
}
func (recordTarget) People(context.Context, []string, func(string, tochuc.Date) error) error {
	return nil
}
func (recordTarget) Documents(context.Context, []string, func(string, tochuc.Date, string) error) error {
	return nil
}
func (recordTarget) PartyEvents(context.Context, []string, func(string, int, tochuc.MembershipEvent) error) error {
	return nil
}
func (t *recordTarget) Writer(_ context.Context, f *bundle.File) (bundle.RecordWriter, error) {
	return &recordWriter{t: t, f: f}, nil
}

type recordWriter struct {
	t *recordTarget
	f *bundle.File
}

func (w *recordWriter) Write(_ context.Context, batch []*bundle.Record) error {
	for _, r := range batch {
		w.t.rows[w.f.Name] = append(w.t.rows[w.f.Name], strings.Join(r.Strings(), "|"))
	}
	return nil
}
func (w *recordWriter) Close(context.Context) (bundle.Counts, error) { return bundle.Counts{}, nil }
