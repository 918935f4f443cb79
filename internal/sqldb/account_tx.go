package sqldb

import (
	"context"
	"time"

	"github.com/tochuc/tochuc/internal/auth"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// accountStore runs the statements of accounts and tokens on the pool or
// inside one transaction (AccountTx).
type accountStore struct {
	db *DB
	q  querier
}

// acc is the account store on the pool. A method that changes several rows
// (CreateUser, UpdateUser) is one transaction of its own there.
func (db *DB) acc() accountStore { return accountStore{db: db, q: db.DB} }

// AccountTx is the account store inside one transaction: an account's
// change and its audit entry are kept together or not at all.
type AccountTx struct{ accountStore }

// AccountTx runs fn in one transaction and commits when it returns nil.
func (db *DB) AccountTx(ctx context.Context, fn func(*AccountTx) error) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := fn(&AccountTx{accountStore{db: db, q: tx}}); err != nil {
		return err
	}
	return tx.Commit()
}

// AppendAudit adds an entry to the audit log inside the transaction.
func (a *AccountTx) AppendAudit(ctx context.Context, e tochuc.AuditEntry) error {
	return appendAudit(ctx, a.q, a.db.Dialect, e)
}

// CreateUser is AccountTx's CreateUser in a transaction of its own.
func (db *DB) CreateUser(ctx context.Context, u tochuc.User, passwordHash string) (tochuc.User, error) {
	var out tochuc.User
	err := db.AccountTx(ctx, func(a *AccountTx) error {
		var err error
		out, err = a.CreateUser(ctx, u, passwordHash)
		return err
	})
	return out, err
}

// UserByLogin is the account store's UserByLogin on the pool.
func (db *DB) UserByLogin(ctx context.Context, login string) (tochuc.User, error) {
	return db.acc().UserByLogin(ctx, login)
}

// UserByID is the account store's UserByID on the pool.
func (db *DB) UserByID(ctx context.Context, id int64) (tochuc.User, error) {
	return db.acc().UserByID(ctx, id)
}

// ListUsers is the account store's ListUsers on the pool.
func (db *DB) ListUsers(ctx context.Context) ([]tochuc.User, error) {
	return db.acc().ListUsers(ctx)
}

// UpdateUser is AccountTx's UpdateUser in a transaction of its own.
func (db *DB) UpdateUser(ctx context.Context, id int64, upd tochuc.UserUpdate) (tochuc.User, error) {
	var out tochuc.User
	err := db.AccountTx(ctx, func(a *AccountTx) error {
		var err error
		out, err = a.UpdateUser(ctx, id, upd)
		return err
	})
	return out, err
}

// SetPassword is the account store's SetPassword on the pool.
func (db *DB) SetPassword(ctx context.Context, id int64, passwordHash string) error {
	return db.acc().SetPassword(ctx, id, passwordHash)
}

// DeleteUserSessions is the account store's DeleteUserSessions on the pool.
func (db *DB) DeleteUserSessions(ctx context.Context, userID int64) error {
	return db.acc().DeleteUserSessions(ctx, userID)
}

// CreateAPIToken is the account store's CreateAPIToken on the pool.
func (db *DB) CreateAPIToken(ctx context.Context, h auth.TokenHash, userID int64, name string, expires time.Time) (tochuc.APIToken, error) {
	return db.acc().CreateAPIToken(ctx, h, userID, name, expires)
}

// RevokeAPIToken is the account store's RevokeAPIToken on the pool.
func (db *DB) RevokeAPIToken(ctx context.Context, id int64) error {
	return db.acc().RevokeAPIToken(ctx, id)
}

// ListAPITokens is the account store's ListAPITokens on the pool.
func (db *DB) ListAPITokens(ctx context.Context, userID int64) ([]tochuc.APIToken, error) {
	return db.acc().ListAPITokens(ctx, userID)
}
