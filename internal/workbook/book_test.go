package workbook

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/tochuc/tochuc/internal/tochuc"
)

func TestBookDimensionAndCells(t *testing.T) {
	b, err := New()
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	s, err := b.Sheet("mot", []string{"Tiêu đề"}, []Column{{Header: "Mã"}, {Header: "Ngày"}, {Header: "Số"}})
	if err != nil {
		t.Fatal(err)
	}
	d, _ := tochuc.ParseDate("2025-07-01")
	for i := 0; i < 3000; i++ {
		if err := s.Row("P1", d, 1186, ""); err != nil {
			t.Fatal(err)
		}
	}
	s2, err := b.Sheet("hai", nil, []Column{{Header: "A"}})
	if err != nil {
		t.Fatal(err)
	}
	if err := s2.Row(nil); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := b.Write(&buf); err != nil {
		t.Fatal(err)
	}
	rs, err := ReadRanges(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"xl/worksheets/sheet1.xml": "A1:C3002", "xl/worksheets/sheet2.xml": "A1"}
	for _, r := range rs {
		if r.Dimension != want[r.Part] || r.Used != want[r.Part] || r.EmptyText != 0 {
			t.Errorf("%+v, want dimension and used range %s", r, want[r.Part])
		}
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if v, _ := f.GetCellValue("mot", "B3"); v != "01/07/2025" {
		t.Errorf("date cell shows %q, want 01/07/2025", v)
	}
	if v, _ := f.GetCellValue("mot", "C3"); v != "1,186" { // #,##0: 1.186 on a Vietnamese system
		t.Errorf("number cell shows %q", v)
	}
	if typ, _ := f.GetCellType("mot", "C3"); typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
		t.Errorf("number cell type %v", typ)
	}
	if p, _ := f.GetPanes("mot"); !p.Freeze || p.YSplit != 2 {
		t.Errorf("panes %+v, want the title and header frozen", p)
	}
}

func TestMismatchSeesExcelizeDefault(t *testing.T) {
	f := excelize.NewFile()
	sw, _ := f.NewStreamWriter("Sheet1")
	_ = sw.SetRow("A1", []any{"a", "b"})
	_ = sw.SetRow("A2", []any{"c", ""})
	_ = sw.Flush()
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	if m, _ := Mismatch(buf.Bytes()); m == "" {
		t.Error("a streamed sheet with <dimension ref=\"A1\"> passed")
	}
}
