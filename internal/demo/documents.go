package demo

import "github.com/tochuc/tochuc/internal/vnadmin"

// document is one documents.csv row.
type document struct {
	id, number, kind, issuer string
	issued                   date
	title                    string
	// bundle-v1 amendment 3: what it replaces, the days it applies (0: from
	// its issue date; open)
	replaces           string
	effective, expires date
}

// Document ids.
const (
	docQH1996  = ""
	docND75    = "ND75-2005-CP"
	docNQ813   = "NQ813-2019-UBTVQH14"
	docNQ510   = "NQ510-2022-UBTVQH15"
	docNQ938   = "NQ938-2023-UBTVQH15"
	docNQ1191  = "NQ1191-2024-UBTVQH15"
	docNQ202   = vnadmin.ResolutionID
	docNQ1658  = "NQ1658-2025-UBTVQH15"
	docNQ18    = "NQ18-TW-2017"
	docNQ19    = "NQ19-TW-2017"
	docNQ26    = "NQ26-TW-2018"
	docNQ74    = "NQ74-TU-2016"
	docKH47    = "KH47-TU-2018"
	docKH53    = "KH53-TU-2018"
	docNQ60    = "NQ60-TW-2025"
	docKL127   = "KL127-TW-2025"
	docQD294   = "QD294-TW-2025"
	provParty  = "VN1-24/TU"
	newProvPty = "VN2-24/TU"
)

// documents adds the documents the demo refers to. The provincial ones are
// issued by the Standing Committee of the Provincial Party Committee, whose
// unit is the provincial party organization; it is created later, and the
// reference is resolved within the bundle.
func (b *builder) documents() {
	add := func(id, number, kind, issuer, issued, title string) {
		b.docs = append(b.docs, document{id: id, number: number, kind: kind, issuer: issuer, issued: day(issued), title: title})
	}
	add(docNQ18, "18-NQ/TW", "resolution", "", "2017-10-25",
		"Một số vấn đề về tiếp tục đổi mới, sắp xếp tổ chức bộ máy của hệ thống chính trị tinh gọn, hoạt động hiệu lực, hiệu quả")
	add(docNQ19, "19-NQ/TW", "resolution", "", "2017-10-25",
		"Tiếp tục đổi mới hệ thống tổ chức và quản lý, nâng cao chất lượng và hiệu quả hoạt động của các đơn vị sự nghiệp công lập")
	add(docNQ26, "26-NQ/TW", "resolution", "", "2018-05-19",
		"Tập trung xây dựng đội ngũ cán bộ các cấp, nhất là cấp chiến lược, đủ phẩm chất, năng lực và uy tín, ngang tầm nhiệm vụ")
	add(docNQ74, "74-NQ/TU", "resolution", provParty, "2016-05-10",
		"Tiếp tục nâng cao chất lượng tổ chức cơ sở đảng và đảng viên trong Đảng bộ tỉnh giai đoạn 2016-2020")
	add(docKH47, "47-KH/TU", "plan", provParty, "2018-05-30",
		"Kế hoạch thực hiện Nghị quyết số 18-NQ/TW và Nghị quyết số 19-NQ/TW của Hội nghị Trung ương 6 (khóa XII)")
	add(docKH53, "53-KH/TU", "plan", provParty, "2018-08-01",
		"Kế hoạch của Ban Thường vụ Tỉnh ủy ngày 01/8/2018 (tiêu đề minh họa: thực hiện Nghị quyết số 26-NQ/TW về công tác cán bộ)")
	add(docND75, "75/2005/NĐ-CP", "other", "", "2005-06-07",
		"Nghị định về việc thành lập thành phố Bắc Giang thuộc tỉnh Bắc Giang")
	add(docNQ813, "813/NQ-UBTVQH14", "resolution", "", "2019-11-21",
		"Nghị quyết về việc sắp xếp các đơn vị hành chính cấp xã thuộc tỉnh Bắc Giang")
	add(docNQ510, "510/NQ-UBTVQH15", "resolution", "", "2022-05-12",
		"Nghị quyết về việc thành lập thị trấn Phương Sơn thuộc huyện Lục Nam và thị trấn Bắc Lý thuộc huyện Hiệp Hòa, tỉnh Bắc Giang")
	add(docNQ938, "938/NQ-UBTVQH15", "resolution", "", "2023-12-13",
		"Nghị quyết về việc thành lập thị xã Việt Yên và các phường thuộc thị xã Việt Yên, tỉnh Bắc Giang")
	add(docNQ1191, "1191/NQ-UBTVQH15", "resolution", "", "2024-09-27",
		"Nghị quyết về việc sắp xếp đơn vị hành chính cấp huyện, cấp xã của tỉnh Bắc Giang giai đoạn 2023 – 2025")
	add(docKL127, "127-KL/TW", "conclusion", "", "2025-02-28",
		"Kết luận về triển khai nghiên cứu, đề xuất tiếp tục sắp xếp tổ chức bộ máy của hệ thống chính trị")
	add(docNQ60, "60-NQ/TW", "resolution", "", "2025-04-12",
		"Nghị quyết Hội nghị lần thứ 11 Ban Chấp hành Trung ương Đảng khóa XIII")
	add(docQD294, "294-QĐ/TW", "regulation", "", "2025-05-26", "Quy định về thi hành Điều lệ Đảng")
	add(docNQ202, "202/2025/QH15", "resolution", "", "2025-06-12", "Nghị quyết về việc sắp xếp đơn vị hành chính cấp tỉnh")
	add(docNQ1658, "1658/NQ-UBTVQH15", "resolution", "", "2025-06-16",
		"Nghị quyết về việc sắp xếp các đơn vị hành chính cấp xã của tỉnh Bắc Ninh năm 2025")
	b.documentsInForce()
}

// evaluation is one evaluations.csv row.
type evaluation struct {
	year                                   int
	subjectType, subject, category, rating string
	ratedBy                                string
	decided                                date
	period, status                         string
	score                                  int    // -1: none (before 2025)
	loc                                    string // the commune or district of a leader (not written)
}

// plan is one plans.csv row.
type plan struct {
	term, unit, role string
	person           *person
	added, removed   date
	reason, doc      string
}
