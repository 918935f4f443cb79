package sqldb

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/tochuc/tochuc/internal/indicator"
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

// TestFamiliesCoverCatalog checks that every indicator of the catalog has a
// query (what it counts is computed), and that the indicators sharing a pass
// each have a counted column or a part of their own.
func TestFamiliesCoverCatalog(t *testing.T) {
	taken := map[string]string{}
	for _, def := range indicator.Catalog() {
		q, err := queryOf(def)
		if err != nil {
			t.Errorf("%s has no query: %v", def.ID, err)
			continue
		}
		if q.col < 0 || q.col >= q.f.cols {
			t.Errorf("%s: column %d of %d", def.ID, q.col, q.f.cols)
		}
		slot := fmt.Sprintf("%s|%d|%s", q.key, q.col, q.part)
		if other, ok := taken[slot]; ok {
			t.Errorf("%s and %s share a column of one pass", def.ID, other)
		}
		taken[slot] = def.ID
	}
	if _, err := queryOf(indicator.Def{ID: "x"}); err == nil {
		t.Error("an indicator counting nothing has a query")
	}
}
