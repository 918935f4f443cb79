package sqldb

import (
	"context"
	"strings"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// retract supersedes a held record without a successor.
func (c *Change) Retract(ctx context.Context, r bundle.Retraction) error {
	f := bundle.FileByName(r.File)
	if f == nil || f.Versioned {
		return tochuc.Errorf(tochuc.EInvalid, "không thể rút bản ghi của tệp %q", r.File)
	}
	if c.check { // a check keeps nothing: the retraction's key was checked by the caller
		return nil
	}
	if err := c.endCopy(); err != nil {
		return err
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
	res, err := c.exec(ctx, `UPDATE `+f.Name+` SET rec_to = ?, end_cs = ? WHERE `+strings.Join(conds, " AND "), args...)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n != 1 {
		return tochuc.Errorf(tochuc.ENotFound, "không tìm thấy bản ghi cần sửa (có thể đã được người khác sửa)")
	}
	return nil
}
