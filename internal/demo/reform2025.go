package demo

import (
	"strings"

	"github.com/tochuc/tochuc/internal/vnadmin"
)

// newProvince adds Tỉnh Bắc Ninh (code 24 reused) and its 58 communes made
// of Bắc Giang's, with the reform's locality rows: Bắc Giang merged into
// Bắc Ninh, each commune into its new commune, each district dissolved.
func (b *builder) newProvince(units2025 []vnadmin.Unit, final map[string]string, byCode map[string]*commune) {
	b.newProv = b.newUnit(vnadmin.NewID("24"), version{from: reform, name: "Tỉnh Bắc Ninh", kind: "province",
		subtype: "tinh", adminCode: "24"})
	b.link("NQ2025-P24", reform, "merge", b.prov.id, b.newProv.id, docNQ202)
	b.newByCode = map[string]*newCommune{}
	for _, u := range units2025 {
		if u.Level != "2" || u.Parent != "24" {
			continue
		}
		var old []*commune
		for _, code := range sortedKeys(byCode) {
			if c := byCode[code]; c.ended == reform && final[code] == u.Code {
				old = append(old, c)
			}
		}
		if len(old) == 0 {
			continue // a commune of the old Bắc Ninh
		}
		sub, _ := vnadmin.Subtype(u.Type)
		n := &newCommune{code: u.Code, old: old, org: map[string]*unit{}}
		n.u = b.newUnit(vnadmin.NewID(u.Code), version{from: reform, name: u.Name, kind: "commune",
			parent: b.newProv.id, subtype: sub, adminCode: u.Code})
		for _, c := range old {
			b.link("NQ2025-"+u.Code, reform, "merge", c.u.id, n.u.id, docNQ1658)
		}
		b.newCommunes = append(b.newCommunes, n)
		b.newByCode[u.Code] = n
	}
	for _, d := range b.districts {
		if d.code != "221" {
			b.link("NQ2025-D"+d.code, reform, "dissolve", d.u.id, "", docNQ1658)
		}
	}
}

// newCommuneOrgs are the organizations of a commune from 2025-07-01: its
// party committee is directly under the provincial committee and is the
// direct superior of the grassroots organizations in the commune
// (294-QĐ/TW); it has two specialised offices and a one-stop service centre.
var newCommuneOrgs = []orgSpec{
	{"DU", "party_upper", "Đảng bộ {lo}", "P:TU", 3},
	{"VP", "party_office", "Văn phòng {cw}", "DU", 4},
	{"HDND", "people_council", "HĐND {lo}", "", 2},
	{"UBND", "people_committee", "UBND {lo}", "P:UBND", 0},
	{"VPHDUB", "state_agency", "Văn phòng HĐND và UBND {lo}", "UBND", 0},
	{"PKT", "state_agency", "Phòng Kinh tế {lo}", "UBND", 0},
	{"PVHXH", "state_agency", "Phòng Văn hóa – Xã hội {lo}", "UBND", 0},
	{"TTHCC", "public_service_unit", "Trung tâm Phục vụ hành chính công {lo}", "UBND", 8},
	{"MTTQ", "fatherland_front", "Ủy ban MTTQ Việt Nam {lo}", "P:MTTQ", 3},
	{"DOAN", "socio_political_org", "Đoàn TNCS Hồ Chí Minh {lo}", "MTTQ", 1},
	{"HPN", "socio_political_org", "Hội Liên hiệp Phụ nữ {lo}", "MTTQ", 1},
	{"HND", "socio_political_org", "Hội Nông dân {lo}", "MTTQ", 1},
	{"HCCB", "socio_political_org", "Hội Cựu chiến binh {lo}", "MTTQ", 1},
}

// oldInto says which new commune organization takes in each old one.
var oldInto = map[string]string{"DU": "DU", "VP": "VP", "HDND": "HDND", "UBND": "UBND", "MTTQ": "MTTQ",
	"DOAN": "DOAN", "HPN": "HPN", "HND": "HND", "HCCB": "HCCB", "VPHN": "VPHDUB"}

