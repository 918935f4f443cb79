package sqldb_test

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/sqldb/sqldbtest"
)

// BenchmarkImportHeld measures the peak Go heap of importing a small bundle
// (100, 10,000 and 50,000 people, each with a qualification, a membership
// event and a post, in two units of its own) into an empty database and into one
// already holding the synthetic province of about 100,000 party members
// (importProvince: some 20,000 units and 100,000 people held). The import
// reads only the held records the bundle refers to, so the peak depends on
// the bundle, not on what the database holds: compare peak-heap-KiB across
// held=…, and the growth from 10,000 to 50,000 people for the bytes a
// person touched costs (below 10,000 the batches in flight to the writer, a
// fixed cost, dominate). TOCHUC_BENCH_PEOPLE replaces the largest size.
func BenchmarkImportHeld(b *testing.B) {
	sizes := []int{100, 10_000, 50_000}
	if n, err := strconv.Atoi(os.Getenv("TOCHUC_BENCH_PEOPLE")); err == nil && n > 0 {
		sizes[2] = n
	}
	for _, held := range []string{"empty", "province"} {
		b.Run("held="+held, func(b *testing.B) {
			var db *sqldb.DB
			if held == "empty" {
				db = sqldbtest.Open(b)
			} else {
				var src bundle.Source
				db, src, _ = importProvince(b)
				src.Close()
			}
			run := 0
			for _, people := range sizes {
				b.Run(fmt.Sprintf("people=%d", people), func(b *testing.B) {
					var peak uint64
					for range b.N {
						run++
						tb := smallBundle(fmt.Sprintf("sb%d-", run), people)
						stop := watchHeapEvery(&peak, time.Millisecond)
						rep, err := db.ImportBundle(context.Background(), tb, "bench", "bench", bundle.Options{})
						stop()
						if err != nil || !rep.OK() {
							b.Fatalf("import: %v %v", err, rep.Issues[:min(5, len(rep.Issues))])
						}
					}
					b.ReportMetric(float64(peak)/(1<<10), "peak-heap-KiB")
					b.ReportMetric(0, "ns/op")
				})
			}
		})
	}
}

// smallBundle is a bundle of n people, ids starting with prefix, each with a
// qualification, an admission to the party and a post, in a commune and
// its party cell of the bundle's own.
func smallBundle(prefix string, n int) bundle.Tables {
	t := bundle.Tables{}
	commune, cell := prefix+"commune", prefix+"cell"
	t.Add("units", map[string]string{"id": commune, "name": "Xã Thử", "kind": "commune", "valid_from": "2000-01-01"})
	t.Add("units", map[string]string{"id": cell, "name": "Chi bộ Thử", "kind": "party_cell", "parent_id": commune,
		"valid_from": "2000-01-01"})
	for i := range n {
		id := fmt.Sprintf("%sp%d", prefix, i)
		t.Add("people", map[string]string{"id": id, "full_name": "Nguyễn Văn Thử"})
		t.Add("qualifications", map[string]string{"person_id": id, "kind": "education", "level": "college"})
		t.Add("party", map[string]string{"person_id": id, "event": "admitted", "date": "2001-01-01", "unit_id": cell})
		t.Add("assignments", map[string]string{"person_id": id, "unit_id": commune, "role": "staff", "valid_from": "2001-01-01"})
	}
	return t
}
