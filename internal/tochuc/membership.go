package tochuc

// Party membership events of bundle-v1.
const (
	EventAdmitted       = "admitted"
	EventRecognized     = "recognized"
	EventTransferred    = "transferred"
	EventTransferredIn  = "transferred_in"
	EventTransferredOut = "transferred_out"
	EventRemoved        = "removed"
	EventExpelled       = "expelled"
	EventDied           = "died"
)

// PartyEvents lists the membership events.
var PartyEvents = []string{EventAdmitted, EventRecognized, EventTransferred, EventTransferredIn,
	EventTransferredOut, EventRemoved, EventExpelled, EventDied}

// MembershipEvent is one event in a person's party membership, in row order.
type MembershipEvent struct {
	Event  string `json:"event"`
	Date   Date   `json:"date"`
	UnitID string `json:"unit_id,omitempty"`
	Status string `json:"status,omitempty"` // for transferred_in: official (default) or probationary
}

// EventNeedsUnit reports whether an event must name the party organization.
func EventNeedsUnit(event string) bool {
	return event == EventAdmitted || event == EventTransferred || event == EventTransferredIn
}

// keepsMembership reports whether a person is a member after the event.
func keepsMembership(event string) bool {
	return event == EventAdmitted || event == EventRecognized || event == EventTransferred ||
		event == EventTransferredIn
}

// Membership is a person's party standing at a date.
type Membership struct {
	Member       bool   `json:"member"`
	Probationary bool   `json:"probationary"`
	UnitID       string `json:"unit_id,omitempty"`
}

// MembershipAt applies the events (sorted by date, same-date events in row
// order) up to and including d. A death (died_on, if set) ends membership.
func MembershipAt(events []MembershipEvent, d, diedOn Date) Membership {
	var m Membership
	if diedOn != 0 && diedOn <= d {
		return m
	}
	for _, e := range events {
		if e.Date > d {
			break
		}
		m.Member = keepsMembership(e.Event)
		if e.UnitID != "" {
			m.UnitID = e.UnitID
		}
		switch e.Event {
		case EventAdmitted:
			m.Probationary = true
		case EventRecognized:
			m.Probationary = false
		case EventTransferredIn:
			m.Probationary = e.Status == "probationary"
		}
	}
	if !m.Member {
		return Membership{}
	}
	return m
}

// CheckMembershipOrder returns, for each event that cannot follow the ones
// before it, its index and a reason in Vietnamese and English.
func CheckMembershipOrder(events []MembershipEvent) []OrderProblem {
	var out []OrderProblem
	member, probationary, ended := false, false, false
	for i, e := range events {
		bad := func(vi, en string) { out = append(out, OrderProblem{i, vi, en}) }
		switch e.Event {
		case EventAdmitted:
			if member {
				bad("kết nạp lần nữa khi đang là đảng viên", "second admission while a member")
			}
		case EventTransferredIn:
			if member {
				bad("chuyển đến khi đang là đảng viên", "transferred in while already a member")
			}
		case EventRecognized:
			if !member {
				bad("công nhận chính thức khi chưa được kết nạp", "recognized before admitted")
			} else if !probationary {
				bad("công nhận chính thức khi đã là đảng viên chính thức", "recognized while already official")
			}
		case EventTransferred, EventTransferredOut, EventRemoved, EventExpelled:
			if !member {
				bad("sự kiện '"+e.Event+"' khi không phải là đảng viên", "event '"+e.Event+"' while not a member")
			}
		case EventDied:
			if ended {
				bad("từ trần lần nữa", "died twice")
			}
		}
		if ended && e.Event != EventDied {
			bad("sự kiện sau khi từ trần", "event after death")
		}
		switch e.Event {
		case EventAdmitted:
			member, probationary = true, true
		case EventTransferredIn:
			member, probationary = true, e.Status == "probationary"
		case EventRecognized:
			probationary = false
		case EventTransferredOut, EventRemoved, EventExpelled:
			member = false
		case EventDied:
			member, ended = false, true
		}
	}
	return out
}

// OrderProblem is a membership event that cannot follow the ones before it.
type OrderProblem struct {
	Index  int
	Reason string // Vietnamese
	En     string
}

// MemberPeriod is a span during which a person is a party member registered
// in one organization with the same standing.
type MemberPeriod struct {
	UnitID       string
	Probationary bool
	Period
}

// MemberPeriods returns the periods of membership that a person's events
// (sorted by date, same-date events in row order) and date of death imply.
func MemberPeriods(events []MembershipEvent, died Date) []MemberPeriod {
	var bounds []Date
	for _, e := range events {
		if len(bounds) == 0 || bounds[len(bounds)-1] != e.Date {
			bounds = append(bounds, e.Date)
		}
	}
	if died != 0 {
		i := 0
		for i < len(bounds) && bounds[i] < died {
			i++
		}
		if i == len(bounds) || bounds[i] != died {
			bounds = append(bounds[:i], append([]Date{died}, bounds[i:]...)...)
		}
	}
	var out []MemberPeriod
	for _, d := range bounds {
		m := MembershipAt(events, d, died)
		if n := len(out); n > 0 && out[n-1].To == 0 {
			last := &out[n-1]
			if m.Member && m.UnitID == last.UnitID && m.Probationary == last.Probationary {
				continue
			}
			last.To = d
		}
		if m.Member {
			out = append(out, MemberPeriod{UnitID: m.UnitID, Probationary: m.Probationary, Period: Period{From: d}})
		}
	}
	return out
}

// PartyDates returns, as of d, the date of the person's admission to the
// party (the last one, if they were admitted again) and the date they became
// an official member after it (0 while probationary, or not known when the
// record starts with a transfer in).
func PartyDates(events []MembershipEvent, d Date) (admitted, official Date) {
	for _, e := range events {
		if e.Date > d {
			break
		}
		switch e.Event {
		case EventAdmitted:
			admitted, official = e.Date, 0
		case EventRecognized:
			official = e.Date
		}
	}
	return admitted, official
}
