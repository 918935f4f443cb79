package sqldb_test

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/tochuc/tochuc/internal/auth"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/sqldb/sqldbtest"
)

// openTwice opens one fresh, migrated database through two handles, as two
// processes serving it would.
func openTwice(t *testing.T) (dsn string, a, b *sqldb.DB) {
	t.Helper()
	ctx := context.Background()
	dsn = sqldbtest.DSN(t)
	open := func() *sqldb.DB {
		db, err := sqldb.Open(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		return db
	}
	a = open()
	if _, err := a.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	return dsn, a, open()
}

// TestLimitsShared: two processes on one database share the limiter's
// counts, counting parallel attempts atomically, and a restart keeps them.
func TestLimitsShared(t *testing.T) {
	ctx := context.Background()
	dsn, a, b := openTwice(t)
	limiters := []*auth.Limiter{auth.NewLimiter(a), auth.NewLimiter(b)}
	var ok atomic.Int32
	var wg sync.WaitGroup
	for i := range 30 {
		wg.Go(func() {
			at, err := limiters[i%2].Begin(ctx, "quantri", "192.0.2.1")
			if err != nil {
				t.Error(err)
				return
			}
			if at.OK {
				ok.Add(1)
			}
		})
	}
	wg.Wait()
	if ok.Load() != 5 {
		t.Fatalf("%d of 30 attempts through two processes may be checked, want 5", ok.Load())
	}

	// Restarted, the lock holds; from another address the login is free.
	a.Close()
	c, err := sqldb.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	l := auth.NewLimiter(c)
	if at, err := l.Begin(ctx, "quantri", "192.0.2.1"); err != nil || at.OK || at.RetryAfter < 14*time.Minute {
		t.Fatalf("after a restart: %+v %v", at, err)
	}
	at, err := l.Begin(ctx, "quantri", "198.51.100.1")
	if err != nil || !at.OK {
		t.Fatalf("another address: %+v %v", at, err)
	}
	if err := l.Succeed(ctx, at); err != nil {
		t.Fatal(err)
	}
	if n := count(t, c, `SELECT COUNT(*) FROM login_limits WHERE id = ?`, "p 198.51.100.1 quantri"); n != 0 {
		t.Fatal("a success leaves its address's row")
	}

	// Single failures are purged once their window has passed; the lockout stays.
	for i := range 10 {
		if _, err := l.Begin(ctx, fmt.Sprintf("u%d", i), "192.0.2.2"); err != nil {
			t.Fatal(err)
		}
	}
	l.Now = func() time.Time { return time.Now().Add(time.Hour) }
	if n, err := l.Purge(ctx); err != nil || n != 21 {
		t.Fatalf("purged %d %v, want 21 (the 20 single failures, the login count of quantri)", n, err)
	}
	if n := count(t, c, `SELECT COUNT(*) FROM login_limits`); n != 1 {
		t.Fatalf("%d rows left, want the locked pair", n)
	}
}
