package sqldb

import (
	"context"
	"fmt"
	"maps"
	"strings"

	"github.com/tochuc/tochuc/internal/indicator"
)

// The records that entered and left an indicator between the comparison
// date and the date (indicator.Change): those counted at p.AsOf and not at
// p.Since, and the reverse, found in SQL by comparing the records of the two
// dates in one session (the Since date's query with its parameters renamed),
// a page of them read at a time.

// changeSQL returns the query of the changes of def (columns id, entered)
// and its parameters.
func changeSQL(s *session, q query) (string, map[string]any) {
	ds := s.dates(false)
	now, then := s.builder(ds[0]), s.builder(ds[1])
	params := now.args()
	for k, v := range then.params {
		params[k+"_then"] = v
	}
	params["part"], params["part_then"] = q.part, q.part
	items := func(b *qb) string {
		return fmt.Sprintf(`SELECT t.id AS id FROM (%s) t WHERE t.c%d <> 0`, q.f.items(b), q.col) + partFilter(q)
	}
	nowSQL, thenSQL := items(now), renameParams(items(then), "_then")
	return `WITH cn AS MATERIALIZED (` + nowSQL + `), ct AS MATERIALIZED (` + thenSQL + `)
	SELECT DISTINCT cn.id AS id, 1 AS entered FROM cn WHERE NOT EXISTS (SELECT 1 FROM ct WHERE ct.id = cn.id)
	UNION ALL
	SELECT DISTINCT ct.id AS id, 0 AS entered FROM ct WHERE NOT EXISTS (SELECT 1 FROM cn WHERE cn.id = ct.id)`, params
}

// partFilter keeps the records of the part asked (a units.<kind> indicator).
func partFilter(q query) string {
	if q.part == "" {
		return ""
	}
	return ` AND t.part = :part`
}

// renameParams adds suffix to the name of every :name parameter of a query
// (outside quotes and :: casts), as bind reads them.
func renameParams(q, suffix string) string {
	var b strings.Builder
	quoted := false
	for i := 0; i < len(q); i++ {
		c := q[i]
		b.WriteByte(c)
		if c == '\'' {
			quoted = !quoted
		}
		if quoted || c != ':' || i+1 >= len(q) || !isNameByte(q[i+1]) || (i > 0 && q[i-1] == ':') {
			continue
		}
		j := i + 1
		for j < len(q) && isNameByte(q[j]) {
			j++
		}
		b.WriteString(q[i+1:j] + suffix)
		i = j - 1
	}
	return b.String()
}

// changeSession opens a session for the changes of a stock indicator
// between p.Since and p.AsOf.
func (r *Reader) changeSession(ctx context.Context, p indicator.Params, def indicator.Def) (*session, query, error) {
	if p.Since == 0 || def.Flow {
		return nil, query{}, fmt.Errorf("changes of %s: a stock indicator and a comparison date are needed", def.ID)
	}
	return r.itemSession(ctx, p, def)
}

// EachChange implements indicator.Engine: the records that entered (first)
// then left, each by id in byte order, those of rg, with their names.
func (r *Reader) EachChange(ctx context.Context, p indicator.Params, def indicator.Def, rg indicator.Range, fn func(indicator.Change) error) error {
	s, q, err := r.changeSession(ctx, p, def)
	if err != nil {
		return err
	}
	defer s.close(ctx)
	changes, params := changeSQL(s, q)
	params = maps.Clone(params)
	b := s.builder(s.dates(false)[0])
	// a record that left is named as it was on the comparison date
	names := `LEFT JOIN ` + b.t("units") + ` n ON n.id = c.id AND ` + b.validOn("n", ":d") +
		` LEFT JOIN ` + b.t("units") + ` n0 ON n0.id = c.id AND ` + b.validOn("n0", ":d_then")
	nameCol := "CASE WHEN c.entered = 1 THEN n.name ELSE n0.name END"
	if def.Persons {
		names, nameCol = `LEFT JOIN `+b.t("people")+` n ON n.id = c.id AND `+b.rec("n"), "n.full_name"
	}
	id := "c.id"
	if s.db.Dialect == Postgres {
		id += ` COLLATE "C"`
	}
	sql := `SELECT c.id, COALESCE(` + nameCol + `, ''), c.entered FROM (` + changes + `) c ` + names +
		` ORDER BY c.entered DESC, ` + id
	if rg.Limit > 0 || rg.Offset > 0 {
		sql += ` LIMIT :lim OFFSET :off`
		params["lim"], params["off"] = int64(max(rg.Limit, 0)), int64(rg.Offset)
		if rg.Limit <= 0 {
			params["lim"] = int64(1 << 62)
		}
	}
	rows, err := s.query(ctx, sql, params)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var c indicator.Change
		var entered int
		if err := rows.Scan(&c.ID, &c.Name, &entered); err != nil {
			return err
		}
		c.Entered = entered != 0
		if err := fn(c); err != nil {
			return err
		}
	}
	return rows.Err()
}

// CountChanges implements indicator.Engine.
func (r *Reader) CountChanges(ctx context.Context, p indicator.Params, def indicator.Def) (indicator.ChangeCount, error) {
	var n indicator.ChangeCount
	s, q, err := r.changeSession(ctx, p, def)
	if err != nil {
		return n, err
	}
	defer s.close(ctx)
	changes, params := changeSQL(s, q)
	params = maps.Clone(params)
	rows, err := s.query(ctx, `SELECT CAST(COALESCE(SUM(c.entered), 0) AS BIGINT), CAST(COALESCE(SUM(1 - c.entered), 0) AS BIGINT) FROM (`+changes+`) c`, params)
	if err != nil {
		return n, err
	}
	defer rows.Close()
	if rows.Next() {
		if err := rows.Scan(&n.Entered, &n.Left); err != nil {
			return n, err
		}
	}
	return n, rows.Err()
}
