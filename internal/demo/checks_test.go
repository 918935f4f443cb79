package demo

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"testing"

	"github.com/tochuc/tochuc/internal/check"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// demoChecks: the demo province's findings on 31/12/2025 — one rating group
// over the quota (EVAL-11, a committee of 2024 that rated too many
// "excellent") and one head rated above his committee (EVAL-13, in 2024):
// the ratings follow their rule sets but for these — and the groups of
// EVAL-11 checked by hand: an independent SQL count of the decided
// excellent and good ratings of each group.
func demoChecks(t *testing.T, db *sqldb.DB) {
	ctx := context.Background()
	fs, err := check.Run(ctx, db.Reader(sqldb.Recorded{}).CheckSource(), check.Params{AsOf: tochuc.MustDate("2025-12-31")})
	if err != nil {
		t.Fatal(err)
	}
	count := map[string]int{}
	found := map[string]bool{}
	for _, f := range fs {
		count[f.Rule]++
		if f.Rule == "EVAL-11" {
			found[fmt.Sprintf("%s|%s|%s", f.Subject["year"], f.Subject["category"], f.Subject["rated_by_id"])] = true
		}
	}
	if count["EVAL-11"] != 1 || count["EVAL-13"] != 1 {
		t.Errorf("EVAL-11 %d, EVAL-13 %d; want 1 and 1", count["EVAL-11"], count["EVAL-13"])
	}
	t.Logf("findings on 31/12/2025 by rule: %v", count)
	rows, err := db.QueryContext(ctx, `SELECT year, category, rated_by_id FROM evaluations
		WHERE rec_to IS NULL AND year <= 2025 AND rated_by_id IS NOT NULL AND status = 'decided'
		GROUP BY year, category, rated_by_id
		HAVING SUM(CASE WHEN rating = 'excellent' THEN 1 ELSE 0 END) > (20 * SUM(CASE WHEN rating = 'good' THEN 1 ELSE 0 END)) / 100`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	byHand := map[string]bool{}
	for rows.Next() {
		var year int
		var cat, by string
		if err := rows.Scan(&year, &cat, &by); err != nil {
			t.Fatal(err)
		}
		byHand[fmt.Sprintf("%d|%s|%s", year, cat, by)] = true
	}
	if !maps.Equal(found, byHand) {
		var miss, extra []string
		for k := range byHand {
			if !found[k] {
				miss = append(miss, k)
			}
		}
		for k := range found {
			if !byHand[k] {
				extra = append(extra, k)
			}
		}
		slices.Sort(miss)
		slices.Sort(extra)
		t.Errorf("EVAL-11 groups: %d found, %d by hand; missing %.5v, extra %.5v", len(found), len(byHand), miss, extra)
	}
}
