package demo

import "slices"

// cast is the leadership of a commune in a term.
type cast struct {
	sec, ds1, ds2        *person
	hdndChair, ubndChair *person
	hdndVice             *person
	ubndVice             []*person
	mttq                 *person
	socio                map[string]*post   // head of each mass organization in 2018
	socioAll             map[string][]*post // all its heads
	civil                []*post            // civil servants of the People's Committee
	combined             []*post            // civil servants of the combined office
	office               *post              // civil servant (or staff) of the party office
	mttqPosts            []*post            // chairs of the Front, term by term
	hdndChairPost        *post              // the council chair of the term
	extra                []*person          // leaders taken in from merged communes
	conc                 byte
}

// communePosts gives every commune of 2018 its leaders, civil servants and
// mass-organization heads for the 2015–2020 party term and the 2016–2021
// council term, arranged so that on AsOf the configuration holds; then it
// fixes the qualifications of the key cadres of AsOf (F16, F17).
func (b *builder) communePosts() {
	for _, c := range b.communes {
		b.communeTerm1(c)
	}
	b.keyCadreNeeds()
}

func (b *builder) communeTerm1(c *commune) {
	du, hd, ub, mt := c.org["DU"], c.org["HDND"], c.org["UBND"], c.org["MTTQ"]
	lead := func(born [2]int, female float64, member bool) *person {
		return b.leader(c.dist.code, born, eduCommune, female, member, du.id, commCong15)
	}
	cs := &cast{socio: map[string]*post{}, socioAll: map[string][]*post{}}
	c.cast = cs
	cs.sec = lead([2]int{1960, 1976}, 0.1, true)
	cs.ds1 = lead([2]int{1963, 1980}, 0.15, true)
	if c.conf.conc == 'C' || c.conf.lateConc {
		cs.ds2 = lead([2]int{1962, 1980}, 0.2, true)
	}
	cs.hdndVice = lead([2]int{1962, 1985}, 0.35, b.chance(0.95))
	cs.ubndVice = []*person{lead([2]int{1965, 1986}, 0.25, b.chance(0.9))}
	if c.conf.vice2 {
		cs.ubndVice = append(cs.ubndVice, lead([2]int{1965, 1986}, 0.25, b.chance(0.9)))
	}
	cs.mttq = lead([2]int{1958, 1975}, 0.3, true)

	p1, p2, s1, s2 := commCong15, commCong20, commHDND16, commHDND21
	b.assign(cs.sec, du, "secretary", p1, p2, "elected")
	b.assign(cs.ds1, du, "deputy_secretary", p1, p2, "elected")
	cd := pick(b, []date{day("2018-07-12"), day("2018-12-14")}) // council sessions of 2018
	if cs.ds2 != nil {
		end := p2
		if c.conf.lateConc {
			end = cd
		}
		b.assign(cs.ds2, du, "deputy_secretary", p1, end, "elected")
	}
	for _, p := range append([]*person{cs.hdndVice, cs.mttq}, cs.ubndVice[0]) {
		if p.member(p1) {
			b.assign(p, du, "committee_member", p1, p2, "elected")
		}
	}
	cs.conc = c.conf.conc
	switch c.conf.conc {
	case 'A':
		cs.hdndChair, cs.ubndChair = cs.sec, cs.ds1
		if c.conf.lateConc {
			b.assign(cs.ds2, hd, "chair", s1, cd, "elected")
			cs.hdndChairPost = b.assign(cs.sec, hd, "chair", cd, s2, "elected")
			b.toDistrict(cs.ds2, c, cd)
			cs.ds2 = nil
		} else {
			cs.hdndChairPost = b.assign(cs.sec, hd, "chair", s1, s2, "elected")
		}
	case 'B':
		cs.hdndChair, cs.ubndChair = cs.ds1, cs.sec
		cs.hdndChairPost = b.assign(cs.ds1, hd, "chair", s1, s2, "elected")
	default:
		cs.hdndChair, cs.ubndChair = cs.ds2, cs.ds1
		cs.hdndChairPost = b.assign(cs.ds2, hd, "chair", s1, s2, "elected")
	}
	b.assign(cs.ubndChair, ub, "chair", s1, s2, "elected")
	if c.conf.vacant {
		vd := b.between(Since+1, AsOf)
		b.assign(cs.hdndVice, hd, "vice_chair", s1, vd, "elected")
		b.toDistrict(cs.hdndVice, c, vd)
		cs.hdndVice = lead([2]int{1970, 1988}, 0.35, b.chance(0.9))
		b.assign(cs.hdndVice, hd, "vice_chair", b.between(day("2019-03-01"), day("2019-08-01")), s2, "elected")
	} else {
		b.assign(cs.hdndVice, hd, "vice_chair", s1, s2, "elected")
	}
	for _, p := range cs.ubndVice {
		b.assign(p, ub, "vice_chair", s1, s2, "elected")
	}
	cs.mttqPosts = append(cs.mttqPosts, b.assign(cs.mttq, mt, "chair", front14, front19, "elected"))
	m := cs.mttq
	for _, t := range [][2]date{{front19, front24}, {front24, 0}} {
		if t[0] >= c.ended {
			break
		}
		if !b.chance(0.5) || m.retires() < t[0].AddDays(700) {
			m = lead([2]int{1962, 1982}, 0.35, true)
		}
		cs.mttqPosts = append(cs.mttqPosts, b.assign(m, mt, "chair", t[0], t[1], "elected"))
	}

	for _, key := range []string{"DOAN", "HPN", "HND", "HCCB"} {
		born, female, role := [2]int{1960, 1975}, 0.1, "chair"
		switch key {
		case "DOAN":
			born, female, role = [2]int{1984, 1993}, 0.4, "head"
		case "HPN":
			female = 1
		}
		p := lead(born, female, b.chance(0.85))
		end := b.between(day("2021-01-01"), day("2023-12-01"))
		cs.socio[key] = b.assign(p, c.org[key], role, b.between(day("2014-06-01"), day("2017-12-01")), end, "elected")
		cs.socioAll[key] = []*post{cs.socio[key]}
		if end < c.ended {
			born[0], born[1] = born[0]+8, born[1]+8
			next := b.assign(lead(born, female, b.chance(0.85)), c.org[key], role, end, 0, "elected")
			cs.socioAll[key] = append(cs.socioAll[key], next)
		}
	}
	for i, n := 0, 7+b.rnd.IntN(3); i < n; i++ {
		p := b.newPerson(profile{district: c.dist.code, female: 0.45, born: [2]int{1968, 1993}, edu: eduCivil})
		from := b.atAge(p, 23+b.rnd.IntN(6))
		if from < day("2003-01-01") {
			from = b.between(day("2003-01-01"), day("2008-01-01"))
		}
		if from >= Since {
			from = b.between(day("2012-01-01"), day("2018-04-01"))
		}
		if b.chance(0.6) {
			b.admitBefore(p, min(from.AddDays(2000), c.ended), du.id)
		}
		cs.civil = append(cs.civil, b.assign(p, ub, "civil_servant", from, retireBy(p), "recruited"))
	}
	b.partyOffice(c)
	if c.conf.combined != 0 {
		b.combinedOffice(c)
	}
}

