package sqldb

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/tochuc/tochuc/internal/indicator"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// The standard indicators of indicators-v1 are computed here, in SQL, the
// same queries on both engines. Each indicator is defined once, by a query of
// the records behind it (indicators_catalog.go): its value counts them and
// Explain lists them, so the two always agree.

// Evaluate implements indicator.Engine: it computes the indicators at p.AsOf,
// stocks also at p.Since, flows once over (p.Since, p.AsOf].
func (r *Reader) Evaluate(ctx context.Context, p indicator.Params, defs []indicator.Def) ([]indicator.Measure, error) {
	s, err := r.openSession(ctx, p)
	if err != nil {
		return nil, err
	}
	defer s.close(ctx)
	var out []indicator.Measure
	done := map[string]bool{}
	for _, def := range defs {
		loc, ok := locate(def.ID)
		if !ok {
			return nil, fmt.Errorf("indicator %s has no query", def.ID)
		}
		name, f := loc.family, families[loc.family]
		if done[name] {
			continue
		}
		done[name] = true
		for _, at := range s.dates(f.flow) {
			ms, err := s.tally(ctx, name, f, at)
			if err != nil {
				return nil, fmt.Errorf("indicator %s: %w", def.ID, err)
			}
			out = append(out, ms...)
		}
	}
	return out, nil
}

// Items implements indicator.Engine: the records behind one indicator at
// p.AsOf (a flow: over (p.Since, p.AsOf]), ordered by part and id.
func (r *Reader) Items(ctx context.Context, p indicator.Params, def indicator.Def) ([]indicator.Item, error) {
	loc, ok := locate(def.ID)
	if !ok {
		return nil, tochuc.Errorf(tochuc.ENotFound, "không có chỉ tiêu '%s'", def.ID)
	}
	f, part := families[loc.family], loc.part
	s, err := r.openSession(ctx, p)
	if err != nil {
		return nil, err
	}
	defer s.close(ctx)
	b := s.builder(s.dates(f.flow)[0])
	names := `LEFT JOIN ` + b.t("units") + ` n ON n.id = t.id AND ` + b.valid("n")
	nameCol := "n.name"
	if def.Persons {
		names, nameCol = `LEFT JOIN `+b.t("people")+` n ON n.id = t.id AND `+b.rec("n"), "n.full_name"
	}
	q := fmt.Sprintf(`SELECT t.id, COALESCE(%s, ''), t.part, t.c%d, t.amount FROM (%s) t %s`, nameCol, loc.col, f.items(b), names)
	if part != "" {
		q += ` WHERE t.part = :part`
	}
	rows, err := s.query(ctx, q, b.args("part", part))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []indicator.Item
	for rows.Next() {
		var it indicator.Item
		var counted, amount int
		if err := rows.Scan(&it.ID, &it.Name, &it.Part, &counted, &amount); err != nil {
			return nil, err
		}
		it.Counted = counted != 0
		if def.Sum {
			it.Amount = &amount
		}
		if part != "" || len(def.Parts) == 0 {
			it.Part = ""
		}
		out = append(out, it)
	}
	order := func(part string) int { return slices.Index(def.Parts, part) }
	slices.SortStableFunc(out, func(a, b indicator.Item) int {
		if c := order(a.Part) - order(b.Part); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	return out, rows.Err()
}

// location is where an indicator's figures come from: a family, its counted
// column, and for units.<kind> the part (the kind).
type location struct {
	family string
	col    int
	part   string
}

// locations maps every indicator id but units.<kind> to its family and column.
var locations = func() map[string]location {
	out := map[string]location{}
	for name, f := range families {
		for i, id := range f.indicators(name) {
			out[id] = location{family: name, col: i}
		}
	}
	return out
}()

// locate returns where an indicator's figures come from.
func locate(id string) (location, bool) {
	if kind, ok := indicator.UnitKindOf(id); ok {
		return location{family: "units", part: kind}, true
	}
	loc, ok := locations[id]
	return loc, ok
}

// indicators returns the ids a family computes, one per counted column.
func (f family) indicators(name string) []string {
	if f.ids == nil {
		return []string{name}
	}
	return f.ids
}

// tally runs a family's query at one date and adds up its records by part,
// for each of its counted columns.
func (s *session) tally(ctx context.Context, name string, f family, at evalDate) ([]indicator.Measure, error) {
	b := s.builder(at)
	ids := f.indicators(name)
	var sums []string
	for i := range ids {
		sums = append(sums, fmt.Sprintf("CAST(COALESCE(SUM(c%d * amount), 0) AS BIGINT)", i))
	}
	sums = append(sums, "COUNT(*)")
	layout, grouped, q := f.parts, false, ""
	switch {
	case f.tally != nil: // one row: the sums of each part in turn
		q = f.tally(b)
	case len(f.parts) == 1: // no breakdown: one row
		q = `SELECT '', ` + strings.Join(sums, ", ") + ` FROM (` + f.items(b) + `) t`
	default: // one row per part found (sorting is cheaper than a sum per part and row)
		q = `SELECT part, ` + strings.Join(sums, ", ") + ` FROM (` + f.items(b) + `) t GROUP BY part`
		layout, grouped = []string{""}, true
	}
	rows, err := s.query(ctx, q, b.args())
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []indicator.Measure
	width := len(ids) + 1
	vals := make([]int64, width*len(layout))
	var found string
	dest := []any{&found}
	for i := range vals {
		dest = append(dest, &vals[i])
	}
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			return nil, err
		}
		for j, part := range layout {
			if grouped {
				part = found
			}
			for i, id := range ids {
				m := indicator.Measure{ID: id, Since: at.since, Part: part, Value: int(vals[j*width+i]), Of: int(vals[j*width+width-1])}
				if name == "units" {
					m.ID, m.Part = "units."+part, ""
				}
				out = append(out, m)
			}
		}
	}
	return out, rows.Err()
}

// bind turns the :name parameters of q into placeholders of the dialect and
// returns the arguments in their order. Quoted text is left as it is.
func bind(d Dialect, q string, params map[string]any) (string, []any, error) {
	var b strings.Builder
	var args []any
	quoted := false
	for i := 0; i < len(q); i++ {
		c := q[i]
		if c == '\'' {
			quoted = !quoted
		}
		if quoted || c != ':' || i+1 >= len(q) || !isNameByte(q[i+1]) || (i > 0 && q[i-1] == ':') {
			b.WriteByte(c)
			continue
		}
		j := i + 1
		for j < len(q) && isNameByte(q[j]) {
			j++
		}
		v, ok := params[q[i+1:j]]
		if !ok {
			return "", nil, fmt.Errorf("query parameter :%s not given", q[i+1:j])
		}
		b.WriteByte('?')
		args = append(args, v)
		i = j - 1
	}
	return rebind(d, b.String()), args, nil
}

func isNameByte(c byte) bool { return c == '_' || c >= 'a' && c <= 'z' }
