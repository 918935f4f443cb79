package web

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/tochuc/tochuc/internal/app"
	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// Party members' casework (/dang-vien): a hub linking each flow and the
// list of work due; each flow is one short form that writes, through
// app.Casework, the records an import of the same facts would, and shows
// what it wrote.

// flowSlugs are the flows' addresses (/dang-vien/SLUG) by flow.
var flowSlugs = map[string]string{
	app.FlowAdmit: "ket-nap", app.FlowCeremony: "le-ket-nap", app.FlowRecognize: "cong-nhan", app.FlowRemove: "xoa-ten",
	app.FlowTransfer: "chuyen-sinh-hoat", app.FlowTransferOut: "chuyen-di", app.FlowTransferIn: "tiep-nhan",
	app.FlowTemporary: "tam-thoi", app.FlowExpel: "khai-tru", app.FlowCardIssue: "cap-the", app.FlowCardRevoke: "thu-hoi-the",
}

// flowOfSlug returns the flow at an address.
func flowOfSlug(slug string) (string, bool) {
	for f, s := range flowSlugs {
		if s == slug {
			return f, true
		}
	}
	return "", false
}

// caseField is one field of a flow's form.
type caseField struct {
	Name, Label, Kind, Hint string // Kind: person, unit, date, text, reason, check
	Required                bool
	Value                   string
	Echo                    string // the name of the person or unit the value names
	Error                   string
}

// flowFields are the fields of a flow's form, in order.
func flowFields(flow string) []caseField {
	person := caseField{Name: "person_id", Label: "Đảng viên", Kind: "person", Required: true}
	date := caseField{Name: "date", Label: "Ngày quyết định", Kind: "date", Required: true}
	doc := caseField{Name: "doc_number", Label: "Số quyết định", Kind: "text", Hint: "ví dụ 125-QĐ/HU; ghi thành một văn bản"}
	letter := caseField{Name: "doc_number", Label: "Số giấy giới thiệu", Kind: "text", Required: true}
	docDate := caseField{Name: "doc_date", Label: "Ngày ký văn bản (nếu khác ngày quyết định)", Kind: "date"}
	switch flow {
	case app.FlowAdmit:
		person.Label, person.Required, person.Hint = "Người được kết nạp", false, "chọn người đã có; hoặc để trống và ghi họ tên bên dưới để thêm người mới"
		return []caseField{person,
			{Name: "new_name", Label: "Họ và tên (người mới)", Kind: "text"},
			{Name: "new_birth", Label: "Ngày sinh (người mới)", Kind: "date"},
			{Name: "unit_id", Label: "Tổ chức đảng kết nạp", Kind: "unit", Required: true},
			{Name: "date", Label: "Ngày quyết định kết nạp", Kind: "date", Required: true},
			doc, docDate,
			{Name: "ceremony_on", Label: "Ngày tổ chức lễ kết nạp (nếu đã tổ chức)", Kind: "date", Hint: "trong 30 ngày làm việc (PM-05); có thể ghi sau"},
			{Name: "introducer_1", Label: "Người giới thiệu thứ nhất", Kind: "person", Required: true, Hint: "đảng viên chính thức (PM-03)"},
			{Name: "introducer_2", Label: "Người giới thiệu thứ hai", Kind: "person"}}
	case app.FlowCeremony:
		return []caseField{person, {Name: "ceremony_on", Label: "Ngày tổ chức lễ kết nạp", Kind: "date", Required: true}}
	case app.FlowRecognize:
		return []caseField{person, doc, {Name: "doc_date", Label: "Ngày ký quyết định", Kind: "date",
			Hint: "đảng viên được công nhận chính thức từ ngày đủ 12 tháng dự bị, dù quyết định muộn (PM-06)"}}
	case app.FlowRemove:
		doc.Required = true
		return []caseField{person, date, {Name: "reason", Label: "Lý do (PM-10)", Kind: "reason", Required: true},
			{Name: "note", Label: "Ghi chú lý do", Kind: "text"}, doc}
	case app.FlowTransfer:
		return []caseField{person, {Name: "unit_id", Label: "Tổ chức đảng nơi đến", Kind: "unit", Required: true},
			{Name: "date", Label: "Ngày chuyển", Kind: "date", Required: true}, letter, docDate}
	case app.FlowTransferOut:
		return []caseField{person, {Name: "date", Label: "Ngày chuyển đi", Kind: "date", Required: true}, letter, docDate}
	case app.FlowTransferIn:
		letter.Required = false
		return []caseField{person, {Name: "unit_id", Label: "Tổ chức đảng tiếp nhận", Kind: "unit", Required: true},
			{Name: "date", Label: "Ngày tiếp nhận", Kind: "date", Required: true}, letter, docDate}
	case app.FlowTemporary:
		return []caseField{person, {Name: "unit_id", Label: "Tổ chức đảng nơi sinh hoạt tạm thời", Kind: "unit", Required: true},
			{Name: "date", Label: "Từ ngày", Kind: "date", Required: true},
			{Name: "valid_to", Label: "Đến ngày (dự kiến; ghi khi kết thúc)", Kind: "date", Hint: "từ 3 tháng đến dưới 1 năm; học tập đến 2 năm (PM-09)"},
			{Name: "study", Label: "Đi học tập trung", Kind: "check"}}
	case app.FlowExpel:
		doc.Required = true
		return []caseField{person, date, doc, {Name: "note", Label: "Lý do", Kind: "text"}}
	case app.FlowCardIssue:
		return []caseField{person, {Name: "number", Label: "Số thẻ đảng viên", Kind: "text", Required: true},
			{Name: "date", Label: "Ngày cấp", Kind: "date", Required: true}}
	case app.FlowCardRevoke:
		return []caseField{person, {Name: "number", Label: "Số thẻ đảng viên", Kind: "text", Required: true},
			{Name: "date", Label: "Ngày thu hồi", Kind: "date", Required: true}}
	}
	return nil
}

