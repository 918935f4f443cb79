package demo

import (
	"slices"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// qual is one qualifications.csv row.
type qual struct {
	kind, level string
	on          date
}

const (
	edu    = tochuc.QualEducation
	theory = tochuc.QualPoliticalTheory
)

// atAge returns a date when p was about age years old (plus up to a year).
func (b *builder) atAge(p *person, age int) date {
	return date(int(p.birth) + age*365 + b.rnd.IntN(365))
}

// quals draws a person's qualifications from their profile, then adjusts
// them to the person's constraints, and keeps those obtained by today.
func (b *builder) quals(p *person) []qual {
	var qs []qual
	add := func(kind, level string, on date) { qs = append(qs, qual{kind, level, on}) }
	r := b.rnd.Float64()
	switch p.edu {
	case eduVillager:
		switch {
		case r < 0.30:
			add(edu, "primary_vocational", b.atAge(p, 18+b.rnd.IntN(8)))
		case r < 0.45:
			add(edu, "intermediate", b.atAge(p, 19+b.rnd.IntN(7)))
		case r < 0.50:
			add(edu, "college", b.atAge(p, 21+b.rnd.IntN(5)))
		}
	case eduCommune:
		if r < 0.75 {
			add(edu, "intermediate", b.atAge(p, 20+b.rnd.IntN(7)))
		}
		switch r2 := b.rnd.Float64(); {
		case r2 < 0.55:
			add(edu, "university", b.atAge(p, 27+b.rnd.IntN(16)))
		case r2 < 0.72:
			add(edu, "college", b.atAge(p, 24+b.rnd.IntN(12)))
		}
	case eduCivil:
		switch {
		case r < 0.72:
			add(edu, "university", b.atAge(p, 22+b.rnd.IntN(2)))
			if b.chance(0.07) {
				add(edu, "master", b.atAge(p, 30+b.rnd.IntN(9)))
			}
		case r < 0.92:
			add(edu, "college", b.atAge(p, 21+b.rnd.IntN(2)))
		default:
			add(edu, "intermediate", b.atAge(p, 20+b.rnd.IntN(2)))
		}
	case eduOfficial:
		add(edu, "university", b.atAge(p, 22+b.rnd.IntN(3)))
		if r < 0.45 {
			add(edu, "master", b.atAge(p, 29+b.rnd.IntN(12)))
		}
		if r < 0.04 {
			add(edu, "doctor", b.atAge(p, 40+b.rnd.IntN(8)))
		}
	}
	if p.admitted != 0 && b.chance(0.85) {
		add(theory, "elementary", p.admitted.AddDays(150+b.rnd.IntN(900)))
	}
	switch t := b.rnd.Float64(); p.edu {
	case eduCommune:
		if t < 0.8 {
			add(theory, "intermediate", b.atAge(p, 30+b.rnd.IntN(13)))
		}
		if t < 0.08 {
			add(theory, "advanced", b.atAge(p, 42+b.rnd.IntN(8)))
		}
	case eduOfficial:
		if t < 0.92 {
			add(theory, "intermediate", b.atAge(p, 28+b.rnd.IntN(8)))
		}
		if t < 0.7 {
			add(theory, "advanced", b.atAge(p, 37+b.rnd.IntN(10)))
		}
	case eduCivil:
		if t < 0.3 && p.admitted != 0 {
			add(theory, "intermediate", b.atAge(p, 29+b.rnd.IntN(10)))
		}
	case eduVillager:
		if t < 0.05 && p.admitted != 0 {
			add(theory, "intermediate", b.atAge(p, 35+b.rnd.IntN(10)))
		}
	}
	qs = b.applyNeeds(p, qs)
	slices.SortStableFunc(qs, func(a, c qual) int {
		if a.kind != c.kind {
			if a.kind == edu {
				return -1
			}
			return 1
		}
		return int(a.on - c.on)
	})
	var out []qual
	seen := map[string]bool{}
	for _, q := range qs {
		if q.on > today || q.on <= p.birth || seen[q.kind+q.level] {
			continue
		}
		seen[q.kind+q.level] = true
		out = append(out, q)
	}
	return out
}

// applyNeeds adds or moves qualifications so that each constraint holds:
// "at least" ones add the level a few years before the date, then "below"
// ones push the too-high levels after their date (studied later).
func (b *builder) applyNeeds(p *person, qs []qual) []qual {
	rank := func(kind, level string) int { r, _ := tochuc.LevelRank(kind, level); return r }
	for _, c := range p.cons {
		if !c.atLeast {
			continue
		}
		best := 0
		for _, q := range qs {
			if q.kind == c.kind && q.on <= c.date {
				best = max(best, rank(c.kind, q.level))
			}
		}
		if best >= rank(c.kind, c.level) {
			continue
		}
		on := c.date.AddDays(-(200 + b.rnd.IntN(2500)))
		if lo := date(int(p.birth) + 21*365); on < lo {
			on = lo
		}
		if on >= c.date {
			on = c.date.AddDays(-1)
		}
		for i := range qs { // one row per level: the earlier date wins
			if qs[i].kind == c.kind && qs[i].level == c.level {
				qs[i].on = min(qs[i].on, on)
				on = 0
			}
		}
		if on != 0 {
			qs = append(qs, qual{c.kind, c.level, on})
		}
	}
	for _, c := range p.cons {
		if c.atLeast {
			continue
		}
		for i := range qs {
			if qs[i].kind == c.kind && rank(c.kind, qs[i].level) >= rank(c.kind, c.level) && qs[i].on <= c.date {
				qs[i].on = c.date.AddDays(60 + b.rnd.IntN(1500))
			}
		}
	}
	return qs
}
