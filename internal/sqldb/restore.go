package sqldb

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"io"
	"os"
	"strings"
)

// sqliteMagic opens every SQLite database file.
var sqliteMagic = []byte("SQLite format 3\x00")

// Restore loads the backup at path — a SQLite backup file or a dump, of
// either engine — into db, which must hold no rows at all (no records, no
// accounts, no audit). The target is first migrated to the backup's schema
// versions (a backup newer than the program, or a target migrated past
// the backup, is refused), the rows are loaded in one transaction (a
// damaged backup leaves the target empty), then the remaining migrations
// are applied.
func (db *DB) Restore(ctx context.Context, path string) (BackupInfo, error) {
	var info BackupInfo
	f, err := os.Open(path)
	if err != nil {
		return info, err
	}
	defer f.Close()
	magic := make([]byte, len(sqliteMagic))
	if _, err := io.ReadFull(f, magic); err != nil {
		return info, fmt.Errorf("%s không phải bản sao lưu tochuc (tệp quá ngắn)", path)
	}
	var load func(backupSink) error
	switch {
	case bytes.Equal(magic, sqliteMagic):
		src, err := openBackupFile(ctx, path)
		if err != nil {
			return info, err
		}
		defer src.Close()
		var res string
		if err := src.QueryRowContext(ctx, `PRAGMA quick_check`).Scan(&res); err != nil || res != "ok" {
			if err != nil {
				res = err.Error()
			}
			return info, errDamaged(res)
		}
		info.Format, info.Engine = BackupSQLite, SQLite.String()
		if info.Schema, err = appliedVersions(ctx, src); err != nil {
			return info, fmt.Errorf("%s không phải cơ sở dữ liệu tochuc: %w", path, err)
		}
		var appID, sum int32
		if err := src.QueryRowContext(ctx, `SELECT application_id, user_version FROM pragma_application_id, pragma_user_version`).Scan(&appID, &sum); err != nil {
			return info, errDamaged(err.Error())
		}
		load = func(sink backupSink) error {
			tx, err := src.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
			if err != nil {
				return err
			}
			defer tx.Rollback()
			d := &digestSink{next: sink}
			if _, _, err = dumpTables(ctx, tx, SQLite, d); err != nil {
				return err
			}
			// A copy of a registry file has no checksum; a backup's must match.
			if appID == backupAppID && d.sum != uint32(sum) {
				return errDamaged("tổng kiểm tra của dữ liệu không khớp")
			}
			return nil
		}
	case magic[0] == 0x1f && magic[1] == 0x8b:
		if _, err := f.Seek(0, io.SeekStart); err != nil {
			return info, err
		}
		dr, err := openDump(f)
		if err != nil {
			return info, err
		}
		info.Format, info.Engine, info.Schema = BackupDump, dr.h.Engine, dr.h.Schema
		load = dr.each
	default:
		return info, fmt.Errorf("%s không phải bản sao lưu tochuc (không phải tệp SQLite, không phải %s)", path, DumpFormat)
	}
	if err := db.prepareRestore(ctx, info.Schema); err != nil {
		return info, err
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return info, err
	}
	defer tx.Rollback()
	targets, err := backupTables(ctx, tx, db.Dialect)
	if err != nil {
		return info, err
	}
	l := &loader{ctx: ctx, tx: tx, d: db.Dialect, targets: map[string]tableInfo{}}
	for _, t := range targets {
		l.targets[t.name] = t
	}
	if err := load(l); err != nil {
		return info, err
	}
	info.Tables, info.Rows = l.tables, l.rows
	if info.RecordedAt, err = lastRecorded(ctx, tx); err != nil {
		return info, err
	}
	if err := tx.Commit(); err != nil {
		return info, err
	}
	if _, err := db.Migrate(ctx); err != nil {
		return info, err
	}
	return info, nil
}

