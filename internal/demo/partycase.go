package demo

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// Party casework (issue 16, bundle-v1 amendment 1): cards, badges,
// temporary attendance, more disciplines of members, the admissions of
// 2025–2026 with their ceremony and introducers, and the dues of 2026.
// Built last from the membership events, with a random stream of its own
// (partySeed), so that nothing built before changes.

// partySeed keys the random stream of the party casework.
const partySeed = 0x0016_2026_0203_0001

// memberSpan is a member's registration in one organization, official or not.
type memberSpan struct {
	p        *person
	org      string
	from, to date // to = 0: open
	official date // the day the member became official (0: not yet)
}

// spans returns a member's registrations from the events.
func spans(p *person, evs []partyEvent) []memberSpan {
	var out []memberSpan
	var official date
	for _, e := range evs {
		if e.event == tochuc.EventRecognized {
			official = e.date
		}
	}
	for _, e := range evs {
		switch e.event {
		case tochuc.EventAdmitted, tochuc.EventTransferred, tochuc.EventTransferredIn:
			if n := len(out); n > 0 && out[n-1].to == 0 {
				out[n-1].to = e.date
			}
			out = append(out, memberSpan{p: p, org: e.unit, from: e.date, official: official})
		case tochuc.EventRemoved, tochuc.EventExpelled, tochuc.EventDied, tochuc.EventTransferredOut:
			if n := len(out); n > 0 && out[n-1].to == 0 {
				out[n-1].to = e.date
			}
		}
	}
	return out
}

// in reports whether the span holds d.
func (s memberSpan) in(d date) bool { return s.from <= d && (s.to == 0 || d < s.to) }

// officialOn reports whether the member was official in the span on d.
func (s memberSpan) officialOn(d date) bool { return s.in(d) && s.official != 0 && s.official <= d }

