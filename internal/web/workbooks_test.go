package web_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/tochuc/tochuc/internal/workbook"
)

// TestWorkbooksReadAsClientsDo downloads every workbook the app writes and
// reads it back as a reader that trusts each sheet's <dimension> does
// (openpyxl's read-only mode): the dimension must be the cells written, and
// no cell may hold empty text. The people list's dates are date cells.
func TestWorkbooksReadAsClientsDo(t *testing.T) {
	t.Parallel()
	ts := newRichServer(t)
	for _, path := range []string{
		"/nhan-su?ngay=2021-01-01&dang=xlsx",
		"/don-vi?ngay=2021-01-01&dang=xlsx",
		"/?ngay=2021-01-01&tu=2016-01-01&dang=xlsx",
		"/chi-tieu/party.members?ngay=2021-01-01&dang=xlsx",
		"/kiem-tra?ngay=2021-01-01&dang=xlsx",
		"/xuat?dang=xlsx",
	} {
		code, body := ts.get(path)
		if code != 200 || !strings.HasPrefix(body, "PK") {
			t.Errorf("%s: %d %.40q", path, code, body)
			continue
		}
		if m, err := workbook.Mismatch([]byte(body)); err != nil || m != "" {
			t.Errorf("%s: %v %s", path, err, m)
		}
	}
	_, body := ts.get("/nhan-su?ngay=2021-01-01&dang=xlsx")
	f, err := excelize.OpenReader(bytes.NewReader([]byte(body)))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("Nhân sự")
	for i, row := range rows {
		if len(row) > 0 && row[0] == "P1" {
			cell := "D" + string(rune('1'+i))
			raw, _ := f.GetCellValue("Nhân sự", cell, excelize.Options{RawCellValue: true})
			if row[3] != "04/03/1970" || raw != "25631" { // a date cell: days since 1899-12-30
				t.Errorf("birth date %s shows %q, holds %q: want a date cell shown 04/03/1970", cell, row[3], raw)
			}
		}
	}
	if p, _ := f.GetPanes("Nhân sự"); !p.Freeze || p.YSplit != 1 {
		t.Errorf("panes %+v: want the header frozen", p)
	}
}
