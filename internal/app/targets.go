package app

import (
	"context"
	"slices"
	"time"

	"github.com/tochuc/tochuc/internal/indicator"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// The targets directive documents set, evaluated on a date through the
// indicator catalog (bundle-v1 amendment 3), and the tasks they assign with
// their status on a date. `tochuc targets`, `tochuc tasks`, the API, the
// due list and the report on a resolution's implementation call these.

// TargetItem is a target evaluated on a date: the amendment's JSON object
// (its keys in its order), and what the report shows besides.
type TargetItem struct {
	DocumentID string  `json:"document_id"`
	TargetID   string  `json:"target_id"`
	Indicator  string  `json:"indicator"`
	ScopeID    string  `json:"scope_id"`
	DueOn      string  `json:"due_on"`
	Op         string  `json:"op"`
	Value      float64 `json:"value"`
	MeasuredOn string  `json:"measured_on"`
	Actual     float64 `json:"actual"`
	Status     string  `json:"status"`

	Label          string      `json:"-"` // how the document words it
	IndicatorName  string      `json:"-"` // the indicator's Vietnamese label
	Share          bool        `json:"-"` // the indicator is a share: value and actual are ratios
	ScopeName      string      `json:"-"` // the scope unit's name on the measuring day ("" for the whole registry)
	DocumentNumber string      `json:"-"`
	Effective      tochuc.Date `json:"-"` // the day the document took effect
	Due            tochuc.Date `json:"-"`
	Measured       tochuc.Date `json:"-"`
}

// TargetsResult is the amendment's answer of `tochuc targets`.
type TargetsResult struct {
	AsOf    string       `json:"as_of"`
	Targets []TargetItem `json:"targets"`
}

// TargetParams select the targets evaluated.
type TargetParams struct {
	AsOf       tochuc.Date // 0: today
	Scope      string      // a unit: the targets whose scope lies inside it on AsOf; "": every target the account may read
	DocumentID string      // "": every document
}

// Targets evaluates on p.AsOf every target of p that the account may read.
// A target is measured on min(AsOf, due_on) in its scope (scope_id; none:
// the whole registry) by the catalog's engine; holds and status follow the
// amendment. An account over a scope reads the targets whose scope unit lies
// inside its scope on the measuring day: their figures are those of its own
// dashboard (a target over the whole registry, or another scope, is not
// listed to it).
func (a *App) Targets(ctx context.Context, u tochuc.User, p TargetParams) (*TargetsResult, error) {
	if p.AsOf == 0 {
		p.AsOf = a.today()
	}
	r := a.db.Reader(sqldb.Recorded{})
	var sc *Scope
	if !u.WholeRegistry() {
		var err error
		if sc, err = a.Scope(ctx, u); err != nil {
			return nil, err
		}
	}
	f := sqldb.TargetFilter{DocumentID: p.DocumentID, AsOf: p.AsOf}
	if p.Scope != "" {
		if sc != nil && !sc.UnitOn(p.Scope, p.AsOf) {
			return nil, tochuc.Errorf(tochuc.EForbidden, "Đơn vị '%s' nằm ngoài phạm vi được giao vào ngày %s.", p.Scope, p.AsOf.Vietnamese())
		}
		if err := a.knownUnit(ctx, p.Scope); err != nil {
			return nil, err
		}
		f.Roots = []string{p.Scope}
	}
	var rows []sqldb.TargetRow // a document's targets: a few dozen, not a registry's records
	if err := r.EachTarget(ctx, f, func(t sqldb.TargetRow) error {
		if sc == nil || t.ScopeID != "" && sc.UnitOn(t.ScopeID, tochuc.TargetMeasuredOn(t.DueOn, p.AsOf)) {
			rows = append(rows, t)
		}
		return nil
	}); err != nil {
		return nil, a.fault(err)
	}
	out := &TargetsResult{AsOf: p.AsOf.String(), Targets: []TargetItem{}}
	for _, t := range rows {
		it, err := a.evaluateTarget(ctx, u, r, t, p.AsOf)
		if err != nil {
			return nil, err
		}
		out.Targets = append(out.Targets, it)
	}
	return out, nil
}

// evaluateTarget applies the amendment's rule to one target on d.
func (a *App) evaluateTarget(ctx context.Context, u tochuc.User, r *sqldb.Reader, t sqldb.TargetRow, d tochuc.Date) (TargetItem, error) {
	def, ok := indicator.Lookup(t.Indicator)
	if !ok {
		return TargetItem{}, tochuc.Errorf(tochuc.EInvalid, "Chỉ tiêu %s của văn bản %s: không có chỉ tiêu '%s' trong danh mục.",
			t.TargetID, t.DocumentID, t.Indicator)
	}
	value, ok := tochuc.ParseNumber(t.Value)
	if !ok {
		return TargetItem{}, tochuc.Errorf(tochuc.EInvalid, "Chỉ tiêu %s của văn bản %s: giá trị '%s' không phải là số.",
			t.TargetID, t.DocumentID, t.Value)
	}
	m := tochuc.TargetMeasuredOn(t.DueOn, d)
	act, err := a.measure(ctx, u, r, t.Indicator, t.ScopeID, m)
	if err != nil {
		return TargetItem{}, err
	}
	actual := tochuc.RoundActual(act.Number)
	holds := tochuc.TargetHolds(actual, t.Op, value)
	it := TargetItem{DocumentID: t.DocumentID, TargetID: t.TargetID, Indicator: t.Indicator, ScopeID: t.ScopeID,
		DueOn: t.DueOn.String(), Op: t.Op, Value: value, MeasuredOn: m.String(), Actual: actual,
		Status: tochuc.TargetStatus(t.DueOn, d, holds),
		Label:  t.Label, IndicatorName: def.LabelOn(m), Share: def.Share, DocumentNumber: t.DocumentNumber,
		Effective: t.Effective, Due: t.DueOn, Measured: m}
	if t.ScopeID != "" {
		it.ScopeName = t.ScopeID
		if un, err := r.Unit(ctx, t.ScopeID, m); err == nil {
			it.ScopeName = un.Name
		}
	}
	return it, nil
}

// measure computes an indicator on d in a scope ("": the whole registry) as
// the dashboard does for the account (ReportScope: its own scope unit is
// carried on by the units that succeed it).
func (a *App) measure(ctx context.Context, u tochuc.User, r *sqldb.Reader, id, scope string, d tochuc.Date) (indicator.Actual, error) {
	p, err := a.ReportScope(ctx, u, indicator.Params{AsOf: d, Scope: scope})
	if err != nil {
		return indicator.Actual{}, err
	}
	act, err := indicator.MeasureOne(ctx, r, p, id)
	if err != nil {
		return act, a.fault(err)
	}
	return act, nil
}

// TrendPoint is an indicator's number on one day.
type TrendPoint struct {
	On     tochuc.Date `json:"on"`
	Actual float64     `json:"actual"`
}

// TrendYears is the most year-ends a trend shows (the latest).
const TrendYears = 10

// TargetTrend returns a target's indicator on each 31 December from the year
// its document took effect up to its measuring day, then on the measuring
// day itself when that is not a year-end (the last TrendYears year-ends).
func (a *App) TargetTrend(ctx context.Context, u tochuc.User, it TargetItem) ([]TrendPoint, error) {
	r := a.db.Reader(sqldb.Recorded{})
	from := it.Effective
	if from == 0 || from > it.Measured {
		from = it.Measured
	}
	var days []tochuc.Date
	for y := from.Time().Year(); ; y++ {
		ye := tochuc.NewDate(y, time.December, 31)
		if ye > it.Measured {
			break
		}
		days = append(days, ye)
	}
	if len(days) > TrendYears { // the latest ones: each is a computation of the indicator
		days = days[len(days)-TrendYears:]
	}
	if !slices.Contains(days, it.Measured) {
		days = append(days, it.Measured)
	}
	out := make([]TrendPoint, 0, len(days))
	for _, d := range days {
		act, err := a.measure(ctx, u, r, it.Indicator, it.ScopeID, d)
		if err != nil {
			return nil, err
		}
		out = append(out, TrendPoint{On: d, Actual: tochuc.RoundActual(act.Number)})
	}
	return out, nil
}

// TaskItem is a task with its status on a date: the amendment's JSON object
// (its keys in its order), and what the due list shows besides.
type TaskItem struct {
	DocumentID string `json:"document_id"`
	TaskID     string `json:"task_id"`
	UnitID     string `json:"unit_id"`
	DueOn      string `json:"due_on"`
	DoneOn     string `json:"done_on"`
	Status     string `json:"status"`

	Title          string      `json:"-"`
	Note           string      `json:"-"`
	UnitName       string      `json:"-"`
	DocumentNumber string      `json:"-"`
	Due            tochuc.Date `json:"-"`
	Done           tochuc.Date `json:"-"`
}

// TasksResult is the amendment's answer of `tochuc tasks`, and a page of it.
type TasksResult struct {
	AsOf   string         `json:"as_of"`
	Tasks  []TaskItem     `json:"tasks"`
	Total  int            `json:"-"`
	Counts map[string]int `json:"-"` // by status, the status filter aside
}

// TaskParams select the tasks listed.
type TaskParams struct {
	AsOf       tochuc.Date // 0: today
	Scope      string      // a unit inside the account's scope; "": the account's scope (every task for the whole registry)
	Status     string      // one of tochuc.TaskStatuses; "": every status
	DocumentID string
	UnitID     string
	// NotDone keeps the tasks not done on AsOf (overdue and open).
	NotDone bool
	// DueWithin, when above 0, keeps the tasks not done on AsOf that are
	// overdue or fall due within that many days (the due list).
	DueWithin int
}

// TaskWindow is how far ahead the due list shows tasks falling due.
const TaskWindow = 30

// Tasks returns the page [offset, offset+limit) of the tasks of p whose
// unit lies inside the scope on p.AsOf, by deadline, with their status.
func (a *App) Tasks(ctx context.Context, u tochuc.User, p TaskParams, offset, limit int) (*TasksResult, error) {
	if p.AsOf == 0 {
		p.AsOf = a.today()
	}
	f := sqldb.TaskFilter{AsOf: p.AsOf, DocumentID: p.DocumentID, UnitID: p.UnitID}
	if p.Status != "" {
		if !slices.Contains(tochuc.TaskStatuses, p.Status) {
			return nil, tochuc.Errorf(tochuc.EInvalid, "Không có trạng thái nhiệm vụ '%s' (có: overdue, open, done_late, done).", p.Status)
		}
		f.Statuses = []string{p.Status}
	}
	if p.NotDone && p.Status == "" {
		f.Statuses = []string{tochuc.TaskOverdue, tochuc.TaskOpen}
	}
	if p.DueWithin > 0 {
		f.DueBy = p.AsOf.AddDays(p.DueWithin)
	}
	if !u.WholeRegistry() {
		sc, err := a.Scope(ctx, u)
		if err != nil {
			return nil, err
		}
		if p.Scope != "" && !sc.UnitOn(p.Scope, p.AsOf) {
			return nil, tochuc.Errorf(tochuc.EForbidden, "Đơn vị '%s' nằm ngoài phạm vi được giao vào ngày %s.", p.Scope, p.AsOf.Vietnamese())
		}
		if p.Scope == "" {
			f.Roots = sc.RootsOn(p.AsOf)
			if len(f.Roots) == 0 { // the scope holds no unit on that day
				return &TasksResult{AsOf: p.AsOf.String(), Tasks: []TaskItem{}, Counts: map[string]int{}}, nil
			}
		}
	}
	if p.Scope != "" {
		if err := a.knownUnit(ctx, p.Scope); err != nil {
			return nil, err
		}
		f.Roots = []string{p.Scope}
	}
	pg, err := a.db.Reader(sqldb.Recorded{}).Tasks(ctx, f, offset, limit)
	if err != nil {
		return nil, a.fault(err)
	}
	out := &TasksResult{AsOf: p.AsOf.String(), Tasks: make([]TaskItem, 0, len(pg.Rows)), Total: pg.Total, Counts: pg.Counts}
	for _, t := range pg.Rows {
		name := t.UnitName
		if name == "" {
			name = t.UnitID
		}
		out.Tasks = append(out.Tasks, TaskItem{DocumentID: t.DocumentID, TaskID: t.TaskID, UnitID: t.UnitID,
			DueOn: t.DueOn.String(), DoneOn: t.DoneOn.String(), Status: t.Status,
			Title: t.Title, Note: t.Note, UnitName: name, DocumentNumber: t.DocumentNumber, Due: t.DueOn, Done: t.DoneOn})
	}
	return out, nil
}

// MarkTaskDone records that a task was reported done on a day: an edit of
// its document_tasks row (done_on set, the other cells as they are), made
// through Edit — the write policy, a change set, the audit log. version is
// the record's version as the person saw it ("": as it stands now).
func (a *App) MarkTaskDone(ctx context.Context, act Actor, documentID, taskID string, done tochuc.Date, version string) (*EditResult, error) {
	if done == 0 {
		return nil, tochuc.Errorf(tochuc.EInvalid, "Cần ngày hoàn thành.")
	}
	if done > a.today() {
		return nil, tochuc.Errorf(tochuc.EInvalid, "Ngày hoàn thành %s ở sau hôm nay.", done.Vietnamese())
	}
	key := map[string]string{"document_id": documentID, "task_id": taskID}
	v, err := a.Record(ctx, act, "document_tasks", key, done, "")
	if err != nil {
		return nil, err
	}
	if v.New {
		return nil, tochuc.Errorf(tochuc.ENotFound, "Không có nhiệm vụ %s của văn bản %s.", taskID, documentID)
	}
	values := map[string]string{}
	for i, c := range v.File.Columns {
		values[c.Name] = v.Cells[i]
	}
	values["done_on"] = done.String()
	if version == "" {
		version = v.Version
	}
	return a.Edit(ctx, act, EditRequest{File: "document_tasks", Mode: ModeCorrect, Original: key, Values: values,
		Version: version, Date: done, AcceptFindings: true})
}

// knownUnit refuses a scope naming no unit ever recorded.
func (a *App) knownUnit(ctx context.Context, id string) error {
	_, err := a.db.Reader(sqldb.Recorded{}).UnitVersions(ctx, id)
	if tochuc.ErrorCode(err) == tochuc.ENotFound {
		return tochuc.Errorf(tochuc.ENotFound, "Không có đơn vị '%s'.", id)
	}
	return a.fault(err)
}
