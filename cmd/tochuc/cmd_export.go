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
	scope := fs.String("scope", "", "chỉ xuất phạm vi của đơn vị này (như một tài khoản cán bộ của phạm vi đó) và ghi manifest.json")
	sign := fs.String("sign", "", "ký gói bằng tệp khóa bí mật (tochuc.key, từ 'tochuc keys new'): ghi manifest.json có chữ ký")
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
	pkg, err := newPackageOut(pos[0], *scope, *sign, rec)
	if err != nil {
		return err
	}
	db, err := openDB(ctx, e, false)
	if err != nil {
		return err
	}
	defer db.Close()
	act, err := pkg.actor(ctx, db, app.CLI(e.user))
	if err != nil {
		return err
	}
	sink, err := container.CreateSink(pos[0])
	if err != nil {
		return err
	}
	counts, err := app.New(db, nil).Export(ctx, act, rec, sink)
	if err != nil {
		container.Discard(sink)
		return err
	}
	if err := sink.Close(); err != nil {
		return err
	}
	if err := pkg.write(e); err != nil {
		return err
	}
	for _, f := range bundle.Files {
		fmt.Fprintf(e.stdout, "%-15s %8d bản ghi\n", f.Name+".csv", counts[f.Name])
	}
	return nil
}
