package web

import (
	"net/http"
	"reflect"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/tochuc/tochuc/internal/app"
	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// apiOp is what the OpenAPI document says of an API route beyond the route
// table: its operation id, the Go type of its answer (and of its request
// body), whether the answer is wrapped as a page (apiPage: as_of and data),
// its success status and what else it may answer.
type apiOp struct {
	id     string
	resp   reflect.Type // nil: a file (the export)
	page   bool         // the body is apiPage{as_of, data: resp}
	status string       // "200" unless set
	req    reflect.Type // the JSON request body, or nil
	upload bool         // a multipart upload of a bundle (field tep)
	// uploadWhat, when set, says what the upload's field tep holds (not a bundle).
	uploadWhat string
	// attached: the answer is a document's attached file, in its media type.
	attached bool
	errors   []string // the error statuses besides 400, 401, 403, 404, 500, 503
	etag     bool     // the answer carries an ETag (the record's version)
	ifMatch  bool     // the request may carry If-Match
	// downloads are the media types of the files ?dang= asks for instead of the JSON.
	downloads []string
}

const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

// apiOps are the API routes by method and path: a test checks that every
// API route of the route table has one.
var apiOps = map[string]apiOp{
	"GET /api/v1/report": {id: "getReport", resp: reflect.TypeFor[reportView](), page: true},
	"GET /api/v1/report/{id}": {id: "getIndicatorRecords", resp: reflect.TypeFor[explainView](), page: true,
		downloads: []string{"text/csv", xlsxType}},
	"GET /api/v1/tree":                 {id: "getTree", resp: reflect.TypeFor[treeView](), page: true},
	"GET /api/v1/units":                {id: "listUnits", resp: reflect.TypeFor[unitList](), page: true},
	"GET /api/v1/units/{id}":           {id: "getUnit", resp: reflect.TypeFor[unitView](), page: true},
	"GET /api/v1/units/{id}/children":  {id: "listUnitChildren", resp: reflect.TypeFor[childrenView](), page: true},
	"GET /api/v1/people":               {id: "listPeople", resp: reflect.TypeFor[personList](), page: true},
	"GET /api/v1/people/{id}":          {id: "getPerson", resp: reflect.TypeFor[personView](), page: true},
	"GET /api/v1/documents":            {id: "listDocuments", resp: reflect.TypeFor[documentList](), page: true},
	"GET /api/v1/documents/{id}":       {id: "getDocument", resp: reflect.TypeFor[documentView](), page: true},
	"GET /api/v1/compare":              {id: "compareDates", resp: reflect.TypeFor[compareView](), page: true},
	"GET /api/v1/records/{file}":       {id: "getRecord", resp: reflect.TypeFor[recordView](), etag: true},
	"POST /api/v1/records/{file}":      {id: "saveRecord", resp: reflect.TypeFor[editResult](), req: reflect.TypeFor[editRequest](), errors: []string{"409", "413", "422"}, ifMatch: true},
	"POST /api/v1/imports":             {id: "uploadBundle", resp: reflect.TypeFor[jobAccepted](), status: "202", upload: true, errors: []string{"413"}},
	"GET /api/v1/imports/{id}":         {id: "getImport", resp: reflect.TypeFor[importJobView](), page: true},
	"POST /api/v1/imports/{id}/commit": {id: "commitImport", resp: reflect.TypeFor[jobAccepted](), status: "202", errors: []string{"409"}},
	"GET /api/v1/pick":                 {id: "pick", resp: reflect.TypeFor[pickList](), page: true},
	"GET /api/v1/export":               {id: "exportBundle"},
	"GET /api/v1/audit":                {id: "listAudit", resp: reflect.TypeFor[auditList](), page: true},
	"GET /api/v1/checks": {id: "listFindings", resp: reflect.TypeFor[findingList](), page: true,
		downloads: []string{"text/csv", xlsxType}},
	"GET /api/v1/discipline": {id: "listDiscipline", resp: reflect.TypeFor[disciplineList](), page: true},
	"GET /api/v1/appointments": {id: "listAppointments", resp: reflect.TypeFor[appointmentList](), page: true,
		downloads: []string{"text/csv", xlsxType}},
	"GET /api/v1/terms":                   {id: "listTerms", resp: reflect.TypeFor[termList](), page: true},
	"GET /api/v1/plans":                   {id: "listPlans", resp: reflect.TypeFor[planList](), page: true},
	"GET /api/v1/evaluations":             {id: "listEvaluations", resp: reflect.TypeFor[evaluationList](), page: true},
	"GET /api/v1/evaluations/summary":     {id: "getEvaluationSummary", resp: reflect.TypeFor[evalSummaryView](), page: true, downloads: []string{xlsxType}},
	"GET /api/v1/evaluations/history":     {id: "listEvaluationHistory", resp: reflect.TypeFor[evalHistoryView](), page: true},
	"GET /api/v1/dues":                    {id: "listDues", resp: reflect.TypeFor[duesList](), page: true, downloads: []string{xlsxType}},
	"GET /api/v1/dues/behind":             {id: "listDuesBehind", resp: reflect.TypeFor[duesList](), page: true, downloads: []string{xlsxType}},
	"GET /api/v1/party-stats":             {id: "getPartyStats", resp: reflect.TypeFor[partyStatsView](), page: true, downloads: []string{xlsxType}},
	"GET /api/v1/casework/due":            {id: "listCaseworkDue", resp: reflect.TypeFor[dueList](), page: true},
	"GET /api/v1/restructure-drafts":      {id: "listRestructureDrafts", resp: reflect.TypeFor[draftList](), page: true},
	"GET /api/v1/restructure-drafts/{id}": {id: "getRestructureDraft", resp: reflect.TypeFor[draftView](), page: true},
	"POST /api/v1/documents/{id}/files": {id: "attachDocumentFile", resp: reflect.TypeFor[attachedFile](), upload: true, errors: []string{"413"},
		uploadWhat: "Tệp đính kèm của văn bản: PDF, DOCX, XLSX, PNG hoặc JPEG (kiểm tra theo nội dung), tối đa 20 MiB; tên tệp là tên được lưu"},
	"GET /api/v1/documents/{id}/files/{name}": {id: "getDocumentFile", attached: true},

	// bundle-v1 amendment 3: tasks and targets
	"GET /api/v1/tasks":                  {id: "listTasks", resp: reflect.TypeFor[taskList](), page: true, downloads: []string{xlsxType}},
	"GET /api/v1/targets":                {id: "listTargets", resp: reflect.TypeFor[targetList](), page: true, downloads: []string{xlsxType}},
	"GET /api/v1/documents/{id}/targets": {id: "getDocumentTargets", resp: reflect.TypeFor[targetList](), page: true, downloads: []string{xlsxType}},
}

// queryParams describe the query parameters of the routes (their names are Vietnamese, as in the pages' addresses).
var queryParams = map[string]map[string]any{
	"ngay":      {"description": "Ngày xem (yyyy-mm-dd hoặc dd/mm/yyyy); mặc định hôm nay", "schema": map[string]any{"type": "string", "examples": []string{"2025-07-01"}}},
	"tu":        {"description": "Ngày so sánh: trước ngày xem (yyyy-mm-dd hoặc dd/mm/yyyy); nhật ký: từ ngày này (giờ Việt Nam)", "schema": map[string]any{"type": "string"}},
	"den":       {"description": "Ngày cuối của khoảng so sánh (mặc định: ngày xem); nhật ký: đến hết ngày này (giờ Việt Nam)", "schema": map[string]any{"type": "string"}},
	"pham_vi":   {"description": "Mã đơn vị làm phạm vi (trong phạm vi được giao)", "schema": map[string]any{"type": "string"}},
	"q":         {"description": "Tìm không dấu (nhân sự: từng từ trùng trọn một từ của họ tên, hoặc mã nhân sự)", "schema": map[string]any{"type": "string"}},
	"loai":      {"description": "Loại đơn vị (danh sách đơn vị) hoặc loại văn bản (danh sách văn bản)", "schema": map[string]any{"type": "string", "enum": kindCodes()}},
	"hieu_luc":  {"description": "Văn bản: 1 còn hiệu lực vào ngày xem (bundle-v1 sửa đổi 3), 0 không còn hoặc chưa có hiệu lực", "schema": map[string]any{"type": "string", "enum": []string{"1", "0"}}},
	"trang":     {"description": "Trang (từ 1); trang sau trang cuối là trang rỗng, giữ tổng số", "schema": map[string]any{"type": "integer", "minimum": 1}},
	"trang_td":  {"description": "Bản ghi của một chỉ tiêu so với ngày tu: trang (từ 1) của các bản ghi vào, ra giữa hai ngày", "schema": map[string]any{"type": "integer", "minimum": 1}},
	"xep_theo":  {"description": "Bản ghi của một chỉ tiêu: ten (người, theo tên), tinh (tỷ lệ: bản ghi được tính trước); mặc định theo nhóm, mã", "schema": map[string]any{"type": "string", "enum": []string{"ten", "tinh"}}},
	"sau":       {"description": "Danh sách nhân sự: trang bắt đầu sau người này; nhật ký: sau mục này (giá trị lấy từ liên kết next)", "schema": map[string]any{"type": "string", "maxLength": 1024}},
	"truoc":     {"description": "Danh sách nhân sự: trang kết thúc trước người này (giá trị lấy từ liên kết prev)", "schema": map[string]any{"type": "string", "maxLength": 1024}},
	"gioi_tinh": {"description": "Giới tính", "schema": map[string]any{"type": "string", "enum": []string{"male", "female"}}},
	"con_song":  {"description": "1: chỉ người còn sống vào ngày xem", "schema": map[string]any{"type": "string", "enum": []string{"1"}}},
	"phan":      {"description": "Phần so sánh được phân trang", "schema": map[string]any{"type": "string", "enum": compareParams()}},
	"chu_ky": {"description": "Xuất: chu_ky=1 ký gói .zip bằng khóa của máy chủ (tochuc serve --sign-key): thêm manifest.json có chữ ký, ghi phạm vi của tài khoản; bỏ qua khi máy chủ không có khóa",
		"schema": map[string]any{"type": "string"}},
	"thay_doi_sau": {"description": "Xuất gói gia tăng: chỉ các bản ghi ghi nhận sau thời điểm này (RFC 3339; yyyy-mm-dd là cuối ngày, UTC) và retractions.csv",
		"schema": map[string]any{"type": "string", "examples": []string{"2026-01-01T00:00:00Z"}}},
	"dang": {"description": "Xuất: dạng gói zip (mặc định) hoặc xlsx; kiểm tra: tải về csv, xlsx hoặc json (checks-v1) thay cho trang; bản ghi của một chỉ tiêu: tải về tất cả dạng csv hoặc xlsx",
		"schema": map[string]any{"type": "string", "enum": []string{"zip", "xlsx", "csv", "json"}}},
	"nguoi":     {"description": "Nhật ký: tên đăng nhập của người thực hiện; kiểm tra: mã nhân sự", "schema": map[string]any{"type": "string"}},
	"quy_dinh":  {"description": "Mã quy định kiểm tra (checks-v1), ví dụ PLAN-02", "schema": map[string]any{"type": "string"}},
	"nhan_su":   {"description": "Nhật ký: mã nhân sự mà thay đổi chạm đến", "schema": map[string]any{"type": "string"}},
	"don_vi":    {"description": "Kiểm tra: mã đơn vị mà phát hiện nói đến; nhật ký: mã đơn vị mà thay đổi chạm đến; cây tổ chức: mã đơn vị xem cùng các đơn vị trực thuộc; danh sách nhân sự, đơn vị: chỉ những người, đơn vị thuộc đơn vị này (cả các cấp trực thuộc)", "schema": map[string]any{"type": "string"}},
	"nhanh":     {"description": "Cây tổ chức: số thứ tự (từ 1) của một hệ thống (dòng) để xem riêng, 50 đơn vị gốc một trang", "schema": map[string]any{"type": "integer", "minimum": 1}},
	"dang_vien": {"description": "Danh sách nhân sự: đảng viên (chính thức hoặc dự bị), chính thức, dự bị, hoặc không phải đảng viên vào ngày xem", "schema": map[string]any{"type": "string", "enum": []string{"member", "official", "probationary", "none"}}},
	"tuoi":      {"description": "Danh sách nhân sự: nhóm tuổi vào ngày xem", "schema": map[string]any{"type": "string", "enum": []string{"duoi-30", "30-39", "40-49", "50-59", "tu-60"}}},
	"sap_xep":   {"description": "Danh sách nhân sự: sắp xếp theo tên (mặc định) hoặc theo ngày sinh", "schema": map[string]any{"type": "string", "enum": []string{"ten", "ngay_sinh"}}},
	"doi_tuong": {"description": "Tìm để chọn: người, đơn vị hoặc văn bản", "schema": map[string]any{"type": "string", "enum": []string{pickPerson, pickUnit, pickDocument}}},
	"danh_sach": {"description": "Bổ nhiệm: danh sách — held (đang đảm nhiệm, mặc định), due (đến hạn bổ nhiệm lại), extension (kéo dài đến tuổi nghỉ hưu), retirement (nghỉ hưu trong 12 tháng), rotation (luân chuyển), ended (thôi giữ chức vụ từ tu đến den)",
		"schema": map[string]any{"type": "string", "enum": []string{"held", "due", "extension", "retirement", "rotation", "ended"}}},
	"hinh_thuc":    {"description": "Kỷ luật: hình thức", "schema": map[string]any{"type": "string", "enum": tochuc.DisciplineForms}},
	"ma_doi_tuong": {"description": "Kỷ luật: mã người hoặc đơn vị bị kỷ luật", "schema": map[string]any{"type": "string", "maxLength": 200}},
	"co_quan":      {"description": "Kỷ luật: mã đơn vị (cấp có thẩm quyền) quyết định kỷ luật; văn bản: mã cơ quan ban hành", "schema": map[string]any{"type": "string", "maxLength": 200}},
	"hanh_dong":    {"description": "Nhật ký: hành động, đúng tên, hoặc phần đầu kết thúc bằng dấu chấm (ví dụ assignments.)", "schema": map[string]any{"type": "string"}},
	"nhiem_ky":     {"description": "Quy hoạch: nhiệm kỳ dạng A-B (ví dụ 2025-2030); trang: mặc định nhiệm kỳ đang diễn ra vào ngày xem", "schema": map[string]any{"type": "string", "pattern": "^[0-9]{4}-[0-9]{4}$"}},
	"cap_uy":       {"description": "Đánh giá, xếp loại: mã cấp ủy (đơn vị) quyết định xếp loại", "schema": map[string]any{"type": "string", "maxLength": 200}},
	"nam":          {"description": "Đánh giá, xếp loại: năm (mặc định năm nay); văn bản: năm ban hành", "schema": map[string]any{"type": "integer", "minimum": 1930, "maximum": 2100}},
	"ky":           {"description": "Đánh giá, xếp loại: kỳ (mặc định year)", "schema": map[string]any{"type": "string", "enum": tochuc.EvaluationPeriods}},
	"ma_dt":        {"description": "Đánh giá, xếp loại: mã đối tượng (người hoặc đơn vị)", "schema": map[string]any{"type": "string", "maxLength": 200}},
	"nhom":         {"description": "Đánh giá, xếp loại: nhóm đối tượng", "schema": map[string]any{"type": "string", "enum": tochuc.EvaluationCategories}},
	"buoc":         {"description": "Đánh giá, xếp loại: bước (tự đánh giá, đã thẩm định, đã quyết định)", "schema": map[string]any{"type": "string", "enum": tochuc.EvaluationStatuses}},
	"cap_duoi":     {"description": "Đánh giá, xếp loại: 1 để gồm cả các cấp ủy trực thuộc", "schema": map[string]any{"type": "string", "enum": []string{"1"}}},
	"loc":          {"description": "Lịch sử xếp loại: xuat_sac (xuất sắc năm nay, xét khen thưởng) hoặc khong_hoan_thanh (không hoàn thành năm nay)", "schema": map[string]any{"type": "string", "enum": []string{"xuat_sac", "khong_hoan_thanh"}}},
	"thang":        {"description": "Đảng phí: tháng (mm/yyyy hoặc yyyy-mm; mặc định tháng của ngày xem)", "schema": map[string]any{"type": "string"}},
	"phan_nhom":    {"description": "Bản ghi của một chỉ tiêu có phân tổ (by): chỉ các bản ghi của nhóm này (ví dụ 31_40 của party.members.age)", "schema": map[string]any{"type": "string", "maxLength": 100}},
	"viec":         {"description": "Việc đến hạn: loại việc (mặc định probation)", "schema": map[string]any{"type": "string", "enum": app.DueKinds}},

	// bundle-v1 amendment 3: tasks and targets
	"trang_thai": {"description": "Nhiệm vụ: den_han (mặc định: quá hạn và đến hạn trong 30 ngày), tat_ca, hoặc một trạng thái vào ngày xem",
		"schema": map[string]any{"type": "string", "enum": append([]string{"den_han", "tat_ca"}, tochuc.TaskStatuses...)}},
	"van_ban": {"description": "Nhiệm vụ, chỉ tiêu: mã văn bản", "schema": map[string]any{"type": "string", "maxLength": 200}},
}

// recordKeyColumns are the columns of the records' keys, every bundle file's.
func recordKeyColumns() []string {
	var out []string
	for _, f := range bundle.Files {
		for _, k := range f.Key {
			if !slices.Contains(out, k) && k != "ngay" {
				out = append(out, k)
			}
		}
	}
	return out
}

func compareParams() []string {
	var out []string
	for _, s := range compareSections {
		out = append(out, s.param)
	}
	return out
}

// errorStatuses are the descriptions of the error answers (components/responses).
var errorStatuses = map[string]struct{ name, desc string }{
	"400": {"BadRequest", "Tham số không hợp lệ"},
	"401": {"Unauthorized", "Chưa đăng nhập (token hoặc phiên làm việc)"},
	"403": {"Forbidden", "Ngoài quyền hoặc phạm vi được giao"},
	"404": {"NotFound", "Không tìm thấy"},
	"409": {"Conflict", "Xung đột: bản ghi đã thay đổi từ khi đọc (code stale, kèm bản ghi hiện tại), hoặc gói chưa kiểm tra xong"},
	"413": {"TooLarge", "Nội dung gửi lên quá lớn"},
	"422": {"Unprocessable", "Dữ liệu không hợp lệ: chưa ghi gì (issues: lỗi theo dòng, cột)"},
	"500": {"Internal", "Lỗi hệ thống"},
	"503": {"Unavailable", "Cơ sở dữ liệu bận hoặc không kết nối được, hoặc hết thời gian: thử lại sau (Retry-After)"},
}

// openAPI builds the OpenAPI 3.1 document of the JSON API from the route
// table and the Go types of the answers (apitypes.go), so that neither the
// paths nor the shapes can drift from what the handlers answer.
func (s *Server) openAPI(server string) map[string]any {
	g := newSchemaGen()
	g.named(reflect.TypeFor[apiError]())
	paths := map[string]any{}
	usedErrors := map[string]bool{}
	for _, rt := range s.routes() {
		if rt.API == "" {
			continue
		}
		op, ok := apiOps[rt.Method+" "+rt.API]
		if !ok {
			continue // TestAPIOpsCoverRoutes fails
		}
		params := []any{}
		for _, seg := range strings.Split(rt.API, "/") {
			if strings.HasPrefix(seg, "{") {
				name := strings.Trim(seg, "{}")
				params = append(params, map[string]any{"name": name, "in": "path", "required": true,
					"description": pathParamDesc(rt.API, name), "schema": map[string]any{"type": "string"}})
			}
		}
		for _, q := range rt.Query {
			p := map[string]any{"name": q, "in": "query", "required": false}
			for k, v := range queryParams[q] {
				p[k] = v
			}
			params = append(params, p)
		}
		if rt.Method == "GET" && strings.HasPrefix(rt.API, apiPrefix+"records/") {
			for _, k := range recordKeyColumns() {
				params = append(params, map[string]any{"name": k, "in": "query", "required": false,
					"description": "Một cột của khóa bản ghi (" + columnLabel(k) + "), với các bảng có cột này trong khóa; thiếu khóa: mẫu để thêm bản ghi, điền sẵn từ các tham số cùng tên cột",
					"schema":      map[string]any{"type": "string"}})
			}
		}
		if op.ifMatch {
			params = append(params, map[string]any{"name": "If-Match", "in": "header", "required": false,
				"description": "Phiên bản của bản ghi đã đọc (ETag của GET); thay cho trường version",
				"schema":      map[string]any{"type": "string"}})
		}
		status := op.status
		if status == "" {
			status = "200"
		}
		ok200 := map[string]any{"description": rt.Summary}
		switch {
		case op.attached:
			content := map[string]any{}
			for _, t := range bundle.AttachedTypes {
				content[t.MediaType] = map[string]any{"schema": map[string]any{"type": "string", "contentMediaType": t.MediaType}}
			}
			ok200["content"] = content
			ok200["headers"] = map[string]any{"Content-Disposition": map[string]any{"description": "attachment, với tên tệp (UTF-8)",
				"schema": map[string]any{"type": "string"}}}
		case op.resp == nil:
			ok200["content"] = map[string]any{
				"application/zip": map[string]any{"schema": map[string]any{"type": "string", "contentMediaType": "application/zip"}},
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": map[string]any{"schema": map[string]any{"type": "string",
					"contentMediaType": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}},
			}
		case op.page:
			ok200["content"] = jsonContent(g.page(op.resp))
		default:
			ok200["content"] = jsonContent(g.ref(op.resp))
		}
		for _, m := range op.downloads {
			ok200["content"].(map[string]any)[m] = map[string]any{"schema": map[string]any{"type": "string", "contentMediaType": m}}
		}
		if op.etag {
			ok200["headers"] = map[string]any{"ETag": map[string]any{"description": "Phiên bản của bản ghi (gửi lại trong If-Match)",
				"schema": map[string]any{"type": "string"}}}
		}
		if status == "202" {
			ok200["headers"] = map[string]any{"Location": map[string]any{"description": "Địa chỉ theo dõi lần nhập",
				"schema": map[string]any{"type": "string"}}}
		}
		responses := map[string]any{status: ok200}
		for _, code := range append([]string{"400", "401", "403", "404", "500", "503"}, op.errors...) {
			responses[code] = map[string]any{"$ref": "#/components/responses/" + errorStatuses[code].name}
			usedErrors[code] = true
		}
		o := map[string]any{"operationId": op.id, "summary": rt.Summary, "parameters": params,
			"responses": responses, "tags": []string{tagOf(rt.API)}}
		switch {
		case op.req != nil:
			o["requestBody"] = map[string]any{"required": true, "content": jsonContent(g.ref(op.req))}
		case op.upload:
			what := "Gói dữ liệu: .zip, .xlsx, hoặc một tệp .csv mang tên bảng (ví dụ units.csv)"
			if op.uploadWhat != "" {
				what = op.uploadWhat
			}
			o["requestBody"] = map[string]any{"required": true, "content": map[string]any{"multipart/form-data": map[string]any{
				"schema": map[string]any{"type": "object", "required": []string{"tep"}, "properties": map[string]any{
					"tep": map[string]any{"type": "string", "contentMediaType": "application/octet-stream",
						"description": what}}}}}}
		}
		item, _ := paths[rt.API].(map[string]any)
		if item == nil {
			item = map[string]any{}
			paths[rt.API] = item
		}
		item[strings.ToLower(rt.Method)] = o
	}
	errResponses := map[string]any{}
	for code := range usedErrors {
		e := errorStatuses[code]
		errResponses[e.name] = map[string]any{"description": e.desc, "content": jsonContent(g.ref(reflect.TypeFor[apiError]()))}
	}
	schemas := g.schemas
	schemas["Error"].(map[string]any)["properties"].(map[string]any)["code"].(map[string]any)["enum"] = errorCodes
	return map[string]any{
		"openapi": "3.1.0",
		"info": map[string]any{"title": "tochuc API", "version": "1",
			"description": "API của hệ thống quản lý công tác tổ chức xây dựng Đảng: cùng quyền, phạm vi và thông báo lỗi như giao diện web. " +
				"Mỗi trang có một địa chỉ API trả về JSON (khóa snake_case, ngày yyyy-mm-dd, danh sách rỗng là []). " +
				"Mọi lỗi dưới /api/ là JSON có code, message (tiếng Việt), status.",
			"license": map[string]any{"name": "Apache-2.0", "identifier": "Apache-2.0"}},
		"servers":  []any{map[string]any{"url": server, "description": "Máy chủ đang trả lời"}},
		"security": []any{map[string]any{"bearer": []string{}}, map[string]any{"session": []string{}}},
		"tags":     apiTags,
		"paths":    paths,
		"components": map[string]any{
			"securitySchemes": map[string]any{
				"bearer":  map[string]any{"type": "http", "scheme": "bearer", "description": "Mã truy cập tạo bằng 'tochuc user token --login TÊN --name MỤC_ĐÍCH'"},
				"session": map[string]any{"type": "apiKey", "in": "cookie", "name": sessionCookie, "description": "Phiên làm việc sau khi đăng nhập ở /dang-nhap"},
			},
			"responses": errResponses,
			"schemas":   schemas,
		},
	}
}

