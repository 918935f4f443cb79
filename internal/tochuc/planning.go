package tochuc

import (
	"slices"
	"strings"
)

// Cadre planning (quy hoạch cán bộ): terms of office as data, the level of a
// unit's term, the structure of a plan against PLAN-06 and the position
// standards of 365-QĐ/TW (APPT-12) with a nominee's fit to them.

// TermRow is a row of terms.csv: a term of office at one level.
type TermRow struct {
	Term       string `json:"term"`
	Level      string `json:"level"`
	StartsOn   Date   `json:"starts_on"`
	EndsOn     Date   `json:"ends_on"`
	DocumentID string `json:"document_id,omitempty"`
}

// termFirstYear returns year A of a term "A-B".
func termFirstYear(term string) (int, bool) {
	if len(term) != 9 || term[4] != '-' {
		return 0, false
	}
	y := 0
	for _, c := range []byte(term[:4]) {
		if c < '0' || c > '9' {
			return 0, false
		}
		y = y*10 + int(c-'0')
	}
	return y, y >= 1900
}

// TermLevelOf returns the level of the congress whose term a unit's posts
// follow (terms.level), from the unit's kind and the kind of its locality
// (the unit itself when it is a locality; "" when it has none) on d:
//   - a province, or a unit of a province (its party committee, council,
//     people's committee, boards): province;
//   - a district, or a unit of one, before 01/07/2025: district (after the
//     reform no district is left; such a unit counts as of its province);
//   - a commune, or a unit of one (the commune's party committee): commune;
//   - a grassroots party organization not of a locality, a party cell, a
//     party group, a village, or any unit below a commune: grassroots.
//
// "" when nothing tells (a unit of no locality and of no party kind).
func TermLevelOf(kind, localityKind string, d Date) string {
	switch kind {
	case "party_grassroots_cell", "party_sub_committee", "party_cell", "party_group", "village":
		return "grassroots"
	case "party_grassroots_committee":
		if localityKind != "commune" {
			return "grassroots"
		}
	}
	switch localityKind {
	case "province":
		return "province"
	case "district":
		if d < Reform2025 {
			return "district"
		}
		return "province"
	case "commune":
		return "commune"
	case "village":
		return "grassroots"
	}
	switch kind {
	case "party_provincial":
		return "province"
	case "party_upper":
		if d < Reform2025 {
			return "district"
		}
		return "commune"
	}
	return ""
}

// TermStart returns the first day of a term at a level: the starts_on of
// the terms row of that term and level when the registry holds one;
// otherwise 1 January of year A of "A-B" (checks-v1). fromData tells which.
func TermStart(term, level string, rows []TermRow) (start Date, fromData bool) {
	for _, r := range rows {
		if r.Term == term && r.Level == level && r.StartsOn != 0 {
			return r.StartsOn, true
		}
	}
	if y, ok := termFirstYear(term); ok {
		return NewDate(y, 1, 1), false
	}
	return 0, false
}

// Removal reasons of a nominee (plans.removal_reason): PLAN-07 (past the
// planning age, discipline), PLAN-08 (the yearly review), appointed to the
// planned post, or another reason written out.
var RemovalReasons = []Term{
	{"age", "Quá tuổi quy hoạch"},
	{"discipline", "Bị kỷ luật (PLAN-07)"},
	{"yearly_review", "Rà soát hằng năm (PLAN-08)"},
	{"appointed", "Đã được bổ nhiệm vào chức danh"},
	{"other", "Lý do khác"},
}

// RemovalReasonText is the text stored in plans.removal_reason for a reason
// code (the Vietnamese label; for "other", the text written, after the label).
func RemovalReasonText(code, other string) (string, bool) {
	other = strings.TrimSpace(other)
	for _, r := range RemovalReasons {
		if r.Code != code {
			continue
		}
		if code == "other" {
			if other == "" {
				return "", false
			}
			return other, true
		}
		if other != "" {
			return r.Label + ": " + other, true
		}
		return r.Label, true
	}
	return "", false
}

// Nominee is what the structure of a plan counts of a person in it.
type Nominee struct {
	Gender    string
	Ethnicity string
	Birth     Date
}

// StructureShare is one share of a plan's structure against its PLAN-06
// target: Count of Total nominees; Target is the least share aimed at (0:
// no number, shown only); Short marks a target not reached.
type StructureShare struct {
	Key    string  `json:"key"`
	Label  string  `json:"label"`
	Count  int     `json:"count"`
	Total  int     `json:"total"`
	Target float64 `json:"target,omitempty"`
	Short  bool    `json:"short"`
}

// Share is Count / Total (0 for an empty plan).
func (s StructureShare) Share() float64 {
	if s.Total == 0 {
		return 0
	}
	return float64(s.Count) / float64(s.Total)
}

