package web

import (
	"fmt"
	"html/template"
	"net/http"
	"net/url"

	"github.com/tochuc/tochuc/internal/indicator"
	"github.com/tochuc/tochuc/internal/tochuc"
	"github.com/tochuc/tochuc/internal/workbook"
)

// The statistical report of party members (/thong-ke-dang-vien): the
// tables boards submit under 11-HD/BTCTW — members by status, sex, age,
// ethnicity, religion, education and political theory, with their shares,
// and the year's movement — for a scope, a date and the start of the year.
// Every figure is the catalog's (indicators-v1 amendment 2), read from the
// same cached computation as the dashboard, and links to its names.

// Balance is the equation of the movement, in Vietnamese number style.
func (m statMovement) Balance() string {
	s := fmt.Sprintf("%s + %s − %s", tochuc.FormatInt(m.Start), tochuc.FormatInt(m.In), tochuc.FormatInt(m.Out))
	if m.Other != 0 {
		sign := "+"
		if m.Other < 0 {
			sign = "−"
		}
		s += " " + sign + " " + tochuc.FormatInt(max(m.Other, -m.Other))
	}
	return s + " = " + tochuc.FormatInt(m.End)
}

// partyStatsTables are the tables of the report: the indicator of each and its title.
var partyStatsTables = []struct{ id, title string }{
	{"party.members", "Đảng viên"},
	{"party.members.gender", "Giới tính"},
	{"party.members.age", "Độ tuổi"},
	{"party.members.ethnicity", "Dân tộc"},
	{"party.members.religious", "Tôn giáo"},
	{"party.members.education", "Trình độ chuyên môn"},
	{"party.members.theory", "Trình độ lý luận chính trị"},
}

// partyStatsParams reads the report's parameters: the date, the start of
// the period (?tu, by default 31/12 of the year before) and the scope.
func (s *Server) partyStatsParams(r *http.Request) (indicator.Params, error) {
	p, err := s.reportParams(r)
	if err == nil && p.Since == 0 {
		p.Since = tochuc.NewDate(p.AsOf.Time().Year()-1, 12, 31)
	}
	return p, err
}

func (s *Server) handlePartyStats(w http.ResponseWriter, r *http.Request) error {
	if done, err := s.choosePickScope(w, r); done || err != nil {
		return err
	}
	p, err := s.partyStatsParams(r)
	if err != nil {
		return err
	}
	const title = "Báo cáo thống kê đảng viên"
	res, err := s.reports.get(r.Context(), s.registry, s.budget, p)
	if msg := s.missingScope(r, p, err); msg != "" {
		view := partyStatsView{AsOf: p.AsOf.String(), Since: p.Since.String(), Tables: []statTable{}, Missing: msg}
		s.render(w, r, "partystats.html", http.StatusOK, page{Title: title, Date: p.AsOf, Data: partyStatsData{partyStatsView: view, Params: p}, API: view})
		return nil
	}
	if err != nil {
		return err
	}
	view := partyStats(res, p)
	if r.URL.Query().Get("dang") == "xlsx" {
		return writePartyStatsXLSX(w, view)
	}
	data := partyStatsData{partyStatsView: view, Params: p, Query: reportQuery(p), Printed: tochuc.Today()}
	dq := r.URL.Query()
	dq.Set("dang", "xlsx")
	data.Download = "/thong-ke-dang-vien?" + dq.Encode()
	s.render(w, r, "partystats.html", http.StatusOK, page{Title: title, Date: p.AsOf, Data: data, API: view})
	return nil
}

// partyStatsData is what the page shows.
type partyStatsData struct {
	partyStatsView
	Params   indicator.Params
	Query    template.URL // the parameters, for the JSON link
	Printed  tochuc.Date
	Download string
}

// PlaceLine is the place and date line above the signatures.
func (d partyStatsData) PlaceLine() string {
	return dashboardData{Printed: d.Printed}.PlaceLine()
}

