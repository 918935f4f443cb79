package demo

import (
	"fmt"
	"slices"
	"time"
)

// person is a person of the demo with what the generator decided about them.
type person struct {
	id, name, gender, ethnicity, religion string
	birth, died                           date
	citizenID                             string // căn cước, of those who held a post (cadre.go)

	// Party membership: admitted on admitted into admitOrg (0: never a
	// member), then registered in regs[i].org from regs[i].date; exit ends it.
	admitted  date
	admitOrg  string
	regs      []reg
	exit      date
	exitEvent string

	edu  eduProfile
	cons []qualNeed
}

type reg struct {
	date date
	org  string
}

// qualNeed is a constraint on a person's level of a qualification kind on a date.
type qualNeed struct {
	kind    string
	date    date
	level   string
	atLeast bool // true: at least level; false: below level
}

// eduProfile selects how a person's qualifications are drawn.
type eduProfile int

const (
	eduVillager eduProfile = iota // few formal qualifications
	eduCommune                    // commune cadres: mixed, much in-service study
	eduCivil                      // civil servants: college or university at about 22
	eduOfficial                   // district and provincial officials: university, some master's
)

// profile describes a new person.
type profile struct {
	district string  // 2018 district code, for the ethnic mix
	female   float64 // probability of being a woman
	born     [2]int  // birth year range, inclusive
	edu      eduProfile
}

// newPerson adds a person drawn from a profile.
func (b *builder) newPerson(pr profile) *person {
	p := &person{id: fmt.Sprintf("P%06d", len(b.people)+1), gender: "male", edu: pr.edu}
	if b.chance(pr.female) {
		p.gender = "female"
	}
	p.ethnicity = b.ethnicity(pr.district)
	p.name = b.fullName(p.gender, p.ethnicity)
	y := pr.born[0] + b.rnd.IntN(pr.born[1]-pr.born[0]+1)
	p.birth = day(fmt.Sprintf("%d-01-01", y)).AddDays(b.rnd.IntN(365))
	if pr.edu == eduVillager && b.chance(0.03) {
		p.religion = pick(b, []string{"Phật giáo", "Công giáo", "Công giáo"})
	}
	b.people = append(b.people, p)
	return p
}

// age returns the person's age in whole years on d.
func (p *person) age(d date) int {
	bt, dt := p.birth.Time(), d.Time()
	a := dt.Year() - bt.Year()
	if dt.YearDay() < bt.YearDay() {
		a--
	}
	return a
}

// retires returns the day a person reaches retirement age (60 for men,
// 55 for women, rounded), used to stop careers.
func (p *person) retires() date {
	years := 60
	if p.gender == "female" {
		years = 56
	}
	return date(int(p.birth) + years*365)
}

// admit makes p a probationary member on d, in org (which must exist then,
// or is taken as the member's organization on 1997-01-01 for an earlier date).
func (p *person) admit(d date, org string) {
	p.admitted, p.admitOrg = d, org
}

// member reports whether p is a party member on d, as far as the generator decided.
func (p *person) member(d date) bool {
	return p.admitted != 0 && p.admitted <= d && (p.exit == 0 || d < p.exit)
}

// register records that from d the member is registered in org.
func (p *person) register(d date, org string) {
	if p.admitted != 0 {
		p.regs = append(p.regs, reg{d, org})
	}
}

// need adds a qualification constraint.
func (p *person) need(kind string, d date, level string, atLeast bool) {
	p.cons = append(p.cons, qualNeed{kind, d, level, atLeast})
}

// admitBefore admits p into org at a random date from age 20 until a
// little before the given date.
func (b *builder) admitBefore(p *person, before date, org string) {
	lo := max(date(int(p.birth)+20*365), day("1964-01-01")) // Hà Bắc: from 1963-10-27
	hi := before.AddDays(-200)
	if hi <= lo {
		hi = lo + 30
	}
	d := b.between(lo, hi)
	if d == day("1997-01-01") {
		d++
	}
	p.admit(d, org)
}

// dateOf builds a date from its parts.
func dateOf(y int, m time.Month, dd int) date {
	return day(fmt.Sprintf("%04d-%02d-%02d", y, m, dd))
}

// sortRegs orders a person's registrations by date, keeping the last of
// those on one date and dropping repeats of the same organization.
func sortRegs(rs []reg) []reg {
	slices.SortStableFunc(rs, func(a, b reg) int { return int(a.date - b.date) })
	var out []reg
	for _, r := range rs {
		if n := len(out); n > 0 && out[n-1].date == r.date {
			out[n-1] = r
			continue
		}
		out = append(out, r)
	}
	return out
}
