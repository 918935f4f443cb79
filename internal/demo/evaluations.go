package demo

import (
	"strconv"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// evaluationsAndPlans adds the cadre work: the terms of office, the
// decisions it cites, a few rotations and disciplines, the yearly
// evaluation of party organizations and of the leaders of communes and
// districts (2016–2025) under the rule set of each year, and the cadre
// plans for the 2020–2025 term (drawn up in 2017, reviewed and supplemented
// in October 2018 after Plan 53-KH/TU) and for the 2025–2030 term.
func (b *builder) evaluationsAndPlans() {
	b.cadreDocuments()
	b.terms()
	var forced map[string]map[int]string
	var removed *post
	b.withCadreRand(func() {
		b.citizenIDs()
		b.reappointments()
		b.rotations()
		forced, removed = b.disciplines()
	})
	secretary := map[string][]*post{} // person id → secretary posts
	for _, a := range b.posts {
		if a.role == "secretary" {
			secretary[a.p.id] = append(secretary[a.p.id], a)
		}
	}
	for y := 2016; y <= 2025; y++ {
		start := len(b.evals)
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
				rating: b.rating(), ratedBy: upper[loc.at(yearEnd).parent], decided: decided, loc: loc.id})
		}
		b.withCadreRand(func() { b.settle(y, b.evals[start:], forced, secretary) })
	}
	b.removeFromPost(removed)
	b.plans2020()
	b.withCadreRand(b.plans2025)
}

// withCadreRand runs f with the draws of the cadre work.
func (b *builder) withCadreRand(f func()) {
	main := b.rnd
	b.rnd = b.cadre
	defer func() { b.rnd = main }()
	f()
}

// settle applies the rule set of a year to its ratings, as the deciding
// committees do: the disciplines' ratings (EVAL-10), the quota of
// "excellent" within each group a committee decides (EVAL-11: at most 20 %
// of those rated "good"), broken in one group of 2024; a head rated no
// higher than the committee he heads (EVAL-13), but one in 2024. From 2025
// (366-QĐ/TW) the ratings have a 100-point score in their band (two rated
// "good" with a score of the band above: other conditions lowered them),
// and the 2025 rating of ten new communes is still in progress.
func (b *builder) settle(y int, evs []evaluation, forced map[string]map[int]string, secretary map[string][]*post) {
	for i := range evs {
		e := &evs[i]
		e.period, e.status, e.score = tochuc.EvaluationPeriodYear, tochuc.EvaluationDecided, -1
		if r, ok := forced[e.subject][y]; ok {
			e.rating = r
		}
	}
	if y == 2025 {
		b.workflow2025(evs)
	}
	quota(evs, "party_org")
	if y == 2024 {
		breakQuota(evs)
	}
	yearEnd := dateOf(y, 12, 31)
	units := map[string]string{}
	for _, e := range evs {
		if e.category == "party_org" {
			if r, ok := units[e.subject]; !ok || rankOf(e.rating) < rankOf(r) {
				units[e.subject] = e.rating
			}
		}
	}
	spared := y != 2024
	for i := range evs {
		e := &evs[i]
		if e.category != "leader" {
			continue
		}
		for _, a := range secretary[e.subject] {
			r, ok := units[a.u.id]
			if !ok || a.from > yearEnd || (a.to != 0 && a.to <= yearEnd) || rankOf(e.rating) <= rankOf(r) {
				continue
			}
			if !spared {
				spared = true
				continue
			}
			e.rating = r
		}
	}
	quota(evs, "leader")
	if y < 2025 {
		return
	}
	band := map[string][2]int{"excellent": {90, 11}, "good": {70, 20}, "complete": {50, 20}, "incomplete": {30, 20}}
	for i := range evs {
		bd := band[evs[i].rating]
		evs[i].score = bd[0] + b.rnd.IntN(bd[1])
	}
	odd := 0
	for i := range evs {
		if e := &evs[i]; odd < 2 && e.rating == "good" && e.status == tochuc.EvaluationDecided && e.category == "party_org" && b.chance(0.01) {
			e.score = 90 + b.rnd.IntN(4)
			odd++
		}
	}
}

