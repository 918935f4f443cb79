package web

import (
	"fmt"
	"html/template"
	"math"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/tochuc/tochuc/internal/app"
	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/tochuc"
	"github.com/tochuc/tochuc/internal/workbook"
)

// The targets directive documents set (bundle-v1 amendment 3), evaluated
// on a date through the indicator catalog: /chi-tieu-van-ban lists them
// (GET /api/v1/targets), /van-ban/{id}/thuc-hien is the report on a
// resolution's implementation ("Thực hiện nghị quyết"): each target's
// actual, status, change since the previous year-end and trend, printable
// on A4 and downloadable as .xlsx.

// targetsData is either page.
type targetsData struct {
	targetList
	Report    bool // the report of one document
	Document  map[string]string
	Scope     string
	DocFilter string
	Rows      []targetRow
	Download  string
	Query     string
	Printed   tochuc.Date
	PlaceLine string
}

// targetRow is a target as the pages show it.
type targetRow struct {
	app.TargetItem
	Doc, Scope, Wanted, Actual, Change, StatusLabel, Explain string
	Bad                                                      bool
	Chart                                                    template.HTML
}

// handleTargets lists the targets on a date.
func (s *Server) handleTargets(w http.ResponseWriter, r *http.Request) error {
	d, err := pageDate(r)
	if err != nil {
		return err
	}
	if done, err := s.choosePickScope(w, r); done || err != nil {
		return err
	}
	q := r.URL.Query()
	p := app.TargetParams{AsOf: d, Scope: strings.TrimSpace(q.Get("pham_vi")), DocumentID: strings.TrimSpace(q.Get("van_ban"))}
	if len(p.Scope) > maxCodeParam || len(p.DocumentID) > maxCodeParam {
		return tochuc.Errorf(tochuc.EInvalid, "Mã quá dài (tối đa %d ký tự).", maxCodeParam)
	}
	u, _ := userOf(r.Context())
	res, err := s.app.Targets(r.Context(), u, p)
	if err != nil {
		return err
	}
	data := targetsData{targetList: targetList{AsOf: res.AsOf, Targets: res.Targets}, Scope: p.Scope, DocFilter: p.DocumentID}
	for _, t := range res.Targets {
		data.Rows = append(data.Rows, newTargetRow(t, nil))
	}
	switch form := q.Get("dang"); form {
	case "xlsx":
		return s.downloadTargets(w, r, "chi-tieu-"+d.String(), []string{"Chỉ tiêu văn bản đặt ra", "Đánh giá ngày " + d.Vietnamese()}, data.Rows)
	case "":
	default:
		return tochuc.Errorf(tochuc.EInvalid, "Không tải về được dạng %q (xlsx).", form)
	}
	dq := r.URL.Query()
	dq.Set("dang", "xlsx")
	data.Download = r.URL.Path + "?" + dq.Encode()
	s.render(w, r, "targets.html", http.StatusOK, page{Title: "Chỉ tiêu văn bản đặt ra", Date: d, Data: data, API: data.targetList})
	return nil
}

// handleDocumentTargets is the report on a document's implementation.
func (s *Server) handleDocumentTargets(w http.ResponseWriter, r *http.Request) error {
	d, err := pageDate(r)
	if err != nil {
		return err
	}
	id := r.PathValue("id")
	if len(id) > maxCodeParam {
		return tochuc.Errorf(tochuc.EInvalid, "Mã quá dài (tối đa %d ký tự).", maxCodeParam)
	}
	doc, err := s.readableDocument(r, id)
	if err != nil {
		return err
	}
	u, _ := userOf(r.Context())
	res, err := s.app.Targets(r.Context(), u, app.TargetParams{AsOf: d, DocumentID: id})
	if err != nil {
		return err
	}
	data := targetsData{targetList: targetList{AsOf: res.AsOf, DocumentID: id, Targets: res.Targets}, Report: true, Document: doc,
		Printed: tochuc.Today(), PlaceLine: "…, ngày " + tochuc.Today().Vietnamese()}
	for _, t := range res.Targets {
		trend, err := s.app.TargetTrend(r.Context(), u, t)
		if err != nil {
			return err
		}
		data.Rows = append(data.Rows, newTargetRow(t, trend))
	}
	if form := r.URL.Query().Get("dang"); form == "xlsx" {
		return s.downloadTargets(w, r, "thuc-hien-"+id+"-"+d.String(),
			[]string{"Thực hiện " + doc["number"] + ": " + doc["title"], "Đánh giá ngày " + d.Vietnamese()}, data.Rows)
	} else if form != "" {
		return tochuc.Errorf(tochuc.EInvalid, "Không tải về được dạng %q (xlsx).", form)
	}
	data.Download = r.URL.Path + "?" + url.Values{"ngay": {d.String()}, "dang": {"xlsx"}}.Encode()
	data.Query = url.Values{"ngay": {d.String()}}.Encode()
	s.render(w, r, "targets.html", http.StatusOK, page{Title: "Thực hiện " + doc["number"], Date: d, Data: data, API: data.targetList})
	return nil
}

