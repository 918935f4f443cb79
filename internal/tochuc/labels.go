package tochuc

import (
	"slices"
	"strings"
)

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
	"file": {"units": "Đơn vị", "people": "Nhân sự", "documents": "Văn bản", "qualifications": "Trình độ",
		"party": "Biến động đảng viên", "assignments": "Chức vụ", "headcount": "Biên chế",
		"restructure": "Sắp xếp tổ chức", "evaluations": "Đánh giá, xếp loại", "plans": "Quy hoạch cán bộ",
		"discipline": "Kỷ luật", "terms": "Nhiệm kỳ", "post_quotas": "Số lượng chức danh tối đa", "checks": "Kết quả kiểm tra theo quy định",
		"party_cards": "Thẻ đảng viên", "party_temporary": "Sinh hoạt đảng tạm thời", "awards": "Huy hiệu Đảng, khen thưởng",
		"party_dues": "Đảng phí", "document_tasks": "Nhiệm vụ được giao", "document_targets": "Chỉ tiêu",
		"document_files": "Tệp đính kèm văn bản"},
	"award_kind": {"badge_30": "Huy hiệu 30 năm tuổi Đảng", "badge_40": "Huy hiệu 40 năm tuổi Đảng",
		"badge_45": "Huy hiệu 45 năm tuổi Đảng", "badge_50": "Huy hiệu 50 năm tuổi Đảng", "badge_55": "Huy hiệu 55 năm tuổi Đảng",
		"badge_60": "Huy hiệu 60 năm tuổi Đảng", "badge_65": "Huy hiệu 65 năm tuổi Đảng", "badge_70": "Huy hiệu 70 năm tuổi Đảng",
		"badge_75": "Huy hiệu 75 năm tuổi Đảng", "badge_80": "Huy hiệu 80 năm tuổi Đảng", "badge_85": "Huy hiệu 85 năm tuổi Đảng",
		"badge_90": "Huy hiệu 90 năm tuổi Đảng", "other": "Khen thưởng khác"},
	"period": {"year": "Năm", "q1": "Quý I", "q2": "Quý II", "q3": "Quý III", "q4": "Quý IV",
		"term": "Nhiệm kỳ", "adhoc": "Đột xuất"},
	"eval_status": {"self_assessed": "Tự đánh giá", "appraised": "Đã thẩm định", "decided": "Đã quyết định"},
	"end_reason": {"term_end": "Hết nhiệm kỳ", "reappointed": "Được bổ nhiệm lại", "moved": "Chuyển công tác khác",
		"retired": "Nghỉ hưu", "dismissed": "Cách chức, buộc thôi việc", "resigned": "Xin thôi giữ chức",
		"removed": "Miễn nhiệm, cho thôi giữ chức", "suspended": "Tạm đình chỉ", "restructured": "Do sắp xếp tổ chức",
		"died": "Từ trần", "other": "Lý do khác"},
	"discipline_form": {"reprimand": "Khiển trách", "warning": "Cảnh cáo", "removal_from_post": "Cách chức",
		"dismissal": "Buộc thôi việc", "expulsion": "Khai trừ", "dissolution": "Giải tán"},
	"term_level": {"central": "Trung ương", "province": "Cấp tỉnh", "district": "Cấp huyện",
		"commune": "Cấp xã", "grassroots": "Cơ sở"},
	"gender": {"male": "Nam", "female": "Nữ"},
	"status": {"official": "Chính thức", "probationary": "Dự bị"},
	"sector": {"party": "Khối Đảng", "front": "Khối Mặt trận, đoàn thể", "state": "Khối chính quyền", "none": "Khác"},
	// part: the keys of a dashboard breakdown that are not unit kinds.
	"part": {"party": "Khối Đảng", "front": "Khối Mặt trận, đoàn thể", "state": "Khối chính quyền", "none": "Khác",
		"probationary": "Đảng viên dự bị", "official": "Đảng viên chính thức",
		// the breakdowns of party members (indicators-v1 amendment 2)
		"male": "Nam", "female": "Nữ", "unknown": "Chưa rõ",
		"to_30": "Đến 30 tuổi", "31_40": "Từ 31 đến 40 tuổi", "41_50": "Từ 41 đến 50 tuổi", "51_60": "Từ 51 đến 60 tuổi",
		"61_70": "Từ 61 đến 70 tuổi", "over_70": "Trên 70 tuổi",
		// "kinh" is a Vietnamese word too (kinh tế): its label is the indicator's own
		"party.members.ethnicity.kinh": "Dân tộc Kinh", "minority": "Dân tộc thiểu số",
		"primary_vocational": "Sơ cấp", "intermediate": "Trung cấp", "college": "Cao đẳng", "university": "Đại học",
		"master": "Thạc sĩ", "doctor": "Tiến sĩ", "elementary": "Sơ cấp", "advanced": "Cao cấp, cử nhân",
		"removed": "Xóa tên", "expelled": "Khai trừ", "died": "Từ trần", "transferred_out": "Chuyển sinh hoạt đi",
		"party.members.gender.unknown": "Chưa ghi giới tính", "party.members.age.unknown": "Chưa ghi ngày sinh",
		"party.members.ethnicity.unknown": "Chưa ghi dân tộc",
		"party.members.education.none":    "Chưa qua đào tạo chuyên môn",
		"party.members.theory.none":       "Chưa qua đào tạo lý luận chính trị"},
	"ownership": {"state": "Nhà nước", "non_state": "Ngoài nhà nước", "foreign": "Có vốn đầu tư nước ngoài"},
	"subject":   {"unit": "Tổ chức", "person": "Cá nhân"},
	"action": {AuditLoginOK: "Đăng nhập", AuditLoginFailed: "Đăng nhập không thành công", AuditLoginLocked: "Tạm khóa đăng nhập",
		AuditLogout: "Đăng xuất", AuditUserCreate: "Tạo tài khoản", AuditUserUpdate: "Sửa tài khoản",
		AuditUserPassword: "Đặt lại mật khẩu", AuditTokenCreate: "Cấp mã truy cập", AuditTokenRevoke: "Thu hồi mã truy cập",
		"bundle.import": "Nhập gói dữ liệu", "bundle.export": "Tải gói dữ liệu",
		AuditConfidentialRead: "Xem hồ sơ mật",
		AuditKeyTrust:         "Tin cậy khóa ký gói dữ liệu", AuditKeyRevoke: "Thu hồi khóa ký gói dữ liệu"},
}

