package demo

import "fmt"

// enterprise is an enterprise with its party organization.
type enterprise struct {
	u, org  *unit
	c       *commune
	members int // party members on AsOf (or at the end of the organization)
}

// Party organizations in non-state enterprises on AsOf (F20): 2 grassroots
// cells and 16 cells under grassroots committees, with 143 members.
const wantNonStateMembers = 143

var (
	f20Members     = []int{14, 11}                                            // 25
	f20CellMembers = []int{9, 7, 5, 12, 6, 4, 8, 10, 5, 7, 6, 9, 11, 5, 8, 6} // 118
)

var (
	firmBrands  = []string{"Hưng Phát", "Thành Đạt", "Tân Hoàng Long", "Minh Quang", "Phú Sơn", "An Phát", "Đại Việt", "Hòa Bình", "Thái Sơn", "Kim Long", "Song Hà", "Việt Thắng", "Trường An", "Bảo Minh", "Đông Á", "Sao Mai", "Vạn Xuân", "Hồng Lĩnh", "Phúc Lộc", "Quang Minh", "Nam Tiến", "Thịnh Vượng", "Hải Đăng", "Bắc Sơn", "Lộc Hà", "Tiến Thành"}
	firmTrades  = []string{"May mặc", "Điện tử", "Cơ khí", "Thực phẩm", "Vật liệu xây dựng", "Thương mại và Dịch vụ", "Chế biến nông sản", "Dược phẩm", "Giày da", "Bao bì", "Gỗ nội thất", "Xây dựng"}
	industrials = []string{"07807", "07801", "07795", "07789", "07783", "07708", "07705", "07711", "07231", "07225", "07222", "07432", "07375", "07840", "07444"}
)

// enterpriseUnits adds the enterprises with party organizations: the 18
// non-state ones of AsOf (two grassroots cells under the enterprise bloc,
// sixteen cells under commune party committees), one dissolved in 2017,
// six founded after 2018, a foreign-invested one and two state-owned ones.
func (b *builder) enterpriseUnits() {
	byCode := map[string]*commune{}
	for _, c := range b.communes {
		byCode[c.code] = c
	}
	n := 0
	add := func(ownership, trade string, from, to date, orgKind string, members int) *enterprise {
		n++
		c := byCode[industrials[b.rnd.IntN(len(industrials))]]
		name := fmt.Sprintf("Công ty TNHH %s %s", trade, firmBrands[(n*7)%len(firmBrands)])
		switch ownership {
		case "state":
			name = fmt.Sprintf("Công ty TNHH MTV %s Bắc Giang", trade)
		case "foreign":
			name = fmt.Sprintf("Công ty TNHH %s Hanvi Vina", trade)
		}
		e := &enterprise{c: c, members: members}
		e.u = b.newUnit(fmt.Sprintf("%s/DN%02d", b.prov.id, n), version{from: min(from, day("2008-01-01").AddDays(b.rnd.IntN(2500))),
			name: name, kind: "enterprise", locality: c.u.id, ownership: ownership})
		v := version{from: from, kind: orgKind, host: e.u.id, locality: c.u.id}
		switch orgKind {
		case "party_cell":
			v.name, v.parent = "Chi bộ "+name, c.org["DU"].id
		case "party_grassroots_cell":
			v.name, v.parent, v.locality = "Chi bộ "+name, b.pro["DBK-DN"].id, b.prov.id
		default:
			v.name, v.parent, v.locality = "Đảng bộ "+name, b.pro["DBK-DN"].id, b.prov.id
		}
		e.org = b.newUnit(e.u.id+"/CB", v)
		if to != 0 {
			b.endUnit(e.org, to)
			b.endUnit(e.u, to)
			b.link("GT-"+e.org.id, to, "dissolve", e.org.id, "", "")
			b.succeed(e.org, to, c.org["DU"])
		} else {
			b.link("TL-"+e.org.id, from, "establish", "", e.org.id, "")
		}
		b.enterprises = append(b.enterprises, e)
		return e
	}
	total := 0
	for _, m := range append(append([]int{}, f20Members...), f20CellMembers...) {
		total += m
	}
	if total != wantNonStateMembers {
		b.fail("non-state enterprise party members: %d, want %d", total, wantNonStateMembers)
	}
	for i, m := range f20Members {
		add("non_state", firmTrades[i], b.between(day("2016-06-01"), day("2017-12-01")), 0, "party_grassroots_cell", m)
	}
	late := b.choose(len(f20CellMembers), 3)
	for i, m := range f20CellMembers {
		from := b.between(day("2016-03-01"), Since)
		if late[i] {
			from = b.between(Since+1, AsOf.AddDays(-20))
		}
		add("non_state", firmTrades[(i+2)%len(firmTrades)], from, 0, "party_cell", m)
	}
	add("non_state", "Gạch ngói", day("2015-04-01"), day("2017-09-01"), "party_cell", 4)
	for i := 0; i < 6; i++ {
		add("non_state", firmTrades[(i+5)%len(firmTrades)], b.between(day("2019-03-01"), day("2024-10-01")), 0, "party_cell", 3+b.rnd.IntN(5))
	}
	add("foreign", "Điện tử", day("2017-05-15"), 0, "party_cell", 5)
	add("state", "Thủy nông Sông Thương", day("1997-01-01"), 0, "party_grassroots_committee", 34)
	add("state", "Lâm nghiệp Sơn Động", day("1997-01-01"), 0, "party_grassroots_cell", 18)
}

// enterpriseMembers admits or transfers in the members of each enterprise
// organization: founders come from a village cell of the commune when the
// organization is set up, the others are admitted there later; each has a
// secretary.
func (b *builder) enterpriseMembers() {
	for _, e := range b.enterprises {
		from, end := e.org.start(), e.org.end()
		until := AsOf
		if from > AsOf {
			until = min(from.AddDays(700), today)
		}
		if end != 0 {
			until = end.AddDays(-30)
		}
		dist := e.c.dist.code
		born := [2]int{1970, 1995}
		if from <= founded {
			born = [2]int{1950, 1975}
		}
		var members []*person
		for i := 0; i < e.members; i++ {
			p := b.newPerson(profile{district: dist, female: 0.4, born: born, edu: eduCivil})
			if i < 3 || b.chance(0.3) || from <= founded {
				b.admitBefore(p, from, e.c.villages[0].cell.id)
				p.register(from, e.org.id)
			} else {
				p.admit(b.between(from+1, until), e.org.id)
			}
			members = append(members, p)
		}
		posts := max(from, commCong15) // posts are recorded from the 2015 term
		b.assign(members[0], e.org, "secretary", posts, 0, "elected")
		if e.org.kind() == "party_grassroots_committee" {
			for _, p := range members[1:4] {
				b.assign(p, e.org, "committee_member", posts, 0, "elected")
			}
		}
	}
}