// retireBy returns the end of a long post: the holder's retirement, or open.
func retireBy(p *person) date {
	if r := p.retires(); r <= today {
		return r
	}
	return 0
}

// toDistrict moves a commune leader to a deputy post in a district office
// from d: what became of the People's Council chairs and vice chairs whose
// posts were taken over in 2018.
func (b *builder) toDistrict(p *person, c *commune, d date) {
	key := pick(b, []string{"BDV", "BTC", "PNV", "VPHU", "PLDTBXH"})
	u := c.dist.org[key]
	end := min(d.AddDays(365*4), p.retires())
	if end <= d.AddDays(90) {
		return // retires
	}
	b.assign(p, u, "deputy_head", d, end, "transferred")
	org := c.dist.org["DB-CQ"]
	if u.kind() != "state_agency" {
		org = c.dist.org["DB-DDT"]
	}
	p.moveTo(d, org)
}

// partyOffice staffs the party office: a commune civil servant where the
// commune had one on AsOf (from a date between Since and AsOf for some, by
// transfer from the People's Committee or by recruitment, see
// recruitment2018), a part-time worker in half of the others.
func (b *builder) partyOffice(c *commune) {
	vp, cs := c.org["VP"], c.cast
	switch {
	case c.conf.officeCS && !c.conf.officeLate:
		p := b.newPerson(profile{district: c.dist.code, female: 0.55, born: [2]int{1975, 1992}, edu: eduCivil})
		from := b.between(day("2011-01-01"), day("2018-04-01"))
		b.admitBefore(p, from, c.org["DU"].id)
		cs.office = b.assign(p, vp, "civil_servant", from, retireBy(p), "recruited")
	case c.conf.officeLate && len(cs.civil)%2 == 0: // by transfer; the others are recruited
		a := cs.civil[0]
		t := b.between(Since+1, AsOf)
		a.to = t
		cs.office = b.assign(a.p, vp, "civil_servant", t, retireBy(a.p), "transferred")
		cs.civil = cs.civil[1:]
	case !c.conf.officeCS && b.chance(0.5):
		p := b.newPerson(profile{district: c.dist.code, female: 0.6, born: [2]int{1970, 1990}, edu: eduCommune})
		from := b.between(day("2014-01-01"), day("2018-01-01"))
		b.admitBefore(p, from, c.org["DU"].id)
		cs.office = b.assign(p, vp, "staff", from, 0, "assigned")
	}
}

