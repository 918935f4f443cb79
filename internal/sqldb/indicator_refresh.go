package sqldb

import (
	"context"
	"database/sql"
	"errors"
)

// periodsStamp identifies the change sets member_periods reflects.
type periodsStamp struct {
	last, count int64 // highest change set id, number of change sets
}

// changeSets returns the stamp of the change sets held now.
func changeSets(ctx context.Context, q queryer) (periodsStamp, error) {
	var s periodsStamp
	rows, err := q.QueryContext(ctx, `SELECT COALESCE(MAX(id), 0), COUNT(*) FROM changesets`)
	if err != nil {
		return s, err
	}
	defer rows.Close()
	if rows.Next() {
		err = rows.Scan(&s.last, &s.count)
	}
	return s, errors.Join(err, rows.Err())
}

// periodsState returns the stamp member_periods was derived at, if any.
func periodsState(ctx context.Context, q queryer) (periodsStamp, bool, error) {
	var s periodsStamp
	rows, err := q.QueryContext(ctx, `SELECT last_cs, cs_count FROM member_periods_state WHERE id = 1`)
	if err != nil {
		return s, false, err
	}
	defer rows.Close()
	ok := rows.Next()
	if ok {
		err = rows.Scan(&s.last, &s.count)
	}
	return s, ok, errors.Join(err, rows.Err())
}

// periodsFresh reports whether member_periods reflects every change set.
func periodsFresh(ctx context.Context, q queryer) (bool, error) {
	st, ok, err := periodsState(ctx, q)
	if err != nil || !ok {
		return false, err
	}
	cs, err := changeSets(ctx, q)
	return err == nil && cs == st, err
}

// RefreshMemberPeriods brings member_periods up to date when it does not
// reflect every change set: in a database written before change sets kept it
// up to date themselves (maintainPeriods). Everyone's periods are derived
// again, in one statement. Readers call it before they read; it costs a
// query when the periods are fresh, which they are after every change set.
func (db *DB) RefreshMemberPeriods(ctx context.Context) error {
	if fresh, err := periodsFresh(ctx, db.DB); err != nil || fresh {
		return err
	}
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	tx, err := conn.BeginTx(ctx, nil) // SQLite: BEGIN IMMEDIATE, one writer at a time
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if db.Dialect == Postgres { // change sets wait: they keep the periods too
		if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock($1)`, int64(writeLockKey)); err != nil {
			return err
		}
	}
	if fresh, err := periodsFresh(ctx, tx); err != nil || fresh {
		return errors.Join(err, tx.Commit())
	}
	if _, err := deriveAllPeriods(ctx, tx, db.Dialect); err != nil {
		return err
	}
	if err := writePeriodsState(ctx, tx, db.Dialect); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	return db.analyzeStale(ctx)
}

// statTables are the tables whose PostgreSQL statistics the indicators and
// the rule checks depend on.
const statTables = `('units', 'assignments', 'people', 'qualifications', 'headcount', 'party', 'member_periods', 'evaluations', 'plans')`

// analyzeChanged brings PostgreSQL's statistics of the tables a change set
// changed much (with what the tables held before, as analyzeStale judges)
// up to date inside its transaction, so that the first report after a large
// import is planned for the tables as they are. ANALYZE counts the rows the
// transaction itself wrote.
func analyzeChanged(ctx context.Context, tx *sql.Tx) error {
	stale, err := tableNames(ctx, tx, `SELECT relname FROM (SELECT c.relname, pg_stat_get_live_tuples(c.oid) AS live,
			pg_stat_get_mod_since_analyze(c.oid) AS modified, pg_stat_get_xact_tuples_inserted(c.oid) AS ins,
			pg_stat_get_xact_tuples_updated(c.oid) + pg_stat_get_xact_tuples_deleted(c.oid) AS other
		FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
		WHERE n.nspname = current_schema() AND c.relkind = 'r' AND c.relname IN `+statTables+`) t
		WHERE modified + ins + other > 500 + (live + ins) / 10`)
	if err != nil {
		return err
	}
	for _, t := range stale {
		if _, err := tx.ExecContext(ctx, "ANALYZE "+t); err != nil {
			return err
		}
	}
	return nil
}

// analyzeStale brings PostgreSQL's statistics of the tables the indicators
// and the rule checks read up to date when many of their rows changed since
// the last ANALYZE (what autovacuum does, later): right after an import its
// plans would otherwise assume empty tables. SQLite's plans are fixed by
// qb.from.
func (db *DB) analyzeStale(ctx context.Context) error {
	if db.Dialect != Postgres {
		return nil
	}
	stale, err := tableNames(ctx, db, `SELECT relname FROM pg_stat_user_tables WHERE schemaname = current_schema()
		AND relname IN `+statTables+`
		AND n_mod_since_analyze > 500 + n_live_tup / 10`)
	if err != nil {
		return err
	}
	for _, t := range stale {
		q := "ANALYZE " + t
		if t == "member_periods" { // also marks its pages all-visible, for index-only scans
			q = "VACUUM (ANALYZE) " + t
		}
		if _, err := db.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	return nil
}

// dropIndexes drops the indexes of a table and returns the function that
// makes them again, as the migrations defined them.
func dropIndexes(ctx context.Context, tx *sql.Tx, d Dialect, table string) (func() error, error) {
	q := `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL`
	if d == Postgres {
		q = `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = $1`
	}
	var names, defs []string
	err := queryEach(ctx, tx, q, []any{table}, func(rows *sql.Rows) error {
		var name, def string
		err := rows.Scan(&name, &def)
		names, defs = append(names, name), append(defs, def)
		return err
	})
	if err != nil {
		return nil, err
	}
	for _, name := range names {
		if _, err := tx.ExecContext(ctx, "DROP INDEX "+name); err != nil {
			return nil, err
		}
	}
	return func() error {
		for _, def := range defs {
			if _, err := tx.ExecContext(ctx, def); err != nil {
				return err
			}
		}
		return nil
	}, nil
}

// tableNames returns the names a query of one column lists.
func tableNames(ctx context.Context, q querier, query string) ([]string, error) {
	var out []string
	err := queryEach(ctx, q, query, nil, func(rows *sql.Rows) error {
		var t string
		err := rows.Scan(&t)
		out = append(out, t)
		return err
	})
	return out, err
}
