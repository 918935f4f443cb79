package tochuc

// Line is one of the lines a board works with in the political system: the
// party, the government, the front and mass organizations, the localities,
// and the rest (enterprises, others). Lines are in protocol order.
type Line int

// The lines, in protocol order.
const (
	LineParty Line = iota
	LineGovernment
	LineFront
	LineLocality
	LineOther
)

// lineLabels are the Vietnamese names of the lines.
var lineLabels = []string{"Hệ thống Đảng", "Chính quyền (HĐND, UBND và cơ quan, đơn vị)",
	"Mặt trận Tổ quốc và các đoàn thể", "Địa bàn hành chính", "Doanh nghiệp và đơn vị khác"}

// Label returns the Vietnamese name of the line.
func (l Line) Label() string { return lineLabels[l] }

// LineOf returns the line of a unit kind: from its sector, localities apart.
func LineOf(kind string) Line {
	k, ok := LookupUnitKind(kind)
	switch {
	case !ok:
		return LineOther
	case k.Locality:
		return LineLocality
	case k.Sector == SectorParty:
		return LineParty
	case k.Sector == SectorState:
		return LineGovernment
	case k.Sector == SectorFront:
		return LineFront
	}
	return LineOther
}

// KindRank returns the rank of a unit kind in protocol order (the order of
// UnitKinds: the party committee before its boards, the council before the
// committee), past the end for an unknown kind.
func KindRank(kind string) int {
	for i, k := range UnitKinds {
		if k.Code == kind {
			return i
		}
	}
	return len(UnitKinds)
}
