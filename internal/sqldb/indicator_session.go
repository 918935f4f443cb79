package sqldb

import (
	"context"
	"database/sql"

	"github.com/tochuc/tochuc/internal/indicator"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// session is one evaluation of indicators: a connection holding a read
// transaction (one consistent state of the registry for every query), the
// per-date set of units inside the scope (temp table tc_scope) and the table
// of member periods to read.
type session struct {
	db    *DB
	conn  *sql.Conn
	tx    *sql.Tx
	rec   Recorded
	p     indicator.Params
	mp    string // member_periods, or tc_member_periods when recorded at a past time
	temps []string
	// inChange: the session reads inside a change set's transaction (what the
	// registry would hold if it were kept), which close does not end.
	inChange bool
}

// evalDate is one date an indicator is evaluated at: a stock at d (at = 0
// for as-of, 1 for since), or a flow over (from, d] (from zero: up to d).
type evalDate struct {
	d, from tochuc.Date
	at      int
	since   bool
}

// openSession starts a session. Every change set keeps the member periods;
// they are derived again first only when they lag behind (a database written
// by an older tochuc). A session recorded at a past time derives its own.
func (r *Reader) openSession(ctx context.Context, p indicator.Params) (*session, error) {
	if r.change != nil {
		return r.txSession(ctx, p)
	}
	rec, err := r.db.effectiveRecorded(ctx, r.rec)
	if err != nil {
		return nil, err
	}
	for attempt := 0; ; attempt++ {
		// A database that cannot be written (read-only file, rights) still
		// reports: the session derives the periods itself, slower.
		stale := rec.At == 0 && r.db.RefreshMemberPeriods(ctx) != nil
		s := &session{db: r.db, rec: rec, p: p, mp: "member_periods"}
		if s.conn, err = r.db.Conn(ctx); err != nil {
			return nil, err
		}
		if s.tx, err = s.conn.BeginTx(ctx, readTxOptions(r.db.Dialect)); err != nil {
			s.conn.Close()
			return nil, err
		}
		fresh := false
		if rec.At == 0 && !stale {
			if fresh, err = periodsFresh(ctx, s.tx); err != nil {
				s.close(ctx)
				return nil, err
			}
			if !fresh && attempt < 2 { // a change set came in between: refresh again
				s.close(ctx)
				continue
			}
		}
		if !fresh {
			err = s.derivePeriods(ctx)
		}
		if err == nil && rec.At != 0 {
			err = s.snapshot(ctx)
		}
		if err == nil && p.Scope != "" {
			err = s.buildScope(ctx)
		}
		if err != nil {
			s.close(ctx)
			return nil, err
		}
		return s, nil
	}
}

// txSession starts a session inside the transaction of the change set
// the reader reads (Change.Reader): the member periods of the persons the
// change touched are derived again there first (maintainPeriods, as at
// commit), so that the indicators are those of the registry as it would be
// with the change kept — a restructuring draft's figures after, computed
// in a change that is then rolled back.
func (r *Reader) txSession(ctx context.Context, p indicator.Params) (*session, error) {
	c := r.change
	if _, err := maintainPeriods(ctx, c.Tx, c.db.Dialect, c.ID); err != nil {
		return nil, err
	}
	s := &session{db: r.db, tx: c.Tx, p: p, mp: "member_periods", inChange: true}
	if p.Scope != "" {
		if err := s.buildScope(ctx); err != nil {
			s.close(ctx)
			return nil, err
		}
	}
	return s, nil
}

// effectiveRecorded returns rec, or "now" when nothing was recorded after rec.At.
func (db *DB) effectiveRecorded(ctx context.Context, rec Recorded) (Recorded, error) {
	if rec.At == 0 {
		return rec, nil
	}
	var last int64
	err := db.QueryRowContext(ctx, `SELECT COALESCE(MAX(recorded_at), 0) FROM changesets`).Scan(&last)
	if err == nil && last <= rec.At {
		return Recorded{}, nil
	}
	return rec, err
}

// readTxOptions: SQLite reads in a deferred transaction (its temp tables
// need no lock on the database); PostgreSQL in a repeatable-read one.
func readTxOptions(d Dialect) *sql.TxOptions {
	if d == Postgres {
		return &sql.TxOptions{Isolation: sql.LevelRepeatableRead}
	}
	return &sql.TxOptions{ReadOnly: true}
}

// close drops the session's temp tables and ends its transaction.
func (s *session) close(ctx context.Context) {
	for _, t := range s.temps {
		s.tx.ExecContext(ctx, "DROP TABLE IF EXISTS "+t)
	}
	if s.inChange {
		return
	}
	s.tx.Rollback()
	s.conn.Close()
}

// dates returns the dates a family is evaluated at.
func (s *session) dates(flow bool) []evalDate {
	if flow {
		return []evalDate{{d: s.p.AsOf, from: s.p.Since}}
	}
	out := []evalDate{{d: s.p.AsOf}}
	if s.p.Since != 0 {
		out = append(out, evalDate{d: s.p.Since, at: 1, since: true})
	}
	return out
}

// builder returns the query builder of one evaluation date.
func (s *session) builder(at evalDate) *qb {
	params := ageBounds(at.d)
	for k, v := range map[string]any{"d": at.d, "s": at.from, "at": at.at, "scope": s.p.Scope} {
		params[k] = v
	}
	return &qb{dialect: s.db.Dialect, recorded: s.rec, snap: s.rec.At != 0, scoped: s.p.Scope != "", mp: s.mp, flowFrom: at.from != 0,
		params: params}
}

// query runs a query with :name parameters in the session.
func (s *session) query(ctx context.Context, q string, params map[string]any) (*sql.Rows, error) {
	q, args, err := bind(s.db.Dialect, q, params)
	if err != nil {
		return nil, err
	}
	return s.tx.QueryContext(ctx, q, args...)
}

// exec runs a statement with :name parameters in the session.
func (s *session) exec(ctx context.Context, q string, params map[string]any) error {
	q, args, err := bind(s.db.Dialect, q, params)
	if err == nil {
		_, err = s.tx.ExecContext(ctx, q, args...)
	}
	return err
}

// createTemp creates a temp table that close drops.
func (s *session) createTemp(ctx context.Context, name, columns string) error {
	if _, err := s.tx.ExecContext(ctx, "DROP TABLE IF EXISTS "+name); err != nil {
		return err
	}
	if _, err := s.tx.ExecContext(ctx, "CREATE TEMP TABLE "+name+" ("+columns+")"); err != nil {
		return err
	}
	s.temps = append(s.temps, name)
	return nil
}

// buildScope fills tc_scope with, for each evaluation date, the scope unit and
// every unit reaching it through parent_id or locality_id as they stand then.
func (s *session) buildScope(ctx context.Context) error {
	if err := s.createTemp(ctx, "tc_scope", "at INTEGER NOT NULL, id TEXT NOT NULL, PRIMARY KEY (at, id)"); err != nil {
		return err
	}
	// The roots of the scope, each over a period (the scope unit, or those
	// that carry it on after it ended).
	date := "TEXT"
	if s.db.Dialect == Postgres {
		date = "DATE"
	}
	if err := s.createTemp(ctx, "tc_roots", "id TEXT NOT NULL, valid_from "+date+" NOT NULL, valid_to "+date); err != nil {
		return err
	}
	for _, r := range s.p.ScopeRoots() {
		if err := s.exec(ctx, `INSERT INTO tc_roots (id, valid_from, valid_to) VALUES (:id, :from, :to)`,
			map[string]any{"id": r.UnitID, "from": r.From, "to": r.To}); err != nil {
			return err
		}
	}
	for _, at := range s.dates(false) {
		b := s.builder(at)
		// Each unit of the scope probes the indexes of its children, by
		// parent and by locality: two recursive selects on SQLite (one
		// with an OR scans every unit at every step, minutes on a province).
		links := `WITH RECURSIVE sc(id) AS (
			SELECT r.id FROM tc_roots r WHERE r.valid_from <= :d AND (r.valid_to IS NULL OR r.valid_to > :d)
			UNION
			SELECT u.id FROM sc CROSS JOIN ` + b.from("units", "u", "units_parent") + ` WHERE u.parent_id = sc.id AND ` + b.valid("u") + `
			UNION
			SELECT u.id FROM sc CROSS JOIN ` + b.from("units", "u", "units_locality_kind") + ` WHERE u.locality_id = sc.id AND ` + b.valid("u") + `
		)`
		if s.db.Dialect == Postgres {
			// PostgreSQL sorted every link of the registry at each step
			// (seconds for one district of the country): each unit of the scope
			// probes the indexes of its children instead.
			links = `WITH RECURSIVE sc(id) AS (
			SELECT r.id FROM tc_roots r WHERE r.valid_from <= :d AND (r.valid_to IS NULL OR r.valid_to > :d)
			UNION
			SELECT c.id FROM sc CROSS JOIN LATERAL (
				SELECT u.id FROM ` + b.t("units") + ` u WHERE u.parent_id = sc.id AND ` + b.valid("u") + `
				UNION ALL
				SELECT u.id FROM ` + b.t("units") + ` u WHERE u.locality_id = sc.id AND ` + b.valid("u") + `) c
		)`
		}
		err := s.exec(ctx, links+` INSERT INTO tc_scope (at, id) SELECT CAST(:at AS INTEGER), id FROM sc`, b.args())
		if err != nil {
			return err
		}
	}
	if s.db.Dialect == Postgres {
		_, err := s.tx.ExecContext(ctx, "ANALYZE tc_scope")
		return err
	}
	return nil
}
