package sqldb

import (
	"context"
	"database/sql"
	"strings"
)

// Party membership at a date follows from every event of a person before it,
// which is too slow to work out for 100,000 members on every report. So the
// periods of membership are kept in member_periods (migration 0002), derived
// in SQL (indicator_periods.go) by every change set for the persons it
// touched, in its own transaction. A report recorded at a past time derives
// its own periods into a temp table, with the same statement.

type queryer interface {
	// QueryContext runs a query that returns rows.
	QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error)
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
	date := "TEXT"
	if s.db.Dialect == Postgres {
		date = "DATE"
	}
	if err := s.createTemp(ctx, "tc_member_periods", `person_id TEXT NOT NULL, unit_id TEXT, probationary INTEGER NOT NULL,
		valid_from `+date+` NOT NULL, valid_to `+date+` NOT NULL`); err != nil {
		return err
	}
	if _, err := s.tx.ExecContext(ctx, periodsSQL(s.db.Dialect, "tc_member_periods", s.rec, "")); err != nil {
		return err
	}
	if err := s.indexTemp(ctx, "member_periods", memberPeriodIndexes); err != nil {
		return err
	}
	s.mp = "tc_member_periods"
	return nil
}