// readableDocument reads a document's record, as the read policy lets the
// account see it (ENotFound otherwise: its existence is not told).
func (s *Server) readableDocument(r *http.Request, id string) (map[string]string, error) {
	f := bundle.FileByName("documents")
	cells, err := s.registry.Record(r.Context(), f, map[string]string{"id": id})
	if err != nil {
		return nil, err
	}
	sc, err := s.scopeOf(r.Context())
	if err != nil {
		return nil, err
	}
	if ok, err := sc.Row(r.Context(), f, cells); err != nil {
		return nil, err
	} else if !ok {
		return nil, tochuc.Errorf(tochuc.ENotFound, "Không có văn bản '%s'.", id)
	}
	doc := map[string]string{}
	for i, c := range f.Columns {
		if i < len(cells) {
			doc[c.Name] = cells[i]
		}
	}
	return doc, nil
}

// targetFigure writes a target's number for a person: a share as a
// percentage, else with Vietnamese separators.
func targetFigure(t app.TargetItem, x float64) string {
	if t.Share {
		return tochuc.FormatPercent(x)
	}
	return tochuc.FormatDecimal(x)
}

// newTargetRow formats a target; with its trend, the change since the
// previous year-end and the chart.
func newTargetRow(t app.TargetItem, trend []app.TrendPoint) targetRow {
	row := targetRow{TargetItem: t, Doc: t.DocumentNumber, Scope: t.ScopeName,
		Wanted: tochuc.Label("target_op", t.Op) + " " + targetFigure(t, t.Value), Actual: targetFigure(t, t.Actual),
		StatusLabel: tochuc.Label("target_status", t.Status), Bad: t.Status == tochuc.TargetMissed || t.Status == tochuc.TargetBehind}
	if row.Doc == "" {
		row.Doc = t.DocumentID
	}
	if t.ScopeID == "" {
		row.Scope = "Toàn bộ"
	}
	q := url.Values{"ngay": {t.MeasuredOn}}
	if t.ScopeID != "" {
		q.Set("pham_vi", t.ScopeID)
	}
	row.Explain = "/chi-tieu/" + url.PathEscape(t.Indicator) + "?" + q.Encode()
	// the previous year-end: the last 31 December before the measuring day
	for i := len(trend) - 1; i >= 0; i-- {
		p := trend[i]
		if p.On < t.Measured && p.On.Time().Month() == time.December && p.On.Time().Day() == 31 {
			diff := tochuc.RoundActual(t.Actual - p.Actual)
			sign := ""
			if diff > 0 {
				sign = "+"
			}
			if t.Share {
				row.Change = sign + strings.Replace(fmt.Sprintf("%.1f", diff*100), ".", ",", 1) + " điểm %"
			} else {
				row.Change = sign + tochuc.FormatDecimal(diff)
			}
			row.Change += " (so với " + p.On.Vietnamese() + ")"
			break
		}
	}
	if len(trend) > 0 {
		row.Chart = targetChart(t, trend)
	}
	return row
}

