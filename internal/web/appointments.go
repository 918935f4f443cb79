package web

import (
	"encoding/csv"
	"io"
	"net/http"
	"net/url"

	"github.com/tochuc/tochuc/internal/app"
	"github.com/tochuc/tochuc/internal/report"
	"github.com/tochuc/tochuc/internal/tochuc"
	"github.com/tochuc/tochuc/internal/workbook"
)

// The appointments workplace (/bo-nhiem): its lists of posts on a date, in a
// scope, paged in the database and downloadable.

// appointmentListLabels are the lists' names on the page.
var appointmentListLabels = map[string]string{
	app.ListHeld:       "Chức vụ đang đảm nhiệm",
	app.ListDue:        "Đến hạn bổ nhiệm lại",
	app.ListExtension:  "Kéo dài thời gian giữ chức vụ đến tuổi nghỉ hưu",
	app.ListRetirement: "Đến tuổi nghỉ hưu trong 12 tháng",
	app.ListRotation:   "Luân chuyển",
	app.ListEnded:      "Thôi giữ chức vụ trong kỳ",
}

// appointmentListNotes say what each list holds and by which rule.
var appointmentListNotes = map[string]string{
	app.ListHeld:       "Các chức vụ đang đảm nhiệm vào ngày xem; thời hạn giữ chức vụ bổ nhiệm là 5 năm kể từ ngày quyết định có hiệu lực (APPT-01).",
	app.ListDue:        "Chức vụ bổ nhiệm, bổ nhiệm lại hết thời hạn trong vòng 90 ngày làm việc kể từ ngày xem, hoặc đã hết hạn (APPT-05).",
	app.ListExtension:  "Chức vụ mà khi hết thời hạn người giữ còn dưới 24 tháng đến tuổi nghỉ hưu: có thể kéo dài đến tuổi nghỉ hưu thay cho bổ nhiệm lại (APPT-06).",
	app.ListRetirement: "Người giữ chức vụ có ngày nghỉ hưu trong 12 tháng tới, hoặc đã quá (RET-01); không tính chức vụ ở thôn, tổ dân phố.",
	app.ListRotation:   "Chức vụ nhận theo luân chuyển, số tháng đã luân chuyển; thời gian luân chuyển ít nhất 36 tháng (ROT-06).",
	app.ListEnded:      "Chức vụ kết thúc trong khoảng ngày đã chọn, với lý do thôi giữ chức vụ.",
}

// appointmentsData is the workplace's page.
type appointmentsData struct {
	appointmentList
	Lists     []link
	ListLabel string
	Note      string
	Months    string
	Scope     string // as asked
	From, To  string // the period of the list of posts ended, as asked
	Downloads []link
	Rows      []appointmentRow
}

// appointmentRow is a line as the page shows it.
type appointmentRow struct {
	app.AppointmentLine
	Post, HowLabel, EndLabel, StatusLabel string
	Date                                  tochuc.Date
}

// appointmentParams reads the workplace's query: ngay, pham_vi, danh_sach, tu, den.
func appointmentParams(r *http.Request) (app.AppointmentParams, error) {
	d, err := pageDate(r)
	if err != nil {
		return app.AppointmentParams{}, err
	}
	q := r.URL.Query()
	p := app.AppointmentParams{AsOf: d, Scope: q.Get("pham_vi"), List: q.Get("danh_sach")}
	for _, x := range []struct {
		name string
		dst  *tochuc.Date
	}{{"tu", &p.EndedFrom}, {"den", &p.EndedTo}} {
		if v := q.Get(x.name); v != "" {
			if *x.dst, err = tochuc.ParseDateLoose(v); err != nil {
				return p, tochuc.Errorf(tochuc.EInvalid, "Ngày không hợp lệ: %q (cần dd/mm/yyyy)", v)
			}
		}
	}
	return p, nil
}

