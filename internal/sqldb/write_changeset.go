package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// Change is a write transaction of the registry: one change set, with the
// moment it records and who made it. Change sets are serialized: on SQLite by
// the database's write lock (taken when the transaction begins), on
// PostgreSQL by a transaction-level advisory lock taken in Begin. The
// recording time is assigned under that lock and strictly increases, so the
// order of recording times is the order of commits and an answer "as
// recorded at R" never changes once given.
type Change struct {
	db   *DB
	Tx   *sql.Tx
	conn *sql.Conn
	// At is the recording time of every row written, in microseconds since 1970 UTC.
	At int64
	// ID is the change set's id.
	ID     int64
	By     string
	Source string
	guard  Guard
	check  bool // a check: nothing is merged into the registry's tables, nothing kept
	// partyHeld: 0 not known yet, 1 no party event held before the change set, 2 some
	partyHeld int8
	done      bool
	copying   *recordWriter // whose COPY is running (PostgreSQL)
}

// Guard decides, before a change set commits, whether the rows it added and
// ended may be written by whoever makes it. The scope policy implements it;
// Trusted lets everything through (an administrator, the command line).
type Guard interface {
	// CheckChange refuses (with an error) a change set whose rows its maker may not write.
	CheckChange(ctx context.Context, c *Change) error
}

// Trusted is the guard of a writer allowed to change every record.
var Trusted Guard = trusted{}

type trusted struct{}

func (trusted) CheckChange(context.Context, *Change) error { return nil }

// writeLockKey is the PostgreSQL advisory lock that serializes change sets,
// with the hash of the schema as its second key: advisory locks are held
// per database, and each schema holds a registry of its own (the tests'
// schemas, or two registries in one database) that need not wait for
// another's writers.
const writeLockKey = 731_884_202

// errNoGuard is a programming error: every change set passes a guard.
var errNoGuard = errors.New("sqldb: a change set needs a guard (sqldb.Trusted or a scope policy)")

// Begin starts a change set recorded by user from source (e.g. "import
// bundle.zip"); guard is asked before it commits.
func (db *DB) Begin(ctx context.Context, user, source string, guard Guard) (*Change, error) {
	if guard == nil {
		return nil, errNoGuard
	}
	conn, err := db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		conn.Close()
		return nil, err
	}
	c := &Change{db: db, Tx: tx, conn: conn, By: user, Source: source, guard: guard}
	if db.Dialect == Postgres {
		if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock($1, hashtext(current_schema()))`, int32(writeLockKey)); err != nil {
			c.Rollback()
			return nil, err
		}
	}
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

// BeginCheck starts a change set that only checks what it is given: records
// are staged in temporary tables and compared with the registry, never
// merged, and nothing is kept. It does not take the write lock, so a long
// check does not hold up other writers. Source says what is checked.
func (db *DB) BeginCheck(ctx context.Context, user, source string) (*Change, error) {
	conn, err := db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	tx, err := conn.BeginTx(ctx, readTxOptions(db.Dialect))
	if err != nil {
		conn.Close()
		return nil, err
	}
	return &Change{db: db, Tx: tx, conn: conn, By: user, Source: source, guard: Trusted, check: true,
		At: time.Now().UnixMicro()}, nil
}

// Note attaches a note (e.g. a summary of what changed) to the change set.
func (c *Change) Note(ctx context.Context, note string) error {
	if c.check {
		return nil
	}
	_, err := c.Tx.ExecContext(ctx, c.db.rebind(`UPDATE changesets SET note = ? WHERE id = ?`), note, c.ID)
	return err
}

// Commit asks the guard, derives again the member periods of the persons the
// change set touched (maintainPeriods), then ends the change set. An error
// from any means nothing was kept.
func (c *Change) Commit(ctx context.Context) error {
	if c.check {
		c.Rollback()
		return errors.New("sqldb: a check cannot be committed")
	}
	if err := c.guard.CheckChange(ctx, c); err != nil {
		c.Rollback()
		return err
	}
	bulk, err := maintainPeriods(ctx, c.Tx, c.db.Dialect, c.ID)
	if err == nil && c.db.Dialect == Postgres {
		err = analyzeChanged(ctx, c.Tx)
	}
	if err != nil {
		c.Rollback()
		return err
	}
	c.done = true
	defer c.conn.Close()
	if err := c.Tx.Commit(); err != nil {
		return err
	}
	if bulk && c.db.Dialect == Postgres {
		// Marks the pages all-visible, for index-only scans. The change set
		// is kept whatever happens here: a failure costs only speed.
		c.conn.ExecContext(ctx, `VACUUM member_periods`)
	}
	return nil
}

// Rollback abandons the change set; nothing it wrote remains. Rolling back a
// change set that has ended does nothing.
func (c *Change) Rollback() error {
	if c.done {
		return nil
	}
	c.done = true
	defer c.conn.Close()
	return c.Tx.Rollback()
}

// Reader returns a reader of the registry inside the change set's
// transaction: as it stands with the change so far, or (before) as it was
// held before the change set began.
func (c *Change) Reader(before bool) *Reader {
	rec := Recorded{}
	if before {
		rec.before = c.ID
	}
	r := &Reader{db: c.db, q: c.Tx, rec: rec}
	if !before {
		r.change = c
	}
	return r
}

// exec runs a statement with ? placeholders.
func (c *Change) exec(ctx context.Context, q string, args ...any) (sql.Result, error) {
	return c.Tx.ExecContext(ctx, c.db.rebind(q), args...)
}
