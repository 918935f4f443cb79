// Package indicator holds the standard indicators of indicators-v1, each
// defined whole in one place — its id, label, the shape of its figures and
// what it counts — and computes a report from the figures an Engine (storage)
// finds for them: on a date, against an earlier date, in a scope.
package indicator

import (
	"strings"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// Def is one indicator of the catalog, whole: what it counts (Counts, which
// the Engine computes) and how its figures are shaped and labelled.
type Def struct {
	ID    string
	Label string // Vietnamese
	// Counts is what the indicator counts.
	Counts Count
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
	// Only, when set, is one of Parts: the records of that part alone (the
	// drill-down into one part of a breakdown, OpenPart).
	Only string
}

// Part keys of the breakdowns.
var (
	sectorParts = []string{"party", "front", "state", "none"}
	statusParts = []string{"probationary", "official"}
	orgParts    = []string{"party_grassroots_committee", "party_grassroots_cell", "party_sub_committee", "party_cell"}
)

// The part keys of the breakdowns of party members (indicators-v1
// amendment 2), in display order.
var (
	GenderParts    = []string{"male", "female", "unknown"}
	AgeParts       = []string{"to_30", "31_40", "41_50", "51_60", "61_70", "over_70", "unknown"}
	EthnicityParts = []string{"kinh", "minority", "unknown"}
	EducationParts = []string{"primary_vocational", "intermediate", "college", "university", "master", "doctor", "none"}
	TheoryParts    = []string{"elementary", "intermediate", "advanced", "none"}
	LossParts      = []string{"removed", "expelled", "died", "transferred_out"}
)

// PartLabelOf returns the Vietnamese label of a breakdown key of the
// indicator id: its own when the key reads differently there ("none" of
// education: no training), or PartLabel's.
func PartLabelOf(id, part string) string {
	if l := tochuc.Label("part", id+"."+part); l != id+"."+part {
		return l
	}
	return PartLabel(part)
}

// PartLabel returns the Vietnamese label of a breakdown key.
func PartLabel(part string) string {
	if l := tochuc.Label("part", part); l != part {
		return l
	}
	return tochuc.Label("unit_kind", part)
}

var (
	// communeParty are the kinds of a commune's own party organization
	// (indicators-v1 amendment 1: party_upper from 2025-07-01).
	communeParty = []string{"party_upper", "party_grassroots_committee", "party_grassroots_cell"}
	// communeKeyPosts are the key posts of a commune: roles in units of kinds of the commune.
	communeKeyPosts = []KeyPost{
		{append([]string{"secretary"}, tochuc.RolesCountedAs("deputy_secretary")...), communeParty},
		{[]string{"chair", "vice_chair"}, []string{"people_council", "people_committee"}},
		{[]string{"chair"}, []string{"fatherland_front"}},
	}
	districtSecretary = Post{"secretary", []string{"party_upper"}}
	communeSecretary  = Post{"secretary", communeParty}
	councilChair      = Post{"chair", []string{"people_council"}}
	committeeChair    = Post{"chair", []string{"people_committee"}}
)

var catalog = func() []Def {
	var defs []Def
	for _, k := range tochuc.UnitKinds {
		defs = append(defs, Def{ID: "units." + k.Code, Label: unitsLabel(k.Label), Counts: Units{k.Code}})
	}
	share := func(id, label string, persons bool, c Count) Def {
		return Def{ID: id, Label: label, Share: true, Persons: persons, Counts: c}
	}
	both := func(locality string, a, b Post) Count { return BothPosts{locality, a, b} }
	keyCadres := func(q *Qualification) Count { return KeyCadres{"commune", communeKeyPosts, q} }
	return append(defs,
		Def{ID: "staff.total", Label: "Biên chế (số người làm việc)", Sum: true, Parts: sectorParts, Counts: Staff{}},
		share("concurrency.district.secretary_council_chair", "Huyện: Bí thư cấp ủy đồng thời là Chủ tịch HĐND", false,
			both("district", districtSecretary, councilChair)),
		share("concurrency.district.secretary_committee_chair", "Huyện: Bí thư cấp ủy đồng thời là Chủ tịch UBND", false,
			both("district", districtSecretary, committeeChair)),
		share("concurrency.district.mass_mobilization_front", "Huyện: Trưởng ban Dân vận đồng thời là Chủ tịch Ủy ban MTTQ", false,
			both("district", Post{"head", []string{"party_board_mass_mobilization"}}, Post{"chair", []string{"fatherland_front"}})),
		share("concurrency.district.propaganda_training_center", "Huyện: Trưởng ban Tuyên giáo đồng thời là Giám đốc Trung tâm bồi dưỡng chính trị", false,
			both("district", Post{"head", []string{"party_board_propaganda"}}, Post{"director", []string{"political_training_center"}})),
		share("concurrency.commune.secretary_council_chair", "Xã: Bí thư đảng ủy đồng thời là Chủ tịch HĐND", false,
			both("commune", communeSecretary, councilChair)),
		share("concurrency.commune.secretary_committee_chair", "Xã: Bí thư đảng ủy đồng thời là Chủ tịch UBND", false,
			both("commune", communeSecretary, committeeChair)),
		share("commune.party_office_civil_servant", "Xã có công chức làm việc tại Văn phòng đảng ủy", false,
			LocalityHas{"commune", "party_office", "civil_servant"}),
		share("commune.combined_office", "Xã có Văn phòng Đảng ủy – HĐND – UBND hợp nhất", false,
			LocalityHas{"commune", "combined_office", ""}),
		Def{ID: "recruitment.commune.university_plus", Label: "Tuyển dụng vào cấp xã có trình độ đại học trở lên", Flow: true, Persons: true,
			Counts: Recruited{"commune", Qualification{tochuc.QualEducation, "university"}}},
		Def{ID: "key_cadres.commune.count", Label: "Cán bộ chủ chốt cấp xã", Persons: true, Counts: keyCadres(nil)},
		share("key_cadres.commune.college_plus", "Cán bộ chủ chốt cấp xã có trình độ cao đẳng trở lên", true,
			keyCadres(&Qualification{tochuc.QualEducation, "college"})),
		share("key_cadres.commune.theory_intermediate_plus", "Cán bộ chủ chốt cấp xã có lý luận chính trị trung cấp trở lên", true,
			keyCadres(&Qualification{tochuc.QualPoliticalTheory, "intermediate"})),
		share("village.head_party_member", "Trưởng thôn là đảng viên", true, PostMembers{"village", "village_head"}),
		share("village.deputy_head_party_member", "Phó trưởng thôn là đảng viên", true, PostMembers{"village", "deputy_village_head"}),
		Def{ID: "party.non_state_enterprise.orgs", Label: "Tổ chức đảng trong doanh nghiệp ngoài nhà nước", Parts: orgParts,
			Counts: HostedOrgs{orgParts}},
		Def{ID: "party.non_state_enterprise.members", Label: "Đảng viên trong doanh nghiệp ngoài nhà nước", Persons: true,
			Counts: HostedMembers{orgParts}},
		Def{ID: "party.members", Label: "Đảng viên", Parts: statusParts, Persons: true, Counts: Members{}},
		// amendment 2: the basic statistics of party members (11-HD/BTCTW)
		Def{ID: "party.members.gender", Label: "Đảng viên chia theo giới tính", Parts: GenderParts, Persons: true,
			Counts: MemberTraits{TraitGender}},
		Def{ID: "party.members.age", Label: "Đảng viên chia theo độ tuổi", Parts: AgeParts, Persons: true,
			Counts: MemberTraits{TraitAge}},
		Def{ID: "party.members.ethnicity", Label: "Đảng viên chia theo dân tộc", Parts: EthnicityParts, Persons: true,
			Counts: MemberTraits{TraitEthnicity}},
		Def{ID: "party.members.religious", Label: "Đảng viên có đạo (theo tôn giáo)", Persons: true,
			Counts: MemberTraits{TraitReligious}},
		Def{ID: "party.members.education", Label: "Đảng viên chia theo trình độ chuyên môn", Parts: EducationParts, Persons: true,
			Counts: MemberTraits{TraitEducation}},
		Def{ID: "party.members.theory", Label: "Đảng viên chia theo trình độ lý luận chính trị", Parts: TheoryParts, Persons: true,
			Counts: MemberTraits{TraitTheory}},
		Def{ID: "party.admitted", Label: "Đảng viên kết nạp", Flow: true, Persons: true, Counts: PartyFlow{FlowAdmitted}},
		Def{ID: "party.recognized", Label: "Đảng viên được công nhận chính thức", Flow: true, Persons: true, Counts: PartyFlow{FlowRecognized}},
		Def{ID: "party.transferred_in", Label: "Đảng viên chuyển đến", Flow: true, Persons: true, Counts: PartyFlow{FlowTransferredIn}},
		Def{ID: "party.losses", Label: "Đảng viên giảm (xóa tên, khai trừ, từ trần, chuyển đi)", Flow: true, Parts: LossParts, Persons: true,
			Counts: PartyFlow{FlowLosses}},
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
