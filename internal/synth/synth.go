// Package synth writes large, valid, deterministic bundles for benchmarks: a
// province of districts, communes, villages and their party organizations,
// with people, qualifications, membership events and posts.
package synth

import (
	"encoding/csv"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
)

// Size sets how large a synthetic province is.
type Size struct {
	Districts         int
	CommunesPerDist   int
	VillagesPerCommun int
	People            int
	Seed              uint64
}

// ForRows returns a size whose bundle has about n rows.
func ForRows(n int) Size {
	// Each person gives about 5 rows (person, 2 qualifications, 2 party events, 0.5 posts),
	// each commune 1 + 2 party/state units + villages.
	people := n / 5
	return Size{Districts: 20, CommunesPerDist: 25, VillagesPerCommun: 8, People: people, Seed: 1}
}

// Write writes the bundle as a directory of CSV files and returns its row count.
func Write(dir string, s Size) (int, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return 0, err
	}
	g := &gen{dir: dir, rnd: rand.New(rand.NewPCG(s.Seed, 7)), files: map[string]*csvFile{}}
	if err := g.units(s); err != nil {
		return 0, err
	}
	if err := g.people(s); err != nil {
		return 0, err
	}
	for _, f := range g.files {
		if err := f.close(); err != nil {
			return 0, err
		}
	}
	return g.rows, nil
}

type gen struct {
	dir   string
	rnd   *rand.Rand
	files map[string]*csvFile
	rows  int
	cells []string // party organizations where members are registered
	posts []string // units holding posts
}

type csvFile struct {
	f *os.File
	w *csv.Writer
}

func (c *csvFile) close() error {
	c.w.Flush()
	if err := c.w.Error(); err != nil {
		return err
	}
	return c.f.Close()
}

func (g *gen) write(name string, header []string, row ...string) error {
	cf, ok := g.files[name]
	if !ok {
		f, err := os.Create(filepath.Join(g.dir, name+".csv"))
		if err != nil {
			return err
		}
		cf = &csvFile{f: f, w: csv.NewWriter(f)}
		g.files[name] = cf
		if err := cf.w.Write(header); err != nil {
			return err
		}
	}
	g.rows++
	return cf.w.Write(row)
}

var unitHeader = []string{"id", "name", "kind", "parent_id", "locality_id", "host_id", "valid_from"}

func (g *gen) unit(id, name, kind, parent, locality, host string) error {
	return g.write("units", unitHeader, id, name, kind, parent, locality, host, "2000-01-01")
}

func (g *gen) units(s Size) error {
	if err := g.unit("T", "Tỉnh Tổng hợp", "province", "", "", ""); err != nil {
		return err
	}
	if err := g.unit("DBT", "Đảng bộ tỉnh", "party_provincial", "", "T", ""); err != nil {
		return err
	}
	for d := range s.Districts {
		did := fmt.Sprintf("H%02d", d)
		steps := [][]string{
			{did, "Huyện " + did, "district", "T", "", ""},
			{"HU" + did, "Đảng bộ huyện " + did, "party_upper", "DBT", did, ""},
			{"UBH" + did, "UBND huyện " + did, "people_committee", "", did, ""},
		}
		for _, u := range steps {
			if err := g.unit(u[0], u[1], u[2], u[3], u[4], u[5]); err != nil {
				return err
			}
		}
		g.posts = append(g.posts, "HU"+did, "UBH"+did)
		for c := range s.CommunesPerDist {
			cid := fmt.Sprintf("%sX%02d", did, c)
			steps := [][]string{
				{cid, "Xã " + cid, "commune", did, "", ""},
				{"DX" + cid, "Đảng bộ xã " + cid, "party_grassroots_committee", "HU" + did, cid, ""},
				{"UB" + cid, "UBND xã " + cid, "people_committee", "", cid, ""},
			}
			for _, u := range steps {
				if err := g.unit(u[0], u[1], u[2], u[3], u[4], u[5]); err != nil {
					return err
				}
			}
			g.posts = append(g.posts, "DX"+cid, "UB"+cid)
			for v := range s.VillagesPerCommun {
				vid := fmt.Sprintf("%sT%02d", cid, v)
				if err := g.unit(vid, "Thôn "+vid, "village", cid, "", ""); err != nil {
					return err
				}
				if err := g.unit("CB"+vid, "Chi bộ thôn "+vid, "party_cell", "DX"+cid, vid, vid); err != nil {
					return err
				}
				g.cells = append(g.cells, "CB"+vid)
			}
		}
	}
	return nil
}

var (
	peopleHeader = []string{"id", "full_name", "gender", "birth_date", "ethnicity"}
	qualHeader   = []string{"person_id", "kind", "level", "obtained_on"}
	partyHeader  = []string{"person_id", "event", "date", "unit_id"}
	postHeader   = []string{"person_id", "unit_id", "role", "valid_from", "valid_to", "how"}
	surnames     = []string{"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô"}
	given        = []string{"An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Hương", "Lan", "Minh", "Nam", "Thảo", "Tuấn"}
	eduLevels    = []string{"intermediate", "college", "university", "master"}
	partyRoles   = []string{"secretary", "deputy_secretary", "standing_member", "committee_member"}
	stateRoles   = []string{"chair", "vice_chair", "civil_servant", "staff"}
)

func (g *gen) people(s Size) error {
	r := g.rnd
	for i := range s.People {
		id := fmt.Sprintf("P%07d", i)
		name := surnames[r.IntN(len(surnames))] + " Văn " + given[r.IntN(len(given))]
		birth := fmt.Sprintf("%d-%02d-%02d", 1950+r.IntN(50), 1+r.IntN(12), 1+r.IntN(28))
		gender := []string{"male", "female"}[r.IntN(2)]
		if err := g.write("people", peopleHeader, id, name, gender, birth, "Kinh"); err != nil {
			return err
		}
		if err := g.write("qualifications", qualHeader, id, "education", eduLevels[r.IntN(len(eduLevels))],
			fmt.Sprintf("%d-06-30", 1995+r.IntN(25))); err != nil {
			return err
		}
		if err := g.write("qualifications", qualHeader, id, "political_theory", "intermediate",
			fmt.Sprintf("%d-01-15", 2000+r.IntN(20))); err != nil {
			return err
		}
		cell := g.cells[r.IntN(len(g.cells))]
		year := 2001 + r.IntN(20)
		if err := g.write("party", partyHeader, id, "admitted", fmt.Sprintf("%d-03-01", year), cell); err != nil {
			return err
		}
		if err := g.write("party", partyHeader, id, "recognized", fmt.Sprintf("%d-03-01", year+1), ""); err != nil {
			return err
		}
		if i%2 == 0 {
			from := fmt.Sprintf("%d-%02d-01", 2005+r.IntN(15), 1+r.IntN(12))
			to := ""
			if r.IntN(3) == 0 {
				to = fmt.Sprintf("%d-01-01", 2021+r.IntN(4))
			}
			// posts alternate party organization, People's Committee
			k := r.IntN(len(g.posts))
			role := partyRoles[r.IntN(len(partyRoles))]
			if k%2 == 1 {
				role = stateRoles[r.IntN(len(stateRoles))]
			}
			if err := g.write("assignments", postHeader, id, g.posts[k], role,
				from, to, "appointed"); err != nil {
				return err
			}
		}
	}
	return nil
}
