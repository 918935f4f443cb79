package web

import (
	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// field is one input of an edit form, built from the bundle's column.
type field struct {
	Name, Label, Input, Value string
	Required                  bool
	Options                   []tochuc.Term // for a select
	// Pick is what the field's picker finds (pickPerson, pickUnit,
	// pickDocument) for a code of another record, and Echo that record's
	// name, shown beside the code.
	Pick, Echo string
}

// pickOf is what finds the records a column references (bundle's Ref).
var pickOf = map[string]string{"people": pickPerson, "units": pickUnit, "documents": pickDocument}

// columnLabels are the Vietnamese labels of the bundle's columns.
var columnLabels = map[string]string{
	"id": "Mã", "name": "Tên", "kind": "Loại", "parent_id": "Mã đơn vị cấp trên", "locality_id": "Mã địa bàn",
	"host_id": "Mã đơn vị nơi đặt tổ chức đảng", "subtype": "Phân loại", "sector": "Khối", "ownership": "Sở hữu",
	"admin_code": "Mã hành chính", "valid_from": "Từ ngày", "valid_to": "Đến ngày (để trống: đến nay)",
	"full_name": "Họ và tên", "gender": "Giới tính", "birth_date": "Ngày sinh", "ethnicity": "Dân tộc",
	"religion": "Tôn giáo", "died_on": "Ngày từ trần", "person_id": "Mã người", "unit_id": "Mã đơn vị",
	"role": "Chức vụ", "how": "Hình thức", "document_id": "Mã văn bản", "level": "Trình độ", "obtained_on": "Ngày đạt",
	"event": "Sự kiện", "date": "Ngày", "status": "Trạng thái", "actual": "Số có mặt", "quota": "Số được giao",
	"number": "Số, ký hiệu", "issuer_id": "Mã cơ quan ban hành", "issued_on": "Ngày ban hành", "title": "Trích yếu",
	"replaces_id": "Thay thế văn bản", "year": "Năm", "subject_type": "Đối tượng", "subject_id": "Mã đối tượng",
	"category": "Loại đánh giá", "rating": "Xếp loại", "rated_by_id": "Mã đơn vị đánh giá", "decided_on": "Ngày quyết định",
	"term": "Nhiệm kỳ", "added_on": "Ngày đưa vào quy hoạch", "removed_on": "Ngày đưa ra", "removal_reason": "Lý do đưa ra",
	"event_id": "Mã sự kiện", "citizen_id": "Số căn cước", "birthplace": "Nơi sinh", "hometown": "Quê quán",
	"residence": "Nơi thường trú", "general_education": "Giáo dục phổ thông", "from_unit_id": "Từ đơn vị", "to_unit_id": "Thành đơn vị",
	"form": "Hình thức kỷ luật", "authority_id": "Mã cấp có thẩm quyền quyết định", "reason": "Lý do",
}

// columnLabel returns the Vietnamese label of a column.
func columnLabel(name string) string {
	if l := columnLabels[name]; l != "" {
		return l
	}
	return name
}

// vocabOf names the label vocabulary of an enum column.
func vocabOf(file, col string) string {
	if f := bundle.FileByName(file); f != nil {
		if i := f.Index(col); i >= 0 {
			return f.Columns[i].Vocab
		}
	}
	return ""
}

// fields returns the inputs of a file's form, filled with cells (or empty).
func fields(f *bundle.File, cells []string) []field {
	out := make([]field, len(f.Columns))
	for i, c := range f.Columns {
		fl := field{Name: c.Name, Label: columnLabel(c.Name), Input: "text", Required: c.Required}
		if fl.Label == c.Name { // a column the form's table leaves out: the bundle's Vietnamese header
			fl.Label = f.ViHeader(c.Name)
		}
		if i < len(cells) {
			fl.Value = cells[i]
		}
		switch {
		case c.Type == bundle.Date:
			fl.Input = "date"
		case c.Type == bundle.Int:
			fl.Input = "number"
		case pickOf[c.Ref] != "":
			fl.Pick = pickOf[c.Ref]
		case c.RefVia != "": // a person or a unit, as the other column says (app.js follows its changes)
			fl.Pick = pickPerson
			if j := f.Index(c.RefVia); j >= 0 && j < len(cells) && cells[j] == "unit" {
				fl.Pick = pickUnit
			}
		case c.Enum != nil:
			fl.Input = "select"
			for _, code := range c.Enum {
				fl.Options = append(fl.Options, tochuc.Term{Code: code, Label: tochuc.Label(vocabOf(f.Name, c.Name), code)})
			}
		}
		out[i] = fl
	}
	return out
}

// fileTitles are the Vietnamese names of the records, for form titles.
var fileTitles = map[string]string{
	"units": "đơn vị", "people": "nhân sự", "documents": "văn bản", "qualifications": "trình độ",
	"party": "sự kiện đảng viên", "assignments": "chức vụ", "headcount": "biên chế", "evaluations": "đánh giá, xếp loại",
	"plans": "quy hoạch", "restructure": "liên kết sắp xếp",
	"discipline": "kỷ luật", "terms": "nhiệm kỳ", "post_quotas": "số lượng chức danh tối đa",
	"party_cards": "thẻ đảng viên", "party_temporary": "sinh hoạt đảng tạm thời", "awards": "huy hiệu Đảng, khen thưởng",
	"party_dues": "đảng phí", "document_tasks": "nhiệm vụ được giao", "document_targets": "chỉ tiêu",
	"document_files": "tệp đính kèm văn bản",
}
