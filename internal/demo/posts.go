package demo

// post is one assignments.csv row: a person holding a role in a unit.
// Posts are cut to the unit's existence when written, so that the posts of a
// unit that is merged or dissolved end on that date.
type post struct {
	p        *person
	u        *unit
	role     string
	from, to date
	how, doc string
}

// appointed are the roles of appointed staff, which end at retirement.
var appointed = map[string]bool{"head": true, "deputy_head": true, "director": true, "deputy_director": true,
	"civil_servant": true, "staff": true}

// assign records a post.
func (b *builder) assign(p *person, u *unit, role string, from, to date, how string) *post {
	if p == nil {
		return nil
	}
	if to != 0 && to <= from {
		b.fail("post %s %s of %s: ends %s before it starts %s", role, u.id, p.id, to, from)
	}
	if !u.alive(from) {
		b.fail("post %s of %s from %s: unit %s does not exist then", role, p.id, from, u.id)
	}
	if retire := p.retires(); to == 0 && appointed[role] && retire > from.AddDays(90) && retire <= today {
		to = retire // appointed staff retire; elected posts run their term
	}
	a := &post{p: p, u: u, role: role, from: from, to: to, how: how}
	b.posts = append(b.posts, a)
	return a
}

// Term dates of the 2015–2020, 2020–2025 and 2025–2030 party terms and of
// the 2016–2021, 2021–2026 and 2026–2031 People's Council terms, by level.
// The dates are typical of each round, not those of a particular body.
var (
	commCong15, distCong15, provCong15 = day("2015-05-15"), day("2015-07-20"), day("2015-10-16")
	commHDND16, distHDND16, provHDND16 = day("2016-06-25"), day("2016-06-28"), day("2016-06-30")
	commCong20, distCong20, provCong20 = day("2020-05-20"), day("2020-07-25"), day("2020-10-16")
	commHDND21, distHDND21, provHDND21 = day("2021-06-25"), day("2021-06-28"), day("2021-06-30")
	commCong25, provCong25             = day("2025-08-20"), day("2025-10-15")
	hdnd26                             = day("2026-03-30")
	front14, front19, front24          = day("2014-08-15"), day("2019-07-15"), day("2024-07-15")
)

// leader adds a person for a leadership post: born in the range, with the
// education profile, a party member registered in org (admitted before
// the post starts) when member is true.
func (b *builder) leader(district string, born [2]int, ep eduProfile, female float64, member bool, org string, postFrom date) *person {
	p := b.newPerson(profile{district: district, female: female, born: born, edu: ep})
	if member {
		b.admitBefore(p, postFrom, org)
	}
	return p
}

// moveTo registers a member in org from d (a change of party organization
// that follows a new post).
func (p *person) moveTo(d date, org *unit) {
	if p.member(d) {
		p.register(d, org.id)
	}
}
