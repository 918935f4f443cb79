package app_test

import (
	"context"
	"strings"
	"testing"

	"github.com/tochuc/tochuc/internal/app"
	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/sqldb/sqldbtest"
)

// TestImportJudgesTargetsByTheCatalog: an import through the use case
// judges a target's indicator by the catalog (the model alone cannot): an
// unknown id is refused, a share written as a percentage is refused with
// the fraction explained, a share as a fraction and a count are kept.
func TestImportJudgesTargetsByTheCatalog(t *testing.T) {
	db := sqldbtest.Open(t)
	ctx := context.Background()
	a := app.New(db, nil)
	base := func() bundle.Tables {
		b := bundle.Tables{}
		b.Add("units", map[string]string{"id": "T", "name": "Tỉnh ủy", "kind": "province", "valid_from": "2000-01-01"})
		b.Add("documents", map[string]string{"id": "NQ74", "number": "74-NQ/TU", "kind": "resolution", "issuer_id": "T",
			"issued_on": "2016-05-01", "title": "Nghị quyết"})
		return b
	}
	for _, tc := range []struct {
		indicator, value, want string
	}{
		{"party.memberz", "1", "không phải mã một chỉ số"},
		{"village.head_party_member", "70", "0.7 = 70 %"},
		{"village.head_party_member", "0.7", ""},
		{"party.members", "1186", ""},
	} {
		b := base()
		b.Add("document_targets", map[string]string{"document_id": "NQ74", "target_id": "1", "indicator": tc.indicator,
			"due_on": "2020-12-31", "op": ">=", "value": tc.value})
		rep, err := a.CheckImport(ctx, app.CLI("thu"), b, bundle.Options{})
		if err != nil {
			t.Fatal(err)
		}
		got := ""
		for _, is := range rep.Issues {
			got += is.Vi + "\n"
		}
		if tc.want == "" && !rep.OK() || tc.want != "" && (rep.OK() || !strings.Contains(got, tc.want)) {
			t.Errorf("%s = %s: issues %q, want %q", tc.indicator, tc.value, got, tc.want)
		}
	}
	b := base()
	b.Add("document_targets", map[string]string{"document_id": "NQ74", "target_id": "1", "indicator": "party.memberz",
		"due_on": "2020-12-31", "op": ">=", "value": "1"})
	if rep, err := a.Import(ctx, app.CLI("thu"), b, "x.zip", bundle.Options{}); err != nil || rep.OK() {
		t.Errorf("import of an unknown indicator: %v %+v", err, rep)
	}
}
