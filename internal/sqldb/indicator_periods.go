package sqldb

import (
	"context"
	"database/sql"
)

// The member periods are derived in SQL, set-based, from the party events
// and deaths: by each change set for the persons it touched, in its own
// transaction (maintainPeriods), or for everyone when the state is behind.
// The rules are tochuc.MembershipAt's: on each date of an event, the state
// after that date's last event (by seq, then row); a member after admitted,
// recognized, transferred or transferred_in; the organization is the last
// one named by any event; probationary after admitted or a probationary
// transferred_in, official after recognized or another transferred_in; no
// longer a member from the date of death. A period runs from a date the
// state changes to the next such date, or to the date of death.

// periodsSQL returns the statement writing into table the member periods that
// the party events and deaths held at rec imply: of the persons whose ids the
// query who returns (with ? parameters), or of everyone when who is empty.
func periodsSQL(d Dialect, table string, rec Recorded, who string) string {
	end, least := "'9999-12-31'", "MIN"
	if d == Postgres {
		end, least = "DATE '9999-12-31'", "LEAST"
	}
	with, partyOf := "WITH ", ""
	if who != "" {
		with = "WITH who (id) AS (" + who + "), "
		partyOf = " AND person_id IN (SELECT id FROM who)"
	}
	return with + `ev AS (
	SELECT person_id, date, seq, rid,
		CASE WHEN event IN ('admitted', 'recognized', 'transferred', 'transferred_in') THEN 1 ELSE 0 END AS member,
		NULLIF(unit_id, '') AS unit,
		CASE event WHEN 'admitted' THEN 1 WHEN 'recognized' THEN 0
			WHEN 'transferred_in' THEN CASE WHEN status = 'probationary' THEN 1 ELSE 0 END END AS prob
	FROM party WHERE ` + rec.where("") + partyOf + `
` + lastState(d) + `), day AS (
	SELECT s.person_id, s.date, s.member, s.unit, s.prob, pe.died_on AS died FROM state s
	LEFT JOIN people pe ON pe.id = s.person_id AND pe.died_on IS NOT NULL AND ` + rec.where("pe") + `
	WHERE s.last = 1 AND (pe.died_on IS NULL OR s.date < pe.died_on)
), edge AS (
	SELECT person_id, date, member, unit, prob, died,
		CASE WHEN member = LAG(member, 1, 0) OVER w AND COALESCE(unit, '') = COALESCE(LAG(unit) OVER w, '')
			AND prob = LAG(prob, 1, 0) OVER w THEN 0 ELSE 1 END AS changed
	FROM (SELECT person_id, date, member, CASE WHEN member = 1 THEN unit END AS unit,
		CASE WHEN member = 1 THEN prob ELSE 0 END AS prob, died FROM day) n
	WINDOW w AS (PARTITION BY person_id ORDER BY date)
), span AS (
	SELECT person_id, unit, prob, member, date AS valid_from,
		` + least + `(COALESCE(LEAD(date) OVER (PARTITION BY person_id ORDER BY date), ` + end + `), COALESCE(died, ` + end + `)) AS valid_to
	FROM edge WHERE changed = 1
)
INSERT INTO ` + table + ` (person_id, unit_id, probationary, valid_from, valid_to)
SELECT person_id, unit, prob, valid_from, valid_to FROM span WHERE member = 1`
}

// lastState is the part of periodsSQL giving, on each event, the standing
// after it (member, the last organization and probation named by it or an
// event before) and whether it is its date's last. PostgreSQL carries the
// last value named by counting the events naming one and grouping by that
// count (incremental sorts on the order by person); SQLite, slower at each
// pass, takes in one pass the running MAX of a fixed-width key of the event's
// order followed by the value.
func lastState(d Dialect) string {
	if d == SQLite {
		return `), state AS (
	SELECT person_id, date, member,
		SUBSTR(MAX(CASE WHEN unit IS NOT NULL THEN k || unit END) OVER w, 28) AS unit,
		COALESCE(CAST(SUBSTR(MAX(CASE WHEN prob IS NOT NULL THEN k || prob END) OVER w, 28) AS INTEGER), 0) AS prob,
		CASE WHEN LEAD(date) OVER w = date THEN 0 ELSE 1 END AS last
	FROM (SELECT ev.*, date || printf('%05d%012d', seq, rid) AS k FROM ev) e
	WINDOW w AS (PARTITION BY person_id ORDER BY date, seq, rid ROWS UNBOUNDED PRECEDING)
`
	}
	return `), run AS (
	SELECT person_id, date, member, unit, prob,
		COUNT(unit) OVER w AS ugrp, COUNT(prob) OVER w AS pgrp,
		CASE WHEN LEAD(date) OVER w = date THEN 0 ELSE 1 END AS last
	FROM ev WINDOW w AS (PARTITION BY person_id ORDER BY date, seq, rid ROWS UNBOUNDED PRECEDING)
), state AS (
	SELECT person_id, date, member, last,
		MAX(unit) OVER (PARTITION BY person_id, ugrp) AS unit,
		COALESCE(MAX(prob) OVER (PARTITION BY person_id, pgrp), 0) AS prob
	FROM run
`
}