// partyStats lays out a computed report's figures as the report's tables.
func partyStats(res *indicator.Result, p indicator.Params) partyStatsView {
	v := partyStatsView{AsOf: res.AsOf, Since: res.Since, Scope: res.Scope}
	byID := map[string]indicator.Indicator{}
	for _, ind := range res.Indicators {
		byID[ind.ID] = ind
	}
	query := string(reportQuery(p))
	link := func(id, part string) string {
		u := indicatorPath(id) + "?" + query
		if part != "" {
			u += "&" + url.Values{"phan_nhom": {part}}.Encode()
		}
		return u
	}
	total := byID["party.members"].Value
	share := func(n int) *float64 {
		if total == 0 {
			return nil
		}
		f := float64(n) / float64(total)
		return &f
	}
	for _, t := range partyStatsTables {
		ind := byID[t.id]
		def, _ := indicator.Lookup(t.id)
		tab := statTable{Title: t.title}
		head := "Tổng số"
		if t.id == "party.members.religious" {
			head = "Có đạo (theo một tôn giáo)"
		}
		if t.id == "party.members" || t.id == "party.members.religious" {
			tab.Rows = append(tab.Rows, statRow{Label: head, Indicator: t.id, Value: ind.Value, Share: share(ind.Value), Link: link(t.id, "")})
		}
		for _, part := range def.Parts {
			n := ind.By[part]
			tab.Rows = append(tab.Rows, statRow{Label: indicator.PartLabelOf(t.id, part), Indicator: t.id, Part: part, Value: n, Share: share(n),
				Link: link(t.id, part), Level: 1})
		}
		if t.id == "party.members.religious" {
			n := total - ind.Value
			tab.Rows = append(tab.Rows, statRow{Label: "Không theo tôn giáo (hoặc chưa ghi)", Value: n, Share: share(n)})
		}
		v.Tables = append(v.Tables, tab)
	}
	m := statMovement{End: total}
	if then := byID["party.members"].Since; then != nil {
		m.Start = then.Value
	}
	startQuery := reportQuery(indicator.Params{AsOf: p.Since, Scope: p.Scope})
	admitted, in, losses := byID["party.admitted"], byID["party.transferred_in"], byID["party.losses"]
	m.In, m.Out = admitted.Value+in.Value, losses.Value
	m.Other = m.End - (m.Start + m.In - m.Out)
	m.Recognized = byID["party.recognized"].Value
	m.Rows = []statRow{
		{Label: "Đảng viên đầu kỳ (ngày " + p.Since.Vietnamese() + ")", Indicator: "party.members", Value: m.Start,
			Link: indicatorPath("party.members") + "?" + string(startQuery)},
		{Label: "Tăng trong kỳ", Value: m.In},
		{Label: "Kết nạp", Indicator: "party.admitted", Value: admitted.Value, Link: link("party.admitted", ""), Level: 1},
		{Label: "Chuyển đến", Indicator: "party.transferred_in", Value: in.Value, Link: link("party.transferred_in", ""), Level: 1},
		{Label: "Giảm trong kỳ", Indicator: "party.losses", Value: m.Out, Link: link("party.losses", "")},
	}
	for _, part := range indicator.LossParts {
		m.Rows = append(m.Rows, statRow{Label: indicator.PartLabelOf("party.losses", part), Indicator: "party.losses", Part: part,
			Value: losses.By[part], Link: link("party.losses", part), Level: 1})
	}
	if m.Other != 0 {
		m.Rows = append(m.Rows, statRow{Label: "Chênh lệch do tổ chức đảng chuyển vào, ra khỏi phạm vi (sắp xếp tổ chức), không qua sự kiện đảng viên", Value: m.Other})
	}
	m.Rows = append(m.Rows,
		statRow{Label: "Đảng viên cuối kỳ (ngày " + p.AsOf.Vietnamese() + ")", Indicator: "party.members", Value: m.End, Link: link("party.members", "")},
		statRow{Label: "Trong kỳ: công nhận đảng viên chính thức", Indicator: "party.recognized", Value: m.Recognized, Link: link("party.recognized", "")})
	v.Movement = m
	return v
}

// writePartyStatsXLSX sends the report as a workbook: its title lines, then
// each table (count and share), then the movement.
func writePartyStatsXLSX(w http.ResponseWriter, v partyStatsView) error {
	b, err := workbook.New()
	if err != nil {
		return err
	}
	defer b.Close()
	scope := "Toàn bộ dữ liệu"
	if v.Scope != nil {
		scope = v.Scope.Name
	}
	asOf, _ := tochuc.ParseDate(v.AsOf)
	since, _ := tochuc.ParseDate(v.Since)
	title := []string{"BÁO CÁO THỐNG KÊ ĐẢNG VIÊN", "Đơn vị: " + scope,
		"Số liệu tính đến ngày " + asOf.Vietnamese() + "; đầu kỳ: ngày " + since.Vietnamese(),
		"Nguồn: cơ sở dữ liệu tổ chức (tochuc), lập ngày " + tochuc.Today().Vietnamese()}
	sh, err := b.Sheet("Thống kê đảng viên", title, []workbook.Column{{Header: "Chỉ tiêu", Width: 60}, {Header: "Số lượng", Width: 12}, {Header: "Tỷ lệ", Width: 10}})
	if err != nil {
		return err
	}
	rows := func(rs []statRow) error {
		for _, r := range rs {
			label := r.Label
			if r.Level > 0 {
				label = "   – " + label
			}
			var pct any
			if r.Share != nil {
				pct = workbook.Percent(*r.Share)
			}
			if err := sh.Row(label, r.Value, pct); err != nil {
				return err
			}
		}
		return nil
	}
	for i, t := range v.Tables {
		if err := sh.Row(fmt.Sprintf("%d. %s", i+1, t.Title), nil, nil); err != nil {
			return err
		}
		if err := rows(t.Rows); err != nil {
			return err
		}
	}
	if err := sh.Row(fmt.Sprintf("%d. Biến động đảng viên trong kỳ", len(v.Tables)+1), nil, nil); err != nil {
		return err
	}
	if err := rows(v.Movement.Rows); err != nil {
		return err
	}
	if err := sh.Row("Cân đối: "+v.Movement.Balance(), nil, nil); err != nil {
		return err
	}
	w.Header().Set("Content-Type", xlsxType)
	w.Header().Set("Content-Disposition", `attachment; filename="thong-ke-dang-vien-`+v.AsOf+`.xlsx"`)
	return b.Write(w)
}