// reform2025 ends the district level and Tỉnh Bắc Giang on 2025-07-01.
func (b *builder) reform2025() {
	d := reform
	succ := b.reformProvince()
	for _, n := range b.newCommunes {
		for _, s := range newCommuneOrgs {
			parent := ""
			switch {
			case strings.HasPrefix(s.parent, "P:"):
				parent = b.newPro[s.parent[2:]].id
			case s.parent != "":
				parent = n.org[s.parent].id
			}
			u := b.orgUnit(n.u.id+"/"+s.key, s.kind, s.tmpl, parent, n.u.id, d)
			n.org[s.key] = u
			if s.staff > 0 {
				b.hire(u, d, s.staff)
			}
		}
		if n.u.last().subtype == "phuong" {
			n.org["PKT"].tmpl = "Phòng Kinh tế, Hạ tầng và Đô thị {lo}"
		}
		event := "NQ2025-" + n.code
		for _, c := range n.old {
			succ[c.u.id] = n.u.id
			succ[c.u.id+"#DU"], succ[c.u.id+"#UBND"] = n.org["DU"].id, n.org["UBND"].id
			for key, to := range oldInto {
				if u := c.org[key]; u != nil {
					succ[u.id] = n.org[to].id
				}
			}
			for _, key := range communeOrgKeys {
				if u := c.org[key]; u != nil {
					b.merge(event, d, n.org[oldInto[key]], docNQ1658, u)
					b.absorb(n.org[oldInto[key]], u, d, 0)
				}
			}
		}
	}
	for _, c := range b.communes { // the villages of every commune of 2018, wherever they went since
		for _, v := range c.villages {
			loc := succ[v.u.last().parent]
			du := succ[v.u.last().parent+"#DU"]
			b.change(v.cell, d, func(x *version) { x.kind, x.parent = "party_grassroots_cell", du })
			b.link("NQ2025-"+strings.TrimPrefix(loc, "VN2-"), d, "convert", v.cell.id, v.cell.id, docQD294)
		}
	}
	for _, dist := range b.districts {
		if dist.code == "221" {
			continue
		}
		c := b.byID[vnadmin.OldID(districtSeats[dist.code])]
		var n *newCommune
		for _, x := range b.communes {
			if x.u == c {
				n = b.newByCode[x.newCode]
			}
		}
		succ[dist.u.id] = n.u.id
		for _, s := range districtOrgs {
			u := dist.org[s.key]
			if u == nil || !u.alive(d-1) {
				continue
			}
			if s.kind == "public_service_unit" {
				continue
			}
			b.endUnit(u, d)
			b.link("NQ2025-D"+dist.code, d, "dissolve", u.id, "", docNQ1658)
			b.succeed(u, d, n.org["DU"])
			if to := n.org[s.key]; to != nil && s.key != "DU" {
				b.absorb(to, u, d, 0)
			} else if s.kind == "state_agency" {
				b.absorb(n.org["UBND"], u, d, 0)
			}
		}
		for _, key := range []string{"TTVHTT", "DVNN", "GDNN", "BQLDA", "PTQD", "TTYT"} {
			if u := dist.org[key]; u != nil && u.alive(d-1) {
				parent := b.newPro["UBND"].id
				if key == "TTYT" {
					parent = b.newPro["SYT"].id
				}
				b.change(u, d, func(v *version) { v.parent, v.locality = parent, n.u.id })
				b.link("NQ2025-D"+dist.code, d, "move", u.id, u.id, docNQ1658)
			}
		}
	}
	b.reformMoves(d, succ)
	b.reformPosts(succ)
}

// reformMoves points what survives the reform (villages, cells, schools,
// enterprises and their party organizations, provincial public service
// units) to the new units, and places the party organizations of the
// dissolved enterprise bloc under the new communes or the party
// organization of the provincial People's Committee.
func (b *builder) reformMoves(d date, succ map[string]string) {
	dn := b.pro["DBK-DN"]
	for _, e := range b.enterprises {
		if !e.org.alive(d - 1) {
			continue
		}
		old := e.u.last().locality
		loc := succ[old]
		b.change(e.u, d, func(v *version) { v.locality = loc })
		b.link("NQ2025-P24", d, "move", e.u.id, e.u.id, docNQ1658)
		v := e.org.last()
		switch {
		case v.parent == dn.id && e.u.last().ownership == "state":
			b.change(e.org, d, func(x *version) { x.parent, x.locality = b.newPro["DB-UBND"].id, b.newProv.id })
			b.link("NQ2025-P24", d, "move", e.org.id, e.org.id, "")
		case v.parent == dn.id:
			b.change(e.org, d, func(x *version) { x.parent, x.locality = succ[old+"#DU"], loc })
			b.link("NQ2025-P24", d, "move", e.org.id, e.org.id, "")
		default:
			du := succ[v.parent]
			b.change(e.org, d, func(x *version) { x.kind, x.parent, x.locality = "party_grassroots_cell", du, loc })
			b.link("NQ2025-P24", d, "convert", e.org.id, e.org.id, docQD294)
		}
	}
	b.endUnit(dn, d)
	b.link("NQ2025-P24", d, "dissolve", dn.id, "", "")
	for _, u := range b.schools {
		if !u.alive(d - 1) {
			continue
		}
		l := u.last()
		loc, ub := succ[l.locality], succ[l.locality+"#UBND"]
		if strings.Contains(u.id, "/THPT") {
			ub = succ[l.parent]
		}
		b.change(u, d, func(v *version) { v.parent, v.locality = ub, loc })
		b.link("NQ2025-"+strings.TrimPrefix(loc, "VN2-"), d, "move", u.id, u.id, docNQ1658)
	}
	b.repoint(d, succ, "NQ2025-P24", docNQ1658)
}
