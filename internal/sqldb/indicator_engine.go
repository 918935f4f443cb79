package sqldb

import (
	"context"
	"fmt"
	"strings"

	"github.com/tochuc/tochuc/internal/indicator"
)

// The standard indicators of indicators-v1 (package indicator) are computed
// here, in SQL, the same queries on both engines. What an indicator counts
// (indicator.Def.Counts) is turned into one query of the records behind it
// (indicators_catalog.go): its value counts them and Explain lists them, so
// the two always agree.

// Evaluate implements indicator.Engine: it computes the indicators at
// p.AsOf, stocks also at p.Since, flows once over (p.Since, p.AsOf]; the
// indicators sharing a query are computed in one pass.
func (r *Reader) Evaluate(ctx context.Context, p indicator.Params, defs []indicator.Def) ([]indicator.Measure, error) {
	var passes []*pass
	byKey := map[string]*pass{}
	for _, def := range defs {
		q, err := queryOf(def)
		if err != nil {
			return nil, err
		}
		ps := byKey[q.key]
		if ps == nil {
			ps = &pass{f: q.f, ids: make([]string, q.f.cols), parts: map[string]string{}}
			byKey[q.key] = ps
			passes = append(passes, ps)
		}
		if q.part != "" {
			ps.parts[q.part] = def.ID
		} else {
			ps.ids[q.col] = def.ID
		}
	}
	s, err := r.openSession(ctx, p)
	if err != nil {
		return nil, err
	}
	defer s.close(ctx)
	var out []indicator.Measure
	for _, ps := range passes {
		for _, at := range s.dates(ps.f.flow) {
			ms, err := s.tally(ctx, ps, at)
			if err != nil {
				return nil, fmt.Errorf("indicator %s: %w", ps.name(), err)
			}
			out = append(out, ms...)
		}
	}
	return out, nil
}

// pass is one query run for the indicators sharing it: the indicator of
// each counted column, or, for one counted by part, the indicator of each part.
type pass struct {
	f     family
	ids   []string
	parts map[string]string
}

// name names the pass in errors: one of its indicators.
func (ps *pass) name() string {
	for _, id := range ps.ids {
		if id != "" {
			return id
		}
	}
	for _, id := range ps.parts {
		return id
	}
	return "?"
}

// tally runs a pass's query at one date and adds up its records by part,
// for each of its counted columns.
func (s *session) tally(ctx context.Context, ps *pass, at evalDate) ([]indicator.Measure, error) {
	f := ps.f
	b := s.builder(at)
	q, layout, grouped := tallySQL(f, b)
	rows, err := s.query(ctx, q, b.args())
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []indicator.Measure
	width := f.cols + 1
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
			for i, id := range ps.ids {
				m := indicator.Measure{ID: id, Since: at.since, Part: part, Value: int(vals[j*width+i]), Of: int(vals[j*width+width-1])}
				if len(ps.parts) > 0 { // counted by part: the part is the indicator
					m.ID, m.Part = ps.parts[part], ""
				}
				if m.ID != "" {
					out = append(out, m)
				}
			}
		}
	}
	return out, rows.Err()
}

// tallySQL returns the query that adds up a family's records at b's date
// and the parts of its row, or grouped: one row per part found.
func tallySQL(f family, b *qb) (q string, layout []string, grouped bool) {
	var sums []string
	for i := range f.cols {
		sums = append(sums, fmt.Sprintf("CAST(COALESCE(SUM(c%d * amount), 0) AS BIGINT)", i))
	}
	sums = append(sums, "COUNT(*)")
	switch {
	case f.tally != nil: // one row: the sums of each part in turn
		return f.tally(b), f.parts, false
	case len(f.parts) == 1: // no breakdown: one row
		return `SELECT '', ` + strings.Join(sums, ", ") + ` FROM (` + f.items(b) + `) t`, f.parts, false
	default: // one row per part found (sorting is cheaper than a sum per part and row)
		return `SELECT part, ` + strings.Join(sums, ", ") + ` FROM (` + f.items(b) + `) t GROUP BY part`, []string{""}, true
	}
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
