package web

import (
	"net/http"
	"net/url"
	"strconv"

	"github.com/tochuc/tochuc/internal/app"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// evalSummaryData is the summary page (/danh-gia/tong-hop).
type evalSummaryData struct {
	FilterView evalFilterView
	Form       evalForm
	Summary    *app.EvalSummary
	Periods    []codeLabel
	Ratings    []string
	Links      []link
	Downloads  []link
}

// handleEvalSummary shows (or downloads, dang=xlsx) the numbers and shares
// by level of a committee's decided ratings of a year, its committees under
// it too with cap_duoi=1 (STAT-06), and the committees over the quota
// (EVAL-11) from the same counts.
func (s *Server) handleEvalSummary(w http.ResponseWriter, r *http.Request) error {
	sc, err := s.confidentialScope(r)
	if err != nil {
		return err
	}
	f, err := s.readEvalForm(r, r.URL.Query())
	if err != nil {
		return err
	}
	data := evalSummaryData{Form: f, Periods: vocab("period", tochuc.EvaluationPeriods), Ratings: tochuc.Ratings}
	data.FilterView = evalFilterView{Action: "/danh-gia/tong-hop", Form: f, Periods: data.Periods, Under: true}
	if f.Unit == "" { // nothing chosen yet: the form (the API: an empty summary)
		empty := &app.EvalSummary{Year: f.Year, Period: f.Period, Rows: []app.EvalSummaryRow{}, Breaches: []app.QuotaBreach{}}
		s.render(w, r, "evalsummary.html", http.StatusOK, page{Title: "Tổng hợp kết quả xếp loại", Date: tochuc.Today(), Data: data,
			API: evalSummaryView{empty}})
		return nil
	}
	sum, err := sc.EvalSummary(r.Context(), app.EvalScope{Unit: f.Unit, Under: f.Under, Year: f.Year, Period: f.Period})
	if err != nil {
		return err
	}
	via := r.URL.Path
	if r.URL.Query().Get("dang") == "xlsx" {
		via = "tải " + r.URL.Path + " (xlsx)"
	}
	if err := sc.LogRead(r.Context(), app.ConfidentialRead{File: "evaluations", Via: via, Count: sum.Records}); err != nil {
		return err
	}
	if r.URL.Query().Get("dang") == "xlsx" {
		return writeXLSX(w, "tong-hop-xep-loai-"+f.Unit+"-"+strconv.Itoa(f.Year)+".xlsx", "Tổng hợp", summaryRows(sum))
	}
	data.Summary, data.Links = sum, evalLinks(f)
	dq := r.URL.Query()
	dq.Set("dang", "xlsx")
	data.Downloads = []link{{"Excel", "/danh-gia/tong-hop?" + dq.Encode()}}
	s.render(w, r, "evalsummary.html", http.StatusOK, page{Title: "Tổng hợp kết quả xếp loại", Date: tochuc.Today(), Data: data, API: evalSummaryView{sum}})
	return nil
}

// summaryRows are the summary as worksheet rows (the first the header).
func summaryRows(sum *app.EvalSummary) [][]any {
	head := []any{"Nhóm", "Đối tượng", "Tổng số"}
	for _, rt := range tochuc.Ratings {
		head = append(head, tochuc.Label("rating", rt), "Tỷ lệ (%)")
	}
	head = append(head, "Chưa quyết định")
	rows := [][]any{head}
	for _, row := range sum.Rows {
		g := "Tổ chức, tập thể"
		if row.Group == "members" {
			g = "Cá nhân"
		}
		x := []any{g, tochuc.Label("category", row.Category), row.Total}
		for _, rt := range tochuc.Ratings {
			x = append(x, row.Counts[rt], tochuc.FormatPercent(row.Share(rt)))
		}
		rows = append(rows, append(x, row.Undecided))
	}
	return rows
}

// evalHistoryData is the history page (/danh-gia/lich-su).
type evalHistoryData struct {
	FilterView evalFilterView
	Form       evalForm
	Filter     string
	History    *app.EvalHistory
	Periods    []codeLabel
	Links      []link
	listInfo
}

// handleEvalHistory lists the subjects rated in a year by a committee (its
// committees under it too with cap_duoi=1) with their ratings year by year:
// commendation (EVAL-16: excellent this year, 5 consecutive years) and two
// years incomplete (EVAL-17); loc=xuat_sac or khong_hoan_thanh keeps those.
func (s *Server) handleEvalHistory(w http.ResponseWriter, r *http.Request) error {
	sc, err := s.confidentialScope(r)
	if err != nil {
		return err
	}
	f, err := s.readEvalForm(r, r.URL.Query())
	if err != nil {
		return err
	}
	data := evalHistoryData{Form: f, Filter: r.URL.Query().Get("loc"), Periods: vocab("period", tochuc.EvaluationPeriods)}
	data.FilterView = evalFilterView{Action: "/danh-gia/lich-su", Form: f, Periods: data.Periods, Under: true}
	rating := ""
	switch data.Filter {
	case "":
	case "xuat_sac":
		rating = "excellent"
	case "khong_hoan_thanh":
		rating = "incomplete"
	default:
		return tochuc.Errorf(tochuc.EInvalid, "Bộ lọc %q không hợp lệ (xuat_sac hoặc khong_hoan_thanh).", data.Filter)
	}
	if f.Unit == "" { // nothing chosen yet: the form (the API: an empty page)
		empty := &app.EvalHistory{Year: f.Year, Years: []int{}, Lines: []app.EvalHistoryLine{}}
		s.render(w, r, "evalhistory.html", http.StatusOK, page{Title: "Lịch sử xếp loại, khen thưởng", Date: tochuc.Today(), Data: data,
			API: evalHistoryView{EvalHistory: empty, listInfo: newPager(r, 0)}})
		return nil
	}
	pg := requestedPage(r)
	h, err := sc.EvalHistory(r.Context(), app.EvalHistoryQuery{EvalScope: app.EvalScope{Unit: f.Unit, Under: f.Under, Year: f.Year, Period: f.Period},
		Rating: rating, Offset: (pg - 1) * pageSize, Limit: pageSize})
	if err != nil {
		return err
	}
	if err := sc.LogRead(r.Context(), app.ConfidentialRead{File: "evaluations", Via: r.URL.Path, Keys: h.Keys}); err != nil {
		return err
	}
	data.History, data.Links, data.listInfo = h, evalLinks(f), newPager(r, h.Total)
	s.render(w, r, "evalhistory.html", http.StatusOK, page{Title: "Lịch sử xếp loại, khen thưởng", Date: tochuc.Today(), Data: data,
		API: evalHistoryView{EvalHistory: h, listInfo: data.listInfo}})
	return nil
}

// historyURL is the history page with a filter.
func historyURL(f evalForm, loc string) string {
	q := url.Values{"cap_uy": {f.Unit}, "nam": {strconv.Itoa(f.Year)}, "ky": {f.Period}}
	if f.Under {
		q.Set("cap_duoi", "1")
	}
	if loc != "" {
		q.Set("loc", loc)
	}
	return "/danh-gia/lich-su?" + q.Encode()
}

// ratingAbbr is the abbreviation boards write a level with (EVAL-01), for
// the narrow columns of the history.
func ratingAbbr(rating string) string {
	switch rating {
	case "excellent":
		return "HTXSNV"
	case "good":
		return "HTTNV"
	case "complete":
		return "HTNV"
	case "incomplete":
		return "KHTNV"
	}
	return tochuc.Label("rating", rating)
}