var apiTags = []any{
	map[string]any{"name": "report", "description": "Chỉ tiêu thống kê"},
	map[string]any{"name": "units", "description": "Cây tổ chức và đơn vị"},
	map[string]any{"name": "people", "description": "Nhân sự"},
	map[string]any{"name": "documents", "description": "Văn bản"},
	map[string]any{"name": "compare", "description": "So sánh hai thời điểm"},
	map[string]any{"name": "records", "description": "Đọc và sửa một bản ghi"},
	map[string]any{"name": "imports", "description": "Nhập và xuất gói dữ liệu"},
	map[string]any{"name": "audit", "description": "Nhật ký"},
	map[string]any{"name": "appointments", "description": "Bổ nhiệm, luân chuyển, nghỉ hưu"},
	map[string]any{"name": "discipline", "description": "Kỷ luật (hồ sơ mật)"},
	map[string]any{"name": "dues", "description": "Đảng phí"},
}

// tagOf groups a path by its first segment after /api/v1/.
func tagOf(path string) string {
	seg, _, _ := strings.Cut(strings.TrimPrefix(path, apiPrefix), "/")
	switch seg {
	case "tree":
		return "units"
	case "export":
		return "imports"
	}
	return seg
}

func pathParamDesc(path, name string) string {
	switch {
	case strings.Contains(path, "/report/"):
		return "Mã chỉ tiêu (ví dụ party.members)"
	case strings.Contains(path, "/records/"):
		return "Tên bảng của gói (units, people, assignments, party, headcount, documents…); khóa bản ghi trong tham số cùng tên cột"
	case strings.Contains(path, "/imports/"):
		return "Mã lần nhập"
	case strings.Contains(path, "/people/"):
		return "Mã người"
	}
	return "Mã đơn vị"
}