// prepareRestore refuses a target that holds rows or schema versions the
// backup lacks, or a backup with versions the program does not know, then
// migrates the target to the backup's versions.
func (db *DB) prepareRestore(ctx context.Context, schema []int) error {
	ms, err := Migrations(db.Dialect)
	if err != nil {
		return err
	}
	known := map[int]bool{}
	for _, m := range ms {
		known[m.Version] = true
	}
	want := map[int]bool{}
	for _, v := range schema {
		if !known[v] {
			return fmt.Errorf("bản sao lưu mới hơn chương trình (lược đồ %04d chưa có): hãy cập nhật tochuc", v)
		}
		want[v] = true
	}
	if _, _, err := db.SchemaVersion(ctx); err != nil {
		return err
	}
	applied, err := appliedVersions(ctx, db)
	if err != nil {
		return err
	}
	for _, v := range applied {
		if !want[v] {
			return fmt.Errorf("cơ sở dữ liệu đích đã ở lược đồ %04d mà bản sao lưu chưa có: hãy khôi phục vào một cơ sở dữ liệu mới, chưa migrate", v)
		}
	}
	ts, err := backupTables(ctx, db, db.Dialect)
	if err != nil {
		return err
	}
	for _, t := range ts {
		var one int
		err := db.QueryRowContext(ctx, `SELECT 1 FROM "`+t.name+`" LIMIT 1`).Scan(&one)
		if err == nil {
			return fmt.Errorf("cơ sở dữ liệu đích không trống (bảng %s đã có dữ liệu): chỉ khôi phục vào một cơ sở dữ liệu trống, không có hồ sơ hay tài khoản nào", t.name)
		}
		if err != sql.ErrNoRows {
			return err
		}
	}
	_, err = db.migrate(ctx, want)
	return err
}

// loader writes a backup's rows into the target in batched multi-row INSERTs.
type loader struct {
	ctx     context.Context
	tx      *sql.Tx
	d       Dialect
	targets map[string]tableInfo

	cur    tableInfo
	cols   []string
	types  []string
	per    int
	batch  []any
	n      int
	full   string // the INSERT of a full batch
	tables int
	rows   int64
}

func (l *loader) begin(table string, cols []string) error {
	t, ok := l.targets[table]
	if !ok {
		return fmt.Errorf("bảng %s của bản sao lưu không có trong cơ sở dữ liệu đích", table)
	}
	l.cur, l.cols, l.types, l.batch, l.n, l.full = t, cols, make([]string, len(cols)), l.batch[:0], 0, ""
	for i, c := range cols {
		j := indexOf(t.cols, c)
		if j < 0 {
			return fmt.Errorf("cột %s.%s của bản sao lưu không có trong cơ sở dữ liệu đích", table, c)
		}
		l.types[i] = t.types[j]
	}
	l.per = max(1, min(500, 30000/max(1, len(cols))))
	return nil
}

func (l *loader) row(vals []any) error {
	for i, v := range vals {
		l.batch = append(l.batch, targetValue(v, l.types[i], l.d))
	}
	l.n++
	if l.n == l.per {
		return l.flush()
	}
	return nil
}

func (l *loader) flush() error {
	if l.n == 0 {
		return nil
	}
	q := l.full
	if q == "" || l.n != l.per {
		q = l.insert(l.n)
		if l.n == l.per {
			l.full = q
		}
	}
	if _, err := l.tx.ExecContext(l.ctx, q, l.batch...); err != nil {
		return fmt.Errorf("khôi phục bảng %s: %w", l.cur.name, err)
	}
	l.batch, l.n = l.batch[:0], 0
	return nil
}

// insert returns the INSERT of n rows.
func (l *loader) insert(n int) string {
	quoted := make([]string, len(l.cols))
	for i, c := range l.cols {
		quoted[i] = `"` + c + `"`
	}
	one := "(" + strings.TrimSuffix(strings.Repeat("?, ", len(l.cols)), ", ") + ")"
	var b strings.Builder
	b.WriteString(`INSERT INTO "` + l.cur.name + `" (` + strings.Join(quoted, ", ") + `) VALUES `)
	for i := range n {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(one)
	}
	return rebind(l.d, b.String())
}

// end writes the table's last rows and moves PostgreSQL's identity past them.
func (l *loader) end(table string, rows int64) error {
	if err := l.flush(); err != nil {
		return err
	}
	if id := l.cur.identity; id != "" && l.d == Postgres {
		if _, err := l.tx.ExecContext(l.ctx, `SELECT setval(pg_get_serial_sequence($1, $2), COALESCE(MAX("`+id+`"), 0) + 1, false) FROM "`+table+`"`,
			table, id); err != nil {
			return fmt.Errorf("khôi phục bảng %s: %w", table, err)
		}
	}
	l.tables++
	l.rows += rows
	return nil
}

func indexOf(xs []string, x string) int {
	for i, s := range xs {
		if s == x {
			return i
		}
	}
	return -1
}
