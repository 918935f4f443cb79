package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/tochuc/tochuc/internal/app"
	"github.com/tochuc/tochuc/internal/tochuc"
	"github.com/tochuc/tochuc/internal/workbook"
)

// The dues workplace (/dang-phi, PM-14): a party organization's members at
// a month's end with what they paid for it and a form to record the
// month's payments; /dang-phi/cham: the members behind by more than three
// months on a date. Both are paged in the database.

// duesData is the workplace's page.
type duesData struct {
	duesList
	Behind    bool
	Unit      string // as asked
	OrgID     string // the party organization shown
	Month     string // mm/yyyy
	MonthISO  string
	Other     string // the other list's link
	Download  string
	CanRecord bool
	Today     tochuc.Date
	Rows      []duesRow
	Saved     bool
}

// duesRow is a member as the page shows them.
type duesRow struct {
	app.DuesItem
	Status, Amount, AmountInput, Settled string
}

// duesStatus says in words where a member stands.
func duesStatus(it app.DuesItem) string {
	switch {
	case it.Exempt:
		return "Miễn (tuổi đảng từ 50 năm)"
	case it.Settled == "":
		return ""
	case it.Behind:
		return "Chậm " + strconv.Itoa(it.MonthsBehind) + " tháng"
	}
	return "Đã đóng đến tháng " + vnMonth(it.Settled)
}

// vnMonth writes a month (YYYY-MM) as mm/yyyy.
func vnMonth(m string) string {
	if len(m) != 7 {
		return m
	}
	return m[5:] + "/" + m[:4]
}

// handleDues shows the month's list (behind=false) or the behind list.
func (s *Server) handleDues(w http.ResponseWriter, r *http.Request) error { return s.dues(w, r, false) }

// handleDuesBehind shows the members behind by more than three months.
func (s *Server) handleDuesBehind(w http.ResponseWriter, r *http.Request) error {
	return s.dues(w, r, true)
}

func (s *Server) dues(w http.ResponseWriter, r *http.Request, behind bool) error {
	if done, err := s.choosePickScope(w, r); done || err != nil {
		return err
	}
	d, err := pageDate(r)
	if err != nil {
		return err
	}
	q := r.URL.Query()
	u, _ := userOf(r.Context())
	p := app.DuesParams{Unit: strings.TrimSpace(q.Get("pham_vi")), AsOf: d, Month: app.MonthOf(d)}
	if len(p.Unit) > maxCodeParam {
		return tochuc.Errorf(tochuc.EInvalid, "Mã quá dài (tối đa %d ký tự).", maxCodeParam)
	}
	if m := q.Get("thang"); m != "" {
		if p.Month, err = app.ParseMonth(m); err != nil {
			return err
		}
	}
	if p.Unit == "" { // the party organization is chosen on the page
		data := duesData{Behind: behind, Month: vnMonth(p.Month), MonthISO: p.Month, Today: d,
			Other: "/dang-phi/cham?" + url.Values{"ngay": {d.String()}}.Encode()}
		if behind {
			data.Other = "/dang-phi?" + url.Values{"ngay": {d.String()}}.Encode()
		}
		s.render(w, r, "dues.html", http.StatusOK, page{Title: "Đảng phí", Date: d, Data: data, API: data.duesList})
		return nil
	}
	get := s.app.DuesMonth
	if behind {
		get = s.app.DuesBehind
	}
	switch form := q.Get("dang"); form {
	case "xlsx":
		return s.downloadDues(w, r, u, p, behind)
	case "":
	default:
		return tochuc.Errorf(tochuc.EInvalid, "Không tải về được dạng %q (xlsx).", form)
	}
	n := requestedPage(r)
	res, err := get(r.Context(), u, p, (n-1)*pageSize, pageSize)
	if err != nil {
		return err
	}
	data := duesData{duesList: duesList{Unit: res.Unit, UnitName: res.UnitName, Month: res.Month, Items: res.Items},
		Behind: behind, Unit: p.Unit, OrgID: res.Unit, Month: vnMonth(p.Month), MonthISO: p.Month, Today: d, Saved: q.Get(savedParam) != ""}
	data.listInfo = newPager(r, res.Total)
	lq := url.Values{"ngay": {d.String()}, "pham_vi": {res.Unit}}
	if behind {
		lq.Set("thang", p.Month)
		data.Other = "/dang-phi?" + lq.Encode()
	} else {
		data.Other = "/dang-phi/cham?" + lq.Encode()
	}
	dq := r.URL.Query()
	dq.Del("trang")
	dq.Set("dang", "xlsx")
	data.Download = r.URL.Path + "?" + dq.Encode()
	data.CanRecord = !behind && u.CanWrite()
	for _, it := range res.Items {
		row := duesRow{DuesItem: it, Status: duesStatus(it), Settled: vnMonth(it.Settled)}
		if it.Amount != nil {
			row.Amount, row.AmountInput = tochuc.FormatInt(int(*it.Amount)), strconv.FormatInt(*it.Amount, 10)
		}
		data.Rows = append(data.Rows, row)
	}
	title := "Đảng phí tháng " + data.Month
	if behind {
		title = "Chậm đóng đảng phí quá 3 tháng"
	}
	s.render(w, r, "dues.html", http.StatusOK, page{Title: title, Date: d, Data: data, API: data.duesList})
	return nil
}

