package sqldb

import (
	"context"
	"fmt"
	"sort"
)

// BackupTables gives the tests every table a backup carries, each as its
// rows in portable form, one sorted line per row.
func (db *DB) BackupTables(ctx context.Context) (map[string][]string, error) {
	c := &collectSink{out: map[string][]string{}}
	_, _, err := dumpTables(ctx, db, db.Dialect, c)
	return c.out, err
}

type collectSink struct {
	out  map[string][]string
	cur  string
	cols []string
}

func (c *collectSink) begin(t string, cols []string) error {
	c.cur, c.cols, c.out[t] = t, cols, []string{}
	return nil
}

func (c *collectSink) row(vals []any) error {
	s := ""
	for i, v := range vals {
		s += fmt.Sprintf("%s=%#v|", c.cols[i], v)
	}
	c.out[c.cur] = append(c.out[c.cur], s)
	return nil
}

func (c *collectSink) end(t string, _ int64) error {
	sort.Strings(c.out[t])
	return nil
}
