package demo

import (
	"maps"
	"slices"
	"strings"

	"github.com/tochuc/tochuc/internal/vnadmin"
)

// district is a district-level unit of Bắc Giang (2018 list, plus Chũ).
type district struct {
	code     string
	u        *unit
	communes []*commune // its communes in 2018
	org      map[string]*unit
	upland   bool
	conf     districtConf
	cast     *dcast
}

// commune is a commune-level unit of Bắc Giang of 2018.
type commune struct {
	code     string
	u        *unit
	dist     *district // in 2018
	into     *commune  // merged into, or nil
	ended    date      // merged on, or the reform
	newCode  string    // the 2025 commune it ends up in
	org      map[string]*unit
	villages []*village
	conf     communeConf
	cast     *cast // leaders of the current term
}

// urban reports whether the commune was a ward or town in 2018.
func (c *commune) urban() bool { return c.u.vs[0].subtype != "xa" }

// newCommune is a commune of the new Tỉnh Bắc Ninh made of Bắc Giang communes.
type newCommune struct {
	code string
	u    *unit
	old  []*commune // real communes merged into it
	org  map[string]*unit
}

// geography builds the localities: Hà Bắc until 1997, Tỉnh Bắc Giang, its
// districts and communes with every version from 1997 to 2025, the new
// province and its 58 communes from Bắc Giang, and the restructure rows of
// the localities.
func (b *builder) geography() {
	pre, err := vnadmin.UnitsPre2025()
	if err != nil {
		b.fail("%v", err)
		return
	}
	units2025, err := vnadmin.Units2025()
	if err != nil {
		b.fail("%v", err)
		return
	}
	merges, err := vnadmin.Merges2025()
	if err != nil {
		b.fail("%v", err)
		return
	}
	b.haBac = b.newUnit("VN0-HaBac", version{from: day("1963-10-27"), to: founded, name: "Tỉnh Hà Bắc",
		kind: "province", subtype: "tinh"})
	b.newUnit(haBacParty, version{from: day("1963-10-27"), to: founded, name: "Đảng bộ tỉnh Hà Bắc",
		kind: "party_provincial", locality: "VN0-HaBac"})
	b.prov = b.newUnit(vnadmin.OldID("24"), version{from: founded, to: reform, name: "Tỉnh Bắc Giang",
		kind: "province", subtype: "tinh", adminCode: "24"})
	b.link("NQ1996-HaBac", founded, "split", "VN0-HaBac", b.prov.id, docQH1996)

	dists := map[string]*district{}
	for _, u := range pre {
		if u.Level == "2" && u.Parent == "24" {
			dists[u.Code] = b.newDistrict(u.Code, u.Name, u.Type)
		}
	}
	dists["221"] = b.newDistrict("221", "Huyện Yên Dũng", "Huyện")
	for _, code := range sortedKeys(dists) {
		b.districts = append(b.districts, dists[code])
	}
	yd, chu := dists["221"], dists["224"]
	for _, d := range b.districts {
		if d == yd {
			b.endUnit(d.u, merge2025a)
		} else {
			b.endUnit(d.u, reform)
		}
	}
	b.link("NQ1191-221", merge2025a, "merge", yd.u.id, dists["213"].u.id, docNQ1191)
	b.link("NQ1191-224", merge2025a, "split", dists["219"].u.id, chu.u.id, docNQ1191)

	final := map[string]string{} // old commune code → new commune code
	for _, m := range merges {
		if m.OldLevel == "3" {
			final[m.OldCode] = m.NewCode
		}
	}
	byCode := map[string]*commune{}
	for _, u := range pre {
		if u.Level == "3" && dists[u.Parent] != nil {
			c := b.realCommune(u, dists)
			c.newCode = final[u.Code]
			byCode[u.Code] = c
		}
	}
	for _, s := range synthCommunes {
		c := &commune{code: s.code, dist: dists[s.district], ended: day(s.date), org: map[string]*unit{}}
		c.u = b.newUnit(vnadmin.OldID(s.code), version{from: founded, to: c.ended, name: typeWords[s.subtype][0] + " " + s.name,
			kind: "commune", parent: c.dist.u.id, subtype: s.subtype, adminCode: s.code})
		byCode[s.code] = c
	}
	for _, s := range synthCommunes {
		c, into := byCode[s.code], byCode[s.into]
		c.into, c.newCode = into, into.newCode
		b.link(reformEvent(c.ended, s.into), c.ended, "merge", c.u.id, into.u.id, reformDoc(c.ended))
	}
	for _, code := range sortedKeys(byCode) {
		c := byCode[code]
		c.dist.communes = append(c.dist.communes, c)
	}
	for _, d := range b.districts {
		b.communes = append(b.communes, d.communes...)
	}
	b.newProvince(units2025, final, byCode)
}

