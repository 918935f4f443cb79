package demo

// agencySpec is a provincial agency (or board, or organization) with its
// internal divisions; merges are the divisions merged on reorg2018 under
// Plan 47-KH/TU: "A>B" merges A into B, "A+B=C" merges A and B into a new C.
type agencySpec struct {
	key, kind, name string
	divisions       []string
	merges          []string
	staff           int // headcount in 2018, about
}

// partyAgencies are the advisory agencies of the Provincial Party Committee
// (F1: their internal divisions were rearranged in 2018, 27 → 21).
var partyAgencies = []agencySpec{
	{"BTC", "party_board_organization", "Ban Tổ chức {cw}", []string{"Văn phòng Ban", "Phòng Tổ chức đảng – Đảng viên",
		"Phòng Tổ chức – Cán bộ", "Phòng Bảo vệ chính trị nội bộ", "Phòng Cơ sở đảng", "Phòng Địa phương"},
		[]string{"Phòng Cơ sở đảng>Phòng Tổ chức đảng – Đảng viên", "Phòng Địa phương>Phòng Tổ chức – Cán bộ"}, 32},
	{"UBKT", "party_board_inspection", "Ủy ban Kiểm tra {cw}", []string{"Văn phòng Ủy ban", "Phòng Kiểm tra 1",
		"Phòng Kiểm tra 2", "Phòng Kiểm tra 3", "Phòng Kiểm tra 4"}, []string{"Phòng Kiểm tra 4>Phòng Kiểm tra 3"}, 28},
	{"BTG", "party_board_propaganda", "Ban Tuyên giáo {cw}", []string{"Văn phòng Ban", "Phòng Tuyên truyền",
		"Phòng Lý luận chính trị – Lịch sử Đảng", "Phòng Khoa giáo", "Phòng Văn hóa – Văn nghệ"},
		[]string{"Phòng Khoa giáo+Phòng Văn hóa – Văn nghệ=Phòng Khoa giáo – Văn hóa văn nghệ"}, 26},
	{"BDV", "party_board_mass_mobilization", "Ban Dân vận {cw}", []string{"Văn phòng Ban",
		"Phòng Dân vận chính quyền – Đoàn thể", "Phòng Dân tộc – Tôn giáo"}, nil, 18},
	{"VP", "party_office", "Văn phòng {cw}", []string{"Phòng Tổng hợp", "Phòng Hành chính – Lưu trữ",
		"Phòng Tài chính – Đảng vụ", "Phòng Quản trị", "Phòng Công nghệ thông tin"},
		[]string{"Phòng Quản trị>Phòng Tài chính – Đảng vụ"}, 54},
	{"BNC", "party_board_internal_affairs", "Ban Nội chính {cw}", []string{"Văn phòng Ban", "Phòng Nội chính", "Phòng Phòng, chống tham nhũng"},
		[]string{"Văn phòng Ban>Phòng Nội chính"}, 15},
}

// frontOrgs are the provincial Fatherland Front and socio-political
// organizations (F1: Tỉnh đoàn and Hội LHPN rearranged their divisions).
var frontOrgs = []agencySpec{
	{"MTTQ", "fatherland_front", "Ủy ban MTTQ Việt Nam {lo}", []string{"Văn phòng", "Ban Dân chủ – Pháp luật",
		"Ban Phong trào", "Ban Tuyên giáo – Đối ngoại"}, nil, 24},
	{"DOAN", "socio_political_org", "Tỉnh đoàn Bắc Giang", []string{"Văn phòng", "Ban Tổ chức – Kiểm tra", "Ban Tuyên giáo",
		"Ban Phong trào", "Ban Thanh thiếu nhi trường học", "Ban Mặt trận – Thanh niên công nhân"},
		[]string{"Ban Mặt trận – Thanh niên công nhân>Ban Phong trào"}, 26},
	{"HPN", "socio_political_org", "Hội Liên hiệp Phụ nữ {lo}", []string{"Văn phòng", "Ban Tổ chức – Kiểm tra",
		"Ban Tuyên giáo", "Ban Gia đình – Xã hội", "Ban Kinh tế"}, []string{"Ban Kinh tế>Ban Gia đình – Xã hội"}, 22},
	{"HND", "socio_political_org", "Hội Nông dân {lo}", []string{"Văn phòng", "Ban Tổ chức – Kiểm tra",
		"Ban Tuyên huấn", "Ban Kinh tế – Xã hội"}, nil, 20},
	{"HCCB", "socio_political_org", "Hội Cựu chiến binh {lo}", []string{"Văn phòng", "Ban Tổ chức – Chính sách",
		"Ban Tuyên giáo – Kiểm tra"}, nil, 13},
	{"LDLD", "socio_political_org", "Liên đoàn Lao động {lo}", []string{"Văn phòng", "Ban Tổ chức – Kiểm tra",
		"Ban Tuyên giáo – Nữ công", "Ban Chính sách – Pháp luật", "Ban Tài chính"}, nil, 32},
}

