package indicator

import (
	"context"
	"strings"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// Section is a part of the report in the order of the source article: its
// title, the figures of the article it covers and the indicators in it.
type Section struct {
	Title   string
	Figures string // the article's figures, "F1–F4"
	// has reports whether an indicator id belongs to the section.
	has func(id string) bool
}

// Has reports whether the indicator belongs to the section.
func (s Section) Has(id string) bool { return s.has(id) }

func prefixes(ps ...string) func(string) bool {
	return func(id string) bool {
		for _, p := range ps {
			if strings.HasPrefix(id, p) {
				return true
			}
		}
		return false
	}
}

// sections follow the article (seed SUMMARY): the restructuring of the
// apparatus, the combined posts, the review of the grassroots party
// organizations, then the party members.
var sections = []Section{
	{"Sắp xếp tổ chức bộ máy, biên chế", "F1–F4", prefixes("units.", "staff.")},
	{"Nhất thể hóa chức danh (kiêm nhiệm)", "F5–F10", prefixes("concurrency.")},
	{"Tổ chức cơ sở đảng và cán bộ cơ sở", "F11–F19", prefixes("commune.", "recruitment.", "key_cadres.", "village.")},
	{"Đảng viên; tổ chức đảng trong doanh nghiệp ngoài nhà nước", "F20", prefixes("party.")},
}

// Sections returns the report's sections in the article's order; an
// indicator of none of them (a catalog grown since) goes in a last section
// "Chỉ tiêu khác".
func Sections() []Section {
	other := Section{Title: "Chỉ tiêu khác", has: func(id string) bool {
		for _, s := range sections {
			if s.has(id) {
				return false
			}
		}
		return true
	}}
	return append(append([]Section(nil), sections...), other)
}

// articleFigures are the figures of the source article each indicator gives
// (indicators-v1's catalog, column "article").
var articleFigures = map[string]string{
	"units.internal_division":                         "F1, F2",
	"units.public_service_unit":                       "F3",
	"staff.total":                                     "F4",
	"concurrency.district.secretary_council_chair":    "F5",
	"concurrency.commune.secretary_council_chair":     "F6",
	"concurrency.district.secretary_committee_chair":  "F7",
	"concurrency.commune.secretary_committee_chair":   "F8",
	"concurrency.district.mass_mobilization_front":    "F9",
	"concurrency.district.propaganda_training_center": "F10",
	"commune.party_office_civil_servant":              "F11",
	"commune.combined_office":                         "F12, F13",
	"recruitment.commune.university_plus":             "F14",
	"key_cadres.commune.count":                        "F15",
	"key_cadres.commune.college_plus":                 "F16",
	"key_cadres.commune.theory_intermediate_plus":     "F17",
	"village.head_party_member":                       "F18",
	"village.deputy_head_party_member":                "F19",
	"party.non_state_enterprise.orgs":                 "F20",
	"party.non_state_enterprise.members":              "F20",
}

// Figures returns the figures of the source article an indicator gives
// ("F6"), or "" for one the article does not report.
func Figures(id string) string { return articleFigures[id] }

// Point is the values of some stock indicators on one date.
type Point struct {
	AsOf   tochuc.Date
	Values map[string]int
}

// Series evaluates the stock indicators ids on each date, in p's scope
// (p.AsOf and p.Since are replaced by each date): a trend over the years.
func Series(ctx context.Context, src Engine, p Params, ids []string, dates []tochuc.Date) ([]Point, error) {
	var defs []Def
	for _, id := range ids {
		def, ok := Lookup(id)
		if !ok || def.Flow {
			return nil, tochuc.Errorf(tochuc.EInvalid, "không có chỉ tiêu trạng thái '%s'", id)
		}
		defs = append(defs, def)
	}
	out := make([]Point, 0, len(dates))
	for _, d := range dates {
		q := p
		q.AsOf, q.Since = d, 0
		if err := q.Check(); err != nil {
			return nil, err
		}
		ms, err := src.Evaluate(ctx, q, defs)
		if err != nil {
			return nil, err
		}
		pt := Point{AsOf: d, Values: make(map[string]int, len(defs))}
		for _, def := range defs {
			pt.Values[def.ID] = figure(def, ms, false).Value
		}
		out = append(out, pt)
	}
	return out, nil
}