// newDistrict adds a district-level locality with its versions.
func (b *builder) newDistrict(code, name, typ string) *district {
	sub, _ := vnadmin.Subtype(typ)
	d := &district{code: code, org: map[string]*unit{}, upland: minorityShare[code] > 0.1 || code == "224"}
	from := founded
	if code == "224" {
		from = merge2025a
	}
	v := version{from: from, name: name, kind: "district", parent: b.prov.id, subtype: sub, adminCode: code}
	switch code {
	case "213":
		v.name, v.subtype = "Thị xã Bắc Giang", "thi_xa"
	case "222":
		v.name, v.subtype = "Huyện Việt Yên", "huyen"
	}
	d.u = b.newUnit(vnadmin.OldID(code), v)
	switch code {
	case "213":
		b.change(d.u, cityDate, func(v *version) { v.name, v.subtype = "Thành phố Bắc Giang", "thanh_pho" })
		b.rename(d.u, cityDate, "ND75-2005-213", docND75)
	case "222":
		b.change(d.u, vietYen2024, func(v *version) { v.name, v.subtype = "Thị xã Việt Yên", "thi_xa" })
		b.rename(d.u, vietYen2024, "NQ938-222", docNQ938)
	}
	return d
}

// realCommune adds a commune of the pre-2025 list with its earlier names,
// its 2018 district and its move on 2025-01-01.
func (b *builder) realCommune(u vnadmin.Unit, dists map[string]*district) *commune {
	sub, _ := vnadmin.Subtype(u.Type)
	c := &commune{code: u.Code, dist: dists[u.Parent], ended: reform, org: map[string]*unit{}}
	moved := slices.Contains(yenDungCommunes, u.Code) || slices.Contains(chuCommunes, u.Code)
	if slices.Contains(yenDungCommunes, u.Code) {
		c.dist = dists["221"]
	} else if slices.Contains(chuCommunes, u.Code) {
		c.dist = dists["219"]
	}
	type step struct {
		name, sub string
		until     date
	}
	var steps []step
	for _, e := range earlierNames {
		if e.code == u.Code {
			steps = append(steps, step{typeWords[e.subtype][0] + " " + e.name, e.subtype, day(e.until)})
		}
	}
	steps = append(steps, step{u.Name, sub, reform})
	cuts := []date{founded}
	for _, s := range steps {
		cuts = append(cuts, s.until)
	}
	if moved {
		cuts = append(cuts, merge2025a)
	}
	slices.Sort(cuts)
	cuts = slices.Compact(cuts)
	for _, from := range cuts[:len(cuts)-1] {
		s := steps[0]
		for _, st := range steps {
			if st.until > from {
				s = st
				break
			}
		}
		v := version{from: from, name: s.name, kind: "commune", parent: c.dist.u.id, subtype: s.sub, adminCode: u.Code}
		if from >= merge2025a {
			v.parent = dists[u.Parent].u.id
		}
		if c.u == nil {
			c.u = b.newUnit(vnadmin.OldID(u.Code), v)
			continue
		}
		b.change(c.u, from, func(x *version) { *x = v })
		if prev := c.u.vs[len(c.u.vs)-2]; prev.name != v.name || prev.subtype != v.subtype {
			b.rename(c.u, from, reformEvent(from, u.Code), reformDoc(from))
		}
	}
	b.endUnit(c.u, reform)
	if moved {
		ev := "NQ1191-221"
		if slices.Contains(chuCommunes, u.Code) {
			ev = "NQ1191-224"
		}
		b.link(ev, merge2025a, "move", c.u.id, c.u.id, docNQ1191)
	}
	return c
}

// rename records a rename row of a unit that has a new version on d, and
// remembers the event for the units named after it.
func (b *builder) rename(u *unit, d date, event, doc string) {
	b.link(event, d, "rename", u.id, u.id, doc)
	b.renameEvents[u.id+"@"+d.String()] = [2]string{event, doc}
}

// reformEvent names the event of a change of a commune on a date.
func reformEvent(d date, code string) string {
	switch d {
	case merge2020:
		return "NQ813-" + code
	case towns2022:
		return "NQ510-" + code
	case vietYen2024:
		return "NQ938-" + code
	case merge2025a:
		return "NQ1191-" + code
	}
	return "NQ2025-" + code
}

// reformDoc returns the document of the changes of a date.
func reformDoc(d date) string {
	switch d {
	case merge2020:
		return docNQ813
	case towns2022:
		return docNQ510
	case vietYen2024:
		return docNQ938
	case merge2025a:
		return docNQ1191
	}
	return docNQ1658
}

// typeWords gives, per subtype, the word of the official name, its
// lower-case form and the name of the party committee.
var typeWords = map[string][3]string{
	"tinh":      {"Tỉnh", "tỉnh", "Tỉnh ủy"},
	"huyen":     {"Huyện", "huyện", "Huyện ủy"},
	"thanh_pho": {"Thành phố", "thành phố", "Thành ủy"},
	"thi_xa":    {"Thị xã", "thị xã", "Thị ủy"},
	"xa":        {"Xã", "xã", "Đảng ủy xã"},
	"phuong":    {"Phường", "phường", "Đảng ủy phường"},
	"thi_tran":  {"Thị trấn", "thị trấn", "Đảng ủy thị trấn"},
	"dac_khu":   {"Đặc khu", "đặc khu", "Đảng ủy đặc khu"},
}

// placeForms returns "{lo}" (e.g. "xã Tân An") and "{cw}" (e.g. "Đảng ủy xã
// Tân An", "Huyện ủy Lục Nam") for a version of a locality.
func placeForms(v *version) (lo, cw string) {
	w := typeWords[v.subtype]
	short := strings.TrimPrefix(v.name, w[0]+" ")
	return w[1] + " " + short, w[2] + " " + short
}

// sortedKeys returns the keys of a map in order.
func sortedKeys[V any](m map[string]V) []string {
	return slices.Sorted(maps.Keys(m))
}
