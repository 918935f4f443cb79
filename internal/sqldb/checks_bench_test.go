package sqldb_test

import (
	"context"
	"errors"
	"io"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/bundle/container"
	"github.com/tochuc/tochuc/internal/check"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/sqldb/sqldbtest"
	"github.com/tochuc/tochuc/internal/synth"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// BenchmarkChecks imports the synthetic province of about 100,000 party
// members (synth.ProvinceFor, with its ratings and plans) once, then
// measures every rule check at 31-12-2018 read from storage (ns/op, on the
// engine sqldbtest selects). In the same run it times the same rules over
// the same rows held in memory (check.MemorySource, read from the same
// files), asserts both give the same findings, and reports the ratio
// (storage / memory) and the number of findings.
func BenchmarkChecks(b *testing.B) {
	ctx := context.Background()
	db, src, _ := importProvince(b)
	mem := check.NewMemorySource(readTables(b, src))
	src.Close()
	p := check.Params{AsOf: tochuc.MustDate("2018-12-31")}
	stored := db.Reader(sqldb.Recorded{}).CheckSource()
	best := func(s check.Source) (time.Duration, []check.Finding) {
		d, out := time.Hour, []check.Finding(nil)
		for range 3 {
			start := time.Now()
			fs, err := check.Run(ctx, s, p)
			if err != nil {
				b.Fatal(err)
			}
			d, out = min(d, time.Since(start)), fs
		}
		return d, out
	}
	memTime, memFindings := best(mem)
	dbTime, dbFindings := best(stored)
	key := func(fs []check.Finding) []string {
		out := make([]string, len(fs))
		for i, f := range fs {
			out[i] = f.Rule + " " + f.Key()
		}
		return out
	}
	if !slices.Equal(key(dbFindings), key(memFindings)) {
		b.Fatalf("storage gives %d findings, memory %d: not the same", len(dbFindings), len(memFindings))
	}
	for b.Loop() {
		if _, err := check.Run(ctx, stored, p); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(dbTime.Seconds()*1000, "storage-ms")
	b.ReportMetric(memTime.Seconds()*1000, "memory-ms")
	b.ReportMetric(dbTime.Seconds()/memTime.Seconds(), "ratio")
	b.ReportMetric(float64(len(dbFindings)), "findings")
}

// readTables reads every file of a bundle into memory.
func readTables(b *testing.B, src bundle.Source) bundle.Tables {
	t := bundle.Tables{}
	for _, name := range src.Names() {
		r, err := src.Open(name)
		if err != nil {
			b.Fatal(err)
		}
		for {
			row, err := r.Next()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
			t[name] = append(t[name], slices.Clone(row))
		}
		r.Close()
	}
	return t
}

// importProvince writes the synthetic province of about 100,000 members,
// imports it into the engine sqldbtest selects, and returns the database,
// the bundle (open, for the caller to close) and how long the import took.
func importProvince(b *testing.B) (*sqldb.DB, bundle.Source, time.Duration) {
	dir := filepath.Join(b.TempDir(), "province")
	if _, err := synth.WriteProvince(dir, synth.ProvinceFor(100_000)); err != nil {
		b.Fatal(err)
	}
	db := sqldbtest.Open(b)
	src, err := container.OpenSource(dir)
	if err != nil {
		b.Fatal(err)
	}
	start := time.Now()
	rep, err := db.ImportBundle(context.Background(), src, "bench", "bench", bundle.Options{})
	if err != nil || !rep.OK() {
		b.Fatalf("import: %v", err)
	}
	return db, src, time.Since(start)
}
