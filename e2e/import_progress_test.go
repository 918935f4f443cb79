package e2e

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/sqldb/sqldbtest"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// TestImportProgressInPlace watches a check that another process runs: the
// page shows its percent of the total and follows it without reloading, then
// loads itself once when the check ends, to show its report.
func TestImportProgressInPlace(t *testing.T) {
	ctx := browser(t)
	db := sqldbtest.Open(t)
	url := serveDB(t, db, []tochuc.User{{Login: "quantri", FullName: "Quản trị", Role: tochuc.RoleAdmin}})
	bg := context.Background()
	now := time.Now()
	if err := db.CreateImportJob(bg, sqldb.ImportJob{ID: "run", Name: "so-lieu.xlsx", Owner: "quantri", Phase: "checking",
		Worker: "other", Beat: now, Created: now}); err != nil {
		t.Fatal(err)
	}
	beat := func(file string, done, total int) {
		if ok, err := db.BeatImportJob(bg, "run", "other", "checking", file, 0, done, total, time.Now()); !ok || err != nil {
			t.Fatal(ok, err)
		}
	}
	beat("people", 1500, 6000)
	signIn(t, ctx, url, "quantri")
	err := chromedp.Do(ctx,
		chromedp.Navigate(url+"/nhap/run"),
		chromedp.WaitVisible(chromedp.ID("progress-text")),
	)
	if err != nil {
		t.Fatal(err)
	}
	if got := text(t, ctx, "#progress-text"); !strings.HasPrefix(got, "25 % — đã đọc 1.500/6.000 dòng") {
		t.Errorf("progress %q", got)
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.e2eSame = true`)); err != nil {
		t.Fatal(err)
	}
	beat("people", 4500, 6000)
	var got string
	for range 300 { // a bound for a loaded machine: the page polls every second
		if got = text(t, ctx, "#progress-text"); strings.HasPrefix(got, "75 %") {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	same, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.e2eSame === true`))
	if !strings.HasPrefix(got, "75 % — đã đọc 4.500/6.000 dòng") || err != nil || !same {
		t.Errorf("progress followed in place: %q, same page %v (%v)", got, same, err)
	}
	if ok, err := db.FinishImportJob(bg, "run", "other", "checking", "checked",
		`{"files":[{"name":"people","read":6000,"added":0,"superseded":0}],"issues":[],"errors":0,"warnings":0,"dropped":0}`, "", true); !ok || err != nil {
		t.Fatal(ok, err)
	}
	if err := chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS(`#phase[data-phase="checked"]`))); err != nil {
		t.Fatalf("the page did not show the end of the check: %v", err)
	}
}
