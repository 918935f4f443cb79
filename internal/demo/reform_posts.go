package demo

// reformPosts staffs the new communes on 2025-07-01. As happened across
// the country, district leaders became the secretaries and chairs of the
// new communes, helped by the leaders of the old communes; the civil
// servants of the old communes and of the districts' offices went to the
// new communes. The posts are designated until the party congress (August
// 2025) and the council elected in 2026, which confirm most of them.
func (b *builder) reformPosts(succ map[string]string) {
	b.reformProvincePosts(succ)
	d := reform
	used := map[*person]bool{}
	for _, n := range b.newCommunes {
		var dpool, cpool []*person
		seen := map[*district]bool{}
		for _, c := range n.old {
			dist := b.districtOn(c, d-1)
			if dist != nil && !seen[dist] && dist.cast != nil {
				seen[dist] = true
				dpool = append(dpool, dist.cast.all...)
			}
			cs := c.cast
			cpool = append(cpool, cs.sec, cs.ds1, cs.hdndChair, cs.ubndChair, cs.hdndVice, holder(cs.mttqPosts, d-1))
			cpool = append(cpool, cs.ubndVice...)
		}
		b.shufflePeople(dpool)
		until := d.AddDays(3 * 365)
		draw := func(first, second *[]*person, born [2]int, party date) *person {
			for _, pool := range []*[]*person{first, second} {
				if p := b.successor(nil, 0, pool, until, party, used, func() *person { return nil }); p != nil {
					return p
				}
			}
			p := b.leader(n.old[0].dist.code, born, eduOfficial, 0.3, true, n.old[0].org["DU"].id, d)
			used[p] = true
			return p
		}
		du, hd, ub := n.org["DU"], n.org["HDND"], n.org["UBND"]
		sec := draw(&dpool, &cpool, [2]int{1968, 1980}, d)
		ds1 := draw(&dpool, &cpool, [2]int{1970, 1984}, d)
		ds2 := draw(&cpool, &dpool, [2]int{1970, 1984}, d)
		b.term3(sec, du, "secretary", commCong25)
		b.term3(ds1, du, "deputy_secretary", commCong25)
		b.term3(ds2, du, "deputy_secretary", commCong25)
		chair := sec
		if b.chance(0.25) {
			chair = ds2
		}
		b.term3(chair, hd, "chair", hdnd26)
		b.term3(ds1, ub, "chair", hdnd26)
		b.term3(draw(&cpool, &dpool, [2]int{1972, 1988}, 0), hd, "vice_chair", hdnd26)
		for i := 0; i < 2+b.rnd.IntN(2); i++ {
			b.term3(draw(&dpool, &cpool, [2]int{1972, 1988}, 0), ub, "vice_chair", hdnd26)
		}
		b.term3(draw(&cpool, &dpool, [2]int{1965, 1982}, 0), n.org["MTTQ"], "chair", 0)
		for _, key := range []string{"VP", "VPHDUB", "PKT", "PVHXH"} {
			b.term3(draw(&dpool, &cpool, [2]int{1972, 1988}, 0), n.org[key], "head", 0)
		}
		b.term3(draw(&cpool, &dpool, [2]int{1972, 1988}, 0), n.org["TTHCC"], "director", 0)
		for _, key := range []string{"DOAN", "HPN", "HND", "HCCB"} {
			var heads []*person
			for _, c := range n.old {
				heads = append(heads, holder(c.cast.socioAll[key], d-1))
			}
			role := "chair"
			if key == "DOAN" {
				role = "head"
			}
			b.term3(draw(&heads, &cpool, [2]int{1970, 1990}, 0), n.org[key], role, 0)
		}
		offices := []string{"VPHDUB", "PKT", "PVHXH", "UBND"}
		for _, c := range n.old {
			for _, a := range append(append([]*post{}, c.cast.civil...), c.cast.combined...) {
				if a.from < d && (a.to == 0 || a.to > d) && !used[a.p] {
					used[a.p] = true
					b.assign(a.p, n.org[pick(b, offices)], "civil_servant", d, a.to, "transferred")
				}
			}
			if a := c.cast.office; a != nil && a.role == "civil_servant" && (a.to == 0 || a.to > d) && !used[a.p] {
				used[a.p] = true
				b.assign(a.p, n.org["VP"], "civil_servant", d, a.to, "transferred")
			}
		}
	}
}

// term3 gives a post in a new commune: designated from the reform until
// the election (congress or council), then elected (most are confirmed);
// the holder's party registration moves to the new commune.
func (b *builder) term3(p *person, u *unit, role string, elected date) {
	d := reform
	for _, n := range b.newCommunes {
		if n.u.id == u.last().locality {
			p.moveTo(d, n.org["DU"])
		}
	}
	b.assign(p, u, role, d, elected, "appointed")
	if elected != 0 && b.chance(0.85) {
		b.assign(p, u, role, elected, 0, "elected")
	}
}

// districtOn returns the district a commune belongs to on d.
func (b *builder) districtOn(c *commune, d date) *district {
	v := c.u.at(d)
	if v == nil {
		return nil
	}
	for _, x := range b.districts {
		if x.u.id == v.parent {
			return x
		}
	}
	return nil
}

// shufflePeople shuffles a list of people in place.
func (b *builder) shufflePeople(ps []*person) {
	b.rnd.Shuffle(len(ps), func(i, j int) { ps[i], ps[j] = ps[j], ps[i] })
}
