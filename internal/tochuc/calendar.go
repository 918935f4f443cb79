package tochuc

import "time"

// AddMonths returns d moved by n calendar months, on the same day number,
// clamped to the last day of the month reached (31/01 + 1 month = 28 or 29/02).
func AddMonths(d Date, n int) Date {
	t := d.Time()
	y, m := t.Year(), int(t.Month())-1+n
	y += m / 12
	if m %= 12; m < 0 {
		m += 12
		y--
	}
	first := time.Date(y, time.Month(m+1), 1, 0, 0, 0, 0, time.UTC)
	last := first.AddDate(0, 1, -1).Day()
	return NewDate(y, time.Month(m+1), min(t.Day(), last))
}

// AddYears returns d moved by n calendar years (29/02 becomes 28/02).
func AddYears(d Date, n int) Date { return AddMonths(d, 12*n) }

// AgeOn returns the completed years from birth to d.
func AgeOn(birth, d Date) int {
	b, t := birth.Time(), d.Time()
	years := t.Year() - b.Year()
	if t.Month() < b.Month() || t.Month() == b.Month() && t.Day() < b.Day() {
		years--
	}
	return years
}

// MonthsBetween returns the whole months from a to b (negative when b is
// before a): the largest n with AddMonths(a, n) <= b, or, going back, the
// smallest -n with AddMonths(b, n) >= a, negated.
func MonthsBetween(a, b Date) int {
	if b < a {
		return -MonthsBetween(b, a)
	}
	ta, tb := a.Time(), b.Time()
	n := (tb.Year()-ta.Year())*12 + int(tb.Month()) - int(ta.Month())
	for n > 0 && AddMonths(a, n) > b {
		n--
	}
	return n
}

// IsWorkingDay reports whether d is Monday to Friday (checks-v1: the
// reference findings count no public holiday).
func IsWorkingDay(d Date) bool {
	w := d.Time().Weekday()
	return w != time.Saturday && w != time.Sunday
}

// AddWorkingDays returns the date n working days after d (n ≥ 0): the n-th
// Monday-to-Friday day following d.
func AddWorkingDays(d Date, n int) Date {
	for n > 0 {
		d = d.AddDays(1)
		if IsWorkingDay(d) {
			n--
		}
	}
	return d
}
