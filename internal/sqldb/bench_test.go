package sqldb_test

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/bundle/container"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/sqldb/sqldbtest"
	"github.com/tochuc/tochuc/internal/synth"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// benchRows is the size of the benchmark bundle (TOCHUC_BENCH_ROWS overrides it).
func benchRows() int {
	if n, err := strconv.Atoi(os.Getenv("TOCHUC_BENCH_ROWS")); err == nil && n > 0 {
		return n
	}
	return 1_000_000
}

var (
	benchOnce sync.Once
	benchDir  string
	benchN    int
	benchErr  error
)

func benchBundle(b *testing.B) (string, int) {
	benchOnce.Do(func() {
		benchDir, benchErr = os.MkdirTemp("", "tochuc-bench-")
		if benchErr == nil {
			benchN, benchErr = synth.Write(filepath.Join(benchDir, "b"), synth.ForRows(benchRows()))
		}
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return filepath.Join(benchDir, "b"), benchN
}

// BenchmarkImport measures `tochuc import` of a bundle of about a million rows
// into an empty database against a plain bulk load of the same rows into the
// same tables (batched multi-row INSERT on SQLite, COPY on PostgreSQL), in the
// same run. It reports rows/s of both, their ratio, and the peak Go heap of
// the import. The engine is the one sqldbtest selects (TOCHUC_TEST_POSTGRES).
func BenchmarkImport(b *testing.B) {
	dir, n := benchBundle(b)
	var importSecs, rawSecs float64
	var peak uint64
	for range b.N {
		db := sqldbtest.Open(b)
		src, err := container.OpenSource(dir)
		if err != nil {
			b.Fatal(err)
		}
		stop := watchHeap(&peak)
		start := time.Now()
		rep, err := db.ImportBundle(context.Background(), src, "bench", "bench", bundle.Options{})
		importSecs += time.Since(start).Seconds()
		stop()
		src.Close()
		if err != nil || !rep.OK() {
			b.Fatalf("import: %v %+v", err, rep.Issues[:min(5, len(rep.Issues))])
		}

		// The raw load starts from rows parsed beforehand: its cost is the database's alone.
		recs := loadRecords(b, dir)
		db = sqldbtest.Open(b)
		start = time.Now()
		rawLoad(b, db, recs)
		rawSecs += time.Since(start).Seconds()
	}
	importRate := float64(n*b.N) / importSecs
	rawRate := float64(n*b.N) / rawSecs
	b.ReportMetric(float64(n), "rows")
	b.ReportMetric(importRate, "import-rows/s")
	b.ReportMetric(rawRate, "raw-rows/s")
	b.ReportMetric(importRate/rawRate, "ratio")
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
	b.ReportMetric(0, "ns/op")
}

// watchHeap samples the heap until stopped and keeps the peak growth over
// the heap in use when it started (so the benchmark's own data is left out).
func watchHeap(peak *uint64) func() {
	runtime.GC()
	var base runtime.MemStats
	runtime.ReadMemStats(&base)
	var done atomic.Bool
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		var ms runtime.MemStats
		for !done.Load() {
			runtime.ReadMemStats(&ms)
			if ms.HeapAlloc > base.HeapAlloc {
				*peak = max(*peak, ms.HeapAlloc-base.HeapAlloc)
			}
			time.Sleep(20 * time.Millisecond)
		}
	}()
	return func() { done.Store(true); wg.Wait() }
}

// loadRecords parses every file of a bundle into rows of typed values.
func loadRecords(b *testing.B, dir string) map[*bundle.File][][]any {
	out := map[*bundle.File][][]any{}
	src, err := container.OpenSource(dir)
	if err != nil {
		b.Fatal(err)
	}
	defer src.Close()
	for _, name := range src.Names() {
		f := bundle.FileByName(name)
		rr, _ := src.Open(name)
		header, _ := rr.Next()
		header = append([]string{}, header...)
		for {
			row, err := rr.Next()
			if err == io.EOF {
				break
			}
			vals := make([]any, 0, len(f.Columns)+4)
			for _, c := range f.Columns {
				v := ""
				for i, h := range header {
					if h == c.Name {
						v = row[i]
					}
				}
				vals = append(vals, typed(c, v))
			}
			if f.Sequenced {
				vals = append(vals, int64(0))
			}
			out[f] = append(out[f], append(vals, nil)) // extra
		}
		rr.Close()
	}
	return out
}

func typed(c bundle.Column, v string) any {
	if v == "" {
		return nil
	}
	switch c.Type {
	case bundle.Date:
		return tochuc.MustDate(v).Time()
	case bundle.Int:
		n, _ := strconv.ParseInt(v, 10, 64)
		return n
	}
	return v
}

// rawLoad writes the rows with the plainest bulk load of each engine, in one transaction.
func rawLoad(b *testing.B, db *sqldb.DB, recs map[*bundle.File][][]any) {
	ctx := context.Background()
	conn, err := db.Conn(ctx)
	if err != nil {
		b.Fatal(err)
	}
	defer conn.Close()
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		b.Fatal(err)
	}
	for f, rows := range recs {
		cols := []string{}
		for _, c := range f.Columns {
			cols = append(cols, c.Name)
		}
		if f.Sequenced {
			cols = append(cols, "seq")
		}
		cols = append(cols, "extra", "rec_from", "rec_cs")
		if db.Dialect == sqldb.Postgres {
			err = rawCopy(ctx, conn, f.Name, cols, rows)
		} else {
			err = rawInsert(ctx, tx, f.Name, cols, rows)
		}
		if err != nil {
			b.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
}

func rawInsert(ctx context.Context, tx *sql.Tx, table string, cols []string, rows [][]any) error {
	per := min(500, 32000/len(cols))
	row := "(" + strings.TrimSuffix(strings.Repeat("?, ", len(cols)), ", ") + ")"
	full, err := tx.PrepareContext(ctx, fmt.Sprintf("INSERT INTO %s (%s) VALUES %s", table, strings.Join(cols, ", "),
		strings.TrimSuffix(strings.Repeat(row+", ", per), ", ")))
	if err != nil {
		return err
	}
	defer full.Close()
	args := make([]any, 0, per*len(cols))
	for len(rows) > 0 {
		k := min(per, len(rows))
		args = args[:0]
		for _, r := range rows[:k] {
			for _, v := range r {
				if t, ok := v.(time.Time); ok {
					v = t.Format(time.DateOnly)
				}
				args = append(args, v)
			}
			args = append(args, int64(1), int64(1))
		}
		if k == per {
			_, err = full.ExecContext(ctx, args...)
		} else {
			_, err = tx.ExecContext(ctx, fmt.Sprintf("INSERT INTO %s (%s) VALUES %s", table, strings.Join(cols, ", "),
				strings.TrimSuffix(strings.Repeat(row+", ", k), ", ")), args...)
		}
		if err != nil {
			return err
		}
		rows = rows[k:]
	}
	return nil
}

func rawCopy(ctx context.Context, conn *sql.Conn, table string, cols []string, rows [][]any) error {
	full := make([][]any, len(rows))
	for i, r := range rows {
		full[i] = append(append([]any{}, r...), int64(1), int64(1))
	}
	return conn.Raw(func(dc any) error {
		_, err := dc.(*stdlib.Conn).Conn().CopyFrom(ctx, pgx.Identifier{table}, cols, pgx.CopyFromRows(full))
		return err
	})
}