// PLAN-06 targets (50-QĐ/TW; kept by 377-QĐ/TW as far as read).
const (
	YoungTarget = 0.15
	WomenTarget = 0.25
)

// YoungAge is the age under which a nominee counts as young (PLAN-06):
// 45 for the central level, 40 for every other.
func YoungAge(level string) int {
	if level == "central" {
		return 45
	}
	return 40
}

// StructureCount counts the nominees of a plan by the PLAN-06 structure in
// constant memory: Add each distinct person once, then Shares.
type StructureCount struct {
	Level               string
	Start               Date // ages are taken on it
	total, young, women int
	minority            int
	tiers               [3]int
}

// Add counts one person.
func (c *StructureCount) Add(n Nominee) {
	c.total++
	if n.Gender == "female" {
		c.women++
	}
	if e := strings.TrimSpace(n.Ethnicity); e != "" && !strings.EqualFold(e, "kinh") {
		c.minority++
	}
	if n.Birth == 0 {
		return
	}
	age := AgeOn(n.Birth, c.Start)
	if age < YoungAge(c.Level) {
		c.young++
	}
	switch {
	case age < 40:
		c.tiers[0]++
	case age <= 50:
		c.tiers[1]++
	default:
		c.tiers[2]++
	}
}

// Shares returns the structure against the PLAN-06 targets:
//   - young (under YoungAge(level)) at least 15 %;
//   - women at least 25 %;
//   - ethnic minority (an ethnicity given and not "Kinh"), no number: the
//     share "suited to the area" is the board's to judge;
//   - three age tiers (under 40, 40 to 50, over 50): the aim is all three
//     present; a tier with nobody is short.
//
// An empty plan has every target short.
func (c *StructureCount) Shares() []StructureShare {
	share := func(key, label string, count int, target float64) StructureShare {
		s := StructureShare{Key: key, Label: label, Count: count, Total: c.total, Target: target}
		s.Short = target > 0 && (c.total == 0 || s.Share() < target)
		return s
	}
	youngLabel := "Cán bộ trẻ (dưới 40 tuổi)"
	if c.Level == "central" {
		youngLabel = "Cán bộ trẻ (dưới 45 tuổi)"
	}
	out := []StructureShare{
		share("young", youngLabel, c.young, YoungTarget),
		share("women", "Cán bộ nữ", c.women, WomenTarget),
		share("minority", "Cán bộ người dân tộc thiểu số", c.minority, 0),
	}
	for i, l := range []string{"Dưới 40 tuổi", "Từ 40 đến 50 tuổi", "Trên 50 tuổi"} {
		s := share("tier"+string(rune('1'+i)), l, c.tiers[i], 0)
		s.Short = c.tiers[i] == 0
		out = append(out, s)
	}
	return out
}

// PlanStructure counts distinct nominees (each once) by the PLAN-06
// structure, their ages taken at the term's start (see StructureCount).
func PlanStructure(level string, start Date, ns []Nominee) []StructureShare {
	c := StructureCount{Level: level, Start: start}
	for _, n := range ns {
		c.Add(n)
	}
	return c.Shares()
}

// PositionStandard is what 365-QĐ/TW (APPT-12), as the board makes it
// concrete for a post, asks of a person appointed to it: the least
// education and political theory (qualification levels), the least months
// of work left at a first appointment (APPT-03: one full term; APPT-10 for
// the congresses), the least years in the party, the least months in the
// post held below (APPT-04). A zero asks nothing.
type PositionStandard struct {
	Roles         []string
	Levels        []string // term levels it applies to; nil: all
	From          Date     // in force from
	MinEducation  string
	MinTheory     string
	MinMonthsLeft int
	MinPartyYears int
	MinMonthsPost int
	Basis         string
}

// Standard365 is the date 365-QĐ/TW took effect.
var Standard365 = NewDate(2025, 8, 30)

