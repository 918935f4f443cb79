package app_test

import (
	"context"
	"testing"

	"github.com/tochuc/tochuc/internal/app"
	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/sqldb/sqldbtest"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// dueOn lists one kind of work due in H1 on a date, as the district clerk.
func dueOn(t *testing.T, a *app.App, kind, on string) *app.DuePage {
	t.Helper()
	sc, err := a.Scope(context.Background(), clerk.User)
	if err != nil {
		t.Fatal(err)
	}
	pg, err := sc.Due(context.Background(), app.DueParams{Kind: kind, AsOf: d(on)}, 0, 50)
	if err != nil {
		t.Fatal(err)
	}
	return pg
}

// wantDue checks that a list holds exactly one person, with its deadline
// and overdue mark (person "" : the list is empty).
func wantDue(t *testing.T, pg *app.DuePage, person, due string, overdue bool) {
	t.Helper()
	if person == "" {
		if pg.Total != 0 || len(pg.Items) != 0 {
			t.Fatalf("%s on %s: want none, got %+v", pg.Kind, pg.AsOf.Vietnamese(), pg.Items)
		}
		return
	}
	if pg.Total != 1 || len(pg.Items) != 1 {
		t.Fatalf("%s on %s: want %s, got %d %+v", pg.Kind, pg.AsOf.Vietnamese(), person, pg.Total, pg.Items)
	}
	it := pg.Items[0]
	if it.PersonID != person || it.Due != d(due) || it.Overdue != overdue || it.UnitName == "" {
		t.Fatalf("%s on %s: %+v, want %s due %s overdue %v", pg.Kind, pg.AsOf.Vietnamese(), it, person, due, overdue)
	}
}

// Q1 was admitted on Friday 03/10/2025: the ceremony is due 30 working
// days later, Friday 14/11/2025 (calendar days would say 02/11).
func TestDueCeremonyWorkingDays(t *testing.T) {
	a, _ := caseApp(t)
	wantDue(t, dueOn(t, a, "ceremony", "2025-10-03"), "Q1", "2025-11-14", false)
	wantDue(t, dueOn(t, a, "ceremony", "2025-11-03"), "Q1", "2025-11-14", false) // past 30 calendar days, not 30 working days
	wantDue(t, dueOn(t, a, "ceremony", "2025-11-14"), "Q1", "2025-11-14", false)
	wantDue(t, dueOn(t, a, "ceremony", "2025-11-15"), "Q1", "2025-11-14", true)
	wantDue(t, dueOn(t, a, "ceremony", "2025-10-02"), "", "", false) // before the admission
	if _, err := a.Casework(context.Background(), clerk, app.CaseRequest{Flow: app.FlowCeremony, PersonID: "Q1", Ceremony: d("2025-11-20")}); err != nil {
		t.Fatal(err)
	}
	wantDue(t, dueOn(t, a, "ceremony", "2025-11-21"), "", "", false)
}

// Q1's probation ends on Saturday 03/10/2026; it is listed from 30 days
// before, and overdue after 30 working days: Friday 13/11/2026.
func TestDueProbationWorkingDays(t *testing.T) {
	a, _ := caseApp(t)
	wantDue(t, dueOn(t, a, "probation", "2026-09-02"), "", "", false)
	wantDue(t, dueOn(t, a, "probation", "2026-09-03"), "Q1", "2026-10-03", false)
	wantDue(t, dueOn(t, a, "probation", "2026-11-13"), "Q1", "2026-10-03", false)
	wantDue(t, dueOn(t, a, "probation", "2026-11-14"), "Q1", "2026-10-03", true)
	if _, err := a.Casework(context.Background(), clerk, app.CaseRequest{Flow: app.FlowRecognize, PersonID: "Q1"}); err != nil {
		t.Fatal(err)
	}
	wantDue(t, dueOn(t, a, "probation", "2026-11-14"), "", "", false)
}

// B1 was admitted on 01/09/1995: 30 years of party age on 01/09/2025, due
// the badge on 2/9/2025; listed from the day after 19/5, overdue once 2/9
// has passed without it.
func TestDueBadges(t *testing.T) {
	db := sqldbtest.Open(t)
	b := caseBundle()
	b.Add("people", map[string]string{"id": "B1", "full_name": "Vũ Văn Già", "birth_date": "1970-01-01"})
	b.Add("party", map[string]string{"person_id": "B1", "event": "admitted", "date": "1995-09-01", "unit_id": "C1"})
	b.Add("party", map[string]string{"person_id": "B1", "event": "recognized", "date": "1996-09-01"})
	sqldbtest.MustImport(t, db, b)
	a := app.New(db, nil)
	wantDue(t, dueOn(t, a, "badge", "2025-05-19"), "", "", false)
	pg := dueOn(t, a, "badge", "2025-05-20")
	wantDue(t, pg, "B1", "2025-09-02", false)
	if pg.Items[0].Badge != "badge_30" {
		t.Fatalf("badge: %+v", pg.Items[0])
	}
	wantDue(t, dueOn(t, a, "badge", "2025-09-02"), "B1", "2025-09-02", false)
	wantDue(t, dueOn(t, a, "badge", "2025-09-03"), "B1", "2025-11-07", true)
	aw := bundle.Tables{}
	aw.Add("awards", map[string]string{"person_id": "B1", "kind": "badge_30", "date": "2025-09-02"})
	sqldbtest.MustImport(t, db, aw)
	wantDue(t, dueOn(t, a, "badge", "2025-09-03"), "", "", false)
	// A member of 40 years with the 30-year badge is due the 40-year one (the highest reached).
	b2 := bundle.Tables{}
	b2.Add("people", map[string]string{"id": "B2", "full_name": "Đinh Văn Lão", "birth_date": "1950-01-01"})
	b2.Add("party", map[string]string{"person_id": "B2", "event": "admitted", "date": "1985-10-01", "unit_id": "C1B"})
	b2.Add("party", map[string]string{"person_id": "B2", "event": "recognized", "date": "1986-10-01"})
	b2.Add("awards", map[string]string{"person_id": "B2", "kind": "badge_30", "date": "2015-11-07"})
	sqldbtest.MustImport(t, db, b2)
	pg = dueOn(t, a, "badge", "2025-09-03")
	wantDue(t, pg, "B2", "2025-11-07", false)
	if pg.Items[0].Badge != "badge_40" {
		t.Fatalf("the highest badge reached: %+v", pg.Items[0])
	}
}

// A temporary attendance is listed 30 days before its end; an open one
// once it reaches a year, overdue after it.
func TestDueTemporary(t *testing.T) {
	a, _ := caseApp(t)
	ctx := context.Background()
	if _, err := a.Casework(ctx, clerk, app.CaseRequest{Flow: app.FlowTemporary, PersonID: "I1", UnitID: "C1B", Date: d("2025-01-06"), To: d("2025-06-30")}); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Casework(ctx, clerk, app.CaseRequest{Flow: app.FlowTemporary, PersonID: "I2", UnitID: "C1B", Date: d("2025-03-03")}); err != nil {
		t.Fatal(err)
	}
	wantDue(t, dueOn(t, a, "temporary", "2025-05-30"), "", "", false)
	wantDue(t, dueOn(t, a, "temporary", "2025-05-31"), "I1", "2025-06-30", false)
	wantDue(t, dueOn(t, a, "temporary", "2025-07-01"), "", "", false) // ended
	wantDue(t, dueOn(t, a, "temporary", "2026-02-01"), "I2", "2026-03-03", false)
	wantDue(t, dueOn(t, a, "temporary", "2026-03-04"), "I2", "2026-03-03", true)
}

// A temporary attendance across two districts names a member or an
// organization outside each: it is on neither district's list (the read
// policy), and on the province's.
func TestDueTemporaryEitherSide(t *testing.T) {
	db := sqldbtest.Open(t)
	b := caseBundle()
	b.Add("party_temporary", map[string]string{"person_id": "O1", "unit_id": "C1", "valid_from": "2025-01-06", "valid_to": "2025-06-30"})
	b.Add("party_temporary", map[string]string{"person_id": "I1", "unit_id": "C2", "valid_from": "2025-01-06", "valid_to": "2025-06-20"})
	sqldbtest.MustImport(t, db, b)
	a := app.New(db, nil)
	wantDue(t, dueOn(t, a, "temporary", "2025-06-01"), "", "", false)
	sc, err := a.Scope(context.Background(), tochuc.User{Login: "tinh", Role: tochuc.RoleStaff, ScopeUnitID: "T"})
	if err != nil {
		t.Fatal(err)
	}
	if pg, err := sc.Due(context.Background(), app.DueParams{Kind: "temporary", AsOf: d("2025-06-01")}, 0, 10); err != nil || pg.Total != 2 {
		t.Fatalf("the province: %v %+v", err, pg)
	}
}

func TestDueScope(t *testing.T) {
	a, _ := caseApp(t)
	sc, err := a.Scope(context.Background(), clerk.User)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := sc.Due(context.Background(), app.DueParams{Kind: "ceremony", Scope: "H2", AsOf: d("2025-11-01")}, 0, 10); tochuc.ErrorCode(err) != tochuc.EForbidden {
		t.Fatalf("another district: %v", err)
	}
}

// The whole registry's list (an administrator with no unit chosen) holds
// every district's work.
func TestDueWholeRegistry(t *testing.T) {
	a, _ := caseApp(t)
	sc, err := a.Scope(context.Background(), app.CLI("t").User)
	if err != nil {
		t.Fatal(err)
	}
	pg, err := sc.Due(context.Background(), app.DueParams{Kind: "ceremony", AsOf: d("2025-11-01")}, 0, 10)
	if err != nil || pg.Total != 1 || pg.Items[0].PersonID != "Q1" {
		t.Fatalf("whole registry: %v %+v", err, pg)
	}
}
