package web

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// TestAuditFacts: the entries that are not a record's edit read in words
// too — a restructuring's units by name and its date, an account's role and
// scope, an export's counts by file — never a map dump or a code.
func TestAuditFacts(t *testing.T) {
	n := auditNames{users: map[string]string{}, units: map[string]string{"U1": "Xã Một"}, people: map[string]string{}}
	at := time.Date(2026, 12, 3, 7, 5, 0, 0, time.UTC)
	for _, tc := range []struct {
		e    tochuc.AuditEntry
		want []string
	}{
		{tochuc.AuditEntry{Action: "restructure.merge", ObjectType: "restructure", ObjectID: "E1", Detail: map[string]any{
			"date": "2025-07-01", "from": []any{"U1", "U2"}, "changes": []any{"Sáp nhập"}, "change_set": float64(3)}},
			[]string{"Sắp xếp tổ chức: Sáp nhập", "Đơn vị trước sắp xếp: Xã Một (U1); U2", "Ngày hiệu lực: 01/07/2025", "Bộ thay đổi số: 3"}},
		{tochuc.AuditEntry{Action: tochuc.AuditUserCreate, ObjectType: "user", ObjectID: "7", Detail: map[string]any{
			"login": "binh", "role": "auditor", "scope": "*"}},
			[]string{"Tạo tài khoản", "Vai trò: Kiểm tra viên", "Phạm vi: Toàn bộ dữ liệu"}},
		{tochuc.AuditEntry{Action: "bundle.export", ObjectType: "bundle", Detail: map[string]any{
			"files": map[string]any{"units": float64(1234), "people": float64(2)}, "scope": "U1"}},
			[]string{"Tải gói dữ liệu", "Số bản ghi theo tệp: Nhân sự: 2; Đơn vị: 1.234", "Phạm vi: Xã Một"}},
		{tochuc.AuditEntry{Action: tochuc.AuditLoginLocked, Detail: map[string]any{"locked_s": float64(900), "scope": "address"}},
			[]string{"Tạm khóa đăng nhập", "Khóa trong (giây): 900", "Phạm vi: địa chỉ IP"}},
	} {
		tc.e.At = at
		it := n.item(tc.e)
		got := it.ActionLabel + " | " + it.LocalTime
		for _, c := range it.Changes {
			got += " | " + c.Label + ": " + c.After.Text
			if c.After.Code != "" {
				got += " (" + c.After.Code + ")"
			}
		}
		for _, w := range append(tc.want, "14:05 03/12/2026 (GMT+7)") {
			if !strings.Contains(got, w) {
				t.Errorf("%s: no %q in %s", tc.e.Action, w, got)
			}
		}
		if strings.Contains(got, "map[") || strings.Contains(fmt.Sprint(it.Subjects), "map[") {
			t.Errorf("%s: a map dump in %s", tc.e.Action, got)
		}
	}
}

// TestViaWords: the path a confidential read came through is named without
// the bundle's file names.
func TestViaWords(t *testing.T) {
	for via, want := range map[string]string{
		"/sua/people":           "Biểu mẫu sửa: Nhân sự",
		"/api/v1/records/plans": "API bản ghi: Quy hoạch cán bộ",
		"/api/v1/evaluations":   "/api/v1/Đánh giá, xếp loại",
		"export":                "Tải gói dữ liệu",
		"tải /kiem-tra (xlsx)":  "tải /kiem-tra (xlsx)",
		"/nhan-su/P1":           "/nhan-su/P1",
		"tochuc show":           "tochuc show",
	} {
		if got := viaWords(via); got != want {
			t.Errorf("viaWords(%q) = %q, want %q", via, got, want)
		}
	}
}
