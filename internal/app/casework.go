package app

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// Casework on party members (issue 16): each flow is a short step that
// writes the records an import of the same facts would — party events,
// cards, temporary attendance, the documents they cite, discipline — as one
// change set through the write policy (scope guard, confidential guard,
// audit), all or nothing.

// Casework flows.
const (
	FlowAdmit       = "admit"        // kết nạp
	FlowCeremony    = "ceremony"     // tổ chức lễ kết nạp
	FlowRecognize   = "recognize"    // công nhận chính thức
	FlowRemove      = "remove"       // xóa tên
	FlowTransfer    = "transfer"     // chuyển sinh hoạt trong hệ thống (một bước)
	FlowTransferOut = "transfer_out" // chuyển đi
	FlowTransferIn  = "transfer_in"  // tiếp nhận
	FlowTemporary   = "temporary"    // sinh hoạt tạm thời
	FlowExpel       = "expel"        // khai trừ
	FlowCardIssue   = "card_issue"   // cấp thẻ đảng viên
	FlowCardRevoke  = "card_revoke"  // thu hồi thẻ
)

// Flows lists the casework flows in the order the hub shows them.
var Flows = []string{FlowAdmit, FlowCeremony, FlowRecognize, FlowRemove, FlowTransfer, FlowTransferOut,
	FlowTransferIn, FlowTemporary, FlowExpel, FlowCardIssue, FlowCardRevoke}

// RemovalReasons are the grounds for deleting a name (PM-10, and PM-06's
// failed probation).
var RemovalReasons = []string{"inactive", "card_returned", "no_duty", "two_years_breach", "political_standard", "probation_failed", "other"}

// CaseRequest is one casework step. Which fields a flow reads is said by
// its builder below; dates are the day the decision takes effect.
type CaseRequest struct {
	Flow     string
	PersonID string
	// NewPerson creates the person in the same change set (admission of
	// someone not yet held): people.csv values, id included.
	NewPerson   map[string]string
	UnitID      string      // the party organization (admitted in, moved to, received by, attended)
	Date        tochuc.Date // decision / event date
	Ceremony    tochuc.Date // admission: the ceremony, when already held
	Introducers []string    // admission: one or two person ids
	DocNumber   string      // decision or introduction letter number (a documents row)
	DocDate     tochuc.Date // its date (0: Date)
	Reason      string      // removal: a RemovalReasons code; expulsion: free text
	Note        string      // free text added to the reason
	CardNumber  string
	To          tochuc.Date // temporary attendance: its last day (0: open)
	Study       bool        // temporary attendance for full-time study (up to 2 years)
}

// CaseResult is what a casework step wrote.
type CaseResult struct {
	Records   bundle.Tables
	Report    *bundle.Report
	ChangeSet int64
	Warnings  []string // Vietnamese notes for the person (not refusals)
}

// CaseError refuses a step because of one of its fields (named as the
// form names it); nothing is written.
type CaseError struct {
	Field   string
	Message string
}

func (e *CaseError) Error() string { return e.Message }

// Unwrap makes a CaseError an application error with code EInvalid.
func (e *CaseError) Unwrap() error { return tochuc.Errorf(tochuc.EInvalid, "%s", e.Message) }

func fieldErr(field, format string, args ...any) error {
	return &CaseError{Field: field, Message: fmt.Sprintf(format, args...)}
}

