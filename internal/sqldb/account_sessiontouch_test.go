package sqldb_test

import (
	"context"
	"testing"
	"time"

	"github.com/tochuc/tochuc/internal/auth"
	"github.com/tochuc/tochuc/internal/sqldb"
)

// TestTouchBestEffort: while another writer holds SQLite's write lock (a long
// import), a session or token in force still authenticates, promptly; its
// last use is noted another time.
func TestTouchBestEffort(t *testing.T) {
	ctx := context.Background()
	db, admin := accountsDB(t)
	if db.Dialect != sqldb.SQLite {
		t.Skip("SQLite's single writer")
	}
	sess, err := (auth.Tokens{Store: db}).CreateSession(ctx, admin.ID, time.Hour, "", "")
	if err != nil {
		t.Fatal(err)
	}
	_, token, err := (auth.Tokens{Store: db}).CreateAPIToken(ctx, admin.ID, "kịch bản", time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	stale := time.Now().Add(-10 * time.Minute).UnixMicro()
	exec(t, db, `UPDATE sessions SET last_seen_at = ?`, stale)
	exec(t, db, `UPDATE api_tokens SET last_used_at = ?`, stale)

	tx, err := db.BeginTx(ctx, nil) // takes the write lock
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `INSERT INTO changesets (recorded_at, recorded_by, source) VALUES (1, 'nhap', 'nhap')`); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	if u, err := (auth.Tokens{Store: db}).SessionUser(ctx, sess); err != nil || u.ID != admin.ID {
		t.Fatalf("session during a write: %+v %v", u, err)
	}
	if u, err := (auth.Tokens{Store: db}).TokenUser(ctx, token); err != nil || u.ID != admin.ID {
		t.Fatalf("token during a write: %+v %v", u, err)
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Fatalf("authentication waited %v for the writer", d)
	}
}
