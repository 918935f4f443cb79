package sqldb_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/sqldb/sqldbtest"
	"github.com/tochuc/tochuc/internal/textvn"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// TestUnitMembersPaged checks that the members of every party organization
// of the indicators' fixture, paged in SQL (member_periods), are those the
// events give (MembersAsOf) in the organization and, for a grassroots
// committee or sub-committee, in the organizations under it — each once,
// with their status and organization, by given name then id, with the same
// count; after a change, and as recorded before it (derived from the events).
func TestUnitMembersPaged(t *testing.T) {
	wantMembers := func(t *testing.T, r *sqldb.Reader, d tochuc.Date, u tochuc.Unit) []sqldb.PageMember {
		t.Helper()
		ctx := context.Background()
		depth := map[string]int{"party_grassroots_committee": 2, "party_sub_committee": 1}[u.Kind]
		var out []sqldb.PageMember
		var walk func(id string, level int)
		walk = func(id string, level int) {
			ms, err := r.MembersAsOf(ctx, d, id)
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range ms {
				out = append(out, sqldb.PageMember{PersonID: m.PersonID, Probationary: m.Probationary, UnitID: id})
			}
			if level == depth {
				return
			}
			kids, err := r.UnitsAsOf(ctx, d, tochuc.UnitFilter{ParentID: id})
			if err != nil {
				t.Fatal(err)
			}
			for _, k := range kids {
				if tochuc.IsPartyOrg(k.Kind) {
					walk(k.ID, level+1)
				}
			}
		}
		walk(u.ID, 0)
		ids := make([]string, len(out))
		for i, m := range out {
			ids[i] = m.PersonID
		}
		names, err := r.PersonNames(ctx, ids)
		if err != nil {
			t.Fatal(err)
		}
		c := textvn.NewCollator()
		slices.SortFunc(out, func(a, b sqldb.PageMember) int {
			if n := c.ComparePeople(names[a.PersonID], names[b.PersonID]); n != 0 {
				return n
			}
			return strings.Compare(a.PersonID, b.PersonID)
		})
		return out
	}
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
			seen, below := 0, 0
			for _, u := range units {
				if !tochuc.IsPartyOrg(u.Kind) {
					continue
				}
				want := wantMembers(t, r, d, u)
				seen += len(want)
				for _, m := range want {
					if m.UnitID != u.ID {
						below++
					}
				}
				for _, size := range []int{1, 2, 50} {
					var got []sqldb.PageMember
					for from := 0; ; from += size {
						p, err := r.UnitMembers(ctx, d, u, from, size, 0)
						if err != nil {
							t.Fatal(err)
						}
						if p.Total != len(want) || p.More {
							t.Errorf("%s %s on %s: count %d (more %v), want %d", what, u.ID, day, p.Total, p.More, len(want))
						}
						got = append(got, p.Members...)
						if len(p.IDs) != len(p.Members) {
							t.Errorf("%s %s: ids and members differ", what, u.ID)
						}
						if len(p.IDs) < size {
							break
						}
					}
					if !slices.Equal(got, want) && len(got)+len(want) > 0 {
						t.Errorf("%s %s on %s by %d: %v, want %v", what, u.ID, day, size, got, want)
					}
				}
				if len(want) > 1 {
					p, err := r.UnitMembers(ctx, d, u, 0, 1, len(want)-1)
					if err != nil || !p.More || p.Total != len(want)-1 {
						t.Errorf("%s %s on %s: capped count %+v, %v", what, u.ID, day, p, err)
					}
				}
			}
			if day == "2018-12-31" && (seen == 0 || below == 0) {
				t.Fatalf("%s: %d members, %d of them under a committee on %s: the fixture changed?", what, seen, below, day)
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
