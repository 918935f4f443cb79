package demo

import (
	"fmt"
	"slices"
	"strings"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// Cadre work of the demo (issue 15): the terms of office, the 2025–2030
// plan of the province and of the new communes, the ratings' rule sets
// (quota, head after the unit, scores and the workflow of 2025), a few
// disciplines, the end reasons of posts and a few rotations. Everything
// here runs after the posts and memberships are built and changes none of
// the figures of the golden reports.

// DeliberateWarnings is the number of warnings the demo's import gives on
// purpose: two 2025 ratings out of the band of their score (366-QĐ/TW:
// other conditions lowered them, a rating the board should look at).
const DeliberateWarnings = 2

// termRow is one terms.csv row.
type termRow struct {
	term, level  string
	starts, ends date
	documentID   string
}

// disciplineRow is one discipline.csv row.
type disciplineRow struct {
	subjectType, subject, form string
	date                       date
	authority, doc, reason     string
}

// Documents of cadre work. Their ids, numbers and dates do not depend on
// the seed (only who is named in the records that cite them does).
const (
	docQH2530       = "QD-QH2530-TU-2025"
	docQH2530Review = "QD-QH2530-RS-2026"
	docQH2530Prov   = "QD-QH2530-TW-2025"
	docKL2023       = "QD-KL-2023-01"
	docKL2023b      = "QD-KL-2023-02"
	docKL2024       = "QD-KL-2024-01"
	docKL2024b      = "QD-KL-2024-02"
	docKL2024c      = "QD-KL-2024-03"
	docKL2026       = "QD-KL-2026-01"
)

// cadreDocuments adds the decisions the plans and disciplines cite.
func (b *builder) cadreDocuments() {
	add := func(id, number, kind, issuer, issued, title string) {
		b.docs = append(b.docs, document{id: id, number: number, kind: kind, issuer: issuer, issued: day(issued), title: title})
	}
	add(docQH2530, "1250-QĐ/TU", "decision", newProvPty, "2025-09-30",
		"Quyết định phê duyệt quy hoạch ban chấp hành, ban thường vụ, các chức danh chủ chốt của các xã, phường nhiệm kỳ 2025-2030 (minh họa)")
	add(docQH2530Prov, "1388-QĐ/TU", "decision", newProvPty, "2025-11-20",
		"Quyết định phê duyệt quy hoạch các chức danh lãnh đạo chủ chốt của tỉnh nhiệm kỳ 2025-2030 (minh họa)")
	add(docQH2530Review, "1702-QĐ/TU", "decision", newProvPty, "2026-10-15",
		"Quyết định rà soát, bổ sung quy hoạch cán bộ nhiệm kỳ 2025-2030 năm 2026 (minh họa)")
	add(docKL2023, "85-QĐ/UBKTTU", "decision", "", "2023-06-15", "Quyết định thi hành kỷ luật đảng viên (minh họa)")
	add(docKL2023b, "112-QĐ/UBKTTU", "decision", "", "2023-09-20", "Quyết định thi hành kỷ luật đảng viên (minh họa)")
	add(docKL2024, "47-QĐ/UBKTTU", "decision", "", "2024-04-16", "Quyết định thi hành kỷ luật cách chức (minh họa)")
	add(docKL2024b, "96-QĐ/UBKTTU", "decision", "", "2024-08-22", "Quyết định thi hành kỷ luật tổ chức đảng (minh họa)")
	add(docKL2024c, "131-QĐ/UBKTTU", "decision", "", "2024-11-05", "Quyết định thi hành kỷ luật khai trừ đảng viên (minh họa)")
	add(docKL2026, "28-QĐ/UBKTTU", "decision", "", "2026-04-10", "Quyết định thi hành kỷ luật đảng viên (minh họa)")
}

// terms adds the terms of office of every level the demo has. The
// provincial congresses met in October (2015, 2020, 2025), the district
// ones in July (the district level ended on 2025-07-01, so its 2020–2025
// term ends then), the commune ones in May (in August 2025, after the
// reform), the grassroots ones from April of the same year; the 14th
// National Congress opened on 19 January 2026.
func (b *builder) terms() {
	add := func(term, level string, starts, ends date) {
		b.termRows = append(b.termRows, termRow{term: term, level: level, starts: starts, ends: ends})
	}
	add("2016-2021", "central", day("2016-01-21"), day("2021-01-25"))
	add("2021-2026", "central", day("2021-01-25"), day("2026-01-19"))
	add("2026-2031", "central", day("2026-01-19"), day("2031-01-20"))
	add("2015-2020", "province", provCong15, provCong20)
	add("2020-2025", "province", provCong20, provCong25)
	add("2025-2030", "province", provCong25, day("2030-10-15"))
	add("2015-2020", "district", distCong15, distCong20)
	add("2020-2025", "district", distCong20, reform)
	add("2015-2020", "commune", commCong15, commCong20)
	add("2020-2025", "commune", commCong20, commCong25)
	add("2025-2030", "commune", commCong25, day("2030-08-20"))
	add("2015-2020", "grassroots", day("2015-04-10"), day("2020-04-15"))
	add("2020-2025", "grassroots", day("2020-04-15"), day("2025-04-20"))
	add("2025-2030", "grassroots", day("2025-04-20"), day("2030-04-20"))
}

// citizenIDs gives everyone who held a post a citizen id (căn cước: 12
// digits), as the real ones are made: the province of birth registration
// (024, Bắc Giang), the century and gender (0 a man, 1 a woman born in the
// 1900s; 2, 3 in the 2000s), the year of birth's last two digits and six
// random digits; no two alike (DQ-01).
func (b *builder) citizenIDs() {
	held := map[*person]bool{}
	for _, a := range b.posts {
		held[a.p] = true
	}
	taken := map[string]bool{}
	for _, p := range b.people {
		if !held[p] || p.birth == 0 {
			continue
		}
		y := p.birth.Time().Year()
		cg := 2 * ((y - 1900) / 100)
		if p.gender == "female" {
			cg++
		}
		for {
			id := fmt.Sprintf("024%d%02d%06d", cg, y%100, b.rnd.IntN(1_000_000))
			if !taken[id] {
				taken[id] = true
				p.citizenID = id
				break
			}
		}
	}
}

// monthsLeft is the months a person has left before retirement on d
// (checks-v1: Labor Code 2019).
func monthsLeft(p *person, d date) int {
	return tochuc.MonthsLeft(d, tochuc.RetirementDate(p.birth, p.gender))
}

// heldOn lists the posts held on d, by person.
func (b *builder) heldOn(d date) map[*person][]*post {
	out := map[*person][]*post{}
	for _, a := range b.posts {
		if a.from <= d && (a.to == 0 || d < a.to) && a.u.alive(d) && (a.p.died == 0 || d < a.p.died) {
			out[a.p] = append(out[a.p], a)
		}
	}
	return out
}

// planRank orders the candidates of a post: the lower the better; -1
// when the person may not be planned for it.
type planRank func(a *post) int

// plans2025 adds the 2025–2030 plan: the province's secretary, deputy
// secretary, People's Committee and Council chairs, and each new commune's
// secretary, People's Committee and Council chairs, drawn from those in
// the posts below them. It mostly respects the rules — at most 3 nominees
// a post (PLAN-02), 2 posts a person (PLAN-03: ≤ 3), 60 months left at
// planning (PLAN-05), at least a woman and a young cadre (under 40 at the
// term's start) in each commune's plan (PLAN-06) — with three deliberate
// violations: the province's People's Committee chair has 4 nominees, one
// nominee of the Council chair has less than 60 months left, one commune's
// secretary is planned for the post he holds (PLAN-01). The yearly review
// of October 2026 removes a few nominees with their reasons.
func (b *builder) plans2025() {
	added, provAdded, review := day("2025-09-30"), day("2025-11-20"), day("2026-10-15")
	termStart := day("2025-01-01")
	held := b.heldOn(added)
	count := map[*person]int{}
	young := func(p *person) bool { return p.age(termStart) < 40 }
	type nominee struct {
		p    *person
		unit *unit
		role string
	}
	var planned []nominee
	keep := map[int]bool{} // indexes in b.plans of the deliberate violations, kept by the review
	add := func(u *unit, role string, p *person, on date, doc string) {
		b.plans = append(b.plans, plan{term: "2025-2030", unit: u.id, role: role, person: p, added: on, doc: doc})
		planned = append(planned, nominee{p, u, role})
		count[p]++
	}
	eligible := func(p *person, u *unit, role string, on date) bool {
		if count[p] >= 2 || monthsLeft(p, on) < 60 {
			return false
		}
		for _, a := range held[p] {
			if a.u == u && a.role == role {
				return false
			}
		}
		for _, n := range planned {
			if n.p == p && n.unit == u && n.role == role {
				return false
			}
		}
		return true
	}
	// choose picks k nominees for a post among the pool, best rank first,
	// ties in the pool's (shuffled) order.
	choose := func(pool []*post, u *unit, role string, k int, on date, rank planRank) []*person {
		type cand struct {
			p    *person
			rank int
		}
		var cs []cand
		seen := map[*person]bool{}
		for _, a := range pool {
			if r := rank(a); r >= 0 && !seen[a.p] && eligible(a.p, u, role, on) {
				seen[a.p] = true
				cs = append(cs, cand{a.p, r})
			}
		}
		slices.SortStableFunc(cs, func(x, y cand) int { return x.rank - y.rank })
		var out []*person
		for _, c := range cs[:min(k, len(cs))] {
			out = append(out, c.p)
		}
		return out
	}
	roleRank := func(order ...string) planRank {
		return func(a *post) int {
			for i, r := range order {
				if strings.HasSuffix(a.u.id, "/"+strings.Split(r, ":")[0]) && a.role == strings.Split(r, ":")[1] {
					return i
				}
			}
			return -1
		}
	}

	// The new communes.
	planted := false
	for _, n := range b.newCommunes {
		var pool []*post
		for _, a := range b.posts {
			if a.from <= added && (a.to == 0 || added < a.to) && a.u.alive(added) && a.u.at(added).locality == n.u.id {
				pool = append(pool, a)
			}
		}
		b.rnd.Shuffle(len(pool), func(i, j int) { pool[i], pool[j] = pool[j], pool[i] })
		du, ub, hd := n.org["DU"], n.org["UBND"], n.org["HDND"]
		posts := []struct {
			u    *unit
			role string
			k    int
			rank planRank
		}{
			{du, "secretary", 2, roleRank("DU:deputy_secretary", "UBND:chair", "HDND:chair", "UBND:vice_chair", "MTTQ:chair")},
			{ub, "chair", 2, roleRank("UBND:vice_chair", "DU:deputy_secretary", "VP:head", "PKT:head", "VPHDUB:head")},
			{hd, "chair", 1, roleRank("HDND:vice_chair", "MTTQ:chair", "DU:deputy_secretary", "PVHXH:head")},
		}
		var mine []*person
		for _, pt := range posts {
			for _, p := range choose(pool, pt.u, pt.role, pt.k, added, pt.rank) {
				add(pt.u, pt.role, p, added, docQH2530)
				mine = append(mine, p)
			}
		}
		// PLAN-06: a woman and a young cadre in each commune's plan, from
		// the heads of the offices and of the mass organizations when the
		// leaders have none.
		others := roleRank("HPN:chair", "DOAN:head", "VP:head", "PKT:head", "PVHXH:head", "VPHDUB:head", "TTHCC:director",
			"HND:chair", "HCCB:chair", "UBND:vice_chair", "HDND:vice_chair")
		for _, w := range []struct {
			want func(*person) bool
			u    *unit
		}{{func(p *person) bool { return p.gender == "female" }, ub}, {young, hd}} {
			want := w.want
			if slices.ContainsFunc(mine, want) {
				continue
			}
			var sub []*post
			for _, a := range pool {
				if want(a.p) {
					sub = append(sub, a)
				}
			}
			if ps := choose(sub, w.u, "chair", 1, added, others); len(ps) > 0 {
				add(w.u, "chair", ps[0], added, docQH2530)
				mine = append(mine, ps[0])
			}
		}
		// PLAN-01, deliberately: the secretary of the first commune that
		// has one is planned for the post he holds.
		if !planted {
			for _, a := range pool {
				if a.u == du && a.role == "secretary" {
					keep[len(b.plans)] = true
					add(du, "secretary", a.p, added, docQH2530)
					planted = true
					break
				}
			}
		}
	}

	// The province.
	var pool []*post
	for _, a := range b.posts {
		if a.from <= provAdded && (a.to == 0 || provAdded < a.to) && a.u.alive(provAdded) &&
			a.u.at(provAdded).locality == b.newProv.id && (a.p.died == 0 || provAdded < a.p.died) {
			pool = append(pool, a)
		}
	}
	b.rnd.Shuffle(len(pool), func(i, j int) { pool[i], pool[j] = pool[j], pool[i] })
	tu, ub, hd := b.newPro["TU"], b.newPro["UBND"], b.newPro["HDND"]
	for _, pt := range []struct {
		u    *unit
		role string
		k    int
		rank planRank
	}{
		{tu, "secretary", 3, roleRank("TU:deputy_secretary", "UBND:chair", "HDND:chair", "TU:standing_member")},
		{tu, "deputy_secretary", 3, roleRank("TU:standing_member", "BTC:head", "UBND:vice_chair", "HDND:vice_chair", "UBKT:head")},
		{ub, "chair", 3, roleRank("UBND:vice_chair", "TU:standing_member", "SNV:director", "SKHDT:director", "STC:director")},
		{hd, "chair", 2, roleRank("HDND:vice_chair", "TU:standing_member", "MTTQ:chair", "UBKT:head")},
	} {
		for _, p := range choose(pool, pt.u, pt.role, pt.k, provAdded, pt.rank) {
			add(pt.u, pt.role, p, provAdded, docQH2530Prov)
		}
	}
	// PLAN-02, deliberately: a fourth nominee for the People's Committee
	// chair, added at the review; PLAN-05: an older leader with less than
	// 60 months left planned for the Council chair.
	if ps := choose(pool, ub, "chair", 1, review, roleRank("TU:committee_member", "BTC:deputy_head", "UBND:vice_chair",
		"SNV:deputy_director", "BTGDV:deputy_head")); len(ps) > 0 {
		keep[len(b.plans)] = true
		add(ub, "chair", ps[0], review, docQH2530Review)
	} else {
		b.fail("plans 2025–2030: no fourth nominee for %s", ub.id)
	}
	var old *person
	for _, a := range pool {
		if m := monthsLeft(a.p, provAdded); m > 12 && m < 60 && count[a.p] == 0 && (a.role == "standing_member" ||
			a.role == "vice_chair" || a.role == "head" || a.role == "director") && (old == nil || a.p.id < old.id) {
			old = a.p
		}
	}
	if old == nil {
		b.fail("plans 2025–2030: no provincial leader near retirement")
		return
	}
	keep[len(b.plans)] = true
	add(hd, "chair", old, provAdded, docQH2530Prov)

	// The yearly review (PLAN-08) removes a few of the communes' nominees.
	reasons := []string{"Rà soát hằng năm: chuyển công tác khác", "Rà soát hằng năm: sức khỏe không bảo đảm",
		"Rà soát hằng năm: xin ra khỏi quy hoạch", "Rà soát hằng năm: không còn đủ tiêu chuẩn chức danh"}
	first := len(b.plans) - len(planned)
	for i := first; i < len(b.plans); i++ {
		pl := &b.plans[i]
		if keep[i] || pl.added != added || !b.chance(0.05) {
			continue
		}
		pl.removed, pl.reason, pl.doc = review, pick(b, reasons), docQH2530Review
	}
	// A nominee reprimanded in April 2026 leaves the plan on that day
	// (PLAN-07).
	rated := map[string]bool{}
	for _, e := range b.evals {
		if e.year == 2025 && e.subjectType == "person" && e.status == tochuc.EvaluationDecided {
			rated[e.subject] = true
		}
	}
	for i := first; i < len(b.plans); i++ {
		pl := &b.plans[i]
		if keep[i] || pl.removed != 0 || pl.role != "chair" || !strings.HasSuffix(pl.unit, "/UBND") || pl.added != added ||
			!rated[pl.person.id] || pl.person.citizenID == "" {
			continue
		}
		d := day("2026-04-10")
		pl.removed, pl.reason = d, "Bị kỷ luật khiển trách: đưa ra khỏi quy hoạch"
		du := strings.TrimSuffix(pl.unit, "/UBND") + "/DU"
		b.discs = append(b.discs, disciplineRow{subjectType: "person", subject: pl.person.id, form: "reprimand", date: d,
			authority: du, doc: docKL2026, reason: "Vi phạm quy định về quản lý đất đai khi còn công tác ở xã cũ (minh họa)"})
		break
	}
}

// disciplines adds a few disciplines of 2023–2024 and their effects: a
// warning and a reprimand of commune and district officials, a warning
// of a party organization (rated "complete" that year: EVAL-10), the
// removal of a district official from his post (the post ends that day,
// end reason "dismissed") and the expulsion
// of a party member (an "expelled" party event on the same day, where the
// generator had him move away). It returns the ratings the disciplines
// force: subject id → year → rating.
func (b *builder) disciplines() (map[string]map[int]string, *post) {
	forced := map[string]map[int]string{}
	force := func(id string, y int, r string) {
		if forced[id] == nil {
			forced[id] = map[int]string{}
		}
		forced[id][y] = r
	}
	hasPost := map[*person]bool{}
	lastFrom := map[*person]date{}
	for _, a := range b.posts {
		hasPost[a.p] = true
		lastFrom[a.p] = max(lastFrom[a.p], a.from)
	}
	districtKind := func(a *post, d date) bool {
		v := a.u.at(d)
		if v == nil {
			return false
		}
		loc := b.byID[v.locality]
		return loc != nil && loc.at(d) != nil && loc.at(d).kind == "district"
	}
	var warned, removed *post
	for _, i := range b.shuffled(len(b.posts)) {
		a := b.posts[i]
		switch {
		case warned == nil && a.role == "deputy_head" && a.from < day("2023-06-15") && (a.to == 0 || a.to > day("2023-06-15")) &&
			districtKind(a, day("2023-06-15")) && a.p.member(day("2023-06-15")):
			warned = a
		case removed == nil && a.role == "head" && a.how == "appointed" && a.from < day("2024-04-16") &&
			(a.to == 0 || a.to > day("2024-07-01")) && districtKind(a, day("2024-04-16")) && lastFrom[a.p] < day("2024-04-16") &&
			a.p.member(day("2024-04-16")) && !strings.HasSuffix(a.u.id, "/BTC") && !strings.HasSuffix(a.u.id, "/UBKT"):
			removed = a
		}
	}
	if warned == nil || removed == nil {
		b.fail("disciplines: no district official to discipline")
		return forced, nil
	}
	hu := func(a *post, d date) string { // the district committee of a district unit
		return b.byID[a.u.at(d).locality].id + "/HU"
	}
	b.discs = append(b.discs, disciplineRow{subjectType: "person", subject: warned.p.id, form: "warning", date: day("2023-06-15"),
		authority: hu(warned, day("2023-06-15")), doc: docKL2023, reason: "Thiếu trách nhiệm trong thẩm định hồ sơ dự án (minh họa)"})
	d := day("2024-04-16")
	b.discs = append(b.discs, disciplineRow{subjectType: "person", subject: removed.p.id, form: "removal_from_post", date: d,
		authority: hu(removed, d), doc: docKL2024, reason: "Vi phạm quy định trong công tác cán bộ (minh họa)"})

	// A commune cadre reprimanded in 2023 (a vice chair of the People's Committee).
	for _, i := range b.shuffled(len(b.posts)) {
		a := b.posts[i]
		d := day("2023-09-20")
		if a.role == "vice_chair" && a.u.kind() == "people_committee" && a.from < d && (a.to == 0 || a.to > d) && a.u.alive(d) &&
			a.p.member(d) && b.byID[a.u.at(d).locality].at(d).kind == "commune" {
			b.discs = append(b.discs, disciplineRow{subjectType: "person", subject: a.p.id, form: "reprimand", date: d,
				authority: b.byID[a.u.at(d).locality].id + "/DU", doc: docKL2023b,
				reason: "Chậm giải quyết thủ tục hành chính cho người dân (minh họa)"})
			break
		}
	}
	// A party organization warned in 2024: a grassroots committee.
	for _, i := range b.shuffled(len(b.units)) {
		u := b.units[i]
		d := day("2024-08-22")
		if v := u.at(d); v != nil && v.kind == "party_grassroots_committee" && v.parent != "" && u.alive(day("2024-12-31")) &&
			v.host != "" {
			b.discs = append(b.discs, disciplineRow{subjectType: "unit", subject: u.id, form: "warning", date: d, authority: v.parent,
				doc: docKL2024b, reason: "Buông lỏng lãnh đạo, để xảy ra vi phạm kéo dài trong quản lý tài chính (minh họa)"})
			force(u.id, 2024, "complete")
			break
		}
	}
	// An expulsion: a member who left in 2024 was expelled.
	for _, p := range b.people {
		if p.exitEvent != "transferred_out" || p.exit < day("2024-01-01") || p.exit >= day("2025-06-01") || hasPost[p] || p.died != 0 {
			continue
		}
		evs := b.partyEvents(p)
		org := ""
		for _, e := range evs {
			if e.date < p.exit && e.unit != "" {
				org = e.unit
			}
		}
		u := b.byID[org]
		if u == nil || u.at(p.exit) == nil {
			continue
		}
		auth := u.at(p.exit).parent
		for up := b.byID[auth]; up != nil && up.at(p.exit) != nil; up = b.byID[up.at(p.exit).parent] {
			if up.at(p.exit).kind == "party_upper" {
				auth = up.id
				break
			}
		}
		p.exitEvent = tochuc.EventExpelled
		b.discs = append(b.discs, disciplineRow{subjectType: "person", subject: p.id, form: "expulsion", date: p.exit,
			authority: auth, doc: docKL2024c, reason: "Vi phạm tư cách đảng viên, không còn đủ tiêu chuẩn (minh họa)"})
		break
	}
	return forced, removed
}

// removeFromPost ends the post of the official removed from it (after the
// ratings are drawn, so that the other draws stay as they were) and drops
// his leader ratings after that day.
func (b *builder) removeFromPost(a *post) {
	if a == nil {
		return
	}
	d := day("2024-04-16")
	a.to = d
	b.postEnd[a] = "dismissed"
	b.evals = slices.DeleteFunc(b.evals, func(e evaluation) bool {
		return e.subject == a.p.id && e.category == "leader" && dateOf(e.year, 12, 31) >= d
	})
}

// rotations marks a few posts of the district boards as rotations (điều
// động, luân chuyển): half taken up from 2022 on, ended by the reform of
// 2025 before their 36 months (ROT-06), half earlier.
func (b *builder) rotations() {
	late, early := 0, 0
	for _, i := range b.shuffled(len(b.posts)) {
		a := b.posts[i]
		if a.how != "appointed" || (a.role != "deputy_head" && a.role != "head") || !strings.Contains(a.u.id, "/B") {
			continue
		}
		v := a.u.at(a.from)
		if v == nil || b.byID[v.locality].at(a.from).kind != "district" || !strings.HasPrefix(v.kind, "party_board") {
			continue
		}
		switch {
		case late < 3 && a.from >= day("2022-09-01") && a.from < day("2024-06-01"):
			late++
		case early < 3 && a.from >= day("2019-01-01") && a.from < day("2021-06-01"):
			early++
		default:
			continue
		}
		a.how = "rotated"
	}
}

// endReason says why a post that ended (on to) ended: an explicit reason,
// death, the end of its unit (a restructuring), retirement, the same post
// again (a new term, or a reappointment), another post from that day, the
// end of a term.
func (b *builder) endReason(a *post, to date, next map[*person][]*post) string {
	if r := b.postEnd[a]; r != "" {
		return r
	}
	switch {
	case a.p.died != 0 && to == a.p.died:
		return "died"
	case a.u.end() != 0 && to == a.u.end():
		return "restructured"
	}
	for _, n := range next[a.p] {
		if n != a && n.from == to {
			if n.u == a.u && n.role == a.role {
				if n.how == "elected" || a.how == "elected" {
					return "term_end"
				}
				return "reappointed"
			}
			return "moved"
		}
	}
	if appointed[a.role] && to >= a.p.retires().AddDays(-120) {
		return "retired"
	}
	switch {
	case a.how == "elected" || termEnds[to]:
		return "term_end"
	case to >= a.p.retires().AddDays(-365):
		return "retired"
	case a.how == "transferred" || a.how == "assigned":
		return "moved"
	}
	return "other"
}

// reappointments splits the posts of the heads of the provincial agencies
// into terms of five years (APPT-01): each term reappointed while the head
// has more than two years of work left (APPT-06), until the reform of 2025.
func (b *builder) reappointments() {
	for _, a := range slices.Clone(b.posts) {
		if !strings.HasPrefix(a.u.id, b.prov.id+"/") || a.how != "appointed" || (a.role != "head" && a.role != "director") {
			continue
		}
		for {
			x := tochuc.AddYears(a.from, 5)
			if x >= reform || (a.to != 0 && a.to <= x) || a.p.retires() <= tochuc.AddYears(x, 2) || !a.u.alive(x) ||
				(a.p.died != 0 && a.p.died <= x) {
				break
			}
			next := &post{p: a.p, u: a.u, role: a.role, from: x, to: a.to, how: "reappointed"}
			a.to = x
			b.posts = append(b.posts, next)
			a = next
		}
	}
}

// termEnds are the days terms end (congresses, council elections, the
// Front's congresses, the villages' elections).
var termEnds = func() map[date]bool {
	m := map[date]bool{}
	for _, d := range []date{commCong15, distCong15, provCong15, commHDND16, distHDND16, provHDND16, commCong20, distCong20,
		provCong20, commHDND21, distHDND21, provHDND21, commCong25, provCong25, hdnd26, front14, front19, front24} {
		m[d] = true
	}
	for _, d := range villageTerms {
		m[d] = true
	}
	return m
}()
