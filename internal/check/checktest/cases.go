// Package checktest holds the rule checks' cases on both sides of every
// threshold (checks-v1), to run against any Source: in memory, and each
// storage engine.
package checktest

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/check"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// b builds a bundle for a case.
type b struct{ t bundle.Tables }

func newB() *b {
	x := &b{t: bundle.Tables{}}
	x.unit("T", "Tỉnh Thử", "province", "", "")
	x.unit("DU", "Đảng ủy xã Một", "party_grassroots_committee", "", "")
	x.unit("UB", "UBND xã Một", "people_committee", "", "")
	x.unit("TH", "Thôn Một", "village", "", "")
	return x
}

func (x *b) unit(id, name, kind, parent, from string) *b {
	if from == "" {
		from = "2000-01-01"
	}
	x.t.Add("units", map[string]string{"id": id, "name": name, "kind": kind, "parent_id": parent, "valid_from": from})
	return x
}

func (x *b) person(id, gender, birth string, kv ...string) *b {
	m := map[string]string{"id": id, "full_name": "Người " + id, "gender": gender, "birth_date": birth}
	for i := 0; i < len(kv); i += 2 {
		m[kv[i]] = kv[i+1]
	}
	x.t.Add("people", m)
	return x
}

func (x *b) add(file string, kv ...string) *b {
	m := map[string]string{}
	for i := 0; i < len(kv); i += 2 {
		m[kv[i]] = kv[i+1]
	}
	x.t.Add(file, m)
	return x
}

// ruleCase is a bundle, a date and a rule, with the findings expected (their keys).
type ruleCase struct {
	name string
	b    *b
	date string
	rule string
	want []string
}

// Rule returns the case's rule.
func (c ruleCase) Rule() string { return c.rule }

// nominees plans n people for the secretary of DU in 2025-2030.
func nominees(n int, removedOne bool, lateOne bool) *b {
	x := newB()
	for i := range n {
		id := fmt.Sprintf("N%d", i)
		x.person(id, "male", "1980-01-01")
		added, removed := "2024-06-01", ""
		if removedOne && i == 0 {
			removed = "2025-01-01"
		}
		if lateOne && i == 0 {
			added = "2025-03-01"
		}
		x.add("plans", "term", "2025-2030", "unit_id", "DU", "role", "secretary", "person_id", id, "added_on", added, "removed_on", removed)
	}
	return x
}

// posts plans one person for n posts in 2025-2030.
func posts(n int) *b {
	x := newB().person("P", "male", "1980-01-01")
	for i := range n {
		u := fmt.Sprintf("U%d", i)
		x.unit(u, "Đơn vị "+u, "state_agency", "", "")
		x.add("plans", "term", "2025-2030", "unit_id", u, "role", "head", "person_id", "P", "added_on", "2024-06-01")
	}
	return x
}

// quota rates n good and e excellent party members by DU in 2024.
func quota(good, excellent int) *b {
	x := newB()
	for i := range good + excellent {
		id := fmt.Sprintf("M%d", i)
		rating := "good"
		if i >= good {
			rating = "excellent"
		}
		x.person(id, "male", "1980-01-01")
		x.add("evaluations", "year", "2024", "subject_type", "person", "subject_id", id, "category", "party_member", "rating", rating,
			"rated_by_id", "DU")
	}
	return x
}

// admitted admits a person born on birth on date into DU.
func admitted(birth, date string) *b {
	return newB().person("P", "male", birth).add("party", "person_id", "P", "event", "admitted", "date", date, "unit_id", "DU")
}

// held gives a man born on birth a post from "from", taken up as how.
func held(birth, unit, from, how string) *b {
	return newB().person("P", "male", birth).add("assignments", "person_id", "P", "unit_id", unit, "role", "chair", "valid_from", from, "how", how)
}

