package main

import (
	"context"
	"fmt"

	"github.com/tochuc/tochuc/internal/app"
	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/demo"
	"github.com/tochuc/tochuc/internal/restructure"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// saveDemoDraft saves the demo's restructuring draft: the merger of two
// communes (with their party committees and People's Committees) on the
// first day of next month, saved, not adopted.
func saveDemoDraft(ctx context.Context, e *env, db *sqldb.DB, t bundle.Tables) error {
	today := tochuc.Today().Time()
	d := tochuc.NewDate(today.Year(), today.Month()+1, 1)
	name, ops, ok := demo.DraftMerger(t, d)
	if !ok {
		return nil
	}
	in := app.DraftInput{Name: name}
	for _, op := range ops {
		x := restructure.Input{Kind: op.Kind, Date: d.String(), From: []string{op.From}, NewID: []string{op.NewID},
			NewName: []string{op.NewName}}
		if op.NewLocality != "" {
			x.NewLocality = []string{op.NewLocality}
		}
		in.Ops = append(in.Ops, x)
	}
	if _, err := app.New(db, nil).SaveDraft(ctx, app.CLI(e.user), in); err != nil {
		return fmt.Errorf("bản nháp sắp xếp mẫu: %w", err)
	}
	fmt.Fprintln(e.stdout, "đã lưu bản nháp sắp xếp mẫu:", name)
	return nil
}
