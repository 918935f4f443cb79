package tochuc

import "testing"

func TestPartyAge(t *testing.T) {
	d := MustDate
	cases := []struct {
		name  string
		evs   []MembershipEvent
		at    string
		years int
		ok    bool
	}{
		{"admitted", []MembershipEvent{{Event: EventAdmitted, Date: d("1990-05-19")}}, "2020-05-18", 29, true},
		{"admitted, on the day", []MembershipEvent{{Event: EventAdmitted, Date: d("1990-05-19")}}, "2020-05-19", 30, true},
		{"re-admitted counts from the latest", []MembershipEvent{{Event: EventAdmitted, Date: d("1980-01-01")},
			{Event: EventRemoved, Date: d("1985-01-01")}, {Event: EventAdmitted, Date: d("1990-01-01")}}, "2020-06-01", 30, true},
		{"latest admission on or before the date", []MembershipEvent{{Event: EventAdmitted, Date: d("1980-01-01")},
			{Event: EventRemoved, Date: d("1985-01-01")}, {Event: EventAdmitted, Date: d("2030-01-01")}}, "2020-06-01", 40, true},
		{"transferred in only", []MembershipEvent{{Event: EventTransferredIn, Date: d("2000-03-01")},
			{Event: EventTransferred, Date: d("2005-01-01")}}, "2010-03-01", 10, true},
		{"none", []MembershipEvent{{Event: EventTransferredOut, Date: d("2000-03-01")}}, "2010-03-01", 0, false},
	}
	for _, c := range cases {
		y, ok := PartyAge(c.evs, d(c.at))
		if y != c.years || ok != c.ok {
			t.Errorf("%s: PartyAge = %d, %v; want %d, %v", c.name, y, ok, c.years, c.ok)
		}
	}
}

func TestBadges(t *testing.T) {
	if BadgeYears("badge_45") != 45 || BadgeYears("other") != 0 || BadgeYears("badge_35") != 0 {
		t.Error("BadgeYears")
	}
	if BadgeKindFor(50) != "badge_50" || BadgeKindFor(35) != "" {
		t.Error("BadgeKindFor")
	}
	for _, c := range [][2]string{{"2026-01-01", "2026-02-03"}, {"2026-02-03", "2026-02-03"}, {"2026-02-04", "2026-05-19"},
		{"2026-09-03", "2026-11-07"}, {"2026-11-08", "2027-02-03"}} {
		if got := NextBadgeOccasion(MustDate(c[0])); got != MustDate(c[1]) {
			t.Errorf("NextBadgeOccasion(%s) = %s, want %s", c[0], got, c[1])
		}
	}
}

// TestCaseworkDeadlines checks each deadline on both sides of its
// threshold, counting working days across weekends.
func TestCaseworkDeadlines(t *testing.T) {
	// Friday 2026-01-02: 30 working days later is Friday 2026-02-13.
	if got := CeremonyDue(MustDate("2026-01-02")); got != MustDate("2026-02-13") {
		t.Errorf("CeremonyDue = %s", got)
	}
	if got := RecognitionDue(MustDate("2025-02-28")); got != MustDate("2026-02-28") {
		t.Errorf("RecognitionDue = %s", got)
	}
	// Saturday 2026-02-28 + 30 working days: Friday 2026-04-10.
	if got := RecognitionOverdue(MustDate("2025-02-28")); got != MustDate("2026-04-10") {
		t.Errorf("RecognitionOverdue = %s", got)
	}
	if got := TransferArrivalDue(MustDate("2026-01-31")); got != MustDate("2026-03-02") {
		t.Errorf("TransferArrivalDue = %s", got)
	}
	// Monday 2026-03-02 + 60 working days (12 weeks): Monday 2026-05-25.
	if got := TransferStartDue(MustDate("2026-03-02")); got != MustDate("2026-05-25") {
		t.Errorf("TransferStartDue = %s", got)
	}
}

func TestMemberThrough(t *testing.T) {
	d := MustDate
	evs := []MembershipEvent{{Event: EventAdmitted, Date: d("2010-01-01"), UnitID: "a"},
		{Event: EventTransferred, Date: d("2015-01-01"), UnitID: "b"}, {Event: EventRemoved, Date: d("2020-01-01")}}
	cases := []struct {
		from, to string
		want     bool
	}{
		{"2014-06-01", "2015-06-01", true}, // across a transfer
		{"2019-06-01", "2020-01-01", true}, // ends the day membership does
		{"2019-06-01", "2020-01-02", false},
		{"2009-12-31", "2010-06-01", false},
		{"2019-06-01", "", false}, // open, but membership ends
	}
	for _, c := range cases {
		p := Period{From: d(c.from)}
		if c.to != "" {
			p.To = d(c.to)
		}
		if got := MemberThrough(evs, 0, p); got != c.want {
			t.Errorf("MemberThrough(%s–%s) = %v", c.from, c.to, got)
		}
	}
	if !MemberThrough(evs[:1], 0, Period{From: d("2011-01-01")}) {
		t.Error("an open period of a member for good")
	}
	if MemberThrough(evs[:1], d("2012-01-01"), Period{From: d("2011-01-01")}) {
		t.Error("a death ends membership")
	}
}
