package tochuc

import "testing"

func TestRetirementDate(t *testing.T) {
	for _, c := range []struct {
		birth, gender, want string
	}{
		{"1961-10-15", "male", "2022-05-01"},   // checks-v1's example: 60y6m in 2022
		{"1960-03-20", "male", "2020-04-01"},   // 60 years in 2020
		{"1966-01-10", "male", "2027-11-01"},   // 61y9m, required in 2027
		{"1970-05-05", "male", "2032-06-01"},   // capped at 62 years
		{"1965-06-15", "female", "2020-07-01"}, // 55 years in 2020
		{"1966-03-15", "female", "2021-08-01"}, // 55y4m → 15/07/2021, required in 2021
		{"1980-01-01", "female", "2040-02-01"}, // 60 years from 2035
		{"1961-10-15", "", ""},                 // no gender: no date
	} {
		var want Date
		if c.want != "" {
			want = MustDate(c.want)
		}
		if got := RetirementDate(MustDate(c.birth), c.gender); got != want {
			t.Errorf("%s %s: %s, want %s", c.birth, c.gender, got, want)
		}
	}
}

func TestCalendar(t *testing.T) {
	if AddMonths(MustDate("2024-01-31"), 1) != MustDate("2024-02-29") || AddMonths(MustDate("2023-01-31"), 1) != MustDate("2023-02-28") ||
		AddMonths(MustDate("2024-03-15"), -3) != MustDate("2023-12-15") {
		t.Error("AddMonths clamps to the month's last day and goes back across years")
	}
	// Friday 2026-01-02 + 1 working day is Monday 2026-01-05.
	if AddWorkingDays(MustDate("2026-01-02"), 1) != MustDate("2026-01-05") || AddWorkingDays(MustDate("2026-01-05"), 5) != MustDate("2026-01-12") {
		t.Error("AddWorkingDays skips weekends")
	}
	if MonthsBetween(MustDate("2020-01-15"), MustDate("2020-03-14")) != 1 || MonthsBetween(MustDate("2020-01-15"), MustDate("2020-03-15")) != 2 ||
		MonthsBetween(MustDate("2020-03-15"), MustDate("2020-01-15")) != -2 {
		t.Error("MonthsBetween counts whole months")
	}
	if AgeOn(MustDate("1970-03-04"), MustDate("2020-03-03")) != 49 || AgeOn(MustDate("1970-03-04"), MustDate("2020-03-04")) != 50 {
		t.Error("AgeOn counts completed years")
	}
}
