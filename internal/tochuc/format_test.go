package tochuc

import "testing"

func TestFormatInt(t *testing.T) {
	for n, want := range map[int]string{0: "0", 999: "999", 1186: "1.186", -1120: "-1.120", 1234567: "1.234.567"} {
		if got := FormatInt(n); got != want {
			t.Errorf("FormatInt(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestFormatPercent(t *testing.T) {
	for r, want := range map[float64]string{0.631: "63,1 %", 0.97: "97,0 %", 1: "100,0 %", 0.654321: "65,4 %"} {
		if got := FormatPercent(r); got != want {
			t.Errorf("FormatPercent(%v) = %q, want %q", r, got, want)
		}
	}
}

func TestDateRoundTrip(t *testing.T) {
	d := MustDate("2025-07-01")
	if d.String() != "2025-07-01" || d.Vietnamese() != "01/07/2025" {
		t.Fatalf("got %s / %s", d, d.Vietnamese())
	}
	if d.AddDays(-1).String() != "2025-06-30" {
		t.Fatalf("day before = %s", d.AddDays(-1))
	}
	l, err := ParseDateLoose("1/7/2025")
	if err != nil || l != d {
		t.Fatalf("loose parse: %v %v", l, err)
	}
	if _, err := ParseDate("2025-13-01"); err == nil {
		t.Fatal("month 13 accepted")
	}
	var s Date
	if err := s.Scan("2018-12-31"); err != nil || s.String() != "2018-12-31" {
		t.Fatalf("scan: %v %v", s, err)
	}
}

func TestPeriod(t *testing.T) {
	p := Period{From: MustDate("2020-01-01"), To: MustDate("2020-02-01")}
	if !p.Contains(MustDate("2020-01-31")) || p.Contains(MustDate("2020-02-01")) || p.Contains(MustDate("2019-12-31")) {
		t.Fatal("half-open bounds wrong")
	}
	open := Period{From: MustDate("2020-02-01")}
	if p.Overlaps(open) || !open.Contains(MustDate("2999-01-01")) {
		t.Fatal("adjacent periods must not overlap; open end holds forever")
	}
}

func TestFormatSigned(t *testing.T) {
	for n, want := range map[int]string{15: "+15", 0: "0", -1120: "-1.120"} {
		if got := FormatSigned(n); got != want {
			t.Errorf("FormatSigned(%d) = %q, want %q", n, got, want)
		}
	}
}