// targetChart draws a target's trend as a small line chart with its target
// as a dashed line, and a text alternative.
func targetChart(t app.TargetItem, trend []app.TrendPoint) template.HTML {
	const w, h, pad = 220, 70, 8
	lo, hi := math.Min(0, t.Value), t.Value
	for _, p := range trend {
		lo, hi = math.Min(lo, p.Actual), math.Max(hi, p.Actual)
	}
	if hi == lo {
		hi = lo + 1
	}
	y := func(v float64) float64 { return pad + (h-2*pad)*(hi-v)/(hi-lo) }
	x := func(i int) float64 {
		if len(trend) == 1 {
			return w / 2
		}
		return pad + float64(w-2*pad)*float64(i)/float64(len(trend)-1)
	}
	var desc []string
	for _, p := range trend {
		desc = append(desc, p.On.Vietnamese()+": "+targetFigure(t, p.Actual))
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="target-chart" role="img" viewBox="0 0 %d %d" width="%d" height="%d"><title>%s</title>`, w, h, w, h,
		esc("Diễn biến: "+strings.Join(desc, "; ")+". Chỉ tiêu: "+tochuc.Label("target_op", t.Op)+" "+targetFigure(t, t.Value)))
	fmt.Fprintf(&b, `<line x1="0" y1="%.1f" x2="%d" y2="%.1f" stroke="#b00" stroke-dasharray="4 3"/>`, y(t.Value), w, y(t.Value))
	var pts []string
	for i, p := range trend {
		pts = append(pts, fmt.Sprintf("%.1f,%.1f", x(i), y(p.Actual)))
	}
	fmt.Fprintf(&b, `<polyline fill="none" stroke="%s" stroke-width="2" points="%s"/>`, chartColor, strings.Join(pts, " "))
	for i, p := range trend {
		fmt.Fprintf(&b, `<circle cx="%.1f" cy="%.1f" r="3" fill="%s"/>`, x(i), y(p.Actual), chartColor)
	}
	b.WriteString(`</svg><span class="chart-years">` + esc(trend[0].On.Vietnamese()) + " – " + esc(trend[len(trend)-1].On.Vietnamese()) + `</span>`)
	return template.HTML(b.String()) // every text escaped by esc
}

// downloadTargets sends the targets as a workbook.
func (s *Server) downloadTargets(w http.ResponseWriter, r *http.Request, name string, title []string, rows []targetRow) error {
	b, err := workbook.New()
	if err != nil {
		return err
	}
	defer b.Close()
	sh, err := b.Sheet("Chỉ tiêu", title, []workbook.Column{{Header: "Văn bản", Width: 14}, {Header: "Chỉ tiêu", Width: 8},
		{Header: "Nội dung", Width: 40}, {Header: "Chỉ số", Width: 40}, {Header: "Phạm vi", Width: 24}, {Header: "Hạn", Width: 12},
		{Header: "Yêu cầu", Width: 16}, {Header: "Ngày đo", Width: 12}, {Header: "Thực tế", Width: 12},
		{Header: "Thay đổi so với cuối năm trước", Width: 30}, {Header: "Trạng thái", Width: 16}})
	if err != nil {
		return err
	}
	for _, t := range rows {
		var actual any = t.TargetItem.Actual
		if t.Share {
			actual = workbook.Percent(t.TargetItem.Actual)
		}
		if err := sh.Row(t.Doc, t.TargetID, t.Label, t.IndicatorName, t.Scope, t.Due, t.Wanted, t.Measured, actual, t.Change, t.StatusLabel); err != nil {
			return err
		}
	}
	w.Header().Set("Content-Type", xlsxType)
	w.Header().Set("Content-Disposition", `attachment; filename="`+safeFileName(name)+`.xlsx"`)
	if err := b.Write(w); err != nil {
		s.logFault(err, "path", r.URL.Path)
	}
	return nil
}

// safeFileName keeps the letters, digits, '-' and '_' of a name (a
// Content-Disposition's filename).
func safeFileName(s string) string {
	return strings.Map(func(c rune) rune {
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' {
			return c
		}
		return '-'
	}, s)
}
