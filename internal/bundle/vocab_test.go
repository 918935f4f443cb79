package bundle

import (
	"strings"
	"testing"
)

// TestEnumLabels: an enum cell may hold the Vietnamese label of a code
// ("Xã, phường, thị trấn" for commune), in any case; a value that is
// neither is refused with the labels a clerk may write, and a bad date
// asks for dd/mm/yyyy.
func TestEnumLabels(t *testing.T) {
	for _, tc := range []struct{ col, v string }{{"kind", "Xã, phường, thị trấn"}, {"kind", "commune"},
		{"sector", "khối đảng"}, {"ownership", "Ngoài nhà nước"}} {
		if iss := importUnit(t, tc.col, tc.v); len(iss) > 0 {
			t.Errorf("%s = %q: %+v", tc.col, tc.v, iss)
		}
	}
	iss := importUnit(t, "sector", "đảng")
	if len(iss) != 1 || !strings.Contains(iss[0].Vi, "cho phép: Khối Đảng; Khối Mặt trận, đoàn thể; Khối chính quyền") ||
		strings.Contains(iss[0].Vi, "party") {
		t.Errorf("an unknown sector: %+v", iss)
	}
	iss = importUnit(t, "valid_from", "2000-13-45")
	if len(iss) != 1 || !strings.Contains(iss[0].Vi, "dd/mm/yyyy") || strings.Contains(iss[0].Vi, "YYYY") {
		t.Errorf("a bad date: %+v", iss)
	}
	for _, f := range Files {
		for _, c := range f.Columns {
			if c.Enum != nil && c.Vocab == "" {
				t.Errorf("%s.%s: an enum without labels", f.Name, c.Name)
			}
		}
	}
}
