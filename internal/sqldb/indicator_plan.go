package sqldb

import (
	"context"
	"fmt"
	"strings"

	"github.com/tochuc/tochuc/internal/indicator"
)

// Plan returns how the engine runs the query that computes the indicator id
// with p at p.AsOf: EXPLAIN (ANALYZE, BUFFERS) on PostgreSQL (the query is
// run), EXPLAIN QUERY PLAN on SQLite. bench/scale saves these in bench/plans.
func (r *Reader) Plan(ctx context.Context, p indicator.Params, id string) (string, error) {
	def, ok := indicator.Lookup(id)
	if !ok {
		return "", fmt.Errorf("no indicator %s", id)
	}
	q, err := queryOf(def)
	if err != nil {
		return "", err
	}
	s, err := r.openSession(ctx, p)
	if err != nil {
		return "", err
	}
	defer s.close(ctx)
	b := s.builder(s.dates(q.f.flow)[0])
	sql, _, _ := tallySQL(q.f, b)
	explain := "EXPLAIN QUERY PLAN "
	if r.db.Dialect == Postgres {
		explain = "EXPLAIN (ANALYZE, BUFFERS) "
	}
	rows, err := s.query(ctx, explain+sql, b.args())
	if err != nil {
		return "", err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return "", err
	}
	var out strings.Builder
	fmt.Fprintf(&out, "%s\n\n-- parameters: %v\n\n", sql, b.args())
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return "", err
		}
		if len(cols) == 1 { // PostgreSQL: one line of text a row
			fmt.Fprintf(&out, "%s\n", vals[0])
			continue
		}
		fmt.Fprintf(&out, "%v\n", vals) // SQLite: id, parent, notused, detail
	}
	return out.String(), rows.Err()
}
