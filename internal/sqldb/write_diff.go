package sqldb

import (
	"context"
	"database/sql"
	"slices"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// Diff calls fn with every record the change set changed, file by file in
// the bundle's order, each in key order: the rows it recorded paired by key
// with the rows it ended (added, changed, ended), then the rows it ended
// that nothing replaced (retracted). It streams: nothing is held but a row.
func (c *Change) Diff(ctx context.Context, fn func(bundle.DiffRecord) error) error {
	if err := c.endCopy(); err != nil {
		return err
	}
	for _, f := range bundle.Files {
		key := f.Key
		if f.Versioned {
			key = []string{"id", "valid_from"}
		}
		w := &recordWriter{c: c, f: f}
		cols := dataColumns(f)
		on := w.keyMatch("o", "n", key) + " AND o.end_cs = ?"
		q := "SELECT " + list("n.", cols) + ", " + list("o.", cols) + ", o.rid IS NOT NULL FROM " + f.Name + " n LEFT JOIN " +
			f.Name + " o ON " + on + " WHERE n.rec_cs = ? ORDER BY " + prefixed("n", orderBy(c.db.Dialect, f), f)
		err := c.scanPairs(ctx, f, q, []any{c.ID, c.ID}, func(after, before []string) error {
			if slices.Equal(before, after) {
				return nil // a unit's version written again with the others of its unit
			}
			return fn(bundle.DiffRecord{File: f.Name, Kind: bundle.KindOf(f, before, after), Before: before, After: after})
		})
		if err != nil {
			return err
		}
		q = "SELECT " + list("o.", cols) + ", " + list("o.", cols) + ", 1 = 0 FROM " + f.Name + " o WHERE o.end_cs = ? AND NOT EXISTS (SELECT 1 FROM " +
			f.Name + " n WHERE n.rec_cs = ? AND " + w.keyMatch("o", "n", key) + ") ORDER BY " + prefixed("o", orderBy(c.db.Dialect, f), f)
		err = c.scanPairs(ctx, f, q, []any{c.ID, c.ID}, func(before, _ []string) error {
			return fn(bundle.DiffRecord{File: f.Name, Kind: bundle.DiffRetracted, Before: before})
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// prefixed qualifies the columns of an orderBy clause with an alias.
func prefixed(alias, order string, f *bundle.File) string {
	cols := dataColumns(f)
	out := []byte{}
	i := 0
	for i < len(order) {
		j := i
		for j < len(order) && (order[j] == '_' || order[j] >= 'a' && order[j] <= 'z') {
			j++
		}
		if j > i {
			w := order[i:j]
			for _, c := range cols {
				if c == w {
					w = alias + "." + w
					break
				}
			}
			out = append(out, w...)
			i = j
			continue
		}
		out = append(out, order[i])
		i++
	}
	return string(out)
}

// scanPairs runs a query selecting dataColumns(f) twice and a flag (whether
// the second set is there), and calls fn with both sets as cells (the
// second nil when absent). The slices are fresh for each row.
func (c *Change) scanPairs(ctx context.Context, f *bundle.File, q string, args []any, fn func(a, b []string) error) error {
	rows, err := c.Tx.QueryContext(ctx, c.db.rebind(q), args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	n := len(f.Columns)
	type set struct {
		vals  []sql.NullString
		dates []tochuc.Date
	}
	sets := [2]set{}
	var dest []any
	for k := range sets {
		sets[k] = set{vals: make([]sql.NullString, n), dates: make([]tochuc.Date, n)}
		for i, col := range f.Columns {
			if col.Type == bundle.Date {
				dest = append(dest, &sets[k].dates[i])
			} else {
				dest = append(dest, &sets[k].vals[i])
			}
		}
		var seq sql.NullInt64
		var extra sql.NullString
		if f.Sequenced {
			dest = append(dest, &seq)
		}
		dest = append(dest, &extra)
	}
	var has bool
	dest = append(dest, &has)
	for rows.Next() {
		for k := range sets {
			for i := range n {
				sets[k].dates[i] = 0
			}
		}
		if err := rows.Scan(dest...); err != nil {
			return err
		}
		cells := [2][]string{}
		for k := range sets {
			if k == 1 && !has {
				break
			}
			cells[k] = make([]string, n)
			for i, col := range f.Columns {
				if col.Type == bundle.Date {
					cells[k][i] = sets[k].dates[i].String()
				} else {
					cells[k][i] = sets[k].vals[i].String
				}
			}
		}
		if err := fn(cells[0], cells[1]); err != nil {
			return err
		}
	}
	return rows.Err()
}

// CheckGuard asks the change set's guard whether its maker may write what
// it holds so far, as Commit would, and keeps going (a diff).
func (c *Change) CheckGuard(ctx context.Context) error {
	if err := c.endCopy(); err != nil {
		return err
	}
	return c.guard.CheckChange(ctx, c)
}