func jsonContent(schema map[string]any) map[string]any {
	return map[string]any{"application/json": map[string]any{"schema": schema}}
}

func (s *Server) handleOpenAPI(w http.ResponseWriter, r *http.Request) {
	scheme := "http"
	if r.TLS != nil || s.secureCookies {
		scheme = "https"
	}
	writeJSON(w, http.StatusOK, s.openAPI(scheme+"://"+r.Host))
}

// schemaGen makes JSON Schemas (2020-12, as OpenAPI 3.1 has them) of Go
// types as encoding/json writes them: a named struct becomes a component
// whose properties are its json keys, every key not omitempty required, no
// other key allowed.
type schemaGen struct {
	schemas map[string]any
	names   map[reflect.Type]string
}

func newSchemaGen() *schemaGen {
	return &schemaGen{schemas: map[string]any{}, names: map[reflect.Type]string{}}
}

// schemaNames are the component names of types whose Go name says less.
var schemaNames = map[reflect.Type]string{
	reflect.TypeFor[apiError]():      "Error",
	reflect.TypeFor[tochuc.Period](): "Period",
	reflect.TypeFor[bundle.Report](): "ImportReport",
}

var (
	dateType = reflect.TypeFor[tochuc.Date]()
	timeType = reflect.TypeFor[time.Time]()
)

