package sqldb_test

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/sqldb/sqldbtest"
)

// TestSchemasMatch migrates a SQLite and a PostgreSQL database and compares
// what the engines report of them: the tables, each table's columns (name,
// class of type, NOT NULL), primary key and foreign keys, and the indexes (name and
// columns; those backing a UNIQUE constraint by their columns, as the
// engines name them differently). It needs both engines: it runs when
// TOCHUC_TEST_POSTGRES names a database (the PostgreSQL pass of CI).
func TestSchemasMatch(t *testing.T) {
	pg := os.Getenv("TOCHUC_TEST_POSTGRES")
	if pg == "" {
		t.Skip("needs TOCHUC_TEST_POSTGRES: runs in the PostgreSQL pass")
	}
	var schemas [2][]string
	for i, env := range []string{"", pg} { // SQLite, then PostgreSQL
		t.Setenv("TOCHUC_TEST_POSTGRES", env)
		db := sqldbtest.Open(t)
		s, err := describe(context.Background(), db)
		if err != nil {
			t.Fatal(err)
		}
		if len(s) == 0 {
			t.Fatalf("%s: no tables found", db.Dialect)
		}
		schemas[i] = s
	}
	lite, post := schemas[0], schemas[1]
	t.Logf("%d facts of the schema compared", len(lite))
	for _, l := range lite {
		if !slices.Contains(post, l) {
			t.Errorf("only on SQLite: %s", l)
		}
	}
	for _, p := range post {
		if !slices.Contains(lite, p) {
			t.Errorf("only on PostgreSQL: %s", p)
		}
	}
}

// describe lists a migrated schema as sorted lines, one per table, column,
// primary key and index, in the same words for both engines.
func describe(ctx context.Context, db *sqldb.DB) ([]string, error) {
	q := map[sqldb.Dialect]struct{ columns, indexes, foreignKeys string }{
		sqldb.SQLite: {
			columns: `SELECT m.name, c.name, c.type, c."notnull", c.pk FROM sqlite_master m, pragma_table_info(m.name) c
				WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'`,
			indexes: `SELECT m.name, l.name, l."unique", l.origin, i.seqno, COALESCE(i.name, '(expression)')
				FROM sqlite_master m, pragma_index_list(m.name) l, pragma_index_info(l.name) i
				WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'`,
			foreignKeys: `SELECT m.name, f."from", f."table", f."to" FROM sqlite_master m, pragma_foreign_key_list(m.name) f
				WHERE m.type = 'table'`,
		},
		sqldb.Postgres: {
			columns: `SELECT c.table_name, c.column_name, c.data_type, CASE WHEN c.is_nullable = 'NO' THEN 1 ELSE 0 END,
				COALESCE((SELECT k.ordinal_position FROM information_schema.table_constraints tc
					JOIN information_schema.key_column_usage k ON k.constraint_name = tc.constraint_name
						AND k.table_schema = tc.table_schema AND k.table_name = tc.table_name
					WHERE tc.constraint_type = 'PRIMARY KEY' AND tc.table_schema = c.table_schema
						AND tc.table_name = c.table_name AND k.column_name = c.column_name), 0)
				FROM information_schema.columns c JOIN information_schema.tables t
					ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
				WHERE c.table_schema = current_schema()`,
			indexes: `SELECT t.relname, i.relname, CASE WHEN x.indisunique THEN 1 ELSE 0 END,
				CASE WHEN x.indisprimary THEN 'pk' WHEN EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid) THEN 'u' ELSE 'c' END,
				k.ord - 1, COALESCE(a.attname, '(expression)')
				FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
				JOIN pg_namespace n ON n.oid = t.relnamespace
				CROSS JOIN LATERAL unnest(x.indkey) WITH ORDINALITY AS k(attnum, ord)
				LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
				WHERE n.nspname = current_schema()`,
			foreignKeys: `SELECT t.relname, a.attname, r.relname, b.attname FROM pg_constraint k
				JOIN pg_class t ON t.oid = k.conrelid JOIN pg_class r ON r.oid = k.confrelid
				JOIN pg_namespace n ON n.oid = t.relnamespace
				JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.conkey[1]
				JOIN pg_attribute b ON b.attrelid = r.oid AND b.attnum = k.confkey[1]
				WHERE k.contype = 'f' AND n.nspname = current_schema()`,
		},
	}[db.Dialect]
	var out []string
	rows, err := db.QueryContext(ctx, q.columns)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var table, col, typ string
		var notNull, pk int
		if err := rows.Scan(&table, &col, &typ, &notNull, &pk); err != nil {
			rows.Close()
			return nil, err
		}
		if w, ok := wordIndexOf(table); ok && db.Dialect == sqldb.SQLite {
			out = append(out, "words index "+w) // the FTS5 table and its shadow tables
			continue
		}
		out = append(out, "table "+table, fmt.Sprintf("column %s.%s %s", table, col, typeClass(typ)))
		if notNull == 1 && pk == 0 {
			out = append(out, fmt.Sprintf("not null %s.%s", table, col))
		}
		if pk > 0 {
			out = append(out, fmt.Sprintf("primary key %s #%d %s", table, pk, col))
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows, err = db.QueryContext(ctx, q.foreignKeys)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var table, col, ref, refCol string
		if err := rows.Scan(&table, &col, &ref, &refCol); err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, fmt.Sprintf("foreign key %s.%s references %s.%s", table, col, ref, refCol))
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	type index struct {
		table, origin string
		unique        int
		cols          []string
	}
	indexes := map[string]*index{}
	rows, err = db.QueryContext(ctx, q.indexes)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var table, name, origin, col string
		var unique, seq int
		if err := rows.Scan(&table, &name, &unique, &origin, &seq, &col); err != nil {
			return nil, err
		}
		ix := indexes[name]
		if ix == nil {
			ix = &index{table: table, origin: origin, unique: unique}
			indexes[name] = ix
		}
		for len(ix.cols) <= seq {
			ix.cols = append(ix.cols, "")
		}
		ix.cols[seq] = col
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for name, ix := range indexes {
		if db.Dialect == sqldb.SQLite && sqliteOnlyIndexes[name] {
			continue
		}
		if _, ok := wordIndexes[name]; ok && db.Dialect == sqldb.Postgres {
			out = append(out, "words index "+name)
			continue
		}
		if db.Dialect == sqldb.SQLite && ix.origin == "c" && len(ix.cols) > 1 && ix.cols[len(ix.cols)-1] == "rec_to" {
			// SQLite reads a partial index WHERE rec_to IS NULL without the
			// table only when rec_to is in it too (migrations 0006, 0012).
			ix.cols = ix.cols[:len(ix.cols)-1]
		}
		cols := strings.Join(ix.cols, ", ")
		switch ix.origin {
		case "pk": // compared as the columns' primary key above
		case "u":
			out = append(out, fmt.Sprintf("unique constraint %s (%s)", ix.table, cols))
		default:
			out = append(out, fmt.Sprintf("index %s on %s (%s) unique=%d", name, ix.table, cols, ix.unique))
		}
	}
	slices.Sort(out)
	return slices.Compact(out), nil
}