// Casework runs one casework step as a change set of its own.
func (a *App) Casework(ctx context.Context, act Actor, req CaseRequest) (*CaseResult, error) {
	if !slices.Contains(Flows, req.Flow) {
		return nil, tochuc.Errorf(tochuc.ENotFound, "không có nghiệp vụ %q", req.Flow)
	}
	if !act.User.CanWrite() {
		return nil, tochuc.Errorf(tochuc.EForbidden, "Tài khoản của bạn chỉ được xem, không được sửa dữ liệu.")
	}
	if req.Flow == FlowExpel && !act.User.CanReadConfidential() {
		return nil, tochuc.Errorf(tochuc.EForbidden, "Khai trừ ghi vào hồ sơ kỷ luật (hồ sơ mật): tài khoản chưa được cấp quyền này.")
	}
	res := &CaseResult{}
	audit := tochuc.AuditEntry{Action: "casework." + req.Flow, ObjectType: "people", ObjectID: req.PersonID}
	rep, err := a.write(ctx, act, "casework "+req.Flow, audit, func(c *sqldb.Change, audit *tochuc.AuditEntry) (*bundle.Report, error) {
		if req.Flow != FlowAdmit && req.PersonID != "" && !act.whole() { // read nothing of a person outside the scope
			sc, err := a.scopeOn(ctx, c.Reader(true), act.User)
			if err != nil {
				return nil, err
			}
			if ok, err := sc.Person(ctx, req.PersonID); err != nil {
				return nil, err
			} else if !ok {
				return nil, tochuc.Errorf(tochuc.EForbidden, "Người có mã '%s' không thuộc phạm vi được giao, chưa ghi gì.", req.PersonID)
			}
		}
		t, warn, err := planCase(ctx, c.Reader(false), req, a.today())
		if err != nil {
			return nil, err
		}
		res.Records, res.Warnings, res.ChangeSet = t, warn, c.ID
		audit.Detail = map[string]any{"records": t}
		return bundle.Import(ctx, t, c, bundle.Options{})
	})
	res.Report = rep
	if err == nil && rep != nil && !rep.OK() {
		err = reportError(rep)
	}
	return res, err
}

// reportError turns the first error of an import report into a CaseError
// on the column it names.
func reportError(rep *bundle.Report) error {
	for _, is := range rep.Issues {
		if !is.Warning {
			return &CaseError{Field: is.Column, Message: "Chưa ghi gì: " + is.Vi}
		}
	}
	return tochuc.Errorf(tochuc.EInvalid, "Chưa ghi gì: dữ liệu có %d lỗi.", rep.Errors)
}

