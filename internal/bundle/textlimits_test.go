package bundle

import (
	"context"
	"strings"
	"testing"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// emptyTarget is a database holding nothing that stores nothing.
type emptyTarget struct{}

func (emptyTarget) Units(context.Context, []string, func(string, string, tochuc.Period) error) error {
	return nil
}
func (emptyTarget) People(context.Context, []string, func(string, tochuc.Date) error) error {
	return nil
}
func (emptyTarget) Documents(context.Context, []string, func(string, tochuc.Date, string) error) error {
	return nil
}
func (emptyTarget) PartyEvents(context.Context, []string, func(string, int, tochuc.MembershipEvent) error) error {
	return nil
}
func (emptyTarget) Writer(context.Context, *File) (RecordWriter, error) { return emptyWriter{}, nil }

type emptyWriter struct{}

func (emptyWriter) Write(context.Context, []*Record) error { return nil }
func (emptyWriter) Close(context.Context) (Counts, error)  { return Counts{}, nil }

// importUnit imports one unit whose column col holds v (and an extra
// column x_note), and returns the errors on that column.
func importUnit(t *testing.T, col, v string) []Issue {
	t.Helper()
	row := map[string]string{"id": "u1", "name": "Xã Một", "kind": "commune", "valid_from": "2000-01-01"}
	row[col] = v
	b := Tables{}
	b.Add("units", row)
	if strings.HasPrefix(col, "x_") {
		b["units"][0] = append(b["units"][0], col)
		b["units"][1] = append(b["units"][1], v)
	}
	rep, err := Import(context.Background(), b, emptyTarget{}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var out []Issue
	for _, i := range rep.Issues {
		if !i.Warning && i.Column == col {
			out = append(out, i)
		}
	}
	return out
}

// TestTextLimits: every text column has a maximum length, in characters.
func TestTextLimits(t *testing.T) {
	for _, tc := range []struct {
		col string
		v   string
		vi  string // "" when accepted
	}{
		{"name", strings.Repeat("a", 5<<20), "dài quá 500 ký tự"},
		{"name", strings.Repeat("Đ", 500), ""}, // 500 characters, 1000 bytes
		{"name", strings.Repeat("Đ", 501), "dài quá 500 ký tự"},
		{"id", strings.Repeat("a", 64), ""},
		{"id", strings.Repeat("a", 65), "dài quá 64 ký tự"},
		{"parent_id", strings.Repeat("a", 65), "dài quá 64 ký tự"},
		{"kind", strings.Repeat("a", 100<<10), "dài quá 500 ký tự"},
		{"x_note", strings.Repeat("ư", 2000), ""},
		{"x_note", strings.Repeat("ư", 2001), "dài quá 2000 ký tự"},
	} {
		got := importUnit(t, tc.col, tc.v)
		switch {
		case tc.vi == "" && len(got) > 0:
			t.Errorf("%s of %d characters: refused: %v", tc.col, len([]rune(tc.v)), got[0])
		case tc.vi != "" && (len(got) != 1 || !strings.Contains(got[0].Vi, tc.vi) || got[0].File != "units.csv" || got[0].Line != 2 ||
			!strings.Contains(got[0].En, "characters")):
			t.Errorf("%s of %d characters: issues %v, want one on units.csv line 2 with %q", tc.col, len([]rune(tc.v)), got, tc.vi)
		case len(got) == 1 && len(got[0].Vi)+len(got[0].En) > 1000:
			t.Errorf("%s: the message echoes the value (%d bytes)", tc.col, len(got[0].Vi))
		}
	}
	for _, f := range Files {
		for _, c := range f.Columns {
			if c.Type == Text && c.Max == 0 {
				t.Errorf("%s.%s has no maximum length", f.Name, c.Name)
			}
		}
	}
}

// TestFormulaText: a text value that a spreadsheet would run as a formula is
// refused; numbers, dates and ordinary text are not.
func TestFormulaText(t *testing.T) {
	for _, v := range []string{"=HYPERLINK(\"http://x\",\"y\")", "+1+2", "@SUM(A1)", "-cmd|' /C calc'!A0", "-A1"} {
		for _, col := range []string{"name", "admin_code", "x_note"} {
			got := importUnit(t, col, v)
			if len(got) != 1 || !strings.Contains(got[0].Vi, "có thể bị bảng tính hiểu là công thức") ||
				!strings.Contains(got[0].En, "formula") || got[0].Line != 2 {
				t.Errorf("%s = %q: issues %v, want one formula error", col, v, got)
			}
		}
	}
	got := importUnit(t, "x_note", "\tx")
	if len(got) != 1 || !strings.Contains(got[0].Vi, "công thức") {
		t.Errorf("x_note starting with a tab: %v", got)
	}
	for _, v := range []string{"-1", "- gạch đầu dòng", "-", "a=b", "Xã +", "1@2", "007"} {
		for _, col := range []string{"name", "admin_code", "x_note"} {
			if got := importUnit(t, col, v); len(got) > 0 {
				t.Errorf("%s = %q refused: %v", col, v, got[0])
			}
		}
	}
	b := Tables{}
	b.Add("units", map[string]string{"id": "u1", "name": "A", "kind": "commune", "valid_from": "2000-01-01"})
	b.Add("headcount", map[string]string{"unit_id": "u1", "date": "2000-01-01", "actual": "-1", "quota": "+5"})
	rep, err := Import(context.Background(), b, emptyTarget{}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, i := range rep.Issues {
		if strings.Contains(i.Vi, "công thức") {
			t.Errorf("a number refused as a formula: %v", i)
		}
	}
}
