package app

import (
	"context"
	"fmt"
	"maps"
	"strconv"
	"strings"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/check"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// Edit modes: a change from a date (a new period; the old value stays true
// until then) or a correction (the old value was never true).
const (
	ModeChange  = "change"
	ModeCorrect = "correct"
)

// EditRequest is one record added or edited by a person.
type EditRequest struct {
	File      string
	Mode      string      // ModeChange or ModeCorrect
	Effective tochuc.Date // for a change: the first day of the new values
	// Original is the key of the record edited; empty to add one.
	Original map[string]string
	Values   map[string]string
	// Version is the record's version as the person saw it (Record gives
	// it); an edit of a record that has changed since is refused.
	Version string
	// Date is the day the person was looking at (a unit's version on it);
	// the rule checks are run on it.
	Date tochuc.Date
	// AcceptFindings saves the edit even if the rule checks find more on
	// Date after it than before (the person has seen the warning).
	AcceptFindings bool
}

// FindingsWarning refuses, until the person accepts them, an edit after
// which the rule checks find what they did not find before. Nothing is
// written.
type FindingsWarning struct {
	Findings []check.Finding
}

func (e *FindingsWarning) Error() string {
	return fmt.Sprintf("Sau thay đổi này, kiểm tra theo quy định có thêm %d phát hiện; chưa ghi gì. Xem lại, hoặc xác nhận để vẫn ghi.", len(e.Findings))
}

// Unwrap makes a FindingsWarning an application error with code EInvalid.
func (e *FindingsWarning) Unwrap() error { return tochuc.Errorf(tochuc.EInvalid, "%s", e.Error()) }

// findingsAddedIn returns the findings on d (today when zero), in the
// account's scope, of the rules that read the edited file, held inside the
// change set and not before it.
func (a *App) findingsAddedIn(ctx context.Context, c *sqldb.Change, u tochuc.User, f *bundle.File, d tochuc.Date) ([]check.Finding, error) {
	rules := check.Reading(f.Name)
	if len(rules) == 0 {
		return nil, nil
	}
	if d == 0 {
		d = a.today()
	}
	p := CheckParams{AsOf: d, Rules: rules}
	// Before: the run the pages share when it read the registry as it was
	// before this change set (the usual case), else read inside it.
	prev, err := c.Reader(true).Version(ctx)
	if err != nil {
		return nil, err
	}
	before := a.cachedChecks(u, CheckParams{AsOf: d}, prev)
	if before == nil {
		if before, err = a.checkOn(ctx, c.Reader(true), u, p); err != nil {
			return nil, err
		}
	}
	after, err := a.checkOn(ctx, c.Reader(false), u, p)
	if err != nil {
		return nil, err
	}
	return withoutConfidential(u, &CheckResult{Findings: check.Added(before.Findings, after.Findings)}).Findings, nil
}

// EditResult is what an edit recorded.
type EditResult struct {
	Report    *bundle.Report
	ChangeSet int64
	// Findings are what the rule checks find after the edit and did not
	// before (on the request's date, in the actor's scope).
	Findings []check.Finding
}

// StaleError refuses an edit made from an older version of a record: it
// carries the record as it stands now, for the person to redo the edit on.
type StaleError struct {
	File    string
	Current map[string]string // nil when the record is gone
	Version string
	Message string
}

func (e *StaleError) Error() string { return e.Message }

// Code makes a StaleError an application error with code EStale.
func (e *StaleError) Unwrap() error { return tochuc.Errorf(tochuc.EStale, "%s", e.Message) }

// Periodic reports whether a file's records change from a date (a new period
// or a new figure), besides being corrected.
func Periodic(f *bundle.File) bool {
	return f.Name == "units" || f.Name == "assignments" || f.Name == "headcount"
}

// Edit records one edit as a change set of its own, checked as an import
// is, inside the actor's scope, audited. Every read that plans it happens
// inside the change set's transaction, under the write lock.
func (a *App) Edit(ctx context.Context, act Actor, req EditRequest) (*EditResult, error) {
	f := bundle.FileByName(req.File)
	if f == nil {
		return nil, tochuc.Errorf(tochuc.ENotFound, "không có loại bản ghi %q", req.File)
	}
	if !act.User.CanWrite() {
		return nil, tochuc.Errorf(tochuc.EForbidden, "Tài khoản của bạn chỉ được xem, không được sửa dữ liệu.")
	}
	res := &EditResult{}
	audit := tochuc.AuditEntry{ObjectType: f.Name, ObjectID: keyString(f, req.Values), Detail: map[string]any{"after": req.Values}}
	rep, err := a.write(ctx, act, "edit "+f.Name, audit, func(c *sqldb.Change, audit *tochuc.AuditEntry) (*bundle.Report, error) {
		if err := keepConfidential(ctx, c.Reader(true), act.User, f, &req); err != nil {
			return nil, err
		}
		if err := a.mayEdit(ctx, c, act, f, req); err != nil {
			return nil, err
		}
		if f.Name == "evaluations" { // EVAL-19: a decision waits for its prerequisites
			if err := evalOrder(ctx, c.Reader(false), req.Values); err != nil {
				return nil, err
			}
		}
		e, err := planEdit(ctx, c.Reader(false), f, req, audit)
		if err != nil {
			return nil, err
		}
		for _, r := range e.Retract {
			if err := c.Retract(ctx, r); err != nil {
				return nil, err
			}
		}
		res.ChangeSet = c.ID
		rep, err := bundle.Import(ctx, e.Records, c, withCatalog(bundle.Options{}))
		if err != nil || !rep.OK() {
			return rep, err
		}
		if res.Findings, err = a.findingsAddedIn(ctx, c, act.User, f, req.Date); err != nil {
			return rep, err
		}
		if len(res.Findings) > 0 && !req.AcceptFindings {
			return rep, &FindingsWarning{Findings: res.Findings}
		}
		return rep, nil
	})
	res.Report = rep
	if err != nil {
		return res, err
	}
	return res, nil
}

// mayEdit refuses, before anything is planned or told about the record, an
// edit whose record or new values lie outside the actor's scope (the guard
// checks every row again at commit).
func (a *App) mayEdit(ctx context.Context, c *sqldb.Change, act Actor, f *bundle.File, req EditRequest) error {
	if act.whole() {
		return nil
	}
	r := c.Reader(true)
	sc, err := a.scopeOn(ctx, r, act.User)
	if err != nil {
		return err
	}
	rows := [][]string{cellsFrom(f, req.Values)}
	if len(req.Original) > 0 {
		cells, err := current(ctx, r, f, req.Original, req.Date)
		if err != nil && tochuc.ErrorCode(err) != tochuc.ENotFound {
			return err
		}
		if cells != nil {
			rows = append(rows, cells)
		}
	}
	for _, cells := range rows {
		why, err := sc.Writable(ctx, f, cells)
		if err != nil {
			return err
		}
		if why != "" {
			return tochuc.Errorf(tochuc.EForbidden, "Thay đổi nằm ngoài phạm vi được giao, chưa ghi gì: %s.", why)
		}
	}
	return nil
}

// CheckEdit runs an edit's checks and keeps nothing (a preview before saving).
func (a *App) CheckEdit(ctx context.Context, act Actor, req EditRequest) (*bundle.Report, error) {
	f := bundle.FileByName(req.File)
	if f == nil {
		return nil, tochuc.Errorf(tochuc.ENotFound, "không có loại bản ghi %q", req.File)
	}
	c, err := a.db.Begin(ctx, act.User.Login, "check", a.guard(act))
	if err != nil {
		return nil, a.fault(err)
	}
	defer c.Rollback()
	audit := tochuc.AuditEntry{Detail: map[string]any{}}
	e, err := planEdit(ctx, c.Reader(false), f, req, &audit)
	if err != nil {
		return nil, a.fault(err)
	}
	for _, r := range e.Retract {
		if err := c.Retract(ctx, r); err != nil {
			return nil, a.fault(err)
		}
	}
	rep, err := bundle.Import(ctx, e.Records, c, withCatalog(bundle.Options{}))
	return rep, a.fault(err)
}

// planEdit turns an edit into bundle rows and retractions, reading the
// record's current state through r:
//   - a correction replaces the record (retracting the old key if the key changed);
//   - a change from date E ends the old period on E and starts the new values
//     on E (units: a new version; posts: a new row; headcount: a new figure).
func planEdit(ctx context.Context, r *sqldb.Reader, f *bundle.File, req EditRequest, audit *tochuc.AuditEntry) (bundle.Edit, error) {
	e := bundle.Edit{Records: bundle.Tables{}}
	isNew := len(req.Original) == 0
	mode := req.Mode
	if mode != ModeChange || !Periodic(f) || isNew {
		mode = ModeCorrect
	}
	audit.Action = f.Name + ".correct"
	switch {
	case isNew:
		audit.Action = f.Name + ".add"
	case mode == ModeChange:
		if req.Effective == 0 {
			return e, tochuc.Errorf(tochuc.EInvalid, "cần ngày hiệu lực của thay đổi")
		}
		audit.Action = f.Name + ".change"
		audit.Detail["effective"] = req.Effective.String()
	}
	if err := checkVersion(ctx, r, f, req, isNew); err != nil {
		return e, err
	}
	var before []string
	if !isNew {
		var err error
		if before, err = current(ctx, r, f, req.Original, req.Date); err != nil {
			return e, err
		}
		audit.Detail["before"] = cellsMap(f, before)
	}
	switch {
	case f.Name == "units":
		return e, planUnit(ctx, r, &e, req, mode, isNew)
	case mode == ModeChange:
		old := cellsMap(f, before)
		newRow := maps.Clone(req.Values)
		if f.Name == "headcount" {
			newRow["date"] = req.Effective.String()
		} else { // assignments: the old post ends on E, the new one starts on it
			from := tochuc.MustDate(old["valid_from"])
			if req.Effective <= from {
				return e, tochuc.Errorf(tochuc.EInvalid, "ngày hiệu lực phải sau ngày bắt đầu %s của chức vụ", from.Vietnamese())
			}
			old["valid_to"] = req.Effective.String()
			newRow["valid_from"] = req.Effective.String()
			e.Records.Add(f.Name, old)
		}
		e.Records.Add(f.Name, newRow)
	default:
		if !isNew && keyString(f, req.Original) != keyString(f, req.Values) {
			e.Retract = append(e.Retract, bundle.Retraction{File: f.Name, Key: req.Original})
		}
		e.Records.Add(f.Name, req.Values)
	}
	return e, nil
}

// checkVersion refuses an edit of a record that changed since the person
// read it, and the addition of a record whose key is already held.
func checkVersion(ctx context.Context, r *sqldb.Reader, f *bundle.File, req EditRequest, isNew bool) error {
	key := keyOf(f, req.Original)
	if isNew {
		key = keyOf(f, req.Values)
	}
	stamp, err := r.Stamp(ctx, f, key)
	if err != nil {
		return err
	}
	now := ""
	if stamp != 0 {
		now = strconv.FormatInt(stamp, 10)
	}
	switch {
	case isNew && stamp == 0:
		return nil
	case isNew:
		return staleError(ctx, r, f, key, now, "Bản ghi này đã có (có thể vừa được người khác thêm): hãy xem bản ghi hiện có rồi sửa nếu cần.")
	case req.Version == "":
		return tochuc.Errorf(tochuc.EInvalid, "Thiếu phiên bản của bản ghi đang sửa (trường version): hãy mở lại bản ghi rồi sửa.")
	case stamp == 0:
		return staleError(ctx, r, f, key, "", "Bản ghi này không còn (có thể vừa được người khác sửa hoặc xóa).")
	case req.Version != now:
		return staleError(ctx, r, f, key, now, "Bản ghi đã được người khác sửa sau khi bạn mở nó. Chưa ghi gì: hãy xem những gì đã thay đổi và sửa lại trên dữ liệu mới.")
	}
	return nil
}

func staleError(ctx context.Context, r *sqldb.Reader, f *bundle.File, key map[string]string, version, msg string) error {
	e := &StaleError{File: f.Name, Version: version, Message: msg}
	if version != "" {
		cells, err := current(ctx, r, f, key, 0)
		if err != nil && tochuc.ErrorCode(err) != tochuc.ENotFound {
			return err
		}
		if cells != nil {
			e.Current = cellsMap(f, cells)
		}
	}
	return e
}

// current returns the held record with a key: for a unit, its version on d
// (or its last one).
func current(ctx context.Context, r *sqldb.Reader, f *bundle.File, key map[string]string, d tochuc.Date) ([]string, error) {
	if key = keyOf(f, key); !fullKey(f, key) {
		return nil, tochuc.Errorf(tochuc.ENotFound, "thiếu khóa của bản ghi")
	}
	if f.Name != "units" {
		return r.Record(ctx, f, key)
	}
	vs, err := r.UnitVersions(ctx, key["id"])
	if err != nil {
		return nil, err
	}
	v := vs[len(vs)-1]
	for _, x := range vs {
		if x.Contains(d) {
			v = x
		}
	}
	return UnitCells(v), nil
}

// planUnit writes all versions of the unit: a bundle naming a unit gives them all.
func planUnit(ctx context.Context, r *sqldb.Reader, e *bundle.Edit, req EditRequest, mode string, isNew bool) error {
	var versions []tochuc.Unit
	if !isNew {
		vs, err := r.UnitVersions(ctx, req.Original["id"])
		if err != nil {
			return err
		}
		versions = vs
	}
	f := bundle.FileByName("units")
	edited := cellsMap(f, nil)
	for k, v := range req.Values {
		edited[k] = v
	}
	rows := make([]map[string]string, 0, len(versions)+1)
	placed := isNew
	for _, v := range versions {
		row := cellsMap(f, UnitCells(v))
		switch {
		case mode == ModeCorrect && v.From.String() == req.Original["valid_from"]:
			row, placed = edited, true
		case mode == ModeChange && v.Contains(req.Effective):
			placed = true
			if v.From == req.Effective {
				edited["valid_from"], edited["valid_to"] = v.From.String(), v.To.String()
				row = edited
				break
			}
			next := maps.Clone(edited)
			next["valid_from"], next["valid_to"] = req.Effective.String(), v.To.String()
			row["valid_to"] = req.Effective.String()
			rows = append(rows, next)
		}
		rows = append(rows, row)
	}
	if isNew {
		rows = append(rows, edited)
	}
	if !placed {
		return tochuc.Errorf(tochuc.EInvalid, "đơn vị không có phiên bản nào vào ngày %s", req.Effective.Vietnamese())
	}
	for _, row := range rows {
		e.Records.Add("units", row)
	}
	return nil
}

// UnitCells renders a unit version as the cells of units.csv.
func UnitCells(u tochuc.Unit) []string {
	return []string{u.ID, u.Name, u.Kind, u.ParentID, u.LocalityID, u.HostID, u.Subtype, u.Sector, u.Ownership,
		u.AdminCode, u.From.String(), u.To.String()}
}

// cellsMap maps a file's columns to cells (empty when cells is nil).
func cellsMap(f *bundle.File, cells []string) map[string]string {
	m := make(map[string]string, len(f.Columns))
	for i, c := range f.Columns {
		if i < len(cells) {
			m[c.Name] = cells[i]
		} else {
			m[c.Name] = ""
		}
	}
	return m
}

// keyOf returns the non-empty key columns of a record's values.
func keyOf(f *bundle.File, vals map[string]string) map[string]string {
	out := map[string]string{}
	for _, k := range f.Key {
		if v := vals[k]; v != "" {
			out[k] = v
		} else if c := f.Columns[f.Index(k)]; c.Default != "" && len(vals) > 0 {
			out[k] = c.Default // an empty cell means its default (evaluations.period)
		}
	}
	return out
}

// fullKey reports whether a key gives every required key column (an
// optional one left out is empty: a post quota of no subtype).
func fullKey(f *bundle.File, key map[string]string) bool {
	for _, k := range f.Key {
		if key[k] == "" && f.Columns[f.Index(k)].Required {
			return false
		}
	}
	return len(key) > 0
}

// keyString renders a record's key for the audit log.
func keyString(f *bundle.File, vals map[string]string) string {
	parts := make([]string, 0, len(f.Key))
	for _, k := range f.Key {
		parts = append(parts, vals[k])
	}
	return strings.Join(parts, "|")
}
