package bundle

import (
	"fmt"
	"strings"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// The kinds of a record's change in a diff.
const (
	DiffAdded     = "added"     // a key not held before
	DiffChanged   = "changed"   // a key held before, with other values
	DiffEnded     = "ended"     // changed, and its period's end set where it was open
	DiffRetracted = "retracted" // a key held before and no longer held
)

// DiffRecord is one record an import changes, paired by its key: its cells
// before (nil when added) and after (nil when retracted), as stored
// (dates YYYY-MM-DD, codes), in the file's column order.
type DiffRecord struct {
	File   string   `json:"file"`
	Kind   string   `json:"kind"`
	Before []string `json:"before,omitempty"`
	After  []string `json:"after,omitempty"`
}

// FieldChange is a column whose value a changed record changes.
type FieldChange struct {
	Column string `json:"column"`
	Before string `json:"before"`
	After  string `json:"after"`
}

// Fields returns the columns whose values differ, in column order.
func (d DiffRecord) Fields() []FieldChange {
	f := FileByName(d.File)
	if f == nil || d.Before == nil || d.After == nil {
		return nil
	}
	var out []FieldChange
	for i, c := range f.Columns {
		if i < len(d.Before) && i < len(d.After) && d.Before[i] != d.After[i] {
			out = append(out, FieldChange{Column: c.Name, Before: d.Before[i], After: d.After[i]})
		}
	}
	return out
}

// KindOf classifies a pair of cells of file f: added, retracted, ended
// (the period's end column set where it was empty) or changed.
func KindOf(f *File, before, after []string) string {
	switch {
	case before == nil:
		return DiffAdded
	case after == nil:
		return DiffRetracted
	}
	if end := f.Index(f.Span.To); end >= 0 && before[end] == "" && after[end] != "" {
		return DiffEnded
	}
	return DiffChanged
}

// KeyText names the record in Vietnamese: the file's label and its key's
// values ("chức vụ: P001, H01, bi_thu, 01/01/2020" with labels for codes).
func (d DiffRecord) KeyText() string {
	f := FileByName(d.File)
	cells := d.After
	if cells == nil {
		cells = d.Before
	}
	if f == nil {
		return d.File
	}
	key := f.Key
	if f.Versioned {
		key = []string{"id", "valid_from"}
	}
	parts := make([]string, 0, len(key))
	for _, k := range key {
		if i := f.Index(k); i >= 0 && i < len(cells) && cells[i] != "" {
			parts = append(parts, cellText(f, k, cells[i], cells))
		}
	}
	return f.ViLabel + " (" + strings.Join(parts, ", ") + ")"
}

// CellText shows a stored value to a person: a date as dd/mm/yyyy, a code
// by its Vietnamese label, an empty value as "(trống)".
func CellText(f *File, col, v string) string { return cellText(f, col, v, nil) }

// cellText is CellText knowing the record's cells (a qualification's
// level is labelled by its kind).
func cellText(f *File, col, v string, cells []string) string {
	if v == "" {
		return "(trống)"
	}
	i := f.Index(col)
	if i < 0 {
		return v
	}
	c := f.Columns[i]
	if f.Name == "qualifications" {
		switch k := f.Index("kind"); {
		case col == "kind":
			return tochuc.Label("qualification", v)
		case col == "level" && k < len(cells):
			return tochuc.Label(cells[k], v)
		}
	}
	switch {
	case c.Type == Date:
		if d, err := tochuc.ParseDate(v); err == nil {
			return d.Vietnamese()
		}
	case c.Vocab != "":
		return tochuc.Label(c.Vocab, v)
	}
	return v
}

// Line is the record's change on one line, in Vietnamese.
func (d DiffRecord) Line() string {
	f := FileByName(d.File)
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s", DiffKindLabel(d.Kind), d.KeyText())
	if f != nil && (d.Kind == DiffChanged || d.Kind == DiffEnded) {
		for i, fc := range d.Fields() {
			sep := "; "
			if i == 0 {
				sep = " — "
			}
			fmt.Fprintf(&b, "%s%s: %s → %s", sep, f.ViHeader(fc.Column), CellText(f, fc.Column, fc.Before), CellText(f, fc.Column, fc.After))
		}
	}
	return b.String()
}

// DiffKindLabel names a kind of change in Vietnamese.
func DiffKindLabel(kind string) string {
	switch kind {
	case DiffAdded:
		return "Thêm"
	case DiffChanged:
		return "Sửa"
	case DiffEnded:
		return "Kết thúc"
	case DiffRetracted:
		return "Rút bỏ"
	}
	return kind
}

// DiffFile counts a file's changes and keeps the first of them.
type DiffFile struct {
	Name      string       `json:"name"`
	Added     int          `json:"added"`
	Changed   int          `json:"changed"`
	Ended     int          `json:"ended"`
	Retracted int          `json:"retracted"`
	Records   []DiffRecord `json:"records"`
}

// Total is the number of records the file changes.
func (d *DiffFile) Total() int { return d.Added + d.Changed + d.Ended + d.Retracted }

// More is the number of its records not kept.
func (d *DiffFile) More() int { return d.Total() - len(d.Records) }

// Diff is what an import would do, per file: counts of all, the first
// records of each (at most Limit).
type Diff struct {
	Limit int         `json:"limit"`
	Files []*DiffFile `json:"files"`
}

// Add counts a record and keeps it while its file has fewer than Limit.
func (d *Diff) Add(r DiffRecord) {
	var f *DiffFile
	if n := len(d.Files); n > 0 && d.Files[n-1].Name == r.File {
		f = d.Files[n-1]
	} else {
		f = &DiffFile{Name: r.File}
		d.Files = append(d.Files, f)
	}
	switch r.Kind {
	case DiffAdded:
		f.Added++
	case DiffChanged:
		f.Changed++
	case DiffEnded:
		f.Ended++
	case DiffRetracted:
		f.Retracted++
	}
	if len(f.Records) < d.Limit {
		f.Records = append(f.Records, r)
	}
}
