package main

import (
	"context"
	"io"
	"log/slog"
	"path/filepath"
	"testing"
	"time"

	"github.com/tochuc/tochuc/internal/auth"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// TestServePurges: while serving, ended sessions and stale sign-in counts
// are deleted now and then.
func TestServePurges(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	db, err := sqldb.Open(ctx, filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	u, err := db.CreateUser(ctx, tochuc.User{Login: "quantri", FullName: "Quản Trị", Role: tochuc.RoleAdmin}, "$argon2id$x")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := (auth.Tokens{Store: db}).CreateSession(ctx, u.ID, time.Hour, "", ""); err != nil {
		t.Fatal(err)
	}
	if _, err := db.ExecContext(ctx, `UPDATE sessions SET expires_at = 1`); err != nil {
		t.Fatal(err)
	}
	l := auth.NewLimiter(db)
	l.Now = func() time.Time { return time.Now().Add(-time.Hour) } // a failure an hour ago
	if _, err := l.Begin(ctx, "ai-do", "192.0.2.1"); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() {
		purgeLoop(ctx, db, slog.New(slog.NewTextHandler(io.Discard, nil)), 10*time.Millisecond)
		close(done)
	}()
	deadline := time.Now().Add(5 * time.Second)
	for {
		var sessions, limits int
		db.QueryRowContext(ctx, `SELECT COUNT(*) FROM sessions`).Scan(&sessions)
		db.QueryRowContext(ctx, `SELECT COUNT(*) FROM login_limits`).Scan(&limits)
		if sessions == 0 && limits == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("after 5 s: %d sessions, %d limiter rows left", sessions, limits)
		}
		time.Sleep(20 * time.Millisecond)
	}
	cancel()
	<-done
}
