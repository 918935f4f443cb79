package web

import "github.com/tochuc/tochuc/internal/tochuc"

// partyAgeStart is the day a member's party age counts from on d (bundle-v1
// amendment 1): the latest admission by d or, for a member who came by
// transfer in only, the first transfer in. It stands in for the
// foundation's tochuc.PartyAgeStart until that lands on main.
func partyAgeStart(evs []tochuc.MembershipEvent, d tochuc.Date) tochuc.Date {
	var admitted, in tochuc.Date
	for _, e := range evs {
		if e.Date > d {
			continue
		}
		switch e.Event {
		case tochuc.EventAdmitted:
			admitted = max(admitted, e.Date)
		case tochuc.EventTransferredIn:
			if in == 0 || e.Date < in {
				in = e.Date
			}
		}
	}
	if admitted != 0 {
		return admitted
	}
	return in
}

// partyAge is the party age in completed years on d (ok false: never a member by d).
func partyAge(evs []tochuc.MembershipEvent, d tochuc.Date) (int, bool) {
	s := partyAgeStart(evs, d)
	if s == 0 {
		return 0, false
	}
	return age(s, d), true
}
