package sqldb_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/sqldb/sqldbtest"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// TestUnitMembersPaged checks that the members of every party organization
// of the indicators' fixture, paged in SQL (member_periods), are those the
// events give (MembersAsOf), each once, in id order, with the same count;
// after a change, and as recorded before it (derived from the events).
func TestUnitMembersPaged(t *testing.T) {
	ctx := context.Background()
	db := openIndFixture(t)
	before := sqldb.RecordedAt(time.Now())
	time.Sleep(2 * time.Millisecond)
	check := func(r *sqldb.Reader, what string) {
		t.Helper()
		for _, day := range []string{"2010-01-01", "2018-05-30", "2018-12-31", "2025-07-01"} {
			d := tochuc.MustDate(day)
			units, err := r.UnitsAsOf(ctx, d, tochuc.UnitFilter{})
			if err != nil {
				t.Fatal(err)
			}
			seen := 0
			for _, u := range units {
				if !tochuc.IsPartyOrg(u.Kind) {
					continue
				}
				want, err := r.MemberIDsAsOf(ctx, d, u.ID)
				if err != nil {
					t.Fatal(err)
				}
				seen += len(want)
				for _, size := range []int{1, 2, 50} {
					var got []string
					for from := 0; ; from += size {
						p, err := r.UnitMembers(ctx, d, u.ID, from, size, 0)
						if err != nil {
							t.Fatal(err)
						}
						if p.Total != len(want) || p.More {
							t.Errorf("%s %s on %s: count %d (more %v), want %d", what, u.ID, day, p.Total, p.More, len(want))
						}
						got = append(got, p.IDs...)
						if len(p.IDs) < size {
							break
						}
					}
					if !slices.Equal(got, want) && len(got)+len(want) > 0 {
						t.Errorf("%s %s on %s by %d: %v, want %v", what, u.ID, day, size, got, want)
					}
				}
				if len(want) > 1 {
					p, err := r.UnitMembers(ctx, d, u.ID, 0, 1, len(want)-1)
					if err != nil || !p.More || p.Total != len(want)-1 {
						t.Errorf("%s %s on %s: capped count %+v, %v", what, u.ID, day, p, err)
					}
				}
			}
			if day == "2018-12-31" && seen == 0 {
				t.Fatalf("%s: no members on %s: the fixture changed?", what, day)
			}
		}
	}
	check(db.Reader(sqldb.Recorded{}), "now")
	fix := bundle.Tables{}
	fix.Add("party", map[string]string{"person_id": "P20", "event": "removed", "date": "2018-10-01"})
	sqldbtest.MustImport(t, db, fix)
	check(db.Reader(sqldb.Recorded{}), "after a change")
	check(db.Reader(before), "recorded before")
}
