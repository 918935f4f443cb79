package app_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tochuc/tochuc/internal/app"
	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/sqldb/sqldbtest"
)

// tablesSink is a bundle.Sink into memory.
type tablesSink struct{ t bundle.Tables }

func (s tablesSink) Create(name string, header []string) (bundle.RowWriter, error) {
	s.t[name] = [][]string{slices.Clone(header)}
	return &tableWriter{s.t, name}, nil
}
func (s tablesSink) Close() error { return nil }

type tableWriter struct {
	t    bundle.Tables
	name string
}

func (w *tableWriter) Write(row []string) error {
	w.t[w.name] = append(w.t[w.name], slices.Clone(row))
	return nil
}
func (w *tableWriter) Close() error { return nil }

func exportAll(t *testing.T, a *app.App, rec, since app.Recorded) bundle.Tables {
	t.Helper()
	out := bundle.Tables{}
	if _, err := a.ExportChangedSince(context.Background(), app.CLI("t"), rec, since, tablesSink{out}); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestIncrementalPackage: a copy of a registry brought up to date by an
// incremental package (changed since R: records added, changed, ended,
// retracted) holds the same records as the source.
func TestIncrementalPackage(t *testing.T) {
	ctx := context.Background()
	src, dst := diffBase(t), sqldbtest.Open(t)
	q := bundle.Tables{}
	q.Add("qualifications", map[string]string{"person_id": "P1", "kind": "political_theory", "level": "advanced"})
	q.Add("qualifications", map[string]string{"person_id": "P1", "kind": "education", "level": "master"})
	sqldbtest.MustImport(t, src, q)
	sa, da := app.New(src, nil), app.New(dst, nil)
	full := exportAll(t, sa, app.Recorded{}, app.Recorded{})
	if rep, err := da.Import(ctx, app.CLI("t"), full, "full", bundle.Options{}); err != nil || !rep.OK() {
		t.Fatalf("copy: %v %+v", err, rep)
	}
	time.Sleep(2 * time.Millisecond)
	r := sqldb.RecordedAt(time.Now())
	time.Sleep(2 * time.Millisecond)

	ch := bundle.Tables{}
	ch.Add("units", map[string]string{"id": "H1", "name": "Huyện Một Mới", "kind": "district", "parent_id": "T1", "valid_from": "2000-01-01"})
	ch.Add("units", map[string]string{"id": "X1", "name": "Xã Một", "kind": "commune", "parent_id": "H1", "valid_from": "2000-01-01", "valid_to": "2020-12-31"})
	ch.Add("units", map[string]string{"id": "X2", "name": "Xã Hai", "kind": "commune", "parent_id": "H1", "valid_from": "2010-01-01"})
	ch.Add("qualifications", map[string]string{"person_id": "P1", "kind": "education", "level": "master", "obtained_on": "2015-06-01"})
	sqldbtest.MustImport(t, src, ch)
	c, err := src.Begin(ctx, "t", "retract", sqldb.Trusted)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Retract(ctx, bundle.Retraction{File: "qualifications", Key: map[string]string{"person_id": "P1", "kind": "political_theory", "level": "advanced"}}); err != nil {
		t.Fatal(err)
	}
	if err := c.Commit(ctx); err != nil {
		t.Fatal(err)
	}

	inc := exportAll(t, sa, app.Recorded{}, r)
	if n := len(inc["people"]); n > 1 {
		t.Errorf("an unchanged person in the package: %v", inc["people"])
	}
	if got := inc[bundle.RetractionsFile]; len(got) != 2 || got[1][0] != "qualifications" || !strings.HasPrefix(got[1][1], `person_id=P1;kind=political_theory;level=advanced`) {
		t.Fatalf("retractions.csv: %q", got)
	}
	rep, err := da.Import(ctx, app.CLI("t"), inc, "inc", bundle.Options{})
	if err != nil || !rep.OK() || rep.Retracted != 1 {
		t.Fatalf("incremental import: %v %+v", err, rep)
	}
	a, b := exportAll(t, sa, app.Recorded{}, app.Recorded{}), exportAll(t, da, app.Recorded{}, app.Recorded{})
	for name, rows := range a {
		if !slices.EqualFunc(rows, b[name], slices.Equal) {
			t.Errorf("%s differs:\nsource %q\ncopy   %q", name, rows, b[name])
		}
	}
	if len(a) != len(b) {
		t.Errorf("files: source %v, copy %v", a.Names(), b.Names())
	}
	// Applied again, the package changes nothing more: the retraction is a warning.
	rep, err = da.Import(ctx, app.CLI("t"), inc, "inc", bundle.Options{})
	if err != nil || !rep.OK() || rep.Retracted != 0 || rep.Warnings != 1 || sqldb.Changed(rep) {
		t.Fatalf("the package again: %v %+v", err, rep)
	}
}

// TestDiffRetractions: the diff of an incremental package lists its retractions.
func TestDiffRetractions(t *testing.T) {
	db := diffBase(t)
	q := bundle.Tables{}
	q.Add("qualifications", map[string]string{"person_id": "P1", "kind": "political_theory", "level": "advanced"})
	sqldbtest.MustImport(t, db, q)
	pkg := bundle.Tables{bundle.RetractionsFile: {bundle.RetractionsHeader, {"qualifications", "person_id=P1;kind=political_theory;level=advanced", ""}}}
	var lines []string
	rep, err := app.New(db, nil).DiffImport(context.Background(), app.CLI("t"), pkg, "inc", bundle.Options{}, func(r bundle.DiffRecord) error {
		lines = append(lines, r.Line())
		return nil
	})
	if err != nil || !rep.OK() || len(lines) != 1 || lines[0] != "Rút bỏ: trình độ (P1, Lý luận chính trị, Cao cấp)" {
		t.Fatalf("diff of a retraction: %v %+v %q", err, rep, lines)
	}
	bad := bundle.Tables{bundle.RetractionsFile: {bundle.RetractionsHeader, {"qualifications", "person_id=P1", ""}, {"units", "id=H1", ""}}}
	rep, err = app.New(db, nil).Import(context.Background(), app.CLI("t"), bad, "bad", bundle.Options{})
	if err != nil || rep.OK() || rep.Errors != 2 || !strings.Contains(rep.Issues[0].String(), "retractions.csv, dòng 2, cột key") {
		t.Fatalf("bad retractions: %v %+v", err, rep)
	}
}
