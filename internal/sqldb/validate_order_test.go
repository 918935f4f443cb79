package sqldb_test

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/sqldb/sqldbtest"
)

// TestOrderCheckWithHeldEvents checks that the membership-order check of a
// later import (and of a check of the same bundle) merges the bundle's events
// with those held of the same people: a held event replaced by the bundle's
// row counts once, a second admission after a held one is refused, a
// recognition after a held admission passes.
func TestOrderCheckWithHeldEvents(t *testing.T) {
	ctx := context.Background()
	db := sqldbtest.Open(t)
	importRows(t, db, map[string][][]string{
		"units":  {{"id", "name", "kind", "valid_from"}, {"C1", "Chi bộ 1", "party_cell", "2000-01-01"}, {"C2", "Chi bộ 2", "party_cell", "2000-01-01"}},
		"people": {{"id", "full_name"}, {"P1", "An"}, {"P2", "Bình"}, {"P3", "Cúc"}, {"P4", "Dung"}},
		"party": {{"person_id", "event", "date", "unit_id"}, {"P1", "admitted", "2010-01-01", "C1"},
			{"P2", "admitted", "2011-01-01", "C1"}, {"P4", "admitted", "2011-01-01", "C1"}},
	})
	later := bundle.Tables{"party": {{"person_id", "event", "date", "unit_id"},
		{"P1", "admitted", "2010-01-01", "C2"},  // replaces the held row: no second admission
		{"P2", "admitted", "2013-01-01", "C2"},  // line 3: a second admission
		{"P2", "recognized", "2012-01-01", ""},  // after the held admission: fine
		{"P3", "recognized", "2012-01-01", ""}}} // line 5: never admitted
	want := []string{"3 event", "5 event"}
	lines := func(rep *bundle.Report) []string {
		var out []string
		for _, is := range rep.Issues {
			if !is.Warning {
				out = append(out, fmt.Sprint(is.Line, " ", is.Column))
			}
		}
		slices.Sort(out)
		return out
	}
	rep, err := db.CheckBundle(ctx, later, "tester", "check", bundle.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := lines(rep); !slices.Equal(got, want) {
		t.Errorf("check: issues at %v, want %v: %v", got, want, rep.Issues)
	}
	rep, err = db.ImportBundle(ctx, later, "tester", "import", bundle.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := lines(rep); !slices.Equal(got, want) {
		t.Errorf("import: issues at %v, want %v: %v", got, want, rep.Issues)
	}
}
