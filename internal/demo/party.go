package demo

import "github.com/tochuc/tochuc/internal/tochuc"

// partyEvent is one party.csv row.
type partyEvent struct {
	event string
	date  date
	unit  string
}

// partyEvents turns what was decided about a member into membership events:
// admission (into the Hà Bắc provincial organization before Bắc Giang was
// re-established on 1997-01-01), recognition a year later, a transfer at
// each change of registration, a transfer to the successor whenever the
// member's organization ends (merged or dissolved), and the exit.
func (b *builder) partyEvents(p *person) []partyEvent {
	if p.admitted == 0 {
		return nil
	}
	var evs []partyEvent
	regs := p.regs
	if p.admitted < founded {
		evs = append(evs, partyEvent{tochuc.EventAdmitted, p.admitted, haBacParty})
		regs = append([]reg{{founded, p.admitOrg}}, regs...)
	} else {
		evs = append(evs, partyEvent{tochuc.EventAdmitted, p.admitted, p.admitOrg})
	}
	limit := today + 1
	if p.exit != 0 {
		limit = p.exit
	}
	var keep []reg
	for _, r := range sortRegs(regs) {
		if r.date > p.admitted && r.date < limit {
			keep = append(keep, r)
		}
	}
	cur, t := evs[0].unit, p.admitted
	for i := 0; ; {
		next := limit
		if i < len(keep) {
			next = keep[i].date
		}
		for {
			s, ok := b.memberSucc[cur]
			if !ok || s.date <= t || s.date > next || (s.date == next && i < len(keep)) {
				break
			}
			evs = append(evs, partyEvent{tochuc.EventTransferred, s.date, s.to})
			cur, t = s.to, s.date
		}
		if i == len(keep) {
			break
		}
		if r := keep[i]; r.org != cur {
			evs = append(evs, partyEvent{tochuc.EventTransferred, r.date, r.org})
			cur = r.org
		}
		t = keep[i].date
		i++
	}
	if rec := p.admitted.AddDays(365); rec < limit && rec <= today {
		at := len(evs)
		for j, e := range evs {
			if e.date > rec {
				at = j
				break
			}
		}
		evs = append(evs[:at], append([]partyEvent{{tochuc.EventRecognized, rec, ""}}, evs[at:]...)...)
	}
	if p.exit != 0 {
		evs = append(evs, partyEvent{p.exitEvent, p.exit, ""})
	}
	for _, e := range evs {
		if e.unit != "" && !b.unit(e.unit).alive(e.date) {
			b.fail("person %s: %s on %s into %s, which does not exist then", p.id, e.event, e.date, e.unit)
		}
	}
	return evs
}
