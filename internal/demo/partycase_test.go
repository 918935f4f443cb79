package demo

import (
	"strings"
	"testing"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// TestPartyCasework checks the demo's party casework on its tables, in
// plain Go (seed 1): cards unique, some withdrawn; badges on an occasion on
// or after their milestone, while a member; temporary attendance within
// membership, some open; admissions of 2025–2026 introduced by official
// members of the organization, some ceremonies still to hold or overdue,
// some probations due; dues of 2026 with some members behind and the
// exempt paying none.
func TestPartyCasework(t *testing.T) {
	t.Parallel()
	tables, _ := seed1(t)
	evs := map[string][]tochuc.MembershipEvent{}
	for _, r := range rows(tables, "party") {
		evs[r["person_id"]] = append(evs[r["person_id"]], tochuc.MembershipEvent{Event: r["event"], Date: date0(r["date"]), UnitID: r["unit_id"]})
	}
	died := map[string]tochuc.Date{}
	for _, r := range rows(tables, "people") {
		died[r["id"]] = date0(r["died_on"])
	}
	member := func(id string, d tochuc.Date) tochuc.Membership { return tochuc.MembershipAt(evs[id], d, died[id]) }

	numbers, revoked := map[string]bool{}, 0
	for _, r := range rows(tables, "party_cards") {
		if numbers[r["number"]] {
			t.Errorf("card number %s twice", r["number"])
		}
		numbers[r["number"]] = true
		if r["revoked_on"] != "" {
			revoked++
		} else if !member(r["person_id"], date0(r["issued_on"])).Member {
			t.Errorf("card %v issued to a non-member", r)
		}
	}
	if len(numbers) < 30000 || revoked < 3 {
		t.Errorf("%d cards, %d withdrawn", len(numbers), revoked)
	}

	badges := 0
	for _, r := range rows(tables, "awards") {
		d := date0(r["date"])
		years, ok := tochuc.PartyAge(evs[r["person_id"]], d)
		if !ok || years < tochuc.BadgeYears(r["kind"]) || tochuc.NextBadgeOccasion(d) != d || d > Today || !member(r["person_id"], d).Member {
			t.Errorf("badge %v: party age %d on its date", r, years)
		}
		badges++
	}
	if badges < 1000 {
		t.Errorf("%d badges", badges)
	}

	open := 0
	for _, r := range rows(tables, "party_temporary") {
		from, to := date0(r["valid_from"]), date0(r["valid_to"])
		if to == 0 {
			open++
			to = Today
		}
		if !tochuc.MemberThrough(evs[r["person_id"]], died[r["person_id"]], tochuc.Period{From: from, To: to}) {
			t.Errorf("temporary attendance %v outside membership", r)
		}
	}
	if n := len(rows(tables, "party_temporary")); n < 24 || open == 0 || open == n {
		t.Errorf("%d temporary attendances, %d open", n, open)
	}

	var pending, overdue, probationDue, admitted int
	for _, r := range rows(tables, "party") {
		a := date0(r["date"])
		if r["event"] != tochuc.EventAdmitted || a < tochuc.MustDate("2025-09-01") {
			continue
		}
		admitted++
		ids := strings.Split(r["introducer_ids"], ";")
		for _, id := range ids {
			if m := member(id, a); !m.Member || m.Probationary {
				t.Errorf("introducer %s of %v not an official member then", id, r)
			}
			if o := firstOrg(evs[id], a); o != r["unit_id"] {
				t.Errorf("introducer %s of %v is in %s", id, r, o)
			}
		}
		switch c := date0(r["ceremony_on"]); {
		case c == 0 && tochuc.CeremonyDue(a) >= Today:
			pending++
		case c == 0:
			overdue++
		case c < a || c > tochuc.CeremonyDue(a):
			t.Errorf("ceremony of %v not within 30 working days", r)
		}
		if tochuc.RecognitionDue(a) <= Today && member(r["person_id"], Today).Probationary {
			probationDue++
		}
	}
	if admitted < 30 || pending == 0 || overdue == 0 || probationDue == 0 {
		t.Errorf("admissions from 09/2025: %d, ceremony pending %d, overdue %d, probation due %d", admitted, pending, overdue, probationDue)
	}

	last := map[string]string{}
	for _, r := range rows(tables, "party_dues") {
		id := r["person_id"]
		if years, _ := tochuc.PartyAge(evs[id], date0(r["paid_on"])); years >= 50 {
			t.Errorf("dues %v of an exempt member", r)
		}
		last[id] = max(last[id], r["month"])
	}
	behind := 0
	for _, m := range last {
		if m < "2026-07" {
			behind++
		}
	}
	if len(last) < 2000 || behind < 20 {
		t.Errorf("%d members paying in 2026, %d behind", len(last), behind)
	}
}

// firstOrg returns the organization a member is registered in on d.
func firstOrg(evs []tochuc.MembershipEvent, d tochuc.Date) string {
	org := ""
	for _, e := range evs {
		if e.Date <= d && e.UnitID != "" {
			org = e.UnitID
		}
	}
	return org
}
