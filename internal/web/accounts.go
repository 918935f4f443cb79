package web

import (
	"context"
	"net/http"

	"github.com/tochuc/tochuc/internal/app"
	"github.com/tochuc/tochuc/internal/auth"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// Accounts is what the web app needs of users, sessions, tokens and the
// audit log. *sqldb.DB implements it.
type Accounts interface {
	// UserCredentials returns the account with a login and its password hash. Error: ENotFound.
	UserCredentials(ctx context.Context, login string) (tochuc.User, string, error)
	// SetPassword replaces an account's password hash (a rehash at login).
	SetPassword(ctx context.Context, id int64, passwordHash string) error
	auth.TokenStore // sessions and API tokens, by their hashes
	// AppendAudit adds an entry to the audit log.
	AppendAudit(ctx context.Context, e tochuc.AuditEntry) error
	// ListAudit returns the entries matching f, newest first, and how many match.
	ListAudit(ctx context.Context, f tochuc.AuditFilter) ([]tochuc.AuditEntry, int, error)
	// UnitInScope reports whether a unit is inside a scope on d.
	UnitInScope(ctx context.Context, unitID, scopeID string, d tochuc.Date) (bool, error)
}

type ctxKey int

const userKey ctxKey = 0

// userOf returns the signed-in user of a request (set by the authentication middleware).
func userOf(ctx context.Context) (tochuc.User, bool) {
	u, ok := ctx.Value(userKey).(tochuc.User)
	return u, ok
}

// tokens issues and reads session and API tokens, storing only their hashes.
func (s *Server) tokens() auth.Tokens { return auth.Tokens{Store: s.accounts} }

// actor is who acts in a request, for the use cases.
func (s *Server) actor(r *http.Request) app.Actor {
	u, _ := userOf(r.Context())
	return app.Actor{User: u, IP: s.clientIP(r)}
}
