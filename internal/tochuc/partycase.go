package tochuc

import (
	"slices"
	"strconv"
	"strings"
	"time"
)

// Award kinds of awards.csv (bundle-v1 amendment 1): the party badges of
// N years of party age (PM-12) and other awards.
var AwardKinds = []string{"badge_30", "badge_40", "badge_45", "badge_50", "badge_55", "badge_60",
	"badge_65", "badge_70", "badge_75", "badge_80", "badge_85", "badge_90", "other"}

// BadgeKinds are the award kinds that are party badges, in order of years.
var BadgeKinds = AwardKinds[:len(AwardKinds)-1]

// BadgeYears returns the party age a badge kind marks (0 for other awards).
func BadgeYears(kind string) int {
	n, ok := strings.CutPrefix(kind, "badge_")
	if !ok {
		return 0
	}
	y, err := strconv.Atoi(n)
	if err != nil || !slices.Contains(BadgeKinds, kind) {
		return 0
	}
	return y
}

// BadgeKindFor returns the badge of exactly the given years of party age
// ("" when no badge marks it).
func BadgeKindFor(years int) string {
	k := "badge_" + strconv.Itoa(years)
	if slices.Contains(BadgeKinds, k) {
		return k
	}
	return ""
}

// PartyAgeStart returns the day a member's party age counts from as of at
// (amendment 1, PM-07): the latest admission on or before it, or, for a
// member who came by transfer in only, the first transfer in after the
// person's last admission (there being none). Zero when neither is known.
func PartyAgeStart(evs []MembershipEvent, at Date) Date {
	var start Date
	admitted := false
	for _, e := range evs {
		if e.Date > at {
			break
		}
		switch e.Event {
		case EventAdmitted:
			start, admitted = e.Date, true
		case EventTransferredIn:
			if !admitted && start == 0 {
				start = e.Date
			}
		}
	}
	return start
}

// PartyAge returns the completed years of party age on at; ok is false when
// the events name no start.
func PartyAge(evs []MembershipEvent, at Date) (years int, ok bool) {
	start := PartyAgeStart(evs, at)
	if start == 0 {
		return 0, false
	}
	return AgeOn(start, at), true
}

// BadgeOccasions are the days a party badge is awarded on (PM-12): 3/2,
// 19/5, 2/9 and 7/11.
var BadgeOccasions = [][2]int{{2, 3}, {5, 19}, {9, 2}, {11, 7}}

// NextBadgeOccasion returns the first badge occasion on or after d.
func NextBadgeOccasion(d Date) Date {
	y := d.Time().Year()
	for {
		for _, o := range BadgeOccasions {
			if od := NewDate(y, time.Month(o[0]), o[1]); od >= d {
				return od
			}
		}
		y++
	}
}

// Casework deadlines of the Charter's rules, in working days where they say so.
const (
	CeremonyWorkingDays    = 30 // PM-05: admission ceremony after the decision
	ProbationMonths        = 12 // PM-06: probation
	RecognitionWorkingDays = 30 // PM-06: the cell considers recognition after the probation
	TransferStartWorking   = 60 // PM-08: the member starts the transfer after the decision
	TransferArrivalDays    = 30 // PM-08: the letter is presented at the receiving committee
)

// CeremonyDue returns the last day for the admission ceremony (PM-05).
func CeremonyDue(admitted Date) Date { return AddWorkingDays(admitted, CeremonyWorkingDays) }

// RecognitionDue returns the day probation ends and the member, if
// qualified, becomes official (PM-06).
func RecognitionDue(admitted Date) Date { return AddMonths(admitted, ProbationMonths) }

// RecognitionOverdue returns the last day the cell may consider the
// recognition (PM-06): 30 working days after the probation ends.
func RecognitionOverdue(admitted Date) Date {
	return AddWorkingDays(RecognitionDue(admitted), RecognitionWorkingDays)
}

// TransferStartDue returns the last day to start an official transfer after
// the decision that causes it (PM-08).
func TransferStartDue(decision Date) Date { return AddWorkingDays(decision, TransferStartWorking) }

// TransferArrivalDue returns the last day to present the introduction
// letter at the receiving committee (PM-08; calendar days).
func TransferArrivalDue(sent Date) Date { return sent.AddDays(TransferArrivalDays) }

// MemberThrough reports whether the events make the person a party member
// on every day of p (an open p: from p.From on, for good).
func MemberThrough(evs []MembershipEvent, died Date, p Period) bool {
	spans := MemberPeriods(evs, died)
	for i := 0; i < len(spans); i++ {
		if spans[i].From > p.From {
			return false
		}
		end := spans[i].To
		for end != 0 && i+1 < len(spans) && spans[i+1].From == end {
			i++
			end = spans[i].To
		}
		if end != 0 && end <= p.From {
			continue
		}
		return end == 0 || p.To != 0 && p.To <= end
	}
	return false
}
