package sqldb

import (
	"context"
	"database/sql"
	"strconv"
)

// Reader reads the registry as recorded at a time; it implements bundle.Store.
type Reader struct {
	db  *DB
	q   querier // the database, or the transaction of a change
	rec Recorded
	// since, when set, keeps to the records recorded after it (Records): an incremental package.
	since int64
	// change, when set, is the change set whose transaction q is: the
	// indicators are evaluated inside it (txSession).
	change *Change
}

// querier runs queries: a *sql.DB, *sql.Conn or *sql.Tx.
type querier interface {
	// QueryContext runs a query that returns rows.
	QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error)
	// QueryRowContext runs a query that returns at most one row.
	QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row
	// ExecContext runs a statement.
	ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error)
}

// Reader returns a reader of the registry as recorded at rec.
func (db *DB) Reader(rec Recorded) *Reader {
	return &Reader{db: db, q: db.DB, rec: rec}
}

// Version identifies the registry's state: it changes with every change set.
func (r *Reader) Version(ctx context.Context) (int64, error) {
	var v int64
	q := `SELECT COALESCE(MAX(id), 0) FROM changesets`
	if r.rec.before != 0 { // as held before a change set: the one being written is not there yet
		q += ` WHERE id <> ` + strconv.FormatInt(r.rec.before, 10)
	}
	err := r.q.QueryRowContext(ctx, q).Scan(&v)
	return v, err
}
