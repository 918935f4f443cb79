package main

import (
	"context"
	"encoding/csv"
	"strconv"
	"strings"

	"github.com/tochuc/tochuc/internal/app"
	"github.com/tochuc/tochuc/internal/report"
)

// runDues writes a dues list as CSV: `dues behind` lists the members of a
// party organization behind by more than three months on a date (the same
// list as /dang-phi/cham).
func runDues(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 || args[0] != "behind" {
		return usageError{"cần lệnh con: behind (đảng viên chậm đóng đảng phí quá 3 tháng)"}
	}
	fs := newFlags(e, "dues behind", "[tùy chọn]")
	asOf := fs.String("as-of", "", "ngày xem (YYYY-MM-DD hoặc dd/mm/yyyy; mặc định hôm nay)")
	scope := fs.String("scope", "", "mã tổ chức đảng (đảng bộ, chi bộ)")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{"không nhận đối số: " + strings.Join(fs.Args(), " ")}
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
	a := app.New(db, nil)
	u := app.CLI(e.user).User
	w := csv.NewWriter(e.stdout)
	if err := w.Write([]string{"person_id", "full_name", "unit_id", "unit_name", "settled_month", "months_behind"}); err != nil {
		return err
	}
	const chunk = 1000
	for off := 0; ; off += chunk {
		pg, err := a.DuesBehind(ctx, u, app.DuesParams{Unit: *scope, AsOf: d}, off, chunk)
		if err != nil {
			return err
		}
		for _, it := range pg.Items {
			cells := []string{it.PersonID, it.Name, it.UnitID, it.UnitName, it.Settled, strconv.Itoa(it.MonthsBehind)}
			for i, c := range cells {
				cells[i] = report.SpreadsheetSafe(c)
			}
			if err := w.Write(cells); err != nil {
				return err
			}
		}
		if len(pg.Items) < chunk {
			break
		}
	}
	w.Flush()
	return w.Error()
}
