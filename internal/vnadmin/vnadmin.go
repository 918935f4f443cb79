// Package vnadmin turns the real lists of Vietnam's administrative units
// (embedded from shared/data/vn-admin, MIT licensed, see Notice) into the rows
// of a bundle-v1 data bundle: the units before and after the 2025 reform, and
// the reform itself as restructure events.
//
// Ids. Codes are reused across the reform with another meaning (new province
// 24 is Bắc Ninh, old 24 was Bắc Giang; most new commune codes are the code of
// one of the old communes merged into them), so a code alone does not name a
// unit. Pre-2025 units get the id "VN1-<code>", 2025 units "VN2-<code>".
// Within each list the codes of the levels have different lengths (2, 3 and 5
// digits), so the ids are unique.
//
// Periods. The lists carry no start dates. As an assumption, every pre-2025
// unit is given valid_from AssumedStart (2008-01-01) and valid_to ReformDate
// (2025-07-01); this is not the legal start of any unit, and earlier changes
// (for example Bắc Giang's in 2020 and 2025) are not represented. Every 2025
// unit starts on ReformDate and has no end.
package vnadmin

import (
	"fmt"
	"sort"
)

// Dates and ids used by the bundle.
const (
	// AssumedStart is the valid_from given to every pre-2025 unit. It is an
	// assumption: the source lists have no start dates.
	AssumedStart = "2008-01-01"
	// ReformDate is the date of the 2025 reform: the end of every pre-2025
	// unit, the start of every 2025 unit and the date of every event.
	ReformDate = "2025-07-01"
	// ResolutionID is the documents id of Nghị quyết 202/2025/QH15 (the
	// 34-province merger), referenced by the province restructure rows.
	ResolutionID = "NQ202-2025-QH15"
)

// Column keys of the bundle-v1 files written here, in the order written.
var (
	UnitColumns = []string{"id", "name", "kind", "parent_id", "locality_id", "host_id",
		"subtype", "sector", "ownership", "admin_code", "valid_from", "valid_to"}
	RestructureColumns = []string{"event_id", "date", "kind", "from_unit_id", "to_unit_id", "document_id"}
	DocumentColumns    = []string{"id", "number", "kind", "issuer_id", "issued_on", "title", "replaces_id"}
)

// Tables holds the rows of the bundle files, each with its header row first.
// A nil table is not written.
type Tables struct {
	Units       [][]string // units.csv
	Restructure [][]string // restructure.csv
	Documents   [][]string // documents.csv
}

// OldID returns the unit id of a pre-2025 code ("VN1-<code>").
func OldID(code string) string { return "VN1-" + code }

// NewID returns the unit id of a 2025 code ("VN2-<code>").
func NewID(code string) string { return "VN2-" + code }

var (
	oldKinds = map[string]string{"1": "province", "2": "district", "3": "commune"}
	newKinds = map[string]string{"1": "province", "2": "commune"}
	subtypes = map[string]string{
		"Tỉnh": "tinh",
		"Thành phố trực thuộc trung ương": "thanh_pho_tw",
		"Huyện":                "huyen",
		"Quận":                 "quan",
		"Thị xã":               "thi_xa",
		"Thành phố thuộc tỉnh": "thanh_pho",
		"Thành phố thuộc thành phố trực thuộc trung ương": "thanh_pho_thuoc_tp",
		"Xã":       "xa",
		"Phường":   "phuong",
		"Thị trấn": "thi_tran",
		"Đặc khu":  "dac_khu",
	}
)

// Bundle builds the units, restructure and documents tables from the
// embedded lists. It checks the lists as it goes (known levels and types,
// parents one level up, merge codes present in the lists, no duplicate
// restructure keys) and returns an error if they do not hold.
func Bundle() (*Tables, error) {
	pre, err := readUnits("units-pre2025.csv")
	if err != nil {
		return nil, err
	}
	post, err := readUnits("units-2025.csv")
	if err != nil {
		return nil, err
	}
	merges, err := readMerges()
	if err != nil {
		return nil, err
	}
	t := &Tables{Units: [][]string{UnitColumns}}
	oldLevels, err := addUnits(t, pre, oldKinds, OldID, ReformDate)
	if err != nil {
		return nil, fmt.Errorf("vnadmin: units-pre2025.csv: %w", err)
	}
	newLevels, err := addUnits(t, post, newKinds, NewID, "")
	if err != nil {
		return nil, fmt.Errorf("vnadmin: units-2025.csv: %w", err)
	}
	if t.Restructure, err = restructure(pre, post, merges, oldLevels, newLevels); err != nil {
		return nil, fmt.Errorf("vnadmin: merge-2025.csv: %w", err)
	}
	t.Documents = [][]string{DocumentColumns, {ResolutionID, "202/2025/QH15", "resolution", "", "2025-06-12",
		"Nghị quyết về việc sắp xếp đơn vị hành chính cấp tỉnh", ""}}
	return t, nil
}

// addUnits appends one row per unit, parents before children, and returns
// the level of each code.
func addUnits(t *Tables, list []srcUnit, kinds map[string]string, id func(string) string, validTo string) (map[string]string, error) {
	levels := make(map[string]string, len(list))
	for _, u := range list {
		if _, ok := kinds[u.level]; !ok {
			return nil, fmt.Errorf("unit %s: unknown level %q", u.code, u.level)
		}
		if _, dup := levels[u.code]; dup {
			return nil, fmt.Errorf("unit %s: duplicate code", u.code)
		}
		levels[u.code] = u.level
	}
	sorted := append([]srcUnit(nil), list...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].level < sorted[j].level })
	validFrom := AssumedStart
	if validTo == "" {
		validFrom = ReformDate
	}
	for _, u := range sorted {
		sub, ok := subtypes[u.typ]
		if !ok {
			return nil, fmt.Errorf("unit %s: unknown type %q", u.code, u.typ)
		}
		parent := ""
		if u.level == "1" {
			if u.parent != "" {
				return nil, fmt.Errorf("unit %s: a province has parent %s", u.code, u.parent)
			}
		} else {
			if pl, ok := levels[u.parent]; !ok || pl[0] != u.level[0]-1 {
				return nil, fmt.Errorf("unit %s: parent %q is not a unit one level up", u.code, u.parent)
			}
			parent = id(u.parent)
		}
		t.Units = append(t.Units, []string{id(u.code), u.name, kinds[u.level], parent, "", "",
			sub, "", "", u.code, validFrom, validTo})
	}
	return levels, nil
}
