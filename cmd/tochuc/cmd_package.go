package main

import (
	"context"
	"crypto/ed25519"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/tochuc/tochuc/internal/app"
	"github.com/tochuc/tochuc/internal/bundle/manifest"
	"github.com/tochuc/tochuc/internal/sqldb"
)

// packageOut is the manifest an export writes (--scope, --sign).
type packageOut struct {
	path  string
	scope string
	key   ed25519.PrivateKey // nil: unsigned
	at    time.Time          // the instant the registry is read at
	// changedSince starts an incremental package (zero: a whole one).
	changedSince time.Time
	write        func(e *env) error
}

// newPackageOut checks the export's --scope and --sign and loads the key
// before anything is read. An .xlsx export carries no manifest: --sign is
// refused for it, --scope only narrows it.
func newPackageOut(path, scope, keyFile string, rec sqldb.Recorded) (*packageOut, error) {
	p := &packageOut{path: path, scope: strings.TrimSpace(scope), at: time.Now().UTC()}
	if rec.At != 0 {
		p.at = time.UnixMicro(rec.At).UTC()
	}
	p.write = func(*env) error { return nil }
	xlsx := strings.EqualFold(filepath.Ext(path), ".xlsx")
	if keyFile != "" {
		if xlsx {
			return nil, usageError{"--sign: gói .xlsx không mang được manifest.json; hãy xuất ra thư mục hoặc .zip"}
		}
		k, err := manifest.LoadPrivateKey(keyFile)
		if err != nil {
			return nil, err
		}
		p.key = k
	}
	if (p.scope != "" || p.key != nil) && !xlsx {
		p.write = p.writeManifest
	}
	return p, nil
}

// actor is who exports: the command line, narrowed to the scope's unit
// (the read policy of an account of that scope, with the permission to read
// confidential records, as the command line has).
func (p *packageOut) actor(ctx context.Context, db *sqldb.DB, act app.Actor) (app.Actor, error) {
	if p.scope == "" {
		return act, nil
	}
	if err := db.ScopeUnitHeld(ctx, p.scope); err != nil {
		return act, err
	}
	act.User.ScopeUnitID = p.scope
	return act, nil
}

// writeManifest writes manifest.json into the bundle just written.
func (p *packageOut) writeManifest(e *env) error {
	m := manifest.New(p.scope, p.at)
	if !p.changedSince.IsZero() {
		m.ChangedSince = p.changedSince.Format(time.RFC3339Nano)
	}
	if err := m.Build(p.path); err != nil {
		return err
	}
	if p.key != nil {
		if err := m.Sign(p.key); err != nil {
			return err
		}
	}
	if err := m.Write(p.path); err != nil {
		return err
	}
	if p.key != nil {
		fmt.Fprintf(e.stdout, "manifest.json: %d tệp, ký bằng khóa %s\n", len(m.Files), m.Key)
	} else {
		fmt.Fprintf(e.stdout, "manifest.json: %d tệp, không ký\n", len(m.Files))
	}
	return nil
}