// sqliteOnlyIndexes are the indexes SQLite's planner needs and PostgreSQL's,
// which has statistics, does without (migrations 0006, 0012).
var sqliteOnlyIndexes = map[string]bool{"party_person_date": true, "headcount_at": true, "member_periods_valid_person": true}

// wordIndexes are the indexes of words (migration 0010) by the table they
// index: an FTS5 table of that name on SQLite, a GIN index on PostgreSQL.
var wordIndexes = map[string]string{"people_words": "people"}

// wordIndexOf reports the index of words a SQLite table belongs to: the FTS5
// table itself or one of its shadow tables (name_data, name_idx…).
func wordIndexOf(table string) (string, bool) {
	for w := range wordIndexes {
		if table == w || strings.HasPrefix(table, w+"_") {
			return w, true
		}
	}
	return "", false
}

// typeClass names the kind of values a column's declared type holds, in the
// same words for both engines: SQLite keeps dates as text and booleans as
// integers.
func typeClass(t string) string {
	t = strings.ToLower(t)
	switch {
	case strings.Contains(t, "int"), t == "boolean":
		return "integer"
	case strings.Contains(t, "char"), t == "text", t == "date":
		return "text"
	case strings.Contains(t, "real"), strings.Contains(t, "double"), strings.Contains(t, "numeric"):
		return "real"
	case t == "blob", t == "bytea":
		return "bytes"
	}
	return t
}

// TestForeignKeysEnforced checks that the engine refuses a row referencing
// nothing (SQLite checks references only when asked, as Open does).
func TestForeignKeysEnforced(t *testing.T) {
	db := sqldbtest.Open(t)
	_, err := db.ExecContext(context.Background(), `INSERT INTO sessions (token_hash, user_id, created_at, expires_at, last_seen_at, idle_ttl, max_expires_at)
		VALUES ('x', 424242, 0, 1, 0, 1, 1)`)
	if err == nil {
		t.Fatal("a session of no account was stored")
	}
}
