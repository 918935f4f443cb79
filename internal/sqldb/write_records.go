package sqldb

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/textvn"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// Units implements bundle.Target: every version held now of the given
// units, through the index of current units by id.
func (c *Change) Units(ctx context.Context, ids []string, fn func(id, kind string, p tochuc.Period) error) error {
	return c.held(ctx, `SELECT id, kind, valid_from, valid_to FROM units`, ids, func(r *sql.Rows) error {
		var id, kind string
		var p tochuc.Period
		if err := r.Scan(&id, &kind, &p.From, &p.To); err != nil {
			return err
		}
		return fn(id, kind, p)
	})
}

// People implements bundle.Target: the given persons held now.
func (c *Change) People(ctx context.Context, ids []string, fn func(id string, diedOn tochuc.Date) error) error {
	return c.held(ctx, `SELECT id, died_on FROM people`, ids, func(r *sql.Rows) error {
		var id string
		var d tochuc.Date
		if err := r.Scan(&id, &d); err != nil {
			return err
		}
		return fn(id, d)
	})
}

// Documents implements bundle.Target: the given documents held now, with
// their issue dates and what they replace.
func (c *Change) Documents(ctx context.Context, ids []string, fn func(id string, issued tochuc.Date, replaces string) error) error {
	return c.held(ctx, `SELECT id, issued_on, COALESCE(replaces_id, '') FROM documents`, ids, func(r *sql.Rows) error {
		var id, replaces string
		var issued tochuc.Date
		if err := r.Scan(&id, &issued, &replaces); err != nil {
			return err
		}
		return fn(id, issued, replaces)
	})
}

// held reads the current rows of the given ids (a lookup of the import, made
// between two writes of a file: a COPY running is ended first, the next
// write starts another).
func (c *Change) held(ctx context.Context, sel string, ids []string, fn func(*sql.Rows) error) error {
	if len(ids) == 0 {
		return nil
	}
	if err := c.endCopy(); err != nil {
		return err
	}
	return queryEach(ctx, c.Tx, c.db.rebind(sel+` WHERE rec_to IS NULL AND id IN (`+placeholders(len(ids))+`)`), anys(ids), fn)
}

// PartyEvents implements bundle.Target: the events of the persons held
// before the change set (those it wrote are the bundle's own), through the
// index of current events by person, unless no earlier change set left any.
func (c *Change) PartyEvents(ctx context.Context, persons []string, fn func(personID string, seq int, e tochuc.MembershipEvent) error) error {
	if c.partyHeld == 0 {
		c.partyHeld = 1
		var one int
		err := c.Tx.QueryRowContext(ctx, c.db.rebind(`SELECT 1 FROM party WHERE rec_cs < ? AND rec_to IS NULL LIMIT 1`),
			cmp.Or(c.ID, math.MaxInt64)).Scan(&one)
		if err != nil && err != sql.ErrNoRows {
			return err
		}
		if err == nil {
			c.partyHeld = 2
		}
	}
	if c.partyHeld == 1 || len(persons) == 0 {
		return nil
	}
	return queryEach(ctx, c.Tx, c.db.rebind(`SELECT person_id, seq, event, date, COALESCE(unit_id, ''), COALESCE(status, '') FROM party
		WHERE rec_to IS NULL AND rec_cs <> ? AND person_id IN (`+placeholders(len(persons))+`) ORDER BY person_id, date, seq`),
		append([]any{c.ID}, anys(persons)...), func(r *sql.Rows) error {
			var person string
			var seq int
			var e tochuc.MembershipEvent
			if err := r.Scan(&person, &seq, &e.Event, &e.Date, &e.UnitID, &e.Status); err != nil {
				return err
			}
			return fn(person, seq, e)
		})
}

// Writer implements bundle.Target. Into an empty table records go straight
// in; otherwise they are staged in a temporary table and merged.
func (c *Change) Writer(ctx context.Context, f *bundle.File) (bundle.RecordWriter, error) {
	w := &recordWriter{c: c, f: f, cols: dataColumns(f), derived: derivedColumns(f), table: f.Name}
	if w.derived != nil {
		w.col = textvn.NewCollator()
	}
	var one int
	err := c.Tx.QueryRowContext(ctx, "SELECT 1 FROM "+f.Name+" LIMIT 1").Scan(&one)
	switch {
	case err == sql.ErrNoRows && !c.check:
		w.direct = true
	case err != nil && err != sql.ErrNoRows:
		return nil, err
	default:
		w.table = "stage_" + f.Name
		if _, err := c.exec(ctx, "CREATE TEMP TABLE "+w.table+" AS SELECT "+list("", w.stored())+
			" FROM "+f.Name+" WHERE 1 = 0"); err != nil {
			return nil, fmt.Errorf("create staging table: %w", err)
		}
	}
	return w, nil
}

