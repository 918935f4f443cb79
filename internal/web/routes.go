package web

// route is one operation, served as a page and, when API is set, as JSON by
// the same handler: one code path, the same scopes and errors.
type route struct {
	Method  string
	Page    string // the page's path pattern
	API     string // the API's path pattern, or ""
	Summary string // for the OpenAPI document (Vietnamese)
	Query   []string
	handler handler // its errors are answered by fail (Server.handle)
	MaxBody int64   // the most its request body may hold (limits.go)
}

func (s *Server) routes() []route {
	date := []string{"ngay"}
	return []route{
		{"GET", "/{$}", "/api/v1/report", "Chỉ tiêu thống kê (indicators-v1) vào ngày xem, so với ngày tu, trong phạm vi",
			[]string{"ngay", "tu", "pham_vi"}, s.handleDashboard, smallBody},
		{"GET", "/chi-tieu/{id}", "/api/v1/report/{id}", "Các bản ghi tạo nên một chỉ tiêu: số bản ghi (đến 10.000) và một trang 50 bản ghi theo thứ tự nhóm, mã (trang; dang=csv, xlsx để tải về tất cả); xep_theo=ten: người theo tên, xep_theo=tinh: bản ghi được tính trước; với ngày so sánh tu, các bản ghi vào, ra giữa hai ngày (trang_td)",
			[]string{"ngay", "tu", "pham_vi", "trang", "trang_td", "xep_theo", "dang", "phan_nhom"}, s.handleExplain, smallBody},
		{"GET", "/to-chuc", "/api/v1/tree", "Cây tổ chức: các đơn vị gốc trong phạm vi theo hệ thống (50 một trang; nhanh: một hệ thống, trang) và số đơn vị theo loại; don_vi: một đơn vị với các đơn vị trực thuộc (50 một trang)",
			[]string{"ngay", "nhanh", "don_vi", "trang"}, s.handleTree, smallBody},
		{"GET", "/don-vi", "/api/v1/units", "Danh sách đơn vị tồn tại vào ngày xem (tìm không dấu, lọc theo loại và theo đơn vị cấp trên ở mọi cấp, phân trang)",
			[]string{"ngay", "q", "loai", "don_vi", "trang"}, s.handleUnits, smallBody},
		{"GET", "/don-vi/{id}", "/api/v1/units/{id}", "Đơn vị: phiên bản, sắp xếp, chức vụ, một trang 50 đảng viên (trang), biên chế, văn bản",
			[]string{"ngay", "trang"}, s.handleUnit, smallBody},
		{"GET", "/don-vi/{id}/truc-thuoc", "/api/v1/units/{id}/children", "Các đơn vị trực thuộc một đơn vị vào ngày xem (50 một trang, theo tên; trang)",
			[]string{"ngay", "trang"}, s.handleChildren, smallBody},
		{"GET", "/nhan-su", "/api/v1/people", "Danh sách nhân sự (tìm không dấu, sắp xếp theo tên, phân trang; lọc theo đơn vị, đảng viên, giới tính, tuổi)",
			[]string{"ngay", "q", "gioi_tinh", "con_song", "dang_vien", "tuoi", "don_vi", "sap_xep", "trang", "sau", "truoc"}, s.handlePeople, smallBody},
		{"GET", "/nhan-su/{id}", "/api/v1/people/{id}", "Hồ sơ tóm tắt của một người vào ngày xem", date, s.handlePerson, smallBody},
		{"GET", "/kiem-tra", "/api/v1/checks", "Kiểm tra theo quy định (checks-v1) vào ngày xem, trong phạm vi: số phát hiện theo quy định và một trang phát hiện (lọc theo quy định, đơn vị, người, từ khóa; dang=csv, xlsx, json để tải về)",
			[]string{"ngay", "pham_vi", "quy_dinh", "don_vi", "nguoi", "q", "trang", "dang"}, s.handleFindings, smallBody},
		{"GET", "/van-ban", "/api/v1/documents", "Văn bản đã ban hành đến ngày xem", []string{"ngay", "q"}, s.handleDocuments, smallBody},
		{"GET", "/so-sanh", "/api/v1/compare", "So sánh hai thời điểm: số thay đổi của mỗi phần và một trang của mỗi phần (phan, trang)", []string{"ngay", "tu", "den", "phan", "trang"}, s.handleCompare, smallBody},
		{"GET", "/sua/{file}", "/api/v1/records/{file}", "Một bản ghi để sửa (theo khóa của tệp), với phiên bản của nó (ETag)",
			[]string{"ngay"}, s.handleEditForm, smallBody},
		{"POST", "/sua/{file}", "/api/v1/records/{file}",
			"Thêm hoặc sửa một bản ghi (units, people, assignments, party, headcount, documents…): thay đổi từ ngày hoặc sửa sai",
			[]string{"ngay"}, s.handleEdit, formBody},
		{"GET", "/chon", "/api/v1/pick", "Tìm để chọn khi nhập (người, đơn vị, văn bản) trong phạm vi: tên không dấu, từ cuối là phần đầu một từ, hoặc mã; tối đa 12",
			[]string{"ngay", "doi_tuong", "q"}, s.handlePick, smallBody},
		{"GET", "/sap-xep", "", "", nil, s.handleRestructure, smallBody},
		{"POST", "/sap-xep", "", "", nil, s.handleRestructure, formBody},
		{"GET", "/sap-xep/nhap", "/api/v1/restructure-drafts", "Các bản nháp sắp xếp tổ chức (chưa thực hiện) mà phạm vi được giao chứa mọi đơn vị của chúng, lưu gần nhất trước: tên, phạm vi, người lập, ngày lưu, trạng thái, các thao tác; 50 một trang (trang)",
			[]string{"ngay", "trang"}, s.handleDrafts, smallBody},
		{"GET", "/sap-xep/nhap/so-sanh", "", "", nil, s.handleDraftCompare, smallBody},
		{"GET", "/sap-xep/nhap/{id}", "/api/v1/restructure-drafts/{id}", "Một bản nháp sắp xếp: các thao tác, những gì sẽ thay đổi, chức danh của đơn vị sau sắp xếp so với số lượng tối đa (post_quotas) và người vượt số lượng, các chỉ tiêu của phạm vi vào ngày hiệu lực khi chưa và khi đã sắp xếp",
			date, s.handleDraft, smallBody},
		{"POST", "/sap-xep/nhap/{id}", "", "", nil, s.handleDraft, formBody},
		{"GET", "/nhap", "", "", nil, s.handleUploadForm, smallBody},
		{"POST", "/nhap", "/api/v1/imports", "Tải lên gói dữ liệu (.zip, .xlsx, .csv) để kiểm tra và xem trước từng thay đổi (quản trị viên; cán bộ trong phạm vi của mình)", nil, s.handleUpload, uploadBody},
		{"GET", "/nhap/{id}", "/api/v1/imports/{id}", "Tiến độ kiểm tra và danh sách lỗi của một lần nhập", nil, s.handleJob, smallBody},
		{"GET", "/nhap/{id}/loi", "", "", nil, s.handleJobIssues, smallBody},
		{"GET", "/nhap/mau", "", "", nil, s.handleTemplate, smallBody},
		{"POST", "/nhap/{id}/ghi", "/api/v1/imports/{id}/commit", "Ghi gói dữ liệu đã kiểm tra không có lỗi", nil, s.handleJobCommit, smallBody},
		{"GET", "/xuat", "/api/v1/export", "Tải toàn bộ dữ liệu dưới dạng gói (.zip hoặc .xlsx)", []string{"dang", "chu_ky", "thay_doi_sau"}, s.handleExport, smallBody},
		{"GET", "/nhat-ky", "/api/v1/audit", "Nhật ký thay đổi và đăng nhập (quản trị viên, kiểm tra viên): lọc theo người thực hiện, hành động, nhân sự, đơn vị, khoảng ngày (tu, den); tên, trước → sau, giờ Việt Nam",
			[]string{"ngay", "nguoi", "hanh_dong", "nhan_su", "don_vi", "tu", "den", "trang", "sau"}, s.handleAudit, smallBody},
		{"GET", "/bo-nhiem", "/api/v1/appointments", "Bổ nhiệm, luân chuyển, nghỉ hưu vào ngày xem, trong phạm vi: một danh sách (danh_sach) chức vụ đang đảm nhiệm và thời hạn, đến hạn bổ nhiệm lại (APPT-05), kéo dài đến tuổi nghỉ hưu (APPT-06), nghỉ hưu trong 12 tháng (RET-01), luân chuyển (ROT-06), thôi giữ chức vụ từ ngày tu đến ngày den; 50 một trang; dang=csv, xlsx để tải về",
			[]string{"ngay", "pham_vi", "danh_sach", "tu", "den", "trang", "dang"}, s.handleAppointments, smallBody},
		{"GET", "/ky-luat", "/api/v1/discipline", "Sổ kỷ luật (hồ sơ mật: cần quyền xem, mỗi lần xem ghi nhật ký), mới nhất trước: lọc theo hình thức (hinh_thuc), người hoặc đơn vị (ma_doi_tuong), cấp quyết định (co_quan), khoảng ngày (tu, den), phạm vi; 50 một trang",
			[]string{"ngay", "hinh_thuc", "ma_doi_tuong", "co_quan", "tu", "den", "pham_vi", "trang"}, s.handleDiscipline, smallBody},
		{"GET", "/tai-khoan", "", "", nil, s.handleAccounts, smallBody},
		{"GET", "/tai-khoan/{login}", "", "", nil, s.handleAccount, smallBody},
		{"POST", "/tai-khoan/{login}", "", "", nil, s.handleAccountSave, formBody},
		{"GET", "/khoa-ky", "", "", nil, s.handleKeys, smallBody},
		{"POST", "/khoa-ky", "", "", nil, s.handleKeyTrust, formBody},
		{"POST", "/khoa-ky/thu-hoi", "", "", nil, s.handleKeyRevoke, smallBody},
		{"GET", "/nhiem-ky", "/api/v1/terms", "Nhiệm kỳ theo cấp (terms.csv): nhiệm kỳ, cấp, ngày bắt đầu, ngày kết thúc; sửa qua /sua/terms", date, s.handleTerms, smallBody},
		{"GET", "/quy-hoach", "/api/v1/plans", "Quy hoạch cán bộ (hồ sơ mật, cần quyền xem): trang là ma trận chức danh × người trong quy hoạch của một đơn vị cho một nhiệm kỳ, với cơ cấu theo PLAN-06 trong phạm vi (dang=xlsx để tải về); API là danh sách bản ghi quy hoạch lọc theo nhiệm kỳ, đơn vị, người (100 một trang); mỗi lần đọc được ghi vào nhật ký",
			[]string{"ngay", "nhiem_ky", "don_vi", "nguoi", "pham_vi", "trang", "dang"}, s.handlePlanning, smallBody},
		{"POST", "/quy-hoach", "", "", nil, s.handlePlanningEdit, formBody},
		{"GET", "/quy-hoach/ung-vien", "", "", nil, s.handleNominee, smallBody},
		{"GET", "/danh-gia", "/api/v1/evaluations", "Đánh giá, xếp loại chất lượng (dữ liệu mật): trang: bảng của một cấp ủy theo năm, kỳ; API: danh sách xếp loại lọc theo năm, kỳ, cấp ủy, đối tượng, nhóm, bước (50 một trang)",
			[]string{"cap_uy", "nam", "ky", "ma_dt", "nhom", "buoc", "trang"}, s.handleEvaluations, smallBody},
		{"POST", "/danh-gia", "", "", nil, s.handleEvaluationSave, smallBody},
		{"GET", "/danh-gia/tong-hop", "/api/v1/evaluations/summary", "Tổng hợp kết quả xếp loại của một cấp ủy (cap_duoi=1: cả các cấp ủy trực thuộc) theo năm, kỳ: số lượng, tỷ lệ theo mức, các cấp ủy vượt tỷ lệ xuất sắc (dữ liệu mật; dang=xlsx)",
			[]string{"cap_uy", "nam", "ky", "cap_duoi", "dang"}, s.handleEvalSummary, smallBody},
		{"GET", "/danh-gia/lich-su", "/api/v1/evaluations/history", "Lịch sử xếp loại theo năm của các đối tượng được xếp loại trong năm: khen thưởng (xuất sắc, 5 năm liền), hai năm liền không hoàn thành (dữ liệu mật; 50 một trang)",
			[]string{"cap_uy", "nam", "ky", "cap_duoi", "loc", "trang"}, s.handleEvalHistory, smallBody},
		{"GET", "/dang-phi", "/api/v1/dues", "Đảng phí (PM-14) của một tổ chức đảng (pham_vi) trong một tháng (thang): đảng viên vào cuối tháng, số tiền và ngày nộp của tháng, đã đóng đến tháng nào; 50 một trang; dang=xlsx để tải về",
			[]string{"ngay", "pham_vi", "thang", "trang", "dang"}, s.handleDues, smallBody},
		{"POST", "/dang-phi", "", "", nil, s.handleDuesSave, formBody},
		{"GET", "/dang-phi/cham", "/api/v1/dues/behind", "Đảng viên của một tổ chức đảng (pham_vi) chậm đóng đảng phí quá 3 tháng vào ngày xem (không tính người được miễn: tuổi đảng từ 50 năm); 50 một trang; dang=xlsx để tải về",
			[]string{"ngay", "pham_vi", "trang", "dang"}, s.handleDuesBehind, smallBody},
		{"GET", "/thong-ke-dang-vien", "/api/v1/party-stats", "Báo cáo thống kê đảng viên (11-HD/BTCTW) vào ngày xem, trong phạm vi: số lượng, tỷ lệ theo loại đảng viên, giới tính, độ tuổi, dân tộc, tôn giáo, trình độ chuyên môn, lý luận chính trị, và biến động từ ngày đầu kỳ tu (mặc định 31/12 năm trước) đến ngày xem (dang=xlsx để tải về)",
			[]string{"ngay", "tu", "pham_vi", "dang"}, s.handlePartyStats, smallBody},
		{"GET", "/dang-vien", "", "", nil, s.handleCaseworkHub, smallBody},
		{"GET", "/dang-vien/den-han", "/api/v1/casework/due", "Công tác đảng viên: việc đến hạn, quá hạn của các tổ chức đảng thuộc một đơn vị (pham_vi) vào ngày xem — đảng viên dự bị đến hạn xét công nhận chính thức, lễ kết nạp chưa tổ chức, chuyển đi chưa tiếp nhận, sinh hoạt tạm thời sắp hết hạn, Huy hiệu Đảng đến hạn (viec); số việc mỗi loại và 50 việc một trang",
			[]string{"ngay", "pham_vi", "viec", "trang"}, s.handleCaseworkDue, smallBody},
		{"GET", "/dang-vien/{flow}", "", "", nil, s.handleCaseworkForm, smallBody},
		{"POST", "/dang-vien/{flow}", "", "", nil, s.handleCasework, formBody},
	}
}
