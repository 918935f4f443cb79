package sqldb

import (
	"context"
	"database/sql"
	"strings"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// Party membership at a date follows from every event of a person before it,
// which is too slow to work out for 100,000 members on every report. So the
// periods of membership are derived once, by tochuc.MembershipAt, into
// member_periods (migration 0002), and refreshed when change sets were
// recorded since: only the persons whose events or death changed, unless
// change sets were committed out of order. A report recorded at a past time
// derives its own periods into a temp table.

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

type queryer interface {
	// QueryContext runs a query that returns rows.
	QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error)
}

type preparer interface {
	// ExecContext runs a statement.
	ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error)
	// PrepareContext prepares a statement.
	PrepareContext(ctx context.Context, q string) (*sql.Stmt, error)
}

// readPeriods derives the member periods of the given persons (all when
// persons is nil) from the rows held at rec.
func readPeriods(ctx context.Context, q queryer, d Dialect, rec Recorded, persons []string) ([]memberPeriod, error) {
	died := map[string]tochuc.Date{}
	rows, err := q.QueryContext(ctx, `SELECT id, died_on FROM people WHERE died_on IS NOT NULL AND `+rec.where(""))
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var id string
		var on tochuc.Date
		if err := rows.Scan(&id, &on); err != nil {
			rows.Close()
			return nil, err
		}
		died[id] = on
	}
	rows.Close()
	var out []memberPeriod
	read := func(filter string, args []any) error {
		rows, err := q.QueryContext(ctx, rebind(d, `SELECT person_id, event, date, COALESCE(unit_id, ''), COALESCE(status, '')
			FROM party WHERE `+rec.where("")+filter+` ORDER BY person_id, date, seq`), args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		var cur string
		var events []tochuc.MembershipEvent
		for rows.Next() {
			var person string
			var e tochuc.MembershipEvent
			if err := rows.Scan(&person, &e.Event, &e.Date, &e.UnitID, &e.Status); err != nil {
				return err
			}
			if person != cur && cur != "" {
				out = append(out, derivePeriods(cur, events, died[cur])...)
				events = events[:0]
			}
			cur = person
			events = append(events, e)
		}
		if cur != "" {
			out = append(out, derivePeriods(cur, events, died[cur])...)
		}
		return rows.Err()
	}
	if persons == nil {
		return out, read("", nil)
	}
	for _, chunk := range chunks(persons, 500) {
		if err := read(" AND person_id IN ("+placeholders(len(chunk))+")", anys(chunk)); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// insertPeriods writes member periods into table, many rows per statement.
func insertPeriods(ctx context.Context, ex preparer, d Dialect, table string, ps []memberPeriod) error {
	const per = 200
	query := func(n int) string {
		return rebind(d, `INSERT INTO `+table+` (person_id, unit_id, probationary, valid_from, valid_to) VALUES `+
			strings.TrimSuffix(strings.Repeat("(?, ?, ?, ?, ?), ", n), ", "))
	}
	var full *sql.Stmt
	if len(ps) >= per {
		var err error
		if full, err = ex.PrepareContext(ctx, query(per)); err != nil {
			return err
		}
		defer full.Close()
	}
	args := make([]any, 0, 5*per)
	for len(ps) > 0 {
		n := min(per, len(ps))
		args = args[:0]
		for _, p := range ps[:n] {
			to, unit, prob := p.To, any(p.unit), 0
			if to == 0 {
				to = openEnd
			}
			if p.unit == "" {
				unit = nil
			}
			if p.probationary {
				prob = 1
			}
			args = append(args, p.person, unit, prob, p.From, to)
		}
		var err error
		if n == per {
			_, err = full.ExecContext(ctx, args...)
		} else {
			_, err = ex.ExecContext(ctx, query(n), args...)
		}
		if err != nil {
			return err
		}
		ps = ps[n:]
	}
	return nil
}

func chunks(s []string, n int) [][]string {
	var out [][]string
	for len(s) > 0 {
		k := min(n, len(s))
		out = append(out, s[:k])
		s = s[k:]
	}
	return out
}

func placeholders(n int) string { return strings.TrimSuffix(strings.Repeat("?, ", n), ", ") }

func anys(s []string) []any {
	out := make([]any, len(s))
	for i, v := range s {
		out[i] = v
	}
	return out
}

// derivePeriods derives the member periods as recorded at the session's
// time into the temp table tc_member_periods.
func (s *session) derivePeriods(ctx context.Context) error {
	ps, err := readPeriods(ctx, s.tx, s.db.Dialect, s.rec, nil)
	if err != nil {
		return err
	}
	date := "TEXT"
	if s.db.Dialect == Postgres {
		date = "DATE"
	}
	if err := s.createTemp(ctx, "tc_member_periods", `person_id TEXT NOT NULL, unit_id TEXT, probationary INTEGER NOT NULL,
		valid_from `+date+` NOT NULL, valid_to `+date+` NOT NULL`); err != nil {
		return err
	}
	if err := insertPeriods(ctx, s.tx, s.db.Dialect, "tc_member_periods", ps); err != nil {
		return err
	}
	if err := s.indexTemp(ctx, "member_periods", memberPeriodIndexes); err != nil {
		return err
	}
	s.mp = "tc_member_periods"
	return nil
}
