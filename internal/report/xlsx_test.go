package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/tochuc/tochuc/internal/check"
	"github.com/tochuc/tochuc/internal/indicator"
	"github.com/tochuc/tochuc/internal/tochuc"
	"github.com/tochuc/tochuc/internal/workbook"
)

// TestWorkbooksReadAsClientsDo reads each report workbook back as a reader
// that trusts <dimension> does, and checks its title lines, header and cells.
func TestWorkbooksReadAsClientsDo(t *testing.T) {
	e := &indicator.Explanation{ID: "units.commune", Label: "Số xã", AsOf: "2018-12-31", Scope: &indicator.Scope{ID: "T24", Name: "Tỉnh Bắc Giang"},
		Items: []indicator.Item{{ID: "X1", Name: "Xã Bảo Đài", Counted: true, Amount: ptr(1120)}, {ID: "X2", Name: "Xã Bảo Sơn"}}}
	fs := NewFindings(tochuc.MustDate("2021-01-01"), "D1", []check.Finding{{Rule: "PLAN-02", Severity: check.Warning, MessageVi: "Thiếu"}})
	for _, tc := range []struct {
		name, sheet string
		write       func(*bytes.Buffer) error
		cells       map[string]string // cell → shown value
		numbers     []string          // cells that hold numbers
	}{
		{"report", "Chỉ tiêu", func(b *bytes.Buffer) error { return WriteXLSX(b, sample()) },
			map[string]string{"A1": "Chỉ tiêu thống kê", "A2": "Số liệu tại ngày: 31/12/2018", "A3": "So sánh với ngày: 30/05/2018",
				"A4": "Phạm vi: Tỉnh Bắc Giang (mã T24) và các đơn vị trực thuộc", "A6": "Mã chỉ tiêu", "C6": "Số lượng", "E8": "63.1%"},
			[]string{"C7", "D8", "E8", "H7"}},
		{"explanation", "Bản ghi", func(b *bytes.Buffer) error { return WriteExplanationXLSX(b, e) },
			map[string]string{"A1": "Các bản ghi của chỉ tiêu: Số xã", "A5": "Mã", "D6": "có", "E7": ""},
			[]string{"E6"}},
		{"findings", "Phát hiện", func(b *bytes.Buffer) error { return WriteFindingsXLSX(b, fs) },
			map[string]string{"A2": "Số liệu tại ngày: 01/01/2021", "A5": "Quy định", "A6": "PLAN-02", "B6": "Cảnh báo"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := tc.write(&buf); err != nil {
				t.Fatal(err)
			}
			if m, err := workbook.Mismatch(buf.Bytes()); err != nil || m != "" {
				t.Errorf("%v %s", err, m)
			}
			f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			for cell, want := range tc.cells {
				if got, _ := f.GetCellValue(tc.sheet, cell); got != want {
					t.Errorf("%s = %q, want %q", cell, got, want)
				}
			}
			for _, cell := range tc.numbers {
				if typ, _ := f.GetCellType(tc.sheet, cell); typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
					t.Errorf("%s: type %v, want a number", cell, typ)
				}
				if v, _ := f.GetCellValue(tc.sheet, cell, excelize.Options{RawCellValue: true}); v == "" || strings.ContainsAny(v, ".,%") && !strings.Contains(v, "0.") {
					t.Errorf("%s: raw %q, want a number", cell, v)
				}
			}
			if p, _ := f.GetPanes(tc.sheet); !p.Freeze {
				t.Error("header not frozen")
			}
		})
	}
}
