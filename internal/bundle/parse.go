package bundle

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

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
		if c := f.headerIndex(name); c >= 0 { // its key or its Vietnamese header
			if h.pos[c] >= 0 {
				iss.add(Issue{File: loc, Line: 1, Column: name, Vi: "cột bị lặp lại", En: "duplicate column"})
				ok = false
			}
			h.pos[c] = i
			continue
		}
		if strings.HasPrefix(name, "x_") {
			if utf8.RuneCountInString(name) > MaxIDLen {
				iss.add(Issue{File: loc, Line: 1, Column: shortQuote(name), Vi: fmt.Sprintf("tên cột dài quá %d ký tự", MaxIDLen),
					En: fmt.Sprintf("column name longer than %d characters", MaxIDLen)})
				ok = false
				continue
			}
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
		if raw == "" && col.Default != "" {
			raw = col.Default
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
	if f.Name == "qualifications" {
		qualificationCodes(rec)
	}
	for i, name := range h.extra {
		if name != "" && i < len(row) && row[i] != "" {
			if vi, en := checkText(row[i], MaxFreeTextLen); vi != "" {
				iss.add(Issue{File: loc, Line: line, Column: name, Vi: vi, En: en})
				ok = false
				continue
			}
			if rec.Extra == nil {
				rec.Extra = map[string]string{}
			}
			rec.Extra[name] = row[i]
		}
	}
	return rec, ok
}

// checkText refuses a text value longer than max characters, or one that a
// spreadsheet would run as a formula when a person opens an exported CSV
// file: starting with '=', '+', '@', a tab or a carriage return, or with '-'
// followed by anything but a digit or a space (OWASP's CSV injection). The
// value is not rewritten: the bundle's round trip stays exact.
func checkText(raw string, max int) (vi, en string) {
	if len(raw) > max && utf8.RuneCountInString(raw) > max {
		return fmt.Sprintf("giá trị dài quá %d ký tự", max), fmt.Sprintf("value longer than %d characters", max)
	}
	if !formulaLike(raw) {
		return "", ""
	}
	cvi, cen := "'"+raw[:1]+"'", "'"+raw[:1]+"'"
	switch raw[0] {
	case '\t':
		cvi, cen = "dấu tab", "a tab"
	case '\r':
		cvi, cen = "dấu xuống dòng (CR)", "a carriage return"
	}
	return "giá trị không được bắt đầu bằng " + cvi + " (có thể bị bảng tính hiểu là công thức)",
		"value must not start with " + cen + " (a spreadsheet may run it as a formula)"
}

// formulaLike reports whether a spreadsheet would read s as a formula (see checkText).
func formulaLike(s string) bool {
	if s == "" {
		return false
	}
	switch s[0] {
	case '=', '+', '@', '\t', '\r':
		return true
	case '-':
		return len(s) > 1 && s[1] != ' ' && (s[1] < '0' || s[1] > '9')
	}
	return false
}

// shortQuote quotes the start of a value for a message.
func shortQuote(raw string) string {
	const max = 40
	if utf8.RuneCountInString(raw) <= max {
		return "'" + raw + "'"
	}
	return "'" + string([]rune(raw[:min(len(raw), 4*max)])[:max]) + "…'"
}

// parseValue converts one non-empty cell; on failure it returns messages.
func parseValue(col Column, raw string) (v any, vi, en string) {
	if col.Type == Text {
		max := col.Max
		if col.Enum != nil {
			max = MaxTextLen // a longer value is no code either: refuse it without quoting it
		}
		// a code of the column's vocabulary is no formula, whatever it starts
		// with (a target's op "=", amendment 3)
		if vi, en := checkText(raw, max); vi != "" && !slices.Contains(col.Enum, raw) {
			return nil, vi, en
		}
		if col.Pattern == TermPattern && !ValidTerm(raw) {
			return nil, "nhiệm kỳ phải có dạng năm-năm (ví dụ 2025-2030), không phải " + shortQuote(raw),
				"a term must be year-year (e.g. 2025-2030), not " + shortQuote(raw)
		}
		if col.Pattern == MonthPattern && !ValidMonth(raw) {
			return nil, "tháng phải có dạng năm-tháng (ví dụ 2026-03), không phải " + shortQuote(raw),
				"a month must be year-month (e.g. 2026-03), not " + shortQuote(raw)
		}
		if col.Pattern == NumberPattern {
			f, ok := tochuc.ParseNumber(raw)
			if !ok {
				return nil, "không phải số: " + shortQuote(raw) + " (ví dụ 0.7 hoặc 1186)", "not a number: " + shortQuote(raw)
			}
			return tochuc.FormatNumber(f), "", ""
		}
		if col.Pattern == SHA256Pattern && !ValidSHA256(raw) {
			return nil, "mã băm SHA-256 phải gồm 64 chữ số hệ 16 viết thường, không phải " + shortQuote(raw),
				"a SHA-256 must be 64 lower-case hex digits, not " + shortQuote(raw)
		}
		if col.Digits > 0 && !allDigits(raw, col.Digits) {
			return nil, fmt.Sprintf("phải gồm đúng %d chữ số, không phải %s", col.Digits, shortQuote(raw)),
				fmt.Sprintf("must be exactly %d digits, not %s", col.Digits, shortQuote(raw))
		}
	}
	switch col.Type {
	case Date:
		d, err := tochuc.ParseDateLoose(raw)
		if err != nil || d.Time().Year() < 1800 || d.Time().Year() > 2200 {
			q := shortQuote(raw)
			return nil, "ngày không hợp lệ " + q + " (cần ngày dạng dd/mm/yyyy)", "malformed date " + q + " (want dd/mm/yyyy or YYYY-MM-DD)"
		}
		return d, "", ""
	case Int:
		n, err := strconv.ParseInt(raw, 10, 64)
		if err != nil {
			return nil, "không phải số nguyên: " + shortQuote(raw), "not an integer: " + shortQuote(raw)
		}
		if col.Bounded && (n < col.IntMin || n > col.IntMax) {
			return nil, fmt.Sprintf("phải từ %d đến %d, không phải %d", col.IntMin, col.IntMax, n),
				fmt.Sprintf("must be from %d to %d, not %d", col.IntMin, col.IntMax, n)
		}
		return n, "", ""
	}
	if col.Enum != nil {
		for _, e := range col.Enum {
			if e == raw {
				return e, "", "" // the canonical string: no allocation per row
			}
		}
		if code, ok := labelCode(col, raw); ok { // a label: "Nam", "Bí thư"
			return code, "", ""
		}
		allowed := col.Enum
		if col.Vocab != "" {
			allowed = make([]string, len(col.Enum))
			for i, e := range col.Enum {
				allowed[i] = tochuc.Label(col.Vocab, e)
			}
		}
		return nil, "giá trị " + shortQuote(raw) + " không hợp lệ (cho phép: " + strings.Join(allowed, "; ") + ")",
			"unknown value " + shortQuote(raw)
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

// allDigits reports whether s is exactly n ASCII digits.
func allDigits(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
