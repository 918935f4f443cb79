// Package indicator holds the standard indicators of indicators-v1, each
// defined whole in one place — its id, label, the shape of its figures and
// what it counts — and computes a report from the figures an Engine (storage)
// finds for them: on a date, against an earlier date, in a scope.
package indicator

import (
	"strings"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// Def describes one indicator of the catalog: what it counts is implemented
// by the Engine; Def says how its figures are shaped and labelled.
type Def struct {
	ID    string
	Label string // Vietnamese
	// Flow marks indicators that count events in (S, D] rather than a state at D.
	Flow bool
	// Share marks indicators whose value is a part of `of` (the records listed by Explain).
	Share bool
	// Sum marks indicators whose value adds up an amount per record (a headcount) rather than counting records.
	Sum bool
	// Parts are the keys of the `by` breakdown, in display order; none for a plain count.
	Parts []string
	// Persons is true when the records behind the value are persons, false when they are units.
	Persons bool
}

// Part keys of the breakdowns.
var (
	sectorParts = []string{"party", "front", "state", "none"}
	statusParts = []string{"probationary", "official"}
	orgParts    = []string{"party_grassroots_committee", "party_grassroots_cell", "party_sub_committee", "party_cell"}
)

// partLabels are the Vietnamese labels of the breakdown keys that are not unit kinds.
var partLabels = map[string]string{
	"party": "Khối Đảng", "front": "Khối Mặt trận, đoàn thể", "state": "Khối chính quyền", "none": "Khác",
	"probationary": "Đảng viên dự bị", "official": "Đảng viên chính thức",
}

// PartLabel returns the Vietnamese label of a breakdown key.
func PartLabel(part string) string {
	if l, ok := partLabels[part]; ok {
		return l
	}
	if k, ok := tochuc.LookupUnitKind(part); ok {
		return k.Label
	}
	return part
}

var catalog = func() []Def {
	var defs []Def
	for _, k := range tochuc.UnitKinds {
		defs = append(defs, Def{ID: "units." + k.Code, Label: unitsLabel(k.Label)})
	}
	share := func(id, label string, persons bool) Def {
		return Def{ID: id, Label: label, Share: true, Persons: persons}
	}
	return append(defs,
		Def{ID: "staff.total", Label: "Biên chế (số người làm việc)", Sum: true, Parts: sectorParts},
		share("concurrency.district.secretary_council_chair", "Huyện: Bí thư cấp ủy đồng thời là Chủ tịch HĐND", false),
		share("concurrency.district.secretary_committee_chair", "Huyện: Bí thư cấp ủy đồng thời là Chủ tịch UBND", false),
		share("concurrency.district.mass_mobilization_front", "Huyện: Trưởng ban Dân vận đồng thời là Chủ tịch Ủy ban MTTQ", false),
		share("concurrency.district.propaganda_training_center", "Huyện: Trưởng ban Tuyên giáo đồng thời là Giám đốc Trung tâm bồi dưỡng chính trị", false),
		share("concurrency.commune.secretary_council_chair", "Xã: Bí thư đảng ủy đồng thời là Chủ tịch HĐND", false),
		share("concurrency.commune.secretary_committee_chair", "Xã: Bí thư đảng ủy đồng thời là Chủ tịch UBND", false),
		share("commune.party_office_civil_servant", "Xã có công chức làm việc tại Văn phòng đảng ủy", false),
		share("commune.combined_office", "Xã có Văn phòng Đảng ủy – HĐND – UBND hợp nhất", false),
		Def{ID: "recruitment.commune.university_plus", Label: "Tuyển dụng vào cấp xã có trình độ đại học trở lên", Flow: true, Persons: true},
		Def{ID: "key_cadres.commune.count", Label: "Cán bộ chủ chốt cấp xã", Persons: true},
		share("key_cadres.commune.college_plus", "Cán bộ chủ chốt cấp xã có trình độ cao đẳng trở lên", true),
		share("key_cadres.commune.theory_intermediate_plus", "Cán bộ chủ chốt cấp xã có lý luận chính trị trung cấp trở lên", true),
		share("village.head_party_member", "Trưởng thôn là đảng viên", true),
		share("village.deputy_head_party_member", "Phó trưởng thôn là đảng viên", true),
		Def{ID: "party.non_state_enterprise.orgs", Label: "Tổ chức đảng trong doanh nghiệp ngoài nhà nước", Parts: orgParts},
		Def{ID: "party.non_state_enterprise.members", Label: "Đảng viên trong doanh nghiệp ngoài nhà nước", Persons: true},
		Def{ID: "party.members", Label: "Đảng viên", Parts: statusParts, Persons: true},
	)
}()

// LabelOn returns the indicator's label as it reads on d: a units.<kind>
// label follows the kind's label on that date (tochuc.KindLabelOn).
func (d Def) LabelOn(on tochuc.Date) string {
	if kind, ok := UnitKindOf(d.ID); ok {
		return unitsLabel(tochuc.KindLabelOn(kind, on))
	}
	return d.Label
}

func unitsLabel(kind string) string { return "Số đơn vị: " + kind }

// Catalog returns the indicators of indicators-v1 in the spec's order.
func Catalog() []Def { return append([]Def(nil), catalog...) }

// Lookup returns the indicator with the given id.
func Lookup(id string) (Def, bool) {
	for _, d := range catalog {
		if d.ID == id {
			return d, true
		}
	}
	return Def{}, false
}

// UnitKindOf returns the unit kind counted by a units.<kind> indicator.
func UnitKindOf(id string) (string, bool) {
	return strings.CutPrefix(id, "units.")
}
