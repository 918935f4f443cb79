package main

import (
	"context"
	"fmt"

	"github.com/tochuc/tochuc/internal/app"
	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/bundle/container"
	"github.com/tochuc/tochuc/internal/sqldb"
)

func runExport(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "export", "[tùy chọn] ĐƯỜNG_DẪN (thư mục, .zip hoặc .xlsx)")
	recordedAt := fs.String("recorded-at", "", "xuất dữ liệu như đã ghi nhận tại thời điểm này (YYYY-MM-DD = cuối ngày, hoặc RFC 3339)")
	pos, err := parseAll(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		fs.Usage()
		return usageError{"cần đúng một đường dẫn đích"}
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
	sink, err := container.CreateSink(pos[0])
	if err != nil {
		return err
	}
	counts, err := app.New(db, nil).Export(ctx, app.CLI(e.user), rec, sink)
	if err != nil {
		container.Discard(sink)
		return err
	}
	if err := sink.Close(); err != nil {
		return err
	}
	for _, f := range bundle.Files {
		fmt.Fprintf(e.stdout, "%-15s %8d bản ghi\n", f.Name+".csv", counts[f.Name])
	}
	return nil
}
