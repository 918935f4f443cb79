package web

import (
	"context"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/tochuc/tochuc/internal/indicator"
	"github.com/tochuc/tochuc/internal/report"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// dashboardData is the indicator catalog for a date, an optional earlier
// date and a scope, each number linking to the records behind it.
type dashboardData struct {
	*indicator.Result
	Params  indicator.Params
	Query   template.URL // the parameters, for the links to the records (encoded)
	Missing string       // set when the scope does not exist on the date
	// Sections are the indicators in the article's sections, with their charts.
	Sections []dashSection
	// Printed is the day the page was made, for the print's place and date line.
	Printed tochuc.Date
	// TrendPending: the charts over the years are still being computed.
	TrendPending bool
}

// dashSection is a section of the dashboard: its title, the article's
// figures it covers, its indicators (the catalog's order) and its charts.
type dashSection struct {
	Number         string // I, II, …
	Title, Figures string
	Indicators     []indicator.Indicator
	Charts         []template.HTML
}

var romans = []string{"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"}

// PlaceLine is the place and date line above the signatures, the place left
// for the pen: "……………, ngày 03 tháng 12 năm 2026".
func (d dashboardData) PlaceLine() string {
	t := d.Printed.Time()
	return fmt.Sprintf("……………, ngày %02d tháng %02d năm %d", t.Day(), int(t.Month()), t.Year())
}

// partRow is a line of an indicator's breakdown: its label, its figure and
// the page of its records.
type partRow struct {
	Label string
	Value int
	URL   string
}

// Parts returns an indicator's breakdown in the order of its parts (the
// catalog's), labelled, each linking to its records.
func (d dashboardData) Parts(ind indicator.Indicator) []partRow {
	def, _ := indicator.Lookup(ind.ID)
	var out []partRow
	for _, part := range def.Parts {
		out = append(out, partRow{Label: indicator.PartLabelOf(ind.ID, part), Value: ind.By[part],
			URL: indicatorPath(ind.ID) + "?" + string(d.Query) + "&" + url.Values{"phan_nhom": {part}}.Encode()})
	}
	return out
}

// Figures returns the figures of the source article an indicator gives ("F6").
func (d dashboardData) Figures(id string) string { return indicator.Figures(id) }

// sectionsOf places a report's indicators in the article's sections (those
// with none left out) and draws the charts: the trend of each trendIDs over
// the years (points, when known) and the composition of its breakdown.
func sectionsOf(res *indicator.Result, points []indicator.Point) []dashSection {
	var out []dashSection
	for _, sec := range indicator.Sections() {
		ds := dashSection{Number: romans[min(len(out), len(romans)-1)], Title: sec.Title, Figures: sec.Figures}
		for _, ind := range res.Indicators {
			if sec.Has(ind.ID) {
				ds.Indicators = append(ds.Indicators, ind)
			}
		}
		if len(ds.Indicators) == 0 {
			continue
		}
		for _, ind := range ds.Indicators {
			ds.Charts = append(ds.Charts, chartsOf(ind, points)...)
		}
		out = append(out, ds)
	}
	return out
}

// charted are the indicators drawn: what their values count and the title
// of their composition.
var charted = map[string]struct{ unit, parts string }{
	"party.members": {"đảng viên", "Đảng viên chia theo chính thức, dự bị"},
	"staff.total":   {"người", "Biên chế chia theo khối"},
}

// chartsOf draws an indicator's trend (when it is one of trendIDs) and the
// composition of its breakdown.
func chartsOf(ind indicator.Indicator, points []indicator.Point) []template.HTML {
	ch, ok := charted[ind.ID]
	if !ok {
		return nil
	}
	var out []template.HTML
	id := strings.ReplaceAll(ind.ID, ".", "-")
	if len(points) > 0 {
		c := chart{ID: "xu-huong-" + id, Title: ind.Label + " qua các năm", Unit: ch.unit}
		for i, p := range points {
			label := strconv.Itoa(p.AsOf.Time().Year())
			if i == len(points)-1 {
				label = p.AsOf.Vietnamese()
			}
			c.Bars = append(c.Bars, bar{Label: label, Value: p.Values[ind.ID]})
		}
		out = append(out, c.Trend())
	}
	if def, ok := indicator.Lookup(ind.ID); ok && len(def.Parts) > 0 && ind.Value > 0 {
		c := chart{ID: "co-cau-" + id, Title: ch.parts, Unit: ch.unit}
		for _, part := range def.Parts {
			c.Bars = append(c.Bars, bar{Label: indicator.PartLabelOf(ind.ID, part), Value: ind.By[part]})
		}
		out = append(out, c.Composition())
	}
	return out
}

// NoDistrict returns what the dashboard shows instead of the figures of a
// district indicator when no district exists inside the scope on the date
// (its value and of are 0): the district level ended on 2025-07-01, or the
// scope holds none. "" for any other row. The JSON and CSV keep the figures.
func (d dashboardData) NoDistrict(ind indicator.Indicator) string {
	if !strings.HasPrefix(ind.ID, "concurrency.district.") || ind.Of == nil || *ind.Of != 0 {
		return ""
	}
	if d.Params.AsOf >= tochuc.Reform2025 {
		return "không còn cấp huyện"
	}
	return "không có cấp huyện trong phạm vi"
}

// reportParams reads ?ngay, ?tu (since) and ?pham_vi (scope) and checks that
// the scope lies inside the user's.
func (s *Server) reportParams(r *http.Request) (indicator.Params, error) {
	d, ok := dateOf(r)
	if !ok {
		return indicator.Params{}, badDate(r)
	}
	p := indicator.Params{AsOf: d, Scope: r.URL.Query().Get("pham_vi")}
	if v := r.URL.Query().Get("tu"); v != "" {
		since, err := tochuc.ParseDateLoose(v)
		if err != nil || since == 0 || since >= d {
			return p, tochuc.Errorf(tochuc.EInvalid, "Ngày so sánh %q phải là một ngày trước ngày xem", v)
		}
		p.Since = since
	}
	u, _ := userOf(r.Context())
	return s.app.ReportScope(r.Context(), u, p)
}

func (s *Server) handleDashboard(w http.ResponseWriter, r *http.Request) error {
	if done, err := s.choosePickScope(w, r); done || err != nil {
		return err
	}
	p, err := s.reportParams(r)
	if err != nil {
		return err
	}
	res, err := s.reports.get(r.Context(), s.registry, s.budget, p)
	if msg := s.missingScope(r, p, err); msg != "" {
		data := dashboardData{Result: &indicator.Result{AsOf: p.AsOf.String()}, Params: p, Query: reportQuery(p), Missing: msg}
		s.render(w, r, "dashboard.html", http.StatusOK, page{Title: "Chỉ tiêu thống kê", Date: p.AsOf, Data: data,
			API: reportView{Result: *data.Result, Missing: msg}})
		return nil
	}
	if err != nil {
		return err
	}
	if r.URL.Query().Get("dang") == "xlsx" {
		w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
		w.Header().Set("Content-Disposition", `attachment; filename="chi-tieu-`+p.AsOf.String()+`.xlsx"`)
		if err := report.WriteXLSX(w, res); err != nil {
			s.log.Error("xlsx", "err", err)
		}
		return nil
	}
	// The trend is an addition: the report does not wait for it longer than
	// trendWait (on a national registry it reads six dates); its computation
	// goes on, and the page says so, to show it when opened again.
	wait, cancel := context.WithTimeout(r.Context(), trendWait)
	points, err := s.trends.get(wait, s.registry, s.budget, p)
	cancel()
	trendPending := false
	if err != nil {
		if wait.Err() != nil && r.Context().Err() == nil {
			trendPending = true
		} else {
			s.logFault(err, "path", r.URL.Path)
		}
		points = nil
	}
	data := dashboardData{Result: res, Params: p, Query: reportQuery(p), Sections: sectionsOf(res, points), Printed: tochuc.Today(),
		TrendPending: trendPending}
	s.render(w, r, "dashboard.html", http.StatusOK, page{Title: "Chỉ tiêu thống kê", Date: p.AsOf, Data: data, API: reportView{Result: *res}})
	return nil
}

// trendWait is how long the dashboard waits for its charts over the years.
const trendWait = 400 * time.Millisecond

// reportQuery renders report parameters as an encoded query string.
func reportQuery(p indicator.Params) template.URL {
	q := url.Values{"ngay": {p.AsOf.String()}}
	if p.Since != 0 {
		q.Set("tu", p.Since.String())
	}
	if p.Scope != "" {
		q.Set("pham_vi", p.Scope)
	}
	return template.URL(q.Encode()) // url.Values.Encode escapes every value
}

// explainData is the page of the records behind an indicator: its API type.
type explainData struct {
	explainView
}

// missingScope returns, when a report failed because its scope unit does not
// exist on the date (merged, dissolved, not yet set up), what to tell the user.
func (s *Server) missingScope(r *http.Request, p indicator.Params, err error) string {
	ctx := r.Context()
	if tochuc.ErrorCode(err) != tochuc.ENotFound || p.Scope == "" {
		return ""
	}
	if _, uerr := s.registry.Unit(ctx, p.Scope, p.AsOf); uerr == nil {
		return ""
	}
	return "Đơn vị " + p.Scope + " (phạm vi đang xem) không tồn tại vào ngày " + p.AsOf.Vietnamese() + ". Hãy chọn một ngày khác."
}

// handleExplain shows a page of the records behind an indicator (?trang=,
// 50 a page, read from the storage in their order) with their count, capped
// at countCap; ?dang=csv or xlsx downloads them all, streamed.
func (s *Server) handleExplain(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	p, err := s.reportParams(r)
	if err != nil {
		return err
	}
	id := r.PathValue("id")
	e, err := indicator.OpenPart(ctx, s.registry, p, id, r.URL.Query().Get("phan_nhom"))
	form := r.URL.Query().Get("dang")
	if err == nil && (form == "csv" || form == "xlsx") {
		s.downloadExplanation(w, r, e, form)
		return nil
	}
	var data explainView
	if err == nil {
		data, err = s.explains.get(ctx, s.registry, s.budget, r, p, id)
	}
	if msg := s.missingScope(r, p, err); msg != "" {
		data := explainView{Explanation: indicator.Explanation{ID: id, AsOf: p.AsOf.String(), Items: []indicator.Item{}}, Missing: msg,
			Back: "/?" + string(reportQuery(p))}
		if def, ok := indicator.Lookup(id); ok {
			data.Label = def.LabelOn(p.AsOf)
		}
		s.render(w, r, "explain.html", http.StatusOK, page{Title: "Chỉ tiêu thống kê", Date: p.AsOf, Data: explainData{data}, API: data})
		return nil
	}
	if err != nil {
		return err
	}
	s.render(w, r, "explain.html", http.StatusOK, page{Title: data.Label, Date: p.AsOf, Data: explainData{data}, API: data})
	return nil
}

// explainPage reads the page ?trang= of the records behind an indicator
// and their count (up to countCap), with the links to download them all.
func explainPage(ctx context.Context, reg Registry, r *http.Request, p indicator.Params, id string) (explainView, error) {
	e, err := indicator.OpenPart(ctx, reg, p, id, r.URL.Query().Get("phan_nhom"))
	if err != nil {
		return explainView{}, err
	}
	n, err := reg.CountItems(ctx, p, e.Def, countCap)
	if err != nil {
		return explainView{}, err
	}
	data := explainView{Explanation: *e, Persons: e.Def.Persons, Counted: n.Counted, Share: e.Def.Share,
		Back: "/?" + string(reportQuery(p)), listInfo: newCappedPager(r, n.Listed, n.More)}
	if data.Changes, err = changePage(ctx, reg, r, p, e.Def); err != nil {
		return explainView{}, err
	}
	data.Items, data.Each = []indicator.Item{}, nil
	order, err := itemOrder(r, e.Def)
	if err != nil {
		return explainView{}, err
	}
	data.Sorts, data.Sorted = sortLinks(r, e.Def), r.URL.Query().Get("xep_theo")
	from, _ := data.bounds()
	if !data.PastEnd() {
		err = e.Each(indicator.Range{Offset: from, Limit: pageSize, Order: order}, func(it indicator.Item) error {
			data.Items = append(data.Items, it)
			return nil
		})
		if err != nil {
			return explainView{}, err
		}
	}
	if err := data.readDetails(ctx, reg, p); err != nil {
		return explainView{}, err
	}
	for _, form := range []struct{ label, code string }{{"Excel", "xlsx"}, {"CSV", "csv"}} {
		dq := r.URL.Query()
		dq.Del("trang")
		dq.Set("dang", form.code)
		data.Downloads = append(data.Downloads, link{Label: form.label, URL: indicatorPath(id) + "?" + dq.Encode()})
	}
	return data, nil
}

// itemOrders are the values of ?xep_theo= on the records behind an indicator:
// by name (persons: by their sort key, given name first) or counted first
// (shares); without it, by group then code.
var itemOrders = map[string]string{"ten": indicator.OrderName, "tinh": indicator.OrderCounted}

// itemOrder reads ?xep_theo= for the records of def.
func itemOrder(r *http.Request, def indicator.Def) (string, error) {
	v := r.URL.Query().Get("xep_theo")
	if v == "" {
		return "", nil
	}
	o, ok := itemOrders[v]
	if !ok || o == indicator.OrderName && !def.Persons || o == indicator.OrderCounted && !def.Share {
		return "", tochuc.Errorf(tochuc.EInvalid, "Không sắp xếp được các bản ghi của chỉ tiêu này theo %q", v)
	}
	return o, nil
}

// sortLinks are the addresses of the page sorted each way it can be (by
// ?xep_theo= value, "" for the records' own order), from the first page.
func sortLinks(r *http.Request, def indicator.Def) map[string]string {
	out := map[string]string{}
	for _, v := range []string{"", "ten", "tinh"} {
		if v == "ten" && !def.Persons || v == "tinh" && !def.Share {
			continue
		}
		q := r.URL.Query()
		q.Del("trang")
		q.Del("xep_theo")
		if v != "" {
			q.Set("xep_theo", v)
		}
		out[v] = (&url.URL{Path: r.URL.Path, RawQuery: q.Encode()}).String()
	}
	return out
}

// readDetails reads what makes each record of the page count and the shape
// of the columns that show it.
func (data *explainView) readDetails(ctx context.Context, reg Registry, p indicator.Params) error {
	switch data.Def.Counts.(type) {
	case indicator.BothPosts:
		data.Shape = "both"
	case indicator.LocalityHas:
		data.Shape = "has"
	case indicator.MemberTraits:
		data.Shape = "member"
	default:
		data.Shape = "unit"
		if data.Persons {
			data.Shape = "person"
		}
	}
	ids := make([]string, len(data.Items))
	for i, it := range data.Items {
		ids[i] = it.ID
	}
	var err error
	data.Details, err = reg.ItemDetails(ctx, p, data.Def, ids)
	return err
}

// downloadExplanation sends every record behind an indicator as CSV or a
// workbook, streamed from the storage as it is written.
func (s *Server) downloadExplanation(w http.ResponseWriter, r *http.Request, e *indicator.Explanation, form string) {
	name := "chi-tieu-" + e.ID + "-" + e.AsOf + "." + form
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
	var err error
	if form == "csv" {
		w.Header().Set("Content-Type", "text/csv; charset=utf-8")
		err = report.WriteExplanationCSV(w, e)
	} else {
		w.Header().Set("Content-Type", xlsxType)
		err = report.WriteExplanationXLSX(w, e)
	}
	if err != nil {
		s.logFault(err, "path", r.URL.Path)
	}
}
