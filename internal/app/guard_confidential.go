package app

import (
	"context"
	"strings"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// confidentialGuard is the write side of confidentiality, for an account
// without the permission to read confidential records: it may write no row
// of a confidential file (it could not see what it replaces), and may not
// change a confidential column (a person's row it writes keeps the citizen
// id held). It runs before the scope guard, on every write path.
type confidentialGuard struct {
	next sqldb.Guard
}

// errConfidential is the refusal of a confidential write.
func errConfidential(what string) error {
	return tochuc.Errorf(tochuc.EForbidden, "Tài khoản của bạn chưa được giao quyền xem hồ sơ mật (quy hoạch, đánh giá, kỷ luật, số căn cước), nên không được ghi %s. Chưa ghi gì.", what)
}

// CheckChange implements sqldb.Guard.
func (g confidentialGuard) CheckChange(ctx context.Context, c *sqldb.Change) error {
	type cell struct{ ended, added string }
	held := map[string]*cell{} // file|key|column → values ended and added
	var refused string
	err := c.Touched(ctx, func(f *bundle.File, cells []string, added bool) error {
		if f.Confidential {
			if refused == "" {
				refused = strings.ToLower(tochuc.Label("file", f.Name))
			}
			return nil
		}
		for i, col := range f.Columns {
			if !col.Confidential || i >= len(cells) {
				continue
			}
			k := f.Name + "|" + RecordKey(f, cells) + "|" + col.Name
			x := held[k]
			if x == nil {
				x = &cell{}
				held[k] = x
			}
			if added {
				x.added = cells[i]
			} else {
				x.ended = cells[i]
			}
		}
		return nil
	})
	if err != nil {
		return sqldb.Fault(err)
	}
	if refused != "" {
		return errConfidential("bản ghi " + refused)
	}
	for k, x := range held {
		if x.added != "" && x.added != x.ended {
			return errConfidential("cột " + k[strings.LastIndexByte(k, '|')+1:])
		}
	}
	return g.next.CheckChange(ctx, c)
}

// keepConfidential gives an edit by an account without the permission the
// held values of the record's confidential columns, which its form showed
// blank: an empty cell keeps what is held (a value typed is refused by the
// guard unless it is the held one).
func keepConfidential(ctx context.Context, r *sqldb.Reader, u tochuc.User, f *bundle.File, req *EditRequest) error {
	if u.CanReadConfidential() || len(req.Original) == 0 {
		return nil
	}
	var cols []int
	for i, c := range f.Columns {
		if c.Confidential && req.Values[c.Name] == "" {
			cols = append(cols, i)
		}
	}
	if len(cols) == 0 {
		return nil
	}
	cells, err := current(ctx, r, f, req.Original, req.Date)
	if tochuc.ErrorCode(err) == tochuc.ENotFound {
		return nil
	}
	if err != nil {
		return err
	}
	for _, i := range cols {
		if cells[i] != "" {
			if req.Values == nil {
				req.Values = map[string]string{}
			}
			req.Values[f.Columns[i].Name] = cells[i]
		}
	}
	return nil
}