// planCase builds the records of a step, reading the registry through r.
func planCase(ctx context.Context, r *sqldb.Reader, req CaseRequest, today tochuc.Date) (bundle.Tables, []string, error) {
	t := bundle.Tables{}
	var warn []string
	if req.PersonID == "" && req.NewPerson["id"] == "" {
		return nil, nil, fieldErr("person_id", "Cần chọn đảng viên (người).")
	}
	if req.Date == 0 && req.Flow != FlowCeremony && req.Flow != FlowRecognize && req.Flow != FlowCardRevoke {
		return nil, nil, fieldErr("date", "Cần ngày (dd/mm/yyyy).")
	}
	var events []tochuc.MembershipEvent
	if req.NewPerson == nil {
		pf, err := r.PersonFile(ctx, req.PersonID)
		if err != nil {
			if tochuc.ErrorCode(err) == tochuc.ENotFound {
				return nil, nil, fieldErr("person_id", "Không có người có mã '%s'.", req.PersonID)
			}
			return nil, nil, err
		}
		events = pf.Events
	}
	docID := ""
	doc := func(kind, issuer, title string) {
		if req.DocNumber == "" {
			return
		}
		d := req.DocDate
		if d == 0 {
			d = req.Date
		}
		docID = "VB-" + req.Flow + "-" + req.PersonID + "-" + d.String()
		t.Add("documents", map[string]string{"id": docID, "number": req.DocNumber, "kind": kind, "issuer_id": issuer,
			"issued_on": d.String(), "title": title})
	}
	party := func(event, unit string, extra map[string]string) {
		row := map[string]string{"person_id": req.PersonID, "event": event, "date": req.Date.String(), "unit_id": unit, "document_id": docID}
		for k, v := range extra {
			row[k] = v
		}
		t.Add("party", row)
	}
	switch req.Flow {
	case FlowAdmit:
		if req.NewPerson != nil {
			req.PersonID = req.NewPerson["id"]
			t.Add("people", req.NewPerson)
		}
		if req.UnitID == "" {
			return nil, nil, fieldErr("unit_id", "Cần chọn tổ chức đảng kết nạp.")
		}
		if n := len(req.Introducers); n == 0 || n > 2 {
			return nil, nil, fieldErr("introducer_ids", "Cần một hoặc hai người giới thiệu (PM-03).")
		}
		if req.Ceremony != 0 && req.Ceremony < req.Date {
			return nil, nil, fieldErr("ceremony_on", "Lễ kết nạp không thể trước ngày quyết định kết nạp.")
		}
		doc("decision", req.UnitID, "Quyết định kết nạp đảng viên")
		party(tochuc.EventAdmitted, req.UnitID, map[string]string{"ceremony_on": dateText(req.Ceremony),
			"introducer_ids": strings.Join(req.Introducers, ";")})
		if req.Ceremony != 0 && req.Ceremony > tochuc.CeremonyDue(req.Date) {
			warn = append(warn, "Lễ kết nạp sau hạn 30 ngày làm việc ("+tochuc.CeremonyDue(req.Date).Vietnamese()+"): cần báo cáo và được cấp ủy cấp trên trực tiếp đồng ý (PM-05).")
		}
	case FlowCeremony:
		adm, ok := latestEvent(events, tochuc.EventAdmitted)
		if !ok {
			return nil, nil, fieldErr("person_id", "Người này chưa có quyết định kết nạp.")
		}
		if req.Ceremony == 0 {
			return nil, nil, fieldErr("ceremony_on", "Cần ngày tổ chức lễ kết nạp (dd/mm/yyyy).")
		}
		row, err := r.Record(ctx, bundle.FileByName("party"), map[string]string{"person_id": req.PersonID, "event": tochuc.EventAdmitted, "date": adm.Date.String()})
		if err != nil {
			return nil, nil, err
		}
		vals := cellsMap(bundle.FileByName("party"), row)
		vals["ceremony_on"] = req.Ceremony.String()
		t.Add("party", vals)
		if req.Ceremony > tochuc.CeremonyDue(adm.Date) {
			warn = append(warn, "Lễ kết nạp sau hạn 30 ngày làm việc ("+tochuc.CeremonyDue(adm.Date).Vietnamese()+"): cần báo cáo và được cấp ủy cấp trên trực tiếp đồng ý (PM-05).")
		}
	case FlowRecognize:
		adm, ok := latestEvent(events, tochuc.EventAdmitted)
		if !ok || lastKind(events) != tochuc.EventAdmitted && !probationary(events) {
			return nil, nil, fieldErr("person_id", "Người này không phải đảng viên dự bị.")
		}
		req.Date = tochuc.RecognitionDue(adm.Date) // PM-06: official at the end of the 12 months
		if req.Date > today {
			return nil, nil, fieldErr("person_id", "Chưa hết 12 tháng dự bị: từ ngày %s mới xét công nhận chính thức (PM-06).", req.Date.Vietnamese())
		}
		doc("decision", unitOf(events), "Quyết định công nhận đảng viên chính thức")
		party(tochuc.EventRecognized, "", nil)
	case FlowRemove:
		if !slices.Contains(RemovalReasons, req.Reason) {
			return nil, nil, fieldErr("reason", "Cần chọn lý do xóa tên (PM-10).")
		}
		if req.DocNumber == "" {
			return nil, nil, fieldErr("doc_number", "Cần số quyết định xóa tên.")
		}
		if !memberOn(events, req.Date) {
			return nil, nil, fieldErr("person_id", "Người này không phải đảng viên vào ngày %s.", req.Date.Vietnamese())
		}
		doc("decision", unitOf(events), withNote("Quyết định xóa tên đảng viên. Lý do: "+tochuc.Label("removal_reason", req.Reason), req.Note))
		party(tochuc.EventRemoved, "", nil)
	case FlowTransfer, FlowTransferIn:
		if req.UnitID == "" {
			return nil, nil, fieldErr("unit_id", "Cần chọn tổ chức đảng nơi đến.")
		}
		if req.DocNumber == "" && req.Flow == FlowTransfer {
			return nil, nil, fieldErr("doc_number", "Cần số giấy giới thiệu sinh hoạt đảng.")
		}
		event, extra := tochuc.EventTransferred, map[string]string(nil)
		if req.Flow == FlowTransferIn {
			event = tochuc.EventTransferredIn
			out, ok := latestEvent(events, tochuc.EventTransferredOut)
			if !ok || lastKind(events) != tochuc.EventTransferredOut {
				warn = append(warn, "Không thấy quyết định chuyển đi của người này trong hệ thống: ghi như chuyển đến từ ngoài hệ thống.")
			} else if req.Date > tochuc.TransferArrivalDue(out.Date) {
				warn = append(warn, "Nộp giấy giới thiệu sau hạn 30 ngày ("+tochuc.TransferArrivalDue(out.Date).Vietnamese()+"): cần báo cáo lý do (PM-08).")
			}
			status := "official"
			if probationaryBefore(events, req.Date) {
				status = "probationary"
			}
			extra = map[string]string{"status": status}
		} else if !memberOn(events, req.Date) {
			return nil, nil, fieldErr("person_id", "Người này không phải đảng viên vào ngày %s.", req.Date.Vietnamese())
		}
		doc("other", req.UnitID, "Giấy giới thiệu sinh hoạt đảng chính thức")
		party(event, req.UnitID, extra)
	case FlowTransferOut:
		if req.DocNumber == "" {
			return nil, nil, fieldErr("doc_number", "Cần số giấy giới thiệu sinh hoạt đảng.")
		}
		if !memberOn(events, req.Date) {
			return nil, nil, fieldErr("person_id", "Người này không phải đảng viên vào ngày %s.", req.Date.Vietnamese())
		}
		doc("other", unitOf(events), "Giấy giới thiệu chuyển sinh hoạt đảng chính thức")
		party(tochuc.EventTransferredOut, "", nil)
	case FlowTemporary:
		if req.UnitID == "" {
			return nil, nil, fieldErr("unit_id", "Cần chọn tổ chức đảng nơi sinh hoạt tạm thời.")
		}
		if req.To != 0 && req.To < req.Date {
			return nil, nil, fieldErr("valid_to", "Ngày kết thúc trước ngày bắt đầu.")
		}
		t.Add("party_temporary", map[string]string{"person_id": req.PersonID, "unit_id": req.UnitID, "valid_from": req.Date.String(), "valid_to": dateText(req.To)})
		if w := TemporaryLengthWarning(req.Date, req.To, req.Study); w != "" {
			warn = append(warn, w)
		}
	case FlowExpel:
		if req.DocNumber == "" {
			return nil, nil, fieldErr("doc_number", "Cần số quyết định khai trừ.")
		}
		if !memberOn(events, req.Date) {
			return nil, nil, fieldErr("person_id", "Người này không phải đảng viên vào ngày %s.", req.Date.Vietnamese())
		}
		doc("decision", unitOf(events), "Quyết định thi hành kỷ luật khai trừ")
		party(tochuc.EventExpelled, "", nil)
		t.Add("discipline", map[string]string{"subject_type": "person", "subject_id": req.PersonID, "form": "expulsion",
			"date": req.Date.String(), "authority_id": unitOf(events), "document_id": docID, "reason": withNote(req.Reason, req.Note)})
	case FlowCardIssue:
		if req.CardNumber == "" {
			return nil, nil, fieldErr("number", "Cần số thẻ đảng viên.")
		}
		t.Add("party_cards", map[string]string{"person_id": req.PersonID, "number": req.CardNumber, "issued_on": req.Date.String()})
	case FlowCardRevoke:
		f := bundle.FileByName("party_cards")
		row, err := r.Record(ctx, f, map[string]string{"number": req.CardNumber})
		if err != nil || row == nil {
			return nil, nil, fieldErr("number", "Không có thẻ số '%s'.", req.CardNumber)
		}
		vals := cellsMap(f, row)
		if vals["person_id"] != req.PersonID {
			return nil, nil, fieldErr("number", "Thẻ số '%s' không phải của người này.", req.CardNumber)
		}
		if req.Date == 0 {
			return nil, nil, fieldErr("date", "Cần ngày thu hồi thẻ (dd/mm/yyyy).")
		}
		vals["revoked_on"] = req.Date.String()
		t.Add("party_cards", vals)
	}
	return t, warn, nil
}

