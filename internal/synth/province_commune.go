package synth

import "fmt"

// commune writes commune number k of district h (party committee hu) with
// its organizations, posts, villages and party cells, and returns its id.
func (g *pgen) commune(k int, h, hu string) string {
	x := fmt.Sprintf("%sX%02d", h, k%g.p.CommunesPerDist)
	if k%50 == 7 { // renamed: two versions
		g.w("units", provUnitHeader, x, "Xã "+x, "commune", h, "", "", "", unitsFrom, "2018-09-01")
		g.w("units", provUnitHeader, x, "Thị trấn "+x, "commune", h, "", "", "", "2018-09-01", "")
	} else {
		g.unit(x, "Xã "+x, "commune", h, "")
	}
	committeeKind := "party_grassroots_committee"
	if k%10 == 9 {
		committeeKind = "party_grassroots_cell"
	}
	dx := g.unit("D"+x, "Đảng bộ xã "+x, committeeKind, hu, x)
	office := g.staffed("VP"+x, "Văn phòng Đảng ủy xã "+x, "party_office", dx, x, 1)
	council := g.staffed("HD"+x, "HĐND xã "+x, "people_council", "", x, 2)
	committee := g.staffed("UB"+x, "UBND xã "+x, "people_committee", "", x, 12)
	front := g.staffed("MT"+x, "Ủy ban MTTQ xã "+x, "fatherland_front", "", x, 2)
	for i := range 5 {
		g.staffed(fmt.Sprintf("TC%s%d", x, i), "Đoàn thể xã "+x, "socio_political_org", "", x, 1)
	}
	if k%4 == 0 {
		g.staffed("VK"+x, "Văn phòng Đảng ủy – HĐND – UBND xã "+x, "combined_office", "", x, 4)
	}
	var cells []string
	home := memberOrg{id: dx, parent: hu, members: 10}
	for i := range 4 {
		school := g.staffed(fmt.Sprintf("TR%s%d", x, i), "Trường, trạm xã "+x, "public_service_unit", committee, x, 25)
		if committeeKind == "party_grassroots_committee" {
			cells = append(cells, g.unit("C"+school, "Chi bộ "+school, "party_cell", dx, x, school))
		}
	}
	for v := range g.p.VillagesPerCommune {
		vid := fmt.Sprintf("%sT%02d", x, v)
		g.unit(vid, "Thôn "+vid, "village", x, "")
		if committeeKind == "party_grassroots_committee" {
			cells = append(cells, g.unit("C"+vid, "Chi bộ thôn "+vid, "party_cell", dx, vid, vid))
		}
		g.villagePosts(vid, dx, v)
	}
	for i, c := range cells {
		n := g.p.MembersPerCell
		if c[1:3] == "TR" {
			n = 8
		}
		g.orgs = append(g.orgs, memberOrg{id: c, parent: dx, members: n, near: cells[max(0, i-3):i]})
	}
	home.near = cells
	if len(cells) == 0 {
		home.members = g.p.MembersPerCell * g.p.VillagesPerCommune
	}
	g.orgs = append(g.orgs, home)
	g.communePosts(k, x, dx, office, council, committee, front)
	return x
}

// villagePosts writes a village head and deputy; about 65 % and 47 % are members.
func (g *pgen) villagePosts(vid, dx string, v int) {
	for _, r := range []struct {
		role  string
		share int
	}{{"village_head", 65}, {"deputy_village_head", 47}} {
		var p string
		if g.rnd.IntN(100) < r.share {
			p = g.member(memberOrg{id: dx})
		} else {
			p = g.person("")
		}
		from := fmt.Sprintf("%d-01-01", 2014+v%5)
		g.post(p, vid, r.role, from, "", "elected")
	}
}

// communePosts writes the key posts of a commune: F6 about 72 %, F8 about 2 %,
// F11 about 67 %, and recruitments of civil servants.
func (g *pgen) communePosts(k int, x, dx, office, council, committee, front string) {
	var leads []string
	lead := func() string { p := g.member(memberOrg{id: dx}); leads = append(leads, p); return p }
	sec := lead()
	g.post(sec, dx, "secretary", "2015-08-01", "", "elected")
	if k%25 < 18 {
		g.post(sec, council, "chair", "2016-07-01", "", "elected")
	} else {
		g.post(lead(), council, "chair", "2016-07-01", "", "elected")
	}
	chair := lead()
	if k%50 == 1 {
		chair = sec
	}
	g.post(chair, committee, "chair", "2016-07-01", "", "elected")
	if chair != sec {
		g.post(chair, dx, "deputy_secretary", "2015-08-01", "", "elected")
	}
	g.post(lead(), dx, "deputy_secretary", "2015-08-01", "", "elected")
	g.post(lead(), council, "vice_chair", "2016-07-01", "", "elected")
	g.post(lead(), committee, "vice_chair", "2016-07-01", "2018-08-01", "elected")
	g.post(lead(), committee, "vice_chair", "2018-08-01", "", "elected")
	g.post(lead(), front, "chair", "2014-09-01", "", "elected")
	g.plans(k, dx, committee, sec, chair, leads)
	if k%3 != 2 {
		g.post(g.person(""), office, "civil_servant", "2016-01-01", "", "recruited")
	}
	for i := range 6 {
		from := fmt.Sprintf("%d-%02d-01", 2012+g.rnd.IntN(8), 1+i*2)
		g.post(g.person(""), committee, "civil_servant", from, "", "recruited")
	}
}

// enterprises writes enterprises in the communes, some with party organizations.
func (g *pgen) enterprises(communes []string) {
	for i := range g.p.Enterprises {
		x := communes[i%len(communes)]
		own := "non_state"
		switch i % 20 {
		case 3, 8, 13:
			own = "state"
		case 4:
			own = "foreign"
		}
		e := g.unit(fmt.Sprintf("E%05d", i), fmt.Sprintf("Công ty %d", i), "enterprise", "", x, "", own)
		dx, hu := "D"+x, "HU"+x[:3]
		switch {
		case i%8 == 0:
			g.orgs = append(g.orgs, memberOrg{id: g.unit("CB"+e, "Chi bộ cơ sở "+e, "party_grassroots_cell", hu, x, e), members: 6})
		case i%8 == 1 && !g.communeIsCell(x):
			// a cell under the commune's committee (none when the commune has a grassroots cell)
			g.orgs = append(g.orgs, memberOrg{id: g.unit("CB"+e, "Chi bộ "+e, "party_cell", dx, x, e), members: 5})
		case i%40 == 2:
			c := g.unit("DB"+e, "Đảng bộ "+e, "party_grassroots_committee", hu, x, e)
			for j := range 3 {
				g.orgs = append(g.orgs, memberOrg{id: g.unit(fmt.Sprintf("%sC%d", c, j), "Chi bộ phân xưởng", "party_cell", c, x),
					members: 7})
			}
		}
	}
}

// communeIsCell reports whether commune x has a grassroots cell rather than a committee.
func (g *pgen) communeIsCell(x string) bool {
	k := atoi(x[1:3])*g.p.CommunesPerDist + atoi(x[4:6])
	return k%10 == 9
}
