package tochuc

// Sector is the bloc a unit belongs to: party, front or state; empty for localities and enterprises.
type Sector string

// The sectors of bundle-v1.
const (
	SectorParty Sector = "party"
	SectorFront Sector = "front"
	SectorState Sector = "state"
	SectorNone  Sector = ""
)

// UnitKind describes one kind of unit of the political system.
type UnitKind struct {
	Code   string
	Label  string // Vietnamese
	Sector Sector
	// Locality reports whether units of this kind are localities (province … village).
	Locality bool
}

// UnitKinds lists the unit kinds of bundle-v1 in the spec's order (the
// kinds of amendment 2 beside their kin).
var UnitKinds = []UnitKind{
	{"province", "Tỉnh, thành phố", SectorNone, true},
	{"district", "Huyện, quận, thị xã, thành phố thuộc tỉnh", SectorNone, true},
	{"commune", "Xã, phường, thị trấn", SectorNone, true},
	{"village", "Thôn, tổ dân phố", SectorNone, true},
	{"party_provincial", "Đảng bộ tỉnh", SectorParty, false},
	{"party_upper", "Đảng bộ cấp trên trực tiếp cơ sở", SectorParty, false},
	{"party_grassroots_committee", "Đảng bộ cơ sở", SectorParty, false},
	{"party_grassroots_cell", "Chi bộ cơ sở", SectorParty, false},
	{"party_sub_committee", "Đảng bộ bộ phận", SectorParty, false},
	{"party_cell", "Chi bộ trực thuộc", SectorParty, false},
	{"party_group", "Tổ đảng", SectorParty, false},
	{"party_board_organization", "Ban tổ chức cấp ủy", SectorParty, false},
	{"party_board_inspection", "Ủy ban kiểm tra cấp ủy", SectorParty, false},
	{"party_board_propaganda", "Ban tuyên giáo cấp ủy", SectorParty, false},
	{"party_board_mass_mobilization", "Ban dân vận cấp ủy", SectorParty, false},
	{"party_board_propaganda_mass_mobilization", "Ban tuyên giáo và dân vận cấp ủy", SectorParty, false},
	{"party_board_internal_affairs", "Ban nội chính cấp ủy", SectorParty, false},
	{"party_office", "Văn phòng cấp ủy", SectorParty, false},
	{"political_training_center", "Trung tâm bồi dưỡng chính trị", SectorParty, false},
	{"people_council", "Hội đồng nhân dân", SectorState, false},
	{"people_committee", "Ủy ban nhân dân", SectorState, false},
	{"state_agency", "Cơ quan chuyên môn", SectorState, false},
	{"public_service_unit", "Đơn vị sự nghiệp công lập", SectorState, false},
	{"combined_office", "Văn phòng Đảng ủy – HĐND – UBND cấp xã", SectorState, false},
	{"internal_division", "Đầu mối bên trong", SectorNone, false},
	{"fatherland_front", "Ủy ban Mặt trận Tổ quốc", SectorFront, false},
	{"socio_political_org", "Tổ chức chính trị – xã hội", SectorFront, false},
	{"enterprise", "Doanh nghiệp", SectorNone, false},
	{"other", "Khác", SectorNone, false},
}

var unitKindByCode = func() map[string]UnitKind {
	m := make(map[string]UnitKind, len(UnitKinds))
	for _, k := range UnitKinds {
		m[k.Code] = k
	}
	return m
}()

// LookupUnitKind returns the unit kind with the given code.
func LookupUnitKind(code string) (UnitKind, bool) {
	k, ok := unitKindByCode[code]
	return k, ok
}

// PartyOrgKinds are the kinds of party organizations that hold members.
var PartyOrgKinds = []string{"party_provincial", "party_upper", "party_grassroots_committee",
	"party_grassroots_cell", "party_sub_committee", "party_cell"}

// IsPartyOrg reports whether kind is a party organization that can register members.
func IsPartyOrg(kind string) bool {
	for _, k := range PartyOrgKinds {
		if k == kind {
			return true
		}
	}
	return false
}