// stateAgencies are the specialised agencies of the provincial People's
// Committee (F2: their internal divisions went down by 2 in 2018).
var stateAgencies = []agencySpec{
	{"VPUB", "state_agency", "Văn phòng UBND {lo}", []string{"Phòng Tổng hợp", "Phòng Kinh tế ngành",
		"Phòng Khoa giáo – Văn xã", "Phòng Nội chính", "Phòng Hành chính – Tổ chức", "Phòng Quản trị – Tài vụ"}, nil, 70},
	{"SNV", "state_agency", "Sở Nội vụ {lo}", []string{"Văn phòng", "Thanh tra", "Phòng Tổ chức – Biên chế",
		"Phòng Xây dựng chính quyền và Công tác thanh niên", "Phòng Công chức, viên chức", "Ban Thi đua – Khen thưởng",
		"Ban Tôn giáo", "Chi cục Văn thư – Lưu trữ"}, []string{"Phòng Công chức, viên chức>Phòng Tổ chức – Biên chế"}, 75},
	{"STP", "state_agency", "Sở Tư pháp {lo}", []string{"Văn phòng", "Thanh tra",
		"Phòng Xây dựng, kiểm tra và theo dõi thi hành pháp luật", "Phòng Phổ biến, giáo dục pháp luật",
		"Phòng Hành chính tư pháp", "Phòng Bổ trợ tư pháp"},
		[]string{"Phòng Hành chính tư pháp+Phòng Bổ trợ tư pháp=Phòng Hành chính và Bổ trợ tư pháp"}, 32},
	{"SKHDT", "state_agency", "Sở Kế hoạch và Đầu tư {lo}", []string{"Văn phòng", "Thanh tra", "Phòng Tổng hợp, quy hoạch",
		"Phòng Kinh tế ngành", "Phòng Đăng ký kinh doanh", "Phòng Doanh nghiệp, kinh tế tập thể và tư nhân"}, nil, 44},
	{"STC", "state_agency", "Sở Tài chính {lo}", []string{"Văn phòng", "Thanh tra", "Phòng Quản lý ngân sách",
		"Phòng Tài chính hành chính sự nghiệp", "Phòng Quản lý giá và công sản", "Phòng Tài chính doanh nghiệp"}, nil, 52},
	{"SCT", "state_agency", "Sở Công Thương {lo}", []string{"Văn phòng", "Thanh tra", "Phòng Quản lý thương mại",
		"Phòng Quản lý công nghiệp", "Phòng Quản lý năng lượng"}, nil, 40},
	{"SNN", "state_agency", "Sở Nông nghiệp và Phát triển nông thôn {lo}", []string{"Văn phòng", "Thanh tra",
		"Phòng Kế hoạch – Tài chính", "Phòng Tổ chức cán bộ", "Chi cục Trồng trọt và Bảo vệ thực vật",
		"Chi cục Chăn nuôi và Thú y", "Chi cục Thủy lợi", "Chi cục Kiểm lâm", "Chi cục Phát triển nông thôn"}, nil, 210},
	{"SGTVT", "state_agency", "Sở Giao thông vận tải {lo}", []string{"Văn phòng", "Thanh tra", "Phòng Kế hoạch – Tài chính",
		"Phòng Quản lý kết cấu hạ tầng giao thông", "Phòng Quản lý vận tải, phương tiện và người lái"}, nil, 66},
	{"SXD", "state_agency", "Sở Xây dựng {lo}", []string{"Văn phòng", "Thanh tra", "Phòng Quy hoạch – Kiến trúc",
		"Phòng Quản lý xây dựng", "Phòng Phát triển đô thị và Hạ tầng kỹ thuật"}, nil, 38},
	{"STNMT", "state_agency", "Sở Tài nguyên và Môi trường {lo}", []string{"Văn phòng", "Thanh tra", "Phòng Đất đai",
		"Phòng Tài nguyên nước – Khoáng sản", "Chi cục Bảo vệ môi trường", "Phòng Đo đạc, bản đồ và viễn thám"}, nil, 48},
	{"STTTT", "state_agency", "Sở Thông tin và Truyền thông {lo}", []string{"Văn phòng", "Thanh tra",
		"Phòng Báo chí – Xuất bản", "Phòng Công nghệ thông tin", "Phòng Bưu chính – Viễn thông"}, nil, 28},
	{"SLDTBXH", "state_agency", "Sở Lao động – Thương binh và Xã hội {lo}", []string{"Văn phòng", "Thanh tra",
		"Phòng Lao động – Việc làm", "Phòng Người có công", "Phòng Bảo trợ xã hội", "Phòng Giáo dục nghề nghiệp",
		"Phòng Bảo vệ, chăm sóc trẻ em và Bình đẳng giới"}, nil, 46},
	{"SVHTTDL", "state_agency", "Sở Văn hóa, Thể thao và Du lịch {lo}", []string{"Văn phòng", "Thanh tra",
		"Phòng Quản lý văn hóa", "Phòng Quản lý thể dục thể thao", "Phòng Quản lý du lịch", "Phòng Quản lý di sản văn hóa"}, nil, 40},
	{"SKHCN", "state_agency", "Sở Khoa học và Công nghệ {lo}", []string{"Văn phòng", "Thanh tra", "Phòng Quản lý khoa học",
		"Phòng Quản lý công nghệ và Sở hữu trí tuệ", "Chi cục Tiêu chuẩn – Đo lường – Chất lượng"}, nil, 34},
	{"SGDDT", "state_agency", "Sở Giáo dục và Đào tạo {lo}", []string{"Văn phòng", "Thanh tra", "Phòng Giáo dục Mầm non",
		"Phòng Giáo dục Tiểu học", "Phòng Giáo dục Trung học", "Phòng Khảo thí và Quản lý chất lượng giáo dục",
		"Phòng Tổ chức cán bộ", "Phòng Kế hoạch – Tài chính"}, nil, 60},
	{"SYT", "state_agency", "Sở Y tế {lo}", []string{"Văn phòng", "Thanh tra", "Phòng Nghiệp vụ Y", "Phòng Nghiệp vụ Dược",
		"Phòng Kế hoạch – Tài chính", "Phòng Tổ chức cán bộ", "Chi cục Dân số – Kế hoạch hóa gia đình",
		"Chi cục An toàn vệ sinh thực phẩm"}, nil, 64},
	{"TTR", "state_agency", "Thanh tra {lo}", []string{"Văn phòng", "Phòng Nghiệp vụ 1", "Phòng Nghiệp vụ 2",
		"Phòng Nghiệp vụ 3", "Phòng Tiếp công dân và Xử lý đơn thư"}, nil, 36},
	{"BDT", "state_agency", "Ban Dân tộc {lo}", []string{"Văn phòng", "Thanh tra", "Phòng Chính sách dân tộc",
		"Phòng Kế hoạch – Tổng hợp"}, nil, 22},
	{"SNGV", "state_agency", "Sở Ngoại vụ {lo}", []string{"Văn phòng", "Phòng Hợp tác quốc tế",
		"Phòng Lãnh sự và Người Việt Nam ở nước ngoài"}, nil, 16},
}

