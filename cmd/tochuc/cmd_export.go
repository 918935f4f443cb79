package main

import (
	"context"
	"fmt"
	"time"

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
	changedSince := fs.String("changed-since", "", "gói gia tăng: chỉ các bản ghi ghi nhận sau thời điểm này (RFC 3339; YYYY-MM-DD = cuối ngày, UTC) và retractions.csv")
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
	since, err := sqldb.ParseRecorded(*changedSince)
	if err != nil {
		return usageError{err.Error()}
	}
	if since.At != 0 && rec.At == 0 {
		rec = sqldb.RecordedAt(time.Now()) // the package's end: where the next one starts
	}
	pkg, err := newPackageOut(pos[0], *scope, *sign, rec)
	if err != nil {
		return err
	}
	if since.At != 0 {
		pkg.changedSince = time.UnixMicro(since.At).UTC()
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
	counts, err := app.New(db, nil).ExportChangedSince(ctx, act, rec, since, sink)
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
	if since.At != 0 {
		fmt.Fprintf(e.stdout, "%-15s %8d bản ghi\n", bundle.RetractionsFile+".csv", counts[bundle.RetractionsFile])
		fmt.Fprintf(e.stdout, "Gói gia tăng đến %s; gói sau: --changed-since %s\n",
			time.UnixMicro(rec.At).UTC().Format(time.RFC3339Nano), time.UnixMicro(rec.At).UTC().Format(time.RFC3339Nano))
	}
	return nil
}
