package sqldb_test

import (
	"context"
	"testing"
	"time"

	"github.com/tochuc/tochuc/internal/auth"
)

// TestSignInPurgesSessions: opening a session deletes the sessions that have ended.
func TestSignInPurgesSessions(t *testing.T) {
	ctx := context.Background()
	db, admin := accountsDB(t)
	old, err := (auth.Tokens{Store: db}).CreateSession(ctx, admin.ID, time.Hour, "", "")
	if err != nil {
		t.Fatal(err)
	}
	exec(t, db, `UPDATE sessions SET expires_at = ? WHERE token_hash = ?`, time.Now().UnixMicro()-1, key(old))
	if _, err := (auth.Tokens{Store: db}).CreateSession(ctx, admin.ID, time.Hour, "", ""); err != nil {
		t.Fatal(err)
	}
	if n := count(t, db, `SELECT COUNT(*) FROM sessions`); n != 1 {
		t.Fatalf("%d sessions after a sign-in, want the new one only", n)
	}
}
