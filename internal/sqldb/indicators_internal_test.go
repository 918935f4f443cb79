package sqldb

import (
	"context"
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/report"
	"github.com/tochuc/tochuc/internal/sqldb/testdsn"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// TestDerivePeriods checks the member periods against tochuc.MembershipAt on
// every day around random event sequences (same-date events included).
func TestDerivePeriods(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	base := tochuc.MustDate("2018-01-01")
	for n := range 2000 {
		var events []tochuc.MembershipEvent
		d := base
		for range r.IntN(6) {
			d = d.AddDays(r.IntN(3)) // 0: same date as the previous event
			e := tochuc.MembershipEvent{Event: tochuc.PartyEvents[r.IntN(len(tochuc.PartyEvents))], Date: d}
			if r.IntN(2) == 0 || tochuc.EventNeedsUnit(e.Event) {
				e.UnitID = fmt.Sprintf("U%d", r.IntN(3))
			}
			if e.Event == tochuc.EventTransferredIn && r.IntN(2) == 0 {
				e.Status = "probationary"
			}
			events = append(events, e)
		}
		var died tochuc.Date
		if r.IntN(3) == 0 {
			died = base.AddDays(r.IntN(12))
		}
		ps := derivePeriods("P", events, died)
		for day := base.AddDays(-1); day < base.AddDays(15); day++ {
			want := tochuc.MembershipAt(events, day, died)
			var got tochuc.Membership
			for _, p := range ps {
				if p.Contains(day) {
					if got.Member {
						t.Fatalf("case %d: periods overlap on %s: %+v", n, day, ps)
					}
					got = tochuc.Membership{Member: true, UnitID: p.unit, Probationary: p.probationary}
				}
			}
			if got != want {
				t.Fatalf("case %d, %s: periods say %+v, MembershipAt %+v\nevents %+v died %s\nperiods %+v",
					n, day, got, want, events, died, ps)
			}
		}
	}
}

func TestBind(t *testing.T) {
	q, args, err := bind(Postgres, `SELECT ':d' FROM t WHERE a = :d AND b > :s AND c = CAST(:at AS INTEGER) AND d = :d`,
		map[string]any{"d": 1, "s": 2, "at": 3})
	if err != nil {
		t.Fatal(err)
	}
	if q != `SELECT ':d' FROM t WHERE a = $1 AND b > $2 AND c = CAST($3 AS INTEGER) AND d = $4` ||
		!reflect.DeepEqual(args, []any{1, 2, 3, 1}) {
		t.Errorf("got %s %v", q, args)
	}
	if _, _, err := bind(SQLite, `x = :nothing`, nil); err == nil {
		t.Error("unknown parameter accepted")
	}
}

// memberPeriodRows returns member_periods as sorted lines.
func memberPeriodRows(t *testing.T, db *DB) []string {
	t.Helper()
	rows, err := db.Query(`SELECT person_id, COALESCE(unit_id, ''), probationary, valid_from, valid_to FROM member_periods
		ORDER BY person_id, valid_from`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var p, u string
		var prob int
		var from, to tochuc.Date
		if err := rows.Scan(&p, &u, &prob, &from, &to); err != nil {
			t.Fatal(err)
		}
		out = append(out, fmt.Sprintf("%s %s %d %s %s", p, u, prob, from, to))
	}
	return out
}

// TestRefreshIncremental checks that refreshing member_periods after a
// change gives what deriving them all again gives.
func TestRefreshIncremental(t *testing.T) {
	ctx := context.Background()
	db := openTestDB(t)
	importRows(t, db, map[string][][]string{
		"units":  {{"id", "name", "kind", "valid_from"}, {"C1", "Chi bộ 1", "party_cell", "2000-01-01"}, {"C2", "Chi bộ 2", "party_cell", "2000-01-01"}},
		"people": {{"id", "full_name", "died_on"}, {"P1", "An", ""}, {"P2", "Bình", ""}, {"P3", "Cúc", ""}},
		"party": {{"person_id", "event", "date", "unit_id"}, {"P1", "admitted", "2010-01-01", "C1"},
			{"P2", "admitted", "2011-01-01", "C1"}, {"P2", "recognized", "2012-01-01", ""}, {"P3", "admitted", "2012-01-01", "C2"}},
	})
	if err := db.RefreshMemberPeriods(ctx); err != nil {
		t.Fatal(err)
	}
	first := memberPeriodRows(t, db)
	if len(first) != 4 {
		t.Fatalf("periods %v", first)
	}
	importRows(t, db, map[string][][]string{
		"people": {{"id", "full_name", "died_on"}, {"P1", "An", "2015-01-01"}},
		"party":  {{"person_id", "event", "date", "unit_id"}, {"P2", "transferred", "2014-01-01", "C2"}},
	})
	if err := db.RefreshMemberPeriods(ctx); err != nil {
		t.Fatal(err)
	}
	incremental := memberPeriodRows(t, db)
	if _, err := db.Exec(`DELETE FROM member_periods_state`); err != nil {
		t.Fatal(err)
	}
	if err := db.RefreshMemberPeriods(ctx); err != nil {
		t.Fatal(err)
	}
	if full := memberPeriodRows(t, db); !reflect.DeepEqual(incremental, full) || reflect.DeepEqual(full, first) {
		t.Errorf("incremental %v\nfull %v", incremental, full)
	}
}

// openTestDB opens a fresh migrated database like sqldbtest.Open (which this
// package's own tests cannot import).
func openTestDB(t *testing.T) *DB {
	t.Helper()
	ctx := context.Background()
	db, err := Open(ctx, testdsn.New(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if _, err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	return db
}

// importRows imports files given as rows, the header first.
func importRows(t *testing.T, db *DB, files map[string][][]string) {
	t.Helper()
	rep, err := db.ImportBundle(context.Background(), bundle.Tables(files), "tester", "test", bundle.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !rep.OK() {
		t.Fatalf("import refused: %v", rep.Issues)
	}
}

// TestFamiliesCoverCatalog checks that every indicator of the catalog has a
// query and that every query computes indicators of the catalog.
func TestFamiliesCoverCatalog(t *testing.T) {
	known := map[string]bool{}
	for _, def := range report.Catalog() {
		known[def.ID] = true
		if _, ok := locate(def.ID); !ok {
			t.Errorf("%s has no query", def.ID)
		}
	}
	for name, f := range families {
		if name == "units" {
			continue
		}
		for _, id := range f.indicators(name) {
			if !known[id] {
				t.Errorf("family %s computes %s, not in the catalog", name, id)
			}
		}
	}
}
