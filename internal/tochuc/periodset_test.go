package tochuc

import "testing"

func p(from, to string) Period {
	var t Date
	if to != "" {
		t = MustDate(to)
	}
	return Period{From: MustDate(from), To: t}
}

func TestPeriodSet(t *testing.T) {
	var s PeriodSet
	s = s.Add(p("2000-01-01", "2005-01-01")).Add(p("2010-01-01", "")).Add(p("2005-01-01", "2006-01-01"))
	if len(s) != 2 || s[0] != p("2000-01-01", "2006-01-01") || s[1] != p("2010-01-01", "") {
		t.Fatalf("adjacent periods must merge, open ends stay open: %v", s)
	}
	if !s.Covers(p("2001-01-01", "2006-01-01")) || s.Covers(p("2005-06-01", "2010-06-01")) || !s.Covers(p("2020-01-01", "")) {
		t.Error("Covers")
	}
	if !s.Overlaps(p("2005-06-01", "2010-06-01")) || s.Overlaps(p("2007-01-01", "2010-01-01")) {
		t.Error("Overlaps: the end is not part of a period")
	}
	if got := s.Clip(p("2004-01-01", "2011-01-01")); len(got) != 2 || got[0] != p("2004-01-01", "2006-01-01") || got[1] != p("2010-01-01", "2011-01-01") {
		t.Errorf("Clip: %v", got)
	}
	other := PeriodSet{p("2003-01-01", "2012-01-01")}
	if got := s.Intersect(other); len(got) != 2 || got[1] != p("2010-01-01", "2012-01-01") {
		t.Errorf("Intersect: %v", got)
	}
	if d, ok := s.Around(MustDate("2008-01-01")); !ok || d != MustDate("2005-12-31") {
		t.Errorf("Around: the last day before: %v", d)
	}
	if d, _ := s.Around(MustDate("1990-01-01")); d != MustDate("2000-01-01") {
		t.Errorf("Around: the first day after when none before: %v", d)
	}
	if (PeriodSet{p("2000-01-01", "2025-07-01")}).Last() != MustDate("2025-06-30") || s.Last() != 0 {
		t.Error("Last")
	}
}

// TestScopeMapSuccession: district H ends on 2025-07-01; its commune X1 merges
// with commune Y1 of district K into Z (under the province); X2 goes on under
// the province; a later merger of Z leads on to W; H itself merged into the
// province does not bring the province in.
func TestScopeMapSuccession(t *testing.T) {
	u := func(id, parent, from, to string) Unit {
		return Unit{ID: id, ParentID: parent, Period: p(from, to)}
	}
	versions := map[string][]Unit{
		"H":  {u("H", "T", "2000-01-01", "2025-07-01")},
		"X1": {u("X1", "H", "2000-01-01", "2025-07-01")},
		"X2": {u("X2", "H", "2000-01-01", "2025-07-01"), u("X2", "T", "2025-07-01", "")},
		"V":  {u("V", "X1", "2000-01-01", "2025-07-01"), u("V", "Z", "2025-07-01", "")},
		"Z":  {u("Z", "T", "2025-07-01", "2027-01-01")},
		"W":  {u("W", "T", "2027-01-01", "")},
		"T":  {u("T", "", "2000-01-01", "")},
	}
	links := []RestructureLink{
		{Date: MustDate("2025-07-01"), FromUnitID: "X1", ToUnitID: "Z"},
		{Date: MustDate("2025-07-01"), FromUnitID: "Y1", ToUnitID: "Z"},
		{Date: MustDate("2025-07-01"), FromUnitID: "H", ToUnitID: "T"},
		{Date: MustDate("2027-01-01"), FromUnitID: "Z", ToUnitID: "W"},
	}
	m := NewScopeMap("H", versions, links)
	for _, c := range []struct {
		id, date string
		in       bool
	}{
		{"X1", "2025-06-30", true}, {"X1", "2025-07-01", false}, {"Z", "2025-07-01", true}, {"V", "2026-01-01", true},
		{"X2", "2026-01-01", true}, {"W", "2027-01-01", true}, {"T", "2026-01-01", false}, {"H", "2024-01-01", true},
	} {
		if got := m.InOn(c.id, MustDate(c.date)); got != c.in {
			t.Errorf("%s on %s: inside %v, want %v", c.id, c.date, got, c.in)
		}
	}
	if got := m.RootsOn(MustDate("2026-01-01")); len(got) != 2 || got[0] != "X2" || got[1] != "Z" {
		t.Errorf("roots in 2026: %v (V sits under Z)", got)
	}
	// V sits under Z until Z ends, then (its parent gone) is a root of its own.
	if got := m.RootList(); len(got) != 5 || got[0].UnitID != "H" || got[1] != (Place{UnitID: "V", Period: p("2027-01-01", "")}) ||
		got[3] != (Place{UnitID: "X2", Period: p("2025-07-01", "")}) || got[4] != (Place{UnitID: "Z", Period: p("2025-07-01", "2027-01-01")}) {
		t.Errorf("root list: %v", got)
	}
	if got := m.RootsOn(MustDate("2020-01-01")); len(got) != 1 || got[0] != "H" {
		t.Errorf("roots in 2020: %v", got)
	}
	if m.Ended() != MustDate("2025-06-30") {
		t.Errorf("Ended: %v", m.Ended())
	}
}

func TestHomeDate(t *testing.T) {
	today := MustDate("2026-12-02")
	places := []Place{{UnitID: "A", Period: p("2005-01-01", "2010-01-01")}, {UnitID: "T", Period: p("2015-01-01", "")}}
	if d := HomeDate(places, 0, today); d != today {
		t.Errorf("a person placed today: %v", d)
	}
	if d := HomeDate(places[:1], 0, today); d != MustDate("2009-12-31") {
		t.Errorf("placed no more: their last day: %v", d)
	}
	if d := HomeDate(nil, 0, today); d != 0 {
		t.Errorf("never placed: %v", d)
	}
	if d := HomeDate(places, MustDate("2020-05-01"), today); d != MustDate("2020-04-30") {
		t.Errorf("dead: the day before: %v", d)
	}
}

func TestPeriodSetMinus(t *testing.T) {
	s := PeriodSet{p("2000-01-01", "2010-01-01"), p("2020-01-01", "")}
	got := s.Minus(PeriodSet{p("2005-01-01", "2006-01-01"), p("2009-01-01", "2021-01-01")})
	want := PeriodSet{p("2000-01-01", "2005-01-01"), p("2006-01-01", "2009-01-01"), p("2021-01-01", "")}
	if !got.Equal(want) {
		t.Fatalf("Minus: %v, want %v", got, want)
	}
	if got := s.Minus(PeriodSet{p("1990-01-01", "")}); len(got) != 0 {
		t.Fatalf("Minus everything: %v", got)
	}
}