// caseworkHub is the hub page.
type caseworkHub struct {
	Flows    []caseLink
	CanWrite bool
}

type caseLink struct{ Label, Link string }

// caseForm is a flow's form, its error and, once saved, what it wrote.
type caseForm struct {
	Flow, Label, Action string
	Fields              []caseField
	Reasons             []tochuc.Term
	Error               string
	Written             []writtenRecord
	Warnings            []string
	PersonLink          string
}

// writtenRecord is a record a flow wrote, as the confirmation shows it.
type writtenRecord struct {
	File  string
	Cells []writtenCell
}

type writtenCell struct{ Label, Value string }

// handleCaseworkHub shows the hub.
func (s *Server) handleCaseworkHub(w http.ResponseWriter, r *http.Request) error {
	d, err := pageDate(r)
	if err != nil {
		return err
	}
	u, _ := userOf(r.Context())
	data := caseworkHub{CanWrite: u.CanWrite()}
	for _, f := range app.Flows {
		if f == app.FlowExpel && !u.CanReadConfidential() {
			continue
		}
		data.Flows = append(data.Flows, caseLink{tochuc.Label("casework", f), "/dang-vien/" + flowSlugs[f] + "?ngay=" + d.String()})
	}
	s.render(w, r, "casework_hub.html", http.StatusOK, page{Title: "Công tác đảng viên", Date: d, Data: data})
	return nil
}

// handleCaseworkForm shows a flow's form, its fields filled from the query
// (a link from the list of work due names the person and organization).
func (s *Server) handleCaseworkForm(w http.ResponseWriter, r *http.Request) error {
	flow, ok := flowOfSlug(r.PathValue("flow"))
	if !ok {
		return tochuc.Errorf(tochuc.ENotFound, "Không có nghiệp vụ này.")
	}
	d, err := pageDate(r)
	if err != nil {
		return err
	}
	if err := mayWrite(r); err != nil {
		return err
	}
	if u, _ := userOf(r.Context()); flow == app.FlowExpel && !u.CanReadConfidential() {
		return tochuc.Errorf(tochuc.EForbidden, "Khai trừ ghi vào hồ sơ kỷ luật (hồ sơ mật): tài khoản chưa được cấp quyền này.")
	}
	s.renderCaseForm(w, r, flow, d, r.URL.Query(), nil, nil)
	return nil
}

