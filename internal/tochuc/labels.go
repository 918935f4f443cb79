package tochuc

// Vietnamese labels of the bundle's vocabularies, for pages and reports.
var labels = map[string]map[string]string{
	"education": {"primary_vocational": "Sơ cấp", "intermediate": "Trung cấp", "college": "Cao đẳng",
		"university": "Đại học", "master": "Thạc sĩ", "doctor": "Tiến sĩ"},
	"political_theory": {"elementary": "Sơ cấp", "intermediate": "Trung cấp", "advanced": "Cao cấp", "bachelor": "Cử nhân"},
	"event": {EventAdmitted: "Kết nạp", EventRecognized: "Công nhận chính thức", EventTransferred: "Chuyển sinh hoạt",
		EventTransferredIn: "Chuyển đến", EventTransferredOut: "Chuyển đi", EventRemoved: "Xóa tên",
		EventExpelled: "Khai trừ", EventDied: "Từ trần"},
	"how": {"elected": "Bầu", "appointed": "Bổ nhiệm", "reappointed": "Bổ nhiệm lại", "rotated": "Luân chuyển",
		"transferred": "Điều động", "seconded": "Biệt phái", "recruited": "Tuyển dụng", "assigned": "Phân công"},
	"rating": {"excellent": "Hoàn thành xuất sắc nhiệm vụ", "good": "Hoàn thành tốt nhiệm vụ",
		"complete": "Hoàn thành nhiệm vụ", "incomplete": "Không hoàn thành nhiệm vụ"},
	"category": {"party_org": "Tổ chức đảng", "collective": "Tập thể lãnh đạo, quản lý", "leader": "Cán bộ lãnh đạo, quản lý",
		"party_member": "Đảng viên", "civil_servant": "Công chức, viên chức"},
	"document": {"resolution": "Nghị quyết", "decision": "Quyết định", "regulation": "Quy định", "plan": "Kế hoạch",
		"guidance": "Hướng dẫn", "directive": "Chỉ thị", "conclusion": "Kết luận", "notice": "Thông báo",
		"report": "Báo cáo", "other": "Khác"},
	"restructure": {"merge": "Sáp nhập", "split": "Chia tách", "dissolve": "Giải thể", "establish": "Thành lập",
		"rename": "Đổi tên", "move": "Chuyển trực thuộc", "convert": "Chuyển loại hình"},
	"qualification": {"education": "Trình độ chuyên môn", "political_theory": "Lý luận chính trị"},
	"member_status": {"official": "Chính thức", "probationary": "Dự bị"},
	"file": {"units": "Đơn vị", "people": "Nhân sự", "documents": "Văn bản", "qualifications": "Trình độ",
		"party": "Biến động đảng viên", "assignments": "Chức vụ", "headcount": "Biên chế",
		"restructure": "Sắp xếp tổ chức", "evaluations": "Đánh giá, xếp loại", "plans": "Quy hoạch cán bộ"},
}

// Label returns the Vietnamese label of a code in a vocabulary ("education",
// "political_theory", "event", "how", "rating", "category", "document",
// "restructure", "qualification", "member_status", "file" (a bundle file), "role"), or the
// code itself.
func Label(vocab, code string) string {
	if vocab == "role" {
		return RoleLabel(code)
	}
	if l, ok := labels[vocab][code]; ok {
		return l
	}
	return code
}