func dateText(d tochuc.Date) string {
	if d == 0 {
		return ""
	}
	return d.String()
}

func withNote(s, note string) string {
	if note = strings.TrimSpace(note); note != "" {
		if s == "" {
			return note
		}
		return s + ". " + note
	}
	return s
}

// latestEvent returns the last event of a kind.
func latestEvent(evs []tochuc.MembershipEvent, kind string) (tochuc.MembershipEvent, bool) {
	for i := len(evs) - 1; i >= 0; i-- {
		if evs[i].Event == kind {
			return evs[i], true
		}
	}
	return tochuc.MembershipEvent{}, false
}

// lastKind returns the kind of the last event ("" for none).
func lastKind(evs []tochuc.MembershipEvent) string {
	if len(evs) == 0 {
		return ""
	}
	return evs[len(evs)-1].Event
}

// memberOn reports whether the events make the person a member on d.
func memberOn(evs []tochuc.MembershipEvent, d tochuc.Date) bool {
	last := ""
	for _, e := range evs {
		if e.Date <= d {
			last = e.Event
		}
	}
	return last == tochuc.EventAdmitted || last == tochuc.EventRecognized || last == tochuc.EventTransferred || last == tochuc.EventTransferredIn
}

// probationary reports whether the person is probationary after all events.
func probationary(evs []tochuc.MembershipEvent) bool {
	return probationaryBefore(evs, tochuc.Date(1<<30))
}

