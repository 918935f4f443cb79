package sqldb_test

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/bundle/container"
	"github.com/tochuc/tochuc/internal/sqldb/rawload"
	"github.com/tochuc/tochuc/internal/sqldb/sqldbtest"
	"github.com/tochuc/tochuc/internal/synth"
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

		// The raw load times the writes alone (rows parsed beforehand, a chunk at a time).
		db = sqldbtest.Open(b)
		if src, err = container.OpenSource(dir); err != nil {
			b.Fatal(err)
		}
		_, took, err := rawload.Load(context.Background(), db, src)
		src.Close()
		if err != nil {
			b.Fatal(err)
		}
		rawSecs += took.Seconds()
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
func watchHeap(peak *uint64) func() { return watchHeapEvery(peak, 20*time.Millisecond) }

// watchHeapEvery is watchHeap sampling every d (short imports need a short d).
func watchHeapEvery(peak *uint64, d time.Duration) func() {
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
			time.Sleep(d)
		}
	}()
	return func() { done.Store(true); wg.Wait() }
}
