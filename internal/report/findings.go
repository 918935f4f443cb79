package report

import (
	"encoding/json"
	"io"
	"slices"
	"strings"

	"github.com/tochuc/tochuc/internal/check"
	"github.com/tochuc/tochuc/internal/indicator"
	"github.com/tochuc/tochuc/internal/tochuc"
	"github.com/tochuc/tochuc/internal/workbook"
)

// Findings is a run of the rule checks as it is written out (checks-v1).
type Findings struct {
	AsOf     string          `json:"as_of"`
	Scope    string          `json:"scope,omitempty"`
	Findings []check.Finding `json:"findings"`
}

// NewFindings gives the findings of a run on a date.
func NewFindings(d tochuc.Date, scope string, fs []check.Finding) *Findings {
	if fs == nil {
		fs = []check.Finding{}
	}
	return &Findings{AsOf: d.String(), Scope: scope, Findings: fs}
}

// subjectText writes a finding's subject as "key=value, …" in its rule's order.
func subjectText(f check.Finding) string {
	r, _ := check.Lookup(f.Rule)
	keys := r.Subject
	if len(keys) == 0 {
		for k := range f.Subject {
			keys = append(keys, k)
		}
		slices.Sort(keys)
	}
	parts := make([]string, 0, len(keys))
	for _, k := range keys {
		parts = append(parts, k+"="+f.Subject[k])
	}
	return strings.Join(parts, ", ")
}

// severityLabel names a severity in Vietnamese.
func severityLabel(s string) string {
	if s == check.Error {
		return "Vi phạm"
	}
	return "Cảnh báo"
}

// findingRows are the findings as rows with a header (CSV, XLSX).
func findingRows(fs *Findings) [][]string {
	rows := [][]string{{"Quy định", "Mức", "Căn cứ", "Đối tượng", "Nội dung", "Message"}}
	for _, f := range fs.Findings {
		rows = append(rows, []string{f.Rule, severityLabel(f.Severity), f.Basis, subjectText(f), f.MessageVi, f.MessageEn})
	}
	return rows
}

// WriteFindingsJSON writes the findings as checks-v1's JSON.
func WriteFindingsJSON(w io.Writer, fs *Findings) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(fs)
}

// WriteFindingsTable writes the findings for a terminal, in Vietnamese.
func WriteFindingsTable(w io.Writer, fs *Findings) error {
	rows := [][]string{{"Quy định", "Mức", "Nội dung"}}
	for _, f := range fs.Findings {
		rows = append(rows, []string{f.Rule, severityLabel(f.Severity), f.MessageVi})
	}
	if err := writeTable(w, rows, []bool{false, false, false}); err != nil {
		return err
	}
	_, err := io.WriteString(w, tochuc.FormatInt(len(fs.Findings))+" phát hiện vào ngày "+dateVi(fs.AsOf)+"\n")
	return err
}

func dateVi(s string) string { d, _ := tochuc.ParseDate(s); return d.Vietnamese() }

// WriteFindingsCSV writes the findings as CSV for people.
func WriteFindingsCSV(w io.Writer, fs *Findings) error {
	return writeCSVForPeople(w, findingRows(fs))
}

// WriteFindingsXLSX writes the findings as a workbook: title lines (date,
// scope, source), a frozen header, one row per finding.
func WriteFindingsXLSX(w io.Writer, fs *Findings) error {
	b, err := workbook.New()
	if err != nil {
		return err
	}
	defer b.Close()
	rows := findingRows(fs)
	widths := []float64{12, 10, 24, 30, 60, 60}
	cols := make([]workbook.Column, len(rows[0]))
	for i, h := range rows[0] {
		cols[i] = workbook.Column{Header: h, Width: widths[i]}
	}
	var scope *indicator.Scope
	if fs.Scope != "" {
		scope = &indicator.Scope{ID: fs.Scope}
	}
	s, err := b.Sheet("Phát hiện", reportTitle("Kết quả kiểm tra theo quy định", fs.AsOf, "", scope), cols)
	if err != nil {
		return err
	}
	for _, row := range rows[1:] {
		vals := make([]any, len(row))
		for j, v := range row {
			vals[j] = v
		}
		if err := s.Row(vals...); err != nil {
			return err
		}
	}
	return b.Write(w)
}