// page returns the schema of an answer wrapped as a page: the component
// <Name>Page with as_of and data.
func (g *schemaGen) page(t reflect.Type) map[string]any {
	inner := g.ref(t)
	name := strings.TrimPrefix(inner["$ref"].(string), "#/components/schemas/") + "Page"
	if _, ok := g.schemas[name]; !ok {
		g.schemas[name] = map[string]any{"type": "object", "additionalProperties": false, "required": []string{"as_of", "data"},
			"description": "Dạng API của một trang: ngày xem và dữ liệu của trang",
			"properties": map[string]any{
				"as_of": map[string]any{"type": "string", "format": "date", "description": "Ngày xem"},
				"data":  inner,
			}}
	}
	return map[string]any{"$ref": "#/components/schemas/" + name}
}

// ref returns a reference to the component of a named struct type.
func (g *schemaGen) ref(t reflect.Type) map[string]any {
	return map[string]any{"$ref": "#/components/schemas/" + g.named(t)}
}

func (g *schemaGen) named(t reflect.Type) string {
	if n, ok := g.names[t]; ok {
		return n
	}
	n := schemaNames[t]
	if n == "" {
		r := []rune(t.Name())
		r[0] = unicode.ToUpper(r[0])
		n = string(r)
		if _, taken := g.schemas[n]; taken {
			n = strings.ToUpper(t.PkgPath()[strings.LastIndex(t.PkgPath(), "/")+1:][:1]) + t.PkgPath()[strings.LastIndex(t.PkgPath(), "/")+2:] + n
		}
	}
	g.names[t] = n
	g.schemas[n] = map[string]any{} // taken, for recursive types
	props, required := map[string]any{}, []string{}
	g.fields(t, props, &required)
	s := map[string]any{"type": "object", "additionalProperties": false, "properties": props}
	if len(required) > 0 {
		slices.Sort(required)
		s["required"] = required
	}
	if d := schemaDocs[n]; d != "" {
		s["description"] = d
	}
	g.schemas[n] = s
	return n
}