// renderCaseForm renders a flow's form with the values given, and a refusal or a result.
func (s *Server) renderCaseForm(w http.ResponseWriter, r *http.Request, flow string, d tochuc.Date, vals url.Values, saveErr error, res *app.CaseResult) {
	data := caseForm{Flow: flow, Label: tochuc.Label("casework", flow), Action: "/dang-vien/" + flowSlugs[flow] + "?ngay=" + d.String()}
	for _, c := range app.RemovalReasons {
		data.Reasons = append(data.Reasons, tochuc.Term{Code: c, Label: tochuc.Label("removal_reason", c)})
	}
	var ce *app.CaseError
	errors.As(saveErr, &ce)
	placed := false
	for _, f := range flowFields(flow) {
		f.Value = vals.Get(f.Name)
		if ce != nil && (ce.Field == f.Name || ce.Field == "introducer_ids" && f.Name == "introducer_1" ||
			ce.Field == "valid_from" && f.Name == "date" || ce.Field == "issued_on" && f.Name == "date" || ce.Field == "revoked_on" && f.Name == "date") {
			f.Error, placed = ce.Message, true
		}
		data.Fields = append(data.Fields, f)
	}
	s.echoCaseNames(r.Context(), d, data.Fields)
	status := http.StatusOK
	if saveErr != nil {
		status = http.StatusUnprocessableEntity
		if !placed {
			data.Error = saveErr.Error()
		}
	}
	if res != nil && saveErr == nil {
		data.Warnings = res.Warnings
		data.Written = writtenRecords(res.Records, s.refNames(r.Context(), res.Records, d))
		if p := vals.Get("person_id"); p != "" {
			data.PersonLink = "/nhan-su/" + url.PathEscape(p) + "?ngay=" + d.String()
		}
	}
	s.render(w, r, "casework.html", status, page{Title: data.Label, Date: d, Data: data})
}

// echoCaseNames fills the names of the people and units the fields name
// (a form opened from the list of work due names its person).
func (s *Server) echoCaseNames(ctx context.Context, d tochuc.Date, fs []caseField) {
	var people, units []string
	for _, f := range fs {
		switch {
		case f.Value == "":
		case f.Kind == "person":
			people = append(people, f.Value)
		case f.Kind == "unit":
			units = append(units, f.Value)
		}
	}
	pn, _ := s.registry.PersonNames(ctx, people)
	un, _ := s.registry.UnitNames(ctx, units, d)
	for i, f := range fs {
		switch f.Kind {
		case "person":
			fs[i].Echo = pn[f.Value]
		case "unit":
			fs[i].Echo = un[f.Value]
		}
	}
}

// handleCasework runs a flow's step from its form.
func (s *Server) handleCasework(w http.ResponseWriter, r *http.Request) error {
	flow, ok := flowOfSlug(r.PathValue("flow"))
	if !ok {
		return tochuc.Errorf(tochuc.ENotFound, "Không có nghiệp vụ này.")
	}
	if err := mayWrite(r); err != nil {
		return err
	}
	if err := r.ParseForm(); err != nil {
		return tochuc.Errorf(tochuc.EInvalid, "Biểu mẫu không hợp lệ hoặc quá lớn.")
	}
	d, err := pageDate(r)
	if err != nil {
		return err
	}
	vals := r.PostForm
	req, ferr := caseRequest(flow, vals)
	var res *app.CaseResult
	if ferr == nil {
		res, ferr = s.app.Casework(r.Context(), s.actor(r), req)
		if ferr == nil && req.NewPerson != nil {
			vals.Set("person_id", req.NewPerson["id"])
		}
	}
	if ferr != nil {
		switch tochuc.ErrorCode(ferr) {
		case tochuc.EInvalid, tochuc.EForbidden, tochuc.ENotFound:
		default:
			return ferr
		}
	}
	s.renderCaseForm(w, r, flow, d, vals, ferr, res)
	return nil
}

