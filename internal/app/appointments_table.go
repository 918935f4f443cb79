package app

import (
	"strconv"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// The lists of the appointments workplace as tables read by people (the
// web's downloads, the CLI): Vietnamese headers and cells.

// MonthsHeader is the header of the months column of a list ("" for none).
func MonthsHeader(list string) string {
	switch list {
	case ListExtension:
		return "Số tháng từ hết thời hạn đến nghỉ hưu"
	case ListRetirement:
		return "Số tháng đến nghỉ hưu"
	case ListRotation:
		return "Số tháng đã luân chuyển"
	}
	return ""
}

// AppointmentStatus is a line's state in words.
func AppointmentStatus(l AppointmentLine) string {
	switch l.Status {
	case "done":
		return "Đủ 36 tháng"
	case "serving":
		return "Đang luân chuyển, chưa đủ 36 tháng"
	case "ended_early":
		return "Kết thúc trước 36 tháng: " + orDash(tochuc.Label("end_reason", l.EndReason), l.EndReason)
	case "RET-01":
		return "Đã quá tuổi nghỉ hưu (RET-01)"
	case "due":
		return "Đến hạn bổ nhiệm lại"
	case "overdue":
		return "Đã hết thời hạn, chưa bổ nhiệm lại"
	}
	return ""
}

func orDash(label, code string) string {
	if code == "" {
		return "chưa ghi lý do"
	}
	return label
}

// HowLabel is how a post was taken up, in words.
func HowLabel(how string) string {
	if how == "" {
		return ""
	}
	return tochuc.Label("how", how)
}

// EndLabel is why a post ended, in words.
func EndLabel(l AppointmentLine) string {
	if l.EndReason == "" {
		return ""
	}
	return tochuc.Label("end_reason", l.EndReason)
}

// AppointmentHeaders are the downloads' columns.
func AppointmentHeaders(list string) []string {
	h := []string{"Mã nhân sự", "Họ và tên", "Chức vụ", "Mã đơn vị", "Đơn vị", "Hình thức", "Từ ngày", "Đến ngày",
		"Hết thời hạn (5 năm)", "Ngày nghỉ hưu"}
	if m := MonthsHeader(list); m != "" {
		h = append(h, m)
	}
	return append(h, "Tình trạng", "Lý do thôi giữ chức vụ", "Văn bản")
}

// AppointmentCells are a line's cells in the downloads.
func AppointmentCells(list string, l AppointmentLine) []any {
	c := []any{l.PersonID, l.Name, tochuc.RoleLabel(l.Role), l.UnitID, l.UnitName, HowLabel(l.How), l.From, l.To, l.TermEnd, l.Retirement}
	if MonthsHeader(list) != "" {
		c = append(c, l.Months)
	}
	return append(c, AppointmentStatus(l), EndLabel(l), l.DocumentID)
}

// TextCells are cells as text (CSV): dates dd/mm/yyyy (empty when none), numbers as digits.
func TextCells(cells []any) []string {
	out := make([]string, len(cells))
	for i, c := range cells {
		switch v := c.(type) {
		case string:
			out[i] = v
		case tochuc.Date:
			out[i] = v.Vietnamese()
		case int:
			out[i] = strconv.Itoa(v)
		}
	}
	return out
}