// combinedOffice sets up the combined Party–Council–Committee office of a
// commune (F12, F13), staffed by two civil servants of the Committee.
func (b *builder) combinedOffice(c *commune) {
	d := c.conf.combined
	u := b.orgUnit(c.u.id+"/VPHN", "combined_office", "Văn phòng Đảng ủy – HĐND – UBND {lo}", c.org["UBND"].id, c.u.id, d)
	c.org["VPHN"] = u
	b.link("VPHN-"+c.code, d, "establish", "", u.id, docKH47)
	for i := 0; i < 2 && len(c.cast.civil) > 1; i++ {
		a := c.cast.civil[len(c.cast.civil)-1]
		c.cast.civil = c.cast.civil[:len(c.cast.civil)-1]
		a.to = d
		c.cast.combined = append(c.cast.combined, b.assign(a.p, u, "civil_servant", d, retireBy(a.p), "transferred"))
	}
	b.transfer(c.org["UBND"], u, d, 3)
}

// keyCadreNeeds makes exactly wantKeyCollege of the key commune cadres of
// AsOf college-educated or higher on that date (F16) and wantKeyTheory of
// them trained in political theory to the intermediate level or higher
// (F17); the others are below on that date (some study later).
func (b *builder) keyCadreNeeds() {
	keys := b.keyCadres(AsOf)
	if len(keys) != wantKeyCadres {
		b.fail("%d key commune cadres on %s, want %d", len(keys), AsOf, wantKeyCadres)
		return
	}
	college := b.choose(len(keys), wantKeyCollege)
	theoryOK := b.choose(len(keys), wantKeyTheory)
	for i, p := range keys {
		p.need(edu, AsOf, "college", college[i])
		p.need(theory, AsOf, "intermediate", theoryOK[i])
	}
}

// keyCadres returns the distinct key commune cadres on d (F15), by id.
func (b *builder) keyCadres(d date) []*person {
	seen := map[*person]bool{}
	var out []*person
	for _, a := range b.posts {
		if a.from > d || (a.to != 0 && a.to <= d) || !a.u.alive(d) {
			continue
		}
		v := a.u.at(d)
		loc := b.byID[v.locality]
		if loc == nil || loc.at(d) == nil || loc.at(d).kind != "commune" {
			continue
		}
		ok := false
		switch v.kind {
		case "party_grassroots_committee", "party_grassroots_cell":
			ok = a.role == "secretary" || a.role == "deputy_secretary"
		case "people_council", "people_committee":
			ok = a.role == "chair" || a.role == "vice_chair"
		case "fatherland_front":
			ok = a.role == "chair"
		}
		if ok && !seen[a.p] {
			seen[a.p] = true
			out = append(out, a.p)
		}
	}
	slices.SortFunc(out, func(x, y *person) int { return compareIDs(x.id, y.id) })
	return out
}

func compareIDs(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