// caseRequest reads a flow's form.
func caseRequest(flow string, v url.Values) (app.CaseRequest, error) {
	get := func(k string) string { return strings.TrimSpace(v.Get(k)) }
	req := app.CaseRequest{Flow: flow, PersonID: get("person_id"), UnitID: get("unit_id"), DocNumber: get("doc_number"),
		Reason: get("reason"), Note: get("note"), CardNumber: get("number"), Study: v.Get("study") != ""}
	for _, x := range []struct {
		name string
		dst  *tochuc.Date
	}{{"date", &req.Date}, {"ceremony_on", &req.Ceremony}, {"doc_date", &req.DocDate}, {"valid_to", &req.To}, {"new_birth", nil}} {
		s := get(x.name)
		if s == "" {
			continue
		}
		d, err := tochuc.ParseDateLoose(s)
		if err != nil || d == 0 {
			return req, &app.CaseError{Field: x.name, Message: "Ngày “" + s + "” không hợp lệ (cần dd/mm/yyyy)."}
		}
		if x.dst != nil {
			*x.dst = d
		}
	}
	for _, k := range []string{"introducer_1", "introducer_2"} {
		if p := get(k); p != "" && !slices.Contains(req.Introducers, p) {
			req.Introducers = append(req.Introducers, p)
		}
	}
	if flow == app.FlowAdmit && req.PersonID == "" {
		name := get("new_name")
		if name == "" {
			return req, &app.CaseError{Field: "person_id", Message: "Cần chọn người được kết nạp, hoặc ghi họ tên người mới."}
		}
		birth, _ := tochuc.ParseDateLoose(get("new_birth"))
		req.NewPerson = map[string]string{"id": "NS-" + strconv.FormatInt(time.Now().UnixNano(), 36), "full_name": name, "birth_date": dateOrEmpty(birth)}
		req.PersonID = req.NewPerson["id"]
	}
	return req, nil
}

func dateOrEmpty(d tochuc.Date) string {
	if d == 0 {
		return ""
	}
	return d.String()
}

// personCols and unitCols are the columns of the records a flow writes that
// name people and units (shown with their names).
var (
	personCols = map[string]bool{"person_id": true, "subject_id": true, "introducer_ids": true}
	unitCols   = map[string]bool{"unit_id": true, "issuer_id": true, "authority_id": true}
)

// cardLabels are the labels of party_cards' columns that mean otherwise elsewhere.
var cardLabels = map[string]string{"number": "Số thẻ", "issued_on": "Ngày cấp thẻ"}

// refNames reads the names of the people and units the records name ("" on a failure: the codes show).
func (s *Server) refNames(ctx context.Context, t bundle.Tables, d tochuc.Date) map[string]string {
	var people, units []string
	for _, rows := range t {
		for _, row := range rows[1:] {
			for i, col := range rows[0] {
				switch {
				case personCols[col]:
					people = append(people, strings.Split(row[i], ";")...)
				case unitCols[col]:
					units = append(units, row[i])
				}
			}
		}
	}
	out := map[string]string{}
	if m, err := s.registry.PersonNames(ctx, people); err == nil {
		for k, v := range m {
			out["p:"+k] = v
		}
	}
	if m, err := s.registry.UnitNames(ctx, units, d); err == nil {
		for k, v := range m {
			out["u:"+k] = v
		}
	}
	return out
}

// writtenRecords renders the records a flow wrote with Vietnamese labels,
// people and units by name.
func writtenRecords(t bundle.Tables, names map[string]string) []writtenRecord {
	var out []writtenRecord
	for _, name := range t.Names() {
		rows := t[name]
		for _, row := range rows[1:] {
			rec := writtenRecord{File: tochuc.Label("file", name)}
			for i, col := range rows[0] {
				v := row[i]
				if v == "" {
					continue
				}
				text := cellText(name, col, v)
				if personCols[col] || unitCols[col] {
					prefix := "p:"
					if unitCols[col] {
						prefix = "u:"
					}
					var parts []string
					for _, id := range strings.Split(v, ";") {
						if n := names[prefix+id]; n != "" {
							id = n + " (" + id + ")"
						}
						parts = append(parts, id)
					}
					text = strings.Join(parts, "; ")
				}
				label := columnLabel(col)
				if l := cardLabels[col]; name == "party_cards" && l != "" {
					label = l
				}
				rec.Cells = append(rec.Cells, writtenCell{label, text})
			}
			out = append(out, rec)
		}
	}
	return out
}

// cellText renders a cell for people: dates dd/mm/yyyy, codes as labels.
func cellText(file, col, v string) string {
	if d, err := tochuc.ParseDate(v); err == nil && d != 0 {
		return d.Vietnamese()
	}
	if vocab := vocabOf(file, col); vocab != "" {
		return tochuc.Label(vocab, v)
	}
	if col == "subject_type" {
		return map[string]string{"person": "Người", "unit": "Đơn vị"}[v]
	}
	return v
}
