// Package indicatortest computes indicators from the spec's words over plain
// rows, without SQL or member periods: a second implementation the tests
// compare the catalog with.
package indicatortest

import (
	"slices"
	"strings"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// Member is a person and what amendment 2 reads of them.
type Member struct {
	ID, Gender, Ethnicity, Religion string
	Birth, Died                     tochuc.Date
	Events                          []tochuc.MembershipEvent // sorted by date, same-date in row order
	Quals                           []Qual
}

// Qual is a qualification: kind, level and the day obtained (0: unknown).
type Qual struct {
	Kind, Level string
	On          tochuc.Date
}

var (
	educationLevels = []string{"primary_vocational", "intermediate", "college", "university", "master", "doctor"}
	theoryLevels    = []string{"elementary", "intermediate", "advanced", "bachelor"}
)

// highest returns the highest level of a kind held on d ("" for none).
func (m *Member) highest(kind string, order []string, d tochuc.Date) string {
	best := -1
	for _, q := range m.Quals {
		if q.Kind != kind || q.On != 0 && q.On > d {
			continue
		}
		if i := slices.Index(order, q.Level); i > best {
			best = i
		}
	}
	if best < 0 {
		return ""
	}
	return order[best]
}

// orgOn returns whether the person is a member on d, and their organization.
func (m *Member) orgOn(d tochuc.Date) (bool, string) {
	st := tochuc.MembershipAt(m.Events, d, m.Died)
	return st.Member, st.UnitID
}

// MemberStats computes the figures of indicators-v1 amendment 2 on d —
// stocks on d, flows in (s, d] (every event up to d when s is 0) — in the
// scope inside tells: id → part → count ("" for a figure without parts).
func MemberStats(people []*Member, inside func(unit string, d tochuc.Date) bool, d, s tochuc.Date) map[string]map[string]int {
	out := map[string]map[string]int{}
	add := func(id, part string) {
		if out[id] == nil {
			out[id] = map[string]int{}
		}
		out[id][part]++
	}
	for _, p := range people {
		if member, org := p.orgOn(d); member && inside(org, d) {
			add("party.members", "")
			add("party.members.gender", or(p.Gender, "unknown"))
			add("party.members.age", ageBand(p.Birth, d))
			eth := "unknown"
			if strings.ToLower(tochuc.FoldLabel(p.Ethnicity)) == "kinh" {
				eth = "kinh"
			} else if strings.TrimSpace(p.Ethnicity) != "" {
				eth = "minority"
			}
			add("party.members.ethnicity", eth)
			if strings.TrimSpace(p.Religion) != "" {
				add("party.members.religious", "")
			}
			add("party.members.education", or(p.highest("education", educationLevels, d), "none"))
			th := or(p.highest("political_theory", theoryLevels, d), "none")
			if th == "bachelor" {
				th = "advanced"
			}
			add("party.members.theory", th)
		}
		hasDied := false
		for _, e := range p.Events {
			hasDied = hasDied || e.Event == tochuc.EventDied && e.Date <= p.Died
			if e.Date > d || s != 0 && e.Date <= s {
				continue
			}
			before := e.Date.AddDays(-1)
			wasMember, prev := p.orgOn(before)
			prevIn := wasMember && inside(prev, before)
			switch e.Event {
			case tochuc.EventAdmitted:
				if inside(e.UnitID, e.Date) {
					add("party.admitted", "")
				}
			case tochuc.EventRecognized:
				if prevIn {
					add("party.recognized", "")
				}
			case tochuc.EventTransferredIn:
				if inside(e.UnitID, e.Date) {
					add("party.transferred_in", "")
				}
			case tochuc.EventTransferred:
				now := inside(e.UnitID, e.Date)
				if now && !prevIn && wasMember {
					add("party.transferred_in", "")
				}
				if prevIn && !now {
					add("party.losses", "transferred_out")
				}
			case tochuc.EventRemoved, tochuc.EventExpelled, tochuc.EventDied, tochuc.EventTransferredOut:
				if prevIn {
					add("party.losses", e.Event)
				}
			}
		}
		if p.Died != 0 && !hasDied && p.Died <= d && (s == 0 || p.Died > s) {
			before := p.Died.AddDays(-1)
			if member, org := p.orgOn(before); member && inside(org, before) {
				add("party.losses", "died")
			}
		}
	}
	return out
}

func or(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// ageBand is a member's age band of amendment 2 on d.
func ageBand(birth, d tochuc.Date) string {
	if birth == 0 {
		return "unknown"
	}
	switch a := tochuc.AgeOn(birth, d); {
	case a <= 30:
		return "to_30"
	case a <= 40:
		return "31_40"
	case a <= 50:
		return "41_50"
	case a <= 60:
		return "51_60"
	case a <= 70:
		return "61_70"
	default:
		return "over_70"
	}
}