// schemaDocs describe the components (Vietnamese, as the rest of the document).
var schemaDocs = map[string]string{
	"Error":          "Lỗi: code ổn định cho chương trình, message tiếng Việt cho người đọc, status HTTP; issues: lỗi theo dòng, cột khi bản ghi bị từ chối",
	"UnitList":       "Một trang danh sách đơn vị tồn tại vào ngày xem",
	"PersonList":     "Một trang danh sách nhân sự, sắp xếp theo tên",
	"DocumentList":   "Một trang danh sách văn bản ban hành đến ngày xem",
	"DocumentView":   "Một văn bản: hiệu lực vào ngày xem, chuỗi thay thế, nhiệm vụ, chỉ tiêu, tệp đính kèm, bản ghi dẫn chiếu",
	"AuditList":      "Một trang nhật ký, mới nhất trước",
	"TreeView":       "Cây tổ chức: các khối với đơn vị đứng đầu, số đơn vị theo loại",
	"ChildrenView":   "Các đơn vị trực thuộc một đơn vị vào ngày xem",
	"UnitView":       "Một đơn vị vào ngày xem: phiên bản, sắp xếp, chức vụ, đảng viên, biên chế, văn bản, đơn vị trực thuộc",
	"PersonView":     "Hồ sơ tóm tắt của một người như biết được vào ngày xem",
	"ReportView":     "Các chỉ tiêu thống kê (indicators-v1) vào ngày xem, trong phạm vi",
	"ExplainView":    "Các bản ghi tạo nên một chỉ tiêu",
	"CompareView":    "Thay đổi giữa hai ngày: số thay đổi của mỗi phần, một trang của mỗi phần",
	"CompareSection": "Một trang của một phần so sánh (trang sau trang cuối: rỗng, giữ tổng số)",
	"ImportJobView":  "Một lần nhập gói dữ liệu: giai đoạn, tiến độ, báo cáo kiểm tra",
	"JobAccepted":    "Lần nhập đã bắt đầu: địa chỉ theo dõi",
	"RecordView":     "Một bản ghi để sửa, với phiên bản của nó",
	"EditRequest":    "Thêm hoặc sửa một bản ghi: thay_doi (thay đổi từ ngày effective) hoặc sua_sai (sửa sai, mặc định)",
	"EditResult":     "Bản ghi đã được ghi: số tập thay đổi và số bản ghi của mỗi tệp",
}

