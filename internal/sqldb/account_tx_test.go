package sqldb_test

import (
	"context"
	"errors"
	"testing"

	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/sqldb/sqldbtest"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// TestAccountTxAllOrNothing: an account created in a transaction whose audit
// entry cannot be written is not kept; with its entry, both are.
func TestAccountTxAllOrNothing(t *testing.T) {
	db := sqldbtest.Open(t)
	ctx := context.Background()
	u := tochuc.User{Login: "anh", FullName: "Anh", Role: tochuc.RoleAdmin}
	err := db.AccountTx(ctx, func(tx *sqldb.AccountTx) error {
		if _, err := tx.CreateUser(ctx, u, "$hash$"); err != nil {
			return err
		}
		if err := tx.AppendAudit(ctx, tochuc.AuditEntry{}); tochuc.ErrorCode(err) != tochuc.EInvalid { // no action: refused
			t.Errorf("an audit entry without an action: %v", err)
		}
		return errors.New("the audit entry failed")
	})
	if err == nil {
		t.Fatal("an audit entry without an action was accepted")
	}
	if _, err := db.UserByLogin(ctx, "anh"); tochuc.ErrorCode(err) != tochuc.ENotFound {
		t.Fatalf("the account outlived its failed audit entry: %v", err)
	}
	err = db.AccountTx(ctx, func(tx *sqldb.AccountTx) error {
		if _, err := tx.CreateUser(ctx, u, "$hash$"); err != nil {
			return err
		}
		return tx.AppendAudit(ctx, tochuc.AuditEntry{UserLogin: "cli:thu", Action: tochuc.AuditUserCreate, ObjectType: "user"})
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.UserByLogin(ctx, "anh"); err != nil {
		t.Fatal(err)
	}
	entries, _, err := db.ListAudit(ctx, tochuc.AuditFilter{})
	if err != nil || len(entries) != 1 {
		t.Fatalf("audit: %d entries, %v", len(entries), err)
	}
	if err := db.AccountTx(ctx, func(*sqldb.AccountTx) error { return errors.New("x") }); err == nil {
		t.Error("fn's error lost")
	}
}
