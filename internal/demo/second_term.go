package demo

import "slices"

// secondTerm elects the 2020–2025 party committees and the 2021–2026
// councils of the province, the districts and the communes that still
// exist: about half of the leaders are re-elected, the others are replaced
// by their deputies or by newcomers.
func (b *builder) secondTerm() {
	for _, c := range b.communes {
		if c.ended > commCong20 {
			b.communeTerm2(c)
		}
	}
	for _, d := range b.districts {
		if d.cast != nil {
			b.districtTerm2(d)
		}
	}
	b.provinceTerm2()
}

// successor keeps prev with probability keep, else takes the first person
// of the pool who qualifies, else makes one (make may return nil). A
// person qualifies when not used yet, not retiring before until and, when
// party is set, a party member on that day.
func (b *builder) successor(prev *person, keep float64, pool *[]*person, until, party date, used map[*person]bool, make func() *person) *person {
	ok := func(p *person) bool {
		return p != nil && !used[p] && p.retires() > until && (party == 0 || p.member(party))
	}
	if ok(prev) && b.chance(keep) {
		used[prev] = true
		return prev
	}
	for i, p := range *pool {
		if ok(p) {
			*pool = slices.Delete(*pool, i, i+1)
			used[p] = true
			return p
		}
	}
	p := make()
	if p != nil {
		used[p] = true
	}
	return p
}

func (b *builder) communeTerm2(c *commune) {
	du, hd, ub := c.org["DU"], c.org["HDND"], c.org["UBND"]
	p2, s2 := commCong20, commHDND21
	old := c.cast
	until := p2.AddDays(4 * 365)
	pool := append([]*person{old.ds1, old.ds2, old.hdndVice}, old.ubndVice...)
	pool = append(pool, old.extra...)
	used := map[*person]bool{}
	lead := func(born [2]int, female float64) func() *person {
		return func() *person { return b.leader(c.dist.code, born, eduCommune, female, true, du.id, p2) }
	}
	cs := &cast{socio: old.socio, socioAll: old.socioAll, civil: old.civil, combined: old.combined, office: old.office, mttqPosts: old.mttqPosts}
	c.cast = cs
	cs.sec = b.successor(old.sec, 0.45, &pool, until, p2, used, lead([2]int{1965, 1982}, 0.12))
	cs.ds1 = b.successor(old.ds1, 0.4, &pool, until, p2, used, lead([2]int{1968, 1985}, 0.18))
	switch r := b.rnd.Float64(); {
	case r < 0.78:
		cs.conc = 'A'
	case r < 0.80:
		cs.conc = 'B'
	default:
		cs.conc = 'C'
		cs.ds2 = b.successor(old.ds2, 0.4, &pool, until, p2, used, lead([2]int{1966, 1985}, 0.25))
	}
	cs.hdndVice = b.successor(old.hdndVice, 0.5, &pool, until, 0, used, lead([2]int{1970, 1990}, 0.35))
	cs.ubndVice = []*person{b.successor(nil, 0, &pool, until, 0, used, lead([2]int{1972, 1990}, 0.3))}
	if c.urban() && b.chance(0.5) {
		cs.ubndVice = append(cs.ubndVice, b.successor(nil, 0, &pool, until, 0, used, lead([2]int{1972, 1990}, 0.3)))
	}
	b.assign(cs.sec, du, "secretary", p2, 0, "elected")
	b.assign(cs.ds1, du, "deputy_secretary", p2, 0, "elected")
	if cs.ds2 != nil {
		b.assign(cs.ds2, du, "deputy_secretary", p2, 0, "elected")
	}
	for _, p := range []*person{cs.hdndVice, cs.ubndVice[0], holder(cs.mttqPosts, p2)} {
		if p != nil && p.member(p2) {
			b.assign(p, du, "committee_member", p2, 0, "elected")
		}
	}
	switch cs.conc {
	case 'A':
		cs.hdndChair, cs.ubndChair = cs.sec, cs.ds1
	case 'B':
		cs.hdndChair, cs.ubndChair = cs.ds1, cs.sec
	default:
		cs.hdndChair, cs.ubndChair = cs.ds2, cs.ds1
	}
	// A new secretary who is to chair the council is elected to it at the
	// session after the congress.
	if h := old.hdndChairPost; h != nil && cs.conc == 'A' && h.p != cs.sec && h.to > p2 {
		handoff := p2.AddDays(26)
		h.to = handoff
		b.assign(cs.sec, hd, "chair", handoff, s2, "elected")
	}
	cs.hdndChairPost = b.assign(cs.hdndChair, hd, "chair", s2, 0, "elected")
	b.assign(cs.ubndChair, ub, "chair", s2, 0, "elected")
	b.assign(cs.hdndVice, hd, "vice_chair", s2, 0, "elected")
	for _, p := range cs.ubndVice {
		b.assign(p, ub, "vice_chair", s2, 0, "elected")
	}
	cs.extra = pool
}

