package check

import "github.com/tochuc/tochuc/internal/tochuc"

// ruleSet is the text in force for a part of the rules from a date, and the
// numbers it sets (checks-v1: a rule set that changes a number takes effect
// on its date).
type ruleSet struct {
	from  tochuc.Date
	basis string
	// Planning: most nominees per post, most posts per nominee of one term,
	// and the months of work left it asks of a nominee (at the term's start,
	// and when added during the term).
	maxNominees, maxPosts          int
	planLeftBefore, planLeftDuring int
	// Appointment: months left at a first appointment; the term of a post in
	// years; the working days before its end when re-appointment is due.
	apptLeft, termYears, reapptDue int
	// Rotation: months left when rotated.
	rotLeft int
	// Evaluation: the most rated "excellent", in percent of those rated "good".
	quotaPercent int
	// Membership: admission ages; probation in months, then working days
	// allowed for the decision.
	minAge, maxAge, probationMonths, decisionDays int
}

// The rule sets of each part, oldest first.
var (
	planningSets = []ruleSet{
		{from: tochuc.NewDate(2017, 1, 1), basis: "50-QĐ/TW", maxNominees: 3, maxPosts: 3, planLeftBefore: 120, planLeftDuring: 60},
		{from: tochuc.NewDate(2025, 10, 8), basis: "377-QĐ/TW", maxNominees: 3, maxPosts: 3, planLeftBefore: 120, planLeftDuring: 60},
	}
	appointmentSets = []ruleSet{
		{from: tochuc.NewDate(2019, 1, 1), basis: "80-QĐ/TW", apptLeft: 60, termYears: 5, reapptDue: 90},
		{from: tochuc.NewDate(2025, 10, 8), basis: "377-QĐ/TW", apptLeft: 60, termYears: 5, reapptDue: 90},
	}
	rotationSets   = []ruleSet{{from: tochuc.NewDate(2017, 1, 1), basis: "65-QĐ/TW", rotLeft: 120}}
	evaluationSets = []ruleSet{
		{from: tochuc.NewDate(2018, 1, 1), basis: "132-QĐ/TW, 21-HD/BTCTW", quotaPercent: 20},
		{from: tochuc.NewDate(2023, 1, 1), basis: "124-QĐ/TW", quotaPercent: 20},
		{from: tochuc.NewDate(2025, 1, 1), basis: "366-QĐ/TW", quotaPercent: 20},
	}
	membershipSets = []ruleSet{
		{from: tochuc.NewDate(2016, 1, 1), basis: "232-QĐ/TW, 24-QĐ/TW", minAge: 18, maxAge: 60, probationMonths: 12, decisionDays: 30},
		{from: tochuc.NewDate(2025, 7, 1), basis: "294-QĐ/TW", minAge: 18, maxAge: 60, probationMonths: 12, decisionDays: 30},
	}
	retirementBasis = "Bộ luật Lao động 2019, Nghị định 135/2020/NĐ-CP"
	charterBasis    = "Điều lệ Đảng, Điều 21"
	dataBasis       = "Chất lượng dữ liệu"
)

// setOn returns the rule set in force on d: the latest one started by d, or
// the first one for an earlier date.
func setOn(sets []ruleSet, d tochuc.Date) ruleSet {
	s := sets[0]
	for _, x := range sets {
		if x.from <= d {
			s = x
		}
	}
	return s
}

// evalSetOf returns the rule set under which a year's ratings were made.
func evalSetOf(year int) ruleSet { return setOn(evaluationSets, tochuc.NewDate(year, 12, 31)) }
