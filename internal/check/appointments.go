package check

import (
	"slices"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// The numbers of the appointments workplace, defined once with the rules
// that use them (APPT-01, APPT-05, APPT-06, ROT-06, RET-01).

// ReappointmentHows are the ways of taking up a post whose term APPT-05 watches.
var ReappointmentHows = []string{"appointed", "reappointed"}

// Months of the workplace's lists.
const (
	// ExtensionMonths: a term that ends with fewer months than this to the
	// holder's retirement may be extended to it instead of re-appointing (APPT-06).
	ExtensionMonths = 24
	// RotationMonths: a rotation lasts at least this many months (ROT-06).
	RotationMonths = 36
	// RetirementMonths: the retirement list looks this many months ahead.
	RetirementMonths = 12
)

// TermEnd returns the end of the term of a post taken up on from, under the
// appointment rules in force on d (APPT-01: 5 years).
func TermEnd(from, d tochuc.Date) tochuc.Date {
	return tochuc.AddYears(from, setOn(appointmentSets, d).termYears)
}

// ReappointmentDue reports whether a post held on d is due for
// re-appointment (APPT-05): open, appointed or reappointed, its term ending
// at most 90 working days after d or already ended.
func ReappointmentDue(a tochuc.Assignment, d tochuc.Date) bool {
	set := setOn(appointmentSets, d)
	return slices.Contains(ReappointmentHows, a.How) && a.To == 0 &&
		tochuc.AddYears(a.From, set.termYears) <= tochuc.AddWorkingDays(d, set.reapptDue)
}

// ReappointmentBound returns the latest valid_from of a post due on d: an
// open post, appointed or reappointed, held on d, is due (ReappointmentDue)
// exactly when it started on or before this day (a query narrows with it).
func ReappointmentBound(d tochuc.Date) tochuc.Date {
	set := setOn(appointmentSets, d)
	limit := tochuc.AddWorkingDays(d, set.reapptDue)
	x := tochuc.AddYears(limit, -set.termYears)
	for tochuc.AddYears(x+1, set.termYears) <= limit {
		x++
	}
	for tochuc.AddYears(x, set.termYears) > limit {
		x--
	}
	return x
}

// Extension reports, for a post held on d, the end of its term, the
// holder's retirement date and the whole months from the one to the other,
// and whether the term may be extended to retirement instead of
// re-appointing (APPT-06): an open post, appointed or reappointed, whose
// term ends before the holder retires with fewer than 24 months left then.
func Extension(a tochuc.Assignment, birth tochuc.Date, gender string, d tochuc.Date) (end, ret tochuc.Date, months int, ok bool) {
	ret = tochuc.RetirementDate(birth, gender)
	if ret == 0 || a.To != 0 || !slices.Contains(ReappointmentHows, a.How) {
		return 0, ret, 0, false
	}
	end = TermEnd(a.From, d)
	months = tochuc.MonthsLeft(end, ret)
	return end, ret, months, end <= ret && months < ExtensionMonths
}
