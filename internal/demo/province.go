package demo

import (
	"fmt"
	"strings"
)

// orgUnit adds an organization named by a template after its locality (see
// render), existing from from on.
func (b *builder) orgUnit(id, kind, tmpl, parent, locality string, from date) *unit {
	u := b.newUnit(id, version{from: from, name: tmpl, kind: kind, parent: parent, locality: locality})
	if strings.Contains(tmpl, "{") {
		u.tmpl = tmpl
		u.vs[0].name = render(tmpl, b.unit(locality).at(from))
	}
	return u
}

// provinceUnits adds the provincial organizations of Bắc Giang as of 2018:
// the provincial party organization, its advisory agencies and their
// divisions, the two party blocs and the grassroots organizations where the
// provincial officials are registered, the People's Council and Committee,
// the specialised agencies and their divisions, the provincial public
// service units, the Fatherland Front and the socio-political organizations.
func (b *builder) provinceUnits() {
	p := b.prov.id
	at := func(key string) string { return p + "/" + key }
	tu := b.orgUnit(provParty, "party_provincial", "Đảng bộ {lo}", "", p, founded)
	b.pro["TU"] = tu
	for _, a := range partyAgencies {
		u := b.orgUnit(at(a.key), a.kind, a.name, tu.id, p, founded)
		b.pro[a.key] = u
		b.divisions(u, a.divisions)
		b.hire(u, founded, a.staff)
	}
	b.pro["TCT"] = b.orgUnit(at("TCT"), "political_training_center", "Trường Chính trị {lo}", tu.id, p, founded)
	b.hire(b.pro["TCT"], founded, 48)
	blocs := []struct{ key, name string }{{"DBK-CQ", "Đảng bộ Khối các cơ quan {lo}"}, {"DBK-DN", "Đảng bộ Khối Doanh nghiệp {lo}"}}
	for _, bl := range blocs {
		b.pro[bl.key] = b.orgUnit(at(bl.key), "party_upper", bl.name, tu.id, p, founded)
		b.hire(b.pro[bl.key], founded, 9)
	}
	cq := b.pro["DBK-CQ"].id
	b.pro["DB-CQTU"] = b.orgUnit(at("DB-CQTU"), "party_grassroots_committee", "Đảng bộ Cơ quan {cw}", cq, p, founded)
	b.pro["DB-CQTU"].vs[0].host = b.pro["VP"].id

	b.pro["HDND"] = b.orgUnit(at("HDND"), "people_council", "HĐND {lo}", "", p, founded)
	b.pro["UBND"] = b.orgUnit(at("UBND"), "people_committee", "UBND {lo}", "", p, founded)
	b.hire(b.pro["HDND"], founded, 26)
	b.cell("CB-HDND", "Chi bộ Văn phòng Đoàn ĐBQH và HĐND {lo}", b.pro["HDND"])
	for _, a := range stateAgencies {
		u := b.orgUnit(at(a.key), a.kind, a.name, b.pro["UBND"].id, p, founded)
		b.pro[a.key] = u
		b.divisions(u, a.divisions)
		b.hire(u, founded, a.staff)
		b.cell("CB-"+a.key, "Chi bộ "+a.name, u)
	}
	for _, f := range frontOrgs {
		u := b.orgUnit(at(f.key), f.kind, f.name, "", p, founded)
		b.pro[f.key] = u
		b.divisions(u, f.divisions)
		b.hire(u, founded, f.staff)
	}
	b.cell("CB-MTDT", "Chi bộ Cơ quan Ủy ban MTTQ và các đoàn thể {lo}", b.pro["MTTQ"])
	for _, s := range provincialPSUs {
		parent := b.pro[s.agency]
		for i, name := range s.names {
			u := b.newUnit(fmt.Sprintf("%s/DV%02d", parent.id, i+1), version{from: founded, name: provincialName(name),
				kind: "public_service_unit", parent: parent.id, locality: p})
			if strings.HasPrefix(name, "Bệnh viện Đa khoa") {
				b.hire(u, founded, s.staff[1])
			} else {
				b.hire(u, founded, s.staff[0]+b.rnd.IntN(s.staff[1]-s.staff[0]+1)/3)
			}
		}
	}
}

// cell adds the grassroots party cell of a provincial agency, where its
// officials are registered.
func (b *builder) cell(key, tmpl string, host *unit) *unit {
	u := b.orgUnit(b.prov.id+"/"+key, "party_grassroots_cell", tmpl, b.pro["DBK-CQ"].id, b.prov.id, founded)
	u.vs[0].host = host.id
	b.pro[key] = u
	return u
}

// divisions adds the internal divisions of an agency.
func (b *builder) divisions(parent *unit, names []string) {
	for i, name := range names {
		b.newUnit(fmt.Sprintf("%s/P%02d", parent.id, i+1), version{from: founded, name: name,
			kind: "internal_division", parent: parent.id, locality: b.prov.id})
	}
}

// division returns the division of an agency with the given name, alive on d.
func (b *builder) division(parent *unit, name string, d date) *unit {
	for _, u := range b.units {
		if v := u.at(d); v != nil && v.kind == "internal_division" && v.parent == parent.id && v.name == name {
			return u
		}
	}
	b.fail("no division %q in %s", name, parent.id)
	return nil
}

// childUnits returns the units whose parent is p on d, in creation order.
func (b *builder) childUnits(p *unit, d date, kind string) []*unit {
	var out []*unit
	for _, u := range b.units {
		if v := u.at(d); v != nil && v.parent == p.id && (kind == "" || v.kind == kind) {
			out = append(out, u)
		}
	}
	return out
}

// provincialName completes the name of a provincial unit ("Bệnh viện Đa
// khoa tỉnh" → "Bệnh viện Đa khoa tỉnh Bắc Giang").
func provincialName(name string) string {
	if strings.HasSuffix(name, " tỉnh") {
		return name + " Bắc Giang"
	}
	return name + " tỉnh Bắc Giang"
}
