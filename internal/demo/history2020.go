package demo

// communeOrgKeys are the organizations of a commune merged together when
// communes merge.
var communeOrgKeys = []string{"DU", "VP", "HDND", "UBND", "MTTQ", "DOAN", "HPN", "HND", "HCCB", "VPHN"}

// history2020 merges 21 communes into their neighbours on 2020-01-01 (NQ
// 813/NQ-UBTVQH14): their party organizations, councils, committees, Front
// and mass organizations merge into the neighbour's, whose party
// organization takes in their members; their villages, party cells,
// schools and enterprises move to the neighbour; their posts end, and
// their leaders take deputy posts in the merged commune until the next
// elections (the norms may be exceeded for a while).
func (b *builder) history2020() {
	for _, c := range b.communes {
		if c.ended == merge2020 {
			b.mergeCommune(c, merge2020, commCong20, commHDND21)
		}
	}
}

// mergeCommune merges commune c into c.into on d; its leaders serve as
// deputies until the party congress and council elections that follow.
func (b *builder) mergeCommune(c *commune, d, cong, hdnd date) {
	into := c.into
	event, doc := reformEvent(d, into.code), reformDoc(d)
	succ := map[string]string{c.u.id: into.u.id}
	for _, key := range communeOrgKeys {
		u, to := c.org[key], into.org[key]
		if u == nil {
			continue
		}
		if to == nil {
			to = into.org["UBND"]
		}
		b.merge(event, d, to, doc, u)
		b.absorb(to, u, d, b.rnd.IntN(2))
		succ[u.id] = to.id
	}
	b.repoint(d, succ, event, doc)
	cs, ic := c.cast, into.cast
	ic.extra = append(ic.extra, cs.sec, cs.ds1)
	b.assign(cs.sec, into.org["DU"], "deputy_secretary", d, cong, "assigned")
	b.assign(cs.ds1, into.org["DU"], "committee_member", d, cong, "assigned")
	b.assign(cs.ubndChair, into.org["UBND"], "vice_chair", d, hdnd, "assigned")
	if cs.hdndChair != cs.sec && cs.hdndChair != cs.ubndChair {
		b.assign(cs.hdndChair, into.org["HDND"], "vice_chair", d, hdnd, "assigned")
		ic.extra = append(ic.extra, cs.hdndChair)
	}
	if m := holder(cs.mttqPosts, d-1); m != nil {
		end := date(0)
		if d < front24 {
			end = front24
		}
		b.assign(m, into.org["MTTQ"], "vice_chair", d, end, "assigned")
	}
	for _, a := range cs.civil {
		if a.from < d && (a.to == 0 || a.to > d) {
			ic.civil = append(ic.civil, b.assign(a.p, into.org["UBND"], "civil_servant", d, a.to, "transferred"))
		}
	}
	ic.extra = append(ic.extra, cs.ubndVice...)
}

// repoint gives every unit that exists on d and refers (as parent,
// locality or host) to an ending unit a new version from d that refers to
// its successor instead, with a move row.
func (b *builder) repoint(d date, succ map[string]string, event, doc string) {
	for _, u := range b.units {
		l := u.last()
		if u.start() >= d || (l.to != 0 && l.to <= d) {
			continue
		}
		p, lo, h := succ[l.parent], succ[l.locality], succ[l.host]
		if p == "" && lo == "" && h == "" {
			continue
		}
		b.change(u, d, func(v *version) {
			if p != "" {
				v.parent = p
			}
			if lo != "" {
				v.locality = lo
			}
			if h != "" {
				v.host = h
			}
		})
		b.link(event, d, "move", u.id, u.id, doc)
	}
}

// holder returns who holds the posts of a list on d, or nil.
func holder(posts []*post, d date) *person {
	for _, a := range posts {
		if a.from <= d && (a.to == 0 || d < a.to) {
			return a.p
		}
	}
	return nil
}
