package sqldb

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"

	"github.com/tochuc/tochuc/internal/tochuc"
)

const unitColumns = `id, name, kind, COALESCE(parent_id, ''), COALESCE(locality_id, ''), COALESCE(host_id, ''),
	COALESCE(subtype, ''), COALESCE(sector, ''), COALESCE(ownership, ''), COALESCE(admin_code, ''), valid_from, valid_to`

func scanUnit(r interface{ Scan(...any) error }) (tochuc.Unit, error) {
	var u tochuc.Unit
	err := r.Scan(&u.ID, &u.Name, &u.Kind, &u.ParentID, &u.LocalityID, &u.HostID, &u.Subtype, &u.Sector,
		&u.Ownership, &u.AdminCode, &u.From, &u.To)
	return u, err
}

// validAt is the condition "the row's period holds on the date given as the next argument".
const validAt = `valid_from <= ? AND (valid_to IS NULL OR valid_to > ?)`

// UnitFilter narrows a unit query.
type UnitFilter = tochuc.UnitFilter

// UnitsAsOf returns the units existing on d (each in its version valid then), ordered by id.
func (r *Reader) UnitsAsOf(ctx context.Context, d tochuc.Date, f UnitFilter) ([]tochuc.Unit, error) {
	q := `SELECT ` + unitColumns + ` FROM units WHERE ` + r.rec.where("") + ` AND ` + validAt
	args := []any{d, d}
	if f.Kind != "" {
		q += ` AND kind = ?`
		args = append(args, f.Kind)
	}
	if f.Roots {
		q += ` AND parent_id IS NULL`
	}
	for col, v := range map[string]string{"parent_id": f.ParentID, "locality_id": f.LocalityID, "host_id": f.HostID} {
		if v != "" {
			q += ` AND ` + col + ` = ?`
			args = append(args, v)
		}
	}
	return r.units(ctx, q+` ORDER BY id`, args...)
}

// Unit returns the version of a unit valid on d.
func (r *Reader) Unit(ctx context.Context, id string, d tochuc.Date) (tochuc.Unit, error) {
	us, err := r.units(ctx, `SELECT `+unitColumns+` FROM units WHERE `+r.rec.where("")+` AND id = ? AND `+validAt, id, d, d)
	if err != nil {
		return tochuc.Unit{}, err
	}
	if len(us) == 0 {
		return tochuc.Unit{}, tochuc.Errorf(tochuc.ENotFound, "không có đơn vị '%s' vào ngày %s", id, d.Vietnamese())
	}
	return us[0], nil
}

// UnitVersions returns all versions of a unit, oldest first.
func (r *Reader) UnitVersions(ctx context.Context, id string) ([]tochuc.Unit, error) {
	us, err := r.units(ctx, `SELECT `+unitColumns+` FROM units WHERE `+r.rec.where("")+` AND id = ? ORDER BY valid_from`, id)
	if err == nil && len(us) == 0 {
		err = tochuc.Errorf(tochuc.ENotFound, "không có đơn vị '%s'", id)
	}
	return us, err
}

