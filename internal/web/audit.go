package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// auditData is a page of the audit log: its API type and the filters.
type auditData struct {
	auditList
	User, Action, Person, Unit, From, To string
	Actions                              []tochuc.Term // the choices of the action filter
}

// auditActions are the choices of the audit page's action filter: a
// prefix ending in "." keeps every action it starts.
var auditActions = func() []tochuc.Term {
	out := []tochuc.Term{{Code: "login.", Label: "Đăng nhập (mọi kết quả)"}, {Code: tochuc.AuditLoginFailed},
		{Code: tochuc.AuditLogout}, {Code: "user.", Label: "Tài khoản"}, {Code: "token.", Label: "Mã truy cập"},
		{Code: "bundle.import"}, {Code: "bundle.export"}, {Code: "restructure.", Label: "Sắp xếp tổ chức"}}
	for _, f := range []string{"units", "people", "assignments", "party", "qualifications", "headcount",
		"documents", "evaluations", "plans"} { // restructure.: above, with its edits
		out = append(out, tochuc.Term{Code: f + ".", Label: "Sửa dữ liệu: " + tochuc.Label("file", f)})
	}
	for i, t := range out {
		if t.Label == "" {
			out[i].Label = tochuc.Label("action", t.Code)
		}
	}
	return out
}()

// handleAudit lists the audit log, newest first, for administrators and
// auditors: filtered by account, action, person, unit and days (tu, den:
// whole days of Vietnam's time), in the query.
func (s *Server) handleAudit(w http.ResponseWriter, r *http.Request) error {
	d, err := pageDate(r)
	if err != nil {
		return err
	}
	u, _ := userOf(r.Context())
	q := r.URL.Query()
	data := auditData{User: q.Get("nguoi"), Action: q.Get("hanh_dong"), Person: q.Get("nhan_su"), Unit: q.Get("don_vi"),
		Actions: auditActions}
	f := tochuc.AuditFilter{UserLogin: data.User, Action: data.Action, Person: data.Person, Unit: data.Unit,
		Limit: pageSize, Offset: (requestedPage(r) - 1) * pageSize, CountCap: countCap}
	// sau: the page after an entry, through the index whatever the depth
	// (keyset); its count is of the entries from there on.
	after, err := auditAfter(q.Get("sau"))
	if err != nil {
		return err
	}
	if after != nil {
		f.After, f.Offset = after, 0
	}
	if f.Since, data.From, err = auditDay(q.Get("tu"), 0); err != nil {
		return err
	}
	if f.Until, data.To, err = auditDay(q.Get("den"), 1); err != nil {
		return err
	}
	if data.Action != "" && !containsCode(auditActions, data.Action) {
		data.Actions = append([]tochuc.Term{{Code: data.Action, Label: tochuc.Label("action", data.Action)}}, auditActions...)
	}
	// Past the end: no entries, and the total.
	p, err := s.app.Audit(r.Context(), u, f)
	if err != nil {
		return err
	}
	if data.Items, err = s.auditItems(r.Context(), p.Entries, d); err != nil {
		return err
	}
	skipped := 0
	if after != nil {
		skipped = f.Limit * (requestedPage(r) - 1)
	}
	data.listInfo = auditPager(r, skipped+p.Total, p.AtLeast, p.Entries)
	s.render(w, r, "audit.html", http.StatusOK, page{Title: "Nhật ký", Date: d, Data: data, API: data.auditList})
	return nil
}

// auditDay reads a day of the audit filter (yyyy-mm-dd or dd/mm/yyyy):
// the moment its day (plus days) starts in Vietnam, and the day as the
// date input holds it.
func auditDay(v string, days int) (time.Time, string, error) {
	if v == "" {
		return time.Time{}, "", nil
	}
	d, err := tochuc.ParseDateLoose(v)
	if err != nil || d == 0 {
		return time.Time{}, "", tochuc.Errorf(tochuc.EInvalid, "Ngày không hợp lệ: %q (cần dd/mm/yyyy)", v)
	}
	t, err := time.ParseInLocation("2006-01-02", d.AddDays(days).String(), auditZone)
	return t, d.String(), err
}

// auditAfter reads the key of the entry a page starts after ("" for none):
// its time in microseconds and its id, "1767225600000000.42".
func auditAfter(v string) (*tochuc.AuditEntry, error) {
	if v == "" {
		return nil, nil
	}
	at, id, ok := strings.Cut(v, ".")
	micros, err1 := strconv.ParseInt(at, 10, 64)
	n, err2 := strconv.ParseInt(id, 10, 64)
	if !ok || err1 != nil || err2 != nil {
		return nil, tochuc.Errorf(tochuc.EInvalid, "Tham số sau không hợp lệ: %q (lấy từ liên kết Trang sau).", v)
	}
	return &tochuc.AuditEntry{At: time.UnixMicro(micros), ID: n}, nil
}

// auditPager pages the log: the next page starts after the last entry
// shown (keyset: sau), the earlier ones by their number (trang).
func auditPager(r *http.Request, total int, more bool, shown []tochuc.AuditEntry) listInfo {
	p := newCappedPager(r, total, more)
	q := r.URL.Query()
	q.Del("sau")
	link := func(n int) string {
		q.Set("trang", strconv.Itoa(n))
		return (&url.URL{Path: r.URL.Path, RawQuery: q.Encode()}).String()
	}
	if p.Prev != "" {
		p.Prev, p.First = link(min(p.Page-1, p.Pages)), link(1)
	}
	if p.Next != "" && len(shown) == pageSize {
		last := shown[len(shown)-1]
		q.Set("sau", strconv.FormatInt(last.At.UnixMicro(), 10)+"."+strconv.FormatInt(last.ID, 10))
		p.Next = link(p.Page + 1)
	} else {
		p.Next = ""
	}
	return p
}

func containsCode(ts []tochuc.Term, code string) bool {
	for _, t := range ts {
		if t.Code == code {
			return true
		}
	}
	return false
}