// partyCase adds the party casework's rows to t.
func (b *builder) partyCase(t bundle.Tables) {
	rnd := rand.New(rand.NewPCG(uint64(len(b.people)), partySeed))
	chance := func(p float64) bool { return rnd.Float64() < p }
	var all [][]memberSpan
	byOrg := map[string][]memberSpan{}
	var orgs []string
	for _, p := range b.people {
		evs := b.partyEvs[p]
		if len(evs) == 0 {
			continue
		}
		ss := spans(p, evs)
		all = append(all, ss)
		for _, s := range ss {
			if _, ok := byOrg[s.org]; !ok {
				orgs = append(orgs, s.org)
			}
			byOrg[s.org] = append(byOrg[s.org], s)
		}
	}
	last := func(ss []memberSpan) memberSpan { return ss[len(ss)-1] }
	// Removals and disciplines fall on members who never held a post (no
	// rule of the cadre work reads them).
	cadre := map[*person]bool{}
	for _, a := range b.posts {
		cadre[a.p] = true
	}
	// Removals (xóa tên) of a few members after the golden reports' last
	// date: their card is withdrawn that day.
	removed := map[*person]date{}
	for i := 0; i < len(all) && len(removed) < 4; i += 997 {
		s := last(all[i])
		on := day("2026-08-15").AddDays(21 * len(removed))
		if s.to == 0 && s.from < on && s.p.died == 0 && !cadre[s.p] {
			removed[s.p] = on
			all[i][len(all[i])-1].to = on
			t.Add("party", map[string]string{"person_id": s.p.id, "event": tochuc.EventRemoved, "date": on.String()})
		}
	}
	// Cards: most official members, issued within months of recognition;
	// withdrawn on removal or expulsion.
	seq := 0
	for _, ss := range all {
		p := ss[0].p
		rec := ss[0].official
		if rec == 0 || !chance(0.95) {
			continue
		}
		issued := rec.AddDays(30 + rnd.IntN(150))
		end := last(ss).to
		if issued > today || (end != 0 && issued >= end) {
			continue
		}
		seq++
		row := map[string]string{"person_id": p.id, "number": fmt.Sprintf("24%06d", seq), "issued_on": issued.String()}
		if on, ok := removed[p]; ok {
			row["revoked_on"] = on.String()
		} else if p.exitEvent == tochuc.EventExpelled || p.exitEvent == tochuc.EventRemoved {
			row["revoked_on"] = p.exit.String()
		}
		t.Add("party_cards", row)
	}
	// Badges: on the first occasion on or after each milestone, while a member.
	for _, ss := range all {
		p := ss[0].p
		start := ss[0].from
		for _, kind := range tochuc.BadgeKinds {
			occ := tochuc.NextBadgeOccasion(tochuc.AddYears(start, tochuc.BadgeYears(kind)))
			if occ > today || (last(ss).to != 0 && occ >= last(ss).to) || (p.died != 0 && occ >= p.died) {
				break
			}
			t.Add("awards", map[string]string{"person_id": p.id, "kind": kind, "date": occ.String(),
				"document_id": ""})
		}
	}
	// Temporary attendance: a few dozen official members attend another
	// organization for a while (some still do).
	temp := 0
	for i := 0; i < len(all) && temp < 36; i += 401 {
		s := last(all[i])
		if s.to != 0 || s.p.died != 0 {
			continue
		}
		from := today.AddDays(-20 - rnd.IntN(500))
		if from <= s.from {
			continue
		}
		var to date
		if temp%3 != 0 {
			to = from.AddDays(30 + rnd.IntN(150))
			if to > today {
				to = today
			}
		}
		host := orgs[rnd.IntN(len(orgs))]
		u := b.byID[host]
		if host == s.org || u == nil || u.start() > from || (u.end() != 0 && (to == 0 || u.end() < to)) || !isPartyOrgKind(u.at(from).kind) {
			continue
		}
		if _, gone := removed[s.p]; gone {
			continue
		}
		temp++
		t.Add("party_temporary", map[string]string{"person_id": s.p.id, "unit_id": host, "valid_from": from.String(), "valid_to": to.String()})
	}
	// Disciplines of members (reprimands and warnings of 2026, by their organization).
	disc := 0
	for i := 211; i < len(all) && disc < 5; i += 1733 {
		s := last(all[i])
		on := day("2026-03-10").AddDays(37 * disc)
		if !s.in(on) || s.p.died != 0 || cadre[s.p] {
			continue
		}
		form := "reprimand"
		if disc%2 == 1 {
			form = "warning"
		}
		disc++
		doc := fmt.Sprintf("QD-KL-2026-%02d", 10+disc)
		t.Add("documents", map[string]string{"id": doc, "number": fmt.Sprintf("%d-QĐ/KL", 100+disc), "kind": "decision",
			"issued_on": on.String(), "title": "Quyết định thi hành kỷ luật đảng viên (minh họa)"})
		t.Add("discipline", map[string]string{"subject_type": "person", "subject_id": s.p.id, "form": form, "date": on.String(),
			"authority_id": s.org, "document_id": doc, "reason": "Không thực hiện nhiệm vụ đảng viên được giao (minh họa)"})
	}
	b.newAdmissions(t, rnd, byOrg, orgs)
	paying := map[string]bool{}
	for _, org := range orgs {
		paying[org] = rnd.IntN(8) == 0
	}
	b.dues(t, rnd, all, removed, paying)
}

// isPartyOrgKind reports whether a unit kind is a party organization.
func isPartyOrgKind(kind string) bool { return tochuc.IsPartyOrg(kind) }

