package sqldb

import (
	"context"
	"strings"

	"github.com/tochuc/tochuc/internal/bundle"
)

// sameRow is a NULL-safe comparison of every given column of aliases a and b.
func (w *recordWriter) sameRow(a, b string, cols []string) string {
	parts := make([]string, len(cols))
	for i, c := range cols {
		parts[i] = same(w.c.db.Dialect, a+"."+c, b+"."+c)
	}
	return strings.Join(parts, " AND ")
}

// keyMatch compares key columns: plain equality (which indexes serve) for
// required ones, NULL-safe for optional ones.
func (w *recordWriter) keyMatch(a, b string, key []string) string {
	parts := make([]string, len(key))
	for i, k := range key {
		if w.f.Columns[w.f.Index(k)].Required {
			parts[i] = a + "." + k + " = " + b + "." + k
		} else {
			parts[i] = same(w.c.db.Dialect, a+"."+k, b+"."+k)
		}
	}
	return strings.Join(parts, " AND ")
}

// indexStage indexes the staging table on the columns the merge looks up.
func (w *recordWriter) indexStage(ctx context.Context, key []string) error {
	_, err := w.c.exec(ctx, "CREATE INDEX "+w.table+"_key ON "+w.table+" ("+list("", key)+")")
	return err
}

// mergeKeyed supersedes held records whose key is staged with other values,
// then records the staged records that are not held as they are.
func (w *recordWriter) mergeKeyed(ctx context.Context) (bundle.Counts, error) {
	t, s, key := w.f.Name, w.table, w.f.Key
	if err := w.indexStage(ctx, key); err != nil {
		return bundle.Counts{}, err
	}
	res, err := w.c.exec(ctx, `UPDATE `+t+` SET rec_to = ?, end_cs = ? WHERE rid IN (
		SELECT `+t+`.rid FROM `+s+` JOIN `+t+` ON `+t+`.rec_to IS NULL AND `+w.keyMatch(s, t, key)+`
		WHERE NOT (`+w.sameRow(s, t, w.cols)+`))`, w.c.At, w.c.ID)
	if err != nil {
		return bundle.Counts{}, err
	}
	superseded, _ := res.RowsAffected()
	res, err = w.c.exec(ctx, `INSERT INTO `+t+` (`+list("", w.stored())+`, rec_from, rec_cs)
		SELECT `+list(s+".", w.stored())+`, ?, ? FROM `+s+` WHERE NOT EXISTS (
		SELECT 1 FROM `+t+` WHERE `+t+`.rec_to IS NULL AND `+w.keyMatch(s, t, key)+`)`, w.c.At, w.c.ID)
	if err != nil {
		return bundle.Counts{}, err
	}
	added, _ := res.RowsAffected()
	return bundle.Counts{Added: int(added), Superseded: int(superseded)}, nil
}

// mergeVersions replaces the versions of every staged unit whose set of
// versions differs from the held one.
func (w *recordWriter) mergeVersions(ctx context.Context) (bundle.Counts, error) {
	t, s := w.f.Name, w.table
	vkey := []string{"id", "valid_from"}
	if err := w.indexStage(ctx, vkey); err != nil {
		return bundle.Counts{}, err
	}
	changed := "changed_" + t
	// A unit changed when a staged version is not held as it is, or a held version is not staged as it is.
	if _, err := w.c.exec(ctx, `CREATE TEMP TABLE `+changed+` AS
		SELECT DISTINCT `+s+`.id FROM `+s+` WHERE NOT EXISTS (
			SELECT 1 FROM `+t+` WHERE `+t+`.rec_to IS NULL AND `+w.keyMatch(s, t, vkey)+` AND `+w.sameRow(s, t, w.cols)+`)
		UNION
		SELECT DISTINCT `+t+`.id FROM `+t+` JOIN (SELECT DISTINCT id FROM `+s+`) ids ON ids.id = `+t+`.id
		WHERE `+t+`.rec_to IS NULL AND NOT EXISTS (
			SELECT 1 FROM `+s+` WHERE `+w.keyMatch(s, t, vkey)+` AND `+w.sameRow(s, t, w.cols)+`)`); err != nil {
		return bundle.Counts{}, err
	}
	defer w.c.exec(ctx, "DROP TABLE "+changed)
	if w.c.check { // a check: count, keep nothing
		var n, held int
		if err := w.c.Tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM `+s+` WHERE id IN (SELECT id FROM `+changed+`)`).Scan(&n); err != nil {
			return bundle.Counts{}, err
		}
		if err := w.c.Tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM `+t+` WHERE rec_to IS NULL AND id IN (SELECT id FROM `+changed+`)`).Scan(&held); err != nil {
			return bundle.Counts{}, err
		}
		return bundle.Counts{Added: n, Superseded: held}, nil
	}
	res, err := w.c.exec(ctx, `UPDATE `+t+` SET rec_to = ?, end_cs = ? WHERE rec_to IS NULL AND id IN (SELECT id FROM `+changed+`)`,
		w.c.At, w.c.ID)
	if err != nil {
		return bundle.Counts{}, err
	}
	superseded, _ := res.RowsAffected()
	res, err = w.c.exec(ctx, `INSERT INTO `+t+` (`+list("", w.stored())+`, rec_from, rec_cs)
		SELECT `+list("", w.stored())+`, ?, ? FROM `+s+` WHERE id IN (SELECT id FROM `+changed+`)`, w.c.At, w.c.ID)
	if err != nil {
		return bundle.Counts{}, err
	}
	added, _ := res.RowsAffected()
	return bundle.Counts{Added: int(added), Superseded: int(superseded)}, nil
}

// countKeyed tells what mergeKeyed would do, and does nothing: a check.
func (w *recordWriter) countKeyed(ctx context.Context) (bundle.Counts, error) {
	t, s, key := w.f.Name, w.table, w.f.Key
	if err := w.indexStage(ctx, key); err != nil {
		return bundle.Counts{}, err
	}
	var c bundle.Counts
	err := w.c.Tx.QueryRowContext(ctx, w.c.db.rebind(`SELECT COUNT(*) FROM `+s+` JOIN `+t+` ON `+t+`.rec_to IS NULL AND `+
		w.keyMatch(s, t, key)+` WHERE NOT (`+w.sameRow(s, t, w.cols)+`)`)).Scan(&c.Superseded)
	if err == nil {
		err = w.c.Tx.QueryRowContext(ctx, w.c.db.rebind(`SELECT COUNT(*) FROM `+s+` WHERE NOT EXISTS (
			SELECT 1 FROM `+t+` WHERE `+t+`.rec_to IS NULL AND `+w.keyMatch(s, t, key)+` AND `+w.sameRow(s, t, w.cols)+`)`)).Scan(&c.Added)
	}
	return c, err
}