// handleAppointments shows a list of the workplace, or downloads it (dang=csv, xlsx).
func (s *Server) handleAppointments(w http.ResponseWriter, r *http.Request) error {
	p, err := appointmentParams(r)
	if err != nil {
		return err
	}
	u, _ := userOf(r.Context())
	q := r.URL.Query()
	switch form := q.Get("dang"); form {
	case "csv", "xlsx":
		return s.downloadAppointments(w, r, u, p, form)
	case "":
	default:
		return tochuc.Errorf(tochuc.EInvalid, "Không tải về được dạng %q (csv hoặc xlsx).", form)
	}
	n := requestedPage(r)
	res, err := s.app.Appointments(r.Context(), u, p, (n-1)*pageSize, pageSize)
	if err != nil {
		return err
	}
	data := appointmentsData{appointmentList: appointmentList{List: res.List, Scope: res.Scope, Items: res.Lines},
		ListLabel: appointmentListLabels[res.List], Note: appointmentListNotes[res.List], Months: app.MonthsHeader(res.List),
		Scope: p.Scope, From: q.Get("tu"), To: q.Get("den")}
	data.listInfo = newPager(r, res.Total)
	for _, l := range app.AppointmentLists {
		lq := url.Values{"ngay": {p.AsOf.String()}, "danh_sach": {l}}
		if p.Scope != "" {
			lq.Set("pham_vi", p.Scope)
		}
		data.Lists = append(data.Lists, link{Label: appointmentListLabels[l], URL: "/bo-nhiem?" + lq.Encode()})
	}
	for _, form := range []struct{ label, code string }{{"Excel", "xlsx"}, {"CSV", "csv"}} {
		dq := r.URL.Query()
		dq.Del("trang")
		dq.Set("danh_sach", res.List)
		dq.Set("dang", form.code)
		data.Downloads = append(data.Downloads, link{Label: form.label, URL: "/bo-nhiem?" + dq.Encode()})
	}
	for _, l := range res.Lines {
		data.Rows = append(data.Rows, appointmentRow{AppointmentLine: l, Post: tochuc.RoleLabel(l.Role), HowLabel: app.HowLabel(l.How),
			EndLabel: app.EndLabel(l), StatusLabel: app.AppointmentStatus(l), Date: p.AsOf})
	}
	s.render(w, r, "appointments.html", http.StatusOK, page{Title: "Bổ nhiệm, luân chuyển, nghỉ hưu", Date: p.AsOf, Data: data,
		API: data.appointmentList})
	return nil
}

// downloadAppointments sends a whole list (at most a worksheet's rows) as
// CSV or a workbook, streamed from the database.
func (s *Server) downloadAppointments(w http.ResponseWriter, r *http.Request, u tochuc.User, p app.AppointmentParams, form string) error {
	list := p.List
	if list == "" {
		list = app.ListHeld
	}
	name := "bo-nhiem-" + list + "-" + p.AsOf.String() + "." + form
	headers := app.AppointmentHeaders(list)
	if form == "csv" {
		cw := csv.NewWriter(w)
		started := false
		more, err := s.app.EachAppointment(r.Context(), u, p, maxSheetRows-2, func(l app.AppointmentLine) error {
			if !started {
				started = true
				w.Header().Set("Content-Type", "text/csv; charset=utf-8")
				w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
				if _, err := io.WriteString(w, report.BOM); err != nil {
					return err
				}
				if err := cw.Write(headers); err != nil {
					return err
				}
			}
			return cw.Write(safeCells(app.TextCells(app.AppointmentCells(list, l))))
		})
		if err != nil && !started {
			return err
		}
		if !started {
			w.Header().Set("Content-Type", "text/csv; charset=utf-8")
			w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
			_, _ = io.WriteString(w, report.BOM)
			_ = cw.Write(headers)
		}
		if more {
			_ = cw.Write([]string{"Danh sách dài hơn giới hạn tải về: hãy chọn phạm vi nhỏ hơn."})
		}
		cw.Flush()
		if err != nil {
			s.logFault(err, "path", r.URL.Path)
		}
		return nil
	}
	b, err := workbook.New()
	if err != nil {
		return err
	}
	defer b.Close()
	var cols []workbook.Column
	for _, h := range headers {
		cols = append(cols, workbook.Column{Header: h, Width: max(workbook.HeaderWidth(h), 12)})
	}
	sh, err := b.Sheet("Bổ nhiệm", nil, cols)
	if err != nil {
		return err
	}
	more, err := s.app.EachAppointment(r.Context(), u, p, maxSheetRows-2, func(l app.AppointmentLine) error {
		return sh.Row(app.AppointmentCells(list, l)...)
	})
	if err != nil {
		return err
	}
	if more {
		if err := sh.Row("Danh sách dài hơn một trang tính: hãy chọn phạm vi nhỏ hơn."); err != nil {
			return err
		}
	}
	w.Header().Set("Content-Type", xlsxType)
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
	if err := b.Write(w); err != nil {
		s.logFault(err, "path", r.URL.Path)
	}
	return nil
}

// safeCells makes the cells of a CSV file for people safe to open in a
// spreadsheet (report.SpreadsheetSafe: no cell runs as a formula).
func safeCells(cells []string) []string {
	for i, c := range cells {
		cells[i] = report.SpreadsheetSafe(c)
	}
	return cells
}
