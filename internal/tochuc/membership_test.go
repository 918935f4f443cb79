package tochuc

import "testing"

func TestPartyDates(t *testing.T) {
	evs := []MembershipEvent{
		{Event: EventAdmitted, Date: MustDate("2001-05-19")},
		{Event: EventRecognized, Date: MustDate("2002-05-19")},
		{Event: EventRemoved, Date: MustDate("2010-01-01")},
		{Event: EventAdmitted, Date: MustDate("2015-02-03")},
	}
	for _, c := range []struct{ on, admitted, official string }{
		{"2000-01-01", "", ""}, {"2001-12-31", "2001-05-19", ""}, {"2005-01-01", "2001-05-19", "2002-05-19"},
		{"2016-01-01", "2015-02-03", ""},
	} {
		a, o := PartyDates(evs, MustDate(c.on))
		if a.String() != c.admitted && !(a == 0 && c.admitted == "") || o.String() != c.official && !(o == 0 && c.official == "") {
			t.Errorf("on %s: admitted %v, official %v; want %q, %q", c.on, a, o, c.admitted, c.official)
		}
	}
}