// duesColumns are the columns of a dues list's workbook.
var duesColumns = []workbook.Column{{Header: "Mã", Width: 12}, {Header: "Họ và tên", Width: 30}, {Header: "Chi bộ", Width: 36},
	{Header: "Số tiền tháng (đồng)", Width: 18}, {Header: "Ngày nộp", Width: 12}, {Header: "Đã đóng đến tháng", Width: 16},
	{Header: "Số tháng chậm", Width: 14}, {Header: "Tình trạng", Width: 28}}

// downloadDues sends a whole list (at most a worksheet's rows) as a workbook, page by page from the database.
func (s *Server) downloadDues(w http.ResponseWriter, r *http.Request, u tochuc.User, p app.DuesParams, behind bool) error {
	get := s.app.DuesMonth
	name := "dang-phi-" + p.Month
	if behind {
		get, name = s.app.DuesBehind, "cham-dong-dang-phi-"+p.AsOf.String()
	}
	b, err := workbook.New()
	if err != nil {
		return err
	}
	defer b.Close()
	sh, err := b.Sheet("Đảng phí", nil, duesColumns)
	if err != nil {
		return err
	}
	const chunk = 1000
	for off := 0; off < maxSheetRows-2; off += chunk {
		res, err := get(r.Context(), u, p, off, chunk)
		if err != nil {
			return err
		}
		for _, it := range res.Items {
			var amount any
			if it.Amount != nil {
				amount = *it.Amount
			}
			if err := sh.Row(it.PersonID, it.Name, it.UnitName, amount, it.PaidOn, vnMonth(it.Settled), it.MonthsBehind, duesStatus(it)); err != nil {
				return err
			}
		}
		if len(res.Items) < chunk {
			break
		}
	}
	w.Header().Set("Content-Type", xlsxType)
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+`.xlsx"`)
	if err := b.Write(w); err != nil {
		s.logFault(err, "path", r.URL.Path)
	}
	return nil
}

// maxDuesForm is the most a form of a month's payments may hold.
const maxDuesForm = 1 << 20

// handleDuesSave records a month's payments (fields nguoi, so_tien,
// ngay_nop repeated; rows without an amount are skipped) as one change set.
func (s *Server) handleDuesSave(w http.ResponseWriter, r *http.Request) error {
	if err := mayWrite(r); err != nil {
		return err
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxDuesForm)
	if err := r.ParseForm(); err != nil {
		return tochuc.Errorf(tochuc.EInvalid, "Biểu mẫu không hợp lệ hoặc quá lớn.")
	}
	pf := r.PostForm
	unit, month := pf.Get("pham_vi"), pf.Get("thang")
	people, amounts, dates := pf["nguoi"], pf["so_tien"], pf["ngay_nop"]
	if len(amounts) != len(people) || len(dates) != len(people) {
		return tochuc.Errorf(tochuc.EInvalid, "Biểu mẫu không hợp lệ: số dòng không khớp.")
	}
	var pays []app.DuesPayment
	for i, id := range people {
		a := strings.ReplaceAll(strings.TrimSpace(amounts[i]), ".", "")
		if a == "" {
			continue
		}
		n, err := strconv.ParseInt(a, 10, 64)
		if err != nil || n < 0 {
			return tochuc.Errorf(tochuc.EInvalid, "Dòng %d: số tiền không hợp lệ %q (số đồng, không âm).", i+1, amounts[i])
		}
		pd, err := tochuc.ParseDateLoose(strings.TrimSpace(dates[i]))
		if err != nil || pd == 0 {
			return tochuc.Errorf(tochuc.EInvalid, "Dòng %d: ngày nộp không hợp lệ %q (cần dd/mm/yyyy).", i+1, dates[i])
		}
		pays = append(pays, app.DuesPayment{PersonID: id, Amount: n, PaidOn: pd})
	}
	rep, err := s.app.RecordDues(r.Context(), s.actor(r), unit, month, pays)
	if err != nil {
		return err
	}
	if !rep.OK() {
		var parts []string
		for _, is := range rep.Issues {
			parts = append(parts, is.Vi)
		}
		return tochuc.Errorf(tochuc.EInvalid, "Dữ liệu không hợp lệ, chưa có gì được ghi: %s", strings.Join(parts, "; "))
	}
	m, _ := app.ParseMonth(month)
	q := url.Values{"pham_vi": {unit}, "thang": {m}, "ngay": {pf.Get("ngay")}, savedParam: {"party_dues"}}
	http.Redirect(w, r, "/dang-phi?"+q.Encode(), http.StatusSeeOther)
	return nil
}
