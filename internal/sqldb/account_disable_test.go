package sqldb_test

import (
	"context"
	"testing"
	"time"

	"github.com/tochuc/tochuc/internal/auth"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// TestDisableRevokesTokens: disabling an account revokes its tokens, so that
// enabling it again does not bring them back.
func TestDisableRevokesTokens(t *testing.T) {
	ctx := context.Background()
	db, _ := accountsDB(t)
	viewer := mustCreateUser(t, db, tochuc.User{Login: "xem", FullName: "Người Xem", Role: tochuc.RoleViewer, ScopeUnitID: "X1"})
	_, plain, err := (auth.Tokens{Store: db}).CreateAPIToken(ctx, viewer.ID, "kịch bản", time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.UpdateUser(ctx, viewer.ID, tochuc.UserUpdate{Disabled: ptr(true)}); err != nil {
		t.Fatal(err)
	}
	if _, err := db.UpdateUser(ctx, viewer.ID, tochuc.UserUpdate{Disabled: ptr(false)}); err != nil {
		t.Fatal(err)
	}
	_, err = (auth.Tokens{Store: db}).TokenUser(ctx, plain)
	wantCode(t, "token of a re-enabled account", err, tochuc.ENotFound)
	ts, err := db.ListAPITokens(ctx, viewer.ID)
	if err != nil || len(ts) != 1 || ts[0].RevokedAt.IsZero() {
		t.Fatalf("tokens after disabling: %+v %v", ts, err)
	}
}
