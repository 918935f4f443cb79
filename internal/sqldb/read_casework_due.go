package sqldb

import (
	"context"
	"fmt"
	"strings"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// The casework due on a date (issue 16): each kind of work is one query over
// the party events (and temporary attendance, awards) of the members whose
// party organization lies under a unit, paged in the database. The caller
// turns the deadlines into date bounds (the rules count working days, which
// SQL does not): see DueFilter.

// DueFilter selects a kind of work due.
type DueFilter struct {
	Kind  string      // probation, ceremony, transfer, temporary, badge
	Under string      // the unit whose party organizations are read ("": every one)
	AsOf  tochuc.Date // the day the list is for
	// Until is the kind's date bound on its source date: probation, the last
	// admission whose recognition falls due by the horizon; temporary, the
	// last start of an open attendance that reaches its year by the horizon;
	// transfer, the first sending still listed.
	Until tochuc.Date
	// Horizon is the last day an end of temporary attendance is listed.
	Horizon tochuc.Date
	// Badges are the milestones, in order of years, each with the latest
	// party-age start that reaches it by the occasion: a member is listed for
	// the highest one reached, when not awarded it.
	Badges []DueBadge
}

// DueBadge is one badge milestone of a DueFilter.
type DueBadge struct {
	Kind   string      // badge_30 …
	Latest tochuc.Date // the latest party-age start reaching it by the occasion
}

// DueRow is one piece of work due: who, where, and the date it counts from.
type DueRow struct {
	PersonID string      `json:"person_id"`
	Name     string      `json:"name"`
	UnitID   string      `json:"unit_id"`
	Since    tochuc.Date `json:"since"`           // admission, sending, start of attendance, party-age start
	Until    tochuc.Date `json:"until,omitempty"` // temporary attendance: its planned end
	Badge    string      `json:"badge,omitempty"` // badge: the award kind due
}

// DuePage is a page of work due and the count of the kind.
type DuePage struct {
	Total int
	Rows  []DueRow
}

// memberEvents are the events after which a person is a member.
const memberEvents = `('admitted', 'recognized', 'transferred', 'transferred_in')`

// CaseworkDue returns the page [offset, offset+limit) of a kind of work due,
// oldest first, and the count of the kind.
func (r *Reader) CaseworkDue(ctx context.Context, f DueFilter, offset, limit int) (DuePage, error) {
	defs, args := r.scopeDefs("scoped", []string{f.Under}, f.AsOf)
	// A row is listed when what it names lies in the scope (the read policy):
	// a temporary attendance when both the organization attended and the
	// member's own are in it.
	inScope := `x.unit_id IN (SELECT id FROM scoped) AND (x.home IS NULL OR x.home IN (SELECT id FROM scoped))`
	if f.Under == "" { // the whole registry
		defs, args, inScope = `scoped(id) AS (SELECT CAST(NULL AS TEXT))`, nil, `x.unit_id IS NOT NULL`
	}
	w := func(a string) string { return r.rec.where(a) }
	// org is the member's party organization on the as-of day (one placeholder: AsOf).
	org := func(alias string) string {
		return `(SELECT o.unit_id FROM party o WHERE o.person_id = ` + alias + `.person_id AND ` + w("o") +
			` AND o.unit_id IS NOT NULL AND o.date <= ? ORDER BY o.date DESC, o.seq DESC LIMIT 1)`
	}
	// later is an event of the kinds after x (same day: a later row) and on
	// or before the as-of day (one placeholder: AsOf).
	later := func(x, kinds string) string {
		return `EXISTS (SELECT 1 FROM party l WHERE l.person_id = ` + x + `.person_id AND ` + w("l") + ` AND l.event IN ` + kinds +
			` AND (l.date > ` + x + `.date OR l.date = ` + x + `.date AND l.seq > ` + x + `.seq) AND l.date <= ?)`
	}
	var q string
	switch f.Kind {
	case "probation", "ceremony":
		cond, condArgs := `a.ceremony_on IS NULL`, []any{}
		if f.Kind == "probation" {
			cond, condArgs = `a.date <= ?`, []any{f.Until}
		}
		q = `SELECT a.person_id, ` + org("a") + ` AS unit_id, a.date AS since, CAST(NULL AS TEXT) AS until_on, '' AS badge, CAST(NULL AS TEXT) AS home
			FROM party a WHERE ` + w("a") + ` AND a.event = 'admitted' AND a.date <= ? AND ` + cond + ` AND NOT ` +
			later("a", `('admitted', 'recognized', 'transferred_out', 'removed', 'expelled', 'died')`)
		args = append(args, f.AsOf, f.AsOf)
		args = append(args, condArgs...)
		args = append(args, f.AsOf)
	case "transfer":
		// the organization left: the last one named before the sending
		q = `SELECT t.person_id, (SELECT o.unit_id FROM party o WHERE o.person_id = t.person_id AND ` + w("o") +
			` AND o.unit_id IS NOT NULL AND (o.date < t.date OR o.date = t.date AND o.seq < t.seq) ORDER BY o.date DESC, o.seq DESC LIMIT 1) AS unit_id,
			t.date AS since, CAST(NULL AS TEXT) AS until_on, '' AS badge, CAST(NULL AS TEXT) AS home
			FROM party t WHERE ` + w("t") + ` AND t.event = 'transferred_out' AND t.date <= ? AND t.date >= ? AND NOT ` +
			later("t", `('admitted', 'transferred', 'transferred_in')`)
		args = append(args, f.AsOf, f.Until, f.AsOf)
	case "temporary":
		// home: the organization the member is registered in
		q = `SELECT t.person_id, t.unit_id, t.valid_from AS since, ` + castText(r, "t.valid_to") + ` AS until_on, '' AS badge, ` + org("t") + ` AS home
			FROM party_temporary t WHERE ` + w("t") + ` AND t.valid_from <= ? AND
			(t.valid_to IS NOT NULL AND t.valid_to >= ? AND t.valid_to <= ? OR t.valid_to IS NULL AND t.valid_from <= ?)`
		args = append(args, f.AsOf, f.AsOf, f.AsOf, f.Horizon, f.Until)
	case "badge":
		if len(f.Badges) == 0 {
			return DuePage{}, nil
		}
		// the party-age start: the latest admission, else the first transfer in (amendment 1)
		defs += `, st AS (SELECT m.person_id, COALESCE(MAX(CASE WHEN m.event = 'admitted' THEN m.date END),
			MIN(CASE WHEN m.event = 'transferred_in' THEN m.date END)) AS since
			FROM party m WHERE ` + w("m") + ` AND m.event IN ('admitted', 'transferred_in') AND m.date <= ?
			AND (SELECT z.event FROM party z WHERE z.person_id = m.person_id AND ` + w("z") + ` AND z.date <= ?
				ORDER BY z.date DESC, z.seq DESC LIMIT 1) IN ` + memberEvents + `
			AND NOT EXISTS (SELECT 1 FROM people d WHERE d.id = m.person_id AND ` + w("d") + ` AND d.died_on <= ?)
			GROUP BY m.person_id)`
		args = append(args, f.AsOf, f.AsOf, f.AsOf)
		args = append(args, f.AsOf) // org("b")
		// the highest milestone reached: the badges from the last one down
		var when []string
		for i := len(f.Badges) - 1; i >= 0; i-- {
			when = append(when, `WHEN s.since <= ? THEN CAST(? AS TEXT)`)
			args = append(args, f.Badges[i].Latest, f.Badges[i].Kind)
		}
		q = `SELECT b.person_id, ` + org("b") + ` AS unit_id, b.since, CAST(NULL AS TEXT) AS until_on, b.badge, CAST(NULL AS TEXT) AS home
			FROM (SELECT s.person_id, s.since, CASE ` + strings.Join(when, ` `) + ` END AS badge FROM st s) b
			WHERE b.badge IS NOT NULL AND NOT EXISTS (SELECT 1 FROM awards w WHERE w.person_id = b.person_id AND ` + w("w") + ` AND w.kind = b.badge)`
	default:
		return DuePage{}, tochuc.Errorf(tochuc.EInvalid, "không có loại việc %q", f.Kind)
	}
	base := `WITH RECURSIVE ` + defs + `, due AS (` + q + `) SELECT x.person_id, x.unit_id, x.since, x.until_on, x.badge, p.full_name
		FROM due x JOIN people p ON p.id = x.person_id AND ` + w("p") + ` WHERE ` + inScope
	var page DuePage
	if err := r.q.QueryRowContext(ctx, r.db.rebind(`SELECT COUNT(*) FROM (`+base+`) c`), args...).Scan(&page.Total); err != nil {
		return page, err
	}
	order := `x.since, p.sort_key, x.person_id`
	if r.db.Dialect == Postgres {
		order = `x.since, p.sort_key, x.person_id COLLATE "C"`
	}
	err := r.each(ctx, base+` ORDER BY `+order+fmt.Sprintf(` LIMIT %d OFFSET %d`, limit, offset), args, func(s scanner) error {
		var d DueRow
		var until tochuc.Date
		if err := s.Scan(&d.PersonID, &d.UnitID, &d.Since, &until, &d.Badge, &d.Name); err != nil {
			return err
		}
		d.Until = until
		page.Rows = append(page.Rows, d)
		return nil
	})
	return page, err
}

// castText renders a date column as text on both engines (the union's
// column types agree).
func castText(r *Reader, col string) string {
	if r.db.Dialect == Postgres {
		return `CAST(` + col + ` AS TEXT)`
	}
	return col
}
