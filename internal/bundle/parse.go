package bundle

import (
	"strconv"
	"strings"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// header maps the columns of a file as read to the schema's columns.
type header struct {
	file  *File
	pos   []int    // for each schema column, its position in the row, or -1
	extra []string // x_ column names, by position (empty when not an extra)
	width int
}

// parseHeader checks a file's header row and returns its mapping.
func parseHeader(f *File, loc string, row []string, iss *issues) (*header, bool) {
	h := &header{file: f, pos: make([]int, len(f.Columns)), extra: make([]string, len(row)), width: len(row)}
	for i := range h.pos {
		h.pos[i] = -1
	}
	ok := true
	seen := map[string]bool{}
	for i, name := range row {
		name = strings.TrimSpace(name)
		if seen[name] {
			iss.add(Issue{File: loc, Line: 1, Column: name, Vi: "cột bị lặp lại", En: "duplicate column"})
			ok = false
			continue
		}
		seen[name] = true
		if c := f.Index(name); c >= 0 {
			h.pos[c] = i
			continue
		}
		if strings.HasPrefix(name, "x_") {
			h.extra[i] = name
			continue
		}
		iss.add(Issue{File: loc, Line: 1, Column: name, Vi: "cột không có trong đặc tả (cột bổ sung phải bắt đầu bằng x_)",
			En: "unknown column (extra columns must start with x_)"})
		ok = false
	}
	for c, col := range f.Columns {
		if col.Required && h.pos[c] < 0 {
			iss.add(Issue{File: loc, Line: 1, Column: col.Name, Vi: "thiếu cột bắt buộc", En: "missing required column"})
			ok = false
		}
	}
	return h, ok
}

// parseRow turns one raw row into a Record, reporting every bad cell.
func (h *header) parseRow(loc string, line int, row []string, iss *issues) (*Record, bool) {
	f := h.file
	rec := &Record{File: f, Line: line, Vals: make([]any, len(f.Columns))}
	ok := true
	if len(row) > h.width {
		for _, v := range row[h.width:] {
			if strings.TrimSpace(v) != "" {
				iss.add(Issue{File: loc, Line: line, Vi: "dòng có nhiều ô hơn tiêu đề", En: "row has more cells than the header"})
				ok = false
				break
			}
		}
	}
	for c, col := range f.Columns {
		p := h.pos[c]
		raw := ""
		if p >= 0 && p < len(row) {
			raw = strings.TrimSpace(row[p])
		}
		if raw == "" {
			if col.Required && p >= 0 {
				iss.add(Issue{File: loc, Line: line, Column: col.Name, Vi: "thiếu giá trị bắt buộc", En: "missing required value"})
				ok = false
			}
			continue
		}
		v, vi, en := parseValue(col, raw)
		if vi != "" {
			iss.add(Issue{File: loc, Line: line, Column: col.Name, Vi: vi, En: en})
			ok = false
			continue
		}
		rec.Vals[c] = v
	}
	for i, name := range h.extra {
		if name != "" && i < len(row) && row[i] != "" {
			if rec.Extra == nil {
				rec.Extra = map[string]string{}
			}
			rec.Extra[name] = row[i]
		}
	}
	return rec, ok
}

// parseValue converts one non-empty cell; on failure it returns messages.
func parseValue(col Column, raw string) (v any, vi, en string) {
	switch col.Type {
	case Date:
		d, err := tochuc.ParseDateLoose(raw)
		if err != nil || d.Time().Year() < 1800 || d.Time().Year() > 2200 {
			return nil, "ngày không hợp lệ '" + raw + "' (cần YYYY-MM-DD)", "malformed date '" + raw + "' (want YYYY-MM-DD)"
		}
		return d, "", ""
	case Int:
		n, err := strconv.ParseInt(raw, 10, 64)
		if err != nil {
			return nil, "không phải số nguyên: '" + raw + "'", "not an integer: '" + raw + "'"
		}
		return n, "", ""
	}
	if col.Enum != nil {
		for _, e := range col.Enum {
			if e == raw {
				return e, "", "" // the canonical string: no allocation per row
			}
		}
		return nil, "giá trị '" + raw + "' không hợp lệ (cho phép: " + strings.Join(col.Enum, ", ") + ")",
			"unknown value '" + raw + "'"
	}
	return raw, "", ""
}

// Strings formats a record back into cells in the order of File.Columns.
func (r *Record) Strings() []string {
	out := make([]string, len(r.Vals))
	for i, v := range r.Vals {
		out[i] = FormatValue(v)
	}
	return out
}

// FormatValue formats a typed value as a bundle CSV cell.
func FormatValue(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case tochuc.Date:
		return x.String()
	case int64:
		return strconv.FormatInt(x, 10)
	}
	return ""
}
