package main

import (
	"context"
	"encoding/csv"
	"fmt"
	"slices"
	"strings"

	"github.com/tochuc/tochuc/internal/app"
	"github.com/tochuc/tochuc/internal/report"
)

// runAppointments writes a list of the appointments workplace as CSV (the
// same lines as /bo-nhiem's download).
func runAppointments(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "appointments", "[tùy chọn]")
	asOf := fs.String("as-of", "", "ngày xem (YYYY-MM-DD hoặc dd/mm/yyyy; mặc định hôm nay)")
	scope := fs.String("scope", "", "mã đơn vị giới hạn phạm vi (mặc định toàn bộ)")
	list := fs.String("list", app.ListHeld, "danh sách: "+strings.Join(app.AppointmentLists, ", "))
	from := fs.String("from", "", "danh sách ended: từ ngày (mặc định đầu năm của ngày xem)")
	to := fs.String("to", "", "danh sách ended: đến ngày (mặc định ngày xem)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{"không nhận đối số: " + strings.Join(fs.Args(), " ")}
	}
	if !slices.Contains(app.AppointmentLists, *list) {
		return usageError{fmt.Sprintf("--list: không có danh sách %q (có: %s)", *list, strings.Join(app.AppointmentLists, ", "))}
	}
	d, err := parseDateFlag("as-of", *asOf)
	if err != nil {
		return err
	}
	p := app.AppointmentParams{AsOf: d, Scope: *scope, List: *list}
	if *from != "" {
		if p.EndedFrom, err = parseDateFlag("from", *from); err != nil {
			return err
		}
	}
	if *to != "" {
		if p.EndedTo, err = parseDateFlag("to", *to); err != nil {
			return err
		}
	}
	db, err := openDB(ctx, e, false)
	if err != nil {
		return err
	}
	defer db.Close()
	w := csv.NewWriter(e.stdout)
	if err := w.Write(app.AppointmentHeaders(*list)); err != nil {
		return err
	}
	more, err := app.New(db, nil).EachAppointment(ctx, app.CLI(e.user).User, p, 1<<30, func(l app.AppointmentLine) error {
		cells := app.TextCells(app.AppointmentCells(*list, l))
		for i, c := range cells {
			cells[i] = report.SpreadsheetSafe(c)
		}
		return w.Write(cells)
	})
	w.Flush()
	if err != nil {
		return err
	}
	if more {
		fmt.Fprintln(e.stderr, "danh sách bị cắt")
	}
	return w.Error()
}
