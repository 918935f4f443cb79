package sqldb

import (
	"context"
	"strings"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// ApplyEdit applies an edit by user. When the report has errors nothing is
// kept; the audit entry is written in the same transaction as the change.
func (db *DB) ApplyEdit(ctx context.Context, user string, e bundle.Edit) (*bundle.Report, error) {
	c, err := db.Begin(ctx, user, "web: "+e.Audit.Action)
	if err != nil {
		return nil, err
	}
	for _, r := range e.Retract {
		if err := c.retract(r); err != nil {
			c.Rollback()
			return nil, err
		}
	}
	rep, err := bundle.Import(e.Records, c, bundle.Options{})
	if err != nil || !rep.OK() {
		c.Rollback()
		return rep, err
	}
	if e.Audit.Detail == nil {
		e.Audit.Detail = map[string]any{}
	}
	e.Audit.Detail["change_set"] = c.ID
	if err := appendAudit(ctx, c.Tx, db.Dialect, e.Audit); err != nil {
		c.Rollback()
		return nil, err
	}
	return rep, c.Commit()
}

// retract supersedes a held record without a successor.
func (c *Change) retract(r bundle.Retraction) error {
	f := bundle.FileByName(r.File)
	if f == nil || f.Versioned {
		return tochuc.Errorf(tochuc.EInvalid, "không thể rút bản ghi của tệp %q", r.File)
	}
	conds := []string{"rec_to IS NULL"}
	args := []any{c.At, c.ID}
	for _, k := range f.Key {
		v, ok := r.Key[k]
		if !ok {
			return tochuc.Errorf(tochuc.EInvalid, "thiếu khóa %s của bản ghi cần rút", k)
		}
		if v == "" {
			conds = append(conds, k+" IS NULL")
			continue
		}
		conds = append(conds, k+" = ?")
		if f.Columns[f.Index(k)].Type == bundle.Date {
			args = append(args, tochuc.MustDate(v))
		} else {
			args = append(args, v)
		}
	}
	res, err := c.exec(`UPDATE `+f.Name+` SET rec_to = ?, end_cs = ? WHERE `+strings.Join(conds, " AND "), args...)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n != 1 {
		return tochuc.Errorf(tochuc.ENotFound, "không tìm thấy bản ghi cần sửa (có thể đã được người khác sửa)")
	}
	return nil
}

// CheckEdit runs an edit's checks and keeps nothing: a preview.
func (db *DB) CheckEdit(ctx context.Context, user string, e bundle.Edit) (*bundle.Report, error) {
	c, err := db.Begin(ctx, user, "check")
	if err != nil {
		return nil, err
	}
	defer c.Rollback()
	for _, r := range e.Retract {
		if err := c.retract(r); err != nil {
			return nil, err
		}
	}
	return bundle.Import(e.Records, c, bundle.Options{})
}
