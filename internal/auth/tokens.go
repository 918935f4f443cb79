package auth

import (
	"context"
	"encoding/hex"
	"time"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// TokenHash is the only form in which a session or API token is stored and
// looked up: the hex SHA-256 of the token.
type TokenHash string

// HashOf returns the stored form of a token.
func HashOf(plain string) TokenHash { return TokenHash(hex.EncodeToString(HashToken(plain))) }

// TokenStore keeps sessions and API tokens by the hash of their token.
// *sqldb.DB implements it.
type TokenStore interface {
	// CreateSession stores a login session of an account, ending after ttl
	// without use. Error: EInvalid.
	CreateSession(ctx context.Context, h TokenHash, userID int64, ttl time.Duration, ip, userAgent string) error
	// SessionUser returns the account of a session in force. Error: ENotFound.
	SessionUser(ctx context.Context, h TokenHash) (tochuc.User, error)
	// DeleteSession ends a session; an unknown one is not an error.
	DeleteSession(ctx context.Context, h TokenHash) error
	// CreateAPIToken stores a named token of an enabled account, expiring at
	// expires (zero: never). Errors: ENotFound, EInvalid.
	CreateAPIToken(ctx context.Context, h TokenHash, userID int64, name string, expires time.Time) (tochuc.APIToken, error)
	// TokenUser returns the account of an API token in force. Error: ENotFound.
	TokenUser(ctx context.Context, h TokenHash) (tochuc.User, error)
}

// Tokens issues session and API tokens and finds their accounts, handing the
// store only the tokens' hashes.
type Tokens struct{ Store TokenStore }

// CreateSession starts a session and returns its new token.
func (t Tokens) CreateSession(ctx context.Context, userID int64, ttl time.Duration, ip, userAgent string) (string, error) {
	plain, _ := NewToken()
	if err := t.Store.CreateSession(ctx, HashOf(plain), userID, ttl, ip, userAgent); err != nil {
		return "", err
	}
	return plain, nil
}

// SessionUser returns the account of a session token. Error: ENotFound.
func (t Tokens) SessionUser(ctx context.Context, plain string) (tochuc.User, error) {
	return t.Store.SessionUser(ctx, HashOf(plain))
}

// DeleteSession ends the session of a token (logout).
func (t Tokens) DeleteSession(ctx context.Context, plain string) error {
	return t.Store.DeleteSession(ctx, HashOf(plain))
}

// CreateAPIToken gives an account a token for scripts and returns it with
// the token itself, shown once.
func (t Tokens) CreateAPIToken(ctx context.Context, userID int64, name string, expires time.Time) (tochuc.APIToken, string, error) {
	plain, _ := NewToken()
	tok, err := t.Store.CreateAPIToken(ctx, HashOf(plain), userID, name, expires)
	if err != nil {
		return tok, "", err
	}
	return tok, plain, nil
}

// TokenUser returns the account of an API token. Error: ENotFound.
func (t Tokens) TokenUser(ctx context.Context, plain string) (tochuc.User, error) {
	return t.Store.TokenUser(ctx, HashOf(plain))
}
