package app

import (
	"context"
	"errors"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/restructure"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// RestructureResult is a restructuring planned, and applied or previewed:
// the changes in Vietnamese and the checks' report.
type RestructureResult struct {
	Event   string
	Changes []string
	Report  *bundle.Report
	Applied bool
	Counts  RestructureCounts // what it changes, summed up (for a preview)
}

// errPreview ends a preview's transaction without keeping anything.
var errPreview = errors.New("preview")

// Restructure plans a restructuring on the registry as it stands (inside the
// change set's transaction) and, when apply is set, records it as one change
// set, inside the actor's scope, audited; otherwise it runs every check,
// the scope policy's included, and keeps nothing (a preview). A second
// restructuring of a unit on a date when it was already restructured is
// refused, naming the first.
func (a *App) Restructure(ctx context.Context, act Actor, op restructure.Operation, apply bool) (*RestructureResult, error) {
	if !act.User.CanWrite() {
		return nil, tochuc.Errorf(tochuc.EForbidden, "Tài khoản của bạn chỉ được xem, không được sửa dữ liệu.")
	}
	res := &RestructureResult{Event: op.Event()}
	audit := tochuc.AuditEntry{Action: "restructure." + op.Kind, ObjectType: "restructure", ObjectID: op.Event()}
	source := "restructure " + op.Event()
	rep, err := a.write(ctx, act, source, audit, func(c *sqldb.Change, audit *tochuc.AuditEntry) (*bundle.Report, error) {
		r := c.Reader(false)
		if err := checkRestructure(ctx, r, op); err != nil {
			return nil, err
		}
		tables, changes, err := restructure.Plan(ctx, r, op)
		if err != nil {
			return nil, err
		}
		res.Changes = changes
		audit.Detail = map[string]any{"date": op.Date.String(), "from": op.From, "changes": changes}
		res.Counts = countPlan(tables, op.Date)
		rep, err := bundle.Import(ctx, tables, c, bundle.Options{})
		if err != nil || !rep.OK() || apply {
			return rep, err
		}
		if res.Counts.Localities, err = twoPartyOrgs(ctx, c.Reader(false), tables, op.Date); err != nil {
			return rep, err
		}
		if err := a.guard(act).CheckChange(ctx, c); err != nil {
			return rep, err
		}
		res.Report = rep
		return rep, errPreview
	})
	res.Report = rep
	if errors.Is(err, errPreview) {
		return res, nil
	}
	if err != nil {
		return res, err
	}
	res.Applied = rep != nil && rep.OK()
	return res, nil
}

// checkRestructure refuses a decision document that is not held and a
// second restructuring of a unit on the same date.
func checkRestructure(ctx context.Context, r *sqldb.Reader, op restructure.Operation) error {
	if op.DocumentID != "" {
		stamp, err := r.Stamp(ctx, bundle.FileByName("documents"), map[string]string{"id": op.DocumentID})
		if err != nil {
			return err
		}
		if stamp == 0 {
			return tochuc.Errorf(tochuc.EInvalid, "Văn bản '%s' không có trong cơ sở dữ liệu; hãy nhập văn bản trước.", op.DocumentID)
		}
	}
	ids := append([]string{}, op.From...)
	if op.Into != "" {
		ids = append(ids, op.Into)
	}
	for _, t := range op.To {
		ids = append(ids, t.ID)
	}
	for _, id := range uniqueStrings(ids) {
		links, err := r.Lineage(ctx, id)
		if err != nil {
			return err
		}
		for _, l := range links {
			if l.Date == op.Date && l.EventID != op.Event() {
				return tochuc.Errorf(tochuc.EConflict, "Đơn vị '%s' đã được sắp xếp vào ngày %s (sự kiện %s, %s): "+
					"không thể ghi thêm một sắp xếp khác của đơn vị này cùng ngày. Hãy sửa sự kiện đã có.",
					id, op.Date.Vietnamese(), l.EventID, tochuc.Label("restructure", l.Kind))
			}
		}
	}
	return nil
}

func uniqueStrings(ids []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, id := range ids {
		if id != "" && !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}
