package synth

import "fmt"

// province writes the units, posts, members and headcounts.
func (g *pgen) province() {
	g.unit("T", "Tỉnh Tổng hợp", "province", "", "")
	g.unit("DBT", "Đảng bộ tỉnh Tổng hợp", "party_provincial", "", "T")
	for i, k := range []string{"party_board_organization", "party_board_inspection", "party_board_propaganda",
		"party_board_mass_mobilization", "party_office"} {
		g.staffed(fmt.Sprintf("TB%d", i), "Cơ quan tham mưu tỉnh "+fmt.Sprint(i), k, "DBT", "T", 20+i)
	}
	g.staffed("HDT", "HĐND tỉnh", "people_council", "", "T", 15)
	g.staffed("UBT", "UBND tỉnh", "people_committee", "", "T", 60)
	g.staffed("MTT", "Ủy ban MTTQ tỉnh", "fatherland_front", "", "T", 25)
	for i := range 5 {
		id := g.staffed(fmt.Sprintf("TCT%d", i), "Tổ chức chính trị – xã hội tỉnh "+fmt.Sprint(i), "socio_political_org", "", "T", 20)
		for j := range 3 {
			g.staffed(fmt.Sprintf("%sP%d", id, j), "Ban "+fmt.Sprint(j), "internal_division", id, "T", 5)
		}
	}
	for i := range 20 {
		id := g.staffed(fmt.Sprintf("SO%02d", i), "Sở "+fmt.Sprint(i), "state_agency", "UBT", "T", 15)
		for j := range 6 {
			g.staffed(fmt.Sprintf("%sP%d", id, j), "Phòng "+fmt.Sprint(j), "internal_division", id, "T", 8)
		}
	}
	for i := range 40 {
		id := fmt.Sprintf("SNT%02d", i)
		if i < 10 { // dissolved in the 2018 restructuring
			g.unit(id, "Đơn vị sự nghiệp tỉnh "+fmt.Sprint(i), "public_service_unit", "UBT", "T", "", "", "2018-07-01")
			g.w("headcount", countHeader, id, "2015-01-01", "30", "30")
			continue
		}
		g.staffed(id, "Đơn vị sự nghiệp tỉnh "+fmt.Sprint(i), "public_service_unit", "UBT", "T", 40)
	}
	var communes []string
	for d := range g.p.Districts {
		communes = append(communes, g.district(d)...)
	}
	g.enterprises(communes)
	for _, o := range g.orgs {
		g.orgRatings(o)
	}
	for _, o := range g.orgs {
		for range o.members {
			g.member(o)
		}
	}
}

// district writes a district and its communes, and returns the communes' ids.
func (g *pgen) district(d int) []string {
	h := fmt.Sprintf("H%02d", d)
	g.unit(h, "Huyện "+h, "district", "T", "")
	hu := g.staffed("HU"+h, "Đảng bộ huyện "+h, "party_upper", "DBT", h, 0)
	boards := map[string]string{}
	for _, k := range []string{"party_board_organization", "party_board_inspection", "party_board_propaganda",
		"party_board_mass_mobilization", "party_office", "political_training_center"} {
		boards[k] = g.staffed(h+k[:9]+fmt.Sprint(len(boards)), "Cơ quan "+k+" huyện "+h, k, hu, h, 6)
	}
	council := g.staffed("HD"+h, "HĐND huyện "+h, "people_council", "", h, 3)
	committee := g.staffed("UB"+h, "UBND huyện "+h, "people_committee", "", h, 12)
	front := g.staffed("MT"+h, "Ủy ban MTTQ huyện "+h, "fatherland_front", "", h, 8)
	for i := range 5 {
		g.staffed(fmt.Sprintf("TC%s%d", h, i), "Đoàn thể huyện "+h, "socio_political_org", "", h, 4)
	}
	for i := range 12 {
		g.staffed(fmt.Sprintf("PH%s%02d", h, i), "Phòng chuyên môn huyện "+h, "state_agency", committee, h, 5)
	}
	for i := range 25 {
		g.staffed(fmt.Sprintf("SN%s%02d", h, i), "Trường, trạm huyện "+h, "public_service_unit", committee, h, 30)
	}
	agencies := g.unit("CQ"+h, "Đảng bộ Cơ quan huyện "+h, "party_grassroots_committee", hu, h)
	for i := range 3 {
		g.orgs = append(g.orgs, memberOrg{id: g.unit(fmt.Sprintf("CQ%sC%d", h, i), "Chi bộ cơ quan "+fmt.Sprint(i),
			"party_cell", agencies, h), members: 30})
	}
	lead := func() string { return g.member(memberOrg{id: agencies}) }
	secretary := lead()
	g.post(secretary, hu, "secretary", "2015-10-01", "", "elected")
	// F5 (5 of 10, the fifth from 1-7-2018), F7 (2 of 10), F9 (7 of 10), F10 (10 of 10)
	switch {
	case d < 4:
		g.post(secretary, council, "chair", "2016-07-01", "", "elected")
	case d == 4:
		g.post(lead(), council, "chair", "2016-07-01", "2018-07-01", "elected")
		g.post(secretary, council, "chair", "2018-07-01", "", "elected")
	default:
		g.post(lead(), council, "chair", "2016-07-01", "", "elected")
	}
	if d == 5 || d == 6 {
		g.post(secretary, committee, "chair", "2016-07-01", "", "elected")
	} else {
		g.post(lead(), committee, "chair", "2016-07-01", "", "elected")
	}
	mm := lead()
	g.post(mm, boards["party_board_mass_mobilization"], "head", "", "", "appointed")
	if d < 7 {
		g.post(mm, front, "chair", "2016-07-01", "", "elected")
	} else {
		g.post(lead(), front, "chair", "2016-07-01", "", "elected")
	}
	pr := lead()
	g.post(pr, boards["party_board_propaganda"], "head", "", "", "appointed")
	g.post(pr, boards["political_training_center"], "director", "", "", "appointed")
	var out []string
	for c := range g.p.CommunesPerDist {
		out = append(out, g.commune(d*g.p.CommunesPerDist+c, h, hu))
	}
	return out
}
