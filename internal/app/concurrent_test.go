package app_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/tochuc/tochuc/internal/app"
	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/sqldb/sqldbtest"
)

// peopleRecordedAt counts the people held as recorded at r.
func peopleRecordedAt(t *testing.T, db *sqldb.DB, r sqldb.Recorded) int {
	ctx := context.Background()
	t.Helper()
	n := 0
	err := db.Reader(r).Records(ctx, bundle.FileByName("people"), func([]string, map[string]string) error {
		n++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// TestConcurrentImportsKeepHistory runs a large import and, once it is under
// way, a small one, from two servers (two App values) on one database. The
// change sets are serialized: each answer "as recorded at R" given as soon
// as an import returns is the same after both have committed, and the later
// import is checked against what the earlier one committed.
func TestConcurrentImportsKeepHistory(t *testing.T) {
	db := sqldbtest.Open(t)
	ctx := context.Background()
	base := bundle.Tables{}
	base.Add("units", map[string]string{"id": "U1", "name": "Đảng bộ Một", "kind": "party_grassroots_committee", "valid_from": "2000-01-01"})
	base.Add("people", map[string]string{"id": "P0", "full_name": "Người Không"})
	sqldbtest.MustImport(t, db, base)
	large := bundle.Tables{}
	for i := range 5000 {
		large.Add("people", map[string]string{"id": fmt.Sprintf("L%06d", i), "full_name": "Người Lớn"})
	}
	large.Add("party", map[string]string{"person_id": "P0", "event": "admitted", "date": "2020-01-01", "unit_id": "U1"})
	small := bundle.Tables{}
	small.Add("people", map[string]string{"id": "S1", "full_name": "Người Nhỏ"})
	small.Add("party", map[string]string{"person_id": "P0", "event": "admitted", "date": "2021-01-01", "unit_id": "U1"})

	type outcome struct {
		rep   *bundle.Report
		err   error
		at    sqldb.Recorded // just after it returned
		count int            // people as recorded then
	}
	var wg sync.WaitGroup
	var out [2]outcome
	started := make(chan struct{})
	run := func(i int, b bundle.Tables, opt bundle.Options) {
		defer wg.Done()
		rep, err := app.New(db, nil).Import(ctx, app.CLI("t"), b, fmt.Sprint("bundle ", i), opt)
		at := sqldb.RecordedAt(time.Now())
		out[i] = outcome{rep: rep, err: err, at: at, count: peopleRecordedAt(t, db, at)}
	}
	once := false
	wg.Add(2)
	go run(0, large, bundle.Options{Progress: func(string, int) {
		if !once {
			once = true
			close(started)
			time.Sleep(2 * time.Second) // hold the large import open while the small one begins
		}
	}})
	<-started
	go run(1, small, bundle.Options{})
	wg.Wait()
	for i, o := range out {
		if o.err != nil {
			t.Fatalf("import %d: %v", i, o.err)
		}
		if again := peopleRecordedAt(t, db, o.at); again != o.count {
			t.Errorf("import %d: as recorded at %d there were %d people, now the same question gives %d", i, o.at.At, o.count, again)
		}
	}
	// The small import came second and saw the large one's admission: a
	// second admission of a member is refused.
	if !out[0].rep.OK() || out[1].rep.OK() {
		t.Errorf("the later import must be checked against the earlier one: large ok=%v, small ok=%v", out[0].rep.OK(), out[1].rep.OK())
	}
}
