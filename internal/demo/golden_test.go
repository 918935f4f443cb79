package demo

import (
	"bytes"
	"context"
	"flag"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/tochuc/tochuc/internal/indicator"
	"github.com/tochuc/tochuc/internal/report"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/tochuc"
)

var update = flag.Bool("update", false, "rewrite the golden reports in testdata/")

func compute(t *testing.T, db *sqldb.DB, asOf, since, scope string) *indicator.Result {
	t.Helper()
	ctx := context.Background()
	p := indicator.Params{AsOf: tochuc.MustDate(asOf), Scope: scope}
	if since != "" {
		p.Since = tochuc.MustDate(since)
	}
	res, err := indicator.Compute(ctx, db.Reader(sqldb.Recorded{}), p)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// golden compares a report's JSON with testdata/name (or rewrites it with -update).
func golden(t *testing.T, name string, res *indicator.Result) {
	t.Helper()
	var got bytes.Buffer
	if err := report.WriteJSON(&got, res); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/demo -run Seed1Database/Golden -update)", err)
	}
	if !bytes.Equal(got.Bytes(), want) {
		t.Errorf("%s differs from the golden report; got:\n%s", name, got.String())
	}
}

// figure is an article figure as the catalog gives it.
type figure struct {
	f, scope, id string
	value, of    int     // of = 0 when not a share
	change       *int    // for "−102"-like figures
	percent      float64 // the article's rounding of the ratio, or 0
}

func ptr(n int) *int { return &n }

// articleFigures are the article's table (seed/SUMMARY.md) as indicators of indicators-v1.
var articleFigures = []figure{
	{f: "F2", scope: "VN1-24/UBND", id: "units.internal_division", change: ptr(-2)},
	{f: "F3", scope: "VN1-24", id: "units.public_service_unit", change: ptr(-102)},
	{f: "F4", scope: "VN1-24", id: "staff.total", change: ptr(-1120)},
	{f: "F5", scope: "VN1-24", id: "concurrency.district.secretary_council_chair", value: 5, of: 10},
	{f: "F6", scope: "VN1-24", id: "concurrency.commune.secretary_council_chair", value: 165, of: 230},
	{f: "F7", scope: "VN1-24", id: "concurrency.district.secretary_committee_chair", value: 2, of: 10},
	{f: "F8", scope: "VN1-24", id: "concurrency.commune.secretary_committee_chair", value: 4, of: 230},
	{f: "F9", scope: "VN1-24", id: "concurrency.district.mass_mobilization_front", value: 7, of: 10},
	{f: "F10", scope: "VN1-24", id: "concurrency.district.propaganda_training_center", value: 10, of: 10},
	{f: "F11", scope: "VN1-24", id: "commune.party_office_civil_servant", value: 154, of: 230},
	{f: "F12", scope: "VN1-213", id: "commune.combined_office", value: 16, of: 16},
	{f: "F13", scope: "VN1-218", id: "commune.combined_office", value: 12, of: 27},
	{f: "F14", scope: "VN1-24", id: "recruitment.commune.university_plus", value: 94},
	{f: "F15", scope: "VN1-24", id: "key_cadres.commune.count", value: 1186},
	{f: "F16", scope: "VN1-24", id: "key_cadres.commune.college_plus", of: 1186, percent: 63.1},
	{f: "F17", scope: "VN1-24", id: "key_cadres.commune.theory_intermediate_plus", of: 1186, percent: 97},
	{f: "F18", scope: "VN1-24", id: "village.head_party_member", percent: 65.4},
	{f: "F19", scope: "VN1-24", id: "village.deputy_head_party_member", percent: 46.6},
	{f: "F20", scope: "VN1-24", id: "party.non_state_enterprise.orgs", value: 18},
	{f: "F20", scope: "VN1-24", id: "party.non_state_enterprise.members", value: 143},
}

