package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/sqldb/sqldbtest"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// TestServeDemoRefusesOtherData: 'serve --demo' on a database that holds
// anything but the demo refuses, saying what it found, and changes nothing:
// no demo account appears.
func TestServeDemoRefusesOtherData(t *testing.T) {
	ctx := context.Background()
	for name, setup := range map[string]struct {
		prepare func(dsn string)
		found   string
	}{
		"records without accounts": {func(dsn string) { mustRun(t, dsn, "import", writeDir(t, map[string]string{"units.csv": unitsV1})) }, "4 đơn vị"},
		"an account only": {func(dsn string) {
			mustUser(t, dsn, "mật khẩu quản trị\n", "add", "--login", "admin", "--name", "Quản Trị", "--password-stdin")
		}, "1 tài khoản"},
	} {
		t.Run(name, func(t *testing.T) {
			dsn := sqldbtest.DSN(t)
			setup.prepare(dsn)
			// Were it accepted, it would serve until the deadline and return nil.
			ctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
			defer cancel()
			var b bytes.Buffer
			err := run(ctx, []string{"--db", dsn, "serve", "--demo", "--addr", "127.0.0.1:0"}, &b, &b)
			out := b.String()
			if err == nil || exitCode(err) != 1 {
				t.Fatalf("serve --demo on a database with %s: %v (exit %d)\n%s", name, err, exitCode(err), out)
			}
			if msg := err.Error(); !strings.Contains(msg, setup.found) || !strings.Contains(msg, "không phải dữ liệu mẫu") {
				t.Errorf("message does not say what it found (%s): %s", setup.found, msg)
			}
			db, err := sqldb.Open(ctx, dsn)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			if _, err := db.UserByLogin(ctx, "quantri"); tochuc.ErrorCode(err) != tochuc.ENotFound {
				t.Fatalf("the demo administrator exists: %v", err)
			}
		})
	}
}

// TestServeDemoAcceptsDemo: an empty database gets the demo, marked, and its
// accounts; a demo database is accepted again, also one that 'tochuc demo'
// filled, and also after other records were added to it.
func TestServeDemoAcceptsDemo(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	e := &env{user: "kiem-thu", stdout: &bytes.Buffer{}, stderr: &bytes.Buffer{}}
	open := func(dsn string) *sqldb.DB {
		e.dsn = dsn
		db, err := openForWrite(ctx, e)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		return db
	}
	wantDemo := func(db *sqldb.DB) {
		t.Helper()
		if demo, err := db.IsDemo(ctx); !demo || err != nil {
			t.Fatalf("not marked as the demo: %v", err)
		}
		if users, err := db.ListUsers(ctx); len(users) != len(demoAccounts()) || err != nil {
			t.Fatalf("%d accounts, want %d: %v", len(users), len(demoAccounts()), err)
		} else {
			// The permission to read confidential records: the administrator
			// and the provincial board's staff; not the viewer.
			secret := map[string]bool{}
			for _, u := range users {
				secret[u.Login] = u.CanReadConfidential()
			}
			if !secret["quantri"] || !secret["canbo"] || secret["canbohuyen"] || secret["nguoixem"] || secret["kiemtra"] {
				t.Errorf("permission to read confidential records: %v", secret)
			}
		}
	}

	served := open(sqldbtest.DSN(t))
	if err := prepareDemo(ctx, e, served); err != nil {
		t.Fatal(err)
	}
	wantDemo(served)
	if err := prepareDemo(ctx, e, served); err != nil {
		t.Fatalf("serve --demo again on the demo: %v", err)
	}
	wantDemo(served)

	dsn := sqldbtest.DSN(t)
	mustRun(t, dsn, "demo")
	mustRun(t, dsn, "import", writeDir(t, map[string]string{"units.csv": "id,name,kind,valid_from\nT9,Tỉnh Chín,province,2000-01-01\n"}))
	filled := open(dsn)
	if err := prepareDemo(ctx, e, filled); err != nil {
		t.Fatalf("serve --demo after 'tochuc demo': %v", err)
	}
	wantDemo(filled)
}
