package sqldb

import (
	"context"
	"database/sql"

	"github.com/tochuc/tochuc/internal/textvn"
)

// backfillBatch is how many rows one transaction of a back-fill writes.
const backfillBatch = 2000

// backfill gives the rows of a table that lack a column computed in Go
// (missing: the condition, found through a partial index so that a table
// with none costs one index probe) their values: it reads the source column
// of a batch, sets what values returns, and goes on a batch a transaction
// until no row lacks it (an interrupted back-fill resumes at the next
// Migrate). It returns the number of rows written.
func (db *DB) backfill(ctx context.Context, table, source, missing, set string, values func(string) []any) (int, error) {
	total := 0
	for {
		n, err := db.backfillBatch(ctx, table, source, missing, set, values)
		total += n
		if err != nil || n < backfillBatch {
			return total, err
		}
	}
}

func (db *DB) backfillBatch(ctx context.Context, table, source, missing, set string, values func(string) []any) (int, error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return 0, err
	}
	defer tx.Rollback()
	type row struct {
		rid  int64
		text string
	}
	var rows []row
	err = queryEach(ctx, tx, db.rebind(`SELECT rid, `+source+` FROM `+table+` WHERE `+missing+` ORDER BY rid LIMIT ?`),
		[]any{backfillBatch}, func(r *sql.Rows) error {
			var x row
			err := r.Scan(&x.rid, &x.text)
			rows = append(rows, x)
			return err
		})
	if err != nil || len(rows) == 0 {
		return 0, err
	}
	stmt, err := tx.PrepareContext(ctx, db.rebind(`UPDATE `+table+` SET `+set+` WHERE rid = ?`))
	if err != nil {
		return 0, err
	}
	defer stmt.Close()
	for _, x := range rows {
		if _, err := stmt.ExecContext(ctx, append(values(x.text), x.rid)...); err != nil {
			return 0, err
		}
	}
	return len(rows), tx.Commit()
}

// backfillPeople gives the people rows written before migration 0010 their
// sort key and folded name, which the collator computes in Go (partial
// index people_unkeyed).
func (db *DB) backfillPeople(ctx context.Context) (int, error) {
	col := textvn.NewCollator()
	return db.backfill(ctx, "people", "full_name", "sort_key IS NULL", "sort_key = ?, folded = ?",
		func(name string) []any { return []any{col.Key(name), textvn.Fold(name)} })
}

// backfillUnits gives the units rows written before migration 0015 (or by a
// loader that does not compute it) the folded words of their name (partial
// index units_unfolded).
func (db *DB) backfillUnits(ctx context.Context) (int, error) {
	return db.backfill(ctx, "units", "name", "words IS NULL", "words = ?",
		func(name string) []any { return []any{unitWords(name)} })
}