// PositionStandards is the table of position standards, in force from their
// date (the latest row in force on a date that names the role and level
// wins). The numbers are the board's concrete reading of 365-QĐ/TW's six
// groups for the measurable parts (qualifications, age, experience); a
// board changes them here.
var PositionStandards = []PositionStandard{
	{Roles: []string{"secretary", "deputy_secretary", "standing_deputy_secretary", "chair"}, Levels: []string{"central", "province"},
		From: Standard365, MinEducation: "university", MinTheory: "advanced", MinMonthsLeft: 60, MinPartyYears: 10, MinMonthsPost: 24, Basis: "365-QĐ/TW"},
	{Roles: []string{"standing_member", "vice_chair", "head", "director"}, Levels: []string{"central", "province"},
		From: Standard365, MinEducation: "university", MinTheory: "advanced", MinMonthsLeft: 60, MinPartyYears: 5, MinMonthsPost: 24, Basis: "365-QĐ/TW"},
	{Roles: []string{"secretary", "deputy_secretary", "standing_deputy_secretary", "chair"}, Levels: []string{"district", "commune"},
		From: Standard365, MinEducation: "university", MinTheory: "intermediate", MinMonthsLeft: 60, MinPartyYears: 5, MinMonthsPost: 24, Basis: "365-QĐ/TW"},
	{Roles: []string{"standing_member", "vice_chair", "head", "director", "deputy_head", "deputy_director", "committee_member"},
		From: Standard365, MinEducation: "university", MinTheory: "intermediate", MinMonthsLeft: 60, MinPartyYears: 3, MinMonthsPost: 24, Basis: "365-QĐ/TW"},
	{Roles: []string{"secretary", "deputy_secretary", "standing_deputy_secretary", "chair"}, Levels: []string{"grassroots"},
		From: Standard365, MinEducation: "college", MinTheory: "intermediate", MinMonthsLeft: 60, MinPartyYears: 3, MinMonthsPost: 12, Basis: "365-QĐ/TW"},
}

// StandardFor returns the position standard of a role at a level in force on d.
func StandardFor(role, level string, d Date) (PositionStandard, bool) {
	var best PositionStandard
	found := false
	for _, s := range PositionStandards {
		if s.From > d || !slices.Contains(s.Roles, role) || (s.Levels != nil && !slices.Contains(s.Levels, level)) {
			continue
		}
		if !found || s.From > best.From {
			best, found = s, true
		}
	}
	return best, found
}

// NomineeFacts is what the fit to a standard reads of a person, at a date.
type NomineeFacts struct {
	Education  string // highest level held
	Theory     string
	Retirement Date // 0: unknown
	AdmittedOn Date // 0: not a party member
	PostSince  Date // start of the post held now (the longest), 0: none
}

// StandardCheck is one standard, met or not, with the person's value.
type StandardCheck struct {
	Key   string `json:"key"`
	Label string `json:"label"`
	Want  string `json:"want"`
	Have  string `json:"have"`
	Met   bool   `json:"met"`
}

// Fit checks a person's facts on date at (the term's start) against a
// standard: one check per standard the table asks.
func (s PositionStandard) Fit(f NomineeFacts, at Date) []StandardCheck {
	var out []StandardCheck
	level := func(key, label, kind, want, have string) {
		if want == "" {
			return
		}
		w, _ := LevelRank(kind, want)
		h, ok := LevelRank(kind, have)
		c := StandardCheck{Key: key, Label: label, Want: "từ " + Label(kind, want), Have: "chưa có", Met: ok && h >= w}
		if have != "" {
			c.Have = Label(kind, have)
		}
		out = append(out, c)
	}
	level("education", "Trình độ chuyên môn", QualEducation, s.MinEducation, f.Education)
	level("theory", "Lý luận chính trị", QualPoliticalTheory, s.MinTheory, f.Theory)
	if s.MinMonthsLeft > 0 {
		c := StandardCheck{Key: "age", Label: "Tuổi bổ nhiệm lần đầu (thời gian công tác còn lại)",
			Want: "còn ít nhất " + FormatInt(s.MinMonthsLeft) + " tháng", Have: "chưa rõ ngày sinh, giới tính"}
		if f.Retirement != 0 {
			left := MonthsLeft(at, f.Retirement)
			c.Have, c.Met = "còn "+FormatInt(left)+" tháng", left >= s.MinMonthsLeft
		}
		out = append(out, c)
	}
	if s.MinPartyYears > 0 {
		c := StandardCheck{Key: "party", Label: "Tuổi đảng", Want: "từ " + FormatInt(s.MinPartyYears) + " năm", Have: "chưa là đảng viên"}
		if f.AdmittedOn != 0 && f.AdmittedOn <= at {
			y := AgeOn(f.AdmittedOn, at)
			c.Have, c.Met = FormatInt(y)+" năm", y >= s.MinPartyYears
		}
		out = append(out, c)
	}
	if s.MinMonthsPost > 0 {
		c := StandardCheck{Key: "post", Label: "Thời gian giữ chức vụ hiện tại", Want: "từ " + FormatInt(s.MinMonthsPost) + " tháng", Have: "chưa giữ chức vụ"}
		if f.PostSince != 0 && f.PostSince <= at {
			m := MonthsBetween(f.PostSince, at)
			c.Have, c.Met = FormatInt(m)+" tháng", m >= s.MinMonthsPost
		}
		out = append(out, c)
	}
	return out
}