// recordWriter bulk-inserts records: multi-row INSERT on SQLite, COPY on PostgreSQL.
type recordWriter struct {
	c    *Change
	f    *bundle.File
	cols []string
	// derived are the columns computed from the others (derivedColumns), by col.
	derived []string
	col     *textvn.Collator
	table   string
	direct  bool
	n       int
	args    []any
	stmts   map[int]*sql.Stmt
	// copyRows feeds the running COPY (PostgreSQL); copyDone gives its outcome.
	copyRows chan []*bundle.Record
	copyDone chan error
}

// stored are the columns a record fills: its data, then the derived columns.
func (w *recordWriter) stored() []string { return append(slices.Clip(w.cols), w.derived...) }

// insertColumns are the columns written: with the recording columns when direct.
func (w *recordWriter) insertColumns() []string {
	if w.direct {
		return append(w.stored(), "rec_from", "rec_cs")
	}
	return w.stored()
}

func (w *recordWriter) Write(ctx context.Context, batch []*bundle.Record) error {
	w.n += len(batch)
	if w.c.db.Dialect == Postgres {
		return w.copy(ctx, batch)
	}
	return w.insert(ctx, batch)
}

// maxRowsPerInsert keeps a multi-row INSERT under SQLite's variable limit.
func maxRowsPerInsert(ncols int) int { return min(500, 32000/ncols) }

func (w *recordWriter) insert(ctx context.Context, batch []*bundle.Record) error {
	cols := w.insertColumns()
	per := maxRowsPerInsert(len(cols))
	for len(batch) > 0 {
		n := min(per, len(batch))
		stmt, err := w.stmt(ctx, cols, n)
		if err != nil {
			return err
		}
		w.args = w.args[:0]
		for _, rec := range batch[:n] {
			w.args = derivedArgs(rec, w.col, recordArgs(rec, w.args, false))
			if w.direct {
				w.args = append(w.args, w.c.At, w.c.ID)
			}
		}
		if _, err := stmt.ExecContext(ctx, w.args...); err != nil {
			return fmt.Errorf("insert into %s: %w", w.table, err)
		}
		batch = batch[n:]
	}
	return nil
}

// stmt returns a prepared INSERT of n rows.
func (w *recordWriter) stmt(ctx context.Context, cols []string, n int) (*sql.Stmt, error) {
	if s, ok := w.stmts[n]; ok {
		return s, nil
	}
	row := "(" + strings.TrimSuffix(strings.Repeat("?, ", len(cols)), ", ") + ")"
	q := "INSERT INTO " + w.table + " (" + list("", cols) + ") VALUES " +
		strings.TrimSuffix(strings.Repeat(row+", ", n), ", ")
	s, err := w.c.Tx.PrepareContext(ctx, q)
	if err != nil {
		return nil, err
	}
	if w.stmts == nil {
		w.stmts = map[int]*sql.Stmt{}
	}
	w.stmts[n] = s
	return s, nil
}

// copy streams rows into one COPY that lasts as long as the file: it starts
// at the first batch and ends in Close, so a file costs one COPY (or one
// more for each lookup of held records made in between, see Change.held).
func (w *recordWriter) copy(ctx context.Context, batch []*bundle.Record) error {
	if w.copyRows == nil {
		w.copyRows = make(chan []*bundle.Record, 4)
		w.copyDone = make(chan error, 1)
		w.c.copying = w
		rows, done := w.copyRows, w.copyDone
		go func() { done <- w.runCopy(ctx, rows) }()
	}
	select {
	case w.copyRows <- batch:
		return nil
	case err := <-w.copyDone:
		w.copyRows, w.c.copying = nil, nil // the COPY failed early; Close must not wait for it
		return err
	}
}

