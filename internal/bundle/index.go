package bundle

import (
	"hash/maphash"
	"slices"
	"strings"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// unitVersion is one period of a unit, as checks need it.
type unitVersion struct {
	tochuc.Period
	Kind string
	Line int32 // 0 when held in the database
}

// unitIndex holds the periods of every unit known to the import.
type unitIndex struct {
	m         map[string][]unitVersion
	fromFile  map[string]bool // ids whose versions came from the bundle (they replace the database's)
	kindNames map[string]string
	canon     map[string]string // each id's one copy
}

func newUnitIndex() *unitIndex {
	return &unitIndex{m: map[string][]unitVersion{}, fromFile: map[string]bool{}, kindNames: map[string]string{},
		canon: map[string]string{}}
}

func (u *unitIndex) addHeld(id, kind string, p tochuc.Period) {
	id = u.remember(id)
	u.m[id] = append(u.m[id], unitVersion{Period: p, Kind: u.intern(kind)})
}

func (u *unitIndex) addBundle(id, kind string, p tochuc.Period, line int) {
	if !u.fromFile[id] {
		id = u.remember(id) // do not keep the whole CSV line alive
		u.fromFile[id] = true
		u.m[id] = nil
	}
	u.m[id] = append(u.m[id], unitVersion{Period: p, Kind: u.intern(kind), Line: int32(line)})
}

func (u *unitIndex) intern(s string) string {
	if v, ok := u.kindNames[s]; ok {
		return v
	}
	u.kindNames[s] = s
	return s
}

// known reports whether a unit id exists at any date.
func (u *unitIndex) known(id string) bool { _, ok := u.m[id]; return ok }

// at returns the version of a unit valid on d.
func (u *unitIndex) at(id string, d tochuc.Date) (unitVersion, bool) {
	for _, v := range u.m[id] {
		if v.Contains(d) {
			return v, true
		}
	}
	return unitVersion{}, false
}

// sorted returns the versions of a unit ordered by start date.
func (u *unitIndex) sorted(id string) []unitVersion {
	vs := slices.Clone(u.m[id])
	slices.SortFunc(vs, func(a, b unitVersion) int { return int(a.From - b.From) })
	return vs
}

// keySet finds duplicate keys in a file with 16 bytes a row: a hash of the key and the line.
type keySet struct {
	seed maphash.Seed
	rows []keyLine
}

type keyLine struct {
	hash uint64
	line int32
}

func newKeySet() *keySet { return &keySet{seed: maphash.MakeSeed()} }

func (k *keySet) add(rec *Record) {
	var h maphash.Hash
	h.SetSeed(k.seed)
	for _, i := range rec.File.RowKeyIndexes() {
		h.WriteString(FormatValue(rec.Vals[i]))
		h.WriteByte(0)
	}
	k.rows = append(k.rows, keyLine{h.Sum64(), int32(rec.Line)})
}

// duplicates returns the lines whose key was already used by an earlier line.
func (k *keySet) duplicates() [][2]int {
	slices.SortFunc(k.rows, func(a, b keyLine) int {
		if a.hash != b.hash {
			if a.hash < b.hash {
				return -1
			}
			return 1
		}
		return int(a.line - b.line)
	})
	var out [][2]int
	for i := 1; i < len(k.rows); i++ {
		if k.rows[i].hash == k.rows[i-1].hash {
			first := i - 1
			for first > 0 && k.rows[first-1].hash == k.rows[i].hash {
				first--
			}
			out = append(out, [2]int{int(k.rows[i].line), int(k.rows[first].line)})
		}
	}
	slices.SortFunc(out, func(a, b [2]int) int { return a[0] - b[0] })
	return out
}

// key returns the index's own copy of a unit id (so that a record does not
// keep its CSV line alive), or a copy of the id when the unit is unknown.
func (u *unitIndex) key(id string) string {
	if k, ok := u.canon[id]; ok {
		return k
	}
	return strings.Clone(id)
}

// remember keeps the index's copy of a unit id.
func (u *unitIndex) remember(id string) string {
	if k, ok := u.canon[id]; ok {
		return k
	}
	id = strings.Clone(id)
	u.canon[id] = id
	return id
}
