package app_test

import (
	"context"
	"strings"
	"testing"

	"github.com/tochuc/tochuc/internal/app"
	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/restructure"
	"github.com/tochuc/tochuc/internal/sqldb/sqldbtest"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// TestSecondRestructuringRefused renames a unit on a date, then tries another
// rename of it on the same date: refused, the first named, nothing written.
func TestSecondRestructuringRefused(t *testing.T) {
	db := sqldbtest.Open(t)
	b := bundle.Tables{}
	b.Add("units", map[string]string{"id": "X", "name": "Xã Một", "kind": "commune", "valid_from": "2000-01-01"})
	sqldbtest.MustImport(t, db, b)
	a, ctx := app.New(db, nil), context.Background()
	d := tochuc.MustDate("2021-01-01")
	first := restructure.Operation{Kind: restructure.Rename, Date: d, From: []string{"X"}, To: []restructure.Target{{ID: "X", Name: "Xã Hai"}}}
	res, err := a.Restructure(ctx, app.CLI("t"), first, true)
	if err != nil || !res.Applied {
		t.Fatalf("first rename: %v %+v", err, res)
	}
	second := restructure.Operation{Kind: restructure.Rename, Date: d, From: []string{"X"}, To: []restructure.Target{{ID: "X", Name: "Xã Ba"}}}
	_, err = a.Restructure(ctx, app.CLI("t"), second, true)
	if tochuc.ErrorCode(err) != tochuc.EConflict || !strings.Contains(err.Error(), first.Event()) {
		t.Fatalf("second rename of X on %s: %v, want a conflict naming %s", d, err, first.Event())
	}
	u, err := db.Reader(app.Recorded{}).Unit(ctx, "X", d)
	if err != nil || u.Name != "Xã Hai" {
		t.Fatalf("X on %s: %v %+v", d, err, u)
	}
}
