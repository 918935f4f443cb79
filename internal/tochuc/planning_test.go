package tochuc

import "testing"

func TestTermLevelOf(t *testing.T) {
	before, after := NewDate(2024, 1, 1), NewDate(2025, 9, 1)
	cases := []struct {
		kind, loc string
		d         Date
		want      string
	}{
		{"province", "province", after, "province"},
		{"party_provincial", "province", after, "province"},
		{"people_committee", "province", after, "province"},
		{"party_upper", "district", before, "district"},
		{"district", "district", before, "district"},
		{"district", "district", after, "province"},
		{"party_grassroots_committee", "commune", after, "commune"},
		{"people_council", "commune", after, "commune"},
		{"party_grassroots_committee", "", after, "grassroots"},
		{"party_cell", "commune", after, "grassroots"},
		{"village", "village", after, "grassroots"},
		{"party_upper", "", after, "commune"},
		{"state_agency", "", after, ""},
	}
	for _, c := range cases {
		if got := TermLevelOf(c.kind, c.loc, c.d); got != c.want {
			t.Errorf("TermLevelOf(%s, %s, %s) = %q, want %q", c.kind, c.loc, c.d, got, c.want)
		}
	}
}

func TestTermStart(t *testing.T) {
	rows := []TermRow{{Term: "2025-2030", Level: "province", StartsOn: MustDate("2025-10-15"), EndsOn: MustDate("2030-10-15")}}
	if d, ok := TermStart("2025-2030", "province", rows); !ok || d != MustDate("2025-10-15") {
		t.Errorf("from data: %s %v", d, ok)
	}
	if d, ok := TermStart("2025-2030", "commune", rows); ok || d != MustDate("2025-01-01") {
		t.Errorf("fallback: %s %v", d, ok)
	}
	if d, _ := TermStart("bad", "commune", rows); d != 0 {
		t.Errorf("bad term: %s", d)
	}
}

func TestPlanStructureThresholds(t *testing.T) {
	start := MustDate("2025-10-01")
	born := func(age int) Date { return AddYears(start, -age) } // exactly age years at start
	find := func(ss []StructureShare, key string) StructureShare {
		for _, s := range ss {
			if s.Key == key {
				return s
			}
		}
		t.Fatalf("no share %s", key)
		return StructureShare{}
	}
	// Young: 39 at the start counts, 40 does not (province); 44 counts at central.
	s := PlanStructure("province", start, []Nominee{{Birth: born(39)}, {Birth: born(40)}})
	if y := find(s, "young"); y.Count != 1 || y.Short {
		t.Errorf("young province: %+v", y)
	}
	s = PlanStructure("province", start, []Nominee{{Birth: born(40)}})
	if y := find(s, "young"); y.Count != 0 || !y.Short {
		t.Errorf("young 40 province: %+v", y)
	}
	s = PlanStructure("central", start, []Nominee{{Birth: born(44)}, {Birth: born(45)}})
	if y := find(s, "young"); y.Count != 1 {
		t.Errorf("young central: %+v", y)
	}
	// Young 15 %: 3 of 20 meets it, 2 of 20 is short.
	var ns []Nominee
	for i := range 20 {
		age := 55
		if i < 3 {
			age = 35
		}
		ns = append(ns, Nominee{Birth: born(age)})
	}
	if y := find(PlanStructure("province", start, ns), "young"); y.Short {
		t.Errorf("3/20 young short: %+v", y)
	}
	ns[2].Birth = born(55)
	if y := find(PlanStructure("province", start, ns), "young"); !y.Short {
		t.Errorf("2/20 young not short: %+v", y)
	}
	// Women 25 %: 1 of 4 meets it, 1 of 5 is short.
	four := []Nominee{{Gender: "female"}, {Gender: "male"}, {Gender: "male"}, {Gender: "male"}}
	if w := find(PlanStructure("province", start, four), "women"); w.Short || w.Count != 1 {
		t.Errorf("1/4 women: %+v", w)
	}
	if w := find(PlanStructure("province", start, append(four, Nominee{Gender: "male"})), "women"); !w.Short {
		t.Errorf("1/5 women not short: %+v", w)
	}
	// Ethnic minority: not Kinh, given.
	if m := find(PlanStructure("province", start, []Nominee{{Ethnicity: "Tày"}, {Ethnicity: "Kinh"}, {}}), "minority"); m.Count != 1 || m.Short {
		t.Errorf("minority: %+v", m)
	}
	// Tiers: 39 → 1, 40 and 50 → 2, 51 → 3.
	s = PlanStructure("province", start, []Nominee{{Birth: born(39)}, {Birth: born(40)}, {Birth: born(50)}, {Birth: born(51)}})
	if a, b, c := find(s, "tier1"), find(s, "tier2"), find(s, "tier3"); a.Count != 1 || b.Count != 2 || c.Count != 1 || a.Short || b.Short || c.Short {
		t.Errorf("tiers: %+v %+v %+v", a, b, c)
	}
	s = PlanStructure("province", start, []Nominee{{Birth: born(45)}})
	if a := find(s, "tier1"); !a.Short {
		t.Errorf("empty tier not short: %+v", a)
	}
	// An empty plan is short of every target.
	for _, x := range PlanStructure("province", start, nil) {
		if x.Target > 0 && !x.Short {
			t.Errorf("empty plan: %+v", x)
		}
	}
}

func TestStandardFit(t *testing.T) {
	at := MustDate("2025-10-01")
	if _, ok := StandardFor("secretary", "province", MustDate("2025-08-29")); ok {
		t.Error("standard before 365-QĐ/TW is in force")
	}
	st, ok := StandardFor("secretary", "province", at)
	if !ok {
		t.Fatal("no standard for a provincial secretary")
	}
	met := func(cs []StandardCheck) map[string]bool {
		m := map[string]bool{}
		for _, c := range cs {
			m[c.Key] = c.Met
		}
		return m
	}
	good := NomineeFacts{Education: "university", Theory: "advanced", Retirement: AddMonths(at, 60),
		AdmittedOn: AddYears(at, -10), PostSince: AddMonths(at, -24)}
	for k, v := range met(st.Fit(good, at)) {
		if !v {
			t.Errorf("at the threshold, %s not met", k)
		}
	}
	bad := NomineeFacts{Education: "college", Theory: "intermediate", Retirement: AddMonths(at, 59),
		AdmittedOn: AddYears(at.AddDays(1), -10), PostSince: AddMonths(at, -23)}
	for k, v := range met(st.Fit(bad, at)) {
		if v {
			t.Errorf("under the threshold, %s met", k)
		}
	}
	if cs := st.Fit(NomineeFacts{}, at); len(cs) != 5 || cs[0].Have != "chưa có" {
		t.Errorf("nothing known: %+v", cs)
	}
}

func TestRemovalReasonText(t *testing.T) {
	if s, ok := RemovalReasonText("discipline", ""); !ok || s != "Bị kỷ luật (PLAN-07)" {
		t.Errorf("discipline: %q", s)
	}
	if _, ok := RemovalReasonText("other", " "); ok {
		t.Error("other without text accepted")
	}
	if s, ok := RemovalReasonText("other", "Chuyển công tác"); !ok || s != "Chuyển công tác" {
		t.Errorf("other: %q", s)
	}
	if _, ok := RemovalReasonText("nope", ""); ok {
		t.Error("unknown reason accepted")
	}
}
