package sqldb

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// ChangedSince returns a reader whose Records keep to the records recorded
// after since (rec_from > since): the records of an incremental package.
// Everything else it reads (units for a scope, places) is whole.
func (r *Reader) ChangedSince(since Recorded) *Reader {
	c := *r
	c.since = since.At
	return &c
}

// sinceWhere is the condition of ChangedSince, or "".
func (r *Reader) sinceWhere() string {
	if r.since == 0 {
		return ""
	}
	return fmt.Sprintf(" AND rec_from > %d", r.since)
}

// Retracted calls fn with the cells of every record of a keyed file held at
// since whose key is no longer held by the reader's registry (retracted, or
// replaced by a record of another key), with when it stopped being held:
// what an incremental package from since must retract. Versioned files
// (units) have none: a package carries every version of a unit it names.
func (r *Reader) Retracted(ctx context.Context, f *bundle.File, since Recorded, fn func(cells []string, at time.Time) error) error {
	if f.Versioned || since.At == 0 {
		return nil
	}
	w := &recordWriter{c: &Change{db: r.db}, f: f}
	cur := r.rec.where("n")
	gone := "o.rec_to IS NOT NULL"
	if r.rec.At != 0 {
		gone = fmt.Sprintf("o.rec_to IS NOT NULL AND o.rec_to <= %d", r.rec.At)
	}
	q := fmt.Sprintf("SELECT %s, o.rec_to FROM %s o WHERE o.rec_from <= %d AND %s AND o.rec_to > %d AND NOT EXISTS (SELECT 1 FROM %s n WHERE %s AND %s) ORDER BY %s",
		list("o.", dataColumns(f)), f.Name, since.At, gone, since.At, f.Name, cur, w.keyMatch("o", "n", f.Key), prefixed("o", orderBy(r.db.Dialect, f), f))
	rows, err := r.q.QueryContext(ctx, q)
	if err != nil {
		return err
	}
	defer rows.Close()
	return scanWithTime(rows, f, fn)
}

// scanWithTime scans rows of dataColumns(f) then a recording time, calling
// fn with the cells and the time.
func scanWithTime(rows *sql.Rows, f *bundle.File, fn func(cells []string, at time.Time) error) error {
	n := len(f.Columns)
	vals := make([]sql.NullString, n)
	dates := make([]tochuc.Date, n)
	var seq sql.NullInt64
	var extra sql.NullString
	var at int64
	dest := make([]any, 0, n+3)
	for i, c := range f.Columns {
		if c.Type == bundle.Date {
			dest = append(dest, &dates[i])
		} else {
			dest = append(dest, &vals[i])
		}
	}
	if f.Sequenced {
		dest = append(dest, &seq)
	}
	dest = append(dest, &extra, &at)
	for rows.Next() {
		clear(dates)
		if err := rows.Scan(dest...); err != nil {
			return err
		}
		cells := make([]string, n)
		for i, c := range f.Columns {
			if c.Type == bundle.Date {
				cells[i] = dates[i].String()
			} else {
				cells[i] = vals[i].String
			}
		}
		if err := fn(cells, time.UnixMicro(at).UTC()); err != nil {
			return err
		}
	}
	return rows.Err()
}
