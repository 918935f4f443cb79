package demo

import (
	"context"
	"testing"

	"github.com/tochuc/tochuc/internal/app"
	rs "github.com/tochuc/tochuc/internal/restructure"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// demoDraft saves the demo's draft merger of two communes, with their party
// committees and People's Committees: it reads, its figures after are
// computed (one commune fewer), and the merged People's Committee's vice
// chairs stand against the post-2025 quota of the demo's post quotas.
func demoDraft(t *testing.T, db *sqldb.DB) {
	tables, _ := seed1(t)
	d := tochuc.MustDate("2026-07-01")
	name, ops, ok := DraftMerger(tables, d)
	if !ok || len(ops) != 3 {
		t.Fatalf("draft merger: %v %+v", ok, ops)
	}
	in := app.DraftInput{Name: name}
	for _, op := range ops {
		x := rs.Input{Kind: op.Kind, Date: d.String(), From: []string{op.From}, NewID: []string{op.NewID}, NewName: []string{op.NewName}}
		if op.NewLocality != "" {
			x.NewLocality = []string{op.NewLocality}
		}
		in.Ops = append(in.Ops, x)
	}
	ctx, a := context.Background(), app.New(db, nil)
	draft, err := a.SaveDraft(ctx, app.CLI("demo"), in)
	if err != nil {
		t.Fatal(err)
	}
	f, err := a.DraftFigures(ctx, app.CLI("demo"), draft)
	if err != nil || f.Report != nil || f.After == nil {
		t.Fatalf("figures: %v %+v", err, f.Report)
	}
	var before, after int
	for i, ind := range f.Before.Indicators {
		if ind.ID == "units.commune" {
			before, after = ind.Value, f.After.Indicators[i].Value
		}
	}
	if after != before-1 {
		t.Errorf("communes: %d before, %d after the draft", before, after)
	}
	seen := false
	for _, q := range f.Quotas {
		if q.UnitID == "NHAP-UB-1" && q.Role == "vice_chair" {
			seen = true
			if q.Max != 2 || q.Surplus != max(0, len(q.Holders)-2) {
				t.Errorf("vice chairs of the merged committee: %+v", q)
			}
		}
	}
	if !seen {
		t.Errorf("no vice chairs in the merged People's Committee: %+v", f.Quotas)
	}
	t.Logf("%s: %d posts, figures before/after computed", name, len(f.Quotas))
}
