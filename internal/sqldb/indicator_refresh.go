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

// maxIncremental is the number of changed persons above which member_periods is derived again in full.
const maxIncremental = 20000

// RefreshMemberPeriods brings member_periods up to date with the party
// events and deaths held now. Indicators call it before they read; an
// import may call it after committing, so that the next report is quick.
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
	if db.Dialect == Postgres {
		if _, err := tx.ExecContext(ctx, `LOCK TABLE member_periods_state IN EXCLUSIVE MODE`); err != nil {
			return err
		}
	}
	// The stamp is read before the events: a change set committed meanwhile
	// is derived again at the next refresh.
	st, ok, err := periodsState(ctx, tx)
	if err != nil {
		return err
	}
	cs, err := changeSets(ctx, tx)
	if err != nil || (ok && st == cs) {
		return errors.Join(err, tx.Commit())
	}
	persons, err := changedPersons(ctx, tx, db.Dialect, st, ok, cs)
	if err == nil {
		err = rederive(ctx, tx, db.Dialect, persons)
	}
	if err == nil {
		_, err = tx.ExecContext(ctx, `DELETE FROM member_periods_state`)
	}
	if err == nil {
		_, err = tx.ExecContext(ctx, rebind(db.Dialect, `INSERT INTO member_periods_state (id, last_cs, cs_count) VALUES (1, ?, ?)`),
			cs.last, cs.count)
	}
	if err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	return db.analyzeStale(ctx)
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
	rows, err := db.QueryContext(ctx, `SELECT relname FROM pg_stat_user_tables WHERE schemaname = current_schema()
		AND relname IN ('units', 'assignments', 'people', 'qualifications', 'headcount', 'party', 'member_periods', 'evaluations', 'plans')
		AND n_mod_since_analyze > 500 + n_live_tup / 10`)
	if err != nil {
		return err
	}
	var stale []string
	for rows.Next() {
		var t string
		if err := rows.Scan(&t); err != nil {
			rows.Close()
			return err
		}
		stale = append(stale, t)
	}
	rows.Close()
	for _, t := range stale {
		q := "ANALYZE " + t
		if t == "member_periods" { // also marks its pages all-visible, for index-only scans
			q = "VACUUM (ANALYZE) " + t
		}
		if _, err := db.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	return rows.Err()
}

// changedPersons returns the persons whose events or death changed in the
// change sets after st, or nil when everything must be derived again: no
// state yet, change sets committed out of order, or too many persons.
func changedPersons(ctx context.Context, tx *sql.Tx, d Dialect, st periodsStamp, ok bool, cs periodsStamp) ([]string, error) {
	if !ok {
		return nil, nil
	}
	var newer int64
	if err := tx.QueryRowContext(ctx, rebind(d, `SELECT COUNT(*) FROM changesets WHERE id > ?`), st.last).Scan(&newer); err != nil {
		return nil, err
	}
	if newer != cs.count-st.count {
		return nil, nil
	}
	rows, err := tx.QueryContext(ctx, rebind(d, `SELECT person_id FROM party WHERE rec_cs > ? OR end_cs > ?
		UNION SELECT id FROM people WHERE rec_cs > ? OR end_cs > ?`), st.last, st.last, st.last, st.last)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	persons := []string{}
	for rows.Next() {
		var p string
		if err := rows.Scan(&p); err != nil {
			return nil, err
		}
		if persons = append(persons, p); len(persons) > maxIncremental {
			return nil, nil
		}
	}
	return persons, rows.Err()
}

// rederive replaces the member periods of the given persons, or of everyone
// when persons is nil (then without the indexes, made again after: faster).
func rederive(ctx context.Context, tx *sql.Tx, d Dialect, persons []string) error {
	restore := func() error { return nil }
	var err error
	if persons == nil {
		if restore, err = dropIndexes(ctx, tx, d, "member_periods"); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `DELETE FROM member_periods`)
	}
	for _, chunk := range chunks(persons, 500) {
		if err == nil {
			_, err = tx.ExecContext(ctx, rebind(d, `DELETE FROM member_periods WHERE person_id IN (`+
				placeholders(len(chunk))+`)`), anys(chunk)...)
		}
	}
	var ps []memberPeriod
	if err == nil {
		ps, err = readPeriods(ctx, tx, d, Recorded{}, persons)
	}
	if err == nil {
		err = insertPeriods(ctx, tx, d, "member_periods", ps)
	}
	if err == nil {
		err = restore()
	}
	return err
}

// dropIndexes drops the indexes of a table and returns the function that
// makes them again, as the migrations defined them.
func dropIndexes(ctx context.Context, tx *sql.Tx, d Dialect, table string) (func() error, error) {
	q := `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL`
	if d == Postgres {
		q = `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = $1`
	}
	rows, err := tx.QueryContext(ctx, q, table)
	if err != nil {
		return nil, err
	}
	var names, defs []string
	for rows.Next() {
		var name, def string
		if err := rows.Scan(&name, &def); err != nil {
			rows.Close()
			return nil, err
		}
		names, defs = append(names, name), append(defs, def)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
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
