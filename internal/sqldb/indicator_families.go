package sqldb

import (
	"fmt"
	"strings"

	"github.com/tochuc/tochuc/internal/indicator"
)

// The queries of the records behind the indicators at :d. Joins are written
// in the order they should run (see qb.from).

// unitItems lists the units existing at :d inside the scope, by kind.
func unitItems(b *qb) string {
	return `SELECT u.id AS id, u.kind AS part, 1 AS c0, 1 AS amount FROM ` + b.from("units", "u", "units_kind_valid") +
		` WHERE ` + b.valid("u") + ` AND ` + b.inScope("u.id")
}

// own: the unit of alias a is its locality's own, not set up in a host unit
// (indicators-v1: "the party organization, council … of locality L").
func own(a string) string { return "COALESCE(" + a + ".host_id, '') = ''" }

// localities lists the localities of a kind existing at :d inside the scope
// (the `of` records), counting those for which has (about alias x) holds.
func localities(kind string, has func(*qb) string) family {
	return family{items: func(b *qb) string {
		return `SELECT x.id AS id, '' AS part, CASE WHEN ` + has(b) + ` THEN 1 ELSE 0 END AS c0, 1 AS amount
			FROM ` + b.from("units", "x", "units_kind_valid") + `
			WHERE x.kind = '` + kind + `' AND ` + b.valid("x") + ` AND ` + b.inScope("x.id")
	}, cols: 1, parts: []string{""}}
}

// localityHas counts the localities with a unit of their own of a kind at
// :d, and when a role is given, a living person holding it there.
func localityHas(c indicator.LocalityHas) family {
	return localities(c.Locality, func(b *qb) string {
		if c.Role == "" {
			return `EXISTS (SELECT 1 FROM ` + b.from("units", "o", "units_locality_kind") + `
			WHERE o.locality_id = x.id AND o.kind = '` + c.UnitKind + `' AND ` + own("o") + ` AND ` + b.valid("o") + `)`
		}
		return `EXISTS (SELECT 1 FROM ` + b.from("units", "o", "units_locality_kind") + ` CROSS JOIN ` +
			b.from("assignments", "a", "assignments_unit_role") + `
			WHERE o.locality_id = x.id AND o.kind = '` + c.UnitKind + `' AND ` + own("o") + ` AND ` + b.valid("o") + `
			AND a.unit_id = o.id AND a.role = '` + c.Role + `' AND ` + b.valid("a") + ` AND ` + b.live("a.person_id", ":d") + `)`
	})
}

// both counts the localities where one living person holds both posts at :d.
func both(kind string, p1, p2 indicator.Post) family {
	return localities(kind, func(b *qb) string {
		return `EXISTS (SELECT 1 FROM ` + b.from("units", "u1", "units_locality_kind") +
			` CROSS JOIN ` + b.from("assignments", "a1", "assignments_unit_role") +
			` CROSS JOIN ` + b.from("assignments", "a2", "assignments_person_role") +
			` CROSS JOIN ` + b.from("units", "u2", "units_current") + `
			WHERE u1.locality_id = x.id AND u1.kind IN (` + quoted(p1.Kinds) + `) AND ` + own("u1") + ` AND ` + b.valid("u1") + `
			AND a1.unit_id = u1.id AND a1.role = '` + p1.Role + `' AND ` + b.valid("a1") + `
			AND a2.person_id = a1.person_id AND a2.role = '` + p2.Role + `' AND ` + b.valid("a2") + `
			AND u2.id = a2.unit_id AND u2.locality_id = x.id AND u2.kind IN (` + quoted(p2.Kinds) + `) AND ` + own("u2") + ` AND ` + b.valid("u2") + `
			AND ` + b.live("a1.person_id", ":d") + `)`
	})
}

