package demo

// Recruitment between Since and AsOf (F14: 94 people with a university
// degree or higher recruited into commune civil service and as heads of
// commune mass organizations).
const (
	wantRecruitsUniversity = 94
	recruitsCollege        = 16 // recruited into communes with a college degree: not counted
	recruitsInService      = 5  // recruited before finishing university: not counted
	recruitsDistrict       = 6  // recruited into district offices: not counted
	recruitsSocio          = 14 // of the 94, heads of mass organizations
)

// recruitment2018 recruits young people into the communes and districts
// between Since and AsOf: party office civil servants where the office got
// its civil servant that way, heads of mass organizations, and People's
// Committee civil servants.
func (b *builder) recruitment2018() {
	recruit := func(c *commune, u *unit, role string, counted bool, how string) *post {
		p := b.newPerson(profile{district: c.dist.code, female: 0.5, born: [2]int{1988, 1996}, edu: eduCivil})
		from := b.between(Since+1, AsOf)
		switch {
		case counted:
			p.need(edu, from, "university", true)
		case how == "college":
			p.need(edu, from, "college", true)
			p.need(edu, from, "university", false)
		default: // still studying: the degree comes later
			p.need(edu, from, "university", false)
		}
		if b.chance(0.4) {
			b.admitBefore(p, from, c.org["DU"].id)
		}
		return b.assign(p, u, role, from, retireBy(p), "recruited")
	}
	counted := 0
	for _, c := range b.communes {
		if c.conf.officeLate && c.cast.office == nil {
			c.cast.office = recruit(c, c.org["VP"], "civil_servant", true, "")
			counted++
		}
	}
	keys := []string{"DOAN", "HPN", "HND", "HCCB"}
	for i, k := range b.shuffled(len(b.communes))[:recruitsSocio] {
		c := b.communes[k]
		key := keys[i%len(keys)]
		old := c.cast.socio[key]
		role := old.role
		a := recruit(c, c.org[key], role, true, "")
		a.to, old.to = old.to, a.from
		c.cast.socio[key] = a
		c.cast.socioAll[key] = append(c.cast.socioAll[key], a)
		counted++
	}
	rest := wantRecruitsUniversity - counted
	order := b.shuffled(len(b.communes))
	for i := 0; i < rest+recruitsCollege+recruitsInService; i++ {
		c := b.communes[order[i%len(order)]]
		how := ""
		switch {
		case i >= rest+recruitsCollege:
			how = "in-service"
		case i >= rest:
			how = "college"
		}
		c.cast.civil = append(c.cast.civil, recruit(c, c.org["UBND"], "civil_servant", how == "", how))
	}
	for i := 0; i < recruitsDistrict; i++ {
		d := b.districts[i%len(b.districts)]
		if d.code == "224" {
			d = b.districts[0]
		}
		p := b.newPerson(profile{district: d.code, female: 0.5, born: [2]int{1988, 1996}, edu: eduCivil})
		from := b.between(Since+1, AsOf)
		p.need(edu, from, "university", true)
		b.assign(p, d.org["PNV"], "civil_servant", from, retireBy(p), "recruited")
	}
}
