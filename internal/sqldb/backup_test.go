package sqldb_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tochuc/tochuc/internal/auth"
	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/sqldb/sqldbtest"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// backupSource is a registry with history, accounts, a token, a session
// and audit entries.
func backupSource(t *testing.T) *sqldb.DB {
	t.Helper()
	ctx := context.Background()
	db, admin := accountsDB(t)
	sqldbtest.MustImport(t, db, richBundle())
	editUnit(t, db, "trước sao lưu")
	clerk := mustCreateUser(t, db, tochuc.User{Login: "canbo", FullName: "Cán Bộ", Role: tochuc.RoleStaff, ScopeUnitID: "HU218", Confidential: true})
	if _, err := db.CreateAPIToken(ctx, auth.HashOf("tok"), clerk.ID, "máy chủ huyện", time.Now().Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	if err := db.CreateSession(ctx, auth.HashOf("ses"), admin.ID, time.Hour, "127.0.0.1", "test"); err != nil {
		t.Fatal(err)
	}
	if err := db.AppendAudit(ctx, tochuc.AuditEntry{UserLogin: "quantri", Action: tochuc.AuditLoginOK, Detail: map[string]any{"x": "ý"}}); err != nil {
		t.Fatal(err)
	}
	// A trusted key and a package received with it (the exchange's tables).
	exec(t, db, `INSERT INTO trusted_keys (fingerprint, public_key, name, scope_unit_id, trusted_at, trusted_by) VALUES ('ab12', 'cHVi', 'Huyện ủy', 'HU218', 1, 'quantri')`)
	exec(t, db, `INSERT INTO received_packages (fingerprint, sender_unit, recorded_at, change_set, received_at, received_by) VALUES ('ab12', 'HU218', 5, 1, 6, 'quantri')`)
	// A document's attached file: its content is bytes, not text (amendment 3).
	exec(t, db, `INSERT INTO document_blobs (sha256, bytes, media_type, content, stored_at) VALUES (?, ?, ?, ?, ?)`,
		strings.Repeat("e", 64), 12, "image/png", []byte("\x89PNG\r\n\x1a\n\x00\xff\xfe\x01"), 7)
	return db
}

// editUnit records a new version of the units file, with note on one unit.
func editUnit(t testing.TB, db *sqldb.DB, note string) {
	t.Helper()
	units := richBundle()["units"]
	rows := make([][]string, len(units))
	for i, r := range units {
		rows[i] = append([]string(nil), r...)
	}
	rows[1][len(rows[1])-1] = note
	rep, err := db.ImportBundle(context.Background(), bundle.Tables{"units": rows}, "tester", "test", bundle.Options{})
	if err != nil || !rep.OK() {
		t.Errorf("edit %q: %v %v", note, err, rep)
	}
}

// restored restores a backup into a fresh database of the engine under test.
func restored(t *testing.T, path string) *sqldb.DB {
	t.Helper()
	db, err := sqldb.Open(context.Background(), sqldbtest.DSN(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if _, err := db.Restore(context.Background(), path); err != nil {
		t.Fatalf("restore %s: %v", filepath.Base(path), err)
	}
	return db
}

// sameTables checks two databases hold the same rows in every table a
// backup carries (history columns, accounts, tokens, sessions, audit).
func sameTables(t *testing.T, got, want *sqldb.DB) {
	t.Helper()
	ctx := context.Background()
	g, err := got.BackupTables(ctx)
	if err != nil {
		t.Fatal(err)
	}
	w, err := want.BackupTables(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for name, rows := range w {
		if !reflect.DeepEqual(g[name], rows) {
			t.Errorf("table %s differs:\n got %d rows %v\nwant %d rows %v", name, len(g[name]), g[name], len(rows), rows)
		}
	}
	if len(g) != len(w) {
		t.Errorf("%d tables, want %d", len(g), len(w))
	}
}

// sameAt checks two databases export the same records as recorded at each instant.
func sameAt(t *testing.T, got, want *sqldb.DB, instants []int64) {
	t.Helper()
	for i, at := range instants {
		rec := sqldb.Recorded{At: at}
		g := records(t, exportTo(t, got, rec, filepath.Join(t.TempDir(), fmt.Sprint("g", i))))
		w := records(t, exportTo(t, want, rec, filepath.Join(t.TempDir(), fmt.Sprint("w", i))))
		if !reflect.DeepEqual(g, w) {
			t.Errorf("as recorded at %d the records differ", at)
			diff(t, g, w)
		}
	}
}

// changeSets returns the recorded-at instants of a database's change sets.
func changeSets(t *testing.T, db *sqldb.DB) []int64 {
	t.Helper()
	rows, err := db.QueryContext(context.Background(), `SELECT recorded_at FROM changesets ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var at int64
		rows.Scan(&at)
		out = append(out, at)
	}
	return out
}

func backupFormats(db *sqldb.DB) []string {
	if db.Dialect == sqldb.SQLite {
		return []string{sqldb.BackupSQLite, sqldb.BackupDump}
	}
	return []string{sqldb.BackupDump}
}

// TestBackupWhileWriting backs up while a goroutine records change sets and
// accounts, restores into an empty database, and finds the same records at
// every recorded instant of the backup and the same accounts; a backup taken
// once the writes stop restores to the very same tables.
func TestBackupWhileWriting(t *testing.T) {
	ctx := context.Background()
	src := backupSource(t)
	for _, format := range backupFormats(src) {
		t.Run(format, func(t *testing.T) {
			stop := make(chan struct{})
			var wg sync.WaitGroup
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := 0; ; i++ {
					select {
					case <-stop:
						return
					default:
					}
					editUnit(t, src, fmt.Sprintf("%s lần %d", format, i))
					u := tochuc.User{Login: fmt.Sprintf("u%s%d", format, i), FullName: "Người Dùng", Role: tochuc.RoleViewer, ScopeUnitID: "HU218"}
					if _, err := src.CreateUser(ctx, u, "$argon2id$test"); err != nil {
						t.Error(err)
					}
				}
			}()
			time.Sleep(50 * time.Millisecond)
			live := filepath.Join(t.TempDir(), "live.bak")
			info, err := src.Backup(ctx, live, format)
			time.Sleep(50 * time.Millisecond)
			close(stop)
			wg.Wait()
			if err != nil {
				t.Fatal(err)
			}
			if len(info.Schema) == 0 {
				t.Errorf("the backup records no schema version: %+v", info)
			}
			got := restored(t, live)
			at := changeSets(t, got)
			if info.RecordedAt != at[len(at)-1] {
				t.Errorf("the backup says it holds change sets up to %d; restored, the last is %d", info.RecordedAt, at[len(at)-1])
			}
			all := changeSets(t, src)
			if len(at) < 3 || !reflect.DeepEqual(at, all[:len(at)]) {
				t.Fatalf("restored change sets %v are not a prefix of the source's %v", at, all)
			}
			sameAt(t, got, src, []int64{at[0], at[len(at)/2], at[len(at)-1]})
			var users, wantUsers int
			last := at[len(at)-1]
			got.QueryRowContext(ctx, `SELECT COUNT(*) FROM users`).Scan(&users)
			src.QueryRowContext(ctx, rebind(src, `SELECT COUNT(*) FROM users WHERE created_at <= ?`), last+int64(time.Second/time.Microsecond)).Scan(&wantUsers)
			if users < 2 || users > wantUsers {
				t.Errorf("restored %d accounts; the source had %d by the last change set", users, wantUsers)
			}

			quiet := filepath.Join(t.TempDir(), "quiet.bak")
			if _, err := src.Backup(ctx, quiet, format); err != nil {
				t.Fatal(err)
			}
			got = restored(t, quiet)
			sameTables(t, got, src)
			sameAt(t, got, src, []int64{0, changeSets(t, src)[2]})
			u, err := got.UserByLogin(ctx, "canbo")
			if err != nil || u.ScopeUnitID != "HU218" || !u.Confidential || u.Role != tochuc.RoleStaff {
				t.Errorf("restored account: %+v, %v", u, err)
			}
			for _, path := range []string{live, quiet} {
				if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o600 {
					t.Errorf("%s: %v, %v: a backup holds password hashes, for its owner alone", filepath.Base(path), fi.Mode(), err)
				}
			}
			// A backup restored is itself backed up to the same tables.
			again := filepath.Join(t.TempDir(), "again.bak")
			if _, err := got.Backup(ctx, again, sqldb.BackupDump); err != nil {
				t.Fatal(err)
			}
			// … and restored into a migrated, empty database.
			target := sqldbtest.Open(t)
			if _, err := target.Restore(ctx, again); err != nil {
				t.Fatal(err)
			}
			sameTables(t, target, src)
			// The restored database takes new change sets and accounts (the
			// identities continue past the loaded ids).
			editUnit(t, target, "sau khôi phục")
			mustCreateUser(t, target, tochuc.User{Login: "moi" + format, FullName: "Người Mới", Role: tochuc.RoleViewer, ScopeUnitID: "HU218"})
			if _, err := target.CreateAPIToken(ctx, auth.HashOf("moi"+format), 1, "mới", time.Now().Add(time.Hour)); err != nil {
				t.Error(err)
			}
			if err := target.AppendAudit(ctx, tochuc.AuditEntry{UserLogin: "quantri", Action: tochuc.AuditLogout}); err != nil {
				t.Error(err)
			}
		})
	}
}

// TestRestoreRefuses: a target holding records or accounts, a damaged or
// cut backup, a file that is no backup, a backup of a schema the program
// does not know, and an existing backup path.
func TestRestoreRefuses(t *testing.T) {
	ctx := context.Background()
	src := backupSource(t)
	empty := sqldbtest.Open(t) // every refusal leaves it empty
	dir := t.TempDir()
	for _, format := range backupFormats(src) {
		path := filepath.Join(dir, format+".bak")
		if _, err := src.Backup(ctx, path, format); err != nil {
			t.Fatal(err)
		}
		if _, err := src.Backup(ctx, path, format); err == nil || !strings.Contains(err.Error(), "đã có") {
			t.Errorf("%s: a backup over an existing file: %v", format, err)
		}
		if _, err := src.Restore(ctx, path); err == nil || !strings.Contains(err.Error(), "không trống") {
			t.Errorf("%s: restore into a registry with records: %v", format, err)
		}
		accountsOnly := sqldbtest.Open(t)
		mustCreateUser(t, accountsOnly, tochuc.User{Login: "abc", FullName: "A", Role: tochuc.RoleAdmin})
		if _, err := accountsOnly.Restore(ctx, path); err == nil || !strings.Contains(err.Error(), "không trống") {
			t.Errorf("%s: restore into a database with an account: %v", format, err)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		cut := filepath.Join(dir, format+"-cut.bak")
		os.WriteFile(cut, data[:len(data)*2/3], 0o600)
		refusedLeavesEmpty(t, empty, cut, "hỏng")
		// Alter bytes: in a dump, its middle; in a SQLite file, a record's
		// text (the pages stay well formed: the checksum finds it).
		flipped := append([]byte(nil), data...)
		at := len(flipped) / 2
		if format == sqldb.BackupSQLite {
			at = bytes.Index(flipped, []byte("Lục Nam"))
		}
		for i := at; i < at+8; i++ {
			flipped[i] ^= 0x01
		}
		bad := filepath.Join(dir, format+"-bad.bak")
		os.WriteFile(bad, flipped, 0o600)
		refusedLeavesEmpty(t, empty, bad, "hỏng")
	}
	junk := filepath.Join(dir, "junk.bak")
	os.WriteFile(junk, []byte("units.csv\nid,name\n"), 0o600)
	refusedLeavesEmpty(t, empty, junk, "không phải bản sao lưu")
	// A backup holding a schema version the program does not know.
	path := filepath.Join(dir, sqldb.BackupDump+".bak")
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	data, err := io.ReadAll(zr)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	rewrite := func(name string, from, to []byte) string {
		var buf bytes.Buffer
		zw := gzip.NewWriter(&buf)
		zw.Write(bytes.Replace(data, from, to, 1))
		zw.Close()
		path := filepath.Join(dir, name)
		os.WriteFile(path, buf.Bytes(), 0o600)
		return path
	}
	refusedLeavesEmpty(t, empty, rewrite("newer.bak", []byte(`"schema":[`), []byte(`"schema":[9999,`)), "mới hơn chương trình")
	// A backup older than the target's schema (its last version left out).
	ms, err := sqldb.Migrations(src.Dialect)
	if err != nil {
		t.Fatal(err)
	}
	last := fmt.Sprintf(",%d]", ms[len(ms)-1].Version)
	refusedLeavesEmpty(t, empty, rewrite("older.bak", []byte(last), []byte("]")), "mà bản sao lưu chưa có")
	// Damage that turns a column's name into another (the stream's checksum
	// no longer matches) is told as damage, not as a column the target lacks.
	renamed := rewrite("renamed.bak", []byte(`"rec_cs"`), []byte(`"rec_cx"`))
	raw, err := os.ReadFile(renamed)
	if err != nil {
		t.Fatal(err)
	}
	raw[len(raw)-8] ^= 0xff // gzip's CRC-32 of the stream
	os.WriteFile(renamed, raw, 0o600)
	refusedLeavesEmpty(t, empty, renamed, "hỏng")
}

// refusedLeavesEmpty checks a restore of path into db (empty) is refused
// with an error holding want, and leaves db empty.
func refusedLeavesEmpty(t *testing.T, db *sqldb.DB, path, want string) {
	t.Helper()
	ctx := context.Background()
	_, err := db.Restore(ctx, path)
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("%s: restore gave %v, want an error with %q", filepath.Base(path), err, want)
	}
	if n := count(t, db, `SELECT COUNT(*) FROM changesets`) + count(t, db, `SELECT COUNT(*) FROM users`); n != 0 {
		t.Errorf("%s: a refused restore left %d rows", filepath.Base(path), n)
	}
}

// TestRestoreAcrossEngines restores a SQLite backup (both formats) into
// PostgreSQL — migrating up — and a PostgreSQL dump into SQLite, and finds
// the same tables. It needs both engines: it runs in the PostgreSQL pass.
func TestRestoreAcrossEngines(t *testing.T) {
	ctx := context.Background()
	pg := os.Getenv("TOCHUC_TEST_POSTGRES")
	if pg == "" {
		t.Skip("needs TOCHUC_TEST_POSTGRES: runs in the PostgreSQL pass")
	}
	for _, c := range []struct{ from, to string }{{"", pg}, {pg, ""}} {
		t.Setenv("TOCHUC_TEST_POSTGRES", c.from)
		src := backupSource(t)
		for _, format := range backupFormats(src) {
			path := filepath.Join(t.TempDir(), format+".bak")
			if _, err := src.Backup(ctx, path, format); err != nil {
				t.Fatal(err)
			}
			t.Setenv("TOCHUC_TEST_POSTGRES", c.to)
			got := restored(t, path)
			if got.Dialect == src.Dialect {
				t.Fatal("same engine")
			}
			sameTables(t, got, src)
			sameAt(t, got, src, []int64{0, changeSets(t, src)[1]})
			t.Setenv("TOCHUC_TEST_POSTGRES", c.from)
		}
	}
}

// TestBackupDumpRefusesBadText: text that is not UTF-8 (SQLite stores
// whatever it is given) is refused by the dump, which would change it, and
// no file is left; the SQLite format keeps it.
func TestBackupDumpRefusesBadText(t *testing.T) {
	ctx := context.Background()
	db := sqldbtest.Open(t)
	if db.Dialect != sqldb.SQLite {
		t.Skip("PostgreSQL stores only UTF-8")
	}
	exec(t, db, `INSERT INTO settings (name, value, updated_at) VALUES ('x', CAST(X'ff' AS TEXT), 0)`)
	path := filepath.Join(t.TempDir(), "a.bak")
	if _, err := db.Backup(ctx, path, sqldb.BackupDump); err == nil || !strings.Contains(err.Error(), "UTF-8") {
		t.Errorf("dump of text that is not UTF-8: %v", err)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("a refused backup left %s: %v", path, err)
	}
	if _, err := db.Backup(ctx, path, sqldb.BackupSQLite); err != nil {
		t.Fatal(err)
	}
	got := restored(t, path)
	sameTables(t, got, db)
}
