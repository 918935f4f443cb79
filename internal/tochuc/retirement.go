package tochuc

// requiredAgeMonths returns the retirement age (in months) required in
// calendar year y for a gender (Labor Code 2019 Art. 169, Nghị định
// 135/2020/NĐ-CP): men 60 years until 2020, then 3 months more each year up
// to 62 years; women 55 years, then 4 months more each year up to 60 years.
func requiredAgeMonths(gender string, y int) int {
	base, step, cap := 60*12, 3, 62*12
	if gender == "female" {
		base, step, cap = 55*12, 4, 60*12
	}
	if y <= 2020 {
		return base
	}
	return min(base+step*(y-2020), cap)
}

// RetirementDate returns the day a person reaches retirement (checks-v1):
// going through the possible required ages A in increasing order, the first
// A such that birth + A falls in a year whose required age is at most A; the
// retirement date is the first day of the month after birth + A. It returns
// 0 for a person without both a birth date and a gender.
func RetirementDate(birth Date, gender string) Date {
	if birth == 0 || (gender != "male" && gender != "female") {
		return 0
	}
	from, step, to := 60*12, 3, 62*12
	if gender == "female" {
		from, step, to = 55*12, 4, 60*12
	}
	for a := from; a <= to; a += step {
		at := AddMonths(birth, a)
		if requiredAgeMonths(gender, at.Time().Year()) <= a {
			t := at.Time()
			return NewDate(t.Year(), t.Month()+1, 1)
		}
	}
	at := AddMonths(birth, to).Time()
	return NewDate(at.Year(), at.Month()+1, 1)
}

// MonthsLeft returns the whole months from x until the retirement date
// (negative when it has passed).
func MonthsLeft(x, retirement Date) int { return MonthsBetween(x, retirement) }
