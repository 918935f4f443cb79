package sqldb

import (
	"fmt"
	"strings"

	"github.com/tochuc/tochuc/internal/indicator"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// The basic statistics of party members (indicators-v1 amendment 2): the
// members at :d by a trait of theirs, and the flows of party events that move
// members into or out of the scope over (:s, :d].

// memberTraits lists the members at :d whose organization is inside the
// scope, each with the part of the trait (one row a member: their periods do
// not overlap).
func memberTraits(trait string) family {
	return family{items: func(b *qb) string {
		part, where := traitPart(b, trait)
		people := ` LEFT JOIN ` + b.t("people") + ` pe ON pe.id = m.person_id AND ` + b.rec("pe")
		from := `FROM ` + b.from(b.mp, "m", "") + people + ` WHERE 1 = 1`
		if b.scoped {
			from = `FROM tc_scope sc CROSS JOIN ` + b.from(b.mp, "m", "member_periods_unit") + people + ` WHERE sc.at = :at AND m.unit_id = sc.id`
		}
		return `SELECT m.person_id AS id, ` + part + ` AS part, 1 AS c0, 1 AS amount ` + from + `
		AND m.valid_to > :d AND m.valid_from <= :d` + where
	}, cols: 1, parts: traitParts(trait)}
}

// traitParts are the parts a family sums in one row ("" alone: no
// breakdown), or nil: grouped by the part found.
func traitParts(trait string) []string {
	if trait == indicator.TraitReligious {
		return []string{""}
	}
	return nil
}

// traitPart returns the part of a member (alias m, person pe) and a further
// condition on the members counted.
func traitPart(b *qb, trait string) (part, where string) {
	switch trait {
	case indicator.TraitGender:
		return `CASE pe.gender WHEN 'male' THEN 'male' WHEN 'female' THEN 'female' ELSE 'unknown' END`, ""
	case indicator.TraitAge:
		// age in completed years at :d is at least n when born on or before :born_… (ageBounds)
		return `CASE WHEN pe.birth_date IS NULL THEN 'unknown' WHEN pe.birth_date > :born_a THEN 'to_30'
			WHEN pe.birth_date > :born_b THEN '31_40' WHEN pe.birth_date > :born_c THEN '41_50'
			WHEN pe.birth_date > :born_d THEN '51_60' WHEN pe.birth_date > :born_e THEN '61_70' ELSE 'over_70' END`, ""
	case indicator.TraitEthnicity:
		return `CASE WHEN ` + foldKinh("pe.ethnicity") + ` = 'kinh' THEN 'kinh' WHEN TRIM(COALESCE(pe.ethnicity, '')) = '' THEN 'unknown' ELSE 'minority' END`, ""
	case indicator.TraitReligious:
		return `''`, ` AND TRIM(COALESCE(pe.religion, '')) <> ''`
	case indicator.TraitEducation:
		return highestLevel(b, tochuc.QualEducation, indicator.EducationParts), ""
	case indicator.TraitTheory:
		return highestLevel(b, tochuc.QualPoliticalTheory, indicator.TheoryParts), ""
	}
	panic("no trait " + trait)
}

// ageBounds are the parameters of the age bands at d: :born_a … :born_e, the
// last birth dates of those aged at least 31, 41, 51, 61 and 71 in completed
// years (a 29 February that the year lacks is its 28th, as compared).
func ageBounds(d tochuc.Date) map[string]any {
	out := map[string]any{}
	if d == 0 {
		return out
	}
	t := d.Time()
	for i, n := range []int{31, 41, 51, 61, 71} {
		y, m, day := t.Year()-n, t.Month(), t.Day()
		if m == 2 && day == 29 && !(y%4 == 0 && (y%100 != 0 || y%400 == 0)) {
			day = 28
		}
		out["born_"+string(rune('a'+i))] = tochuc.NewDate(y, m, day)
	}
	return out
}

// foldKinh returns the text of the column without surrounding spaces, case
// and the marks the letters of "Kinh" may carry (composed or combining), to
// compare with 'kinh' on both engines (SQLite's LOWER folds ASCII only).
func foldKinh(col string) string {
	s := "TRIM(COALESCE(" + col + ", ''))"
	for _, r := range "íìỉĩịÍÌỈĨỊ" {
		s = "REPLACE(" + s + ", '" + string(r) + "', 'i')"
	}
	for _, r := range "\u0300\u0301\u0303\u0309\u0323" {
		s = "REPLACE(" + s + ", '" + string(r) + "', '')"
	}
	return "LOWER(" + s + ")"
}

// highestLevel returns the part of a member's highest level of a
// qualification kind obtained on or before :d: the part of each rank (parts
// in rank order, the last one "none" for no level).
func highestLevel(b *qb, kind string, parts []string) string {
	var rank, name strings.Builder
	rank.WriteString("CASE q.level")
	for _, l := range levelNames[kind] {
		r, _ := tochuc.LevelRank(kind, l)
		fmt.Fprintf(&rank, " WHEN '%s' THEN %d", l, r)
	}
	rank.WriteString(" ELSE 0 END")
	name.WriteString("CASE (SELECT MAX(" + rank.String() + ") FROM " + b.from("qualifications", "q", "qualifications_level") +
		" WHERE q.person_id = m.person_id AND " + b.rec("q") + " AND q.kind = '" + kind + "' AND (q.obtained_on IS NULL OR q.obtained_on <= :d))")
	for _, p := range parts {
		if r, ok := tochuc.LevelRank(kind, p); ok {
			fmt.Fprintf(&name, " WHEN %d THEN '%s'", r, p)
		}
	}
	name.WriteString(" ELSE 'none' END")
	return name.String()
}

// dayBefore is the day before the date expression.
func (b *qb) dayBefore(expr string) string {
	if b.dialect == Postgres {
		return "(" + expr + " - 1)"
	}
	return "date(" + expr + ", '-1 day')"
}

// partyFlow lists the events of a flow in (:s, :d] (each one a row, its
// person as id). Each candidate names up to two points to test: its new
// organization on the event's date (side 0) and the member's organization
// the day before (side 1, from the member periods), each required inside
// the scope (need 1) or outside it (need 0); without a scope, an
// organization named is inside it.
func partyFlow(kind string) family {
	return family{items: func(b *qb) string { return partyFlowItems(b, kind) }, cols: 1, flow: true}
}

func partyFlowItems(b *qb, kind string) string {
	window := ` AND e.date <= :d`
	if b.flowFrom {
		window += ` AND e.date > :s`
	}
	nullDate := "NULL"
	if b.dialect == Postgres {
		nullDate = "CAST(NULL AS DATE)"
	}
	prev := func(person, on string) string { // the member's period the day before
		before := b.dayBefore(on)
		return b.from(b.mp, "pm", "member_periods_person") + ` ON pm.person_id = ` + person +
			` AND pm.valid_from <= ` + before + ` AND pm.valid_to > ` + before
	}
	// events are the candidates of events of some kinds: their new
	// organization (nneed) and the one of the day before (pneed) must be
	// inside the scope ("1"), outside it ("0"), or are not tested ("").
	events := func(part, kinds, nneed, pneed string) string {
		noNeed := "CAST(NULL AS INTEGER)"
		nu, nt := "e.unit_id", "e.date"
		if nneed == "" {
			nu, nt, nneed = "NULL", nullDate, noNeed
		}
		pu, pt, join := "pm.unit_id", b.dayBefore("e.date"), ` JOIN `+prev("e.person_id", "e.date")
		if pneed == "" {
			pu, pt, pneed, join = "NULL", nullDate, noNeed, ""
		}
		return `SELECT e.rid AS k, e.person_id AS person_id, ` + part + ` AS part, ` + nu + ` AS nu, ` + nt + ` AS nt, ` + nneed + ` AS nneed, ` +
			pu + ` AS pu, ` + pt + ` AS pt, ` + pneed + ` AS pneed FROM party e` + join +
			` WHERE e.event IN (` + kinds + `) AND ` + b.recorded.where("e") + window
	}
	var cands []string
	switch kind {
	case indicator.FlowAdmitted:
		cands = append(cands, events("''", "'admitted'", "1", ""))
	case indicator.FlowRecognized:
		cands = append(cands, events("''", "'recognized'", "", "1"))
	case indicator.FlowTransferredIn:
		cands = append(cands, events("''", "'transferred_in'", "1", ""), events("''", "'transferred'", "1", "0"))
	case indicator.FlowLosses:
		cands = append(cands, events("e.event", "'removed', 'expelled', 'died', 'transferred_out'", "", "1"),
			events("'transferred_out'", "'transferred'", "0", "1"))
		deathWindow := ` AND pe.died_on <= :d`
		if b.flowFrom {
			deathWindow += ` AND pe.died_on > :s`
		}
		cands = append(cands, `SELECT -pe.rid AS k, pe.id AS person_id, 'died' AS part, NULL AS nu, `+nullDate+` AS nt, CAST(NULL AS INTEGER) AS nneed,
			pm.unit_id AS pu, `+b.dayBefore("pe.died_on")+` AS pt, 1 AS pneed
			FROM `+b.t("people")+` pe JOIN `+prev("pe.id", "pe.died_on")+`
			WHERE pe.died_on IS NOT NULL AND `+b.rec("pe")+deathWindow+`
			AND NOT EXISTS (SELECT 1 FROM party d WHERE d.person_id = pe.id AND d.event = 'died' AND d.date <= pe.died_on AND `+b.recorded.where("d")+`)`)
	default:
		panic("no flow " + kind)
	}
	in := func(side int, col string) string {
		if !b.scoped {
			return "c." + col + " IS NOT NULL"
		}
		return fmt.Sprintf("EXISTS (SELECT 1 FROM ins WHERE ins.k = c.k AND ins.side = %d)", side)
	}
	with := `WITH cand AS MATERIALIZED (` + strings.Join(cands, "\n UNION ALL \n") + `)`
	if b.scoped {
		// ever: the units under the roots in any of their versions, a
		// superset of the scope on every date: only the candidates with a
		// point required inside the scope in one of them are walked up.
		ever := `ever(id) AS (SELECT r.id FROM tc_roots r
			UNION
			SELECT u.id FROM ever CROSS JOIN ` + b.from("units", "u", "units_parent") + ` WHERE u.parent_id = ever.id AND ` + b.rec("u") + `
			UNION
			SELECT u.id FROM ever CROSS JOIN ` + b.from("units", "u", "units_locality_kind") + ` WHERE u.locality_id = ever.id AND ` + b.rec("u") + `)`
		if b.dialect == Postgres {
			ever = `ever(id) AS (SELECT r.id FROM tc_roots r
			UNION
			SELECT c.id FROM ever CROSS JOIN LATERAL (
				SELECT u.id FROM ` + b.t("units") + ` u WHERE u.parent_id = ever.id AND ` + b.rec("u") + `
				UNION ALL
				SELECT u.id FROM ` + b.t("units") + ` u WHERE u.locality_id = ever.id AND ` + b.rec("u") + `) c)`
		}
		with = `WITH RECURSIVE ` + ever + `, cand AS MATERIALIZED (SELECT * FROM (` + strings.Join(cands, "\n UNION ALL \n") + `) c0
			LEFT JOIN ever en ON en.id = c0.nu LEFT JOIN ever ep ON ep.id = c0.pu
			WHERE c0.nneed = 1 AND en.id IS NOT NULL OR c0.pneed = 1 AND ep.id IS NOT NULL),
		pts(k, side, uid, t) AS (SELECT k, 0, nu, nt FROM cand WHERE nneed IS NOT NULL AND nu IS NOT NULL
			UNION ALL SELECT k, 1, pu, pt FROM cand WHERE pneed IS NOT NULL AND pu IS NOT NULL),
		up(k, side, uid, t) AS (SELECT k, side, uid, t FROM pts
			UNION
			SELECT up.k, up.side, CASE n.n WHEN 0 THEN u.parent_id ELSE u.locality_id END, up.t
			FROM up CROSS JOIN ` + b.from("units", "u", "units_current") + ` CROSS JOIN (SELECT 0 AS n UNION ALL SELECT 1) n
			WHERE u.id = up.uid AND ` + b.validOn("u", "up.t") + ` AND (CASE n.n WHEN 0 THEN u.parent_id ELSE u.locality_id END) IS NOT NULL),
		ins AS MATERIALIZED (SELECT DISTINCT up.k AS k, up.side AS side FROM up
			JOIN tc_roots r ON r.id = up.uid AND r.valid_from <= up.t AND (r.valid_to IS NULL OR r.valid_to > up.t))`
	}
	return with + `
	SELECT c.person_id AS id, c.part AS part, 1 AS c0, 1 AS amount FROM cand c
	WHERE (c.nneed IS NULL OR c.nneed = CASE WHEN ` + in(0, "nu") + ` THEN 1 ELSE 0 END)
	AND (c.pneed IS NULL OR c.pneed = CASE WHEN ` + in(1, "pu") + ` THEN 1 ELSE 0 END)`
}