// touchedPersons is the query of the persons whose party events or death a
// change set (its id given four times) may have changed.
const touchedPersons = `SELECT person_id FROM party WHERE rec_cs = ? OR end_cs = ?
	UNION SELECT id FROM people WHERE rec_cs = ? OR end_cs = ?`

// maintainPeriods brings member_periods up to date inside change set cs's
// transaction, before it commits: the periods of the persons it touched are
// derived again, or everyone's when member_periods did not reflect every
// change set before it (a database written by an older tochuc) or is empty
// (a first import). It reports whether many periods were derived anew.
func maintainPeriods(ctx context.Context, tx *sql.Tx, d Dialect, cs int64) (bool, error) {
	st, ok, err := periodsState(ctx, tx)
	if err != nil {
		return false, err
	}
	var before periodsStamp
	if err := tx.QueryRowContext(ctx, rebind(d, `SELECT COALESCE(MAX(id), 0), COUNT(*) FROM changesets WHERE id <> ?`), cs).
		Scan(&before.last, &before.count); err != nil {
		return false, err
	}
	full := !ok || st != before
	if full && ok {
		// Brought up to date inside this transaction already (indicators
		// read in it, txSession): only the touched persons again.
		now, err := changeSets(ctx, tx)
		if err != nil {
			return false, err
		}
		full = st != now
	}
	if !full {
		var one int
		err := tx.QueryRowContext(ctx, `SELECT 1 FROM member_periods LIMIT 1`).Scan(&one)
		if err != nil && err != sql.ErrNoRows {
			return false, err
		}
		full = err == sql.ErrNoRows
	}
	bulk := false
	if full {
		bulk, err = deriveAllPeriods(ctx, tx, d)
	} else {
		args := []any{cs, cs, cs, cs}
		if _, err = tx.ExecContext(ctx, rebind(d, `DELETE FROM member_periods WHERE person_id IN (`+touchedPersons+`)`), args...); err == nil {
			_, err = tx.ExecContext(ctx, rebind(d, periodsSQL(d, "member_periods", Recorded{}, touchedPersons)), args...)
		}
	}
	if err == nil {
		err = writePeriodsState(ctx, tx, d)
	}
	return bulk, err
}

// bulkEvents is the number of party events above which everyone's periods
// are derived without the indexes of member_periods (made again after).
var bulkEvents = 50_000

// deriveAllPeriods derives everyone's member periods again. It reports
// whether there were many (then without the indexes: faster).
func deriveAllPeriods(ctx context.Context, tx *sql.Tx, d Dialect) (bool, error) {
	var n int
	if err := tx.QueryRowContext(ctx, rebind(d, `SELECT COUNT(*) FROM (SELECT 1 FROM party WHERE rec_to IS NULL LIMIT ?) x`),
		bulkEvents).Scan(&n); err != nil {
		return false, err
	}
	bulk := n == bulkEvents
	restore := func() error { return nil }
	if bulk {
		var err error
		if restore, err = dropIndexes(ctx, tx, d, "member_periods"); err != nil {
			return false, err
		}
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM member_periods`); err != nil {
		return false, err
	}
	if _, err := tx.ExecContext(ctx, periodsSQL(d, "member_periods", Recorded{}, "")); err != nil {
		return false, err
	}
	return bulk, restore()
}

// writePeriodsState records that member_periods reflects every change set held in tx.
func writePeriodsState(ctx context.Context, tx *sql.Tx, d Dialect) error {
	cs, err := changeSets(ctx, tx)
	if err == nil {
		_, err = tx.ExecContext(ctx, `DELETE FROM member_periods_state`)
	}
	if err == nil {
		_, err = tx.ExecContext(ctx, rebind(d, `INSERT INTO member_periods_state (id, last_cs, cs_count) VALUES (1, ?, ?)`),
			cs.last, cs.count)
	}
	return err
}
