package sqldb

import (
	"context"
	"database/sql"

	"github.com/tochuc/tochuc/internal/textvn"
)

// backfillBatch is how many people rows one transaction of the back-fill keys.
const backfillBatch = 2000

// backfillPeople gives the people rows written before migration 0010 their
// sort key and folded name, which the collator computes in Go. It runs after
// the migrations, a batch a transaction, until no row lacks its key (an
// interrupted back-fill resumes at the next Migrate); a row without a key is
// found through the partial index people_unkeyed, so that a database with
// none costs one index probe. It returns the number of rows keyed.
func (db *DB) backfillPeople(ctx context.Context) (int, error) {
	col := textvn.NewCollator()
	total := 0
	for {
		n, err := db.backfillPeopleBatch(ctx, col)
		total += n
		if err != nil || n < backfillBatch {
			return total, err
		}
	}
}

func (db *DB) backfillPeopleBatch(ctx context.Context, col *textvn.Collator) (int, error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return 0, err
	}
	defer tx.Rollback()
	type row struct {
		rid  int64
		name string
	}
	var rows []row
	err = queryEach(ctx, tx, db.rebind(`SELECT rid, full_name FROM people WHERE sort_key IS NULL ORDER BY rid LIMIT ?`),
		[]any{backfillBatch}, func(r *sql.Rows) error {
			var x row
			err := r.Scan(&x.rid, &x.name)
			rows = append(rows, x)
			return err
		})
	if err != nil || len(rows) == 0 {
		return 0, err
	}
	stmt, err := tx.PrepareContext(ctx, db.rebind(`UPDATE people SET sort_key = ?, folded = ? WHERE rid = ?`))
	if err != nil {
		return 0, err
	}
	defer stmt.Close()
	for _, x := range rows {
		if _, err := stmt.ExecContext(ctx, col.Key(x.name), textvn.Fold(x.name), x.rid); err != nil {
			return 0, err
		}
	}
	return len(rows), tx.Commit()
}

// backfillUnits gives the units rows written before migration 0015 (or by a
// loader that does not compute it) the folded words of their name, a batch
// a transaction, through the partial index units_unfolded.
func (db *DB) backfillUnits(ctx context.Context) (int, error) {
	total := 0
	for {
		n, err := db.backfillUnitsBatch(ctx)
		total += n
		if err != nil || n < backfillBatch {
			return total, err
		}
	}
}

func (db *DB) backfillUnitsBatch(ctx context.Context) (int, error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return 0, err
	}
	defer tx.Rollback()
	type row struct {
		rid  int64
		name string
	}
	var rows []row
	err = queryEach(ctx, tx, db.rebind(`SELECT rid, name FROM units WHERE words IS NULL ORDER BY rid LIMIT ?`),
		[]any{backfillBatch}, func(r *sql.Rows) error {
			var x row
			err := r.Scan(&x.rid, &x.name)
			rows = append(rows, x)
			return err
		})
	if err != nil || len(rows) == 0 {
		return 0, err
	}
	stmt, err := tx.PrepareContext(ctx, db.rebind(`UPDATE units SET words = ? WHERE rid = ?`))
	if err != nil {
		return 0, err
	}
	defer stmt.Close()
	for _, x := range rows {
		if _, err := stmt.ExecContext(ctx, unitWords(x.name), x.rid); err != nil {
			return 0, err
		}
	}
	return len(rows), tx.Commit()
}
