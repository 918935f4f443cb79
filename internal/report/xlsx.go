package report

import (
	"io"

	"github.com/tochuc/tochuc/internal/indicator"
	"github.com/tochuc/tochuc/internal/tochuc"
	"github.com/tochuc/tochuc/internal/workbook"
)

// reportTitle gives the lines above a report's table: what it is, its date,
// its comparison date, its scope and its source.
func reportTitle(what, asOf, since string, scope *indicator.Scope) []string {
	if scope != nil && scope.ID != "" && scope.Name == "" {
		scope = &indicator.Scope{ID: scope.ID, Name: "đơn vị"}
	}
	lines := []string{what, "Số liệu tại ngày: " + vnDate(asOf)}
	if since != "" {
		lines = append(lines, "So sánh với ngày: "+vnDate(since))
	}
	if scope != nil && scope.ID != "" {
		lines = append(lines, "Phạm vi: "+scope.Name+" (mã "+scope.ID+") và các đơn vị trực thuộc")
	} else {
		lines = append(lines, "Phạm vi: toàn bộ cơ sở dữ liệu")
	}
	return append(lines, "Nguồn: cơ sở dữ liệu tổ chức (tochuc), lập ngày "+tochuc.Today().Vietnamese())
}

// vnDate writes a YYYY-MM-DD date as dd/mm/yyyy.
func vnDate(s string) string {
	if d, err := tochuc.ParseDate(s); err == nil {
		return d.Vietnamese()
	}
	return s
}

// WriteXLSX writes the report as a workbook with one sheet "Chỉ tiêu":
// title lines (date, comparison date, scope, source), a frozen Vietnamese
// header, one row per indicator then one per part of its breakdown, with
// numbers and shares as number cells.
func WriteXLSX(w io.Writer, r *indicator.Result) error {
	b, err := workbook.New()
	if err != nil {
		return err
	}
	defer b.Close()
	cols := []workbook.Column{{Header: "Mã chỉ tiêu", Width: 24}, {Header: "Chỉ tiêu", Width: 60}, {Header: "Số lượng", Width: 12},
		{Header: "Tổng số để tính tỷ lệ", Width: 14}, {Header: "Tỷ lệ", Width: 10}}
	if r.Since != "" {
		cols = append(cols, workbook.Column{Header: "Số lượng ngày so sánh", Width: 14},
			workbook.Column{Header: "Tổng số ngày so sánh", Width: 14}, workbook.Column{Header: "Tăng (+), giảm (−)", Width: 12})
	}
	s, err := b.Sheet("Chỉ tiêu", reportTitle("Chỉ tiêu thống kê", r.AsOf, r.Since, r.Scope), cols)
	if err != nil {
		return err
	}
	for _, ind := range r.Indicators {
		row := []any{ind.ID, ind.Label, ind.Value, ind.Of, nil}
		if ind.Ratio != nil {
			row[4] = workbook.Percent(*ind.Ratio)
		}
		if r.Since != "" {
			row = append(row, nil, nil, ind.Change)
			if ind.Since != nil {
				row[5], row[6] = ind.Since.Value, ind.Since.Of
			}
		}
		if err := s.Row(row...); err != nil {
			return err
		}
		for _, part := range partsOf(ind) {
			sub := []any{nil, "   – " + indicator.PartLabelOf(ind.ID, part), ind.By[part], nil, nil}
			if r.Since != "" {
				sub = append(sub, nil, nil, nil)
				if ind.Since != nil {
					sub[5], sub[7] = ind.Since.By[part], ind.By[part]-ind.Since.By[part]
				}
			}
			if err := s.Row(sub...); err != nil {
				return err
			}
		}
	}
	return b.Write(w)
}

// WriteExplanationXLSX writes an explanation's items as a one-sheet workbook
// ("ban_ghi": title lines, then Mã, Tên, Nhóm, Được tính, Số lượng), streamed
// (temporary files past a few thousand rows) with the zip straight to w. A
// sheet holds at most excelize.TotalRows rows.
func WriteExplanationXLSX(w io.Writer, e *indicator.Explanation) error {
	b, err := workbook.New()
	if err != nil {
		return err
	}
	defer b.Close()
	head := explanationHead(true)
	cols := []workbook.Column{{Header: head[0], Width: 16}, {Header: head[1], Width: 40}, {Header: head[2], Width: 30},
		{Header: head[3]}, {Header: head[4]}}
	s, err := b.Sheet("Bản ghi", reportTitle("Các bản ghi của chỉ tiêu: "+e.Label, e.AsOf, e.Since, e.Scope), cols)
	if err != nil {
		return err
	}
	err = e.EachOf(func(it indicator.Item) error {
		if s.Rows() >= workbook.MaxRows {
			return tochuc.Errorf(tochuc.EInvalid, "Quá %s dòng, số dòng tối đa của một trang tính: hãy tải về dạng CSV.", tochuc.FormatInt(workbook.MaxRows-1))
		}
		part, counted := "", "không"
		if it.Part != "" {
			part = indicator.PartLabelOf(e.ID, it.Part)
		}
		if it.Counted {
			counted = "có"
		}
		return s.Row(it.ID, it.Name, part, counted, it.Amount)
	})
	if err != nil {
		return err
	}
	return b.Write(w)
}