// runCopy runs the COPY on the transaction's connection, pulling rows from rows.
func (w *recordWriter) runCopy(ctx context.Context, rows <-chan []*bundle.Record) error {
	var cur []*bundle.Record
	row := make([]any, 0, len(w.cols)+len(w.derived)+2)
	next := func() ([]any, error) {
		for len(cur) == 0 {
			b, ok := <-rows
			if !ok {
				return nil, nil
			}
			cur = b
		}
		rec := cur[0]
		cur = cur[1:]
		row = derivedArgs(rec, w.col, recordArgs(rec, row[:0], true))
		if w.direct {
			row = append(row, w.c.At, w.c.ID)
		}
		return row, nil
	}
	err := w.c.conn.Raw(func(dc any) error {
		_, err := dc.(*stdlib.Conn).Conn().CopyFrom(ctx, pgx.Identifier{w.table}, w.insertColumns(), pgx.CopyFromFunc(next))
		return err
	})
	for range rows { // drain, so that a sender never blocks after a failure
	}
	if err != nil {
		return fmt.Errorf("copy into %s: %w", w.table, err)
	}
	return nil
}

// finishCopy ends the COPY running, if any; the next batch starts another.
func (w *recordWriter) finishCopy() error {
	if w.copyRows == nil {
		return nil
	}
	close(w.copyRows)
	done := w.copyDone
	w.copyRows, w.copyDone, w.c.copying = nil, nil, nil
	return <-done
}

// Close merges staged records into the table and reports what changed.
func (w *recordWriter) Close(ctx context.Context) (bundle.Counts, error) {
	for _, s := range w.stmts {
		s.Close()
	}
	if err := w.finishCopy(); err != nil {
		return bundle.Counts{}, err
	}
	if w.direct {
		return bundle.Counts{Added: w.n}, nil
	}
	defer w.c.exec(ctx, "DROP TABLE "+w.table)
	if w.f.Versioned {
		return w.mergeVersions(ctx)
	}
	if w.c.check {
		return w.countKeyed(ctx)
	}
	return w.mergeKeyed(ctx)
}

// Terms implements bundle.TermTarget: the codes of the terms of office held
// now (a handful of rows).
func (c *Change) Terms(ctx context.Context, fn func(term string) error) error {
	if err := c.endCopy(); err != nil {
		return err
	}
	return queryEach(ctx, c.Tx, `SELECT DISTINCT term FROM terms WHERE rec_to IS NULL`, nil, func(r *sql.Rows) error {
		var t string
		if err := r.Scan(&t); err != nil {
			return err
		}
		return fn(t)
	})
}

// endCopy ends a COPY running, so that a lookup can run between two writes
// of a file (the next write starts another).
func (c *Change) endCopy() error {
	if w := c.copying; w != nil {
		return w.finishCopy()
	}
	return nil
}

// Held implements bundle.HeldTarget: the records of a file held now whose
// column col is one of vals, less those this change set wrote; with
// replaced, also those it replaced or retracted.
func (c *Change) Held(ctx context.Context, file, col string, vals, cols []string, replaced bool, fn func(row []string) error) error {
	f := bundle.FileByName(file)
	if f == nil || f.Index(col) < 0 || len(vals) == 0 {
		return fmt.Errorf("held: unknown file or column %s.%s", file, col)
	}
	sel := make([]string, len(cols))
	for i, name := range cols {
		if f.Index(name) < 0 {
			return fmt.Errorf("held: unknown column %s.%s", file, name)
		}
		sel[i] = "COALESCE(CAST(" + name + " AS TEXT), '')"
	}
	if w := c.copying; w != nil {
		if err := w.finishCopy(); err != nil {
			return err
		}
	}
	now := "rec_to IS NULL"
	args := []any{c.ID}
	if replaced {
		now = "(rec_to IS NULL OR end_cs = ?)"
		args = append(args, c.ID)
	}
	q := `SELECT ` + strings.Join(sel, ", ") + ` FROM ` + file + ` WHERE rec_cs <> ? AND ` + now + ` AND ` + col +
		` IN (` + placeholders(len(vals)) + `)`
	row := make([]string, len(cols))
	ptrs := make([]any, len(cols))
	for i := range row {
		ptrs[i] = &row[i]
	}
	return queryEach(ctx, c.Tx, c.db.rebind(q), append(args, anys(vals)...), func(r *sql.Rows) error {
		if err := r.Scan(ptrs...); err != nil {
			return err
		}
		return fn(row)
	})
}
