package demo

// communeConf is how a commune's leadership stands on AsOf (2018-12-31).
type communeConf struct {
	// conc is 'A' when the party secretary chairs the People's Council
	// (F6), 'B' when he chairs the People's Committee (F8), 'C' otherwise.
	conc byte
	// lateConc: the concurrency began between Since and AsOf.
	lateConc bool
	vice2    bool // two People's Committee vice chairs
	vacant   bool // the People's Council vice chair post is vacant on AsOf
	officeCS bool // a commune civil servant staffs the party office (F11)
	// officeLate: that civil servant was appointed between Since and AsOf.
	officeLate bool
	combined   date // a combined Party–HĐND–UBND office from this date (F12, F13)
}

// districtConf is how a district's leadership stands on AsOf.
type districtConf struct {
	secCouncil, secCommittee bool // F5, F7
	massFront                bool // F9
	lateCouncil, lateFront   bool // began between Since and AsOf
	lateCenter               bool // F10 (all ten districts), began between Since and AsOf
}

// The article's figures for 2018 (F5–F19) that the configuration produces.
const (
	wantSecCouncilDistricts   = 5
	wantSecCommitteeDistricts = 2
	wantMassFrontDistricts    = 7
	wantSecCouncilCommunes    = 165
	wantSecCommitteeCommunes  = 4
	wantOfficeCS              = 154
	wantKeyCadres             = 1186
	wantKeyCollege            = 748  // 63.1 %
	wantKeyTheory             = 1150 // 97 %
	lateSecCouncilCommunes    = 15
	lateOfficeCS              = 34
	vice2Communes             = 12
)

// Dates of the 2018 changes under Plan 47-KH/TU.
var (
	combinedCity    = day("2018-07-01")
	combinedLucNam  = day("2018-10-01")
	reorg2018       = day("2018-09-01")
	psuMerge2018    = day("2018-10-01")
	schoolMerge2018 = day("2018-08-15")
	staffCut2018    = day("2018-12-01")
)

// configure decides, at random but with the article's totals, which
// communes and districts have which arrangement on AsOf.
func (b *builder) configure() {
	n := len(b.communes)
	order := b.shuffled(n)
	for i, k := range order {
		c := b.communes[k]
		switch {
		case i < wantSecCommitteeCommunes:
			c.conf.conc = 'B'
		case i < wantSecCommitteeCommunes+wantSecCouncilCommunes:
			c.conf.conc = 'A'
			c.conf.lateConc = i < wantSecCommitteeCommunes+lateSecCouncilCommunes
		default:
			c.conf.conc = 'C'
		}
	}
	var urban []*commune
	for _, c := range b.communes {
		if c.urban() {
			urban = append(urban, c)
		}
	}
	for _, i := range b.shuffled(len(urban))[:vice2Communes] {
		urban[i].conf.vice2 = true
	}
	base := 0
	for _, c := range b.communes {
		base += 4
		if c.conf.conc == 'C' {
			base++
		}
		if c.conf.vice2 {
			base += 2
		} else {
			base++
		}
	}
	vacant := base - wantKeyCadres
	if vacant < 0 || vacant > 60 {
		b.fail("key cadres: %d posts for %d people", base, wantKeyCadres)
		return
	}
	for i, v := range b.choose(n, vacant) {
		b.communes[i].conf.vacant = v
	}
	var others []*commune
	for _, d := range b.districts {
		var lucNam []bool
		if d.code == "218" { // its 3 communes merged in 2020 (codes 99…) come last and are left out
			lucNam = b.choose(len(d.communes)-3, 12)
		}
		for i, c := range d.communes {
			switch {
			case d.code == "213":
				c.conf.combined = combinedCity
			case i < len(lucNam) && lucNam[i]:
				c.conf.combined = combinedLucNam
			default:
				others = append(others, c)
			}
		}
	}
	rest := wantOfficeCS - (n - len(others))
	for i, v := range b.choose(len(others), rest) {
		others[i].conf.officeCS = v
	}
	var office []*commune
	for _, c := range b.communes {
		if c.conf.combined != 0 {
			c.conf.officeCS = true
		}
		if c.conf.officeCS {
			office = append(office, c)
		}
	}
	for i, v := range b.choose(len(office), lateOfficeCS) {
		office[i].conf.officeLate = v
	}

	var ds []*district
	for _, d := range b.districts {
		if d.code != "224" {
			ds = append(ds, d)
		}
	}
	order = b.shuffled(len(ds))
	for i, k := range order {
		d := ds[k]
		d.conf.secCouncil = i < wantSecCouncilDistricts
		d.conf.lateCouncil = i == 0
		d.conf.secCommittee = i >= wantSecCouncilDistricts && i < wantSecCouncilDistricts+wantSecCommitteeDistricts
	}
	for i, k := range b.shuffled(len(ds)) {
		ds[k].conf.massFront = i < wantMassFrontDistricts
		ds[k].conf.lateFront = i < 2
	}
	for i, k := range b.shuffled(len(ds)) {
		ds[k].conf.lateCenter = i < 2
	}
}
