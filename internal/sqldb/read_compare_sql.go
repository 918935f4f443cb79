package sqldb

import (
	"context"
	"fmt"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// The queries of a comparison between F and T. Each section reads the rows
// whose period starts or ends in (F, T] through an index on that date (a
// version valid on T but not on F starts after F; one valid on F but not on
// T ends by T), so that it reads what changed, not the whole registry, and
// pages in index order. On SQLite, whose planner has no statistics, the
// indexes and join order are named (the indicators do the same).

// buildScope fills cmp_scope with the units inside the scope on F (at = 0)
// and on T (at = 1): each date's roots and the units reaching them.
func (c *Comparison) buildScope(ctx context.Context) error {
	if _, err := c.tx.ExecContext(ctx, `DROP TABLE IF EXISTS cmp_scope`); err != nil {
		return err
	}
	create := `CREATE TEMP TABLE cmp_scope (at INTEGER NOT NULL, id TEXT NOT NULL, PRIMARY KEY (at, id))`
	if c.r.db.Dialect == SQLite {
		create += ` WITHOUT ROWID` // one b-tree to fill, not a table and its key's index
	}
	if _, err := c.tx.ExecContext(ctx, create); err != nil {
		return err
	}
	for at, s := range []struct {
		roots []string
		d     tochuc.Date
	}{{c.sc.From, c.from}, {c.sc.To, c.to}} {
		defs, args := c.r.scopeDefs("sc", s.roots, s.d)
		q := fmt.Sprintf(`INSERT INTO cmp_scope (at, id) WITH RECURSIVE %s SELECT %d, id FROM sc`, defs, at)
		if c.r.db.Dialect == SQLite {
			q += ` ORDER BY id` // appended to the b-tree in order
		}
		if _, err := c.tx.ExecContext(ctx, c.r.db.rebind(q), args...); err != nil {
			return err
		}
	}
	if c.r.db.Dialect == Postgres {
		_, err := c.tx.ExecContext(ctx, `ANALYZE cmp_scope`)
		return err
	}
	return nil
}

// in is the condition "the unit in col lies inside the scope on F (at 0) or T (at 1)".
func (c *Comparison) in(col string, at int) string {
	if c.sc.Whole {
		return `1 = 1`
	}
	return fmt.Sprintf(`%s IN (SELECT s.id FROM cmp_scope s WHERE s.at = %d)`, col, at)
}

// tbl names a table read through an index on SQLite. The indexes are
// partial (rows held now), so a reader recorded at a past time lets the
// planner choose.
func (c *Comparison) tbl(table, alias, index string) string {
	if c.r.db.Dialect != SQLite || c.r.rec != (Recorded{}) {
		return table + ` ` + alias
	}
	return table + ` ` + alias + ` INDEXED BY ` + index
}

// text orders a text column by its bytes on both engines.
func (c *Comparison) text(col string) string {
	if c.r.db.Dialect == Postgres {
		return col + ` COLLATE "C"`
	}
	return col
}

// unitCols are unitColumns of a table alias.
func unitCols(a string) string {
	return fmt.Sprintf(`%[1]s.id, %[1]s.name, %[1]s.kind, COALESCE(%[1]s.parent_id, ''), COALESCE(%[1]s.locality_id, ''),
	COALESCE(%[1]s.host_id, ''), COALESCE(%[1]s.subtype, ''), COALESCE(%[1]s.sector, ''), COALESCE(%[1]s.ownership, ''),
	COALESCE(%[1]s.admin_code, ''), %[1]s.valid_from, %[1]s.valid_to`, a)
}

// section returns a section's columns, its FROM … WHERE … with the
// arguments it takes, and its order: the date of the change, then a key.
func (c *Comparison) section(s string) (cols, body string, args []any, order string) {
	cur := c.r.rec.where
	f, t := c.from, c.to
	switch s {
	case SectionCreated:
		return unitCols("u"), `FROM ` + c.tbl("units", "u", "units_valid_from") + ` WHERE ` + cur("u") + `
				AND u.valid_from > ? AND u.valid_from <= ? AND (u.valid_to IS NULL OR u.valid_to > ?) AND ` + c.in("u.id", 1) + `
				AND NOT EXISTS (SELECT 1 FROM ` + c.tbl("units", "p", "units_current") + ` WHERE p.id = u.id AND ` + cur("p") + `
					AND p.valid_from <= ? AND (p.valid_to IS NULL OR p.valid_to > ?))`,
			[]any{f, t, t, f, f}, `u.valid_from, ` + c.text("u.id")
	case SectionEnded:
		return unitCols("u"), `FROM ` + c.tbl("units", "u", "units_valid_to") + ` WHERE ` + cur("u") + `
				AND u.valid_to > ? AND u.valid_to <= ? AND u.valid_from <= ? AND ` + c.in("u.id", 0) + `
				AND NOT EXISTS (SELECT 1 FROM ` + c.tbl("units", "n", "units_current") + ` WHERE n.id = u.id AND ` + cur("n") + `
					AND n.valid_from <= ? AND (n.valid_to IS NULL OR n.valid_to > ?))`,
			[]any{f, t, f, t, t}, `u.valid_to, ` + c.text("u.id")
	case SectionRenamed:
		return unitCols("o") + `, ` + unitCols("n"), `FROM ` + c.tbl("units", "n", "units_valid_from") + ` CROSS JOIN ` +
				c.tbl("units", "o", "units_current") + `
			WHERE ` + cur("n") + ` AND n.valid_from > ? AND n.valid_from <= ? AND (n.valid_to IS NULL OR n.valid_to > ?)
				AND o.id = n.id AND ` + cur("o") + ` AND o.valid_from <= ? AND o.valid_to > ? AND o.valid_to <= ?
				AND o.name <> n.name AND ` + c.in("n.id", 1),
			[]any{f, t, t, f, f, t}, `n.valid_from, ` + c.text("n.id")
	case SectionLinks:
		return `l.event_id, l.date, l.kind, COALESCE(l.from_unit_id, ''), COALESCE(l.to_unit_id, ''), COALESCE(l.document_id, '')`,
			`FROM ` + c.tbl("restructure", "l", "restructure_date") + ` WHERE ` + cur("l") + ` AND l.date > ? AND l.date <= ?
				AND (` + c.in("l.from_unit_id", 0) + ` OR ` + c.in("l.to_unit_id", 1) + `)`,
			[]any{f, t}, `l.date, ` + c.text("l.event_id") + `, ` + c.text("COALESCE(l.from_unit_id, '')") + `, ` +
				c.text("COALESCE(l.to_unit_id, '')") + `, ` + c.text("l.kind")
	case SectionFilled, SectionVacated:
		cols = `a.person_id, a.unit_id, a.role, COALESCE(a.how, ''), COALESCE(a.document_id, ''), a.valid_from, a.valid_to`
		key := c.text("a.unit_id") + `, ` + c.text("a.role") + `, ` + c.text("a.person_id")
		if s == SectionFilled {
			return cols, `FROM ` + c.tbl("assignments", "a", "assignments_valid_from") + ` WHERE ` + cur("a") + `
					AND a.valid_from > ? AND a.valid_from <= ? AND (a.valid_to IS NULL OR a.valid_to > ?) AND ` + c.in("a.unit_id", 1),
				[]any{f, t, t}, `a.valid_from, ` + key
		}
		return cols, `FROM ` + c.tbl("assignments", "a", "assignments_valid_to") + ` WHERE ` + cur("a") + `
				AND a.valid_to > ? AND a.valid_to <= ? AND a.valid_from <= ? AND ` + c.in("a.unit_id", 0),
			[]any{f, t, f}, `a.valid_to, ` + key + `, a.valid_from`
	}
	return "", "", nil, ""
}

// staff is the headcount on d (the latest figure of each unit up to d) over
// the units existing on d inside the scope then (at), as a scalar subquery.
// The latest figures are read in one pass over headcount_latest: SQLite takes
// a bare column from the row of the MAX, PostgreSQL the first row of DISTINCT ON
// (headcount_latest read backwards).
func (c *Comparison) staff(d tochuc.Date, at int) (string, []any) {
	cur := c.r.rec.where
	latest := `SELECT h.unit_id AS unit_id, MAX(h.date) AS date, h.actual AS actual FROM ` +
		c.tbl("headcount", "h", "headcount_at") + ` WHERE ` + cur("h") + ` AND h.date <= ? GROUP BY h.unit_id`
	if c.r.db.Dialect == Postgres {
		latest = `SELECT DISTINCT ON (h.unit_id) h.unit_id AS unit_id, h.actual AS actual FROM headcount h
			WHERE ` + cur("h") + ` AND h.date <= ? ORDER BY h.unit_id DESC, h.date DESC`
	}
	return `(SELECT COALESCE(SUM(l.actual), 0) FROM (` + latest + `) l CROSS JOIN ` + c.tbl("units", "u", "units_current") + `
		WHERE u.id = l.unit_id AND ` + cur("u") + ` AND u.valid_from <= ? AND (u.valid_to IS NULL OR u.valid_to > ?)
			AND ` + c.in("u.id", at) + `)`, []any{d, d, d}
}

// events counts the membership events in (F, T] by event: everywhere (the
// events of the span, through party_date), or of the people registered up
// to T in a party organization inside the scope on T: those people are found
// from the scope's units (party_unit_date), then their events of the span
// (by person), so that a scope reads its own events, not every event of the
// span. On PostgreSQL each step is a LATERAL subquery kept apart (OFFSET 0):
// probes of the index for each unit and person, whatever the estimates.
func (c *Comparison) events(ctx context.Context) (map[string]int, error) {
	cur := c.r.rec.where
	q := `SELECT p.event, COUNT(*) FROM ` + c.tbl("party", "p", "party_date") + ` WHERE ` + cur("p") + ` AND p.date > ? AND p.date <= ?
		GROUP BY p.event`
	args := []any{c.from, c.to}
	if !c.sc.Whole {
		args = []any{c.to, c.from, c.to}
		if c.r.db.Dialect == Postgres {
			q = `SELECT p.event, COUNT(*) FROM (SELECT DISTINCT m.person_id FROM cmp_scope s CROSS JOIN LATERAL (
					SELECT m.person_id FROM party m WHERE m.unit_id = s.id AND ` + cur("m") + ` AND m.date <= ? OFFSET 0) m
				WHERE s.at = 1) x CROSS JOIN LATERAL (
					SELECT p.event FROM party p WHERE p.person_id = x.person_id AND ` + cur("p") + ` AND p.date > ? AND p.date <= ? OFFSET 0) p
				GROUP BY p.event`
		} else {
			q = `SELECT p.event, COUNT(*) FROM (SELECT DISTINCT m.person_id FROM cmp_scope s CROSS JOIN ` + c.tbl("party", "m", "party_unit_date") + `
					WHERE s.at = 1 AND m.unit_id = s.id AND ` + cur("m") + ` AND m.date <= ?) x
				CROSS JOIN ` + c.tbl("party", "p", "party_person_date") + `
				WHERE p.person_id = x.person_id AND ` + cur("p") + ` AND p.date > ? AND p.date <= ? GROUP BY p.event`
		}
	}
	out := map[string]int{}
	err := c.r.each(ctx, q, args, func(s scanner) error {
		var e string
		var n int
		err := s.Scan(&e, &n)
		out[e] = n
		return err
	})
	return out, err
}
