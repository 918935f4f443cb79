package vnadmin

import "fmt"

// Unit is one row of an embedded unit list (units-pre2025.csv or
// units-2025.csv), as read.
type Unit struct {
	Code   string // GSO code, with its leading zeros
	Name   string // full official name, e.g. "Xã Tân An"
	Type   string // e.g. "Tỉnh", "Huyện", "Thị xã", "Xã", "Phường", "Thị trấn"
	Level  string // "1" province, "2" district (before 2025) or commune (2025), "3" commune (before 2025)
	Parent string // code of the unit one level up, "" for a province
}

// Merge is one row of merge-2025.csv: an old unit (wholly or partly) going
// into a 2025 unit.
type Merge struct {
	OldCode, OldLevel string
	NewCode, NewLevel string
	Portion           string // "full" or "partial"
}

// UnitsPre2025 returns the units of units-pre2025.csv (the three-level list
// as of 2025-03-01), in file order.
func UnitsPre2025() ([]Unit, error) { return exported("units-pre2025.csv") }

// Units2025 returns the units of units-2025.csv (the two-level list in force
// from 2025-07-01), in file order.
func Units2025() ([]Unit, error) { return exported("units-2025.csv") }

// Merges2025 returns the rows of merge-2025.csv, in file order.
func Merges2025() ([]Merge, error) {
	ms, err := readMerges()
	if err != nil {
		return nil, err
	}
	out := make([]Merge, len(ms))
	for i, m := range ms {
		out[i] = Merge{OldCode: m.oldCode, OldLevel: m.oldLevel, NewCode: m.newCode, NewLevel: m.newLevel, Portion: m.portion}
	}
	return out, nil
}

// Subtype returns the bundle subtype word for a unit type of the lists
// ("Xã" → "xa", "Thị trấn" → "thi_tran", …), as Bundle writes it.
func Subtype(typ string) (string, error) {
	s, ok := subtypes[typ]
	if !ok {
		return "", fmt.Errorf("vnadmin: unknown unit type %q", typ)
	}
	return s, nil
}

func exported(name string) ([]Unit, error) {
	us, err := readUnits(name)
	if err != nil {
		return nil, err
	}
	out := make([]Unit, len(us))
	for i, u := range us {
		out[i] = Unit{Code: u.code, Name: u.name, Type: u.typ, Level: u.level, Parent: u.parent}
	}
	return out, nil
}
