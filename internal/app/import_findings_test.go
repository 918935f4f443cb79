package app_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/tochuc/tochuc/internal/app"
	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/sqldb/sqldbtest"
)

// TestImportCountsFindings: an import reports the rule-check findings it
// adds (today, in the importer's scope) and is kept all the same; the
// same bundle again adds none.
func TestImportCountsFindings(t *testing.T) {
	db := sqldbtest.Open(t)
	ctx := context.Background()
	a := app.New(db, nil)
	b := bundle.Tables{}
	b.Add("units", map[string]string{"id": "DX", "name": "Đảng bộ xã Một", "kind": "party_grassroots_committee", "valid_from": "2000-01-01"})
	for i := range 3 {
		id := fmt.Sprintf("P%d", i)
		b.Add("people", map[string]string{"id": id, "full_name": "Người " + id, "birth_date": "1980-01-01"})
		b.Add("plans", map[string]string{"term": "2025-2030", "unit_id": "DX", "role": "secretary", "person_id": id, "added_on": "2024-06-01"})
	}
	rep, err := a.Import(ctx, app.CLI("thu"), b, "ba.zip", bundle.Options{})
	if err != nil || !rep.OK() {
		t.Fatalf("import: %v %+v", err, rep)
	}
	if f := rep.Findings; f == nil || f.Error != "" || f.ByRule["PLAN-02"] != 0 {
		t.Fatalf("three nominees: %+v", f)
	}
	b.Add("people", map[string]string{"id": "P3", "full_name": "Người P3", "birth_date": "1980-01-01"})
	b.Add("plans", map[string]string{"term": "2025-2030", "unit_id": "DX", "role": "secretary", "person_id": "P3", "added_on": "2024-06-01"})
	rep, err = a.Import(ctx, app.CLI("thu"), b, "bon.zip", bundle.Options{})
	if err != nil || !rep.OK() {
		t.Fatalf("import with a fourth nominee refused: %v %+v", err, rep)
	}
	if f := rep.Findings; f == nil || f.Error != "" || f.ByRule["PLAN-02"] != 1 || f.Added < 1 {
		t.Fatalf("a fourth nominee: findings %+v, want PLAN-02 added once", f)
	}
	b.Add("people", map[string]string{"id": "P9", "full_name": "Người P9"})
	rep, err = a.Import(ctx, app.CLI("thu"), b, "lai.zip", bundle.Options{})
	if err != nil || rep.Findings == nil || rep.Findings.ByRule["PLAN-02"] != 0 {
		t.Fatalf("import again: %v, findings %+v, want no PLAN-02 added", err, rep.Findings)
	}
}
