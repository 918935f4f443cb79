package app_test

import (
	"context"
	"errors"
	"testing"

	"github.com/tochuc/tochuc/internal/app"
	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/sqldb/sqldbtest"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// caseBundle is a province party committee T with two district committees:
// H1 (the clerk's scope) with cells C1, C1B, and H2 with cell C2. I1, I2
// are official members of C1; O1 an official member of C2; Q1 a
// probationary member of C1 (admitted Friday 03/10/2025, no ceremony yet);
// A1 a person not yet a member who lives in H1's area (no place).
func caseBundle() bundle.Tables {
	t := bundle.Tables{}
	unit := func(id, name, kind, parent string) {
		t.Add("units", map[string]string{"id": id, "name": name, "kind": kind, "parent_id": parent, "valid_from": "1970-01-01"})
	}
	unit("T", "Đảng bộ tỉnh Thử", "party_provincial", "")
	unit("H1", "Huyện ủy Một", "party_upper", "T")
	unit("C1", "Chi bộ Một", "party_grassroots_cell", "H1")
	unit("C1B", "Chi bộ Một B", "party_grassroots_cell", "H1")
	unit("H2", "Huyện ủy Hai", "party_upper", "T")
	unit("C2", "Chi bộ Hai", "party_grassroots_cell", "H2")
	for _, p := range [][2]string{{"I1", "Nguyễn Văn An"}, {"I2", "Trần Thị Bình"}, {"O1", "Lê Văn Cường"}, {"Q1", "Phạm Thị Dung"}, {"A1", "Hoàng Văn Em"}} {
		t.Add("people", map[string]string{"id": p[0], "full_name": p[1], "birth_date": "1980-01-01"})
	}
	ev := func(p, event, date, unit string) {
		t.Add("party", map[string]string{"person_id": p, "event": event, "date": date, "unit_id": unit})
	}
	ev("I1", "admitted", "2000-01-03", "C1")
	ev("I1", "recognized", "2001-01-03", "")
	ev("I2", "admitted", "2000-01-03", "C1")
	ev("I2", "recognized", "2001-01-03", "")
	ev("O1", "admitted", "2000-01-03", "C2")
	ev("O1", "recognized", "2001-01-03", "")
	ev("Q1", "admitted", "2025-10-03", "C1")
	return t
}

// clerk is a district clerk: staff of H1.
var clerk = app.Actor{User: tochuc.User{Login: "clerk", FullName: "Văn thư huyện", Role: tochuc.RoleStaff, ScopeUnitID: "H1"}}

// clerkConf is the same clerk with the permission for confidential records.
var clerkConf = app.Actor{User: tochuc.User{Login: "clerk2", FullName: "Văn thư huyện", Role: tochuc.RoleStaff, ScopeUnitID: "H1", Confidential: true}}

func caseApp(t *testing.T) (*app.App, *sqldb.DB) {
	t.Helper()
	db := sqldbtest.Open(t)
	sqldbtest.MustImport(t, db, caseBundle())
	return app.New(db, nil), db
}

// partyEvents reads a person's party events.
func partyEvents(t *testing.T, db *sqldb.DB, id string) []tochuc.MembershipEvent {
	t.Helper()
	pf, err := db.Reader(sqldb.Recorded{}).PersonFile(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return pf.Events
}

// record reads a record by key ("" cells when absent).
func record(t *testing.T, db *sqldb.DB, file string, key map[string]string) map[string]string {
	t.Helper()
	f := bundle.FileByName(file)
	cells, err := db.Reader(sqldb.Recorded{}).Record(context.Background(), f, key)
	if err != nil && tochuc.ErrorCode(err) != tochuc.ENotFound {
		t.Fatal(err)
	}
	out := map[string]string{}
	for i, c := range f.Columns {
		if i < len(cells) {
			out[c.Name] = cells[i]
		}
	}
	return out
}

func d(s string) tochuc.Date { return tochuc.MustDate(s) }

func TestCaseworkAdmissionCeremonyRecognition(t *testing.T) {
	a, db := caseApp(t)
	ctx := context.Background()
	res, err := a.Casework(ctx, clerk, app.CaseRequest{Flow: app.FlowAdmit, PersonID: "A1", UnitID: "C1", Date: d("2025-03-07"),
		DocNumber: "12-QĐ/HU", Introducers: []string{"I1", "I2"}})
	if err != nil {
		t.Fatalf("admission: %v %+v", err, res)
	}
	adm := record(t, db, "party", map[string]string{"person_id": "A1", "event": "admitted", "date": "2025-03-07"})
	if adm["unit_id"] != "C1" || adm["introducer_ids"] != "I1;I2" || adm["ceremony_on"] != "" || adm["document_id"] == "" {
		t.Fatalf("admitted row: %v", adm)
	}
	if doc := record(t, db, "documents", map[string]string{"id": adm["document_id"]}); doc["number"] != "12-QĐ/HU" {
		t.Fatalf("decision document: %v", doc)
	}
	// The ceremony, later; late by working days: 30 working days after Friday 07/03/2025 is Friday 18/04/2025.
	res, err = a.Casework(ctx, clerk, app.CaseRequest{Flow: app.FlowCeremony, PersonID: "A1", Ceremony: d("2025-04-18")})
	if err != nil || len(res.Warnings) != 0 {
		t.Fatalf("ceremony on the deadline: %v %v", err, res.Warnings)
	}
	if adm = record(t, db, "party", map[string]string{"person_id": "A1", "event": "admitted", "date": "2025-03-07"}); adm["ceremony_on"] != "2025-04-18" || adm["introducer_ids"] != "I1;I2" {
		t.Fatalf("ceremony not kept with the admission: %v", adm)
	}
	res, err = a.Casework(ctx, clerk, app.CaseRequest{Flow: app.FlowCeremony, PersonID: "A1", Ceremony: d("2025-04-21")})
	if err != nil || len(res.Warnings) != 1 {
		t.Fatalf("ceremony a working day late: %v %v", err, res.Warnings)
	}
	// Recognition decided late is dated the end of the 12 months (PM-06).
	if _, err := a.Casework(ctx, clerk, app.CaseRequest{Flow: app.FlowRecognize, PersonID: "A1", DocNumber: "40-QĐ/HU", DocDate: d("2026-04-20")}); err != nil {
		t.Fatal(err)
	}
	evs := partyEvents(t, db, "A1")
	if last := evs[len(evs)-1]; last.Event != "recognized" || last.Date != d("2026-03-07") {
		t.Fatalf("recognized: %+v", evs)
	}
}

func TestCaseworkAdmissionNewPerson(t *testing.T) {
	a, db := caseApp(t)
	_, err := a.Casework(context.Background(), clerk, app.CaseRequest{Flow: app.FlowAdmit, NewPerson: map[string]string{"id": "N9", "full_name": "Đỗ Văn Mới"},
		UnitID: "C1", Date: d("2025-03-07"), Introducers: []string{"I1"}})
	if err != nil {
		t.Fatal(err)
	}
	if evs := partyEvents(t, db, "N9"); len(evs) != 1 || evs[0].Event != "admitted" {
		t.Fatalf("events: %+v", evs)
	}
}

func TestCaseworkRefusals(t *testing.T) {
	a, db := caseApp(t)
	ctx := context.Background()
	// An organization outside the clerk's district.
	_, err := a.Casework(ctx, clerk, app.CaseRequest{Flow: app.FlowAdmit, PersonID: "A1", UnitID: "C2", Date: d("2025-03-07"), Introducers: []string{"I1", "I2"}})
	if tochuc.ErrorCode(err) != tochuc.EForbidden {
		t.Fatalf("outside the scope: %v", err)
	}
	// An introducer who is probationary (Q1) is refused on the introducers' field.
	_, err = a.Casework(ctx, clerk, app.CaseRequest{Flow: app.FlowAdmit, PersonID: "A1", UnitID: "C1", Date: d("2025-12-01"), Introducers: []string{"I1", "Q1"}})
	var ce *app.CaseError
	if !errors.As(err, &ce) || ce.Field != "introducer_ids" {
		t.Fatalf("probationary introducer: %v", err)
	}
	if evs := partyEvents(t, db, "A1"); len(evs) != 0 {
		t.Fatalf("written after a refusal: %+v", evs)
	}
	// No introducer.
	if _, err = a.Casework(ctx, clerk, app.CaseRequest{Flow: app.FlowAdmit, PersonID: "A1", UnitID: "C1", Date: d("2025-12-01")}); !errors.As(err, &ce) || ce.Field != "introducer_ids" {
		t.Fatalf("no introducer: %v", err)
	}
	// A member of another district cannot be removed by the clerk.
	_, err = a.Casework(ctx, clerk, app.CaseRequest{Flow: app.FlowRemove, PersonID: "O1", Date: d("2025-12-01"), Reason: "inactive", DocNumber: "1-QĐ"})
	if tochuc.ErrorCode(err) != tochuc.EForbidden {
		t.Fatalf("removal outside the scope: %v", err)
	}
	// A viewer writes nothing.
	viewer := app.Actor{User: tochuc.User{Login: "v", Role: tochuc.RoleViewer, ScopeUnitID: "H1"}}
	if _, err = a.Casework(ctx, viewer, app.CaseRequest{Flow: app.FlowCardIssue, PersonID: "I1", CardNumber: "1", Date: d("2025-01-01")}); tochuc.ErrorCode(err) != tochuc.EForbidden {
		t.Fatalf("viewer: %v", err)
	}
}

func TestCaseworkRemovalAndExpulsion(t *testing.T) {
	a, db := caseApp(t)
	ctx := context.Background()
	if _, err := a.Casework(ctx, clerk, app.CaseRequest{Flow: app.FlowRemove, PersonID: "I2", Date: d("2025-12-01"), Reason: "inactive", Note: "bỏ sinh hoạt 4 tháng", DocNumber: "5-QĐ/HU"}); err != nil {
		t.Fatal(err)
	}
	evs := partyEvents(t, db, "I2")
	if last := evs[len(evs)-1]; last.Event != "removed" {
		t.Fatalf("removed: %+v", evs)
	}
	// Expulsion needs the permission for confidential records.
	req := app.CaseRequest{Flow: app.FlowExpel, PersonID: "I1", Date: d("2025-12-01"), DocNumber: "6-QĐ/HU", Note: "vi phạm"}
	if _, err := a.Casework(ctx, clerk, req); tochuc.ErrorCode(err) != tochuc.EForbidden {
		t.Fatalf("expulsion without the permission: %v", err)
	}
	if evs := partyEvents(t, db, "I1"); evs[len(evs)-1].Event == "expelled" {
		t.Fatal("expelled without the permission")
	}
	if _, err := a.Casework(ctx, clerkConf, req); err != nil {
		t.Fatal(err)
	}
	evs = partyEvents(t, db, "I1")
	dis := record(t, db, "discipline", map[string]string{"subject_type": "person", "subject_id": "I1", "date": "2025-12-01", "form": "expulsion"})
	if evs[len(evs)-1].Event != "expelled" || dis["form"] != "expulsion" {
		t.Fatalf("expulsion: events %+v, discipline %v", evs, dis)
	}
	// Both or none: an expulsion of a non-member writes neither record.
	if _, err := a.Casework(ctx, clerkConf, app.CaseRequest{Flow: app.FlowExpel, PersonID: "A1", Date: d("2025-12-01"), DocNumber: "7-QĐ/HU"}); err == nil {
		t.Fatal("expulsion of a non-member accepted")
	}
	if dis := record(t, db, "discipline", map[string]string{"subject_type": "person", "subject_id": "A1", "date": "2025-12-01", "form": "expulsion"}); dis["form"] != "" {
		t.Fatalf("discipline written alone: %v", dis)
	}
}

func TestCaseworkTransfers(t *testing.T) {
	a, db := caseApp(t)
	ctx := context.Background()
	// Within the registry, in one step.
	if _, err := a.Casework(ctx, clerk, app.CaseRequest{Flow: app.FlowTransfer, PersonID: "I1", UnitID: "C1B", Date: d("2025-06-02"), DocNumber: "GGT-1"}); err != nil {
		t.Fatal(err)
	}
	evs := partyEvents(t, db, "I1")
	if last := evs[len(evs)-1]; last.Event != "transferred" || last.UnitID != "C1B" {
		t.Fatalf("transferred: %+v", evs)
	}
	// In two steps: Q1 (probationary) sent off on Friday 03/10/2025 ...
	if _, err := a.Casework(ctx, clerk, app.CaseRequest{Flow: app.FlowTransferOut, PersonID: "Q1", Date: d("2025-10-10"), DocNumber: "GGT-2"}); err != nil {
		t.Fatal(err)
	}
	sc, err := a.Scope(ctx, clerk.User)
	if err != nil {
		t.Fatal(err)
	}
	pg, err := sc.Due(ctx, app.DueParams{Kind: "transfer", AsOf: d("2025-11-09")}, 0, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(pg.Items) != 1 || pg.Items[0].PersonID != "Q1" || pg.Items[0].UnitID != "C1" || pg.Items[0].Due != d("2025-11-09") || pg.Items[0].Overdue {
		t.Fatalf("not received on the deadline: %+v", pg.Items)
	}
	if pg, _ = sc.Due(ctx, app.DueParams{Kind: "transfer", AsOf: d("2025-11-10")}, 0, 10); len(pg.Items) != 1 || !pg.Items[0].Overdue {
		t.Fatalf("not received the day after: %+v", pg.Items)
	}
	// ... and received by C1B: a probationary member stays probationary.
	if _, err := a.Casework(ctx, clerk, app.CaseRequest{Flow: app.FlowTransferIn, PersonID: "Q1", UnitID: "C1B", Date: d("2025-10-20"), DocNumber: "GGT-2"}); err != nil {
		t.Fatal(err)
	}
	evs = partyEvents(t, db, "Q1")
	if last := evs[len(evs)-1]; last.Event != "transferred_in" || last.Status != "probationary" || last.UnitID != "C1B" {
		t.Fatalf("transferred in: %+v", evs)
	}
	if pg, _ = sc.Due(ctx, app.DueParams{Kind: "transfer", AsOf: d("2025-11-10")}, 0, 10); pg.Total != 0 {
		t.Fatalf("received but listed: %+v", pg.Items)
	}
}

func TestCaseworkTemporaryAndCards(t *testing.T) {
	a, db := caseApp(t)
	ctx := context.Background()
	res, err := a.Casework(ctx, clerk, app.CaseRequest{Flow: app.FlowTemporary, PersonID: "I1", UnitID: "C1B", Date: d("2025-01-06"), To: d("2026-06-30")})
	if err != nil || len(res.Warnings) != 1 {
		t.Fatalf("temporary over a year: %v %v", err, res.Warnings)
	}
	if res, err = a.Casework(ctx, clerk, app.CaseRequest{Flow: app.FlowTemporary, PersonID: "I2", UnitID: "C1B", Date: d("2025-01-06"), To: d("2026-06-30"), Study: true}); err != nil || len(res.Warnings) != 0 {
		t.Fatalf("temporary study of 18 months: %v %v", err, res.Warnings)
	}
	if r := record(t, db, "party_temporary", map[string]string{"person_id": "I1", "unit_id": "C1B", "valid_from": "2025-01-06"}); r["valid_to"] != "2026-06-30" {
		t.Fatalf("temporary: %v", r)
	}
	if _, err := a.Casework(ctx, clerk, app.CaseRequest{Flow: app.FlowCardIssue, PersonID: "I1", CardNumber: "01234567", Date: d("2001-02-03")}); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Casework(ctx, clerk, app.CaseRequest{Flow: app.FlowCardRevoke, PersonID: "I1", CardNumber: "01234567", Date: d("2025-12-01")}); err != nil {
		t.Fatal(err)
	}
	if r := record(t, db, "party_cards", map[string]string{"number": "01234567"}); r["issued_on"] != "2001-02-03" || r["revoked_on"] != "2025-12-01" {
		t.Fatalf("card: %v", r)
	}
	var ce *app.CaseError
	if _, err := a.Casework(ctx, clerk, app.CaseRequest{Flow: app.FlowCardRevoke, PersonID: "I2", CardNumber: "01234567", Date: d("2025-12-01")}); !errors.As(err, &ce) || ce.Field != "number" {
		t.Fatalf("another's card: %v", err)
	}
}

// Recognition waits for the end of the 12 months (the check reads the real
// clock: a person admitted today).
func TestCaseworkRecognitionNotBeforeTheYear(t *testing.T) {
	a, _ := caseApp(t)
	ctx := context.Background()
	today := tochuc.Today()
	if _, err := a.Casework(ctx, clerk, app.CaseRequest{Flow: app.FlowAdmit, PersonID: "A1", UnitID: "C1", Date: today, Introducers: []string{"I1"}}); err != nil {
		t.Fatal(err)
	}
	var ce *app.CaseError
	if _, err := a.Casework(ctx, clerk, app.CaseRequest{Flow: app.FlowRecognize, PersonID: "A1"}); !errors.As(err, &ce) {
		t.Fatalf("recognition before the year: %v", err)
	}
}

// A person outside the scope is not read: the clerk learns nothing of O1's
// membership from a ceremony or a recognition asked for them.
func TestCaseworkPersonOutsideScope(t *testing.T) {
	a, _ := caseApp(t)
	for _, flow := range []string{app.FlowCeremony, app.FlowRecognize, app.FlowCardRevoke} {
		_, err := a.Casework(context.Background(), clerk, app.CaseRequest{Flow: flow, PersonID: "O1", Ceremony: d("2025-01-01"), CardNumber: "1", Date: d("2025-01-01")})
		if tochuc.ErrorCode(err) != tochuc.EForbidden {
			t.Errorf("%s of O1: %v", flow, err)
		}
	}
}