// keyCadreItems lists the key cadres of the localities of a kind at :d:
// distinct living persons holding a key post in a unit of such a locality
// inside the scope; c0 counts them all, the next columns those holding each
// of keyCadreQuals.
func keyCadreItems(b *qb, locality string, keyPosts []indicator.KeyPost) string {
	var posts []string
	for _, p := range keyPosts {
		posts = append(posts, `SELECT a.person_id AS id FROM `+b.from("units", "l", "units_kind_valid")+
			` CROSS JOIN `+b.from("units", "u", "units_locality_kind")+
			` CROSS JOIN `+b.from("assignments", "a", "assignments_unit_role")+`
			WHERE l.kind = '`+locality+`' AND `+b.valid("l")+`
			AND u.locality_id = l.id AND u.kind IN (`+quoted(p.Kinds)+`) AND `+own("u")+` AND `+b.valid("u")+` AND `+b.inScope("u.id")+`
			AND a.unit_id = u.id AND a.role IN (`+quoted(p.Roles)+`) AND `+b.valid("a")+` AND `+b.live("a.person_id", ":d"))
	}
	cols := ""
	for i, q := range keyCadreQuals {
		cols += fmt.Sprintf(",\n\t\tCASE WHEN %s THEN 1 ELSE 0 END AS c%d", b.atLeast("k.id", q.Kind, q.Level, ":d"), i+1)
	}
	return `SELECT k.id AS id, '' AS part, 1 AS amount, 1 AS c0` + cols + `
		FROM (` + strings.Join(posts, "\n UNION \n") + `) k`
}

// postMembers lists the living persons holding each of the roles in a unit
// of a kind at :d, by role (the part), counting the party members: one pass
// over the units for every role.
func postMembers(kind string, roles []string) family {
	return family{items: func(b *qb) string {
		return `SELECT k.id AS id, k.role AS part, CASE WHEN ` + b.member("k.id") + ` THEN 1 ELSE 0 END AS c0, 1 AS amount FROM (
			SELECT DISTINCT a.person_id AS id, a.role AS role FROM ` + b.from("units", "v", "units_kind_valid") +
			` CROSS JOIN ` + b.from("assignments", "a", "assignments_unit_role") + `
			WHERE v.kind = '` + kind + `' AND ` + b.valid("v") + ` AND ` + b.inScope("v.id") + `
			AND a.unit_id = v.id AND a.role IN (` + quoted(roles) + `) AND ` + b.valid("a") + ` AND ` + b.live("a.person_id", ":d") + `) k`
	}, cols: 1}
}

// staffItems lists the units existing at :d inside the scope that have a
// headcount on or before :d, with their latest figure and their sector (an
// internal division's is its parent's, following the parents up).
func staffItems(b *qb) string {
	sector := func(a string) string { return "COALESCE(NULLIF(" + a + ".sector, ''), " + kindSector(a) + ")" }
	return `WITH RECURSIVE chain(id, anc, n) AS (
		SELECT u.id, u.parent_id, 1 FROM ` + b.from("units", "u", "units_kind_valid") + `
		WHERE u.kind = 'internal_division' AND ` + b.valid("u") + ` AND NULLIF(u.sector, '') IS NULL
		UNION ALL
		SELECT c.id, p.parent_id, c.n + 1 FROM chain c CROSS JOIN ` + b.from("units", "p", "units_current") + `
		WHERE p.id = c.anc AND ` + b.valid("p") + ` AND p.kind = 'internal_division' AND NULLIF(p.sector, '') IS NULL AND c.n < 50
	), divsector(id, sector) AS MATERIALIZED (
		SELECT c.id, ` + sector("p") + ` FROM chain c CROSS JOIN ` + b.from("units", "p", "units_current") + `
		WHERE p.id = c.anc AND ` + b.valid("p") + ` AND NOT (p.kind = 'internal_division' AND NULLIF(p.sector, '') IS NULL)
	), latest(unit_id, date) AS (
		SELECT h.unit_id, MAX(h.date) FROM ` + b.from("headcount", "h", "headcount_latest") + `
		WHERE ` + b.rec("h") + ` AND h.date <= :d GROUP BY h.unit_id
	)
	SELECT u.id AS id, CASE WHEN u.kind = 'internal_division' AND NULLIF(u.sector, '') IS NULL
		THEN COALESCE((SELECT ds.sector FROM divsector ds WHERE ds.id = u.id), 'none') ELSE ` + sector("u") + ` END AS part,
		1 AS c0, h.actual AS amount
	FROM latest l CROSS JOIN ` + b.from("headcount", "h", "headcount_latest") + ` CROSS JOIN ` + b.from("units", "u", "units_current") + `
	WHERE h.unit_id = l.unit_id AND h.date = l.date AND ` + b.rec("h") + `
	AND u.id = l.unit_id AND ` + b.valid("u") + ` AND ` + b.inScope("u.id")
}

