// Package rawload writes a bundle's rows into the registry's tables with the
// plainest bulk load of each engine: batched multi-row INSERT on SQLite, COPY
// on PostgreSQL, in one transaction, without any check. It is the baseline
// the import is measured against (BenchmarkImport, bench/scale).
package rawload

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// chunk is how many rows are parsed before they are written: the load's
// memory stays bounded whatever the bundle's size.
const chunk = 50_000

// Load writes every row of src into db (a migrated, empty database) and
// returns the row count and the time spent writing: rows are parsed into
// typed values a chunk at a time beforehand, so the time is the database's
// alone.
func Load(ctx context.Context, db *sqldb.DB, src bundle.Source) (rows int, took time.Duration, err error) {
	conn, err := db.Conn(ctx)
	if err != nil {
		return 0, 0, err
	}
	defer conn.Close()
	start := time.Now()
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return 0, 0, err
	}
	defer tx.Rollback()
	took = time.Since(start)
	for _, name := range src.Names() {
		f := bundle.FileByName(name)
		if f == nil {
			return rows, took, fmt.Errorf("rawload: unknown file %s", name)
		}
		n, t, err := loadFile(ctx, db.Dialect, conn, tx, f, src)
		rows, took = rows+n, took+t
		if err != nil {
			return rows, took, fmt.Errorf("rawload %s: %w", name, err)
		}
	}
	start = time.Now()
	err = tx.Commit()
	return rows, took + time.Since(start), err
}

// loadFile parses and writes one file a chunk at a time.
func loadFile(ctx context.Context, d sqldb.Dialect, conn *sql.Conn, tx *sql.Tx, f *bundle.File, src bundle.Source) (int, time.Duration, error) {
	rr, err := src.Open(f.Name)
	if err != nil {
		return 0, 0, err
	}
	defer rr.Close()
	header, err := rr.Next()
	if err != nil {
		return 0, 0, err
	}
	at := make([]int, len(f.Columns)) // the header's column of each column of f, or -1
	cols := make([]string, 0, len(f.Columns)+4)
	for i, c := range f.Columns {
		at[i] = -1
		for j, h := range header {
			if h == c.Name {
				at[i] = j
			}
		}
		cols = append(cols, c.Name)
	}
	if f.Sequenced {
		cols = append(cols, "seq")
	}
	cols = append(cols, "extra", "rec_from", "rec_cs")
	var took time.Duration
	n := 0
	batch := make([][]any, 0, chunk)
	flush := func() error {
		start := time.Now()
		var err error
		if d == sqldb.Postgres {
			err = copyRows(ctx, conn, f.Name, cols, batch)
		} else {
			err = insertRows(ctx, tx, f.Name, cols, batch)
		}
		took += time.Since(start)
		n += len(batch)
		batch = batch[:0]
		return err
	}
	for {
		row, err := rr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return n, took, err
		}
		vals := make([]any, 0, len(cols))
		for i, c := range f.Columns {
			v := ""
			if at[i] >= 0 && at[i] < len(row) {
				v = row[at[i]]
			}
			vals = append(vals, typed(c, v))
		}
		if f.Sequenced {
			vals = append(vals, int64(0))
		}
		batch = append(batch, append(vals, nil, int64(1), int64(1))) // extra, rec_from, rec_cs
		if len(batch) == chunk {
			if err := flush(); err != nil {
				return n, took, err
			}
		}
	}
	if len(batch) > 0 {
		if err := flush(); err != nil {
			return n, took, err
		}
	}
	return n, took, nil
}

// typed turns a cell into the value stored for its column.
func typed(c bundle.Column, v string) any {
	if v == "" {
		return nil
	}
	switch c.Type {
	case bundle.Date:
		return tochuc.MustDate(v).Time()
	case bundle.Int:
		n, _ := strconv.ParseInt(v, 10, 64)
		return n
	}
	return v
}

// insertRows writes rows with multi-row INSERTs of up to 500 rows.
func insertRows(ctx context.Context, tx *sql.Tx, table string, cols []string, rows [][]any) error {
	per := min(500, 32000/len(cols))
	row := "(" + strings.TrimSuffix(strings.Repeat("?, ", len(cols)), ", ") + ")"
	stmt := func(k int) string {
		return fmt.Sprintf("INSERT INTO %s (%s) VALUES %s", table, strings.Join(cols, ", "),
			strings.TrimSuffix(strings.Repeat(row+", ", k), ", "))
	}
	full, err := tx.PrepareContext(ctx, stmt(per))
	if err != nil {
		return err
	}
	defer full.Close()
	args := make([]any, 0, per*len(cols))
	for len(rows) > 0 {
		k := min(per, len(rows))
		args = args[:0]
		for _, r := range rows[:k] {
			for _, v := range r {
				if t, ok := v.(time.Time); ok {
					v = t.Format(time.DateOnly)
				}
				args = append(args, v)
			}
		}
		if k == per {
			_, err = full.ExecContext(ctx, args...)
		} else {
			_, err = tx.ExecContext(ctx, stmt(k), args...)
		}
		if err != nil {
			return err
		}
		rows = rows[k:]
	}
	return nil
}

// copyRows writes rows with one COPY, on the connection of the transaction.
func copyRows(ctx context.Context, conn *sql.Conn, table string, cols []string, rows [][]any) error {
	return conn.Raw(func(dc any) error {
		_, err := dc.(*stdlib.Conn).Conn().CopyFrom(ctx, pgx.Identifier{table}, cols, pgx.CopyFromRows(rows))
		return err
	})
}
