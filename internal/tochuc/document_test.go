package tochuc

import "testing"

func TestDocumentInForce(t *testing.T) {
	d := MustDate
	cases := []struct {
		eff, exp, repl, on string
		want               bool
	}{
		{"2016-05-01", "", "", "2016-04-30", false},
		{"2016-05-01", "", "", "2016-05-01", true},
		{"2016-05-01", "2020-01-01", "", "2019-12-31", true},
		{"2016-05-01", "2020-01-01", "", "2020-01-01", false}, // expires_on is the first day it no longer applies
		{"2016-05-01", "", "2021-03-01", "2021-02-28", true},
		{"2016-05-01", "", "2021-03-01", "2021-03-01", false}, // the replacement takes effect that day
	}
	for _, c := range cases {
		var exp, repl Date
		if c.exp != "" {
			exp = d(c.exp)
		}
		if c.repl != "" {
			repl = d(c.repl)
		}
		if got := DocumentInForce(d(c.eff), exp, repl, d(c.on)); got != c.want {
			t.Errorf("DocumentInForce(%s, %s, %s, %s) = %v, want %v", c.eff, c.exp, c.repl, c.on, got, c.want)
		}
	}
}

func TestTaskStatus(t *testing.T) {
	d := MustDate
	due := d("2018-09-30")
	cases := []struct {
		done, on, want string
	}{
		{"", "2018-09-29", TaskOpen},
		{"", "2018-09-30", TaskOpen}, // due_on ≥ D: still open on its deadline
		{"", "2018-10-01", TaskOverdue},
		{"2018-09-30", "2018-09-30", TaskDone}, // done on its deadline
		{"2018-10-01", "2018-10-01", TaskDoneLate},
		{"2018-10-05", "2018-10-01", TaskOverdue}, // done later than D: not done on D
		{"2018-09-20", "2018-09-19", TaskOpen},
	}
	for _, c := range cases {
		var done Date
		if c.done != "" {
			done = d(c.done)
		}
		if got := TaskStatus(due, done, d(c.on)); got != c.want {
			t.Errorf("TaskStatus(done %s, on %s) = %s, want %s", c.done, c.on, got, c.want)
		}
	}
}

func TestTargetHoldsAndStatus(t *testing.T) {
	for _, c := range []struct {
		actual float64
		op     string
		value  float64
		want   bool
	}{
		{0.7, ">=", 0.7, true}, {0.6999994, ">=", 0.7, false}, {0.6999996, ">=", 0.7, true},
		{0.7, "<=", 0.7, true}, {0.7000006, "<=", 0.7, false},
		{5, "=", 5, true}, {5.000001, "=", 5, false}, {0.1 + 0.2, "=", 0.3, true},
		{1, "?", 1, false},
	} {
		if got := TargetHolds(c.actual, c.op, c.value); got != c.want {
			t.Errorf("TargetHolds(%v %s %v) = %v, want %v", c.actual, c.op, c.value, got, c.want)
		}
	}
	due := MustDate("2020-12-31")
	for _, c := range []struct {
		on    string
		holds bool
		want  string
	}{
		{"2020-12-30", true, TargetOnTrack}, {"2020-12-30", false, TargetBehind},
		{"2020-12-31", true, TargetMet}, {"2020-12-31", false, TargetMissed}, {"2021-06-01", false, TargetMissed},
	} {
		if got := TargetStatus(due, MustDate(c.on), c.holds); got != c.want {
			t.Errorf("TargetStatus(%s, %v) = %s, want %s", c.on, c.holds, got, c.want)
		}
	}
	if m := TargetMeasuredOn(due, MustDate("2022-01-01")); m != due {
		t.Errorf("measured on %s, want the due date", m)
	}
}

func TestParseNumber(t *testing.T) {
	for in, want := range map[string]float64{"0.7": 0.7, "0,7": 0.7, "1186": 1186, "-2.5": -2.5} {
		if got, ok := ParseNumber(in); !ok || got != want {
			t.Errorf("ParseNumber(%q) = %v, %v", in, got, ok)
		}
	}
	for _, in := range []string{"", "1.186,5", "7e1", "NaN", "Inf", "0x10", "abc", "1,2,3"} {
		if _, ok := ParseNumber(in); ok {
			t.Errorf("ParseNumber(%q) accepted", in)
		}
	}
}

func TestFormatDecimal(t *testing.T) {
	for in, want := range map[float64]string{1186: "1.186", 2.5: "2,5", -0.25: "-0,25", 0: "0", 0.6666666: "0,666667", 1234567.125: "1.234.567,125"} {
		if got := FormatDecimal(in); got != want {
			t.Errorf("FormatDecimal(%v) = %q, want %q", in, got, want)
		}
	}
}