// Roles lists the assignment roles of bundle-v1 with their Vietnamese labels.
var Roles = []Term{
	{"secretary", "Bí thư"}, {"deputy_secretary", "Phó Bí thư"},
	{"standing_deputy_secretary", "Phó Bí thư Thường trực"},
	{"standing_member", "Ủy viên Ban Thường vụ"}, {"committee_member", "Cấp ủy viên"},
	{"chair", "Chủ tịch"}, {"vice_chair", "Phó Chủ tịch"},
	{"head", "Trưởng ban, trưởng phòng"}, {"deputy_head", "Phó trưởng ban, phó trưởng phòng"},
	{"director", "Giám đốc"}, {"deputy_director", "Phó Giám đốc"},
	{"member", "Ủy viên, thành viên"}, {"council_deputy", "Đại biểu HĐND"}, {"village_head", "Trưởng thôn"},
	{"deputy_village_head", "Phó trưởng thôn"}, {"civil_servant", "Công chức"},
	{"staff", "Viên chức, nhân viên"},
}

// PartyRoles are the posts held in a party organization itself.
var PartyRoles = []string{"secretary", "deputy_secretary", "standing_deputy_secretary", "standing_member", "committee_member"}

// countsAs maps a role to the role it counts as wherever a count names that
// one (bundle-v1 amendment 2: a standing deputy secretary is a deputy secretary).
var countsAs = map[string]string{"standing_deputy_secretary": "deputy_secretary"}

// RolesCountedAs returns the roles that count as role: role itself and those
// that count as it.
func RolesCountedAs(role string) []string {
	out := []string{role}
	for _, r := range Roles {
		if countsAs[r.Code] == role {
			out = append(out, r.Code)
		}
	}
	return out
}

// Term is a code of a vocabulary and its Vietnamese label.
type Term struct {
	Code  string
	Label string
}

// Codes returns the codes of a vocabulary.
func Codes(terms []Term) []string {
	out := make([]string, len(terms))
	for i, t := range terms {
		out[i] = t.Code
	}
	return out
}

// UnitKindCodes returns the codes of all unit kinds.
func UnitKindCodes() []string {
	out := make([]string, len(UnitKinds))
	for i, k := range UnitKinds {
		out[i] = k.Code
	}
	return out
}

// AssignmentHows are the ways a post is taken up.
var AssignmentHows = []string{"elected", "appointed", "reappointed", "rotated", "transferred",
	"seconded", "recruited", "assigned"}

// Genders are the values of people.gender.
var Genders = []string{"male", "female"}

// Sectors are the explicit values of units.sector.
var Sectors = []string{"party", "front", "state"}

// Ownerships are the values of units.ownership.
var Ownerships = []string{"state", "non_state", "foreign"}

// DocumentKinds are the kinds of documents.
var DocumentKinds = []string{"resolution", "decision", "regulation", "plan", "guidance",
	"directive", "conclusion", "notice", "report", "other"}

// RestructureKinds are the kinds of restructuring events.
var RestructureKinds = []string{"merge", "split", "dissolve", "establish", "rename", "move", "convert"}

// EvaluationSubjects, EvaluationCategories and Ratings are the vocabularies of evaluations.
var (
	EvaluationSubjects   = []string{"unit", "person"}
	EvaluationCategories = []string{"party_org", "collective", "leader", "party_member", "civil_servant"}
	Ratings              = []string{"excellent", "good", "complete", "incomplete"}
	// EvaluationPeriods are what one rating covers (366-QĐ/TW rates by term,
	// year or quarter, or when needed); "year" when a bundle leaves it empty.
	EvaluationPeriods = []string{"year", "q1", "q2", "q3", "q4", "term", "adhoc"}
	// EvaluationStatuses are the steps of a rating (EVAL-18): self-assessed,
	// appraised, decided; "decided" when a bundle leaves it empty. Only a
	// decided rating counts in reports and checks.
	EvaluationStatuses = []string{"self_assessed", "appraised", "decided"}
)

// The defaults of evaluations.period and evaluations.status (bundle-v1 amendment 1).
const (
	EvaluationPeriodYear = "year"
	EvaluationDecided    = "decided"
)

// EndReasons are why a post ended (assignments.end_reason, bundle-v1 amendment 1).
var EndReasons = []string{"term_end", "reappointed", "moved", "retired", "dismissed", "resigned",
	"removed", "suspended", "restructured", "died", "other"}

// DisciplineForms are the forms of party and state discipline, lightest
// first (discipline.form, bundle-v1 amendment 1).
var DisciplineForms = []string{"reprimand", "warning", "removal_from_post", "dismissal", "expulsion", "dissolution"}

// TermLevels are the levels whose congresses open a term (terms.level).
var TermLevels = []string{"central", "province", "district", "commune", "grassroots"}

// MemberStatuses are the values of party.status for a transfer in.
var MemberStatuses = []string{"official", "probationary"}
