package sqldb_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/tochuc/tochuc/internal/sqldb/sqldbtest"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// TestAuditByRecord: the filters by person and by unit keep the changes to
// the records whose key holds the id, at any position of the key, and not
// an id that merely starts or ends the same way.
func TestAuditByRecord(t *testing.T) {
	ctx := context.Background()
	db := sqldbtest.Open(t)
	t0 := time.Date(2025, 7, 1, 8, 0, 0, 0, time.UTC)
	for i, e := range []tochuc.AuditEntry{
		{Action: "people.correct", ObjectType: "people", ObjectID: "P1"},
		{Action: "people.correct", ObjectType: "people", ObjectID: "P10"},
		{Action: "assignments.change", ObjectType: "assignments", ObjectID: "P1|U/1|secretary|2020-01-01"},
		{Action: "assignments.add", ObjectType: "assignments", ObjectID: "P2|U/10|chair|2020-01-01"},
		{Action: "headcount.add", ObjectType: "headcount", ObjectID: "U/1|2024-01-01"},
		{Action: "plans.add", ObjectType: "plans", ObjectID: "2025-2030|U/1|secretary|P1"},
		{Action: "units.change", ObjectType: "units", ObjectID: "U/1"},
		{Action: "restructure.merge", ObjectType: "restructure", ObjectID: "E1", Detail: map[string]any{"from": []string{"U/1", "U/2"}}},
		{Action: "user.create", ObjectType: "user", ObjectID: "1"},
		{Action: "party.add", ObjectType: "party", ObjectID: "P1_|admitted|2020-01-01"},
	} {
		e.At, e.UserLogin = t0.Add(time.Duration(i)*time.Second), "an"
		if err := db.AppendAudit(ctx, e); err != nil {
			t.Fatal(err)
		}
	}
	for f, want := range map[tochuc.AuditFilter]string{
		{Person: "P1"}:                        "[plans.add assignments.change people.correct]",
		{Person: "P1_"}:                       "[party.add]",
		{Unit: "U/1"}:                         "[restructure.merge units.change plans.add headcount.add assignments.change]",
		{Unit: "U/1", Action: "assignments."}: "[assignments.change]",
		{Unit: "U/1", Person: "P1", Limit: 1}: "[plans.add]",
		{Unit: "U/2"}:                         "[restructure.merge]",
		{Person: "U/1"}:                       "[]",
	} {
		es, total, err := db.ListAudit(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range es {
			got = append(got, e.Action)
		}
		if fmt.Sprint(got) != want && !(want == "[]" && len(got) == 0) {
			t.Errorf("%+v: %v (%d), want %s", f, got, total, want)
		}
	}
}