func (b *builder) districtTerm2(d *district) {
	p2, s2 := distCong20, distHDND21
	old := d.cast
	hu, hd, ub := d.org["HU"], d.org["HDND"], d.org["UBND"]
	until := p2.AddDays(4 * 365)
	pool := append([]*person{old.ds1, old.ds2, old.heads["BTC"], old.heads["BDV"], old.hdndVice}, old.ubndVice...)
	used := map[*person]bool{}
	lead := func(key string) func() *person {
		return func() *person {
			return b.leader(d.code, [2]int{1966, 1980}, eduOfficial, 0.2, true, districtOrg(d, key).id, p2)
		}
	}
	c := &dcast{heads: old.heads, posts: old.posts}
	d.cast = c
	c.sec = b.successor(old.sec, 0.35, &pool, until, p2, used, lead("HU"))
	c.ds1 = b.successor(old.ds1, 0.4, &pool, until, p2, used, lead("HU"))
	c.ds2 = b.successor(old.ds2, 0.4, &pool, until, p2, used, lead("UBND"))
	b.assign(c.sec, hu, "secretary", p2, 0, "elected")
	b.assign(c.ds1, hu, "deputy_secretary", p2, 0, "elected")
	b.assign(c.ds2, hu, "deputy_secretary", p2, 0, "elected")
	c.hdndChair, c.ubndChair = c.ds1, c.ds2
	switch r := b.rnd.Float64(); {
	case r < 0.5:
		c.hdndChair = c.sec
	case r < 0.6:
		c.ubndChair = c.sec
	}
	b.assign(c.hdndChair, hd, "chair", s2, 0, "elected")
	b.assign(c.ubndChair, ub, "chair", s2, 0, "elected")
	c.hdndVice = b.successor(old.hdndVice, 0.5, &pool, until, 0, used, lead("HDND"))
	b.assign(c.hdndVice, hd, "vice_chair", s2, 0, "elected")
	for i := 0; i < 3; i++ {
		v := b.successor(nil, 0, &pool, until, 0, used, lead("UBND"))
		c.ubndVice = append(c.ubndVice, v)
		b.assign(v, ub, "vice_chair", s2, 0, "elected")
	}
	for _, key := range []string{"BTC", "UBKT", "BTG", "BDV", "VP", "PNV", "PTCKH", "PGDDT"} {
		a := c.posts[key]
		if a == nil || !b.chance(0.4) {
			continue
		}
		t := b.between(p2, day("2023-06-01"))
		a.to = t
		h := lead(key)()
		c.heads[key] = h
		c.posts[key] = b.assign(h, a.u, a.role, t, 0, "appointed")
	}
	c.all = append([]*person{c.sec, c.ds1, c.ds2, c.hdndVice}, c.ubndVice...)
	for _, key := range []string{"BTC", "UBKT", "BTG", "BDV", "VP", "PNV", "PTCKH", "VPHU"} {
		if h := c.heads[key]; h != nil && !used[h] {
			c.all = append(c.all, h)
		}
	}
}

func (b *builder) provinceTerm2() {
	p2, s2 := provCong20, provHDND21
	old := b.pcast
	tu := b.pro["TU"]
	until := p2.AddDays(4 * 365)
	pool := append(append([]*person{old.ds1, old.ds2, old.ds3}, old.hdndVice...), old.ubndVice...)
	used := map[*person]bool{}
	lead := func(key string) func() *person {
		return func() *person {
			return b.leader("213", [2]int{1962, 1975}, eduOfficial, 0.2, true, b.provinceOrg(key).id, p2)
		}
	}
	c := &pcast{heads: old.heads, divHeads: old.divHeads}
	b.pcast = c
	c.sec = b.successor(nil, 0, &pool, until, p2, used, lead("TU"))
	c.ds1 = b.successor(nil, 0, &pool, until, p2, used, lead("TU"))
	c.ds2 = b.successor(old.ds2, 0.4, &pool, until, p2, used, lead("HDND"))
	c.ds3 = b.successor(old.ds3, 0.4, &pool, until, p2, used, lead("UBND"))
	b.assign(c.sec, tu, "secretary", p2, 0, "elected")
	for _, p := range []*person{c.ds1, c.ds2, c.ds3} {
		b.assign(p, tu, "deputy_secretary", p2, 0, "elected")
	}
	b.assign(c.ds2, b.pro["HDND"], "chair", s2, 0, "elected")
	b.assign(c.ds3, b.pro["UBND"], "chair", s2, 0, "elected")
	for i := 0; i < 2; i++ {
		v := b.successor(nil, 0, &pool, until, 0, used, lead("HDND"))
		c.hdndVice = append(c.hdndVice, v)
		b.assign(v, b.pro["HDND"], "vice_chair", s2, 0, "elected")
	}
	for i := 0; i < 4; i++ {
		v := b.successor(nil, 0, &pool, until, 0, used, lead("UBND"))
		c.ubndVice = append(c.ubndVice, v)
		b.assign(v, b.pro["UBND"], "vice_chair", s2, 0, "elected")
	}
}
