package demo

// orgSpec is an organization of a district or commune: key, kind, name
// template, and the key of its parent ("" none; "^X" the district's X for a
// commune, "P:X" the province's X).
type orgSpec struct {
	key, kind, tmpl, parent string
	staff                   int
}

var districtOrgs = []orgSpec{
	{"HU", "party_upper", "Đảng bộ {lo}", "P:TU", 0},
	{"BTC", "party_board_organization", "Ban Tổ chức {cw}", "HU", 7},
	{"UBKT", "party_board_inspection", "Ủy ban Kiểm tra {cw}", "HU", 7},
	{"BTG", "party_board_propaganda", "Ban Tuyên giáo {cw}", "HU", 5},
	{"BDV", "party_board_mass_mobilization", "Ban Dân vận {cw}", "HU", 4},
	{"VP", "party_office", "Văn phòng {cw}", "HU", 12},
	{"TTCT", "political_training_center", "Trung tâm Bồi dưỡng chính trị {lo}", "HU", 5},
	{"DB-DDT", "party_grassroots_committee", "Đảng bộ Cơ quan Đảng – Đoàn thể {lo}", "HU", 0},
	{"DB-CQ", "party_grassroots_committee", "Đảng bộ Cơ quan chính quyền {lo}", "HU", 0},
	{"HDND", "people_council", "HĐND {lo}", "", 0},
	{"UBND", "people_committee", "UBND {lo}", "P:UBND", 0},
	{"VPHU", "state_agency", "Văn phòng HĐND và UBND {lo}", "UBND", 20},
	{"PNV", "state_agency", "Phòng Nội vụ {lo}", "UBND", 8},
	{"PTP", "state_agency", "Phòng Tư pháp {lo}", "UBND", 5},
	{"PTCKH", "state_agency", "Phòng Tài chính – Kế hoạch {lo}", "UBND", 10},
	{"PTNMT", "state_agency", "Phòng Tài nguyên và Môi trường {lo}", "UBND", 9},
	{"PLDTBXH", "state_agency", "Phòng Lao động – Thương binh và Xã hội {lo}", "UBND", 8},
	{"PVHTT", "state_agency", "Phòng Văn hóa và Thông tin {lo}", "UBND", 5},
	{"PGDDT", "state_agency", "Phòng Giáo dục và Đào tạo {lo}", "UBND", 11},
	{"PYT", "state_agency", "Phòng Y tế {lo}", "UBND", 4},
	{"TTRH", "state_agency", "Thanh tra {lo}", "UBND", 6},
	{"PNN", "state_agency", "Phòng Nông nghiệp và Phát triển nông thôn {lo}", "UBND", 8},
	{"PKTHT", "state_agency", "Phòng Kinh tế và Hạ tầng {lo}", "UBND", 9},
	{"PDT", "state_agency", "Phòng Dân tộc {lo}", "UBND", 4},
	{"MTTQ", "fatherland_front", "Ủy ban MTTQ Việt Nam {lo}", "P:MTTQ", 6},
	{"DOAN", "socio_political_org", "Đoàn TNCS Hồ Chí Minh {lo}", "P:DOAN", 4},
	{"HPN", "socio_political_org", "Hội Liên hiệp Phụ nữ {lo}", "P:HPN", 4},
	{"HND", "socio_political_org", "Hội Nông dân {lo}", "P:HND", 4},
	{"HCCB", "socio_political_org", "Hội Cựu chiến binh {lo}", "P:HCCB", 3},
	{"LDLD", "socio_political_org", "Liên đoàn Lao động {lo}", "P:LDLD", 4},
	{"TTVH", "public_service_unit", "Trung tâm Văn hóa – Thể thao {lo}", "UBND", 14},
	{"DTT", "public_service_unit", "Đài Truyền thanh {lo}", "UBND", 6},
	{"GDNN", "public_service_unit", "Trung tâm Giáo dục nghề nghiệp – Giáo dục thường xuyên {lo}", "UBND", 24},
	{"BQLDA", "public_service_unit", "Ban Quản lý dự án đầu tư xây dựng {lo}", "UBND", 14},
	{"PTQD", "public_service_unit", "Trung tâm Phát triển quỹ đất {lo}", "UBND", 9},
	{"TKN", "public_service_unit", "Trạm Khuyến nông {lo}", "P:SNN", 7},
	{"TBVTV", "public_service_unit", "Trạm Trồng trọt và Bảo vệ thực vật {lo}", "P:SNN", 6},
	{"TTY", "public_service_unit", "Trạm Chăn nuôi và Thú y {lo}", "P:SNN", 8},
	{"TTYT", "public_service_unit", "Trung tâm Y tế {lo}", "P:SYT", 0},
}

// districtUnits adds the organizations of each district-level unit: its
// party organization with the four boards, office and political training
// centre, the two grassroots organizations where its officials are
// registered, the People's Council and Committee with its offices, the
// Front and mass organizations, and its public service units. Thị xã Chũ
// gets them from 2025-01-01, without public service units.
func (b *builder) districtUnits() {
	for _, d := range b.districts {
		from := d.u.start()
		for _, s := range districtOrgs {
			switch {
			case s.key == "PDT" && !d.upland,
				d.code == "224" && (s.kind == "public_service_unit" || s.key == "PDT"):
				continue
			}
			tmpl := s.tmpl
			if d.code == "213" && s.key == "PNN" {
				tmpl = "Phòng Kinh tế {lo}"
			} else if d.code == "213" && s.key == "PKTHT" {
				tmpl = "Phòng Quản lý đô thị {lo}"
			}
			parent := ""
			switch {
			case len(s.parent) > 2 && s.parent[:2] == "P:":
				parent = b.pro[s.parent[2:]].id
			case s.parent != "":
				parent = d.org[s.parent].id
			}
			u := b.orgUnit(d.u.id+"/"+s.key, s.kind, tmpl, parent, d.u.id, from)
			d.org[s.key] = u
			n := s.staff
			if s.key == "TTYT" {
				n = 140 + b.rnd.IntN(200)
			}
			if n > 0 {
				b.hire(u, from, n+b.rnd.IntN(n/3+1))
			}
		}
	}
}
