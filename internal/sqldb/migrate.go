package sqldb

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/tochuc/tochuc/internal/tochuc"
)

//go:embed migrations
var migrationFS embed.FS

// Migration is one numbered schema change.
type Migration struct {
	Version int
	Name    string
	SQL     string
}

// Migrations returns the embedded migrations of the dialect in order.
func Migrations(d Dialect) ([]Migration, error) {
	dir := path.Join("migrations", d.String())
	entries, err := fs.ReadDir(migrationFS, dir)
	if err != nil {
		return nil, err
	}
	var out []Migration
	for _, e := range entries {
		num, _, ok := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || !strings.HasSuffix(e.Name(), ".sql") {
			return nil, fmt.Errorf("bad migration file name %s", e.Name())
		}
		b, err := fs.ReadFile(migrationFS, path.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		out = append(out, Migration{Version: v, Name: e.Name(), SQL: string(b)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Version < out[j].Version })
	return out, nil
}

const createMigrationsTable = `CREATE TABLE IF NOT EXISTS schema_migrations (
	version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`

// SchemaVersion returns the highest applied version and the latest embedded one.
func (db *DB) SchemaVersion(ctx context.Context) (applied, latest int, err error) {
	ms, err := Migrations(db.Dialect)
	if err != nil {
		return 0, 0, err
	}
	if len(ms) > 0 {
		latest = ms[len(ms)-1].Version
	}
	if _, err := db.ExecContext(ctx, createMigrationsTable); err != nil {
		return 0, 0, err
	}
	err = db.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&applied)
	return applied, latest, err
}

// pending returns the embedded migrations not applied yet, in order (a
// migration merged late with a lower number is still applied).
func (db *DB) pending(ctx context.Context) ([]Migration, error) {
	ms, err := Migrations(db.Dialect)
	if err != nil {
		return nil, err
	}
	if _, err := db.ExecContext(ctx, createMigrationsTable); err != nil {
		return nil, err
	}
	rows, err := db.QueryContext(ctx, `SELECT version FROM schema_migrations`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	done := map[int]bool{}
	for rows.Next() {
		var v int
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		done[v] = true
	}
	var out []Migration
	for _, m := range ms {
		if !done[m.Version] {
			out = append(out, m)
		}
	}
	return out, rows.Err()
}

// CheckSchema returns an EOutdated error when migrations are pending.
func (db *DB) CheckSchema(ctx context.Context) error {
	applied, latest, err := db.SchemaVersion(ctx)
	if err != nil {
		return err
	}
	pend, err := db.pending(ctx)
	if err != nil {
		return err
	}
	if len(pend) > 0 {
		names := make([]string, len(pend))
		for i, m := range pend {
			names[i] = m.Name
		}
		return tochuc.Errorf(tochuc.EOutdated,
			"lược đồ cơ sở dữ liệu cũ (còn %s chưa áp dụng): hãy chạy 'tochuc migrate' (schema outdated)",
			strings.Join(names, ", "))
	}
	if applied > latest {
		return tochuc.Errorf(tochuc.EOutdated,
			"cơ sở dữ liệu mới hơn chương trình (lược đồ %d > %d): hãy cập nhật tochuc", applied, latest)
	}
	return nil
}

// Migrate applies the pending migrations, each in its own transaction, then
// fills the columns computed in Go that rows written before lack
// (backfillPeople), and returns the names of the migrations applied.
func (db *DB) Migrate(ctx context.Context) ([]string, error) {
	return db.migrate(ctx, nil)
}

// migrate applies the pending migrations whose version only holds (all
// when only is nil), then back-fills.
func (db *DB) migrate(ctx context.Context, only map[int]bool) ([]string, error) {
	ms, err := db.pending(ctx)
	if err != nil {
		return nil, err
	}
	var done []string
	for _, m := range ms {
		if only != nil && !only[m.Version] {
			continue
		}
		tx, err := db.BeginTx(ctx, nil)
		if err != nil {
			return done, err
		}
		for _, stmt := range splitStatements(m.SQL) {
			if _, err := tx.ExecContext(ctx, stmt); err != nil {
				tx.Rollback()
				return done, fmt.Errorf("migration %s: %w", m.Name, err)
			}
		}
		if _, err := tx.ExecContext(ctx, db.rebind(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`),
			m.Version, m.Name, time.Now().UTC().Format(time.RFC3339)); err != nil {
			tx.Rollback()
			return done, err
		}
		if err := tx.Commit(); err != nil {
			return done, err
		}
		done = append(done, m.Name)
	}
	if only != nil {
		return done, nil // the back-fills need the latest schema
	}
	if _, err := db.backfillPeople(ctx); err != nil {
		return done, fmt.Errorf("back-fill of the people's sort keys: %w", err)
	}
	if _, err := db.backfillUnits(ctx); err != nil {
		return done, fmt.Errorf("back-fill of the units' folded names: %w", err)
	}
	return done, nil
}

// splitStatements splits a migration on semicolons at line ends, dropping comments.
func splitStatements(sql string) []string {
	var out []string
	var cur strings.Builder
	for _, line := range strings.Split(sql, "\n") {
		t := strings.TrimSpace(line)
		if t == "" || strings.HasPrefix(t, "--") {
			continue
		}
		cur.WriteString(line + "\n")
		if strings.HasSuffix(t, ";") {
			out = append(out, strings.TrimSuffix(strings.TrimSpace(cur.String()), ";"))
			cur.Reset()
		}
	}
	if s := strings.TrimSpace(cur.String()); s != "" {
		out = append(out, s)
	}
	return out
}