// newAdmissions admits new members from September 2025 to November 2026,
// each introduced by two official members of the same organization: the
// ceremony within 30 working days, some still to hold; those admitted
// more than a year ago recognized, some not yet (due or overdue).
func (b *builder) newAdmissions(t bundle.Tables, rnd *rand.Rand, byOrg map[string][]memberSpan, orgs []string) {
	first, lastDay := day("2025-09-01"), today.AddDays(-3)
	n, id := 0, len(b.people)
	for try := 0; n < 48 && try < 5000; try++ {
		org := orgs[rnd.IntN(len(orgs))]
		u := b.byID[org]
		admitted := first.AddDays(rnd.IntN(int(lastDay - first)))
		if u == nil || !u.alive(admitted) || !u.alive(today) || !isPartyOrgKind(u.at(admitted).kind) {
			continue
		}
		var intro []string
		for _, s := range byOrg[org] {
			if s.officialOn(admitted) && (s.to == 0 || s.to > today) && s.p.died == 0 {
				intro = append(intro, s.p.id)
				if len(intro) == 2 {
					break
				}
			}
		}
		if len(intro) < 2 {
			continue
		}
		n++
		id++
		gender := "male"
		if rnd.IntN(2) == 0 {
			gender = "female"
		}
		p := &person{id: fmt.Sprintf("P%06d", id), gender: gender, ethnicity: "Kinh"}
		sur, mid, given := surnames["Kinh"], middleMale, givenMale
		if gender == "female" {
			mid, given = middleFemale, givenFemale
		}
		p.name = sur[rnd.IntN(len(sur))] + " " + mid[rnd.IntN(len(mid))] + " " + given[rnd.IntN(len(given))]
		p.birth = tochuc.AddYears(admitted, -(19 + rnd.IntN(15))).AddDays(-rnd.IntN(365))
		t.Add("people", map[string]string{"id": p.id, "full_name": p.name, "gender": p.gender, "birth_date": p.birth.String(),
			"ethnicity": p.ethnicity})
		ev := map[string]string{"person_id": p.id, "event": tochuc.EventAdmitted, "date": admitted.String(), "unit_id": org,
			"introducer_ids": strings.Join(intro, ";")}
		due := tochuc.CeremonyDue(admitted)
		switch {
		case due > today && n%2 == 0: // still to hold
		case due <= today && n%11 == 0: // overdue: not held
		default:
			cer := admitted.AddDays(5 + rnd.IntN(25))
			if cer > due {
				cer = due
			}
			if cer <= today {
				ev["ceremony_on"] = cer.String()
			}
		}
		t.Add("party", ev)
		if rec := tochuc.AddYears(admitted, 1); rec <= today && n%3 != 0 {
			t.Add("party", map[string]string{"person_id": p.id, "event": tochuc.EventRecognized, "date": rec.String()})
		}
	}
}

// dues adds the payments of 2026 (PM-14, party_dues.csv) of the members
// registered today in the paying organizations (about one in eight: the
// dues of every member would be most of the bundle): members pay each
// month they are members at its end, within the month; a few stop paying
// in spring (behind by more than 3 months today); members with 50 years of
// party age pay nothing (exempt).
func (b *builder) dues(t bundle.Tables, rnd *rand.Rand, all [][]memberSpan, removed map[*person]date, paying map[string]bool) {
	lastMonth := int(today.Time().Month()) - 1 // months of 2026 ended before today
	for _, ss := range all {
		p := ss[0].p
		start := ss[0].from
		if !paying[ss[len(ss)-1].org] {
			continue
		}
		amount := 20000 + 1000*rnd.IntN(100)
		if p.age(today) >= 60 {
			amount = 15000 + 1000*rnd.IntN(30) // 0,5 % of a pension
		}
		stop := 13
		if rnd.IntN(40) == 0 {
			stop = 3 + rnd.IntN(5) // stops after March–July
		}
		for m := 1; m <= lastMonth && m < stop; m++ {
			end := tochuc.NewDate(2026, time.Month(m)+1, 1).AddDays(-1)
			var org string
			for _, s := range ss {
				if s.in(end) {
					org = s.org
				}
			}
			if org == "" || (p.died != 0 && p.died <= end) || tochuc.AddYears(start, 50) <= end {
				continue
			}
			if on, ok := removed[p]; ok && on <= end {
				continue
			}
			paid := tochuc.NewDate(2026, time.Month(m), 5+rnd.IntN(20))
			if paid < start {
				paid = end
			}
			t.Add("party_dues", map[string]string{"person_id": p.id, "month": fmt.Sprintf("2026-%02d", m),
				"amount": strconv.Itoa(amount), "paid_on": paid.String(), "unit_id": org})
		}
	}
}
