package check_test

import (
	"testing"

	"github.com/tochuc/tochuc/internal/check"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// TestReappointmentBound: a post is due (APPT-05) exactly when it started
// on or before the bound, on every day of several years (leap days too).
func TestReappointmentBound(t *testing.T) {
	for d := tochuc.MustDate("2023-12-20"); d < tochuc.MustDate("2026-03-10"); d += 3 {
		b := check.ReappointmentBound(d)
		for _, from := range []tochuc.Date{b - 1, b, b + 1} {
			a := tochuc.Assignment{How: "appointed", Period: tochuc.Period{From: from}}
			if got, want := check.ReappointmentDue(a, d), from <= b; got != want {
				t.Fatalf("on %s from %s: due %v, bound %s", d, from, got, b)
			}
		}
	}
}

// TestExtension: fewer than 24 months from the term's end to retirement.
func TestExtension(t *testing.T) {
	// A man born 1966-01-10 retires on 2027-11-01.
	birth := tochuc.MustDate("1966-01-10")
	for _, c := range []struct {
		from string
		ok   bool
	}{{"2020-11-02", true}, {"2020-11-01", false}, {"2022-11-01", true}, {"2022-11-02", false}} {
		a := tochuc.Assignment{How: "appointed", Period: tochuc.Period{From: tochuc.MustDate(c.from)}}
		end, ret, months, ok := check.Extension(a, birth, "male", tochuc.MustDate("2025-01-01"))
		if ok != c.ok {
			t.Errorf("from %s: term ends %s, retires %s, %d months: %v", c.from, end, ret, months, ok)
		}
	}
}
