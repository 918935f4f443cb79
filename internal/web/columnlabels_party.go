package web

// The labels of amendment 1's party columns (the casework confirmation and
// the edit form show them), where the table does not have them yet.
func init() {
	for k, v := range map[string]string{"ceremony_on": "Ngày tổ chức lễ kết nạp", "introducer_ids": "Người giới thiệu",
		"revoked_on": "Ngày thu hồi thẻ", "paid_on": "Ngày nộp", "month": "Tháng", "amount": "Số tiền (đồng)"} {
		if columnLabels[k] == "" {
			columnLabels[k] = v
		}
	}
}