// recruitmentItems lists the persons recruited in (:s, :d] into a unit of a
// locality of a kind, holding a qualification at a level or higher on that
// day; units, the locality and the scope as they stand on the day of the
// recruitment. The recruitments are read first (a materialized CTE through
// assignments_how), then each one's units and person: PostgreSQL, left to
// estimate the join, may start from every unit instead.
func recruitmentItems(b *qb, c indicator.Recruited) string {
	on, since := "a.valid_from", ""
	if b.flowFrom {
		since = " AND a.valid_from > :s"
	}
	recruited := `rc AS MATERIALIZED (SELECT a.rid AS rid, a.person_id AS person_id, a.unit_id AS unit_id, a.valid_from AS valid_from
		FROM ` + b.from("assignments", "a", "assignments_how") + `
		WHERE a.how = 'recruited' AND ` + b.rec("a") + ` AND a.valid_from <= :d` + since + `)`
	ev := `SELECT a.rid AS rid, a.person_id AS person_id, a.unit_id AS unit_id, a.valid_from AS t
		FROM rc a CROSS JOIN ` + b.from("units", "u", "units_current") + ` CROSS JOIN ` + b.from("units", "l", "units_current") + `
		WHERE u.id = a.unit_id AND ` + b.validOn("u", on) + ` AND l.id = u.locality_id AND ` + b.validOn("l", on) + ` AND l.kind = '` + c.Locality + `'
		AND ` + b.live("a.person_id", on) + ` AND ` + b.atLeast("a.person_id", c.AtLeast.Kind, c.AtLeast.Level, on)
	if !b.scoped {
		return `WITH ` + recruited + ` SELECT DISTINCT e.person_id AS id, '' AS part, 1 AS c0, 1 AS amount FROM (` + ev + `) e`
	}
	return `WITH RECURSIVE ` + recruited + `, ev AS (` + ev + `), up(rid, uid, t) AS (
		SELECT rid, unit_id, t FROM ev
		UNION
		SELECT up.rid, CASE k.n WHEN 0 THEN u.parent_id ELSE u.locality_id END, up.t
		FROM up CROSS JOIN ` + b.from("units", "u", "units_current") + ` CROSS JOIN (SELECT 0 AS n UNION ALL SELECT 1) k
		WHERE u.id = up.uid AND ` + b.validOn("u", "up.t") + ` AND (CASE k.n WHEN 0 THEN u.parent_id ELSE u.locality_id END) IS NOT NULL
	)
	SELECT DISTINCT ev.person_id AS id, '' AS part, 1 AS c0, 1 AS amount FROM ev
	JOIN up ON up.rid = ev.rid JOIN tc_roots r ON r.id = up.uid AND r.valid_from <= up.t AND (r.valid_to IS NULL OR r.valid_to > up.t)`
	// joins: as a correlated EXISTS, SQLite walks up again for every row
}