func (r *Reader) units(ctx context.Context, q string, args ...any) ([]tochuc.Unit, error) {
	rows, err := r.q.QueryContext(ctx, r.db.rebind(q), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []tochuc.Unit
	for rows.Next() {
		u, err := scanUnit(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

// CountUnitsByKind returns, for each kind, the units existing on d inside the
// scope (all units when scope is ""). A unit is inside the scope when it is the
// scope unit or reaches it through parent_id or locality_id links as they stand on d.
func (r *Reader) CountUnitsByKind(ctx context.Context, d tochuc.Date, roots []string) (map[string]int, error) {
	q := `SELECT kind, COUNT(*) FROM units WHERE ` + r.rec.where("") + ` AND ` + validAt
	args := []any{d, d}
	if roots != nil {
		cte, cargs := r.rootsCTE(roots, d)
		q = cte + q + ` AND id IN (SELECT id FROM scoped)`
		args = append(cargs, d, d)
	}
	rows, err := r.q.QueryContext(ctx, r.db.rebind(q+` GROUP BY kind`), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var k string
		var n int
		if err := rows.Scan(&k, &n); err != nil {
			return nil, err
		}
		out[k] = n
	}
	return out, rows.Err()
}

// rootsCTE defines "scoped(id)" for a scope made of several roots on d.
func (r *Reader) rootsCTE(roots []string, d tochuc.Date) (string, []any) {
	if len(roots) == 0 {
		roots = []string{""} // no unit has an empty id: an empty scope
	}
	defs, args := r.scopeDefs("scoped", roots, d)
	return `WITH RECURSIVE ` + defs + ` `, args
}

// scopeDefs defines name(id), to follow WITH RECURSIVE: the roots and every
// unit reaching one of them through parent_id or locality_id links as they
// stand on d; it returns the arguments its placeholders take. The recursion
// steps down one indexed equality at a time (a unit's children, then the
// units located in it), so it reads the units of the scope only.
func (r *Reader) scopeDefs(name string, roots []string, d tochuc.Date) (string, []any) {
	cur := r.rec.where("u")
	var seed []string
	var args []any
	for _, id := range roots {
		seed = append(seed, `SELECT CAST(? AS TEXT)`)
		args = append(args, id)
	}
	if len(seed) == 0 {
		seed = []string{`SELECT CAST(NULL AS TEXT) WHERE 1 = 0`}
	}
	valid := cur + ` AND u.valid_from <= ? AND (u.valid_to IS NULL OR u.valid_to > ?)`
	// SQLite: two recursive terms, each a join on one indexed column.
	rec := `SELECT u.id FROM ` + name + ` s JOIN units u ON u.parent_id = s.id AND ` + valid + ` UNION ` +
		`SELECT u.id FROM ` + name + ` s JOIN units u ON u.locality_id = s.id AND ` + valid
	if r.db.Dialect == Postgres { // one recursive term: both steps in a lateral subquery
		rec = `SELECT x.id FROM ` + name + ` s CROSS JOIN LATERAL (SELECT u.id FROM units u WHERE u.parent_id = s.id AND ` + valid +
			` UNION ALL SELECT u.id FROM units u WHERE u.locality_id = s.id AND ` + valid + `) x`
	}
	return name + `(id) AS (` + strings.Join(seed, ` UNION `) + ` UNION ` + rec + `)`, append(args, d, d, d, d)
}

// History returns every row ever recorded for a record of a file, whose key
// columns equal the values given, with its recording period and authors.
func (db *DB) History(ctx context.Context, table string, match map[string]string) ([]HistoryRow, error) {
	var conds []string
	var args []any
	for k, v := range match {
		conds = append(conds, "t."+k+" = ?")
		args = append(args, v)
	}
	if len(conds) == 0 {
		return nil, fmt.Errorf("history needs a key")
	}
	q := `SELECT t.*, cs.recorded_by, COALESCE(ce.recorded_by, ''), cs.source FROM ` + table + ` t
		JOIN changesets cs ON cs.id = t.rec_cs LEFT JOIN changesets ce ON ce.id = t.end_cs
		WHERE ` + strings.Join(conds, " AND ") + ` ORDER BY t.rec_from, t.rid`
	rows, err := db.QueryContext(ctx, db.rebind(q), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var out []HistoryRow
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return nil, err
		}
		h := HistoryRow{Values: map[string]string{}}
		for i, c := range cols[:len(cols)-3] {
			h.Values[c] = cellString(vals[i])
		}
		h.Columns = cols[:len(cols)-3]
		h.RecordedBy, h.SupersededBy, h.Source = cellString(vals[len(cols)-3]), cellString(vals[len(cols)-2]), cellString(vals[len(cols)-1])
		out = append(out, h)
	}
	return out, rows.Err()
}

// HistoryRow is one recorded state of a record.
type HistoryRow struct {
	Columns      []string
	Values       map[string]string
	RecordedBy   string
	SupersededBy string
	Source       string
}

func cellString(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case []byte:
		return string(x)
	case string:
		return x
	case sql.RawBytes:
		return string(x)
	}
	if t, ok := v.(interface{ Format(string) string }); ok {
		return t.Format("2006-01-02")
	}
	return fmt.Sprint(v)
}

// ChildCounts returns how many units sit directly under each of the given
// units on d (units without children are left out). It reads the children
// of those units only.
func (r *Reader) ChildCounts(ctx context.Context, d tochuc.Date, ids []string) (map[string]int, error) {
	out := map[string]int{}
	for batch := range slices.Chunk(uniqueIDs(ids), 500) {
		err := r.each(ctx, `SELECT parent_id, COUNT(*) FROM units WHERE `+r.rec.where("")+` AND parent_id IN (`+placeholders(len(batch))+`)
			AND `+validAt+` GROUP BY parent_id`, append(anys(batch), d, d), func(s scanner) error {
			var id string
			var n int
			err := s.Scan(&id, &n)
			out[id] = n
			return err
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// UnitNames returns the names of units as they stand on d (or, for units not
// existing then, their last name), for labelling references.
func (r *Reader) UnitNames(ctx context.Context, ids []string, d tochuc.Date) (map[string]string, error) {
	out, best := map[string]string{}, map[string]nameAt{}
	for batch := range slices.Chunk(uniqueIDs(ids), 500) {
		// Each unit's version on d first, else its latest.
		err := r.each(ctx, `SELECT id, name, CASE WHEN `+validAt+` THEN 1 ELSE 0 END, valid_from FROM units WHERE `+r.rec.where("")+
			` AND id IN (`+placeholders(len(batch))+`)`, append([]any{d, d}, anys(batch)...), func(s scanner) error {
			var id, name string
			var on int
			var from tochuc.Date
			if err := s.Scan(&id, &name, &on, &from); err != nil {
				return err
			}
			if cur, ok := best[id]; !ok || on > cur.on || on == cur.on && from > cur.from {
				best[id] = nameAt{on, from}
				out[id] = name
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// nameAt ranks the versions of a unit for UnitNames.
type nameAt struct {
	on   int
	from tochuc.Date
}
