package sqldb_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"testing"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/bundle/container"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/sqldb/sqldbtest"
	"github.com/tochuc/tochuc/internal/synth"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// memberPeriodRows returns member_periods as sorted lines.
func memberPeriodRows(t *testing.T, db *sqldb.DB) []string {
	t.Helper()
	out, err := sqldb.MemberPeriodLines(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// checkPeriods fails unless member_periods is fresh and holds what the Go
// derivation of the events held now gives.
func checkPeriods(t *testing.T, db *sqldb.DB, when string) {
	t.Helper()
	want, err := sqldb.ReferencePeriods(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	got := memberPeriodRows(t, db)
	if !slices.Equal(got, want) {
		for i := range max(len(got), len(want)) {
			g, w := "", ""
			if i < len(got) {
				g = got[i]
			}
			if i < len(want) {
				w = want[i]
			}
			if g != w {
				t.Fatalf("%s: member_periods differ from the Go derivation at line %d (%d vs %d lines):\nSQL %s\nGo  %s",
					when, i, len(got), len(want), g, w)
			}
		}
	}
	var st, last int64
	if err := db.QueryRow(`SELECT last_cs FROM member_periods_state`).Scan(&st); err != nil {
		t.Fatalf("%s: state: %v", when, err)
	}
	if err := db.QueryRow(`SELECT MAX(id) FROM changesets`).Scan(&last); err != nil || st != last {
		t.Fatalf("%s: member_periods reflect change set %d, the last is %d (%v)", when, st, last, err)
	}
}

// TestRefreshIncremental checks that the member periods kept by each import
// are what deriving them all again gives, the first time and in a recovery
// as a bulk derivation (without the indexes, made again after).
func TestRefreshIncremental(t *testing.T) {
	ctx := context.Background()
	db := sqldbtest.Open(t)
	defer sqldb.SetBulkEvents(3)()
	want, err := sqldb.MemberPeriodIndexes(ctx, db) // as the migrations made them
	if err != nil || want < 2 {
		t.Fatalf("member_periods has %d indexes after the migrations (%v)", want, err)
	}
	indexes := func(when string) {
		t.Helper()
		if n, err := sqldb.MemberPeriodIndexes(ctx, db); err != nil || n != want {
			t.Fatalf("%s: member_periods has %d indexes (%v), want %d", when, n, err, want)
		}
	}
	importRows(t, db, map[string][][]string{
		"units":  {{"id", "name", "kind", "valid_from"}, {"C1", "Chi bộ 1", "party_cell", "2000-01-01"}, {"C2", "Chi bộ 2", "party_cell", "2000-01-01"}},
		"people": {{"id", "full_name", "died_on"}, {"P1", "An", ""}, {"P2", "Bình", ""}, {"P3", "Cúc", ""}},
		"party": {{"person_id", "event", "date", "unit_id"}, {"P1", "admitted", "2010-01-01", "C1"},
			{"P2", "admitted", "2011-01-01", "C1"}, {"P2", "recognized", "2012-01-01", ""}, {"P3", "admitted", "2012-01-01", "C2"}},
	})
	first := memberPeriodRows(t, db)
	if len(first) != 4 {
		t.Fatalf("periods %v", first)
	}
	checkPeriods(t, db, "first import")
	indexes("first import")
	importRows(t, db, map[string][][]string{
		"people": {{"id", "full_name", "died_on"}, {"P1", "An", "2015-01-01"}},
		"party":  {{"person_id", "event", "date", "unit_id"}, {"P2", "transferred", "2014-01-01", "C2"}},
	})
	incremental := memberPeriodRows(t, db)
	checkPeriods(t, db, "second import")
	if _, err := db.Exec(`DELETE FROM member_periods_state`); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`DELETE FROM member_periods WHERE person_id = 'P2'`); err != nil {
		t.Fatal(err)
	}
	if err := db.RefreshMemberPeriods(ctx); err != nil {
		t.Fatal(err)
	}
	if full := memberPeriodRows(t, db); !slices.Equal(incremental, full) || slices.Equal(full, first) {
		t.Errorf("incremental %v\nfull %v", incremental, full)
	}
	checkPeriods(t, db, "recovery")
	indexes("recovery")
}

// TestPeriodsMatchGo checks the member periods each change set keeps in SQL
// against the Go derivation (tochuc.MembershipAt on each date of an event):
// after importing a synthetic province, after imports of further events,
// deaths and retractions, and after change sets writing random events (any
// order, same dates, same seq), deaths and retractions straight to the tables.
func TestPeriodsMatchGo(t *testing.T) {
	ctx := context.Background()
	db := sqldbtest.Open(t)
	dir := filepath.Join(t.TempDir(), "p")
	if _, err := synth.WriteProvince(dir, synth.Province{Districts: 2, CommunesPerDist: 3, VillagesPerCommune: 4,
		Enterprises: 30, MembersPerCell: 6, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	src, err := container.OpenSource(dir)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := db.ImportBundle(ctx, src, "tester", "synth", bundle.Options{})
	src.Close()
	if err != nil || !rep.OK() {
		t.Fatalf("import: %v %v", err, rep)
	}
	checkPeriods(t, db, "synthetic province")
	var people []string
	var cells []string
	rows, err := db.Query(`SELECT DISTINCT person_id FROM party ORDER BY person_id`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var id string
		rows.Scan(&id)
		people = append(people, id)
	}
	rows.Close()
	rows, err = db.Query(`SELECT DISTINCT unit_id FROM party WHERE unit_id IS NOT NULL ORDER BY unit_id`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var id string
		rows.Scan(&id)
		cells = append(cells, id)
	}
	rows.Close()
	if len(people) < 100 || len(cells) < 5 {
		t.Fatalf("%d members, %d organizations", len(people), len(cells))
	}

	// Valid edits through the import: a transfer, a probationary transfer in, a death without its event.
	importRows(t, db, map[string][][]string{
		"people": {{"id", "full_name", "died_on"}, {"N1", "Mới", ""}, {people[0], "Đổi", "2019-03-01"}},
		"party": {{"person_id", "event", "date", "unit_id", "status"},
			{"N1", "transferred_in", "2017-01-01", cells[0], "probationary"}, {"N1", "recognized", "2018-01-01", "", ""},
			{"N1", "transferred", "2018-01-01", cells[1], ""}, {"N1", "transferred_out", "2018-06-01", "", ""},
			{"N1", "transferred_in", "2018-09-01", cells[2], "official"}},
	})
	checkPeriods(t, db, "import of edits")
	c, err := db.Begin(ctx, "tester", "retract", sqldb.Trusted)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Retract(ctx, bundle.Retraction{File: "party", Key: map[string]string{"person_id": "N1", "event": "transferred_out", "date": "2018-06-01"}}); err != nil {
		t.Fatal(err)
	}
	if err := c.Commit(ctx); err != nil {
		t.Fatal(err)
	}
	checkPeriods(t, db, "retraction")

	// Random change sets written straight to the tables, some abandoned.
	r := rand.New(rand.NewPCG(5, 8))
	events := append(slices.Clone(tochuc.PartyEvents), "admitted", "recognized", "transferred")
	date := func() tochuc.Date { return tochuc.MustDate("2015-01-01").AddDays(r.IntN(8) * 180) }
	people = append(people, "R1", "R2", "R3")
	var atRound []string
	var heldAt int64
	for round := range 40 {
		c, err := db.Begin(ctx, "tester", "random", sqldb.Trusted)
		if err != nil {
			t.Fatal(err)
		}
		exec := func(q string, args ...any) {
			t.Helper()
			if db.Dialect == sqldb.Postgres {
				q = pgBind(q)
			}
			if _, err := c.Tx.ExecContext(ctx, q, args...); err != nil {
				t.Fatalf("round %d: %s: %v", round, q, err)
			}
		}
		for range 1 + r.IntN(25) {
			p := people[r.IntN(len(people))]
			switch k := r.IntN(10); {
			case k < 6: // an event, any
				var unit, status any
				if r.IntN(3) > 0 {
					unit = cells[r.IntN(len(cells))]
				}
				ev := events[r.IntN(len(events))]
				if ev == tochuc.EventTransferredIn && r.IntN(2) == 0 {
					status = "probationary"
				}
				exec(`INSERT INTO party (person_id, event, date, seq, unit_id, status, rec_from, rec_cs) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
					ON CONFLICT DO NOTHING`, p, ev, date(), r.IntN(2), unit, status, c.At, c.ID)
			case k < 8: // an event retracted
				exec(`UPDATE party SET rec_to = ?, end_cs = ? WHERE rid = (SELECT MIN(rid) FROM party
					WHERE person_id = ? AND rec_to IS NULL AND date >= ?)`, c.At, c.ID, p, date())
			default: // death recorded, moved or taken back
				var died any
				if r.IntN(3) > 0 {
					died = date().AddDays(r.IntN(3) - 1)
				}
				exec(`UPDATE people SET rec_to = ?, end_cs = ? WHERE id = ? AND rec_to IS NULL`, c.At, c.ID, p)
				exec(`INSERT INTO people (id, full_name, died_on, rec_from, rec_cs) VALUES (?, ?, ?, ?, ?)`, p, "X", died, c.At, c.ID)
			}
		}
		if r.IntN(5) == 0 {
			c.Rollback()
			continue
		}
		if err := c.Commit(ctx); err != nil {
			t.Fatal(err)
		}
		checkPeriods(t, db, fmt.Sprintf("random change set %d", round))
		if atRound == nil && round >= 20 {
			atRound, heldAt = memberPeriodRows(t, db), c.At
		}
	}
	// As recorded after round 20 (or the first kept after it): what member_periods held then.
	if got, err := sqldb.PeriodLinesAt(ctx, db, heldAt); err != nil || !slices.Equal(got, atRound) {
		t.Fatalf("periods as recorded at round 20 (%v): %d lines, member_periods then held %d", err, len(got), len(atRound))
	}
	if _, err := db.Exec(`DELETE FROM member_periods_state`); err != nil {
		t.Fatal(err)
	}
	if err := db.RefreshMemberPeriods(ctx); err != nil {
		t.Fatal(err)
	}
	checkPeriods(t, db, "derived again in full")
}

// pgBind numbers ? placeholders for PostgreSQL.
func pgBind(q string) string {
	out, n := []byte{}, 0
	for i := 0; i < len(q); i++ {
		if q[i] == '?' {
			n++
			out = fmt.Appendf(out, "$%d", n)
			continue
		}
		out = append(out, q[i])
	}
	return string(out)
}

// importRows imports files given as rows, the header first.
func importRows(t *testing.T, db *sqldb.DB, files map[string][][]string) {
	t.Helper()
	rep, err := db.ImportBundle(context.Background(), bundle.Tables(files), "tester", "test", bundle.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !rep.OK() {
		t.Fatalf("import refused: %v", rep.Issues)
	}
}