// goldenArticle: the demo province's report on 2018-12-31 since
// 2018-05-30 reproduces the article's table, and matches the golden reports.
func goldenArticle(t *testing.T, db *sqldb.DB) {
	results := map[string]*indicator.Result{}
	for _, sc := range []string{"VN1-24", "VN1-24/UBND", "VN1-213", "VN1-218"} {
		results[sc] = compute(t, db, "2018-12-31", "2018-05-30", sc)
	}
	for _, fig := range articleFigures {
		ind := find(t, results[fig.scope], fig.id)
		switch {
		case fig.change != nil:
			if ind.Change == nil || *ind.Change != *fig.change {
				t.Errorf("%s %s (%s): change %v, want %d", fig.f, fig.id, fig.scope, ind.Change, *fig.change)
			}
		case fig.value != 0 && ind.Value != fig.value:
			t.Errorf("%s %s (%s): value %d, want %d", fig.f, fig.id, fig.scope, ind.Value, fig.value)
		}
		if fig.of != 0 && (ind.Of == nil || *ind.Of != fig.of) {
			t.Errorf("%s %s: of %v, want %d", fig.f, fig.id, ind.Of, fig.of)
		}
		if fig.percent != 0 && (ind.Ratio == nil || math.Round(*ind.Ratio*1000)/10 != fig.percent) {
			t.Errorf("%s %s: ratio %v, want %.1f %%", fig.f, fig.id, ind.Ratio, fig.percent)
		}
	}
	staff := find(t, results["VN1-24"], "staff.total")
	if d := staff.By["state"] - staff.Since.By["state"]; d != -1043 {
		t.Errorf("F4: state bloc change %d, want -1043", d)
	}
	if d := staff.By["party"] + staff.By["front"] - staff.Since.By["party"] - staff.Since.By["front"]; d != -77 {
		t.Errorf("F4: party and mass-organization bloc change %d, want -77", d)
	}
	orgs := find(t, results["VN1-24"], "party.non_state_enterprise.orgs")
	if orgs.By["party_grassroots_cell"] != 2 || orgs.By["party_cell"] != 16 {
		t.Errorf("F20: %v, want 2 grassroots cells and 16 cells", orgs.By)
	}
	for sc, name := range map[string]string{"VN1-24": "report-2018-12-31-VN1-24.json", "VN1-213": "report-2018-12-31-VN1-213.json",
		"VN1-218": "report-2018-12-31-VN1-218.json"} {
		golden(t, name, results[sc])
	}
}

// goldenAfterMerger: the reports after the end of the district level and
// the merger into the new Tỉnh Bắc Ninh (2025-07-01), on the commune figures
// of indicators-v1 amendment 1: on 2026-06-30 since 2025-06-30, and on the
// day of the reform.
func goldenAfterMerger(t *testing.T, db *sqldb.DB) {
	res := compute(t, db, "2026-06-30", "2025-06-30", "")
	for id, want := range map[string][2]int{"units.district": {0, 10}, "units.commune": {58, 192}, "units.province": {1, 1}} {
		ind := find(t, res, id)
		if ind.Value != want[0] || ind.Since == nil || ind.Since.Value != want[1] {
			t.Errorf("%s: %d (before %v), want %d (before %d)", id, ind.Value, ind.Since, want[0], want[1])
		}
	}
	golden(t, "report-2026-06-30.json", res)
	golden(t, "report-2026-06-30-VN2-24.json", compute(t, db, "2026-06-30", "", "VN2-24"))
	// The day of the reform, against the day before; the new province and
	// one new commune (Phường Bắc Giang). Every figure of these files is
	// recomputed from the records by TestGoldenReportsChecked.
	golden(t, "report-2025-07-01.json", compute(t, db, "2025-07-01", "2025-06-30", ""))
	golden(t, "report-2025-07-01-VN2-24.json", compute(t, db, "2025-07-01", "", "VN2-24"))
	golden(t, "report-2026-06-30-VN2-07210.json", compute(t, db, "2026-06-30", "2025-07-01", "VN2-07210"))
}

func find(t *testing.T, r *indicator.Result, id string) indicator.Indicator {
	t.Helper()
	for _, ind := range r.Indicators {
		if ind.ID == id {
			return ind
		}
	}
	t.Fatalf("no indicator %s", id)
	return indicator.Indicator{}
}