// subordinates rates DU excellent in 2024 and its cells with the given ratings.
func subordinates(ratings ...string) *b {
	x := newB()
	x.add("evaluations", "year", "2024", "subject_type", "unit", "subject_id", "DU", "category", "party_org", "rating", "excellent")
	for i, r := range ratings {
		c := fmt.Sprintf("C%d", i)
		x.unit(c, "Chi bộ "+c, "party_cell", "DU", "")
		x.add("evaluations", "year", "2024", "subject_type", "unit", "subject_id", c, "category", "party_org", "rating", r)
	}
	return x
}

// cell is a party cell under DU with the given members (o: official, p: probationary).
func cell(members string) *b {
	x := newB().unit("C", "Chi bộ C", "party_cell", "DU", "")
	for i, m := range members {
		id := fmt.Sprintf("M%d", i)
		x.person(id, "male", "1980-01-01")
		x.add("party", "person_id", id, "event", "admitted", "date", "2020-01-01", "unit_id", "C")
		if m == 'o' {
			x.add("party", "person_id", id, "event", "recognized", "date", "2021-01-01")
		}
	}
	return x
}

// pm06Deadline is the last day before an admission of 2024-03-15 is overdue:
// 2025-03-15 + 30 working days.
var pm06Deadline = tochuc.AddWorkingDays(tochuc.MustDate("2025-03-15"), 30)

// reapptDue is the first day on which a term ending on 2026-06-01 is at most
// 90 working days away.
var reapptDue = func() tochuc.Date {
	d := tochuc.MustDate("2026-01-01")
	for tochuc.AddWorkingDays(d, 90) < tochuc.MustDate("2026-06-01") {
		d++
	}
	return d
}()

// rated rates a person P (party member, born 1980) in a year and disciplines
// them with a form on a date ("" for none).
func rated(year, category, rating, form, date string) *b {
	x := newB().person("P", "male", "1980-01-01").
		add("evaluations", "year", year, "subject_type", "person", "subject_id", "P", "category", category, "rating", rating)
	if form != "" {
		x.add("discipline", "subject_type", "person", "subject_id", "P", "form", form, "date", date, "authority_id", "DU")
	}
	return x
}

// unitRated rates DU as a party organization in a year and disciplines it on a date.
func unitRated(year, rating, date string) *b {
	return newB().add("evaluations", "year", year, "subject_type", "unit", "subject_id", "DU", "category", "party_org", "rating", rating).
		add("discipline", "subject_type", "unit", "subject_id", "DU", "form", "reprimand", "date", date, "authority_id", "T")
}

// planned plans P for the chair of UB on 2024-06-01 and disciplines them on a date.
func planned(form, date string) *b {
	return newB().person("P", "male", "1980-01-01").
		add("plans", "term", "2025-2030", "unit_id", "UB", "role", "chair", "person_id", "P", "added_on", "2024-06-01").
		add("discipline", "subject_type", "person", "subject_id", "P", "form", form, "date", date, "authority_id", "DU")
}

// waited disciplines P with a form on 2020-03-15 and gives them a post from a date, taken up as how.
func waited(form, from, how string) *b {
	return held("1980-01-01", "UB", from, how).
		add("discipline", "subject_type", "person", "subject_id", "P", "form", form, "date", "2020-03-15", "authority_id", "DU")
}

