package main

import (
	"context"
	"encoding/csv"
	"fmt"
	"slices"
	"strings"

	"github.com/tochuc/tochuc/internal/app"
	"github.com/tochuc/tochuc/internal/report"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// runCasework prints the party casework due and overdue in a unit on a
// date as CSV (the same list as /dang-vien/den-han): every kind, or one.
func runCasework(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "casework", "--scope MÃ [tùy chọn]")
	asOf := fs.String("as-of", "", "ngày xem (YYYY-MM-DD hoặc dd/mm/yyyy; mặc định hôm nay)")
	scope := fs.String("scope", "", "mã đơn vị (cấp ủy) có các tổ chức đảng được liệt kê")
	kind := fs.String("kind", "", "chỉ một loại việc: "+strings.Join(app.DueKinds, ", ")+" (mặc định tất cả)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{"không nhận đối số: " + strings.Join(fs.Args(), " ")}
	}
	if *scope == "" {
		return usageError{"cần --scope (mã đơn vị)"}
	}
	kinds := app.DueKinds
	if *kind != "" {
		if !slices.Contains(app.DueKinds, *kind) {
			return usageError{fmt.Sprintf("--kind: không có loại việc %q (có: %s)", *kind, strings.Join(app.DueKinds, ", "))}
		}
		kinds = []string{*kind}
	}
	d, err := parseDateFlag("as-of", *asOf)
	if err != nil {
		return err
	}
	db, err := openDB(ctx, e, false)
	if err != nil {
		return err
	}
	defer db.Close()
	sc, err := app.New(db, nil).Scope(ctx, app.CLI(e.user).User)
	if err != nil {
		return err
	}
	w := csv.NewWriter(e.stdout)
	if err := w.Write([]string{"Loại việc", "Mã", "Họ và tên", "Mã tổ chức đảng", "Tổ chức đảng", "Tính từ", "Hạn", "Tình trạng", "Huy hiệu"}); err != nil {
		return err
	}
	const batch = 500
	for _, k := range kinds {
		for off := 0; ; off += batch {
			pg, err := sc.Due(ctx, app.DueParams{Kind: k, Scope: *scope, AsOf: d}, off, batch)
			if err != nil {
				return err
			}
			for _, it := range pg.Items {
				state, badge := "Đến hạn", ""
				if it.Overdue {
					state = "Quá hạn"
				}
				if it.Badge != "" {
					badge = tochuc.Label("award_kind", it.Badge)
				}
				cells := []string{tochuc.Label("due_kind", k), it.PersonID, it.Name, it.UnitID, it.UnitName,
					it.Since.Vietnamese(), it.Due.Vietnamese(), state, badge}
				for i, c := range cells {
					cells[i] = report.SpreadsheetSafe(c)
				}
				if err := w.Write(cells); err != nil {
					return err
				}
			}
			if len(pg.Items) < batch {
				break
			}
		}
	}
	w.Flush()
	return w.Error()
}
