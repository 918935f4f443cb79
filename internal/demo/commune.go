package demo

import (
	"fmt"
	"strings"
)

var communeOrgs = []orgSpec{
	{"DU", "party_grassroots_committee", "Đảng bộ {lo}", "^HU", 2},
	{"VP", "party_office", "Văn phòng {cw}", "DU", 1},
	{"HDND", "people_council", "HĐND {lo}", "", 1},
	{"UBND", "people_committee", "UBND {lo}", "^UBND", 0},
	{"MTTQ", "fatherland_front", "Ủy ban MTTQ Việt Nam {lo}", "^MTTQ", 2},
	{"DOAN", "socio_political_org", "Đoàn TNCS Hồ Chí Minh {lo}", "^DOAN", 1},
	{"HPN", "socio_political_org", "Hội Liên hiệp Phụ nữ {lo}", "^HPN", 1},
	{"HND", "socio_political_org", "Hội Nông dân {lo}", "^HND", 1},
	{"HCCB", "socio_political_org", "Hội Cựu chiến binh {lo}", "^HCCB", 1},
}

// village is a village (thôn) or residential group (tổ dân phố) with its
// party cell.
type village struct {
	u, cell *unit
	c       *commune
}

// communeUnits adds, for every commune of 2018, its party organization and
// office, People's Council and Committee, Front and mass organizations, and
// its villages with their party cells.
func (b *builder) communeUnits() {
	used := map[string]map[string]bool{} // village names per 2025 commune
	for _, c := range b.communes {
		for _, s := range communeOrgs {
			parent := ""
			switch {
			case strings.HasPrefix(s.parent, "^"):
				parent = c.dist.org[s.parent[1:]].id
			case s.parent != "":
				parent = c.org[s.parent].id
			}
			u := b.orgUnit(c.u.id+"/"+s.key, s.kind, s.tmpl, parent, c.u.id, founded)
			c.org[s.key] = u
			n := s.staff
			if s.key == "UBND" {
				n = 13 + b.rnd.IntN(9)
			}
			b.hire(u, founded, n)
		}
		if used[c.newCode] == nil {
			used[c.newCode] = map[string]bool{}
		}
		n := 7 + b.rnd.IntN(7)
		if c.dist.upland && !c.urban() {
			n = 8 + b.rnd.IntN(9)
		}
		for i := 0; i < n; i++ {
			name := b.villageName(c.urban(), c.dist.upland, i+1, used[c.newCode])
			v := &village{c: c}
			v.u = b.newUnit(fmt.Sprintf("%s-T%02d", c.u.id, i+1), version{from: founded, name: name,
				kind: "village", parent: c.u.id, subtype: villageSubtype(c.urban())})
			v.cell = b.newUnit(v.u.id+"/CB", version{from: founded, name: "Chi bộ " + lowerFirst(name),
				kind: "party_cell", parent: c.org["DU"].id, locality: v.u.id, host: v.u.id})
			c.villages = append(c.villages, v)
		}
	}
}

// villageSubtype is the subtype word of a village or residential group.
func villageSubtype(urban bool) string {
	if urban {
		return "to_dan_pho"
	}
	return "thon"
}

// lowerFirst lower-cases the first word ("Thôn Đông" → "thôn Đông").
func lowerFirst(s string) string {
	if strings.HasPrefix(s, "Tổ dân phố") {
		return "tổ dân phố" + strings.TrimPrefix(s, "Tổ dân phố")
	}
	if strings.HasPrefix(s, "Thôn") {
		return "thôn" + strings.TrimPrefix(s, "Thôn")
	}
	return s
}

// schoolUnits adds the public kindergartens, primary and lower secondary
// schools of each commune (under the district People's Committee) and the
// upper secondary schools of each district (under the provincial
// Department of Education).
func (b *builder) schoolUnits() {
	for _, c := range b.communes {
		short := strings.TrimPrefix(c.u.vs[0].name, typeWords[c.u.vs[0].subtype][0]+" ")
		ubnd := c.dist.org["UBND"].id
		add := func(key, name string, staff int) {
			u := b.newUnit(c.u.id+"/"+key, version{from: founded, name: name, kind: "public_service_unit",
				parent: ubnd, locality: c.u.id})
			b.schools = append(b.schools, u)
			b.hire(u, founded, staff+b.rnd.IntN(staff/2+1))
		}
		if b.chance(0.2) {
			add("MN1", "Trường Mầm non "+short+" A", 22)
			add("MN2", "Trường Mầm non "+short+" B", 18)
		} else {
			add("MN1", "Trường Mầm non "+short, 28)
		}
		if b.chance(0.3) {
			add("TH1", "Trường Tiểu học "+short+" số 1", 24)
			add("TH2", "Trường Tiểu học "+short+" số 2", 20)
		} else {
			add("TH1", "Trường Tiểu học "+short, 30)
		}
		add("THCS", "Trường THCS "+short, 30)
	}
	for _, d := range b.districts {
		if d.code == "224" {
			continue
		}
		for i := 0; i < 2+b.rnd.IntN(3); i++ {
			c := d.communes[b.rnd.IntN(len(d.communes))]
			u := b.newUnit(fmt.Sprintf("%s/THPT%d", d.u.id, i+1), version{from: founded,
				name: fmt.Sprintf("Trường THPT %s số %d", strings.TrimPrefix(d.u.vs[0].name, typeWords[d.u.vs[0].subtype][0]+" "), i+1),
				kind: "public_service_unit", parent: b.pro["SGDDT"].id, locality: c.u.id})
			b.schools = append(b.schools, u)
			b.hire(u, founded, 60+b.rnd.IntN(40))
		}
	}
}
