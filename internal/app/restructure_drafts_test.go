package app_test

import (
	"context"
	"reflect"
	"testing"

	"github.com/tochuc/tochuc/internal/app"
	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/indicator"
	"github.com/tochuc/tochuc/internal/restructure"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/sqldb/sqldbtest"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// draftMerger is a draft merging the party committees H1 and H2 into a new H3 on 01/01/2026.
func draftMerger(name string) app.DraftInput {
	return app.DraftInput{Name: name, Ops: []restructure.Input{{Kind: "merge", Date: "01/01/2026", From: []string{"H1,H2"},
		NewID: []string{"H3"}, NewName: []string{"Đảng ủy Ba"}, NewKind: []string{"party_upper"}, NewParent: []string{"T"}}}}
}

func draftApp(t *testing.T) (*app.App, *sqldb.DB) {
	db := sqldbtest.Open(t)
	b := caseBundle()
	b.Add("documents", map[string]string{"id": "QD1", "number": "01-QĐ/TU", "kind": "decision", "title": "Hợp nhất H1 và H2", "issued_on": "2025-12-20"})
	sqldbtest.MustImport(t, db, b)
	return app.New(db, nil), db
}

// A draft is saved, reopened and saved again; a save of the version read
// before that is refused, the draft unchanged. Staff of another scope do
// not see it.
func TestDraftSaveReopenStale(t *testing.T) {
	a, _ := draftApp(t)
	ctx, admin := context.Background(), app.CLI("t")
	d, err := a.SaveDraft(ctx, admin, draftMerger("Hợp nhất H1, H2"))
	if err != nil || d.ID == 0 || d.Version != 1 || d.Status != sqldb.DraftOpen || d.ScopeUnitID != "T" {
		t.Fatalf("save: %v %+v", err, d)
	}
	got, err := a.Draft(ctx, admin, d.ID)
	if err != nil || got.Name != "Hợp nhất H1, H2" || len(got.Ops) != 1 || !reflect.DeepEqual(got.Ops[0].From, []string{"H1", "H2"}) {
		t.Fatalf("reopen: %v %+v", err, got)
	}
	in := draftMerger("Hợp nhất H1 với H2")
	in.ID, in.Version = d.ID, 1
	d2, err := a.SaveDraft(ctx, admin, in)
	if err != nil || d2.Version != 2 {
		t.Fatalf("second save: %v %+v", err, d2)
	}
	in.Name = "Bản cũ"
	if _, err := a.SaveDraft(ctx, admin, in); tochuc.ErrorCode(err) != tochuc.EConflict {
		t.Fatalf("stale save: %v, want a conflict", err)
	}
	if got, _ := a.Draft(ctx, admin, d.ID); got.Name != "Hợp nhất H1 với H2" || got.Version != 2 {
		t.Fatalf("after the stale save: %+v", got)
	}
	// Staff of H2 only read H2's drafts: this one touches H1 too.
	h2 := app.Actor{User: tochuc.User{Login: "h2", Role: tochuc.RoleStaff, ScopeUnitID: "H2"}}
	if _, err := a.Draft(ctx, h2, d.ID); tochuc.ErrorCode(err) != tochuc.ENotFound {
		t.Fatalf("H2 staff reads the draft: %v", err)
	}
	if list, _, err := a.Drafts(ctx, h2, 0, 10); err != nil || len(list) != 0 {
		t.Fatalf("H2 staff's list: %v %d", err, len(list))
	}
	if _, err := a.SaveDraft(ctx, h2, draftMerger("Của H2")); tochuc.ErrorCode(err) != tochuc.EForbidden {
		t.Fatalf("H2 staff saves a draft touching H1: %v", err)
	}
	tStaff := app.Actor{User: tochuc.User{Login: "tt", Role: tochuc.RoleStaff, ScopeUnitID: "T"}}
	if list, _, err := a.Drafts(ctx, tStaff, 0, 10); err != nil || len(list) != 1 {
		t.Fatalf("T staff's list: %v %d", err, len(list))
	}
	// Deleting with a stale version is refused; with the current one it goes.
	if err := a.DeleteDraft(ctx, admin, d.ID, 1); tochuc.ErrorCode(err) != tochuc.EConflict {
		t.Fatalf("stale delete: %v", err)
	}
	if err := a.DeleteDraft(ctx, admin, d.ID, 2); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Draft(ctx, admin, d.ID); tochuc.ErrorCode(err) != tochuc.ENotFound {
		t.Fatalf("deleted draft: %v", err)
	}
}

// The figures after a draft are those of the registry with the
// restructuring actually applied (in a second database), and the draft
// leaves the registry as it was.
func TestDraftFiguresAfterEqualApplying(t *testing.T) {
	a, db := draftApp(t)
	ctx, admin := context.Background(), app.CLI("t")
	d, err := a.SaveDraft(ctx, admin, draftMerger("Hợp nhất"))
	if err != nil {
		t.Fatal(err)
	}
	f, err := a.DraftFigures(ctx, admin, d)
	if err != nil || f.After == nil || f.Report != nil {
		t.Fatalf("figures: %v %+v", err, f)
	}
	if _, err := db.Reader(app.Recorded{}).Unit(ctx, "H3", tochuc.MustDate("2026-01-01")); tochuc.ErrorCode(err) != tochuc.ENotFound {
		t.Fatalf("the draft's figures left H3 in the registry: %v", err)
	}
	other, _ := draftApp(t)
	op, err := restructure.Parse(d.Inputs[0])
	if err != nil {
		t.Fatal(err)
	}
	if _, err := other.Restructure(ctx, admin, op, true); err != nil {
		t.Fatal(err)
	}
	applied, err := other.Report(ctx, f.Params, app.Recorded{})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(values(f.After), values(applied)) {
		t.Fatalf("figures after the draft %v\nafter applying it %v", values(f.After), values(applied))
	}
	if reflect.DeepEqual(values(f.Before), values(f.After)) {
		t.Fatalf("the merger changes no figure: %v", values(f.Before))
	}
	before, err := a.Report(ctx, f.Params, app.Recorded{})
	if err != nil || !reflect.DeepEqual(values(before), values(f.Before)) {
		t.Fatalf("registry changed by the draft's figures: %v", err)
	}
}

func values(r *indicator.Result) map[string]any {
	out := map[string]any{}
	for _, i := range r.Indicators {
		v := []any{i.Value}
		if i.Of != nil {
			v = append(v, *i.Of)
		}
		out[i.ID] = append(v, i.By)
	}
	return out
}

// Adoption needs a decision document held; it applies the draft as one
// change set whose restructure rows cite the document and marks the draft
// adopted by it; a second adoption, or one of a stale version, is refused
// and writes nothing.
func TestDraftAdopt(t *testing.T) {
	a, db := draftApp(t)
	ctx, admin := context.Background(), app.CLI("t")
	d, err := a.SaveDraft(ctx, admin, draftMerger("Hợp nhất"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.AdoptDraft(ctx, admin, d.ID, d.Version, ""); tochuc.ErrorCode(err) != tochuc.EInvalid {
		t.Fatalf("adopt without a document: %v", err)
	}
	if _, err := a.AdoptDraft(ctx, admin, d.ID, d.Version, "QD9"); tochuc.ErrorCode(err) != tochuc.EInvalid {
		t.Fatalf("adopt with a document not held: %v", err)
	}
	if _, err := a.AdoptDraft(ctx, admin, d.ID, d.Version+1, "QD1"); tochuc.ErrorCode(err) != tochuc.EConflict {
		t.Fatalf("adopt a version not read: %v", err)
	}
	jan := tochuc.MustDate("2026-01-01")
	if _, err := db.Reader(app.Recorded{}).Unit(ctx, "H3", jan); tochuc.ErrorCode(err) != tochuc.ENotFound {
		t.Fatalf("a refused adoption wrote H3: %v", err)
	}
	res, err := a.AdoptDraft(ctx, admin, d.ID, d.Version, "QD1")
	if err != nil || res.ChangeSet == 0 || res.Report != nil {
		t.Fatalf("adopt: %v %+v", err, res)
	}
	if u, err := db.Reader(app.Recorded{}).Unit(ctx, "H3", jan); err != nil || u.Name != "Đảng ủy Ba" {
		t.Fatalf("H3 after adoption: %v %+v", err, u)
	}
	got, err := a.Draft(ctx, admin, d.ID)
	if err != nil || got.Status != sqldb.DraftAdopted || got.ChangeSet != res.ChangeSet || got.DocumentID != "QD1" {
		t.Fatalf("adopted draft: %v %+v", err, got)
	}
	cited := 0
	f := bundle.FileByName("restructure")
	err = db.Reader(app.Recorded{}).RecordsAsOf(ctx, f, jan, map[string]string{"to_unit_id": "H3"}, func(cells []string) error {
		if cells[f.Index("document_id")] != "QD1" {
			t.Errorf("restructure row %v does not cite QD1", cells)
		}
		cited++
		return nil
	})
	if err != nil || cited != 2 {
		t.Fatalf("restructure rows into H3: %v %d", err, cited)
	}
	if _, err := a.AdoptDraft(ctx, admin, d.ID, got.Version, "QD1"); tochuc.ErrorCode(err) != tochuc.EConflict {
		t.Fatalf("second adoption: %v", err)
	}
	in := draftMerger("Sửa sau")
	in.ID, in.Version = d.ID, got.Version
	if _, err := a.SaveDraft(ctx, admin, in); tochuc.ErrorCode(err) != tochuc.EConflict {
		t.Fatalf("save of an adopted draft: %v", err)
	}
}

// The merged H3 inherits the posts of H1 and H2: two secretaries against a
// quota of one (one surplus), two deputy secretaries against a quota of two
// (none; with a quota of one for H3's subtype, one), each holder with age,
// months to retirement and qualifications.
func TestDraftQuotaSurplus(t *testing.T) {
	for _, c := range []struct {
		subtype         string // of the deputies' second quota row
		deputiesSurplus int
	}{{"khác", 0}, {"", 0}, {"dang-uy", 1}} {
		a, db := draftApp(t)
		ctx, admin := context.Background(), app.CLI("t")
		b := bundle.Tables{}
		post := func(p, unit, role string) {
			b.Add("assignments", map[string]string{"person_id": p, "unit_id": unit, "role": role, "valid_from": "2020-10-01"})
		}
		b.Add("people", map[string]string{"id": "S1", "full_name": "Nguyễn Văn Sơn", "gender": "male", "birth_date": "1968-03-15"})
		b.Add("people", map[string]string{"id": "S2", "full_name": "Trần Thị An", "gender": "female", "birth_date": "1975-07-01"})
		b.Add("qualifications", map[string]string{"person_id": "S1", "kind": "education", "level": "master"})
		b.Add("qualifications", map[string]string{"person_id": "S1", "kind": "education", "level": "university"})
		b.Add("qualifications", map[string]string{"person_id": "S1", "kind": "political_theory", "level": "advanced"})
		post("S1", "H1", "secretary")
		post("S2", "H2", "secretary")
		post("I1", "H1", "deputy_secretary")
		post("O1", "H2", "deputy_secretary")
		quota := func(role, subtype, max string) {
			b.Add("post_quotas", map[string]string{"unit_kind": "party_upper", "subtype": subtype, "role": role, "max_holders": max,
				"valid_from": "2016-01-01", "legal_basis": "minh họa"})
		}
		quota("secretary", "", "1")
		quota("deputy_secretary", "", "2")
		if c.subtype != "" {
			quota("deputy_secretary", c.subtype, "1")
		}
		sqldbtest.MustImport(t, db, b)
		in := draftMerger("Hợp nhất")
		in.Ops[0].Kind = "merge"
		d, err := a.SaveDraft(ctx, admin, in)
		if err != nil {
			t.Fatal(err)
		}
		// H3 takes its subtype from H1 (the first From unit): set it.
		if c.subtype == "dang-uy" {
			sub := bundle.Tables{}
			sub.Add("units", map[string]string{"id": "H1", "name": "Huyện ủy Một", "kind": "party_upper", "parent_id": "T", "subtype": "dang-uy", "valid_from": "1970-01-01"})
			sqldbtest.MustImport(t, db, sub)
		}
		f, err := a.DraftFigures(ctx, admin, d)
		if err != nil || f.Report != nil {
			t.Fatalf("figures: %v %+v", err, f.Report)
		}
		got := map[string]app.PostQuota{}
		for _, q := range f.Quotas {
			got[q.UnitID+" "+q.Role] = q
		}
		sec, dep := got["H3 secretary"], got["H3 deputy_secretary"]
		if sec.Max != 1 || sec.Surplus != 1 || len(sec.Holders) != 2 {
			t.Fatalf("%s: secretaries of H3: %+v (all: %+v)", c.subtype, sec, f.Quotas)
		}
		if dep.Surplus != c.deputiesSurplus || len(dep.Holders) != 2 {
			t.Errorf("%s: deputies of H3: %+v", c.subtype, dep)
		}
		// sorted by given name: An before Sơn
		s1 := sec.Holders[1]
		if sec.Holders[0].PersonID != "S2" || s1.PersonID != "S1" || s1.Age != 57 || s1.Education != "master" || s1.Theory != "advanced" ||
			s1.RetiresOn == 0 || s1.MonthsLeft != tochuc.MonthsLeft(tochuc.MustDate("2026-01-01"), s1.RetiresOn) {
			t.Errorf("holders: %+v", sec.Holders)
		}
	}
}

// A draft saved by an account over the whole registry shows the figures of
// the superior of the units it touches; staff whose scope holds the units
// but not that superior read the draft with the figures of their own scope,
// not a refusal.
func TestDraftFiguresForStaffBelowTheDraftsScope(t *testing.T) {
	a, _ := draftApp(t)
	ctx, admin := context.Background(), app.CLI("t")
	in := app.DraftInput{Name: "Đổi tên chi bộ", Ops: []restructure.Input{{Kind: "rename", Date: "01/06/2026",
		From: []string{"C1"}, NewName: []string{"Chi bộ Một (mới)"}}}}
	d, err := a.SaveDraft(ctx, admin, in)
	if err != nil || d.ScopeUnitID != "H1" {
		t.Fatalf("save: %v %+v", err, d)
	}
	c1 := app.Actor{User: tochuc.User{Login: "c1", Role: tochuc.RoleStaff, ScopeUnitID: "C1"}}
	got, err := a.Draft(ctx, c1, d.ID)
	if err != nil {
		t.Fatalf("C1 staff reads the draft: %v", err)
	}
	f, err := a.DraftFigures(ctx, c1, got)
	if err != nil || f.After == nil || f.Params.Scope != "C1" {
		t.Fatalf("C1 staff's figures of the draft: %v %+v", err, f)
	}
}
