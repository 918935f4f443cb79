package demo

import (
	"strconv"
	"strings"

	"github.com/tochuc/tochuc/internal/bundle"
)

// tables writes everything built into bundle tables, in a fixed order. It
// adds the rename rows of the units named after their locality, so it is
// called once.
func (b *builder) tables() bundle.Tables {
	t := bundle.Tables{}
	for _, u := range b.units {
		for _, v := range b.renderVersions(u) {
			t.Add("units", map[string]string{"id": u.id, "name": v.name, "kind": v.kind, "parent_id": v.parent,
				"locality_id": v.locality, "host_id": v.host, "subtype": v.subtype, "sector": v.sector,
				"ownership": v.ownership, "admin_code": v.adminCode, "valid_from": v.from.String(), "valid_to": v.to.String()})
		}
	}
	for _, p := range b.people {
		t.Add("people", map[string]string{"id": p.id, "full_name": p.name, "gender": p.gender,
			"birth_date": p.birth.String(), "ethnicity": p.ethnicity, "religion": p.religion, "died_on": p.died.String(),
			"citizen_id": p.citizenID})
	}
	for _, d := range b.docs {
		t.Add("documents", map[string]string{"id": d.id, "number": d.number, "kind": d.kind, "issuer_id": d.issuer,
			"issued_on": d.issued.String(), "title": d.title, "replaces_id": d.replaces,
			"effective_on": d.effective.String(), "expires_on": d.expires.String()})
	}
	b.documentRecords(t)
	for _, p := range b.people {
		for _, q := range b.quals(p) {
			t.Add("qualifications", map[string]string{"person_id": p.id, "kind": q.kind, "level": q.level,
				"obtained_on": q.on.String()})
		}
	}
	b.partyEvs = map[*person][]partyEvent{}
	for _, p := range b.people {
		evs := b.partyEvents(p)
		if len(evs) > 0 {
			b.partyEvs[p] = evs
		}
		for _, e := range evs {
			t.Add("party", map[string]string{"person_id": p.id, "event": e.event, "date": e.date.String(), "unit_id": e.unit})
		}
	}
	seen := map[string]bool{}
	next := map[*person][]*post{}
	for _, a := range b.posts {
		next[a.p] = append(next[a.p], a)
	}
	for _, a := range b.posts {
		from, to, ok := b.clamp(a)
		if !ok {
			continue
		}
		key := a.p.id + "|" + a.u.id + "|" + a.role + "|" + from.String()
		if seen[key] {
			b.fail("post %s held twice", key)
		}
		seen[key] = true
		reason := ""
		if to != 0 {
			reason = b.endReason(a, to, next)
		}
		t.Add("assignments", map[string]string{"person_id": a.p.id, "unit_id": a.u.id, "role": a.role,
			"valid_from": from.String(), "valid_to": to.String(), "how": a.how, "document_id": a.doc, "end_reason": reason})
	}
	for _, u := range b.units {
		for _, h := range u.hc {
			if h.date < u.start() || (u.end() != 0 && h.date >= u.end()) {
				continue
			}
			t.Add("headcount", map[string]string{"unit_id": u.id, "date": h.date.String(),
				"actual": strconv.Itoa(h.actual), "quota": strconv.Itoa(h.quota)})
		}
	}
	for _, r := range b.restr {
		t.Add("restructure", map[string]string{"event_id": r.event, "date": r.date.String(), "kind": r.kind,
			"from_unit_id": r.from, "to_unit_id": r.to, "document_id": r.doc})
	}
	for _, e := range b.evals {
		t.Add("evaluations", map[string]string{"year": strconv.Itoa(e.year), "subject_type": e.subjectType,
			"subject_id": e.subject, "category": e.category, "rating": e.rating, "rated_by_id": e.ratedBy,
			"decided_on": e.decided.String(), "period": e.period, "score": scoreText(e.score), "status": e.status})
	}
	for _, r := range b.termRows {
		t.Add("terms", map[string]string{"term": r.term, "level": r.level, "starts_on": r.starts.String(),
			"ends_on": r.ends.String(), "document_id": r.documentID})
	}
	for _, d := range b.discs {
		t.Add("discipline", map[string]string{"subject_type": d.subjectType, "subject_id": d.subject, "form": d.form,
			"date": d.date.String(), "authority_id": d.authority, "document_id": d.doc, "reason": d.reason})
	}
	seenPlan := map[string]bool{}
	for _, p := range b.plans {
		key := p.term + "|" + p.unit + "|" + p.role + "|" + p.person.id
		if seenPlan[key] {
			continue
		}
		seenPlan[key] = true
		t.Add("plans", map[string]string{"term": p.term, "unit_id": p.unit, "role": p.role, "person_id": p.person.id,
			"added_on": p.added.String(), "removed_on": p.removed.String(), "removal_reason": p.reason,
			"document_id": p.doc})
	}
	b.partyCase(t)
	return t
}

// clamp returns the period of a post within its unit's existence and the
// holder's life: posts of a unit that ends, end with it.
func (b *builder) clamp(a *post) (from, to date, ok bool) {
	from, to = a.from, a.to
	if e := a.u.end(); e != 0 && (to == 0 || to > e) {
		to = e
	}
	if a.p.died != 0 && (to == 0 || to > a.p.died) {
		to = a.p.died
	}
	if to != 0 && to > today {
		to = 0
	}
	if from < a.u.start() || (to != 0 && to <= from) || from > today {
		return 0, 0, false
	}
	return from, to, true
}

// renderVersions returns the versions of a unit with their names: a unit
// named after its locality ("Đảng bộ xã Tân An") gets a new version, and a
// rename row, whenever the locality's name changes.
func (b *builder) renderVersions(u *unit) []version {
	if u.tmpl == "" {
		return u.vs
	}
	var out []version
	for _, v := range u.vs {
		loc := b.byID[v.locality]
		cuts := []date{v.from}
		for _, lv := range loc.vs[1:] {
			if lv.from > v.from && (v.to == 0 || lv.from < v.to) {
				cuts = append(cuts, lv.from)
			}
		}
		for i, from := range cuts {
			piece := v
			piece.from = from
			if i+1 < len(cuts) {
				piece.to = cuts[i+1]
			}
			piece.name = render(u.tmpl, loc.at(from))
			n := len(out)
			if n > 0 && i > 0 && out[n-1].name == piece.name {
				out[n-1].to = piece.to
				continue
			}
			if n > 0 && out[n-1].name != piece.name {
				if ev, ok := b.renameEvents[loc.id+"@"+from.String()]; ok {
					b.link(ev[0], from, "rename", u.id, u.id, ev[1])
				}
			}
			out = append(out, piece)
		}
	}
	return out
}

// render fills a name template with the forms of a locality's name.
func render(tmpl string, loc *version) string {
	lo, cw := placeForms(loc)
	return strings.NewReplacer("{lo}", lo, "{cw}", cw).Replace(tmpl)
}
