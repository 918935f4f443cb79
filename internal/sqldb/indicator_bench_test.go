package sqldb_test

import (
	"context"
	"maps"
	"strings"
	"testing"
	"time"

	"github.com/tochuc/tochuc/internal/indicator"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// BenchmarkCatalog imports a synthetic province of about 100,000 party
// members and 20,000 units (synth.ProvinceFor) once, then measures
// indicator.Compute of the whole catalog at 31-12-2018 with since 30-5-2018
// (ns/op). In the same run it times, for a few heavy indicators, tochuc's
// evaluation of that indicator alone against the best single hand-written
// SQL query giving the same figure from the registry's tables (asserting
// they agree), and reports their ratio (tochuc / hand-written). cold-ms is
// the first report after the import (which keeps the member periods).
// The engine is the one sqldbtest selects (TOCHUC_TEST_POSTGRES).
func BenchmarkCatalog(b *testing.B) {
	ctx := context.Background()
	db, src, took := importProvince(b)
	src.Close()
	importSecs := took.Seconds()
	reader := db.Reader(sqldb.Recorded{})
	p := indicator.Params{AsOf: tochuc.MustDate("2018-12-31"), Since: tochuc.MustDate("2018-05-30")}
	start := time.Now()
	res, err := indicator.Compute(ctx, reader, p)
	if err != nil {
		b.Fatal(err)
	}
	cold := time.Since(start)
	figures := map[string]indicator.Indicator{}
	for _, ind := range res.Indicators {
		figures[ind.ID] = ind
	}
	units := 0
	for id, ind := range figures {
		if strings.HasPrefix(id, "units.") {
			units += ind.Value
		}
	}
	type timing struct{ ours, hand time.Duration }
	timings := make([]timing, len(handWritten))
	for i, h := range handWritten {
		timings[i].ours, timings[i].hand = timeIndicator(b, reader, db, h)
	}
	for b.Loop() {
		if _, err := indicator.Compute(ctx, reader, p); err != nil {
			b.Fatal(err)
		}
	}
	for i, h := range handWritten { // reported after the loop, which resets metrics
		ours, hand := timings[i].ours, timings[i].hand
		b.ReportMetric(ours.Seconds()*1000, h.metric+"-ms")
		b.ReportMetric(hand.Seconds()*1000, h.metric+"-hand-ms")
		b.ReportMetric(ours.Seconds()/hand.Seconds(), h.metric+"-ratio")
	}
	b.ReportMetric(float64(figures["party.members"].Value), "members")
	b.ReportMetric(float64(units), "units")
	b.ReportMetric(importSecs, "import-s")
	b.ReportMetric(cold.Seconds()*1000, "cold-ms")
}

// timeIndicator returns the best of 5 timings of tochuc's evaluation of one
// indicator at 31-12-2018 and of its hand-written query, after checking that
// both give the same figures, part by part.
func timeIndicator(b *testing.B, reader *sqldb.Reader, db *sqldb.DB, h handQuery) (ours, hand time.Duration) {
	ctx := context.Background()
	def, _ := indicator.Lookup(h.id)
	p := indicator.Params{AsOf: tochuc.MustDate("2018-12-31")}
	ours, hand = time.Hour, time.Hour
	for range 5 {
		start := time.Now()
		ms, err := reader.Evaluate(ctx, p, []indicator.Def{def})
		if err != nil {
			b.Fatal(err)
		}
		ours = min(ours, time.Since(start))
		start = time.Now()
		got := map[string]int{}
		rows, err := db.Query(h.sql)
		if err != nil {
			b.Fatalf("%s: %v", h.id, err)
		}
		for rows.Next() {
			var part string
			var n int64
			if err := rows.Scan(&part, &n); err != nil {
				b.Fatal(err)
			}
			got[part] = int(n)
		}
		rows.Close()
		hand = min(hand, time.Since(start))
		want := map[string]int{}
		for _, m := range ms {
			if m.ID == h.id && m.Value != 0 {
				want[m.Part] = m.Value
			}
		}
		if !maps.Equal(got, want) {
			b.Fatalf("%s: hand-written query gives %v, tochuc %v", h.id, got, want)
		}
	}
	return ours, hand
}

// handQuery is the best single SQL query for an indicator's figures at
// 31-12-2018 (rows: part, value), written directly on the registry's tables
// (rows held now), the same on both engines.
type handQuery struct {
	id, metric, sql string
}

const (
	validU = ` u.rec_to IS NULL AND u.valid_from <= '2018-12-31' AND (u.valid_to IS NULL OR u.valid_to > '2018-12-31') `
	aliveA = ` NOT EXISTS (SELECT 1 FROM people pe WHERE pe.id = a.person_id AND pe.rec_to IS NULL AND pe.died_on <= '2018-12-31') `
	// sectorOf is the sector of unit u: as given, or its kind's; an internal division's is its parent's.
	sectorOf = `COALESCE(u.sector, CASE WHEN u.kind = 'internal_division' THEN (SELECT COALESCE(p.sector, CASE
		WHEN p.kind LIKE 'party%' OR p.kind = 'political_training_center' THEN 'party'
		WHEN p.kind IN ('fatherland_front', 'socio_political_org') THEN 'front'
		WHEN p.kind IN ('people_council', 'people_committee', 'state_agency', 'public_service_unit', 'combined_office') THEN 'state'
		ELSE 'none' END) FROM units p WHERE p.id = u.parent_id AND p.rec_to IS NULL AND p.valid_from <= '2018-12-31'
		AND (p.valid_to IS NULL OR p.valid_to > '2018-12-31')) END, CASE
		WHEN u.kind LIKE 'party%' OR u.kind = 'political_training_center' THEN 'party'
		WHEN u.kind IN ('fatherland_front', 'socio_political_org') THEN 'front'
		WHEN u.kind IN ('people_council', 'people_committee', 'state_agency', 'public_service_unit', 'combined_office') THEN 'state'
		ELSE 'none' END)`
)

func benchValid(alias string) string { return strings.ReplaceAll(validU, "u.", alias+".") }

var handWritten = []handQuery{
	{"party.members", "members", `SELECT CASE WHEN (SELECT q.event || COALESCE(q.status, '') FROM party q
			WHERE q.person_id = p.person_id AND q.rec_to IS NULL AND q.date <= '2018-12-31'
			AND q.event IN ('admitted', 'recognized', 'transferred_in') ORDER BY q.date DESC, q.seq DESC LIMIT 1)
			IN ('admitted', 'transferred_inprobationary') THEN 'probationary' ELSE 'official' END AS status, COUNT(*)
		FROM party p
		WHERE p.rec_to IS NULL AND p.date <= '2018-12-31' AND p.event IN ('admitted', 'recognized', 'transferred', 'transferred_in')
		AND NOT EXISTS (SELECT 1 FROM party q WHERE q.person_id = p.person_id AND q.rec_to IS NULL AND q.date <= '2018-12-31'
			AND (q.date > p.date OR (q.date = p.date AND q.seq > p.seq)))
		AND NOT EXISTS (SELECT 1 FROM people pe WHERE pe.id = p.person_id AND pe.rec_to IS NULL AND pe.died_on <= '2018-12-31')
		GROUP BY 1`},
	{"key_cadres.commune.count", "keycadres", `SELECT '', COUNT(DISTINCT a.person_id) FROM assignments a
		JOIN units u ON u.id = a.unit_id JOIN units l ON l.id = u.locality_id
		WHERE` + benchValid("a") + `AND` + benchValid("u") + `AND` + benchValid("l") + `AND l.kind = 'commune' AND` + aliveA + `AND (
			(a.role IN ('secretary', 'deputy_secretary') AND u.kind IN ('party_grassroots_committee', 'party_grassroots_cell'))
			OR (a.role IN ('chair', 'vice_chair') AND u.kind IN ('people_council', 'people_committee'))
			OR (a.role = 'chair' AND u.kind = 'fatherland_front'))`},
	{"staff.total", "staff", `SELECT ` + sectorOf + ` AS sector, SUM(h.actual) FROM headcount h JOIN units u ON u.id = h.unit_id
		WHERE h.rec_to IS NULL AND` + benchValid("u") + `AND h.date = (SELECT MAX(h2.date) FROM headcount h2
			WHERE h2.unit_id = h.unit_id AND h2.rec_to IS NULL AND h2.date <= '2018-12-31')
		GROUP BY 1`},
	{"concurrency.commune.secretary_council_chair", "concurrency", `SELECT '', COUNT(*) FROM units x WHERE x.kind = 'commune' AND` +
		benchValid("x") + `AND EXISTS (SELECT 1 FROM units u JOIN assignments a ON a.unit_id = u.id
			JOIN assignments c ON c.person_id = a.person_id JOIN units v ON v.id = c.unit_id
			WHERE u.locality_id = x.id AND u.kind IN ('party_grassroots_committee', 'party_grassroots_cell') AND` + benchValid("u") + `
			AND a.role = 'secretary' AND` + benchValid("a") + `AND c.role = 'chair' AND` + benchValid("c") + `
			AND v.locality_id = x.id AND v.kind = 'people_council' AND` + benchValid("v") + `AND` + aliveA + `)`},
}
