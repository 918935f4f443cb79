package sqldb

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"sync"
)

// jobFile is where a SQLite database keeps its import jobs: a side file
// beside it (PATH-jobs) with the tables of migration 0013. An import holds
// SQLite's write lock — of the whole file — for as long as it is written,
// and jobs must be written meanwhile (its own progress, another upload and
// its check), so they cannot live in the registry's file; every process
// serving that file finds the side file beside it. On PostgreSQL the jobs
// are in the database (row locks: an import does not hold them up), and
// migration 0013's tables in a SQLite registry file stay empty.
type jobFile struct {
	mu sync.Mutex
	db *sql.DB
}

// jobsDB returns the database of the import jobs, opening the side file of
// a SQLite database on first use (and creating its tables).
func (db *DB) jobsDB(ctx context.Context) (*sql.DB, error) {
	if db.Dialect == Postgres {
		return db.DB, nil
	}
	db.jobFile.mu.Lock()
	defer db.jobFile.mu.Unlock()
	if db.jobFile.db != nil {
		return db.jobFile.db, nil
	}
	// The jobs are transient: synchronous NORMAL (a power loss may lose the
	// last beat, never corrupt); auto_vacuum gives back the space of an
	// uploaded file once deleted.
	q := "?_pragma=busy_timeout(" + strconv.Itoa(BusyTimeoutMS) + ")&_pragma=auto_vacuum(FULL)&_pragma=journal_mode(WAL)" +
		"&_pragma=synchronous(NORMAL)&_pragma=foreign_keys(ON)&_txlock=immediate"
	jdb, err := sql.Open("sqlite", "file:"+db.DSN+"-jobs"+q)
	if err != nil {
		return nil, err
	}
	if err := createJobTables(ctx, jdb); err != nil {
		jdb.Close()
		return nil, fmt.Errorf("import jobs of %s: %w", db.DSN, err)
	}
	db.jobFile.db = jdb
	return jdb, nil
}

// createJobTables creates the tables of the jobs (migrations 0013 and 0014)
// in a side file that has not got them yet (once, whichever process comes
// first).
func createJobTables(ctx context.Context, jdb *sql.DB) error {
	ms, err := Migrations(SQLite)
	if err != nil {
		return err
	}
	ddl := map[int]string{}
	for _, m := range ms {
		if m.Version == 13 || m.Version == 14 {
			ddl[m.Version] = m.SQL
		}
	}
	tx, err := jdb.BeginTx(ctx, nil) // BEGIN IMMEDIATE: one process creates them
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'import_jobs'`).Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		if _, err := tx.ExecContext(ctx, ddl[13]); err != nil {
			return err
		}
	}
	// A side file made before 0014 gets its columns.
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM pragma_table_info('import_jobs') WHERE name = 'rows_total'`).Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		if _, err := tx.ExecContext(ctx, ddl[14]); err != nil {
			return err
		}
	}
	return tx.Commit()
}

// Close closes the database (and the side file of its import jobs).
func (db *DB) Close() error {
	db.jobFile.mu.Lock()
	if db.jobFile.db != nil {
		db.jobFile.db.Close()
		db.jobFile.db = nil
	}
	db.jobFile.mu.Unlock()
	return db.DB.Close()
}
