package tochuc

// Labels of restructuring drafts (issue 18, item 4): the audit actions
// and the drafts' statuses.
func init() {
	labels["action"]["restructure_draft.save"] = "Lưu bản nháp sắp xếp tổ chức"
	labels["action"]["restructure_draft.delete"] = "Xóa bản nháp sắp xếp tổ chức"
	labels["action"]["restructure_draft.adopt"] = "Thông qua bản nháp sắp xếp tổ chức"
	labels["draft_status"] = map[string]string{"draft": "Bản nháp", "adopted": "Đã thông qua"}
}
