package sqldb

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// Change is a write transaction of the registry: one change set, with the
// moment it records (fixed when it starts) and who made it.
type Change struct {
	db   *DB
	Tx   *sql.Tx
	conn *sql.Conn
	ctx  context.Context
	// At is the recording time of every row written, in microseconds since 1970 UTC.
	At int64
	// ID is the change set's id.
	ID     int64
	By     string
	Source string
}

// Begin starts a change set recorded by user from source (e.g. "import bundle.zip").
func (db *DB) Begin(ctx context.Context, user, source string) (*Change, error) {
	conn, err := db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		conn.Close()
		return nil, err
	}
	c := &Change{db: db, Tx: tx, conn: conn, ctx: ctx, By: user, Source: source}
	// Recording times strictly increase, so "as recorded at R" never sees half a change set.
	var last int64
	if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(recorded_at), 0) FROM changesets`).Scan(&last); err != nil {
		c.Rollback()
		return nil, err
	}
	c.At = max(time.Now().UnixMicro(), last+1)
	if err := tx.QueryRowContext(ctx, db.rebind(`INSERT INTO changesets (recorded_at, recorded_by, source) VALUES (?, ?, ?) RETURNING id`),
		c.At, user, source).Scan(&c.ID); err != nil {
		c.Rollback()
		return nil, fmt.Errorf("start change set: %w", err)
	}
	return c, nil
}

// Note attaches a note (e.g. a summary of what changed) to the change set.
func (c *Change) Note(note string) error {
	_, err := c.Tx.ExecContext(c.ctx, c.db.rebind(`UPDATE changesets SET note = ? WHERE id = ?`), note, c.ID)
	return err
}

// Commit ends the change set.
func (c *Change) Commit() error {
	defer c.conn.Close()
	return c.Tx.Commit()
}

// Rollback abandons the change set; nothing it wrote remains.
func (c *Change) Rollback() error {
	defer c.conn.Close()
	return c.Tx.Rollback()
}

// exec runs a statement with ? placeholders.
func (c *Change) exec(q string, args ...any) (sql.Result, error) {
	return c.Tx.ExecContext(c.ctx, c.db.rebind(q), args...)
}
