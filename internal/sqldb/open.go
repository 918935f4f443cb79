// Package sqldb stores the registry in SQLite (the embedded default) or
// PostgreSQL, through database/sql, with one set of portable queries. Every
// table is bitemporal: rows keep their valid period and the time the registry
// recorded them, and are superseded, never updated or deleted.
package sqldb

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers "pgx"
	_ "modernc.org/sqlite"             // registers "sqlite"
)

// BusyTimeoutMS is how long a write waits for another writer (SQLite's
// busy_timeout, PostgreSQL's lock_timeout) before the request is told the
// system is busy.
const BusyTimeoutMS = 10000

// MaxConns is the default number of connections a process keeps open to
// the database (serve --db-conns changes it).
const MaxConns = 16

// DB is an open registry database.
type DB struct {
	*sql.DB
	Dialect Dialect
	DSN     string
	jobFile jobFile
}

// IsPostgres reports whether a --db value names a PostgreSQL database.
func IsPostgres(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

// Open opens the database named by dsn: a postgres:// URL, or a SQLite file path.
func Open(ctx context.Context, dsn string) (*DB, error) {
	return OpenWith(ctx, dsn, Options{})
}

// Options tune how a database is opened.
type Options struct {
	// BusyTimeout is how long a write waits for another writer (SQLite's
	// busy_timeout; PostgreSQL's lock_timeout unless the DSN sets one)
	// before it is told the system is busy (default BusyTimeoutMS).
	BusyTimeout time.Duration
}

// OpenWith opens a database with options.
func OpenWith(ctx context.Context, dsn string, opt Options) (*DB, error) {
	db := &DB{DSN: dsn}
	busy := BusyTimeoutMS
	if opt.BusyTimeout > 0 {
		busy = int(opt.BusyTimeout.Milliseconds())
	}
	var err error
	if IsPostgres(dsn) {
		db.Dialect = Postgres
		db.DB, err = sql.Open("pgx", pgSettings(dsn, busy))
	} else {
		// WAL lets readers go on during a write; busy_timeout waits for the
		// writer instead of failing; synchronous FULL makes a commit durable
		// once acknowledged, even through a power loss (NORMAL would only
		// survive a crash of the process); the references the schema declares
		// are enforced; a write transaction takes the write lock when it begins.
		q := "?_pragma=busy_timeout(" + strconv.Itoa(busy) + ")&_pragma=journal_mode(WAL)&_pragma=synchronous(FULL)" +
			"&_pragma=foreign_keys(ON)&_txlock=immediate"
		db.DB, err = sql.Open("sqlite", "file:"+dsn+q)
	}
	if err != nil {
		return nil, err
	}
	// Keep connections open between requests: opening one (for SQLite:
	// reading the schema, setting the pragmas) costs more than most queries.
	db.SetMaxOpenConns(MaxConns)
	db.SetMaxIdleConns(MaxConns)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("mở cơ sở dữ liệu %s: %w", redact(dsn), err)
	}
	return db, nil
}

// Redacted returns the DSN with any password hidden.
func (db *DB) Redacted() string { return redact(db.DSN) }
