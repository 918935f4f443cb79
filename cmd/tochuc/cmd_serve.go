package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/tochuc/tochuc/internal/app"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/web"
)

func runServe(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "serve", "[tùy chọn]")
	addr := fs.String("addr", "localhost:8080", "địa chỉ lắng nghe HOST:PORT")
	demoFlag := fs.Bool("demo", false, "nạp dữ liệu mẫu và tạo tài khoản mẫu vào cơ sở dữ liệu trống (từ chối cơ sở dữ liệu có dữ liệu khác)")
	timeout := fs.Duration("request-timeout", web.DefaultRequestTimeout, "thời gian tối đa của một yêu cầu (quá thời gian: dừng các truy vấn, trả lời 503); tải xuống và tải lên: "+web.ExportTimeout.String())
	secureCookies := fs.Bool("secure-cookies", false, "đánh dấu cookie phiên là Secure (khi chạy sau HTTPS)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	log := slog.New(slog.NewTextHandler(e.stderr, nil))
	slog.SetDefault(log) // storage logs (e.g. a skipped session touch, at debug level) go here too
	var db *sqldb.DB
	var err error
	if *demoFlag {
		db, err = openForWrite(ctx, e)
	} else {
		db, err = openDB(ctx, e, false)
	}
	if err != nil {
		return err
	}
	defer db.Close()
	if *demoFlag {
		if err := prepareDemo(ctx, e, db); err != nil {
			return err
		}
	}
	srv, err := web.New(web.Config{
		App:      app.New(db, log),
		Registry: db.Reader(sqldb.Recorded{}),
		Accounts: db, Limits: db, Log: log, SecureCookies: *secureCookies, RequestTimeout: *timeout,
	})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	if n := web.RemoveUploadLeftovers(); n > 0 {
		log.Info("removed the upload folders of an earlier run", "count", n)
	}
	hs := &http.Server{Handler: srv.Handler(), ErrorLog: slog.NewLogLogger(log.Handler(), slog.LevelWarn),
		ReadHeaderTimeout: web.ReadHeaderTimeout, ReadTimeout: web.ReadTimeout, IdleTimeout: web.IdleTimeout,
		MaxHeaderBytes: web.MaxHeaderBytes}
	fmt.Fprintf(e.stdout, "tochuc đang chạy tại http://%s (cơ sở dữ liệu: %s %s)\n", ln.Addr(), db.Dialect, db.Redacted())
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	purgeCtx, stopPurge := context.WithCancel(ctx)
	defer stopPurge()
	go purgeLoop(purgeCtx, db, log, purgeEvery)
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := hs.Shutdown(shutdownCtx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
