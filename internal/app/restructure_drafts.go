package app

import (
	"context"
	"encoding/json"
	"errors"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/indicator"
	"github.com/tochuc/tochuc/internal/restructure"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// Limits of a restructuring draft.
const (
	MaxDraftName       = 200      // characters of its name
	MaxDraftOperations = 10       // operations in one draft
	MaxDraftJSON       = 64 << 10 // bytes of its operations as stored
)

// Audit actions of drafts.
const (
	AuditDraftSave   = "restructure_draft.save"
	AuditDraftDelete = "restructure_draft.delete"
	AuditDraftAdopt  = "restructure_draft.adopt"
)

// DraftInput is a draft as a person saves it: new (ID 0) or a new version
// of the draft read at Version.
type DraftInput struct {
	ID      int64
	Version int
	Name    string
	Ops     []restructure.Input
}

// Draft is a restructuring draft with its operations read.
type Draft struct {
	sqldb.Draft
	Inputs []restructure.Input
	Ops    []restructure.Operation
}

// Date is the draft's effective date: the latest of its operations'.
func (d *Draft) Date() tochuc.Date {
	var out tochuc.Date
	for _, op := range d.Ops {
		out = max(out, op.Date)
	}
	return out
}

// readDraft reads a stored draft's operations.
func readDraft(s sqldb.Draft) (*Draft, error) {
	d := &Draft{Draft: s}
	if err := json.Unmarshal([]byte(s.Operations), &d.Inputs); err != nil {
		return nil, tochuc.Errorf(tochuc.EInvalid, "Bản nháp %d hỏng: không đọc được các thao tác sắp xếp.", s.ID)
	}
	for _, in := range d.Inputs {
		op, err := restructure.Parse(in)
		if err != nil {
			return nil, err
		}
		d.Ops = append(d.Ops, op)
	}
	return d, nil
}

// touched returns the units the operations touch (before them), by the
// date they are read on (the day before the operation's).
func touched(ops []restructure.Operation) map[string]tochuc.Date {
	out := map[string]tochuc.Date{}
	for _, op := range ops {
		for _, id := range append(append([]string{}, op.From...), op.Into) {
			if id != "" {
				out[id] = op.Date.AddDays(-1)
			}
		}
		for _, t := range op.To {
			if t.ParentID != "" {
				out[t.ParentID] = op.Date.AddDays(-1)
			}
		}
	}
	return out
}

// mayReadDraft reports whether an account's scope holds every unit a draft touches.
func mayReadDraft(sc *Scope, ops []restructure.Operation) bool {
	if sc.Whole() {
		return true
	}
	for id, d := range touched(ops) {
		if !sc.UnitOn(id, d) {
			return false
		}
	}
	return true
}

// SaveDraft saves a restructuring draft, not applied: each operation must
// read (restructure.Parse) and touch only units inside the actor's scope.
// A save of a draft changed meanwhile (stale version) is refused
// (EConflict), never written over.
func (a *App) SaveDraft(ctx context.Context, act Actor, in DraftInput) (*Draft, error) {
	if !act.User.CanWrite() {
		return nil, tochuc.Errorf(tochuc.EForbidden, "Tài khoản của bạn chỉ được xem, không được sửa dữ liệu.")
	}
	name := strings.TrimSpace(in.Name)
	switch {
	case name == "":
		return nil, tochuc.Errorf(tochuc.EInvalid, "Tên bản nháp: cần đặt tên cho bản nháp.")
	case utf8.RuneCountInString(name) > MaxDraftName:
		return nil, tochuc.Errorf(tochuc.EInvalid, "Tên bản nháp: dài quá %d ký tự.", MaxDraftName)
	case len(in.Ops) == 0:
		return nil, tochuc.Errorf(tochuc.EInvalid, "Bản nháp cần ít nhất một thao tác sắp xếp.")
	case len(in.Ops) > MaxDraftOperations:
		return nil, tochuc.Errorf(tochuc.EInvalid, "Bản nháp có %d thao tác: tối đa %d.", len(in.Ops), MaxDraftOperations)
	}
	var ops []restructure.Operation
	for i, x := range in.Ops {
		op, err := restructure.Parse(x)
		if err != nil {
			return nil, tochuc.Errorf(tochuc.EInvalid, "Thao tác %d: %s", i+1, err.Error())
		}
		ops = append(ops, op)
		in.Ops[i].Date = op.Date.String() // kept as yyyy-mm-dd, whatever was typed
	}
	body, err := json.Marshal(in.Ops)
	if err != nil {
		return nil, err
	}
	if len(body) > MaxDraftJSON {
		return nil, tochuc.Errorf(tochuc.EInvalid, "Các thao tác của bản nháp dài quá %d KiB.", MaxDraftJSON>>10)
	}
	sc, err := a.Scope(ctx, act.User)
	if err != nil {
		return nil, err
	}
	if !mayReadDraft(sc, ops) {
		return nil, tochuc.Errorf(tochuc.EForbidden, "Bản nháp có đơn vị nằm ngoài phạm vi được giao.")
	}
	units := touched(ops)
	var ids []string
	for id := range units {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	scope, err := a.draftScope(ctx, sc, ops)
	if err != nil {
		return nil, err
	}
	s := sqldb.Draft{ID: in.ID, Version: in.Version, Name: name, ScopeUnitID: scope, Units: uniqueStrings(ids),
		Operations: string(body), UpdatedBy: act.User.Login}
	if in.ID != 0 {
		cur, err := a.Draft(ctx, act, in.ID)
		if err != nil {
			return nil, err
		}
		s.CreatedBy, s.CreatedAt = cur.CreatedBy, cur.CreatedAt
	}
	audit := tochuc.AuditEntry{Action: AuditDraftSave, UserLogin: act.User.Login, IP: act.IP,
		Detail: map[string]any{"name": name, "version": in.Version + 1}}
	saved, err := a.db.SaveDraft(ctx, s, audit)
	if err != nil {
		return nil, a.fault(err)
	}
	return &Draft{Draft: saved, Inputs: in.Ops, Ops: ops}, nil
}

// draftScope is the unit whose figures a draft shows: the superior of the
// first unit it touches, when the actor's scope holds it, else the actor's
// scope unit ("" the whole registry).
func (a *App) draftScope(ctx context.Context, sc *Scope, ops []restructure.Operation) (string, error) {
	for _, op := range ops {
		for _, id := range append(append([]string{}, op.From...), op.Into) {
			if id == "" {
				continue
			}
			u, err := a.db.Reader(sqldb.Recorded{}).Unit(ctx, id, op.Date.AddDays(-1))
			if err != nil {
				if tochuc.ErrorCode(err) == tochuc.ENotFound {
					continue
				}
				return "", a.fault(err)
			}
			if u.ParentID != "" && sc.UnitOn(u.ParentID, op.Date.AddDays(-1)) {
				return u.ParentID, nil
			}
			return sc.UnitID(), nil
		}
	}
	return sc.UnitID(), nil
}

// Draft returns a draft the actor may read (its scope holds every unit the
// draft touches); another is not found.
func (a *App) Draft(ctx context.Context, act Actor, id int64) (*Draft, error) {
	s, err := a.db.Draft(ctx, id)
	if err != nil {
		return nil, a.fault(err)
	}
	d, err := readDraft(s)
	if err != nil {
		return nil, err
	}
	sc, err := a.Scope(ctx, act.User)
	if err != nil {
		return nil, err
	}
	if !mayReadDraft(sc, d.Ops) {
		return nil, tochuc.Errorf(tochuc.ENotFound, "Không có bản nháp sắp xếp số %d.", id)
	}
	return d, nil
}

// Drafts returns a page of the drafts the actor may read, latest saved
// first, and whether more follow.
func (a *App) Drafts(ctx context.Context, act Actor, offset, limit int) ([]*Draft, bool, error) {
	sc, err := a.Scope(ctx, act.User)
	if err != nil {
		return nil, false, err
	}
	var out []*Draft
	more, skipped := false, 0
	err = a.db.EachDraft(ctx, func(s sqldb.Draft) bool {
		d, err := readDraft(s)
		if err != nil || !mayReadDraft(sc, d.Ops) {
			return true
		}
		if skipped < offset {
			skipped++
			return true
		}
		if len(out) == limit {
			more = true
			return false
		}
		out = append(out, d)
		return true
	})
	return out, more, a.fault(err)
}

// DeleteDraft deletes a draft read at version (not an adopted one).
func (a *App) DeleteDraft(ctx context.Context, act Actor, id int64, version int) error {
	if !act.User.CanWrite() {
		return tochuc.Errorf(tochuc.EForbidden, "Tài khoản của bạn chỉ được xem, không được sửa dữ liệu.")
	}
	d, err := a.Draft(ctx, act, id)
	if err != nil {
		return err
	}
	audit := tochuc.AuditEntry{Action: AuditDraftDelete, UserLogin: act.User.Login, IP: act.IP,
		Detail: map[string]any{"name": d.Name, "version": version}}
	return a.fault(a.db.DeleteDraft(ctx, id, version, audit))
}

// DraftAdoption is the result of adopting a draft.
type DraftAdoption struct {
	ChangeSet int64
	Changes   []string
	Report    *bundle.Report // the import's report when it refused the restructuring
}

// AdoptDraft applies a draft read at version, with its decision document
// (held in the registry: every restructure row it writes cites it), as one
// change set inside the actor's scope, and marks the draft adopted by that
// change set in the same transaction: all of it or nothing. A draft adopted
// already, or changed since it was read, is refused (EConflict).
func (a *App) AdoptDraft(ctx context.Context, act Actor, id int64, version int, documentID string) (*DraftAdoption, error) {
	if !act.User.CanWrite() {
		return nil, tochuc.Errorf(tochuc.EForbidden, "Tài khoản của bạn chỉ được xem, không được sửa dữ liệu.")
	}
	documentID = strings.TrimSpace(documentID)
	if documentID == "" {
		return nil, tochuc.Errorf(tochuc.EInvalid, "Văn bản quyết định: cần chọn văn bản quyết định để thông qua bản nháp.")
	}
	d, err := a.Draft(ctx, act, id)
	if err != nil {
		return nil, err
	}
	if d.Status == sqldb.DraftAdopted {
		return nil, tochuc.Errorf(tochuc.EConflict, "Bản nháp '%s' đã được thông qua (bộ thay đổi %d); không thể thông qua lần nữa.", d.Name, d.ChangeSet)
	}
	res := &DraftAdoption{}
	audit := tochuc.AuditEntry{Action: AuditDraftAdopt, ObjectType: "restructure_draft", ObjectID: strconv.FormatInt(id, 10)}
	rep, err := a.write(ctx, act, "restructure draft "+strconv.FormatInt(id, 10), audit, func(c *sqldb.Change, audit *tochuc.AuditEntry) (*bundle.Report, error) {
		var rep *bundle.Report
		for _, op := range d.Ops {
			op.DocumentID = documentID
			var err error
			var changes []string
			if rep, changes, err = a.planDraftOp(ctx, c, op); err != nil || !rep.OK() {
				return rep, err
			}
			res.Changes = append(res.Changes, changes...)
		}
		if err := c.AdoptDraft(ctx, id, version, documentID); err != nil {
			return nil, err
		}
		res.ChangeSet = c.ID
		audit.Detail = map[string]any{"name": d.Name, "document_id": documentID, "changes": res.Changes}
		return rep, nil
	})
	if err != nil {
		return nil, err
	}
	if rep != nil && !rep.OK() {
		res.ChangeSet, res.Report = 0, rep
	}
	return res, nil
}

// planDraftOp plans one operation inside a change set and imports it there.
func (a *App) planDraftOp(ctx context.Context, c *sqldb.Change, op restructure.Operation) (*bundle.Report, []string, error) {
	r := c.Reader(false)
	if err := checkRestructure(ctx, r, op); err != nil {
		return nil, nil, err
	}
	tables, changes, err := restructure.Plan(ctx, r, op)
	if err != nil {
		return nil, nil, err
	}
	rep, err := bundle.Import(ctx, tables, c, bundle.Options{})
	return rep, changes, err
}

// DraftFigures are the whole indicator catalog of a draft's scope on its
// date, without the draft and as it would be with the draft adopted.
type DraftFigures struct {
	Params  indicator.Params
	Before  *indicator.Result
	After   *indicator.Result
	Changes []string
	Report  *bundle.Report // the restructuring's checks, when they refuse it
	// NotYours says why the actor could not adopt the draft themselves (the
	// scope policy refusing what it writes): the figures are still shown,
	// those of the actor's scope, since showing them writes nothing.
	NotYours string
	// Quotas are the posts of the units the draft makes, with the holders
	// they inherit against their quotas (draftQuotas).
	Quotas []PostQuota
}

// draftReportScope is the scope of a draft's figures for the actor: the one
// saved with it when the actor's scope holds it, else the one the actor
// would have chosen (draftScope: the superior of the units touched, or the
// actor's own scope unit, carried on by its successors).
func (a *App) draftReportScope(ctx context.Context, act Actor, d *Draft) (indicator.Params, error) {
	p, err := a.ReportScope(ctx, act.User, indicator.Params{AsOf: d.Date(), Scope: d.ScopeUnitID})
	if tochuc.ErrorCode(err) != tochuc.EForbidden {
		return p, err
	}
	sc, err := a.Scope(ctx, act.User)
	if err != nil {
		return p, err
	}
	own, err := a.draftScope(ctx, sc, d.Ops)
	if err != nil {
		return p, err
	}
	p, err = a.ReportScope(ctx, act.User, indicator.Params{AsOf: d.Date(), Scope: own})
	if tochuc.ErrorCode(err) == tochuc.EForbidden {
		return a.ReportScope(ctx, act.User, indicator.Params{AsOf: d.Date()})
	}
	return p, err
}

// DraftFigures computes a draft's figures after: the draft is applied
// inside a change set that is rolled back, and the indicator engine reads
// inside it (sqldb's txSession); the figures before are those of the
// registry as it stands. The draft need not be adoptable: when its checks
// refuse it, Report says why and After is nil.
func (a *App) DraftFigures(ctx context.Context, act Actor, d *Draft) (*DraftFigures, error) {
	p, err := a.draftReportScope(ctx, act, d)
	if err != nil {
		return nil, err
	}
	out := &DraftFigures{Params: p}
	if out.Before, err = a.Report(ctx, p, Recorded{}); err != nil {
		return nil, err
	}
	err = a.inDraft(ctx, act, d, out, func(c *sqldb.Change) error {
		if out.Quotas, err = draftQuotas(ctx, c.Reader(false), d.Ops, d.Date()); err != nil {
			return err
		}
		out.After, err = indicator.Compute(ctx, c.Reader(false), p)
		return err
	})
	return out, err
}

// inDraft applies a draft's operations in a change set, calls fn inside it
// when they are accepted, and rolls everything back.
func (a *App) inDraft(ctx context.Context, act Actor, d *Draft, out *DraftFigures, fn func(c *sqldb.Change) error) error {
	_, err := a.write(ctx, act, "restructure draft preview", tochuc.AuditEntry{}, func(c *sqldb.Change, _ *tochuc.AuditEntry) (*bundle.Report, error) {
		for _, op := range d.Ops {
			rep, changes, err := a.planDraftOp(ctx, c, op)
			if err != nil {
				return nil, err
			}
			out.Changes = append(out.Changes, changes...)
			if !rep.OK() {
				out.Report = rep
				return nil, errPreview
			}
		}
		if err := a.guard(act).CheckChange(ctx, c); err != nil {
			if tochuc.ErrorCode(err) != tochuc.EForbidden {
				return nil, err
			}
			out.NotYours = err.Error()
		}
		if err := fn(c); err != nil {
			return nil, err
		}
		return nil, errPreview
	})
	if errors.Is(err, errPreview) {
		return nil
	}
	return err
}
