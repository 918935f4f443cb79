package main

import (
	"context"
	"crypto/ed25519"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/tochuc/tochuc/internal/app"
	"github.com/tochuc/tochuc/internal/bundle/manifest"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/web"
)

func runServe(ctx context.Context, e *env, args []string) error {
	c, err := serveConfig(e, "serve", "[tùy chọn]", args)
	if err != nil {
		return err
	}
	return serve(ctx, e, c)
}

// serve runs the web app with c until ctx ends.
func serve(ctx context.Context, e *env, c Config) error {
	log := slog.New(slog.NewTextHandler(e.stderr, nil))
	slog.SetDefault(log) // storage logs (e.g. a skipped session touch, at debug level) go here too
	var db *sqldb.DB
	var err error
	if c.Demo {
		db, err = openForWrite(ctx, e)
	} else {
		db, err = openDB(ctx, e, false)
	}
	if err != nil {
		return err
	}
	defer db.Close()
	db.SetMaxOpenConns(c.DBConns)
	db.SetMaxIdleConns(c.DBConns)
	if c.Demo {
		if err := prepareDemo(ctx, e, db); err != nil {
			return err
		}
	}
	srv, err := web.New(c.web(db, log))
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", c.Addr)
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
	go purgeLoop(purgeCtx, db, log, c.PurgeEvery)
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

// web returns the configuration of the web app that serve runs on db.
func (c Config) web(db *sqldb.DB, log *slog.Logger) web.Config {
	proxies, _ := parseProxies(c.TrustedProxies) // checked by serveConfig
	var key ed25519.PrivateKey
	if c.SignKey != "" {
		key, _ = manifest.LoadPrivateKey(c.SignKey) // checked by serveConfig
	}
	return web.Config{
		SignKey:        key,
		TrustedProxies: proxies,
		App:            app.New(db, log),
		Registry:       db.Reader(sqldb.Recorded{}),
		Accounts:       db, Limits: db, Jobs: db, Log: log, SecureCookies: c.SecureCookies, RequestTimeout: c.RequestTimeout,
	}
}
