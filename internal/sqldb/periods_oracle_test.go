package sqldb

import (
	"context"
	"database/sql"
	"fmt"
	"slices"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// The member periods as tochuc derived them in Go before the SQL of
// indicator_periods.go: the oracle the SQL is tested against.

// openEnd is the valid_to of a member period that still holds.
var openEnd = tochuc.MustDate("9999-12-31")

// memberPeriod is a span during which a person is a member of one party
// organization with the same standing.
type memberPeriod struct {
	person, unit string
	probationary bool
	tochuc.Period
}

// derivePeriods returns the member periods implied by a person's events
// (ordered by date, then row) and date of death.
func derivePeriods(person string, events []tochuc.MembershipEvent, died tochuc.Date) []memberPeriod {
	var bounds []tochuc.Date
	for _, e := range events {
		if len(bounds) == 0 || bounds[len(bounds)-1] != e.Date {
			bounds = append(bounds, e.Date)
		}
	}
	if died != 0 {
		i := 0
		for i < len(bounds) && bounds[i] < died {
			i++
		}
		if i == len(bounds) || bounds[i] != died {
			bounds = append(bounds[:i], append([]tochuc.Date{died}, bounds[i:]...)...)
		}
	}
	var out []memberPeriod
	for _, d := range bounds {
		m := tochuc.MembershipAt(events, d, died)
		if n := len(out); n > 0 && out[n-1].To == 0 {
			last := &out[n-1]
			if m.Member && m.UnitID == last.unit && m.Probationary == last.probationary {
				continue
			}
			last.To = d
		}
		if m.Member {
			out = append(out, memberPeriod{person: person, unit: m.UnitID, probationary: m.Probationary, Period: tochuc.Period{From: d}})
		}
	}
	return out
}

// ReferencePeriods derives everyone's member periods in Go from the party
// events and deaths held now, read back from the database, as sorted lines
// "person unit probationary from to" (the form MemberPeriodLines gives).
func ReferencePeriods(ctx context.Context, db *DB) ([]string, error) {
	died := map[string]tochuc.Date{}
	err := queryEach(ctx, db.DB, `SELECT id, died_on FROM people WHERE died_on IS NOT NULL AND rec_to IS NULL`, nil,
		func(rows *sql.Rows) error {
			var id string
			var on tochuc.Date
			if err := rows.Scan(&id, &on); err != nil {
				return err
			}
			died[id] = on
			return nil
		})
	if err != nil {
		return nil, err
	}
	var out []string
	var cur string
	var events []tochuc.MembershipEvent
	flush := func() {
		for _, p := range derivePeriods(cur, events, died[cur]) {
			prob, to := 0, p.To
			if p.probationary {
				prob = 1
			}
			if to == 0 {
				to = openEnd
			}
			out = append(out, fmt.Sprintf("%s %s %d %s %s", p.person, p.unit, prob, p.From, to))
		}
		events = events[:0]
	}
	err = queryEach(ctx, db.DB, `SELECT person_id, event, date, COALESCE(unit_id, ''), COALESCE(status, '')
		FROM party WHERE rec_to IS NULL ORDER BY person_id, date, seq, rid`, nil, func(rows *sql.Rows) error {
		var person string
		var e tochuc.MembershipEvent
		if err := rows.Scan(&person, &e.Event, &e.Date, &e.UnitID, &e.Status); err != nil {
			return err
		}
		if person != cur && cur != "" {
			flush()
		}
		cur = person
		events = append(events, e)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if cur != "" {
		flush()
	}
	slices.Sort(out)
	return out, nil
}

// MemberPeriodLines returns member_periods as sorted lines "person unit
// probationary from to".
func MemberPeriodLines(ctx context.Context, db *DB) ([]string, error) {
	return periodLines(ctx, db.DB, "member_periods")
}

// periodLines returns a table of member periods as sorted lines "person
// unit probationary from to".
func periodLines(ctx context.Context, q querier, table string) ([]string, error) {
	var out []string
	err := queryEach(ctx, q, `SELECT person_id, COALESCE(unit_id, ''), probationary, valid_from, valid_to FROM `+table, nil,
		func(rows *sql.Rows) error {
			var p, u string
			var prob int
			var from, to tochuc.Date
			if err := rows.Scan(&p, &u, &prob, &from, &to); err != nil {
				return err
			}
			out = append(out, fmt.Sprintf("%s %s %d %s %s", p, u, prob, from, to))
			return nil
		})
	slices.Sort(out)
	return out, err
}

// SetBulkEvents sets the number of party events above which the member
// periods are derived without their indexes, until the returned function.
func SetBulkEvents(n int) (restore func()) {
	old := bulkEvents
	bulkEvents = n
	return func() { bulkEvents = old }
}

// MemberPeriodIndexes counts the indexes of member_periods.
func MemberPeriodIndexes(ctx context.Context, db *DB) (int, error) {
	q := `SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'member_periods'`
	if db.Dialect == Postgres {
		q = `SELECT COUNT(*) FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'member_periods'`
	}
	var n int
	err := db.QueryRowContext(ctx, q).Scan(&n)
	return n, err
}

// PeriodLinesAt derives, with the statement of a report recorded at a past
// time, the member periods as recorded at at, as sorted lines.
func PeriodLinesAt(ctx context.Context, db *DB, at int64) ([]string, error) {
	conn, err := db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	date := "TEXT"
	if db.Dialect == Postgres {
		date = "DATE"
	}
	if _, err := tx.ExecContext(ctx, `CREATE TEMP TABLE tc_periods_at (person_id TEXT NOT NULL, unit_id TEXT,
		probationary INTEGER NOT NULL, valid_from `+date+` NOT NULL, valid_to `+date+` NOT NULL)`); err != nil {
		return nil, err
	}
	defer tx.ExecContext(ctx, `DROP TABLE tc_periods_at`)
	if _, err := tx.ExecContext(ctx, periodsSQL(db.Dialect, "tc_periods_at", Recorded{At: at}, "")); err != nil {
		return nil, err
	}
	return periodLines(ctx, tx, "tc_periods_at")
}
