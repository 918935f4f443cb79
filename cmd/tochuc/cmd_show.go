package main

import (
	"context"
	"encoding/csv"
	"fmt"
	"strings"

	"github.com/tochuc/tochuc/internal/app"
	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/report"
	"github.com/tochuc/tochuc/internal/sqldb"
)

func runShow(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "show", "[tùy chọn] TỆP [CỘT=GIÁ_TRỊ…]   (ví dụ: show assignments unit_id=UB1 --as-of 2018-12-31)")
	asOf := fs.String("as-of", "", "ngày (mặc định hôm nay): bản ghi có hiệu lực, hoặc sự kiện đã xảy ra, vào ngày này")
	recordedAt := fs.String("recorded-at", "", "như đã ghi nhận tại thời điểm này (YYYY-MM-DD = cuối ngày, hoặc RFC 3339)")
	pos, err := parseAll(fs, args)
	if err != nil {
		return err
	}
	if len(pos) < 1 {
		fs.Usage()
		return usageError{"cần tên tệp: " + fileNames()}
	}
	f := bundle.FileByName(pos[0])
	if f == nil {
		return usageError{fmt.Sprintf("không có tệp %q (%s)", pos[0], fileNames())}
	}
	match := map[string]string{}
	for _, kv := range pos[1:] {
		k, v, ok := strings.Cut(kv, "=")
		if !ok || f.Index(k) < 0 {
			return usageError{fmt.Sprintf("điều kiện %q không hợp lệ: cần CỘT=GIÁ_TRỊ với cột của %s", kv, f.Name)}
		}
		match[k] = v
	}
	d, err := parseDateFlag("as-of", *asOf)
	if err != nil {
		return err
	}
	rec, err := sqldb.ParseRecorded(*recordedAt)
	if err != nil {
		return usageError{err.Error()}
	}
	db, err := openDB(ctx, e, false)
	if err != nil {
		return err
	}
	defer db.Close()
	w := csv.NewWriter(e.stdout)
	header := make([]string, len(f.Columns))
	for i, c := range f.Columns {
		header[i] = c.Name
	}
	w.Write(header)
	// The output is for people, who open it in a spreadsheet: no cell may run as a formula.
	read := app.ConfidentialRead{File: f.Name, Via: "tochuc show"}
	err = db.Reader(rec).RecordsAsOf(ctx, f, d, match, func(cells []string) error {
		if app.HasConfidential(f, cells) {
			read.Add(app.RecordKey(f, cells))
		}
		for i, c := range cells {
			cells[i] = report.SpreadsheetSafe(c)
		}
		return w.Write(cells)
	})
	w.Flush()
	if err != nil {
		return err
	}
	if err := w.Error(); err != nil {
		return err
	}
	// Confidential records read from the command line are logged like any read.
	sc, err := app.New(db, nil).Scope(ctx, app.CLI(e.user).User)
	if err != nil {
		return err
	}
	return sc.LogRead(ctx, read)
}

func fileNames() string {
	var names []string
	for _, f := range bundle.Files {
		names = append(names, f.Name)
	}
	return strings.Join(names, ", ")
}
