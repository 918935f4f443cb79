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

// keySet finds duplicate keys as rows are added, before any is written:
// an open-addressing table of key hashes and lines, 12 bytes a slot and at
// most three quarters full (about 16 to 32 bytes a row). Two keys with the
// same 64-bit hash would be reported as a duplicate: the odds are 2^-64 a pair.
type keySet struct {
	seed  maphash.Seed
	hash  []uint64 // 0: empty slot
	lines []int32
	n     int
}

func newKeySet() *keySet { return &keySet{seed: maphash.MakeSeed()} }

// add records the key of rec and returns the line of an earlier row with
// the same key, or 0.
func (k *keySet) add(rec *Record) int {
	var h maphash.Hash
	h.SetSeed(k.seed)
	for _, i := range rec.File.RowKeyIndexes() {
		h.WriteString(FormatValue(rec.Vals[i]))
		h.WriteByte(0)
	}
	sum := h.Sum64()
	if sum == 0 {
		sum = 1
	}
	if 4*(k.n+1) > 3*len(k.hash) {
		k.grow()
	}
	if line := k.put(sum, int32(rec.Line)); line != 0 {
		return int(line)
	}
	k.n++
	return 0
}

// put stores a hash and its line, or returns the line already stored for it.
func (k *keySet) put(sum uint64, line int32) int32 {
	mask := uint64(len(k.hash) - 1)
	for i := sum & mask; ; i = (i + 1) & mask {
		switch k.hash[i] {
		case 0:
			k.hash[i], k.lines[i] = sum, line
			return 0
		case sum:
			return k.lines[i]
		}
	}
}

func (k *keySet) grow() {
	old, oldLines := k.hash, k.lines
	size := max(1024, 2*len(old))
	k.hash, k.lines = make([]uint64, size), make([]int32, size)
	for i, h := range old {
		if h != 0 {
			k.put(h, oldLines[i])
		}
	}
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