// psuSpec is a provincial public service unit under an agency; merged
// ones ("A+B=C" style, by position) are combined under Plan 47-KH/TU.
type psuSpec struct {
	agency string
	names  []string
	merges []string
	staff  [2]int
}

var provincialPSUs = []psuSpec{
	{"SYT", []string{"Bệnh viện Đa khoa tỉnh", "Bệnh viện Sản Nhi", "Bệnh viện Y học cổ truyền", "Bệnh viện Phổi",
		"Bệnh viện Tâm thần", "Trung tâm Y tế dự phòng", "Trung tâm Phòng, chống HIV/AIDS",
		"Trung tâm Phòng, chống bệnh xã hội", "Trung tâm Truyền thông – Giáo dục sức khỏe",
		"Trung tâm Chăm sóc sức khỏe sinh sản", "Trung tâm Kiểm nghiệm", "Trung tâm Giám định y khoa"},
		[]string{"Trung tâm Y tế dự phòng+Trung tâm Phòng, chống HIV/AIDS+Trung tâm Phòng, chống bệnh xã hội+" +
			"Trung tâm Truyền thông – Giáo dục sức khỏe+Trung tâm Chăm sóc sức khỏe sinh sản=Trung tâm Kiểm soát bệnh tật"},
		[2]int{60, 700}},
	{"SLDTBXH", []string{"Trung tâm Dịch vụ việc làm", "Trung tâm Bảo trợ xã hội", "Trung tâm Điều dưỡng người có công",
		"Cơ sở Cai nghiện ma túy"}, []string{"Trung tâm Điều dưỡng người có công>Trung tâm Bảo trợ xã hội"}, [2]int{25, 60}},
	{"STNMT", []string{"Văn phòng Đăng ký đất đai", "Trung tâm Quan trắc tài nguyên và môi trường",
		"Trung tâm Công nghệ thông tin tài nguyên và môi trường", "Trung tâm Phát triển quỹ đất và Cụm công nghiệp"},
		[]string{"Trung tâm Công nghệ thông tin tài nguyên và môi trường>Trung tâm Quan trắc tài nguyên và môi trường"},
		[2]int{20, 180}},
	{"SKHCN", []string{"Trung tâm Ứng dụng tiến bộ khoa học và công nghệ", "Trung tâm Kỹ thuật tiêu chuẩn đo lường chất lượng"},
		[]string{"Trung tâm Kỹ thuật tiêu chuẩn đo lường chất lượng>Trung tâm Ứng dụng tiến bộ khoa học và công nghệ"},
		[2]int{15, 30}},
	{"SXD", []string{"Trung tâm Quy hoạch xây dựng", "Trung tâm Kiểm định chất lượng công trình xây dựng"},
		[]string{"Trung tâm Kiểm định chất lượng công trình xây dựng>Trung tâm Quy hoạch xây dựng"}, [2]int{15, 30}},
	{"SNN", []string{"Trung tâm Khuyến nông", "Trung tâm Giống cây trồng", "Trung tâm Nước sạch và Vệ sinh môi trường nông thôn"},
		nil, [2]int{20, 45}},
	{"SVHTTDL", []string{"Bảo tàng tỉnh", "Thư viện tỉnh", "Nhà hát Chèo", "Trung tâm Văn hóa điện ảnh",
		"Trung tâm Huấn luyện và Thi đấu thể dục thể thao"}, nil, [2]int{20, 60}},
	{"STTTT", []string{"Trung tâm Công nghệ thông tin và Truyền thông"}, nil, [2]int{15, 25}},
	{"SGTVT", []string{"Ban Quản lý dự án giao thông", "Trung tâm Đăng kiểm xe cơ giới"}, nil, [2]int{20, 40}},
	{"UBND", []string{"Ban Quản lý dự án đầu tư xây dựng tỉnh", "Đài Phát thanh và Truyền hình tỉnh"}, nil, [2]int{40, 150}},
}
