package sqldb

import (
	"maps"
	"strings"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// qb builds the SQL of the indicators at one evaluation date. The queries use
// :d (the date), :at (its row in tc_scope), :s (a flow's start, excluded) and
// :scope (the scope unit); every table they read is filtered by recorded.
type qb struct {
	dialect  Dialect
	recorded Recorded
	snap     bool   // the rows held at recorded are copied to temp tables tc_<table> (see snapshot)
	scoped   bool   // a scope was given: tc_scope holds the units inside it
	mp       string // table of member periods
	flowFrom bool   // a flow has a start date
	params   map[string]any
}

// args returns the parameters, with extra name/value pairs.
func (b *qb) args(kv ...any) map[string]any {
	out := maps.Clone(b.params)
	for i := 0; i+1 < len(kv); i += 2 {
		out[kv[i].(string)] = kv[i+1]
	}
	return out
}

// t returns the table to read: the registry's, or its snapshot.
func (b *qb) t(table string) string {
	if b.snap {
		return "tc_" + table
	}
	return table
}

// from names a table (through t) with its alias and, on SQLite, the index to
// read it by: without statistics SQLite's planner may take an index that
// fits worse. The joins of these queries are in the order they should run
// (CROSS JOIN keeps it on SQLite; PostgreSQL plans it as any join). A temp
// table tc_x has the indexes of x named tc_<index>.
func (b *qb) from(table, alias, index string) string {
	name := b.t(table)
	if strings.HasPrefix(table, "tc_") {
		name = table
	}
	if b.dialect != SQLite || index == "" {
		return name + " " + alias
	}
	if strings.HasPrefix(name, "tc_") {
		index = "tc_" + index
	}
	return name + " " + alias + " INDEXED BY " + index
}

// rec selects the rows of alias a held at the recording time (all rows of a snapshot).
func (b *qb) rec(a string) string {
	if b.snap {
		return "1 = 1"
	}
	return b.recorded.where(a)
}

// valid: the row of a (units or assignments) is held and valid at :d.
func (b *qb) valid(a string) string { return b.validOn(a, ":d") }

// validOn: the row of a is held and valid on the date expression on.
func (b *qb) validOn(a, on string) string {
	return b.rec(a) + " AND " + a + ".valid_from <= " + on + " AND (" + a + ".valid_to IS NULL OR " + a + ".valid_to > " + on + ")"
}

// live: the person has not died on or before the date expression on.
func (b *qb) live(person, on string) string {
	return "NOT EXISTS (SELECT 1 FROM " + b.from("people", "pe", "people_died") + " WHERE pe.id = " + person + " AND " + b.rec("pe") +
		" AND pe.died_on <= " + on + ")"
}

// inScope: the unit is inside the scope at :d (always true without a scope).
func (b *qb) inScope(unit string) string {
	if !b.scoped {
		return "1 = 1"
	}
	return unit + " IN (SELECT sc.id FROM tc_scope sc WHERE sc.at = :at)"
}

// member: the person is a party member at :d.
func (b *qb) member(person string) string {
	return "EXISTS (SELECT 1 FROM " + b.from(b.mp, "m", "member_periods_person") + " WHERE m.person_id = " + person + " AND m.valid_from <= :d AND m.valid_to > :d)"
}

// atLeast: the person has, on the date expression on, a level of the
// qualification kind at least min.
func (b *qb) atLeast(person, kind, min, on string) string {
	return "EXISTS (SELECT 1 FROM " + b.from("qualifications", "q", "qualifications_level") + " WHERE q.person_id = " + person + " AND " + b.rec("q") +
		" AND q.kind = '" + kind + "' AND q.level IN (" + quoted(levelsFrom(kind, min)) + ")" +
		" AND (q.obtained_on IS NULL OR q.obtained_on <= " + on + "))"
}

// levelNames lists the levels of each qualification kind (ranked by tochuc.LevelRank).
var levelNames = map[string][]string{
	tochuc.QualEducation:       {"primary_vocational", "intermediate", "college", "university", "master", "doctor"},
	tochuc.QualPoliticalTheory: {"elementary", "intermediate", "advanced", "bachelor"},
}

// levelsFrom returns the levels of a kind ranked at least as high as min.
func levelsFrom(kind, min string) []string {
	floor, _ := tochuc.LevelRank(kind, min)
	var out []string
	for _, l := range levelNames[kind] {
		if r, _ := tochuc.LevelRank(kind, l); r >= floor {
			out = append(out, l)
		}
	}
	return out
}

// quoted returns vocabulary codes as a list of SQL string literals.
func quoted(codes []string) string {
	return "'" + strings.Join(codes, "', '") + "'"
}

// kindSector is the sector that follows from the kind of the unit alias a.
func kindSector(a string) string {
	var b strings.Builder
	b.WriteString("CASE " + a + ".kind")
	for _, k := range tochuc.UnitKinds {
		if k.Sector != tochuc.SectorNone {
			b.WriteString(" WHEN '" + k.Code + "' THEN '" + string(k.Sector) + "'")
		}
	}
	b.WriteString(" ELSE 'none' END")
	return b.String()
}
