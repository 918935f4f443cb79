package sqldb

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// Units implements bundle.Target: every unit version held now.
func (c *Change) Units(fn func(id, kind string, p tochuc.Period) error) error {
	return c.scan(`SELECT id, kind, valid_from, valid_to FROM units WHERE rec_to IS NULL`, func(r *sql.Rows) error {
		var id, kind string
		var p tochuc.Period
		if err := r.Scan(&id, &kind, &p.From, &p.To); err != nil {
			return err
		}
		return fn(id, kind, p)
	})
}

// People implements bundle.Target.
func (c *Change) People(fn func(id string, diedOn tochuc.Date) error) error {
	return c.scan(`SELECT id, died_on FROM people WHERE rec_to IS NULL`, func(r *sql.Rows) error {
		var id string
		var d tochuc.Date
		if err := r.Scan(&id, &d); err != nil {
			return err
		}
		return fn(id, d)
	})
}

// Documents implements bundle.Target.
func (c *Change) Documents(fn func(id string) error) error {
	return c.scan(`SELECT id FROM documents WHERE rec_to IS NULL`, func(r *sql.Rows) error {
		var id string
		if err := r.Scan(&id); err != nil {
			return err
		}
		return fn(id)
	})
}

// PartyEvents implements bundle.Target.
func (c *Change) PartyEvents(fn func(personID string, seq int, e tochuc.MembershipEvent) error) error {
	return c.scan(`SELECT person_id, seq, event, date, COALESCE(unit_id, ''), COALESCE(status, '') FROM party
		WHERE rec_to IS NULL ORDER BY person_id, date, seq`, func(r *sql.Rows) error {
		var person string
		var seq int
		var e tochuc.MembershipEvent
		if err := r.Scan(&person, &seq, &e.Event, &e.Date, &e.UnitID, &e.Status); err != nil {
			return err
		}
		return fn(person, seq, e)
	})
}

func (c *Change) scan(q string, fn func(*sql.Rows) error) error {
	rows, err := c.Tx.QueryContext(c.ctx, c.db.rebind(q))
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// Writer implements bundle.Target. Into an empty table records go straight
// in; otherwise they are staged in a temporary table and merged.
func (c *Change) Writer(f *bundle.File) (bundle.RecordWriter, error) {
	w := &recordWriter{c: c, f: f, cols: dataColumns(f), table: f.Name}
	var one int
	err := c.Tx.QueryRowContext(c.ctx, "SELECT 1 FROM "+f.Name+" LIMIT 1").Scan(&one)
	switch {
	case err == sql.ErrNoRows:
		w.direct = true
	case err != nil:
		return nil, err
	default:
		w.table = "stage_" + f.Name
		if _, err := c.exec("CREATE TEMP TABLE " + w.table + " AS SELECT " + list("", w.cols) +
			" FROM " + f.Name + " WHERE 1 = 0"); err != nil {
			return nil, fmt.Errorf("create staging table: %w", err)
		}
	}
	return w, nil
}

// recordWriter bulk-inserts records: multi-row INSERT on SQLite, COPY on PostgreSQL.
type recordWriter struct {
	c      *Change
	f      *bundle.File
	cols   []string
	table  string
	direct bool
	n      int
	args   []any
	stmts  map[int]*sql.Stmt
}

// insertColumns are the columns written: with the recording columns when direct.
func (w *recordWriter) insertColumns() []string {
	if w.direct {
		return append(append([]string{}, w.cols...), "rec_from", "rec_cs")
	}
	return w.cols
}

func (w *recordWriter) Write(batch []*bundle.Record) error {
	w.n += len(batch)
	if w.c.db.Dialect == Postgres {
		return w.copy(batch)
	}
	return w.insert(batch)
}

// maxRowsPerInsert keeps a multi-row INSERT under SQLite's variable limit.
func maxRowsPerInsert(ncols int) int { return min(500, 32000/ncols) }

func (w *recordWriter) insert(batch []*bundle.Record) error {
	cols := w.insertColumns()
	per := maxRowsPerInsert(len(cols))
	for len(batch) > 0 {
		n := min(per, len(batch))
		stmt, err := w.stmt(cols, n)
		if err != nil {
			return err
		}
		w.args = w.args[:0]
		for _, rec := range batch[:n] {
			w.args = recordArgs(rec, w.args, false)
			if w.direct {
				w.args = append(w.args, w.c.At, w.c.ID)
			}
		}
		if _, err := stmt.ExecContext(w.c.ctx, w.args...); err != nil {
			return fmt.Errorf("insert into %s: %w", w.table, err)
		}
		batch = batch[n:]
	}
	return nil
}

// stmt returns a prepared INSERT of n rows.
func (w *recordWriter) stmt(cols []string, n int) (*sql.Stmt, error) {
	if s, ok := w.stmts[n]; ok {
		return s, nil
	}
	row := "(" + strings.TrimSuffix(strings.Repeat("?, ", len(cols)), ", ") + ")"
	q := "INSERT INTO " + w.table + " (" + list("", cols) + ") VALUES " +
		strings.TrimSuffix(strings.Repeat(row+", ", n), ", ")
	s, err := w.c.Tx.PrepareContext(w.c.ctx, q)
	if err != nil {
		return nil, err
	}
	if w.stmts == nil {
		w.stmts = map[int]*sql.Stmt{}
	}
	w.stmts[n] = s
	return s, nil
}

func (w *recordWriter) copy(batch []*bundle.Record) error {
	rows := make([][]any, len(batch))
	for i, rec := range batch {
		r := recordArgs(rec, make([]any, 0, len(w.cols)+2), true)
		if w.direct {
			r = append(r, w.c.At, w.c.ID)
		}
		rows[i] = r
	}
	return copyRows(w.c.ctx, w.c.conn, w.table, w.insertColumns(), rows)
}

// copyRows runs PostgreSQL's COPY FROM on the connection of the open transaction.
func copyRows(ctx context.Context, conn *sql.Conn, table string, cols []string, rows [][]any) error {
	return conn.Raw(func(dc any) error {
		pc := dc.(*stdlib.Conn).Conn()
		_, err := pc.CopyFrom(ctx, pgx.Identifier{table}, cols, pgx.CopyFromRows(rows))
		if err != nil {
			return fmt.Errorf("copy into %s: %w", table, err)
		}
		return nil
	})
}

// Close merges staged records into the table and reports what changed.
func (w *recordWriter) Close() (bundle.Counts, error) {
	for _, s := range w.stmts {
		s.Close()
	}
	if w.direct {
		return bundle.Counts{Added: w.n}, nil
	}
	defer w.c.exec("DROP TABLE " + w.table)
	if w.f.Versioned {
		return w.mergeVersions()
	}
	return w.mergeKeyed()
}