// probationaryBefore reports whether the person was probationary by the
// events before d (a transfer out keeps the state the member left with).
func probationaryBefore(evs []tochuc.MembershipEvent, d tochuc.Date) bool {
	prob := false
	for _, e := range evs {
		if e.Date >= d {
			break
		}
		switch e.Event {
		case tochuc.EventAdmitted:
			prob = true
		case tochuc.EventRecognized:
			prob = false
		case tochuc.EventTransferredIn:
			prob = e.Status == "probationary"
		}
	}
	return prob
}

// unitOf returns the party organization the events last named.
func unitOf(evs []tochuc.MembershipEvent) string {
	for i := len(evs) - 1; i >= 0; i-- {
		if evs[i].UnitID != "" {
			return evs[i].UnitID
		}
	}
	return ""
}

// TemporaryLengthWarning says, in Vietnamese, when a temporary attendance
// is planned outside 3 months – 1 year (2 years for study, PM-09); "" when
// it is inside, or open.
func TemporaryLengthWarning(from, to tochuc.Date, study bool) string {
	if to == 0 {
		return ""
	}
	maxMonths, what := 12, "1 năm"
	if study {
		maxMonths, what = 24, "2 năm (học tập)"
	}
	switch {
	case to < tochuc.AddMonths(from, 3):
		return "Thời gian sinh hoạt tạm thời dưới 3 tháng: thường không cần chuyển sinh hoạt tạm thời (PM-09)."
	case to > tochuc.AddMonths(from, maxMonths):
		return "Thời gian sinh hoạt tạm thời quá " + what + ": xem xét chuyển sinh hoạt chính thức (PM-09)."
	}
	return ""
}
