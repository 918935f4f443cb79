package app_test

import (
	"context"
	"strings"
	"testing"

	"github.com/tochuc/tochuc/internal/app"
	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/sqldb/sqldbtest"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// targetsBundle: commune X1 has villages V1–V3 (V4 from 01/06/2019), X2
// none; the heads of V1–V3 from 2015 are P1 (a member since 2010), P2
// (admitted 01/06/2018) and P3: the share of heads who are members is 1/3
// until 31/05/2018, 2/3 from 01/06/2018 (counted by hand).
func targetsBundle() bundle.Tables {
	t := bundle.Tables{}
	unit := func(id, name, kind, parent, from string) {
		t.Add("units", map[string]string{"id": id, "name": name, "kind": kind, "parent_id": parent, "valid_from": from})
	}
	unit("T", "Tỉnh Mẫu", "province", "", "1990-01-01")
	unit("PT", "Đảng bộ tỉnh Mẫu", "party_provincial", "", "1990-01-01")
	unit("C1", "Chi bộ Một", "party_grassroots_cell", "PT", "1990-01-01")
	unit("X1", "Xã Một", "commune", "T", "1990-01-01")
	unit("X2", "Xã Hai", "commune", "T", "1990-01-01")
	unit("V1", "Thôn Một", "village", "X1", "1990-01-01")
	unit("V2", "Thôn Hai", "village", "X1", "1990-01-01")
	unit("V3", "Thôn Ba", "village", "X1", "1990-01-01")
	unit("V4", "Thôn Bốn", "village", "X1", "2019-06-01")
	for i, n := range []string{"Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"} {
		id := "P" + string(rune('1'+i))
		t.Add("people", map[string]string{"id": id, "full_name": n, "birth_date": "1975-01-01"})
		t.Add("assignments", map[string]string{"person_id": id, "unit_id": "V" + string(rune('1'+i)), "role": "village_head", "valid_from": "2015-01-01"})
	}
	t.Add("party", map[string]string{"person_id": "P1", "event": "admitted", "date": "2010-01-01", "unit_id": "C1"})
	t.Add("party", map[string]string{"person_id": "P2", "event": "admitted", "date": "2018-06-01", "unit_id": "C1"})
	t.Add("documents", map[string]string{"id": "NQ74", "number": "74-NQ/TU", "kind": "resolution", "issuer_id": "PT",
		"issued_on": "2016-10-01", "title": "Nghị quyết", "effective_on": "2016-11-01"})
	target := func(id, ind, scope, due, op, value string) {
		t.Add("document_targets", map[string]string{"document_id": "NQ74", "target_id": id, "indicator": ind, "scope_id": scope,
			"due_on": due, "op": op, "value": value})
	}
	target("1", "village.head_party_member", "", "2019-12-31", ">=", "0.666667")
	target("2", "units.village", "X1", "2019-01-01", "=", "3")
	target("3", "units.village", "X1", "2019-12-31", "<=", "3")
	target("6", "village.head_party_member", "X1", "2018-12-31", "<=", "0.333333")
	task := func(id, unit, due, done string) {
		t.Add("document_tasks", map[string]string{"document_id": "NQ74", "task_id": id, "unit_id": unit, "title": "Việc " + id,
			"due_on": due, "done_on": done})
	}
	task("1", "X1", "2018-09-30", "2018-09-30")
	task("2", "X1", "2018-09-30", "2018-10-01")
	task("3", "V1", "2018-09-30", "")
	task("4", "X2", "2018-12-31", "")
	return t
}

var communeClerk = app.Actor{User: tochuc.User{Login: "xa1", FullName: "Văn thư xã", Role: tochuc.RoleStaff, ScopeUnitID: "X1"}}

func statuses(res *app.TargetsResult) string {
	var s []string
	for _, t := range res.Targets {
		s = append(s, t.TargetID+"="+t.Status+"@"+tochuc.FormatNumber(t.Actual))
	}
	return strings.Join(s, " ")
}

// TestTargetsOnBothEngines: the amendment's evaluation (each operator on
// its threshold, a share, measured on the due date once past it) and the
// read policy: a commune's clerk sees the targets measured inside it.
func TestTargetsOnBothEngines(t *testing.T) {
	db := sqldbtest.Open(t)
	sqldbtest.MustImport(t, db, targetsBundle())
	a, ctx := app.New(db, nil), context.Background()
	admin := app.CLI("t").User
	for on, want := range map[string]string{
		"2018-05-31": "1=behind@0.333333 2=on_track@3 3=on_track@3 6=on_track@0.333333",
		"2018-06-01": "1=on_track@0.666667 2=on_track@3 3=on_track@3 6=behind@0.666667",
		"2019-06-01": "1=on_track@0.666667 2=met@3 3=behind@4 6=missed@0.666667",
		"2020-01-01": "1=met@0.666667 2=met@3 3=missed@4 6=missed@0.666667",
	} {
		res, err := a.Targets(ctx, admin, app.TargetParams{AsOf: d(on)})
		if err != nil {
			t.Fatal(err)
		}
		if got := statuses(res); got != want {
			t.Errorf("%s: %s, want %s", on, got, want)
		}
	}
	res, err := a.Targets(ctx, communeClerk.User, app.TargetParams{AsOf: d("2018-06-01")})
	if err != nil {
		t.Fatal(err)
	}
	if got := statuses(res); got != "2=on_track@3 3=on_track@3 6=behind@0.666667" {
		t.Errorf("the commune's clerk: %s", got)
	}
	if _, err := a.Targets(ctx, communeClerk.User, app.TargetParams{AsOf: d("2018-06-01"), Scope: "X2"}); tochuc.ErrorCode(err) != tochuc.EForbidden {
		t.Errorf("another commune: %v", err)
	}
	// the trend: each year-end from the document's year to the measuring day
	res, _ = a.Targets(ctx, admin, app.TargetParams{AsOf: d("2018-06-01"), DocumentID: "NQ74"})
	tr, err := a.TargetTrend(ctx, admin, res.Targets[0])
	if err != nil {
		t.Fatal(err)
	}
	var pts []string
	for _, p := range tr {
		pts = append(pts, p.On.String()+"="+tochuc.FormatNumber(p.Actual))
	}
	if got := strings.Join(pts, " "); got != "2016-12-31=0.333333 2017-12-31=0.333333 2018-06-01=0.666667" {
		t.Errorf("trend: %s", got)
	}
}

// TestTasksOnBothEngines: statuses on both sides of a deadline, a scope
// (a village's task is its commune's), marking a task done as the clerk.
func TestTasksOnBothEngines(t *testing.T) {
	db := sqldbtest.Open(t)
	sqldbtest.MustImport(t, db, targetsBundle())
	a, ctx := app.New(db, nil), context.Background()
	list := func(u tochuc.User, p app.TaskParams) string {
		t.Helper()
		res, err := a.Tasks(ctx, u, p, 0, 50)
		if err != nil {
			t.Fatal(err)
		}
		var s []string
		for _, x := range res.Tasks {
			s = append(s, x.TaskID+"="+x.Status)
		}
		return strings.Join(s, " ")
	}
	admin := app.CLI("t").User
	for on, want := range map[string]string{
		"2018-09-30": "1=done 2=open 3=open 4=open",
		"2018-10-01": "1=done 2=done_late 3=overdue 4=open",
	} {
		if got := list(admin, app.TaskParams{AsOf: d(on)}); got != want {
			t.Errorf("%s: %s, want %s", on, got, want)
		}
	}
	if got := list(communeClerk.User, app.TaskParams{AsOf: d("2018-10-01")}); got != "1=done 2=done_late 3=overdue" {
		t.Errorf("the clerk: %s", got)
	}
	if got := list(admin, app.TaskParams{AsOf: d("2018-10-01"), Status: "overdue"}); got != "3=overdue" {
		t.Errorf("overdue: %s", got)
	}
	// the due list: overdue, and due within 30 days (31/12/2018 from 01/12/2018, not from 30/11/2018)
	if got := list(admin, app.TaskParams{AsOf: d("2018-12-01"), DueWithin: app.TaskWindow}); got != "3=overdue 4=open" {
		t.Errorf("due on 01/12: %s", got)
	}
	if got := list(admin, app.TaskParams{AsOf: d("2018-11-30"), DueWithin: app.TaskWindow}); got != "3=overdue" {
		t.Errorf("due on 30/11: %s", got)
	}
	if _, err := a.MarkTaskDone(ctx, communeClerk, "NQ74", "4", d("2018-12-20"), ""); tochuc.ErrorCode(err) != tochuc.EForbidden {
		t.Errorf("another commune's task marked: %v", err)
	}
	if _, err := a.MarkTaskDone(ctx, communeClerk, "NQ74", "3", d("2018-10-05"), ""); err != nil {
		t.Fatal(err)
	}
	if got := list(communeClerk.User, app.TaskParams{AsOf: d("2018-10-05"), UnitID: "V1"}); got != "3=done_late" {
		t.Errorf("after marking: %s", got)
	}
	if got := list(communeClerk.User, app.TaskParams{AsOf: d("2018-10-04"), UnitID: "V1"}); got != "3=overdue" {
		t.Errorf("the day before it was done: %s", got)
	}
}

// TestTaskStatusSQLIsTheDomainRule: on every day around the deadlines, the
// status the storage computes equals tochuc.TaskStatus of the same dates.
func TestTaskStatusSQLIsTheDomainRule(t *testing.T) {
	db := sqldbtest.Open(t)
	sqldbtest.MustImport(t, db, targetsBundle())
	a, ctx := app.New(db, nil), context.Background()
	admin := app.CLI("t").User
	n := 0
	var days []tochuc.Date
	for _, span := range [][2]string{{"2018-09-27", "2018-10-03"}, {"2018-12-29", "2019-01-02"}} {
		for day := d(span[0]); day <= d(span[1]); day = day.AddDays(1) {
			days = append(days, day)
		}
	}
	for _, day := range days {
		res, err := a.Tasks(ctx, admin, app.TaskParams{AsOf: day}, 0, 50)
		if err != nil {
			t.Fatal(err)
		}
		for _, it := range res.Tasks {
			if want := tochuc.TaskStatus(it.Due, it.Done, day); it.Status != want {
				t.Errorf("%s task %s: SQL %s, domain %s", day, it.TaskID, it.Status, want)
			}
			n++
		}
	}
	if n != 4*12 {
		t.Errorf("%d statuses compared, want 48", n)
	}
}
