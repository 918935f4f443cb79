package bundle

import (
	"strings"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// A board's own workbook heads its columns in Vietnamese and writes labels
// ("Nam", "Bí thư", "Chính thức") where the bundle writes codes; the import
// reads both. The Vietnamese header of each column is here; the labels are
// tochuc.Label's, read back by tochuc.CodeOfLabel.

// viHeaders are the Vietnamese headers of the files' columns.
var viHeaders = map[string]map[string]string{
	"units": {"id": "Mã đơn vị", "name": "Tên đơn vị", "kind": "Loại đơn vị", "parent_id": "Mã đơn vị cấp trên",
		"locality_id": "Mã địa bàn", "host_id": "Mã đơn vị nơi đặt tổ chức đảng", "subtype": "Loại hình",
		"sector": "Khối", "ownership": "Sở hữu", "admin_code": "Mã hành chính", "valid_from": "Từ ngày", "valid_to": "Đến ngày"},
	"people": {"id": "Mã người", "full_name": "Họ và tên", "gender": "Giới tính", "birth_date": "Ngày sinh",
		"ethnicity": "Dân tộc", "religion": "Tôn giáo", "died_on": "Ngày từ trần", "citizen_id": "Số căn cước",
		"birthplace": "Nơi sinh", "hometown": "Quê quán", "residence": "Nơi thường trú", "general_education": "Giáo dục phổ thông"},
	"documents": {"id": "Mã văn bản", "number": "Số, ký hiệu", "kind": "Loại văn bản", "issuer_id": "Mã cơ quan ban hành",
		"issued_on": "Ngày ban hành", "title": "Trích yếu", "replaces_id": "Mã văn bản được thay thế",
		"effective_on": "Ngày có hiệu lực", "expires_on": "Ngày hết hiệu lực"},
	"document_tasks": {"document_id": "Mã văn bản", "task_id": "Mã nhiệm vụ", "unit_id": "Mã đơn vị thực hiện",
		"title": "Nội dung nhiệm vụ", "due_on": "Thời hạn", "done_on": "Ngày hoàn thành", "note": "Ghi chú"},
	"document_targets": {"document_id": "Mã văn bản", "target_id": "Mã chỉ tiêu", "indicator": "Mã chỉ số",
		"scope_id": "Mã đơn vị phạm vi", "due_on": "Thời hạn đạt", "op": "Phép so sánh", "value": "Giá trị chỉ tiêu",
		"label": "Nội dung chỉ tiêu"},
	"document_files": {"document_id": "Mã văn bản", "name": "Tên tệp", "sha256": "Mã băm SHA-256", "bytes": "Dung lượng (byte)"},
	"qualifications": {"person_id": "Mã người", "kind": "Loại trình độ", "level": "Trình độ", "obtained_on": "Ngày đạt"},
	"party": {"person_id": "Mã người", "event": "Biến động", "date": "Ngày", "unit_id": "Mã tổ chức đảng",
		"status": "Đảng viên chính thức, dự bị", "document_id": "Mã quyết định", "ceremony_on": "Ngày tổ chức lễ kết nạp",
		"introducer_ids": "Mã người giới thiệu"},
	"party_cards": {"person_id": "Mã người", "number": "Số thẻ đảng viên", "issued_on": "Ngày cấp", "revoked_on": "Ngày thu hồi"},
	"party_temporary": {"person_id": "Mã người", "unit_id": "Mã tổ chức đảng sinh hoạt tạm thời", "valid_from": "Từ ngày",
		"valid_to": "Đến ngày"},
	"awards": {"person_id": "Mã người", "kind": "Loại khen thưởng", "date": "Ngày trao tặng", "document_id": "Mã quyết định"},
	"party_dues": {"person_id": "Mã người", "month": "Tháng", "amount": "Số tiền (đồng)", "paid_on": "Ngày nộp",
		"unit_id": "Mã tổ chức đảng thu"},
	"assignments": {"person_id": "Mã người", "unit_id": "Mã đơn vị", "role": "Chức vụ", "valid_from": "Từ ngày",
		"valid_to": "Đến ngày", "how": "Hình thức", "document_id": "Mã quyết định", "end_reason": "Lý do thôi giữ chức"},
	"headcount": {"unit_id": "Mã đơn vị", "date": "Từ ngày", "actual": "Số người làm việc", "quota": "Biên chế được giao"},
	"restructure": {"event_id": "Mã đợt sắp xếp", "date": "Ngày hiệu lực", "kind": "Hình thức sắp xếp",
		"from_unit_id": "Mã đơn vị trước", "to_unit_id": "Mã đơn vị sau", "document_id": "Mã quyết định"},
	"evaluations": {"year": "Năm", "subject_type": "Đối tượng", "subject_id": "Mã tổ chức hoặc người", "category": "Nhóm",
		"rating": "Xếp loại", "rated_by_id": "Mã đơn vị xếp loại", "decided_on": "Ngày quyết định",
		"period": "Kỳ đánh giá", "score": "Điểm", "status": "Bước đánh giá"},
	"terms": {"term": "Nhiệm kỳ", "level": "Cấp", "starts_on": "Ngày bắt đầu", "ends_on": "Ngày kết thúc",
		"document_id": "Mã văn bản"},
	"post_quotas": {"unit_kind": "Loại đơn vị", "subtype": "Phân loại đơn vị", "role": "Chức vụ", "max_holders": "Số người tối đa",
		"valid_from": "Từ ngày", "valid_to": "Đến ngày", "legal_basis": "Căn cứ"},
	"discipline": {"subject_type": "Đối tượng", "subject_id": "Mã tổ chức hoặc người", "form": "Hình thức kỷ luật",
		"date": "Ngày hiệu lực", "authority_id": "Mã cơ quan quyết định", "document_id": "Mã quyết định", "reason": "Lý do"},
	"plans": {"term": "Nhiệm kỳ", "unit_id": "Mã đơn vị", "role": "Chức danh quy hoạch", "person_id": "Mã người",
		"added_on": "Ngày phê duyệt", "removed_on": "Ngày đưa ra khỏi quy hoạch", "removal_reason": "Lý do đưa ra",
		"document_id": "Mã quyết định"},
}

func init() {
	for _, f := range Files {
		f.viIndex = map[string]int{}
		for i, c := range f.Columns {
			if h := viHeaders[f.Name][c.Name]; h != "" {
				f.viIndex[tochuc.FoldLabel(h)] = i
			}
		}
	}
}

// ViHeader returns the Vietnamese header of a column (its name when it has none).
func (f *File) ViHeader(col string) string {
	if h := viHeaders[f.Name][col]; h != "" {
		return h
	}
	return col
}

// headerIndex returns the column a header names: its key, or its Vietnamese
// header (case, diacritics and a trailing "(*)" ignored); -1 when none.
func (f *File) headerIndex(name string) int {
	if c := f.Index(name); c >= 0 {
		return c
	}
	h := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(name), "(*)"))
	h = strings.TrimSpace(strings.TrimSuffix(h, "*"))
	if c, ok := f.viIndex[tochuc.FoldLabel(h)]; ok {
		return c
	}
	return -1
}

