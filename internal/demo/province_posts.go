package demo

import "strings"

// pcast is the provincial leadership of a term.
type pcast struct {
	sec, ds1, ds2, ds3 *person
	hdndVice, ubndVice []*person
	heads              map[string]*post // head (director, chair) of each agency by key
	divHeads           map[*unit]*post  // head of each internal division
}

// provinceOrg returns the grassroots organization where an official of a
// provincial unit is registered.
func (b *builder) provinceOrg(key string) *unit {
	switch {
	case key == "HDND":
		return b.pro["CB-HDND"]
	case key == "UBND":
		return b.pro["CB-VPUB"]
	case b.pro["CB-"+key] != nil:
		return b.pro["CB-"+key]
	}
	for _, f := range frontOrgs {
		if f.key == key {
			return b.pro["CB-MTDT"]
		}
	}
	return b.pro["DB-CQTU"]
}

// provincePosts gives the province its leaders for the 2015–2020 party term
// and 2016–2021 council term: the secretary and three deputies, the
// People's Council and Committee leaders, the heads and deputies of every
// agency and the heads of their divisions, the directors of the provincial
// public service units.
func (b *builder) provincePosts() {
	p1, p2, s1, s2 := provCong15, provCong20, provHDND16, provHDND21
	tu := b.pro["TU"]
	lead := func(key string, born [2]int, female float64) *person {
		return b.leader("213", born, eduOfficial, female, true, b.provinceOrg(key).id, p1)
	}
	c := &pcast{heads: map[string]*post{}, divHeads: map[*unit]*post{}}
	b.pcast = c
	c.sec = lead("TU", [2]int{1958, 1964}, 0.05)
	c.ds1 = lead("TU", [2]int{1959, 1966}, 0.2)
	c.ds2 = lead("HDND", [2]int{1958, 1966}, 0.2)
	c.ds3 = lead("UBND", [2]int{1960, 1968}, 0.1)
	b.assign(c.sec, tu, "secretary", p1, p2, "elected")
	for _, p := range []*person{c.ds1, c.ds2, c.ds3} {
		b.assign(p, tu, "deputy_secretary", p1, p2, "elected")
	}
	b.assign(c.ds2, b.pro["HDND"], "chair", s1, s2, "elected")
	b.assign(c.ds3, b.pro["UBND"], "chair", s1, s2, "elected")
	for i := 0; i < 2; i++ {
		v := lead("HDND", [2]int{1962, 1972}, 0.3)
		c.hdndVice = append(c.hdndVice, v)
		b.assign(v, b.pro["HDND"], "vice_chair", s1, s2, "elected")
		b.assign(v, tu, "committee_member", p1, p2, "elected")
	}
	for i := 0; i < 4; i++ {
		v := lead("UBND", [2]int{1962, 1974}, 0.2)
		c.ubndVice = append(c.ubndVice, v)
		b.assign(v, b.pro["UBND"], "vice_chair", s1, s2, "elected")
		role := "committee_member"
		if i == 0 {
			role = "standing_member"
		}
		b.assign(v, tu, role, p1, p2, "elected")
	}
	agencies := append(append(append([]agencySpec{}, partyAgencies...), stateAgencies...), frontOrgs...)
	for _, a := range agencies {
		u := b.pro[a.key]
		female := 0.25
		if a.key == "HPN" {
			female = 1
		}
		h := lead(a.key, [2]int{1960, 1972}, female)
		role, how, from := "head", "appointed", b.between(day("2012-01-01"), day("2017-06-01"))
		switch a.kind {
		case "state_agency":
			role = "director"
		case "fatherland_front", "socio_political_org":
			role, how, from = "chair", "elected", b.between(day("2014-06-01"), day("2017-12-01"))
			if a.key == "DOAN" {
				role = "head"
			}
		}
		c.heads[a.key] = b.assign(h, u, role, from, 0, how)
		switch {
		case strings.HasPrefix(a.kind, "party_board") || a.key == "MTTQ":
			b.assign(h, tu, "standing_member", p1, p2, "elected")
		case a.kind == "state_agency" && b.chance(0.5), a.kind == "party_office", a.kind == "socio_political_org":
			b.assign(h, tu, "committee_member", p1, p2, "elected")
		}
		deputy := "deputy_head"
		if role == "director" {
			deputy = "deputy_director"
		} else if role == "chair" {
			deputy = "vice_chair"
		}
		for i := 0; i < 2; i++ {
			b.assign(lead(a.key, [2]int{1963, 1980}, 0.35), u, deputy, b.between(day("2012-01-01"), day("2018-01-01")), 0, "appointed")
		}
		for _, div := range b.childUnits(u, founded, "internal_division") {
			dh := lead(a.key, [2]int{1964, 1982}, 0.4)
			c.divHeads[div] = b.assign(dh, div, "head", b.between(day("2010-01-01"), day("2018-01-01")), 0, "appointed")
		}
	}
	tct := lead("TCT", [2]int{1960, 1968}, 0.2)
	b.assign(tct, b.pro["TCT"], "director", day("2014-03-01"), 0, "appointed")
	for _, u := range b.units {
		v := u.vs[0]
		if v.kind != "public_service_unit" || v.locality != b.prov.id {
			continue
		}
		key := strings.TrimPrefix(v.parent, b.prov.id+"/")
		dir := lead(key, [2]int{1962, 1978}, 0.3)
		c.heads[u.id] = b.assign(dir, u, "director", b.between(day("2012-01-01"), day("2018-01-01")), 0, "appointed")
	}
}
