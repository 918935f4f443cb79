package sqldb

import (
	"context"
	"fmt"
	"strings"

	"github.com/tochuc/tochuc/internal/indicator"
)

// The records behind an indicator (its drill-down, --explain) are read in
// SQL in their order — by part in the order of the indicator's parts, then
// by id in byte order (people have no stored sort key yet: the person's id
// is the stable key) — and streamed to the caller, a page of them with
// LIMIT/OFFSET, so that neither side holds them all.

// EachItem implements indicator.Engine.
func (r *Reader) EachItem(ctx context.Context, p indicator.Params, def indicator.Def, rg indicator.Range, fn func(indicator.Item) error) error {
	s, q, err := r.itemSession(ctx, p, def)
	if err != nil {
		return err
	}
	defer s.close(ctx)
	b := s.builder(s.dates(q.f.flow)[0])
	names := `LEFT JOIN ` + b.t("units") + ` n ON n.id = t.id AND ` + b.valid("n")
	nameCol, nameKey := "n.name", "n.name"
	if def.Persons {
		names, nameCol, nameKey = `LEFT JOIN `+b.t("people")+` n ON n.id = t.id AND `+b.rec("n"), "n.full_name", "n.sort_key"
	}
	// The records, a page of them sorted and cut before their names are
	// looked up (a page reads 50 names, not one per record).
	order := itemOrder(s.db.Dialect, def, q.part)
	recs := fmt.Sprintf(`SELECT t.id AS id, t.part AS part, t.c%d AS c, t.amount AS amount FROM (%s) t`, q.col, q.f.items(b))
	if q.part != "" {
		recs += ` WHERE t.part = :part`
	}
	params := b.args("part", q.part)
	if rg.Limit > 0 || rg.Offset > 0 {
		limit := int64(rg.Limit)
		if limit <= 0 {
			limit = 1 << 62
		}
		recs += ` ORDER BY ` + order + ` LIMIT :lim OFFSET :off`
		params["lim"], params["off"] = limit, int64(rg.Offset)
	}
	sql := fmt.Sprintf(`SELECT t.id, COALESCE(%s, ''), t.part, t.c, t.amount FROM (%s) t %s ORDER BY %s`, nameCol, recs, names, order)
	if rg.Order != "" {
		// sorted by a column of the names or the mark: the page is cut after the names are joined
		key := map[string]string{indicator.OrderName: nameKey, indicator.OrderCounted: "t.c DESC"}[rg.Order]
		if key == "" {
			return fmt.Errorf("records of %s: no order %q", def.ID, rg.Order)
		}
		recs = fmt.Sprintf(`SELECT t.id AS id, t.part AS part, t.c%d AS c, t.amount AS amount FROM (%s) t`, q.col, q.f.items(b))
		if q.part != "" {
			recs += ` WHERE t.part = :part`
		}
		sql = fmt.Sprintf(`SELECT t.id, COALESCE(%s, ''), t.part, t.c, t.amount FROM (%s) t %s ORDER BY %s, %s`, nameCol, recs, names, key, order)
		if rg.Limit > 0 || rg.Offset > 0 {
			sql += ` LIMIT :lim OFFSET :off`
		}
	}
	rows, err := s.query(ctx, sql, params)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var it indicator.Item
		var counted, amount int
		if err := rows.Scan(&it.ID, &it.Name, &it.Part, &counted, &amount); err != nil {
			return err
		}
		it.Counted = counted != 0
		if def.Sum {
			it.Amount = &amount
		}
		if q.part != "" || len(def.Parts) == 0 {
			it.Part = ""
		}
		if err := fn(it); err != nil {
			return err
		}
	}
	return rows.Err()
}

// CountItems implements indicator.Engine: the records are counted in SQL,
// at most limit+1 of them read.
func (r *Reader) CountItems(ctx context.Context, p indicator.Params, def indicator.Def, limit int) (indicator.ItemCount, error) {
	var n indicator.ItemCount
	s, q, err := r.itemSession(ctx, p, def)
	if err != nil {
		return n, err
	}
	defer s.close(ctx)
	b := s.builder(s.dates(q.f.flow)[0])
	inner := fmt.Sprintf(`SELECT t.c%d AS c, t.amount AS amount FROM (%s) t`, q.col, q.f.items(b))
	if q.part != "" {
		inner += ` WHERE t.part = :part`
	}
	params := b.args("part", q.part)
	if limit > 0 {
		inner += ` LIMIT :lim`
		params["lim"] = int64(limit + 1)
	}
	sql := `SELECT COUNT(*), CAST(COALESCE(SUM(CASE WHEN x.c <> 0 THEN 1 ELSE 0 END), 0) AS BIGINT),
		CAST(COALESCE(SUM(CASE WHEN x.c <> 0 THEN x.amount ELSE 0 END), 0) AS BIGINT) FROM (` + inner + `) x`
	rows, err := s.query(ctx, sql, params)
	if err != nil {
		return n, err
	}
	defer rows.Close()
	if rows.Next() {
		if err := rows.Scan(&n.Listed, &n.Counted, &n.Sum); err != nil {
			return n, err
		}
	}
	if err := rows.Err(); err != nil {
		return n, err
	}
	if limit > 0 && n.Listed > limit {
		// the counts are of the first limit+1 records read, in no order: say only that there are more
		n = indicator.ItemCount{Listed: limit, More: true}
	}
	return n, nil
}

// Items returns every record behind one indicator, in the order of EachItem.
func (r *Reader) Items(ctx context.Context, p indicator.Params, def indicator.Def) ([]indicator.Item, error) {
	var out []indicator.Item
	err := r.EachItem(ctx, p, def, indicator.Range{}, func(it indicator.Item) error {
		out = append(out, it)
		return nil
	})
	return out, err
}

// itemSession opens a session for the records behind def.
func (r *Reader) itemSession(ctx context.Context, p indicator.Params, def indicator.Def) (*session, query, error) {
	q, err := queryOf(def)
	if err != nil {
		return nil, q, err
	}
	s, err := r.openSession(ctx, p)
	return s, q, err
}

// itemOrder is the ORDER BY of an indicator's records (columns of the
// items query t): its part in the order of def.Parts (one part asked, or
// none defined: no part order), then the id in byte order, then the rest
// of the row so that equal ids come in one order on every read.
func itemOrder(d Dialect, def indicator.Def, part string) string {
	var b strings.Builder
	if part == "" && len(def.Parts) > 0 {
		b.WriteString(`CASE t.part`)
		for i, p := range def.Parts {
			fmt.Fprintf(&b, ` WHEN '%s' THEN %d`, strings.ReplaceAll(p, "'", "''"), i)
		}
		b.WriteString(` ELSE -1 END, `)
	}
	id := `t.id`
	if d == Postgres {
		id += ` COLLATE "C"`
	}
	b.WriteString(id + `, t.part, t.amount`)
	return b.String()
}
