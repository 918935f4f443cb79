package demo

// dcast is the leadership of a district in a term.
type dcast struct {
	sec, ds1, ds2        *person
	hdndChair, ubndChair *person
	hdndVice             *person
	ubndVice             []*person
	heads                map[string]*person // head of each board, office, agency and mass organization
	posts                map[string]*post   // their posts
	all                  []*person
}

// districtPosts gives every district of 2018 its leaders for the 2015–2020
// party term and 2016–2021 council term, arranged so that on AsOf the
// configuration holds (F5, F7, F9, F10).
func (b *builder) districtPosts() {
	for _, d := range b.districts {
		if d.code != "224" {
			b.districtTerm1(d)
		}
	}
}

// partyKeys are the district organizations of the party and front blocs,
// whose officials are registered in the district's party-and-mass-
// organization grassroots committee.
var partyKeys = map[string]bool{"HU": true, "BTC": true, "UBKT": true, "BTG": true, "BDV": true, "VP": true,
	"TTCT": true, "MTTQ": true, "DOAN": true, "HPN": true, "HND": true, "HCCB": true, "LDLD": true}

// districtOrg returns the grassroots organization where an official of a
// district organization is registered.
func districtOrg(d *district, key string) *unit {
	if partyKeys[key] {
		return d.org["DB-DDT"]
	}
	return d.org["DB-CQ"]
}

func (b *builder) districtTerm1(d *district) {
	p1, p2, s1, s2 := distCong15, distCong20, distHDND16, distHDND21
	hu, hd, ub := d.org["HU"], d.org["HDND"], d.org["UBND"]
	lead := func(key string, born [2]int, female float64) *person {
		p := b.leader(d.code, born, eduOfficial, female, true, districtOrg(d, key).id, p1)
		return p
	}
	c := &dcast{heads: map[string]*person{}, posts: map[string]*post{}}
	c.sec = lead("HU", [2]int{1960, 1970}, 0.1)
	c.ds1 = lead("HU", [2]int{1962, 1972}, 0.15)
	c.ds2 = lead("UBND", [2]int{1963, 1974}, 0.1)
	b.assign(c.sec, hu, "secretary", p1, p2, "elected")
	b.assign(c.sec, b.pro["TU"], "committee_member", provCong15, provCong20, "elected")
	b.assign(c.ds1, hu, "deputy_secretary", p1, p2, "elected")
	b.assign(c.ds2, hu, "deputy_secretary", p1, p2, "elected")
	ld := b.between(Since+1, AsOf)
	switch {
	case d.conf.secCouncil && d.conf.lateCouncil:
		b.assign(c.ds1, hd, "chair", s1, ld, "elected")
		b.assign(c.sec, hd, "chair", ld, s2, "elected")
		b.assign(c.ds2, ub, "chair", s1, s2, "elected")
	case d.conf.secCouncil:
		b.assign(c.sec, hd, "chair", s1, s2, "elected")
		b.assign(c.ds2, ub, "chair", s1, s2, "elected")
	case d.conf.secCommittee:
		b.assign(c.ds1, hd, "chair", s1, s2, "elected")
		b.assign(c.sec, ub, "chair", s1, s2, "elected")
	default:
		b.assign(c.ds1, hd, "chair", s1, s2, "elected")
		b.assign(c.ds2, ub, "chair", s1, s2, "elected")
	}
	c.hdndVice = lead("HDND", [2]int{1963, 1978}, 0.3)
	b.assign(c.hdndVice, hd, "vice_chair", s1, s2, "elected")
	for i := 0; i < 3; i++ {
		v := lead("UBND", [2]int{1965, 1980}, 0.25)
		c.ubndVice = append(c.ubndVice, v)
		b.assign(v, ub, "vice_chair", s1, s2, "elected")
	}
	for _, key := range []string{"BTC", "UBKT", "BTG", "BDV", "VP", "MTTQ", "DOAN", "HPN", "HND", "HCCB", "LDLD",
		"VPHU", "PNV", "PTP", "PTCKH", "PTNMT", "PLDTBXH", "PVHTT", "PGDDT", "PYT", "TTRH", "PNN", "PKTHT", "PDT"} {
		u := d.org[key]
		if u == nil {
			continue
		}
		female, born := 0.25, [2]int{1964, 1978}
		switch key {
		case "HPN":
			female = 1
		case "DOAN":
			born = [2]int{1982, 1990}
		}
		if key == "MTTQ" && d.conf.massFront && !d.conf.lateFront {
			continue // the head of the mass mobilization board chairs the Front
		}
		h := lead(key, born, female)
		c.heads[key] = h
		role, how, from := "head", "appointed", b.between(day("2013-01-01"), day("2017-06-01"))
		switch u.kind() {
		case "fatherland_front", "socio_political_org":
			role, how, from = "chair", "elected", front14
			if key == "DOAN" {
				role = "head"
			}
		}
		if key == "MTTQ" && d.conf.massFront {
			lf := b.between(Since+1, AsOf)
			b.assign(h, u, role, from, lf, how)
			b.assign(c.heads["BDV"], u, "chair", lf, front19, "elected")
			continue
		}
		c.posts[key] = b.assign(h, u, role, from, 0, how)
		if u.kind() == "party_board_organization" || u.kind() == "party_board_inspection" || key == "BDV" || key == "BTG" {
			b.assign(h, hu, "standing_member", p1, p2, "elected")
		}
		if key == "PNV" || key == "PTCKH" || key == "PGDDT" || key == "MTTQ" || key == "VP" {
			b.assign(h, hu, "committee_member", p1, p2, "elected")
		}
		if key != "MTTQ" && key != "DOAN" && key != "HPN" && key != "HND" && key != "HCCB" && key != "LDLD" {
			b.assign(lead(key, [2]int{1965, 1985}, 0.35), u, "deputy_head", b.between(day("2012-01-01"), day("2018-01-01")), 0, "appointed")
		}
	}
	if d.conf.massFront && !d.conf.lateFront {
		b.assign(c.heads["BDV"], d.org["MTTQ"], "chair", front14, front19, "elected")
	}
	b.assign(c.ubndVice[0], hu, "standing_member", p1, p2, "elected")
	b.assign(c.hdndVice, hu, "committee_member", p1, p2, "elected")
	director := c.heads["BTG"]
	if d.conf.lateCenter {
		old := lead("TTCT", [2]int{1958, 1962}, 0.3)
		lc := b.between(Since+1, AsOf)
		b.assign(old, d.org["TTCT"], "director", day("2012-08-01"), lc, "appointed")
		b.assign(director, d.org["TTCT"], "director", lc, 0, "appointed")
	} else {
		b.assign(director, d.org["TTCT"], "director", b.between(day("2014-01-01"), day("2017-01-01")), 0, "appointed")
	}
	for i, cm := range d.communes {
		if i%6 == 0 {
			b.assign(cm.cast.sec, hu, "committee_member", p1, p2, "elected")
		}
	}
	c.all = []*person{c.sec, c.ds1, c.ds2, c.hdndVice}
	c.all = append(c.all, c.ubndVice...)
	for _, key := range []string{"BTC", "UBKT", "BTG", "BDV", "VP", "PNV", "PTCKH", "VPHU", "MTTQ"} {
		if h := c.heads[key]; h != nil {
			c.all = append(c.all, h)
		}
	}
	d.cast = c
}
