package sqldb

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"
)

// tableInfo is one table a backup carries: its columns in order and their
// declared types (lower case), and the identity column of PostgreSQL ("").
type tableInfo struct {
	name     string
	cols     []string
	types    []string
	identity string
}

// skipBackup are the tables a backup leaves out: the schema versions (the
// backup records them in its own way) and the import jobs (uploads being
// checked, transient; on SQLite they live in a side file).
var skipBackup = map[string]bool{"schema_migrations": true, "import_jobs": true, "import_job_parts": true}

// backupTables returns the tables a backup carries, every table of the
// schema but skipBackup's and SQLite's virtual and shadow tables (the full-text index, rebuilt by the
// triggers when the rows are loaded), referenced tables before the tables
// that reference them.
func backupTables(ctx context.Context, q querier, d Dialect) ([]tableInfo, error) {
	listQ := `SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite\_%' ESCAPE '\' ORDER BY name`
	if d == Postgres {
		listQ = `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`
	}
	names, err := queryStrings(ctx, q, listQ)
	if err != nil {
		return nil, err
	}
	deps := map[string][]string{}
	var out []tableInfo
	for _, n := range names {
		if skipBackup[n] {
			continue
		}
		t := tableInfo{name: n}
		colQ := `SELECT name, lower(type), '' FROM pragma_table_info(?) ORDER BY cid`
		depQ := `SELECT "table" FROM pragma_foreign_key_list(?)`
		if d == Postgres {
			colQ = `SELECT column_name, lower(data_type), is_identity FROM information_schema.columns
				WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position`
			depQ = `SELECT ccu.table_name FROM information_schema.table_constraints tc
				JOIN information_schema.constraint_column_usage ccu
				  ON ccu.constraint_name = tc.constraint_name AND ccu.constraint_schema = tc.constraint_schema
				WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = current_schema() AND tc.table_name = $1`
		}
		rows, err := q.QueryContext(ctx, colQ, n)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var c, typ, ident string
			if err := rows.Scan(&c, &typ, &ident); err != nil {
				rows.Close()
				return nil, err
			}
			t.cols = append(t.cols, c)
			t.types = append(t.types, typ)
			if ident == "YES" {
				t.identity = c
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
		if deps[n], err = queryStrings(ctx, q, depQ, n); err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return orderTables(out, deps), nil
}

// orderTables puts each table after the tables it references, by name otherwise.
func orderTables(ts []tableInfo, deps map[string][]string) []tableInfo {
	sort.Slice(ts, func(i, j int) bool { return ts[i].name < ts[j].name })
	byName := map[string]tableInfo{}
	for _, t := range ts {
		byName[t.name] = t
	}
	var out []tableInfo
	seen := map[string]bool{}
	var visit func(n string)
	visit = func(n string) {
		t, ok := byName[n]
		if !ok || seen[n] {
			return
		}
		seen[n] = true
		for _, dep := range deps[n] {
			visit(dep)
		}
		out = append(out, t)
	}
	for _, t := range ts {
		visit(t.name)
	}
	return out
}

func queryStrings(ctx context.Context, q querier, query string, args ...any) ([]string, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// appliedVersions returns the schema versions applied to a database, in order.
func appliedVersions(ctx context.Context, q querier) ([]int, error) {
	rows, err := q.QueryContext(ctx, `SELECT version FROM schema_migrations ORDER BY version`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []int
	for rows.Next() {
		var v int
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// canonValue turns a value read from either engine into the backup's
// portable form: nil, int64, float64, string or []byte (booleans as 0/1,
// dates as yyyy-mm-dd).
func canonValue(v any, typ string) (any, error) {
	switch x := v.(type) {
	case nil, int64, float64, string:
		return x, nil
	case []byte:
		if strings.Contains(typ, "char") || typ == "text" {
			return string(x), nil
		}
		return append([]byte(nil), x...), nil
	case bool:
		if x {
			return int64(1), nil
		}
		return int64(0), nil
	case int32:
		return int64(x), nil
	case int:
		return int64(x), nil
	case float32:
		return float64(x), nil
	case time.Time:
		if typ == "date" {
			return x.Format(time.DateOnly), nil
		}
		return x.UTC().Format(time.RFC3339Nano), nil
	}
	return nil, fmt.Errorf("kiểu giá trị không hỗ trợ trong bản sao lưu: %T", v)
}

// targetValue turns a portable value into what the target column takes.
func targetValue(v any, typ string, d Dialect) any {
	if d == Postgres && typ == "boolean" {
		if n, ok := v.(int64); ok {
			return n != 0
		}
	}
	return v
}
