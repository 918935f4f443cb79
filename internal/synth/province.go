package synth

import (
	"fmt"
	"math/rand/v2"
	"os"
)

// Province sets the size of a synthetic province shaped like the one of the
// indicators-v1 article: districts with their party committee, boards,
// People's Council and Committee, communes with their posts and villages,
// enterprises with party organizations, and party members with their events.
type Province struct {
	Districts          int
	CommunesPerDist    int
	VillagesPerCommune int
	Enterprises        int
	MembersPerCell     int // party members admitted in each village cell (others get fewer)
	Seed               uint64
}

// ProvinceFor returns the size of a province of about the given number of
// party members (100,000 gives about 20,000 units).
func ProvinceFor(members int) Province {
	p := Province{Districts: 10, CommunesPerDist: 23, VillagesPerCommune: 15, Enterprises: 7000, Seed: 1}
	cells := p.Districts * p.CommunesPerDist * p.VillagesPerCommune
	p.MembersPerCell = max(1, members*9/(cells*10))
	return p
}

// WriteProvince writes the province as a directory of CSV files and returns
// its row count.
func WriteProvince(dir string, p Province) (int, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return 0, err
	}
	g := &pgen{gen: gen{dir: dir, rnd: rand.New(rand.NewPCG(p.Seed, 11)), files: map[string]*csvFile{}}, p: p,
		x: rand.New(rand.NewPCG(p.Seed, 13))}
	g.province()
	for _, f := range g.files {
		if err := f.close(); err != nil && g.err == nil {
			g.err = err
		}
	}
	return g.rows, g.err
}

// Dates used by the province: units exist from unitsFrom; posts, events and
// headcounts change around the article's dates (30-5-2018 and 31-12-2018).
const unitsFrom = "1990-01-01"

var (
	provUnitHeader = []string{"id", "name", "kind", "parent_id", "locality_id", "host_id", "ownership", "valid_from", "valid_to"}
	provPostHeader = []string{"person_id", "unit_id", "role", "valid_from", "valid_to", "how"}
	provPartyHead  = []string{"person_id", "event", "date", "unit_id", "status"}
	provPeopleHead = []string{"id", "full_name", "gender", "birth_date", "ethnicity", "died_on"}
	countHeader    = []string{"unit_id", "date", "actual", "quota"}
	eduAll         = []string{"primary_vocational", "intermediate", "college", "university", "master"}
	theoryAll      = []string{"elementary", "intermediate", "advanced"}
)

type pgen struct {
	gen
	p       Province
	x       *rand.Rand // draws of the rule-check records (ratings, plans), apart from rnd
	err     error
	persons int
	// orgs where members are admitted, with the number of admissions each
	orgs []memberOrg
}

type memberOrg struct {
	id      string
	parent  string // the party committee that rates it ("" for none)
	members int
	near    []string // organizations a member may be transferred to
}

func (g *pgen) w(file string, header []string, row ...string) {
	if g.err == nil {
		g.err = g.write(file, header, row...)
	}
}

// unit writes a unit existing from unitsFrom; extra gives host, ownership, valid_to.
func (g *pgen) unit(id, name, kind, parent, locality string, extra ...string) string {
	ex := append(extra, "", "", "")
	g.w("units", provUnitHeader, id, name, kind, parent, locality, ex[0], ex[1], unitsFrom, ex[2])
	return id
}

// staffed writes a unit with headcounts before and after the 2018 reduction.
func (g *pgen) staffed(id, name, kind, parent, locality string, size int) string {
	g.unit(id, name, kind, parent, locality)
	g.w("headcount", countHeader, id, "2015-01-01", fmt.Sprint(size), fmt.Sprint(size+1))
	if g.rnd.IntN(3) == 0 && size > 1 {
		g.w("headcount", countHeader, id, "2018-07-01", fmt.Sprint(size-1), fmt.Sprint(size))
	}
	return id
}

// person writes a person with qualifications and returns the id.
func (g *pgen) person(diedOn string) string {
	g.persons++
	id := fmt.Sprintf("P%06d", g.persons)
	r := g.rnd
	name := surnames[r.IntN(len(surnames))] + " " + given[r.IntN(len(given))]
	g.w("people", provPeopleHead, id, name, []string{"male", "female"}[r.IntN(2)],
		fmt.Sprintf("%d-%02d-%02d", 1945+r.IntN(55), 1+r.IntN(12), 1+r.IntN(28)), "Kinh", diedOn)
	g.w("qualifications", qualHeader, id, "education", eduAll[r.IntN(len(eduAll))],
		fmt.Sprintf("%d-06-30", 1985+r.IntN(34)))
	if r.IntN(3) > 0 {
		g.w("qualifications", qualHeader, id, "political_theory", theoryAll[r.IntN(len(theoryAll))],
			fmt.Sprintf("%d-01-15", 1990+r.IntN(29)))
	}
	return id
}

// member writes a party member admitted in org, with later events.
func (g *pgen) member(o memberOrg) string {
	r := g.rnd
	died := ""
	fate := r.IntN(100)
	if fate < 2 {
		died = fmt.Sprintf("%d-%02d-10", 2010+r.IntN(9), 1+r.IntN(12))
	}
	id := g.person(died)
	y := 1991 + r.IntN(28)
	adm := fmt.Sprintf("%d-%02d-%02d", y, 1+r.IntN(12), 1+r.IntN(28))
	if died != "" && adm >= died {
		y, adm = 1995, "1995-01-01"
	}
	g.w("party", provPartyHead, id, "admitted", adm, o.id, "")
	if died == "" && fate >= 15 && adm < "2017" {
		g.memberRatings(id, o)
	}
	last := adm
	rec := fmt.Sprintf("%d%s", y+1, adm[4:])
	if rec[5:] == "02-29" {
		rec = rec[:5] + "02-28"
	}
	if rec <= "2019-06-30" && (died == "" || rec < died) {
		g.w("party", provPartyHead, id, "recognized", rec, "", "")
		last = rec
	}
	switch {
	case died != "":
		g.w("party", provPartyHead, id, "died", died, "", "")
	case last >= "2019":
	case fate < 12 && len(o.near) > 0:
		g.w("party", provPartyHead, id, "transferred", later(last, r), o.near[r.IntN(len(o.near))], "")
	case fate < 15:
		g.w("party", provPartyHead, id, []string{"removed", "transferred_out", "expelled"}[r.IntN(3)], later(last, r), "", "")
	}
	return id
}

// later returns a date after d (which is before 2019), in 2000–2019.
func later(d string, r *rand.Rand) string {
	y := max(2000, atoi(d[:4])+1) + r.IntN(4)
	return fmt.Sprintf("%d-%02d-15", min(y, 2019), 1+r.IntN(12))
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}

// post writes an assignment; an empty from means a term start before 2018.
func (g *pgen) post(person, unit, role, from, to, how string) {
	if from == "" {
		from = []string{"2015-10-01", "2016-07-01", "2017-03-01"}[g.rnd.IntN(3)]
	}
	g.w("assignments", provPostHeader, person, unit, role, from, to, how)
}
