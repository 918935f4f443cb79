package sqldb

import (
	"context"
	"database/sql"
	"strings"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// orderBy is the export order of a file: its key, and for events their row
// order. Text sorts by its bytes and an empty value first on both engines,
// so that both write the same records in the same order.
func orderBy(d Dialect, f *bundle.File) string {
	var cols []string
	switch {
	case f.Versioned:
		cols = []string{"id", "valid_from"}
	case f.Sequenced:
		cols = []string{"person_id", "date", "seq"}
	default:
		cols = f.Key
	}
	parts := make([]string, len(cols))
	for i, c := range cols {
		parts[i] = c
		if j := f.Index(c); j >= 0 && f.Columns[j].Type == bundle.Text {
			parts[i] = "COALESCE(" + c + ", '')"
			if d == Postgres {
				parts[i] += ` COLLATE "C"`
			}
		} else if j >= 0 && !f.Columns[j].Required {
			parts[i] = "(" + c + " IS NOT NULL), " + c
		}
	}
	return strings.Join(parts, ", ")
}

// ExtraColumns returns the x_ columns used by a file's records, sorted.
func (r *Reader) ExtraColumns(ctx context.Context, f *bundle.File) ([]string, error) {
	rows, err := r.q.QueryContext(ctx, "SELECT DISTINCT extra FROM "+f.Name+" WHERE extra IS NOT NULL AND "+r.rec.where(""))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	keys := map[string]bool{}
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		for k := range parseExtra(s) {
			keys[k] = true
		}
	}
	return sortedKeys(keys), rows.Err()
}

// Records calls fn with the cells of every record of a file, in key order.
func (r *Reader) Records(ctx context.Context, f *bundle.File, fn func(cells []string, extra map[string]string) error) error {
	q := "SELECT " + list("", dataColumns(f)) + " FROM " + f.Name + " WHERE " + r.rec.where("") + r.sinceWhere() +
		" ORDER BY " + orderBy(r.db.Dialect, f)
	return r.scanCells(ctx, f, q, nil, fn)
}

// scanCells runs a query selecting dataColumns(f) and calls fn with each row as cells.
func (r *Reader) scanCells(ctx context.Context, f *bundle.File, q string, args []any, fn func(cells []string, extra map[string]string) error) error {
	rows, err := r.q.QueryContext(ctx, r.db.rebind(q), args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	n := len(f.Columns)
	vals := make([]sql.NullString, n)
	dates := make([]tochuc.Date, n)
	var seq sql.NullInt64
	var extra sql.NullString
	dest := make([]any, 0, n+2)
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
	dest = append(dest, &extra)
	cells := make([]string, n)
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			return err
		}
		for i, c := range f.Columns {
			if c.Type == bundle.Date {
				cells[i] = dates[i].String()
			} else {
				cells[i] = vals[i].String
			}
		}
		if err := fn(cells, parseExtra(extra.String)); err != nil {
			return err
		}
	}
	return rows.Err()
}

// Holds reports whether some record of a file held has a value in a column.
func (r *Reader) Holds(ctx context.Context, f *bundle.File, column string) (bool, error) {
	if f.Index(column) < 0 {
		return false, nil
	}
	var n int
	other := ""
	if c := f.Columns[f.Index(column)]; c.Default != "" {
		other = " AND " + column + " <> " + quoted([]string{c.Default}) // a default is the cell left empty
	}
	err := r.q.QueryRowContext(ctx, "SELECT COUNT(*) FROM (SELECT 1 FROM "+f.Name+" WHERE "+column+" IS NOT NULL"+other+" AND "+
		r.rec.where("")+" LIMIT 1) x").Scan(&n)
	return n > 0, err
}
