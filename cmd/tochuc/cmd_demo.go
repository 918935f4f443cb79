package main

import (
	"context"
	"fmt"
	"github.com/tochuc/tochuc/internal/app"
	"time"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/demo"
)

// runDemo builds the demo province (Bắc Giang, 1997–2026) and imports it
// into the database, or writes it as a bundle with --out.
func runDemo(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "demo", "[--seed N] [--out ĐƯỜNG_DẪN]")
	seed := fs.Uint64("seed", 1, "hạt giống ngẫu nhiên: cùng hạt giống cho đúng cùng dữ liệu")
	out := fs.String("out", "", "ghi gói dữ liệu ra thư mục, tệp .zip hoặc .xlsx thay vì nhập vào cơ sở dữ liệu")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 0 {
		fs.Usage()
		return usageError{"lệnh demo không nhận đối số (dùng --out để ghi ra tệp)"}
	}
	start := time.Now()
	tables, err := demo.Build(*seed)
	if err != nil {
		return fmt.Errorf("không tạo được dữ liệu mẫu: %w", err)
	}
	fmt.Fprintf(e.stderr, "đã tạo tỉnh mẫu Bắc Giang (hạt giống %d) trong %v\n", *seed, time.Since(start).Round(time.Millisecond))
	if *out != "" {
		counts, err := writeTables(tables, *out)
		if err != nil {
			return fmt.Errorf("không ghi được gói dữ liệu %s: %w", *out, err)
		}
		for _, f := range bundle.Files {
			if n, ok := counts[f.Name]; ok {
				fmt.Fprintf(e.stdout, "%-15s %8d bản ghi\n", f.Name+".csv", n)
			}
		}
		return nil
	}
	db, err := openForWrite(ctx, e)
	if err != nil {
		return err
	}
	defer db.Close()
	source := fmt.Sprintf("demo --seed %d", *seed)
	opt := bundleOptions(e)
	held, err := db.Contents(ctx)
	if err != nil {
		return err
	}
	if held.Empty() { // a new database is marked as the demo, so that 'serve --demo' accepts it
		rep, err := db.ImportDemo(ctx, tables, app.CLI(e.user).User.Login, source, opt)
		return reportImport(e, rep, err, opt)
	}
	rep, err := app.New(db, nil).Import(ctx, app.CLI(e.user), tables, source, opt)
	return reportImport(e, rep, err, opt)
}

// writeTables writes in-memory tables as a bundle at path (directory, .zip
// or .xlsx) and returns the rows written per file.
func writeTables(t bundle.Tables, path string) (map[string]int, error) {
	sink, err := bundle.CreateSink(path)
	if err != nil {
		return nil, err
	}
	counts := map[string]int{}
	for _, f := range bundle.Files {
		rows, ok := t[f.Name]
		if !ok || len(rows) == 0 {
			continue
		}
		w, err := sink.Create(f.Name, rows[0])
		if err != nil {
			bundle.Discard(sink)
			return nil, err
		}
		for _, r := range rows[1:] {
			if err := w.Write(r); err != nil {
				w.Close()
				bundle.Discard(sink)
				return nil, err
			}
		}
		if err := w.Close(); err != nil {
			bundle.Discard(sink)
			return nil, err
		}
		counts[f.Name] = len(rows) - 1
	}
	return counts, sink.Close()
}
