package sqldb

import "github.com/tochuc/tochuc/internal/tochuc"

// family is the query of the records behind one or more indicators, with
// columns id, part, amount and c0, c1… (1 when the record counts in the
// value of ids[0], ids[1]…). The units family is behind every units.<kind>,
// one per part (the kind).
type family struct {
	items func(b *qb) string
	// ids are the indicators of the counted columns; nil: the family's name.
	ids []string
	// parts are the possible parts, summed in one pass; nil groups by part.
	parts []string
	// tally, when set, computes the sums of items faster: one row, '' then
	// for each part the sums of c0, c1… and the count.
	tally func(b *qb) string
	flow  bool
}

var (
	// communeParty are the kinds of a commune's own party organization
	// (indicators-v1 amendment 1: party_upper from 2025-07-01); hosted ones excluded (see own).
	communeParty     = []string{"party_upper", "party_grassroots_committee", "party_grassroots_cell"}
	nonStateOrgKinds = []string{"party_grassroots_committee", "party_grassroots_cell", "party_sub_committee", "party_cell"}
	// keyPosts are the key posts of a commune: roles in units of kinds of the commune.
	keyPosts = []struct{ roles, kinds []string }{
		{append([]string{"secretary"}, tochuc.RolesCountedAs("deputy_secretary")...), communeParty},
		{[]string{"chair", "vice_chair"}, []string{"people_council", "people_committee"}},
		{[]string{"chair"}, []string{"fatherland_front"}},
	}
)

// families defines every indicator of indicators-v1 (indicator.Catalog).
var families = map[string]family{
	"units":       {items: unitItems},
	"staff.total": {items: staffItems, parts: []string{"party", "front", "state", "none"}},
	"concurrency.district.secretary_council_chair": both("district",
		post{"secretary", []string{"party_upper"}}, post{"chair", []string{"people_council"}}),
	"concurrency.district.secretary_committee_chair": both("district",
		post{"secretary", []string{"party_upper"}}, post{"chair", []string{"people_committee"}}),
	"concurrency.district.mass_mobilization_front": both("district",
		post{"head", []string{"party_board_mass_mobilization"}}, post{"chair", []string{"fatherland_front"}}),
	"concurrency.district.propaganda_training_center": both("district",
		post{"head", []string{"party_board_propaganda"}}, post{"director", []string{"political_training_center"}}),
	"concurrency.commune.secretary_council_chair": both("commune",
		post{"secretary", communeParty}, post{"chair", []string{"people_council"}}),
	"concurrency.commune.secretary_committee_chair": both("commune",
		post{"secretary", communeParty}, post{"chair", []string{"people_committee"}}),
	"commune.party_office_civil_servant": localities("commune", func(b *qb) string {
		return `EXISTS (SELECT 1 FROM ` + b.from("units", "o", "units_locality_kind") + ` CROSS JOIN ` +
			b.from("assignments", "a", "assignments_unit_role") + `
			WHERE o.locality_id = x.id AND o.kind = 'party_office' AND ` + own("o") + ` AND ` + b.valid("o") + `
			AND a.unit_id = o.id AND a.role = 'civil_servant' AND ` + b.valid("a") + ` AND ` + b.live("a.person_id", ":d") + `)`
	}),
	"commune.combined_office": localities("commune", func(b *qb) string {
		return `EXISTS (SELECT 1 FROM ` + b.from("units", "o", "units_locality_kind") + `
			WHERE o.locality_id = x.id AND o.kind = 'combined_office' AND ` + own("o") + ` AND ` + b.valid("o") + `)`
	}),
	"recruitment.commune.university_plus": {items: recruitmentItems, parts: []string{""}, flow: true},
	"key_cadres.commune": {items: keyCadreItems, parts: []string{""},
		ids: []string{"key_cadres.commune.count", "key_cadres.commune.college_plus", "key_cadres.commune.theory_intermediate_plus"}},
	"village.head_party_member":          villagePosts("village_head"),
	"village.deputy_head_party_member":   villagePosts("deputy_village_head"),
	"party.non_state_enterprise.orgs":    {items: nonStateOrgItems, parts: nonStateOrgKinds},
	"party.non_state_enterprise.members": {items: nonStateMemberItems, parts: []string{""}},
	"party.members":                      {items: memberItems, tally: memberTally, parts: []string{"probationary", "official"}},
}
