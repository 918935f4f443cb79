package sqldb

import (
	"context"
	"strconv"
	"strings"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// asOfCondition returns, for each bundle file, the condition selecting its
// records that hold (or have happened) on the date bound to every "?":
// periods that contain it, events and documents dated on or before it,
// qualifications obtained by then, the latest headcount figure of each unit.
func asOfCondition(f *bundle.File, rec Recorded) (cond string, nargs int) {
	switch f.Name {
	case "units", "assignments":
		return validAt, 2
	case "plans":
		return `added_on <= ? AND (removed_on IS NULL OR removed_on > ?)`, 2
	case "qualifications":
		return `(obtained_on IS NULL OR obtained_on <= ?)`, 1
	case "party", "restructure":
		return `date <= ?`, 1
	case "documents":
		return `issued_on <= ?`, 1
	case "people":
		return `(birth_date IS NULL OR birth_date <= ?)`, 1
	case "evaluations":
		return `(decided_on IS NULL OR decided_on <= ?)`, 1
	case "headcount":
		return `date = (SELECT MAX(h2.date) FROM headcount h2 WHERE h2.unit_id = headcount.unit_id AND h2.date <= ? AND ` +
			rec.where("h2") + `)`, 1
	}
	return "1 = 1", 0
}

// RecordsAsOf calls fn with the cells of every record of a file that holds on
// d, whose columns equal the values in match, in the export order. Evaluations
// of a later year than d's are left out.
func (r *Reader) RecordsAsOf(ctx context.Context, f *bundle.File, d tochuc.Date, match map[string]string, fn func(cells []string) error) error {
	cond, n := asOfCondition(f, r.rec)
	args := make([]any, 0, n+len(match))
	for range n {
		args = append(args, d)
	}
	q := "SELECT " + list("", dataColumns(f)) + " FROM " + f.Name + " WHERE " + r.rec.where("") + " AND " + cond
	if f.Name == "evaluations" {
		q += " AND year <= " + strconv.Itoa(d.Time().Year())
	}
	for _, k := range sortedKeys(keysOf(match)) {
		if f.Index(k) < 0 {
			return tochuc.Errorf(tochuc.EInvalid, "tệp %s không có cột %q", f.Name, k)
		}
		q += " AND " + k + " = ?"
		args = append(args, match[k])
	}
	q += " ORDER BY " + orderBy(r.db.Dialect, f)
	return r.scanCells(ctx, f, q, args, func(cells []string, _ map[string]string) error { return fn(cells) })
}

func keysOf(m map[string]string) map[string]bool {
	out := make(map[string]bool, len(m))
	for k := range m {
		out[k] = true
	}
	return out
}

// keyWhere is the condition and arguments that select the held record of a
// keyed file with the given key (an empty key column: NULL).
func (r *Reader) keyWhere(f *bundle.File, key map[string]string) ([]string, []any, error) {
	conds, args := []string{r.rec.where("")}, []any{}
	for _, k := range f.Key {
		v := key[k]
		if v == "" {
			conds = append(conds, k+" IS NULL")
			continue
		}
		conds = append(conds, k+" = ?")
		if f.Columns[f.Index(k)].Type == bundle.Date {
			d, err := tochuc.ParseDate(v)
			if err != nil {
				return nil, nil, tochuc.Errorf(tochuc.EInvalid, "khóa %s: %v", k, err)
			}
			args = append(args, d)
		} else {
			args = append(args, v)
		}
	}
	return conds, args, nil
}

// Record returns the cells of the held record of a keyed file with the given key.
func (r *Reader) Record(ctx context.Context, f *bundle.File, key map[string]string) ([]string, error) {
	conds, args, err := r.keyWhere(f, key)
	if err != nil {
		return nil, err
	}
	var out []string
	err = r.scanCells(ctx, f, "SELECT "+list("", dataColumns(f))+" FROM "+f.Name+" WHERE "+strings.Join(conds, " AND "), args,
		func(cells []string, _ map[string]string) error {
			out = append([]string{}, cells...)
			return nil
		})
	if err == nil && out == nil {
		err = tochuc.Errorf(tochuc.ENotFound, "không tìm thấy bản ghi %s %v", f.Name, key)
	}
	return out, err
}

// Stamp returns the version of a held record: the change set that recorded
// its held state (for a unit, the latest of its versions), or 0 when no such
// record is held. Any change to the record gives it a new stamp.
func (r *Reader) Stamp(ctx context.Context, f *bundle.File, key map[string]string) (int64, error) {
	conds, args, err := r.keyWhere(f, key)
	if err != nil {
		return 0, err
	}
	var stamp int64
	err = r.q.QueryRowContext(ctx, r.db.rebind("SELECT COALESCE(MAX(rec_cs), 0) FROM "+f.Name+" WHERE "+strings.Join(conds, " AND ")),
		args...).Scan(&stamp)
	return stamp, err
}