// FileByLabel returns the file a sheet or file name names: its name, or its
// Vietnamese label (tochuc.Label "file"), case and diacritics ignored.
func FileByLabel(name string) *File {
	if f := FileByName(name); f != nil {
		return f
	}
	key := tochuc.FoldLabel(name)
	for _, f := range Files {
		if tochuc.FoldLabel(tochuc.Label("file", f.Name)) == key {
			return f
		}
	}
	return nil
}

// labelCode returns the code an enumerated column's label names.
func labelCode(col Column, raw string) (string, bool) {
	return tochuc.CodeOfLabel(col.Vocab, col.Enum, raw)
}

// qualificationCodes reads a qualification's kind and level written as
// labels ("Lý luận chính trị", "Trung cấp"): the level's labels depend on
// the kind.
func qualificationCodes(rec *Record) {
	ki, li := rec.File.Index("kind"), rec.File.Index("level")
	kind, _ := rec.Vals[ki].(string)
	if code, ok := tochuc.CodeOfLabel("qualification", tochuc.QualificationKinds(), kind); ok {
		rec.Vals[ki], kind = code, code
	}
	if level, _ := rec.Vals[li].(string); level != "" {
		if code, ok := tochuc.CodeOfLabel(kind, tochuc.QualificationLevels(kind), level); ok {
			rec.Vals[li] = code
		}
	}
}
