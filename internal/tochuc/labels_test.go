package tochuc

import "testing"

// TestLabelsCover: every code of every vocabulary has a Vietnamese label
// (Label never gives the code back), the audit actions of edits and
// restructurings included.
func TestLabelsCover(t *testing.T) {
	for vocab, codes := range LabelCodes() {
		for _, c := range codes {
			if l := Label(vocab, c); l == c || l == "" {
				t.Errorf("%s %q: no label", vocab, c)
			}
		}
	}
	for code, want := range map[string]string{"assignments.change": "Thay đổi từ ngày chức vụ", "restructure.add": "Thêm sắp xếp tổ chức",
		"restructure.merge": "Sắp xếp tổ chức: Sáp nhập", "units.correct": "Sửa sai đơn vị", AuditLoginOK: "Đăng nhập"} {
		if got := Label("action", code); got != want {
			t.Errorf("action %s: %q, want %q", code, got, want)
		}
	}
	for _, c := range Genders {
		if Label("gender", c) == c {
			t.Errorf("gender %s", c)
		}
	}
}
