package web

import (
	"errors"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/tochuc/tochuc/internal/app"
	"github.com/tochuc/tochuc/internal/check"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// The evaluation workplace (/danh-gia): a committee's sheet of ratings for a
// year and period, entered and advanced row by row through app.Edit; the
// summary by level (/danh-gia/tong-hop) and the history with commendation
// and EVAL-17 (/danh-gia/lich-su). Ratings are confidential: every page is
// refused without the permission, keeps the scope's rows and logs its read.

// evalForm is what the workplace's filter reads (cap_uy, nam, ky).
type evalForm struct {
	Unit     string // the deciding committee's code
	UnitName string
	Year     int
	Period   string
	Under    bool // cap_duoi: the committees under it too (summary, history)
}

// codeLabel is a vocabulary code with its label (for a select).
type codeLabel struct{ Code, Label string }

func vocab(name string, codes []string) []codeLabel {
	var out []codeLabel
	for _, c := range codes {
		out = append(out, codeLabel{c, tochuc.Label(name, c)})
	}
	return out
}

// evalFilterView is the filter's form of an evaluation page.
type evalFilterView struct {
	Action  string
	Form    evalForm
	Periods []codeLabel
	Under   bool // offers cap_duoi
}

// evalSheetData is the workplace page.
type evalSheetData struct {
	FilterView evalFilterView
	Form       evalForm
	Sheet      *app.EvalSheet
	Periods    []codeLabel
	Ratings    []codeLabel
	Statuses   []codeLabel
	Error      string
	// Starts are the committees to start from, before one is chosen.
	Starts []link
	// Failed is the row sent back (its values kept) after a refusal;
	// Accept offers to save it despite the findings it adds.
	Failed   *evalRowForm
	Accept   bool
	Findings []findingView
	Links    []link
}

// evalRowForm is one row's form as sent.
type evalRowForm struct {
	SubjectType, SubjectID, Category string
	Score, Rating, Status, DecidedOn string
	Version                          string
}

// readEvalForm reads the filter: the committee (a code, or a name that
// picks one unit), the year (default: this year), the period.
func (s *Server) readEvalForm(r *http.Request, v url.Values) (evalForm, error) {
	f := evalForm{Year: tochuc.Today().Time().Year(), Period: v.Get("ky"), Under: v.Get("cap_duoi") == "1"}
	if f.Period == "" {
		f.Period = tochuc.EvaluationPeriodYear
	}
	if !slices.Contains(tochuc.EvaluationPeriods, f.Period) {
		return f, tochuc.Errorf(tochuc.EInvalid, "Kỳ đánh giá %q không hợp lệ.", f.Period)
	}
	if y := strings.TrimSpace(v.Get("nam")); y != "" {
		n, err := strconv.Atoi(y)
		if err != nil || n < 1930 || n > 2100 {
			return f, tochuc.Errorf(tochuc.EInvalid, "Năm %q không hợp lệ (cần 4 chữ số, ví dụ 2025).", y)
		}
		f.Year = n
	}
	typed := strings.TrimSpace(v.Get("cap_uy"))
	if len(typed) > 200 {
		return f, tochuc.Errorf(tochuc.EInvalid, "Tên hoặc mã cấp ủy quá dài.")
	}
	if typed == "" {
		// The default committee is the scope's unit, or, once it has ended (a
		// district after 2025-07-01), the first unit that carries its scope on.
		roots, err := s.rootsOn(r.Context(), tochuc.NewDate(f.Year, 12, 31))
		if err != nil {
			return f, err
		}
		if len(roots) > 0 {
			typed = roots[0]
		}
	}
	if typed != "" {
		id, err := s.unitByName(r.Context(), tochuc.NewDate(f.Year, 12, 31), typed)
		if err != nil {
			return f, err
		}
		f.Unit = id
		if names, err := s.registry.UnitNames(r.Context(), []string{id}, tochuc.NewDate(f.Year, 12, 31)); err == nil {
			f.UnitName = names[id]
		}
	}
	return f, nil
}

// confidentialScope returns the scope of a request that reads ratings, or
// refuses an account without the permission.
func (s *Server) confidentialScope(r *http.Request) (*app.Scope, error) {
	sc, err := s.scopeOf(r.Context())
	if err != nil {
		return nil, err
	}
	if !sc.MayReadConfidential() {
		return nil, tochuc.Errorf(tochuc.EForbidden, "Tài khoản của bạn không được xem dữ liệu mật (đánh giá, xếp loại chất lượng). Đề nghị quản trị viên cấp quyền.")
	}
	return sc.WithIP(s.clientIP(r)), nil
}

// evalLinks are the workplace's links for a filter.
func evalLinks(f evalForm) []link {
	q := url.Values{"cap_uy": {f.Unit}, "nam": {strconv.Itoa(f.Year)}, "ky": {f.Period}}
	return []link{{"Bảng đánh giá", "/danh-gia?" + q.Encode()}, {"Tổng hợp kết quả", "/danh-gia/tong-hop?" + q.Encode()},
		{"Lịch sử, khen thưởng", "/danh-gia/lich-su?" + q.Encode()}}
}

// handleEvaluations shows a committee's sheet (page) or lists ratings (API:
// filters nam, ky, cap_uy, ma_dt, nhom, buoc; 50 a page).
func (s *Server) handleEvaluations(w http.ResponseWriter, r *http.Request) error {
	sc, err := s.confidentialScope(r)
	if err != nil {
		return err
	}
	if isAPI(r) {
		return s.evaluationList(w, r, sc)
	}
	f, err := s.readEvalForm(r, r.URL.Query())
	if err != nil {
		return err
	}
	return s.showSheet(w, r, sc, f, http.StatusOK, nil)
}

// showSheet renders the workplace (with data's error and row kept, if any).
func (s *Server) showSheet(w http.ResponseWriter, r *http.Request, sc *app.Scope, f evalForm, status int, data *evalSheetData) error {
	if data == nil {
		data = &evalSheetData{}
	}
	data.Form, data.Periods = f, vocab("period", tochuc.EvaluationPeriods)
	data.FilterView = evalFilterView{Action: "/danh-gia", Form: f, Periods: data.Periods}
	data.Ratings, data.Statuses = vocab("rating", tochuc.Ratings), vocab("eval_status", tochuc.EvaluationStatuses)
	if f.Unit != "" {
		sh, err := sc.EvalSheet(r.Context(), app.EvalQuery{RatedBy: f.Unit, Year: f.Year, Period: f.Period})
		if err != nil {
			return err
		}
		data.Sheet = sh
		data.Links = evalLinks(f)
		if err := sc.LogRead(r.Context(), app.ConfidentialRead{File: "evaluations", Via: r.URL.Path, Keys: sh.Keys}); err != nil {
			return err
		}
	} else if err := s.evalStarts(r, sc, f, data); err != nil {
		return err
	}
	s.render(w, r, "evaluation.html", status, page{Title: "Đánh giá, xếp loại chất lượng", Date: tochuc.Today(), Data: data})
	return nil
}

// evalStarts offers, before a committee is chosen, the provincial party
// committees of the year inside the scope (a few dozen at most) to start from.
func (s *Server) evalStarts(r *http.Request, sc *app.Scope, f evalForm, data *evalSheetData) error {
	d := tochuc.NewDate(f.Year, 12, 31)
	units, err := s.registry.UnitsAsOf(r.Context(), d, tochuc.UnitFilter{Kind: "party_provincial"})
	if err != nil {
		return err
	}
	for _, u := range units {
		if !sc.UnitOn(u.ID, d) {
			continue
		}
		q := url.Values{"cap_uy": {u.ID}, "nam": {strconv.Itoa(f.Year)}, "ky": {f.Period}}
		data.Starts = append(data.Starts, link{Label: u.Name, URL: "/danh-gia?" + q.Encode()})
	}
	return nil
}

// evaluationList answers GET /api/v1/evaluations.
func (s *Server) evaluationList(w http.ResponseWriter, r *http.Request, sc *app.Scope) error {
	v := r.URL.Query()
	q := app.EvalListQuery{Period: v.Get("ky"), RatedBy: v.Get("cap_uy"), Subject: v.Get("ma_dt"), Category: v.Get("nhom"), Status: v.Get("buoc")}
	for _, p := range []string{q.RatedBy, q.Subject} {
		if len(p) > 200 {
			return tochuc.Errorf(tochuc.EInvalid, "Mã quá dài.")
		}
	}
	if q.Period != "" && !slices.Contains(tochuc.EvaluationPeriods, q.Period) {
		return tochuc.Errorf(tochuc.EInvalid, "Kỳ đánh giá %q không hợp lệ.", q.Period)
	}
	if q.Category != "" && !slices.Contains(tochuc.EvaluationCategories, q.Category) {
		return tochuc.Errorf(tochuc.EInvalid, "Nhóm đối tượng %q không hợp lệ.", q.Category)
	}
	if q.Status != "" && !slices.Contains(tochuc.EvaluationStatuses, q.Status) {
		return tochuc.Errorf(tochuc.EInvalid, "Bước đánh giá %q không hợp lệ.", q.Status)
	}
	if y := v.Get("nam"); y != "" {
		n, err := strconv.Atoi(y)
		if err != nil {
			return tochuc.Errorf(tochuc.EInvalid, "Năm %q không hợp lệ.", y)
		}
		q.Year = n
	}
	pg := requestedPage(r)
	q.Offset, q.Limit = (pg-1)*pageSize, pageSize
	res, err := sc.EvalList(r.Context(), q)
	if err != nil {
		return err
	}
	if err := sc.LogRead(r.Context(), app.ConfidentialRead{File: "evaluations", Via: r.URL.Path, Keys: res.Keys}); err != nil {
		return err
	}
	out := evaluationList{Items: res.Items, listInfo: newPager(r, res.Total)}
	writeAPI(w, http.StatusOK, apiPage{AsOf: tochuc.Today(), Data: out})
	return nil
}

// maxEvalForm bounds the body of a row's form.
const maxEvalForm = 16 << 10

// handleEvaluationSave enters or advances one rating from the workplace:
// an edit of evaluations.csv through app.Edit (write policy, audit log,
// versions, the order of decision EVAL-19, the findings' warning).
func (s *Server) handleEvaluationSave(w http.ResponseWriter, r *http.Request) error {
	if err := mayWrite(r); err != nil {
		return err
	}
	sc, err := s.confidentialScope(r)
	if err != nil {
		return err
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxEvalForm)
	if err := r.ParseForm(); err != nil {
		return tochuc.Errorf(tochuc.EInvalid, "Biểu mẫu không hợp lệ hoặc quá lớn.")
	}
	pf := r.PostForm
	f, err := s.readEvalForm(r, pf)
	if err != nil {
		return err
	}
	row := &evalRowForm{SubjectType: pf.Get("loai_dt"), SubjectID: pf.Get("ma_dt"), Category: pf.Get("nhom"),
		Score: strings.TrimSpace(pf.Get("diem")), Rating: pf.Get("xep_loai"), Status: pf.Get("buoc"),
		DecidedOn: strings.TrimSpace(pf.Get("ngay_qd")), Version: pf.Get("phien_ban")}
	fail := func(status int, msg string, fs []check.Finding) error {
		data := &evalSheetData{Error: msg, Failed: row, Accept: len(fs) > 0}
		for _, x := range fs {
			data.Findings = append(data.Findings, viewOf(x))
		}
		return s.showSheet(w, r, sc, f, status, data)
	}
	vals, msg := row.values(f)
	if msg != "" {
		return fail(http.StatusUnprocessableEntity, msg, nil)
	}
	req := app.EditRequest{File: "evaluations", Mode: app.ModeCorrect, Values: vals, Version: row.Version,
		Date: tochuc.Today(), AcceptFindings: pf.Get("chap_nhan_phat_hien") != ""}
	if row.Version != "" {
		req.Original = map[string]string{"year": vals["year"], "period": vals["period"], "subject_type": vals["subject_type"],
			"subject_id": vals["subject_id"], "category": vals["category"]}
	}
	res, err := s.app.Edit(r.Context(), s.actor(r), req)
	var stale *app.StaleError
	var warned *app.FindingsWarning
	switch {
	case errors.As(err, &stale):
		row.Version = stale.Version
		return fail(http.StatusConflict, stale.Message, nil)
	case errors.As(err, &warned):
		return fail(http.StatusUnprocessableEntity, warned.Error(), warned.Findings)
	case err != nil && tochuc.ErrorCode(err) == tochuc.EInvalid:
		return fail(http.StatusUnprocessableEntity, err.Error(), nil)
	case err != nil:
		return err
	case !res.Report.OK():
		var parts []string
		for _, is := range res.Report.Issues {
			parts = append(parts, is.Vi)
		}
		return fail(http.StatusUnprocessableEntity, "Dữ liệu không hợp lệ, chưa có gì được ghi: "+strings.Join(parts, "; "), nil)
	}
	q := url.Values{"cap_uy": {f.Unit}, "nam": {strconv.Itoa(f.Year)}, "ky": {f.Period}, savedParam: {"evaluations"}}
	http.Redirect(w, r, "/danh-gia?"+q.Encode()+"#dt-"+row.Category+"-"+url.QueryEscape(row.SubjectID), http.StatusSeeOther)
	return nil
}

// values turns a row's form into the record's values, or says what is wrong.
func (row *evalRowForm) values(f evalForm) (map[string]string, string) {
	if f.Unit == "" {
		return nil, "Chưa chọn cấp ủy quyết định."
	}
	if !slices.Contains(tochuc.EvaluationSubjects, row.SubjectType) || row.SubjectID == "" || len(row.SubjectID) > 200 ||
		!slices.Contains(tochuc.EvaluationCategories, row.Category) {
		return nil, "Thiếu hoặc sai đối tượng đánh giá."
	}
	if row.Status == "" {
		row.Status = "self_assessed"
	}
	if !slices.Contains(tochuc.EvaluationStatuses, row.Status) {
		return nil, "Bước đánh giá không hợp lệ."
	}
	if row.Score != "" {
		n, err := strconv.Atoi(row.Score)
		if err != nil || n < 0 || n > 100 {
			return nil, "Điểm phải là số nguyên từ 0 đến 100."
		}
		if row.Rating == "" {
			row.Rating = tochuc.ScoreBand(n)
		}
	}
	if !slices.Contains(tochuc.Ratings, row.Rating) {
		return nil, "Chưa chọn mức xếp loại (hoặc nhập điểm để tính mức)."
	}
	v := map[string]string{"year": strconv.Itoa(f.Year), "period": f.Period, "subject_type": row.SubjectType,
		"subject_id": row.SubjectID, "category": row.Category, "rating": row.Rating, "rated_by_id": f.Unit,
		"score": row.Score, "status": row.Status}
	if row.DecidedOn != "" {
		d, err := tochuc.ParseDateLoose(row.DecidedOn)
		if err != nil || d == 0 {
			return nil, "Ngày quyết định không hợp lệ: " + row.DecidedOn + " (cần dd/mm/yyyy)."
		}
		v["decided_on"] = d.String()
	} else if row.Status == tochuc.EvaluationDecided {
		v["decided_on"] = tochuc.Today().String()
	}
	return v, ""
}

// Band is the level a score falls in (EVAL-05), for the page.
func scoreBand(score *int) string {
	if score == nil {
		return ""
	}
	return tochuc.ScoreBand(*score)
}
