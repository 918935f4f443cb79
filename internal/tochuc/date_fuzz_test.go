package tochuc

import (
	"strings"
	"testing"
)

// FuzzParseDate: a date that parses formats back to itself (YYYY-MM-DD),
// or to the same date (dd/mm/yyyy); "no date" comes only from blank text;
// nothing panics, and an error quotes no more than it was given.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2018-12-31", " 2020-02-29 ", "31/12/2018", "1/2/2003", "2021-02-29", "0000-12-31", "0001-01-01",
		"9999-12-31", "", "  ", "31/02/2020", "2018-1-1", "+2018-01-01", "2018/12/31/1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err == nil {
			if want := strings.TrimSpace(s); d.String() != want {
				t.Fatalf("ParseDate(%q) = %q", s, d.String())
			}
		}
		l, lerr := ParseDateLoose(s)
		if err == nil && (lerr != nil || l != d) {
			t.Fatalf("ParseDateLoose(%q) = %v, %v; ParseDate gave %v", s, l, lerr, d)
		}
		if lerr == nil {
			if l.IsZero() != (strings.TrimSpace(s) == "") {
				t.Fatalf("ParseDateLoose(%q) = no date", s)
			}
			if back, err := ParseDate(l.String()); err != nil || back != l {
				t.Fatalf("ParseDateLoose(%q) = %q, which parses to %v, %v", s, l.String(), back, err)
			}
			if v := l.Vietnamese(); !l.IsZero() {
				if back, err := ParseDateLoose(v); err != nil || back != l {
					t.Fatalf("%q: Vietnamese %q parses to %v, %v", s, v, back, err)
				}
			}
		}
	})
}
