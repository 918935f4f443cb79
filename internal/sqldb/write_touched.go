package sqldb

import (
	"context"
	"errors"
	"strings"

	"github.com/tochuc/tochuc/internal/bundle"
)

// Touched calls fn with every row the change set has added (added true) or
// ended (superseded or retracted), cells aligned to f.Columns, file by file.
// A row ended and added again unchanged (a unit's other versions, rewritten
// with the one that changed) is neither.
func (c *Change) Touched(ctx context.Context, fn func(f *bundle.File, cells []string, added bool) error) error {
	return c.Reader(false).ChangeSetRows(ctx, c.ID, fn)
}

// ChangeSetRows calls fn with every row a change set added (added true) or
// ended, as Change.Touched does, stopping early when fn returns ErrStop.
func (r *Reader) ChangeSetRows(ctx context.Context, cs int64, fn func(f *bundle.File, cells []string, added bool) error) error {
	for _, f := range bundle.Files {
		cols := dataColumns(f)
		sameCols := make([]string, len(cols))
		for i, col := range cols {
			sameCols[i] = same(r.db.Dialect, "o."+col, "t."+col)
		}
		twin := strings.Join(sameCols, " AND ")
		for _, added := range []bool{true, false} {
			mine, other := "t.rec_cs = ?", "o.end_cs = ?"
			if !added {
				mine, other = "t.end_cs = ?", "o.rec_cs = ? AND o.rec_to IS NULL"
			}
			q := "SELECT " + list("t.", cols) + " FROM " + f.Name + " t WHERE " + mine +
				" AND NOT EXISTS (SELECT 1 FROM " + f.Name + " o WHERE " + other + " AND " + twin + ")"
			err := r.scanCells(ctx, f, q, []any{cs, cs}, func(cells []string, _ map[string]string) error {
				return fn(f, cells, added)
			})
			if err == ErrStop {
				return nil
			}
			if err != nil {
				return err
			}
		}
	}
	return nil
}

// ErrStop stops an iteration early without error.
var ErrStop = errors.New("stop")
