package demo

import "strings"

// reformProvince merges every provincial organization of Bắc Giang into
// the matching one of the new Tỉnh Bắc Ninh on 2025-07-01 (the old Bắc Ninh
// side is not part of the demo): the provincial party organization into
// the new one, the propaganda and mass mobilization boards into one board,
// the agencies' bloc into the bloc of the party agencies, the agencies'
// party cells under the new party organization of the People's Committee.
// It returns the successor of every ending unit.
func (b *builder) reformProvince() map[string]string {
	d := reform
	succ := map[string]string{b.prov.id: b.newProv.id}
	old := b.prov.id + "/"
	nu := func(key, kind, tmpl, parent string) *unit {
		u := b.orgUnit(b.newProv.id+"/"+key, kind, tmpl, parent, b.newProv.id, d)
		b.newPro[key] = u
		return u
	}
	units := append([]*unit(nil), b.units...)
	for _, u := range units {
		key, ok := strings.CutPrefix(u.id, old)
		l := u.last()
		if !ok || !u.alive(d-1) || l.kind == "public_service_unit" || l.kind == "enterprise" ||
			strings.HasPrefix(key, "DN") || key == "DBK-DN" {
			continue
		}
		tmpl := u.tmpl
		if tmpl == "" {
			tmpl = strings.ReplaceAll(l.name, "Bắc Giang", "Bắc Ninh")
		}
		parent := succ[l.parent]
		var to *unit
		switch {
		case key == "BTG":
			to = nu("BTGDV", "party_board_propaganda_mass_mobilization", "Ban Tuyên giáo và Dân vận {cw}", parent)
		case key == "BDV":
			to = b.newPro["BTGDV"]
		case key == "DBK-CQ":
			to = nu("DB-CQD", l.kind, "Đảng bộ các cơ quan Đảng {lo}", parent)
			nu("DB-UBND", "party_upper", "Đảng bộ UBND {lo}", parent)
			b.link("NQ2025-P24", d, "establish", "", b.newPro["DB-UBND"].id, "")
		default:
			if strings.HasPrefix(key, "CB-") && b.newPro[strings.TrimPrefix(key, "CB-")] != nil &&
				b.newPro[strings.TrimPrefix(key, "CB-")].kind() == "state_agency" {
				parent = b.newPro["DB-UBND"].id
			}
			to = nu(key, l.kind, tmpl, parent)
			to.vs[0].sector = l.sector
			if l.host != "" {
				to.vs[0].host = succ[l.host]
			}
		}
		doc := ""
		if !strings.HasPrefix(l.kind, "party") {
			doc = docNQ202
		}
		b.merge("NQ2025-P24", d, to, doc, u)
		b.absorb(to, u, d, 0)
		succ[u.id] = to.id
	}
	return succ
}

// reformProvincePosts carries the provincial posts into the new units on
// 2025-07-01 (the head of the mass mobilization board becomes a deputy head
// of the merged board); party posts are confirmed at the provincial
// congress of 2025 and council posts at the council elected in 2026.
func (b *builder) reformProvincePosts(succ map[string]string) {
	d := reform
	var carry []*post
	for _, a := range b.posts {
		if a.from < d && (a.to == 0 || a.to > d) && a.u.alive(d-1) && strings.HasPrefix(a.u.id, b.prov.id+"/") && succ[a.u.id] != "" {
			carry = append(carry, a)
		}
	}
	for _, a := range carry {
		to := b.byID[succ[a.u.id]]
		role := a.role
		if strings.HasSuffix(a.u.id, "/BDV") && role == "head" {
			role = "deputy_head"
		}
		end := date(0)
		switch {
		case strings.HasPrefix(to.kind(), "party") && (role == "secretary" || role == "deputy_secretary" ||
			role == "standing_member" || role == "committee_member"):
			end = provCong25
		case to.kind() == "people_council" || (to.kind() == "people_committee" && (role == "chair" || role == "vice_chair")):
			end = hdnd26
		}
		b.assign(a.p, to, role, d, end, "assigned")
		if end != 0 && b.chance(0.85) && a.p.retires() > end {
			b.assign(a.p, to, role, end, 0, "elected")
		}
	}
}
