package demo

import "math"

// Village heads and deputies who are party members on AsOf (F18 65.4 %,
// F19 46.6 %).
const (
	wantHeadMembers   = 0.654
	wantDeputyMembers = 0.466
	deputyShare       = 0.85 // villages with a deputy head
)

// villageTerms are the election dates of village heads (about every 2.5
// years); the term holding on AsOf is the first.
var villageTerms = []date{day("2016-12-01"), day("2019-06-01"), day("2021-12-01"), day("2024-06-01")}

// villages gives every village its heads, deputy heads and cell
// secretaries from 2016 to today, and its ordinary party members. On AsOf
// exactly the shares of the article of the heads and deputy heads are
// party members; a head who is a member is often also the cell secretary.
func (b *builder) villages() {
	var all []*village
	for _, c := range b.communes {
		all = append(all, c.villages...)
	}
	hasDeputy := b.choose(len(all), int(math.Round(deputyShare*float64(len(all)))))
	nDep := 0
	for _, v := range hasDeputy {
		if v {
			nDep++
		}
	}
	headMember := b.choose(len(all), shareCount(len(all), wantHeadMembers))
	var depMember []bool
	if nDep > 0 {
		depMember = b.choose(nDep, shareCount(nDep, wantDeputyMembers))
	}
	k := 0
	for i, v := range all {
		depM := false
		if hasDeputy[i] {
			depM = depMember[k]
			k++
		}
		b.villagePosts(v, headMember[i], hasDeputy[i], depM)
	}
}

// shareCount returns the count out of n whose share, rounded to 0.1 %,
// is the wanted one.
func shareCount(n int, share float64) int {
	m := int(math.Round(share * float64(n)))
	for _, c := range []int{m, m - 1, m + 1} {
		if math.Round(1000*float64(c)/float64(n)) == math.Round(1000*share) {
			return c
		}
	}
	return m
}

// villagePosts fills the posts of one village over the terms.
func (b *builder) villagePosts(v *village, headMember, hasDeputy, deputyMember bool) {
	dist := v.c.dist.code
	villager := func(born [2]int, female float64, member bool, by date) *person {
		p := b.newPerson(profile{district: dist, female: female, born: born, edu: eduVillager})
		if member {
			b.admitBefore(p, by, v.cell.id)
		} else if b.chance(0.2) {
			p.admit(b.between(day("2019-03-01"), day("2024-06-01")), v.cell.id)
		}
		return p
	}
	ordinary := 5 + b.rnd.IntN(7)
	for i := 0; i < ordinary; i++ {
		p := b.newPerson(profile{district: dist, female: 0.35, born: [2]int{1940, 1998}, edu: eduVillager})
		by := max(date(int(p.birth)+22*365), day("1975-01-01"))
		if i < 3 {
			by = min(by+3650, day("2010-01-01"))
		}
		b.admitBefore(p, max(by, date(int(p.birth)+23*365)), v.cell.id)
		if p.admitted > today {
			p.admitted = 0
			continue
		}
		from := max(p.admitted.AddDays(400), day("2016-01-01"))
		switch r := b.rnd.Float64(); {
		case r < 0.025 && p.birth < day("1960-01-01"):
			p.died = b.between(from, today)
			p.exit, p.exitEvent = p.died, "died"
		case r < 0.035:
			p.exit, p.exitEvent = b.between(from, today), "transferred_out"
		}
	}
	var head, dep, sec *person
	for t, from := range villageTerms {
		to := date(0)
		if t+1 < len(villageTerms) {
			to = villageTerms[t+1]
		}
		switch {
		case t == 0:
			head = villager([2]int{1955, 1985}, 0.15, headMember, from)
		case !b.chance(0.6) || head.age(from) > 66:
			head = villager([2]int{1960, 1990}, 0.2, b.chance(0.7), from)
		}
		b.assign(head, v.u, "village_head", from, to, "elected")
		if hasDeputy {
			switch {
			case t == 0:
				dep = villager([2]int{1960, 1992}, 0.3, deputyMember, from)
			case dep == nil || !b.chance(0.55) || dep.age(from) > 66:
				dep = villager([2]int{1965, 1995}, 0.3, b.chance(0.5), from)
			}
			b.assign(dep, v.u, "deputy_village_head", from, to, "elected")
		}
		switch {
		case head.member(from) && b.chance(0.55):
			sec = head
		case sec != nil && sec != head && sec.member(from) && b.chance(0.6):
		default:
			sec = villager([2]int{1955, 1985}, 0.2, true, from)
		}
		b.assign(sec, v.cell, "secretary", from, to, "elected")
	}
}
