package demo

import "github.com/tochuc/tochuc/internal/tochuc"

// evaluationsAndPlans adds the yearly evaluation of party organizations and
// of the leaders of communes and districts (2016–2025), and the cadre plans
// for the 2020–2025 term (drawn up in 2017, reviewed and supplemented in
// October 2018 after Plan 53-KH/TU) and for the 2025–2030 term.
func (b *builder) evaluationsAndPlans() {
	for y := 2016; y <= 2025; y++ {
		yearEnd := dateOf(y, 12, 31)
		decided := dateOf(y, 12, 20)
		for _, u := range b.units {
			v := u.at(yearEnd)
			if v == nil || v.kind == "party_provincial" || !tochuc.IsPartyOrg(v.kind) || v.parent == "" {
				continue
			}
			b.evals = append(b.evals, evaluation{year: y, subjectType: "unit", subject: u.id, category: "party_org",
				rating: b.rating(), ratedBy: v.parent, decided: decided})
		}
		upper := map[string]string{} // locality → its party committee, on yearEnd
		for _, u := range b.units {
			if w := u.at(yearEnd); w != nil && (w.kind == "party_upper" || w.kind == "party_provincial") && w.locality != "" {
				if _, ok := upper[w.locality]; !ok {
					upper[w.locality] = u.id
				}
			}
		}
		seen := map[*person]bool{}
		for _, a := range b.posts {
			if a.from > yearEnd || (a.to != 0 && a.to <= yearEnd) || seen[a.p] || !a.u.alive(yearEnd) {
				continue
			}
			if a.role != "secretary" && a.role != "chair" && a.role != "head" && a.role != "director" {
				continue
			}
			v := a.u.at(yearEnd)
			loc := b.byID[v.locality]
			if loc == nil || (loc.kind() != "commune" && loc.kind() != "district") {
				continue
			}
			seen[a.p] = true
			b.evals = append(b.evals, evaluation{year: y, subjectType: "person", subject: a.p.id, category: "leader",
				rating: b.rating(), ratedBy: upper[loc.at(yearEnd).parent], decided: decided})
		}
	}
	b.plans2020()
	b.plans2025()
}

// rating draws an evaluation rating: mostly "good", about one in six
// "excellent", a few "complete" and rarely "incomplete".
func (b *builder) rating() string {
	switch r := b.rnd.Float64(); {
	case r < 0.16:
		return "excellent"
	case r < 0.86:
		return "good"
	case r < 0.985:
		return "complete"
	}
	return "incomplete"
}

// plans2020 adds the 2020–2025 plans for the secretary and People's
// Committee chair posts of every commune and district.
func (b *builder) plans2020() {
	first, review := day("2017-09-20"), day("2018-10-15")
	add := func(u *unit, role string, p *person, added date, doc string) {
		if p == nil {
			return
		}
		pl := plan{term: "2020-2025", unit: u.id, role: role, person: p, added: added, doc: doc}
		if e := u.end(); e != 0 && e < commCong20 {
			pl.removed, pl.reason = e, "Đơn vị hành chính sáp nhập"
		} else if b.chance(0.08) {
			pl.removed, pl.reason = b.between(day("2019-01-01"), day("2020-04-01")), pick(b, []string{
				"Chuyển công tác", "Không còn đủ tiêu chuẩn", "Nghỉ hưu", "Xin ra khỏi quy hoạch"})
		}
		b.plans = append(b.plans, pl)
	}
	for _, c := range b.communes {
		cs := b.castOn(c)
		add(c.org["DU"], "secretary", cs[0], first, "")
		add(c.org["DU"], "secretary", cs[1], first, "")
		add(c.org["UBND"], "chair", cs[2], first, "")
		add(c.org["UBND"], "chair", cs[3], review, docKH53)
	}
	for _, d := range b.districts {
		if d.code == "224" {
			continue
		}
		for i, key := range []string{"BTC", "BDV", "PNV"} {
			role, u := "secretary", d.org["HU"]
			if i == 2 {
				role, u = "chair", d.org["UBND"]
			}
			for _, a := range b.posts {
				if a.u == d.org[key] && a.role == "deputy_head" && a.from < review {
					add(u, role, a.p, review, docKH53)
					break
				}
			}
		}
	}
}

// castOn returns four leaders of a commune's 2015–2020 term used as its
// plan: the deputy secretary, the council vice chair, a People's Committee
// vice chair and its first civil servant.
func (b *builder) castOn(c *commune) [4]*person {
	var out [4]*person
	for _, a := range b.posts {
		if a.from > AsOf || a.from < commCong15 {
			continue
		}
		switch {
		case a.u == c.org["DU"] && a.role == "deputy_secretary" && out[0] == nil:
			out[0] = a.p
		case a.u == c.org["HDND"] && a.role == "vice_chair" && out[1] == nil:
			out[1] = a.p
		case a.u == c.org["UBND"] && a.role == "vice_chair" && out[2] == nil:
			out[2] = a.p
		case a.u == c.org["UBND"] && a.role == "civil_servant" && out[3] == nil && a.p.edu == eduCivil:
			out[3] = a.p
		}
	}
	return out
}

// plans2025 adds the 2025–2030 plans of the new communes' secretary posts.
func (b *builder) plans2025() {
	added := day("2025-09-30")
	for _, n := range b.newCommunes {
		k := 0
		for _, a := range b.posts {
			if a.u.last().locality == n.u.id && a.from == reform && (a.role == "deputy_secretary" || a.role == "vice_chair") && k < 2 {
				b.plans = append(b.plans, plan{term: "2025-2030", unit: n.org["DU"].id, role: "secretary", person: a.p,
					added: added, doc: ""})
				k++
			}
		}
	}
}
