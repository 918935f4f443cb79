package tochuc

// Labels of party casework (issue 16): the flows (also the audit actions
// "casework.FLOW"), the grounds for deleting a name (PM-10) and the kinds
// of work due.
func init() {
	labels["casework"] = map[string]string{"admit": "Kết nạp đảng viên", "ceremony": "Tổ chức lễ kết nạp",
		"recognize": "Công nhận đảng viên chính thức", "remove": "Xóa tên đảng viên",
		"transfer": "Chuyển sinh hoạt đảng chính thức (trong hệ thống)", "transfer_out": "Chuyển sinh hoạt đảng đi",
		"transfer_in": "Tiếp nhận sinh hoạt đảng", "temporary": "Sinh hoạt đảng tạm thời", "expel": "Khai trừ đảng viên",
		"card_issue": "Cấp thẻ đảng viên", "card_revoke": "Thu hồi thẻ đảng viên"}
	labels["removal_reason"] = map[string]string{
		"inactive":           "Bỏ sinh hoạt đảng hoặc không đóng đảng phí 3 tháng trong năm không có lý do chính đáng",
		"card_returned":      "Tự trả thẻ đảng viên hoặc tự hủy thẻ đảng viên",
		"no_duty":            "Giảm sút ý chí phấn đấu, không thực hiện nhiệm vụ đảng viên, sau 12 tháng giáo dục không tiến bộ",
		"two_years_breach":   "Hai năm liền vi phạm tư cách đảng viên",
		"political_standard": "Không bảo đảm tiêu chuẩn chính trị",
		"probation_failed":   "Đảng viên dự bị không đủ điều kiện công nhận chính thức",
		"other":              "Lý do khác"}
	labels["due_kind"] = map[string]string{"probation": "Đảng viên dự bị đến hạn xét công nhận chính thức",
		"ceremony": "Chưa tổ chức lễ kết nạp", "transfer": "Chuyển đi chưa tiếp nhận",
		"temporary": "Sinh hoạt tạm thời sắp hết hạn hoặc quá hạn", "badge": "Đến hạn xét tặng Huy hiệu Đảng"}
	for flow, l := range labels["casework"] {
		labels["action"]["casework."+flow] = l
	}
}