// workflow2025 leaves the 2025 rating of ten new communes in progress
// (EVAL-18, in the order of EVAL-19): in six, the cells are decided, the
// commune's committee appraised, its leaders self-assessed; in four, half
// the cells are appraised and the rest only self-assessed.
func (b *builder) workflow2025(evs []evaluation) {
	picked := b.choose(len(b.newCommunes), 10)
	stage := map[string]int{} // commune id → 1 (committee appraised) or 2 (cells appraised)
	k := 0
	for i, n := range b.newCommunes {
		if picked[i] {
			k++
			stage[n.u.id] = 1 + k/7
		}
	}
	du := map[string]string{} // the communes' committees → commune id
	for _, n := range b.newCommunes {
		du[n.org["DU"].id] = n.u.id
	}
	for i := range evs {
		e := &evs[i]
		var st string
		switch {
		case e.category == "leader" && stage[e.loc] > 0:
			st = "self_assessed"
		case e.category == "party_org" && stage[du[e.subject]] == 1:
			st = "appraised"
		case e.category == "party_org" && stage[du[e.subject]] == 2:
			st = "self_assessed"
		case e.category == "party_org" && stage[du[e.ratedBy]] == 2 && b.chance(0.5):
			st = "appraised"
		default:
			continue
		}
		e.status, e.decided = st, 0
	}
}

// quota keeps the "excellent" of each group of a category (one deciding
// committee) within 20 % of its "good" (EVAL-11), among all its ratings and
// among those decided: the last ones rated "excellent" become "good".
func quota(evs []evaluation, category string) {
	groups := map[string][]int{}
	var order []string
	for i, e := range evs {
		if e.category == category {
			if _, ok := groups[e.ratedBy]; !ok {
				order = append(order, e.ratedBy)
			}
			groups[e.ratedBy] = append(groups[e.ratedBy], i)
		}
	}
	for _, by := range order {
		for _, decidedOnly := range []bool{false, true} {
			var rows []int
			for _, i := range groups[by] {
				if !decidedOnly || evs[i].status == tochuc.EvaluationDecided {
					rows = append(rows, i)
				}
			}
			ex, good := 0, 0
			for _, i := range rows {
				switch evs[i].rating {
				case "excellent":
					ex++
				case "good":
					good++
				}
			}
			for j := len(rows) - 1; j >= 0 && ex > 20*good/100; j-- {
				if e := &evs[rows[j]]; e.rating == "excellent" {
					e.rating = "good"
					ex--
					good++
				}
			}
		}
	}
}

// breakQuota breaks the quota in the largest group of party organizations
// (the first by its committee's id among equals): a committee that rated
// too many "excellent".
func breakQuota(evs []evaluation) {
	groups := map[string][]int{}
	for i, e := range evs {
		if e.category == "party_org" {
			groups[e.ratedBy] = append(groups[e.ratedBy], i)
		}
	}
	best := ""
	for by, rows := range groups {
		if best == "" || len(rows) > len(groups[best]) || (len(rows) == len(groups[best]) && by < best) {
			best = by
		}
	}
	ex, good := 0, 0
	for _, i := range groups[best] {
		switch evs[i].rating {
		case "excellent":
			ex++
		case "good":
			good++
		}
	}
	for _, i := range groups[best] {
		if ex > 20*good/100 {
			break
		}
		if evs[i].rating == "good" {
			evs[i].rating = "excellent"
			ex++
			good--
		}
	}
}

// rankOf ranks a rating: excellent 4 … incomplete 1.
func rankOf(r string) int {
	switch r {
	case "excellent":
		return 4
	case "good":
		return 3
	case "complete":
		return 2
	}
	return 1
}

// scoreText writes a score ("" for none).
func scoreText(n int) string {
	if n < 0 {
		return ""
	}
	return strconv.Itoa(n)
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