// fields adds the json keys of a struct's fields, those of embedded structs
// among them.
func (g *schemaGen) fields(t reflect.Type, props map[string]any, required *[]string) {
	for i := range t.NumField() {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if f.Anonymous && name == "" {
			et := f.Type
			if et.Kind() == reflect.Pointer {
				et = et.Elem()
			}
			if et.Kind() == reflect.Struct {
				g.fields(et, props, required)
				continue
			}
		}
		if !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		omit := strings.Contains(opts, "omitempty")
		s := g.schema(f.Type, !omit)
		if e := f.Tag.Get("enum"); e != "" {
			s["enum"] = strings.Split(e, ",")
		}
		props[name] = s
		if !omit {
			*required = append(*required, name)
		}
	}
}

// schema is the schema of a value of t; always (not omitempty): a nil
// pointer is written as null.
func (g *schemaGen) schema(t reflect.Type, always bool) map[string]any {
	switch t {
	case dateType:
		return map[string]any{"type": "string", "format": "date"}
	case timeType:
		return map[string]any{"type": "string", "format": "date-time"}
	}
	switch t.Kind() {
	case reflect.String:
		return map[string]any{"type": "string"}
	case reflect.Bool:
		return map[string]any{"type": "boolean"}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return map[string]any{"type": "integer"}
	case reflect.Float32, reflect.Float64:
		return map[string]any{"type": "number"}
	case reflect.Pointer:
		s := g.schema(t.Elem(), always)
		if always {
			return map[string]any{"oneOf": []any{s, map[string]any{"type": "null"}}}
		}
		return s
	case reflect.Slice:
		return map[string]any{"type": "array", "items": g.schema(t.Elem(), true)}
	case reflect.Array:
		return map[string]any{"type": "array", "items": g.schema(t.Elem(), true), "minItems": t.Len(), "maxItems": t.Len()}
	case reflect.Map:
		if t.Elem().Kind() == reflect.Interface {
			return map[string]any{"type": "object"}
		}
		return map[string]any{"type": "object", "additionalProperties": g.schema(t.Elem(), true)}
	case reflect.Struct:
		return g.ref(t)
	}
	return map[string]any{} // any value
}

// kindCodes are the values of ?loai=: the unit kinds and the document kinds.
func kindCodes() []string {
	out := tochuc.UnitKindCodes()
	for _, k := range tochuc.DocumentKinds {
		if !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	return out
}