// editVerbs are the audit actions of an edit of a bundle file ("people.add"…).
var editVerbs = map[string]string{"add": "Thêm", "correct": "Sửa sai", "change": "Thay đổi từ ngày"}

// Label returns the Vietnamese label of a code in a vocabulary ("education",
// "political_theory", "event", "how", "rating", "category", "document",
// "restructure", "qualification", "file" (a bundle file), "gender",
// "status" (of a party member), "period" and "eval_status" (of a rating),
// "end_reason" (of a post), "discipline_form", "award_kind", "term_level", "sector", "part" (a
// breakdown of the dashboard), "ownership", "subject", "user_role", "action"
// (of the audit log), "role" (a post), "unit_kind"), or the code itself.
func Label(vocab, code string) string {
	switch vocab {
	case "role":
		return RoleLabel(code)
	case "unit_kind":
		if k, ok := LookupUnitKind(code); ok {
			return k.Label
		}
		return code
	case "action":
		return actionLabel(code)
	case "user_role":
		return Role(code).Label()
	}
	if l, ok := labels[vocab][code]; ok {
		return l
	}
	return code
}

// actionLabel names an action of the audit log: "Sửa sai chức vụ" for
// assignments.correct, "Sắp xếp tổ chức: Sáp nhập" for restructure.merge.
func actionLabel(code string) string {
	if l, ok := labels["action"][code]; ok {
		return l
	}
	file, verb, ok := strings.Cut(code, ".")
	if !ok {
		return code
	}
	if l, ok := labels["restructure"][verb]; ok && file == "restructure" {
		return "Sắp xếp tổ chức: " + l
	}
	what, ok := labels["file"][file]
	v, vok := editVerbs[verb]
	if !ok || !vok {
		return code
	}
	return v + " " + strings.ToLower(what)
}

// LabelCodes returns every code of every vocabulary that Label knows, by
// vocabulary (for tests that look for raw codes on pages, and for choices).
func LabelCodes() map[string][]string {
	out := map[string][]string{}
	for v, m := range labels {
		for c := range m {
			out[v] = append(out[v], c)
		}
	}
	out["role"] = Codes(Roles)
	out["unit_kind"] = UnitKindCodes()
	for _, r := range UserRoles {
		out["user_role"] = append(out["user_role"], string(r))
	}
	for file := range labels["file"] {
		for verb := range editVerbs {
			out["action"] = append(out["action"], file+"."+verb)
		}
	}
	for k := range labels["restructure"] {
		out["action"] = append(out["action"], "restructure."+k)
	}
	for _, cs := range out {
		slices.Sort(cs)
	}
	return out
}

// Choices returns the codes of a vocabulary with their labels, in the
// order given (a form's select shows the labels and sends the codes).
func Choices(vocab string, codes []string) []Term {
	out := make([]Term, len(codes))
	for i, c := range codes {
		out[i] = Term{Code: c, Label: Label(vocab, c)}
	}
	return out
}
