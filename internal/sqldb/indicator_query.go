package sqldb

import (
	"fmt"
	"slices"

	"github.com/tochuc/tochuc/internal/indicator"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// family is the query of the records behind one or more indicators, with
// columns id, part, amount and c0, c1… (1 when the record counts in the
// value of the indicator of that column). The units family is behind every
// indicator.Units, one per part (the kind).
type family struct {
	items func(b *qb) string
	// cols is the number of counted columns.
	cols int
	// parts are the possible parts, summed in one pass; nil groups by part.
	parts []string
	// tally, when set, computes the sums of items faster: one row, '' then
	// for each part the sums of c0, c1… and the count.
	tally func(b *qb) string
	flow  bool
}

// query is how the engine computes one indicator: the family of the records
// behind it (computed once for every indicator sharing its key), the column
// that counts it, and the part that is it (a units.<kind>: the kind).
type query struct {
	key  string
	f    family
	col  int
	part string
}

// queryOf turns what an indicator counts (indicator.Def.Counts) into its query.
func queryOf(def indicator.Def) (query, error) {
	q, err := queryOfAll(def)
	if def.Only != "" { // the records of one part only
		q.part = def.Only
	}
	return q, err
}

// queryOfAll is queryOf for the records of every part.
func queryOfAll(def indicator.Def) (query, error) {
	one := func(f family) (query, error) { return query{key: def.ID, f: f}, nil }
	switch c := def.Counts.(type) {
	case indicator.Units:
		return query{key: "units", f: family{items: unitItems, cols: 1}, part: c.Kind}, nil
	case indicator.Staff:
		return one(family{items: staffItems, cols: 1, parts: def.Parts})
	case indicator.BothPosts:
		return one(both(c.Locality, c.First, c.Second))
	case indicator.LocalityHas:
		return one(localityHas(c))
	case indicator.Recruited:
		return one(family{items: func(b *qb) string { return recruitmentItems(b, c) }, cols: 1, parts: []string{""}, flow: true})
	case indicator.KeyCadres:
		return keyCadres(c)
	case indicator.PostMembers: // one pass for every role of the catalog in units of that kind, by role
		return query{key: "post_members." + c.UnitKind, f: postMembers(c.UnitKind, postRoles(c)), part: c.Role}, nil
	case indicator.HostedOrgs:
		return one(family{items: func(b *qb) string { return hostedOrgItems(b, c.Kinds) }, cols: 1, parts: c.Kinds})
	case indicator.HostedMembers:
		return one(family{items: func(b *qb) string { return hostedMemberItems(b, c.Kinds) }, cols: 1, parts: []string{""}})
	case indicator.Members:
		return one(family{items: memberItems, tally: memberTally, cols: 1, parts: []string{"probationary", "official"}})
	case indicator.MemberTraits:
		return one(memberTraits(c.Trait))
	case indicator.PartyFlow:
		return one(partyFlow(c.Kind))
	}
	return query{}, fmt.Errorf("indicator %s: no query counts %T", def.ID, def.Counts)
}

// postRoles returns the roles counted in units of c's kind by the
// indicators of the catalog, with c's own: one pass counts them all.
func postRoles(c indicator.PostMembers) []string {
	roles := []string{c.Role}
	for _, def := range indicator.Catalog() {
		if pm, ok := def.Counts.(indicator.PostMembers); ok && pm.UnitKind == c.UnitKind && !slices.Contains(roles, pm.Role) {
			roles = append(roles, pm.Role)
		}
	}
	slices.Sort(roles)
	return roles
}

// keyCadreQuals are the qualifications the key cadres' query counts, by
// column after the first (c0 counts them all).
var keyCadreQuals = []indicator.Qualification{{Kind: tochuc.QualEducation, Level: "college"}, {Kind: tochuc.QualPoliticalTheory, Level: "intermediate"}}

// keyCadres counts the key cadres of a locality in one pass: every
// qualification asked of them has its column.
func keyCadres(c indicator.KeyCadres) (query, error) {
	col := 0
	if c.AtLeast != nil {
		col = -1
		for i, q := range keyCadreQuals {
			if q == *c.AtLeast {
				col = i + 1
			}
		}
		if col < 0 {
			return query{}, fmt.Errorf("key cadres: no column counts %s at least %s", c.AtLeast.Kind, c.AtLeast.Level)
		}
	}
	key := fmt.Sprintf("key_cadres.%s%v", c.Locality, c.Posts)
	return query{key: key, col: col, f: family{items: func(b *qb) string { return keyCadreItems(b, c.Locality, c.Posts) },
		cols: 1 + len(keyCadreQuals), parts: []string{""}}}, nil
}