// Cases are the rules' thresholds, on both sides (checks-v1).
func Cases() []ruleCase {
	d := func(x tochuc.Date) string { return x.String() }
	return []ruleCase{
		// Retirement: a man born 15/10/1961 retires on 01/05/2022; a village post does not count; the dead hold nothing.
		{"RET-01 the day before", held("1961-10-15", "UB", "2015-01-01", "elected"), "2022-04-30", "RET-01", nil},
		{"RET-01 on the day", held("1961-10-15", "UB", "2015-01-01", "elected"), "2022-05-01", "RET-01",
			[]string{"RET-01|person_id=P|role=chair|unit_id=UB|valid_from=2015-01-01"}},
		{"RET-01 village", held("1961-10-15", "TH", "2015-01-01", "elected"), "2023-01-01", "RET-01", nil},
		{"RET-01 dead", newB().person("P", "male", "1961-10-15", "died_on", "2022-06-01").
			add("assignments", "person_id", "P", "unit_id", "UB", "role", "chair", "valid_from", "2015-01-01"),
			"2023-01-01", "RET-01", nil},
		// Probation: overdue on the 31st working day after 12 months, not the 30th.
		{"PM-06 on the 30th working day", admitted("1980-01-01", "2024-03-15"), d(pm06Deadline), "PM-06", nil},
		{"PM-06 after it", admitted("1980-01-01", "2024-03-15"), d(tochuc.AddWorkingDays(pm06Deadline, 1)), "PM-06",
			[]string{"PM-06|person_id=P"}},
		{"PM-06 recognized", admitted("1980-01-01", "2024-03-15").add("party", "person_id", "P", "event", "recognized", "date", "2025-03-20"),
			"2026-01-01", "PM-06", nil},
		// Nominees: 3 fine, 4 not; a nominee removed before the date or added after it does not count.
		{"PLAN-02 three", nominees(3, false, false), "2025-06-01", "PLAN-02", nil},
		{"PLAN-02 four", nominees(4, false, false), "2025-06-01", "PLAN-02", []string{"PLAN-02|role=secretary|term=2025-2030|unit_id=DU"}},
		{"PLAN-02 four, one removed before", nominees(4, true, false), "2025-06-01", "PLAN-02", nil},
		{"PLAN-02 four, one removed on the day", nominees(4, true, false), "2024-12-31", "PLAN-02",
			[]string{"PLAN-02|role=secretary|term=2025-2030|unit_id=DU"}},
		{"PLAN-02 four, one added after", nominees(4, false, true), "2025-02-28", "PLAN-02", nil},
		{"PLAN-03 three posts", posts(3), "2025-06-01", "PLAN-03", nil},
		{"PLAN-03 four posts", posts(4), "2025-06-01", "PLAN-03", []string{"PLAN-03|person_id=P|term=2025-2030"}},
		{"PLAN-01 planned for the post held", newB().person("P", "male", "1980-01-01").
			add("assignments", "person_id", "P", "unit_id", "DU", "role", "secretary", "valid_from", "2020-01-01").
			add("plans", "term", "2025-2030", "unit_id", "DU", "role", "secretary", "person_id", "P", "added_on", "2024-06-01").
			add("plans", "term", "2025-2030", "unit_id", "UB", "role", "chair", "person_id", "P", "added_on", "2024-06-01"),
			"2025-01-01", "PLAN-01", []string{"PLAN-01|person_id=P|role=secretary|term=2025-2030|unit_id=DU"}},
		// Age at planning: 120 months left at the term's start (a man born 1966-01-10 retires 2027-11-01).
		{"PLAN-05 before the term, too old", newB().person("P", "male", "1966-01-10").
			add("plans", "term", "2020-2025", "unit_id", "DU", "role", "secretary", "person_id", "P", "added_on", "2019-06-01"),
			"2020-06-01", "PLAN-05", []string{"PLAN-05|person_id=P|role=secretary|term=2020-2025|unit_id=DU"}},
		{"PLAN-05 before the term, 120 months exactly", newB().person("P", "male", "1958-03-01").
			add("plans", "term", "2008-2013", "unit_id", "DU", "role", "secretary", "person_id", "P", "added_on", "2007-06-01"),
			"2009-01-01", "PLAN-05", nil},
		{"PLAN-05 during the term, 59 months", newB().person("P", "male", "1966-01-10").
			add("plans", "term", "2020-2025", "unit_id", "DU", "role", "secretary", "person_id", "P", "added_on", "2022-12-02"),
			"2023-01-01", "PLAN-05", []string{"PLAN-05|person_id=P|role=secretary|term=2020-2025|unit_id=DU"}},
		{"PLAN-05 during the term, 60 months", newB().person("P", "male", "1966-01-10").
			add("plans", "term", "2020-2025", "unit_id", "DU", "role", "secretary", "person_id", "P", "added_on", "2022-11-01"),
			"2023-01-01", "PLAN-05", nil},
		// First appointment with 60 months left (retirement 2027-11-01): fine on 2022-11-01, not a day later.
		{"APPT-03 60 months", held("1966-01-10", "UB", "2022-11-01", "appointed"), "2023-01-01", "APPT-03", nil},
		{"APPT-03 59 months", held("1966-01-10", "UB", "2022-11-02", "appointed"), "2023-01-01", "APPT-03",
			[]string{"APPT-03|person_id=P|role=chair|unit_id=UB|valid_from=2022-11-02"}},
		{"APPT-03 elected", held("1966-01-10", "UB", "2022-11-02", "elected"), "2023-01-01", "APPT-03", nil},
		{"ROT-05 120 months", held("1966-01-10", "UB", "2017-11-01", "rotated"), "2018-01-01", "ROT-05", nil},
		{"ROT-05 119 months", held("1966-01-10", "UB", "2017-11-02", "rotated"), "2018-01-01", "ROT-05",
			[]string{"ROT-05|person_id=P|role=chair|unit_id=UB|valid_from=2017-11-02"}},
		// Re-appointment due when the term ends at most 90 working days after D.
		{"APPT-05 due", held("1980-01-01", "UB", "2021-06-01", "appointed"), d(reapptDue), "APPT-05",
			[]string{"APPT-05|person_id=P|role=chair|unit_id=UB|valid_from=2021-06-01"}},
		{"APPT-05 a day before", held("1980-01-01", "UB", "2021-06-01", "appointed"), d(reapptDue - 1), "APPT-05", nil},
		{"APPT-05 past", held("1980-01-01", "UB", "2021-06-01", "reappointed"), "2026-07-01", "APPT-05",
			[]string{"APPT-05|person_id=P|role=chair|unit_id=UB|valid_from=2021-06-01"}},
		{"APPT-05 elected", held("1980-01-01", "UB", "2021-06-01", "elected"), "2026-05-01", "APPT-05", nil},
		// Quota: ⌊20 % × good⌋.
		{"EVAL-11 0 good, 1 excellent", quota(0, 1), "2025-01-01", "EVAL-11", []string{"EVAL-11|category=party_member|rated_by_id=DU|year=2024"}},
		{"EVAL-11 4 good, 1 excellent", quota(4, 1), "2025-01-01", "EVAL-11", []string{"EVAL-11|category=party_member|rated_by_id=DU|year=2024"}},
		{"EVAL-11 5 good, 1 excellent", quota(5, 1), "2025-01-01", "EVAL-11", nil},
		{"EVAL-11 10 good, 2 excellent", quota(10, 2), "2025-01-01", "EVAL-11", nil},
		{"EVAL-11 10 good, 3 excellent", quota(10, 3), "2025-01-01", "EVAL-11", []string{"EVAL-11|category=party_member|rated_by_id=DU|year=2024"}},
		{"EVAL-11 a later year is not yet", quota(0, 1), "2024-12-31", "EVAL-11", []string{"EVAL-11|category=party_member|rated_by_id=DU|year=2024"}},
		{"EVAL-11 next year's rating", quota(0, 1), "2023-12-31", "EVAL-11", nil},
		// The head rated above the unit.
		{"EVAL-13 head above", newB().person("P", "male", "1980-01-01").
			add("assignments", "person_id", "P", "unit_id", "DU", "role", "secretary", "valid_from", "2020-01-01").
			add("evaluations", "year", "2024", "subject_type", "unit", "subject_id", "DU", "category", "party_org", "rating", "good").
			add("evaluations", "year", "2024", "subject_type", "person", "subject_id", "P", "category", "leader", "rating", "excellent"),
			"2025-06-01", "EVAL-13", []string{"EVAL-13|person_id=P|unit_id=DU|year=2024"}},
		{"EVAL-13 head equal", newB().person("P", "male", "1980-01-01").
			add("assignments", "person_id", "P", "unit_id", "DU", "role", "secretary", "valid_from", "2020-01-01").
			add("evaluations", "year", "2024", "subject_type", "unit", "subject_id", "DU", "category", "party_org", "rating", "good").
			add("evaluations", "year", "2024", "subject_type", "person", "subject_id", "P", "category", "leader", "rating", "good"),
			"2025-06-01", "EVAL-13", nil},
		{"EVAL-13 not the head on 31 December", newB().person("P", "male", "1980-01-01").
			add("assignments", "person_id", "P", "unit_id", "DU", "role", "secretary", "valid_from", "2020-01-01", "valid_to", "2024-12-31").
			add("evaluations", "year", "2024", "subject_type", "unit", "subject_id", "DU", "category", "party_org", "rating", "good").
			add("evaluations", "year", "2024", "subject_type", "person", "subject_id", "P", "category", "leader", "rating", "excellent"),
			"2025-06-01", "EVAL-13", nil},
		{"EVAL-14 party above civil servant", newB().person("P", "male", "1980-01-01").
			add("evaluations", "year", "2024", "subject_type", "person", "subject_id", "P", "category", "party_member", "rating", "excellent").
			add("evaluations", "year", "2024", "subject_type", "person", "subject_id", "P", "category", "civil_servant", "rating", "good"),
			"2025-06-01", "EVAL-14", []string{"EVAL-14|person_id=P|year=2024"}},
		{"EVAL-14 both excellent", newB().person("P", "male", "1980-01-01").
			add("evaluations", "year", "2024", "subject_type", "person", "subject_id", "P", "category", "party_member", "rating", "excellent").
			add("evaluations", "year", "2024", "subject_type", "person", "subject_id", "P", "category", "civil_servant", "rating", "excellent"),
			"2025-06-01", "EVAL-14", nil},
		// 80 %: 4 of 5 good is enough, 3 of 4 not; an incomplete subordinate is never.
		{"EVAL-15 4 of 5 good", subordinates("good", "good", "good", "excellent", "complete"), "2025-06-01", "EVAL-15", nil},
		{"EVAL-15 3 of 4 good", subordinates("good", "good", "excellent", "complete"), "2025-06-01", "EVAL-15",
			[]string{"EVAL-15|unit_id=DU|year=2024"}},
		{"EVAL-15 one incomplete", subordinates("good", "good", "good", "good", "good", "good", "good", "good", "good", "incomplete"),
			"2025-06-01", "EVAL-15", []string{"EVAL-15|unit_id=DU|year=2024"}},
		{"EVAL-15 no rated subordinates", subordinates(), "2025-06-01", "EVAL-15", nil},
		{"EVAL-17 two years", newB().person("P", "male", "1980-01-01").
			add("evaluations", "year", "2023", "subject_type", "person", "subject_id", "P", "category", "party_member", "rating", "incomplete").
			add("evaluations", "year", "2024", "subject_type", "person", "subject_id", "P", "category", "party_member", "rating", "incomplete"),
			"2025-06-01", "EVAL-17", []string{"EVAL-17|category=party_member|subject_id=P|subject_type=person|year=2024"}},
		{"EVAL-17 a year between", newB().person("P", "male", "1980-01-01").
			add("evaluations", "year", "2022", "subject_type", "person", "subject_id", "P", "category", "party_member", "rating", "incomplete").
			add("evaluations", "year", "2024", "subject_type", "person", "subject_id", "P", "category", "party_member", "rating", "incomplete"),
			"2025-06-01", "EVAL-17", nil},
		// Admission between 18 and 60.
		{"PM-01 a day before 18", admitted("2000-03-02", "2018-03-01"), "2020-01-01", "PM-01", []string{"PM-01|date=2018-03-01|person_id=P"}},
		{"PM-01 at 18", admitted("2000-03-01", "2018-03-01"), "2020-01-01", "PM-01", nil},
		{"PM-01 at 60", admitted("1958-03-01", "2018-03-01"), "2020-01-01", "PM-01", nil},
		{"PM-01 a day past 60", admitted("1958-03-01", "2018-03-02"), "2020-01-01", "PM-01", []string{"PM-01|date=2018-03-02|person_id=P"}},
		// A cell needs 3 official members.
		{"ORG-01 three official", cell("ooo"), "2022-01-01", "ORG-01", nil},
		{"ORG-01 two official and one probationary", cell("oop"), "2022-01-01", "ORG-01", []string{"ORG-01|unit_id=C"}},
		// Data quality.
		{"DQ-01 shared citizen id", newB().person("A", "male", "1980-01-01", "citizen_id", "001080000001").
			person("B", "male", "1981-01-01", "citizen_id", "001080000001").person("C", "male", "1982-01-01", "citizen_id", "001080000002"),
			"2025-01-01", "DQ-01", []string{"DQ-01|citizen_id=001080000001"}},
		{"DQ-02 same name and birth", newB().person("A", "male", "1980-01-01", "full_name", "Nguyễn  Văn Đức").
			person("B", "male", "1980-01-01", "full_name", "nguyen van duc").person("C", "male", "1980-01-02", "full_name", "Nguyễn Văn Đức"),
			"2025-01-01", "DQ-02", []string{"DQ-02|birth_date=1980-01-01|folded_name=nguyen van duc"}},
		// Discipline (beside checks-v1): EVAL-10 excellent in the year of a discipline, person or unit.
		{"EVAL-10 disciplined that year", rated("2024", "party_member", "excellent", "reprimand", "2024-05-01"), "2025-06-01", "EVAL-10",
			[]string{"EVAL-10|category=party_member|subject_id=P|subject_type=person|year=2024"}},
		{"EVAL-10 disciplined the year before", rated("2024", "party_member", "excellent", "reprimand", "2023-12-31"), "2025-06-01", "EVAL-10", nil},
		{"EVAL-10 disciplined the year after", rated("2024", "civil_servant", "excellent", "warning", "2025-01-01"), "2025-06-01", "EVAL-10", nil},
		{"EVAL-10 rated good", rated("2024", "party_member", "good", "reprimand", "2024-05-01"), "2025-06-01", "EVAL-10", nil},
		{"EVAL-10 the day before the decision", rated("2024", "leader", "excellent", "reprimand", "2024-12-01"), "2024-11-30", "EVAL-10", nil},
		{"EVAL-10 on the decision's day", rated("2024", "leader", "excellent", "reprimand", "2024-12-01"), "2024-12-01", "EVAL-10",
			[]string{"EVAL-10|category=leader|subject_id=P|subject_type=person|year=2024"}},
		{"EVAL-10 unit disciplined", unitRated("2024", "excellent", "2024-03-01"), "2025-06-01", "EVAL-10",
			[]string{"EVAL-10|category=party_org|subject_id=DU|subject_type=unit|year=2024"}},
		{"EVAL-10 unit rated good", unitRated("2024", "good", "2024-03-01"), "2025-06-01", "EVAL-10", nil},
		// EVAL-09: disciplined in the year forces "incomplete" (124-QĐ/TW, from the 2023 ratings).
		{"EVAL-09 complete", rated("2024", "party_member", "complete", "reprimand", "2024-05-01"), "2025-06-01", "EVAL-09",
			[]string{"EVAL-09|category=party_member|subject_id=P|subject_type=person|year=2024"}},
		{"EVAL-09 incomplete", rated("2024", "party_member", "incomplete", "reprimand", "2024-05-01"), "2025-06-01", "EVAL-09", nil},
		{"EVAL-09 another year", rated("2024", "party_member", "good", "reprimand", "2023-12-31"), "2025-06-01", "EVAL-09", nil},
		{"EVAL-09 under 132-QĐ/TW", rated("2022", "party_member", "good", "reprimand", "2022-05-01"), "2025-06-01", "EVAL-09", nil},
		{"EVAL-09 first year of 124-QĐ/TW", rated("2023", "party_member", "good", "reprimand", "2023-05-01"), "2025-06-01", "EVAL-09",
			[]string{"EVAL-09|category=party_member|subject_id=P|subject_type=person|year=2023"}},
		{"EVAL-09 civil servant rating", rated("2024", "civil_servant", "good", "reprimand", "2024-05-01"), "2025-06-01", "EVAL-09", nil},
		{"EVAL-09 party organization", unitRated("2024", "complete", "2024-03-01"), "2025-06-01", "EVAL-09",
			[]string{"EVAL-09|category=party_org|subject_id=DU|subject_type=unit|year=2024"}},
		// PLAN-07: disciplined after being planned, still in the plan.
		{"PLAN-07 disciplined on the day added", planned("reprimand", "2024-06-01"), "2025-06-01", "PLAN-07", nil},
		{"PLAN-07 disciplined the day after", planned("reprimand", "2024-06-02"), "2025-06-01", "PLAN-07",
			[]string{"PLAN-07|person_id=P|role=chair|term=2025-2030|unit_id=UB"}},
		{"PLAN-07 before the decision", planned("warning", "2025-06-02"), "2025-06-01", "PLAN-07", nil},
		{"PLAN-07 removed from the plan", planned("warning", "2024-07-01").
			add("plans", "term", "2025-2030", "unit_id", "DU", "role", "secretary", "person_id", "P", "added_on", "2024-01-01", "removed_on", "2024-08-01"),
			"2025-06-01", "PLAN-07", []string{"PLAN-07|person_id=P|role=chair|term=2025-2030|unit_id=UB"}},
		// APPT-08: 24 months after a reprimand, 36 after a warning, 60 after removal from post.
		{"APPT-08 reprimand, a day short of 24 months", waited("reprimand", "2022-03-14", "appointed"), "2023-01-01", "APPT-08",
			[]string{"APPT-08|person_id=P|role=chair|unit_id=UB|valid_from=2022-03-14"}},
		{"APPT-08 reprimand, 24 months", waited("reprimand", "2022-03-15", "appointed"), "2023-01-01", "APPT-08", nil},
		{"APPT-08 warning, 35 months", waited("warning", "2023-03-14", "elected"), "2024-01-01", "APPT-08",
			[]string{"APPT-08|person_id=P|role=chair|unit_id=UB|valid_from=2023-03-14"}},
		{"APPT-08 warning, 36 months", waited("warning", "2023-03-15", "elected"), "2024-01-01", "APPT-08", nil},
		{"APPT-08 removal, 59 months", waited("removal_from_post", "2025-03-14", "reappointed"), "2025-06-01", "APPT-08",
			[]string{"APPT-08|person_id=P|role=chair|unit_id=UB|valid_from=2025-03-14"}},
		{"APPT-08 removal, 60 months", waited("removal_from_post", "2025-03-15", "reappointed"), "2025-06-01", "APPT-08", nil},
		{"APPT-08 rotated", waited("reprimand", "2021-03-15", "rotated"), "2022-01-01", "APPT-08", nil},
		{"APPT-08 before the decision", waited("reprimand", "2020-03-14", "appointed"), "2022-01-01", "APPT-08", nil},
	}
}

// RunCases checks every case against sources built by newSource.
func RunCases(t *testing.T, newSource func(t *testing.T, tb bundle.Tables) check.Source) {
	for _, c := range Cases() {
		t.Run(c.name, func(t *testing.T) {
			src := newSource(t, c.b.t)
			fs, err := check.Run(context.Background(), src, check.Params{AsOf: tochuc.MustDate(c.date), Rules: []string{c.rule}})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, f := range fs {
				got = append(got, f.Key())
				if f.MessageVi == "" || f.MessageEn == "" || f.Basis == "" || len(f.Records) == 0 {
					t.Errorf("%s: incomplete finding %+v", c.name, f)
				}
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("%s on %s: %v, want %v", c.rule, c.date, got, c.want)
				for _, f := range fs {
					t.Log(f.MessageVi)
				}
			}
		})
	}
}
