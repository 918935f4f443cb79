package demo

import "github.com/tochuc/tochuc/internal/bundle"

// The documents in force, the tasks they assign and the targets they set
// (bundle-v1 amendment 3). The force dates of the real documents are their
// issue dates unless stated; the chain of the provincial regulation on the
// delegation of cadre management, its numbers and the tasks are
// illustrative; the targets of 74-NQ/TU are worded after the article's
// review of the resolution, their values illustrative.

// The illustrative regulations of the Provincial Standing Committee on the
// delegation of cadre management: each replaces the one before.
const (
	docQD01 = "QD01-TU-2016"
	docQD05 = "QD05-TU-2019"
	docQD12 = "QD12-TU-2023"
)

// documentsInForce gives the documents their force and adds the chain of
// replacements.
func (b *builder) documentsInForce() {
	for i := range b.docs {
		d := &b.docs[i]
		switch d.id {
		case docNQ74: // the term 2016-2020: applies to the end of 2020
			d.expires = day("2021-01-01")
		case docKH47: // takes effect on signing, ends with the 2020 plan's review
			d.expires = day("2021-01-01")
		case docNQ202: // the provinces' merger took effect on 2025-07-01
			d.effective = day("2025-07-01")
		case docNQ1658:
			d.effective = day("2025-07-01")
		}
	}
	add := func(id, number, issued, effective, replaces, title string) {
		b.docs = append(b.docs, document{id: id, number: number, kind: "regulation", issuer: provParty, issued: day(issued),
			effective: day(effective), replaces: replaces, title: title})
	}
	add(docQD01, "01-QĐ/TU", "2016-03-15", "2016-04-01", "",
		"Quy định về phân cấp quản lý cán bộ (minh họa)")
	add(docQD05, "05-QĐ/TU", "2019-04-01", "2019-05-01", docQD01,
		"Quy định về phân cấp quản lý cán bộ, thay thế Quy định số 01-QĐ/TU (minh họa)")
	add(docQD12, "12-QĐ/TU", "2023-02-10", "2023-03-01", docQD05,
		"Quy định về phân cấp quản lý cán bộ, thay thế Quy định số 05-QĐ/TU (minh họa)")
}

// documentRecords adds the tasks and targets of the documents.
func (b *builder) documentRecords(t bundle.Tables) {
	task := func(doc, id, unit, title, due, done, note string) {
		t.Add("document_tasks", map[string]string{"document_id": doc, "task_id": id, "unit_id": unit, "title": title,
			"due_on": due, "done_on": done, "note": note})
	}
	// 74-NQ/TU: done, done late, overdue (on 2018-12-31 and since)
	task(docNQ74, "1", "VN1-213/HU", "Rà soát, kiện toàn chi bộ các thôn, tổ dân phố chưa có chi bộ", "2017-06-30", "2017-06-15", "")
	task(docNQ74, "2", "VN1-218/HU", "Kết nạp đảng viên ở các thôn chưa có đảng viên", "2017-12-31", "2018-03-20",
		"báo cáo muộn gần ba tháng")
	task(docNQ74, "3", "VN1-218/HU", "Bố trí trưởng thôn là đảng viên ở các thôn thí điểm", "2018-12-31", "2018-12-31", "")
	task(docNQ74, "4", "VN1-213/HU", "Sơ kết hai năm thực hiện Nghị quyết", "2018-06-30", "", "")
	task(docNQ74, "5", provParty, "Tổng kết thực hiện Nghị quyết giai đoạn 2016-2020", "2020-12-31", "", "")
	// 47-KH/TU: the amendment's example, a task due on 2018-09-30 not done
	task(docKH47, "3", "VN1-218/HU", "Thí điểm văn phòng chung của cấp ủy, HĐND, UBND cấp xã", "2018-09-30", "", "")
	task(docKH47, "4", "VN1-213/HU", "Văn phòng chung ở các xã, phường của thành phố", "2018-07-01", "2018-07-01", "")
	// 60-NQ/TW: a task of the new province, open today
	task(docNQ60, "1", newProvPty, "Sơ kết hoạt động của chính quyền địa phương hai cấp", "2027-06-30", "", "")

	target := func(id, indicator, scope, due, op, value, label string) {
		t.Add("document_targets", map[string]string{"document_id": docNQ74, "target_id": id, "indicator": indicator,
			"scope_id": scope, "due_on": due, "op": op, "value": value, "label": label})
	}
	// on 2018-12-31: 1 behind (65,4 %), 2 on track (46,6 %), 3 met (63,1 %), 4 missed (97,0 %), 5 behind (33.977)
	target("1", "village.head_party_member", "", "2020-12-31", ">=", "0.7", "Trên 70 % trưởng thôn, tổ dân phố là đảng viên")
	target("2", "village.deputy_head_party_member", "", "2020-12-31", ">=", "0.45", "Từ 45 % phó trưởng thôn là đảng viên")
	target("3", "key_cadres.commune.college_plus", "VN1-24", "2018-12-31", ">=", "0.6",
		"Từ 60 % cán bộ chủ chốt cấp xã có trình độ cao đẳng trở lên")
	target("4", "key_cadres.commune.theory_intermediate_plus", "VN1-24", "2018-12-31", ">=", "0.98",
		"98 % cán bộ chủ chốt cấp xã có trình độ trung cấp lý luận chính trị trở lên")
	target("5", "party.members", "VN1-24", "2020-12-31", ">=", "36000", "Đảng bộ tỉnh có từ 36.000 đảng viên")
}
