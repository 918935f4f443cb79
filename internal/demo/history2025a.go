package demo

import "slices"

// history2025a applies Nghị quyết 1191/NQ-UBTVQH15 on 2025-01-01: 17
// communes merge into their neighbours, huyện Yên Dũng is merged into
// Thành phố Bắc Giang (its organizations into the city's, its communes
// under the city's), and thị xã Chũ is created from ten communes of Lục
// Ngạn, with new organizations led by officials of Lục Ngạn.
func (b *builder) history2025a() {
	d := merge2025a
	for _, c := range b.communes {
		if c.ended == d {
			b.mergeCommune(c, d, 0, 0)
		}
	}
	var yd, city, lng, chu *district
	for _, x := range b.districts {
		switch x.code {
		case "221":
			yd = x
		case "213":
			city = x
		case "219":
			lng = x
		case "224":
			chu = x
		}
	}
	succ := map[string]string{yd.u.id: city.u.id}
	for _, s := range districtOrgs {
		from, to := yd.org[s.key], city.org[s.key]
		if from == nil || to == nil || !from.alive(d-1) {
			continue
		}
		b.merge("NQ1191-221", d, to, docNQ1191, from)
		b.absorb(to, from, d, 0)
		succ[from.id] = to.id
	}
	for _, key := range []string{"TTVHTT", "DVNN"} {
		b.merge("NQ1191-221", d, city.org[key], docNQ1191, yd.org[key])
		b.absorb(city.org[key], yd.org[key], d, 0)
		succ[yd.org[key].id] = city.org[key].id
	}
	b.repoint(d, succ, "NQ1191-221", docNQ1191)
	yc := yd.cast
	b.assign(yc.sec, city.org["HU"], "deputy_secretary", d, 0, "assigned")
	b.assign(yc.ubndChair, city.org["UBND"], "vice_chair", d, 0, "assigned")
	for _, key := range []string{"BTC", "UBKT", "BTG", "BDV", "VP", "PNV", "PTCKH"} {
		if h := yc.heads[key]; h != nil && h != yc.sec && h != yc.ubndChair {
			b.assign(h, city.org[key], "deputy_head", d, 0, "assigned")
		}
	}
	city.cast.all = append(city.cast.all, yc.sec, yc.ubndChair)

	for _, s := range districtOrgs {
		if u := chu.org[s.key]; u != nil {
			b.link("NQ1191-224", d, "establish", "", u.id, docNQ1191)
		}
	}
	for _, c := range lng.communes {
		if !slices.Contains(chuCommunes, c.code) {
			continue
		}
		moved := map[string]string{}
		for key, u := range lng.org {
			if chu.org[key] != nil {
				moved[u.id] = chu.org[key].id
			}
		}
		for _, u := range b.units {
			l := u.last()
			if l.locality != c.u.id || u.start() >= d || (l.to != 0 && l.to <= d) || moved[l.parent] == "" {
				continue
			}
			b.change(u, d, func(v *version) { v.parent = moved[v.parent] })
			b.link("NQ1191-224", d, "move", u.id, u.id, docNQ1191)
		}
	}
	b.chuLeaders(chu, lng)
}

// chuLeaders appoints the leaders of thị xã Chũ for its six months.
func (b *builder) chuLeaders(chu, lng *district) {
	d := merge2025a
	pool := append([]*person{lng.cast.ds2, lng.cast.hdndVice}, lng.cast.ubndVice...)
	used := map[*person]bool{lng.cast.sec: true, lng.cast.ds1: true, lng.cast.hdndChair: true, lng.cast.ubndChair: true}
	lead := func(key string) func() *person {
		return func() *person {
			return b.leader("219", [2]int{1968, 1984}, eduOfficial, 0.2, true, districtOrg(lng, key).id, d)
		}
	}
	next := func(key string) *person {
		party := date(0)
		if partyKeys[key] {
			party = d
		}
		p := b.successor(nil, 0, &pool, d.AddDays(365), party, used, lead(key))
		p.moveTo(d, districtOrg(chu, key))
		return p
	}
	c := &dcast{heads: map[string]*person{}, posts: map[string]*post{}}
	chu.cast = c
	c.sec, c.ds1, c.ds2 = next("HU"), next("HU"), next("UBND")
	b.assign(c.sec, chu.org["HU"], "secretary", d, 0, "appointed")
	b.assign(c.ds1, chu.org["HU"], "deputy_secretary", d, 0, "appointed")
	b.assign(c.ds2, chu.org["HU"], "deputy_secretary", d, 0, "appointed")
	c.hdndChair, c.ubndChair = c.sec, c.ds2
	b.assign(c.sec, chu.org["HDND"], "chair", d, 0, "elected")
	b.assign(c.ds2, chu.org["UBND"], "chair", d, 0, "elected")
	c.hdndVice = next("HDND")
	b.assign(c.hdndVice, chu.org["HDND"], "vice_chair", d, 0, "elected")
	for i := 0; i < 2; i++ {
		v := next("UBND")
		c.ubndVice = append(c.ubndVice, v)
		b.assign(v, chu.org["UBND"], "vice_chair", d, 0, "elected")
	}
	for _, s := range districtOrgs {
		u := chu.org[s.key]
		if u == nil || s.kind == "party_upper" || s.kind == "party_grassroots_committee" || s.kind == "people_council" ||
			s.kind == "people_committee" || s.kind == "political_training_center" {
			continue
		}
		h := next(s.key)
		role := "head"
		if s.kind == "fatherland_front" || (s.kind == "socio_political_org" && s.key != "DOAN") {
			role = "chair"
		}
		c.heads[s.key] = h
		c.posts[s.key] = b.assign(h, u, role, d, 0, "appointed")
	}
	b.assign(c.heads["BTG"], chu.org["TTCT"], "director", d, 0, "appointed")
	c.all = append([]*person{c.sec, c.ds1, c.ds2, c.hdndVice}, c.ubndVice...)
	for _, key := range []string{"BTC", "UBKT", "BTG", "BDV", "VP", "PNV", "PTCKH", "VPHU"} {
		c.all = append(c.all, c.heads[key])
	}
}
