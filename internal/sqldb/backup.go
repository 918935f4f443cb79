package sqldb

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// The backup formats: a SQLite database file (SQLite only, VACUUM INTO) and
// the logical dump (both engines, DumpFormat).
const (
	BackupSQLite = "sqlite"
	BackupDump   = "dump"
)

// BackupInfo says what a backup or a restore held.
type BackupInfo struct {
	Format string // BackupSQLite or BackupDump
	Engine string // the engine the backup was taken from
	Schema []int  // the schema versions applied to it
	Tables int    // tables (0 for a SQLite file's backup)
	Rows   int64  // rows (0 for a SQLite file's backup)
	// RecordedAt is when its last change set was recorded (microseconds
	// since 1970, UTC; 0 when it holds none): the backup answers every
	// --recorded-at up to it as the registry did.
	RecordedAt int64
}

// lastRecorded returns the recorded-at instant of the last change set.
func lastRecorded(ctx context.Context, q querier) (int64, error) {
	var at int64
	err := q.QueryRowContext(ctx, `SELECT COALESCE(MAX(recorded_at), 0) FROM changesets`).Scan(&at)
	return at, err
}

// DefaultBackupFormat is a SQLite file for SQLite, the logical dump for PostgreSQL.
func (db *DB) DefaultBackupFormat() string {
	if db.Dialect == SQLite {
		return BackupSQLite
	}
	return BackupDump
}

// Backup writes a consistent copy of the database, taken while it runs, to
// path, which must not exist. A SQLite file is written by VACUUM INTO in
// one read transaction (a snapshot: writers go on meanwhile under WAL); a
// dump reads every table in one snapshot transaction (SQLite's deferred
// read, PostgreSQL's REPEATABLE READ) and streams it, a row at a time, into
// a temporary file renamed to path once complete.
func (db *DB) Backup(ctx context.Context, path, format string) (BackupInfo, error) {
	if _, err := os.Stat(path); err == nil {
		return BackupInfo{}, fmt.Errorf("%s đã có: sao lưu vào một tệp mới", path)
	}
	if err := db.CheckSchema(ctx); err != nil {
		return BackupInfo{}, err
	}
	info := BackupInfo{Format: format, Engine: db.Dialect.String()}
	switch format {
	case BackupSQLite:
		if db.Dialect != SQLite {
			return info, fmt.Errorf("định dạng sao lưu %q chỉ dùng cho SQLite; PostgreSQL sao lưu dạng %q", BackupSQLite, BackupDump)
		}
		abs, err := filepath.Abs(path)
		if err != nil {
			return info, err
		}
		// The file is made first, empty and readable by its owner alone (it
		// holds the password hashes); VACUUM INTO fills an empty file.
		f, err := os.OpenFile(abs, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if err != nil {
			return info, fmt.Errorf("tạo tệp sao lưu: %w", err)
		}
		f.Close()
		if _, err := db.ExecContext(ctx, `VACUUM INTO ?`, abs); err != nil {
			os.Remove(abs)
			return info, fmt.Errorf("sao lưu: %w", err)
		}
		if info.Schema, info.RecordedAt, err = sealBackupFile(ctx, abs); err != nil {
			os.Remove(abs)
			return info, fmt.Errorf("sao lưu: %w", err)
		}
		return info, nil
	case BackupDump:
		return db.backupDump(ctx, path, info)
	}
	return info, fmt.Errorf("định dạng sao lưu không có: %q (%s hoặc %s)", format, BackupSQLite, BackupDump)
}

func (db *DB) backupDump(ctx context.Context, path string, info BackupInfo) (BackupInfo, error) {
	conn, err := db.Conn(ctx)
	if err != nil {
		return info, err
	}
	defer conn.Close()
	opts := &sql.TxOptions{ReadOnly: true}
	if db.Dialect == Postgres {
		opts.Isolation = sql.LevelRepeatableRead
	}
	tx, err := conn.BeginTx(ctx, opts)
	if err != nil {
		return info, err
	}
	defer tx.Rollback()
	if info.Schema, err = appliedVersions(ctx, tx); err != nil {
		return info, err
	}
	if info.RecordedAt, err = lastRecorded(ctx, tx); err != nil {
		return info, err
	}
	tmp := path + ".tmp"
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return info, fmt.Errorf("tạo tệp tạm của bản sao lưu: %w", err)
	}
	defer os.Remove(tmp)
	defer f.Close()
	w, err := newDumpWriter(f, dumpHeader{Format: DumpFormat, Engine: info.Engine, Schema: info.Schema,
		TakenAt: time.Now().UTC().Format(time.RFC3339), RecordedAt: time.UnixMicro(info.RecordedAt).UTC().Format(time.RFC3339Nano)})
	if err != nil {
		return info, err
	}
	if info.Tables, info.Rows, err = dumpTables(ctx, tx, db.Dialect, w); err != nil {
		return info, fmt.Errorf("sao lưu: %w", err)
	}
	if err := w.close(info.Tables, info.Rows); err != nil {
		return info, err
	}
	if err := f.Sync(); err != nil {
		return info, err
	}
	if err := f.Close(); err != nil {
		return info, err
	}
	return info, os.Rename(tmp, path)
}

// openBackupFile opens a SQLite backup read-only, leaving the file unchanged.
func openBackupFile(ctx context.Context, path string) (*sql.DB, error) {
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, errDamaged(err.Error())
	}
	return db, nil
}

// backupAppID marks a SQLite file written by Backup (its application_id);
// its user_version then holds the CRC-32 of its tables' rows (digestSink),
// which Restore checks.
const backupAppID = 0x746f6368 // "toch"

// sealBackupFile writes the checksum of a new SQLite backup file into its
// header and returns its schema versions.
func sealBackupFile(ctx context.Context, path string) (schema []int, recorded int64, err error) {
	f, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		return nil, 0, err
	}
	defer f.Close()
	f.SetMaxOpenConns(1)
	if schema, err = appliedVersions(ctx, f); err != nil {
		return nil, 0, err
	}
	if recorded, err = lastRecorded(ctx, f); err != nil {
		return nil, 0, err
	}
	d := &digestSink{}
	if _, _, err := dumpTables(ctx, f, SQLite, d); err != nil {
		return nil, 0, err
	}
	_, err = f.ExecContext(ctx, fmt.Sprintf(`PRAGMA application_id = %d; PRAGMA user_version = %d`, backupAppID, int32(d.sum)))
	return schema, recorded, err
}