// nonStateOrgs selects the party organizations o existing at :d inside the
// scope, set up in an enterprise e with non-state ownership at :d.
func nonStateOrgs(b *qb, kinds []string) string {
	return `SELECT o.id AS id, o.kind AS kind FROM ` + b.from("units", "e", "units_kind_valid") +
		` CROSS JOIN ` + b.from("units", "o", "units_host") + `
		WHERE e.kind = 'enterprise' AND ` + b.valid("e") + ` AND e.ownership = 'non_state'
		AND o.host_id = e.id AND o.kind IN (` + quoted(kinds) + `) AND ` + b.valid("o") + ` AND ` + b.inScope("o.id")
}

// hostedOrgItems lists those organizations, by kind.
func hostedOrgItems(b *qb, kinds []string) string {
	return `SELECT n.id AS id, n.kind AS part, 1 AS c0, 1 AS amount FROM (` + nonStateOrgs(b, kinds) + `) n`
}

// hostedMemberItems lists the members at :d registered in one of those
// organizations or in one under them through parent_id. Their periods are
// found by one probe of member_periods_unit per organization: PostgreSQL
// cannot estimate a recursive query (a thousand times too many rows at
// national size) and, joining, read the whole index instead; it probes an
// array of the organizations whatever the estimate. On SQLite the CROSS JOIN
// makes the same probes.
func hostedMemberItems(b *qb, kinds []string) string {
	members := `FROM f20 CROSS JOIN ` + b.from(b.mp, "m", "member_periods_unit") + ` WHERE m.unit_id = f20.id`
	if b.dialect == Postgres {
		members = `FROM ` + b.mp + ` m WHERE m.unit_id = ANY (ARRAY(SELECT f20.id FROM f20))`
	}
	return `WITH RECURSIVE f20(id) AS (
		SELECT n.id FROM (` + nonStateOrgs(b, kinds) + `) n
		UNION
		SELECT c.id FROM f20 CROSS JOIN ` + b.from("units", "c", "units_parent") + ` WHERE c.parent_id = f20.id AND ` + b.valid("c") + `
	)
	SELECT m.person_id AS id, '' AS part, 1 AS c0, 1 AS amount
	` + members + ` AND m.valid_to > :d AND m.valid_from <= :d`
}

// memberItems lists the party members at :d whose organization is inside the scope.
func memberItems(b *qb) string {
	return `SELECT m.person_id AS id, CASE WHEN m.probationary = 1 THEN 'probationary' ELSE 'official' END AS part,
		1 AS amount, 1 AS c0 FROM ` + b.mp + ` m WHERE m.valid_to > :d AND m.valid_from <= :d AND ` + b.inScope("m.unit_id")
}

// memberTally counts memberItems by index ranges: without a scope, the
// periods not ended by :d less those starting after it; with one, the
// periods of the organizations inside it. The counts are a materialized CTE:
// as a subquery PostgreSQL pulls it up and runs its count subqueries once for
// every time the row uses them (8 index range counts instead of 3).
func memberTally(b *qb) string {
	count := func(alias, index, where string) string {
		return `(SELECT COUNT(*) FROM ` + b.from(b.mp, alias, index) + ` WHERE ` + where + `)`
	}
	counts := `SELECT ` + count("m", "member_periods_probationary", "m.probationary = 1 AND m.valid_to > :d AND m.valid_from <= :d") +
		` AS p, ` + count("m", "member_periods_to", "m.valid_to > :d") + ` - ` + count("m", "member_periods_from", "m.valid_from > :d") + ` AS n`
	if b.scoped {
		counts = `SELECT COALESCE(SUM(m.probationary), 0) AS p, COUNT(*) AS n FROM tc_scope sc CROSS JOIN ` +
			b.from(b.mp, "m", "member_periods_unit") + ` WHERE sc.at = :at AND m.unit_id = sc.id AND m.valid_to > :d AND m.valid_from <= :d`
	}
	return `WITH x AS MATERIALIZED (` + counts + `) SELECT '', p, p, n - p, n - p FROM x`
}
