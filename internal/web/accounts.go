package web

import (
	"context"
	"net/http"
	"time"

	"github.com/tochuc/tochuc/internal/app"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// Accounts is what the web app needs of users, sessions, tokens and the
// audit log. *sqldb.DB implements it.
type Accounts interface {
	UserCredentials(ctx context.Context, login string) (tochuc.User, string, error)
	SetPassword(ctx context.Context, id int64, passwordHash string) error
	CreateSession(ctx context.Context, userID int64, ttl time.Duration, ip, userAgent string) (string, error)
	SessionUser(ctx context.Context, plain string) (tochuc.User, error)
	DeleteSession(ctx context.Context, plain string) error
	TokenUser(ctx context.Context, plain string) (tochuc.User, error)
	AppendAudit(ctx context.Context, e tochuc.AuditEntry) error
	ListAudit(ctx context.Context, f tochuc.AuditFilter) ([]tochuc.AuditEntry, int, error)
	UnitInScope(ctx context.Context, unitID, scopeID string, d tochuc.Date) (bool, error)
}

type ctxKey int

const userKey ctxKey = 0

// userOf returns the signed-in user of a request (set by the authentication middleware).
func userOf(ctx context.Context) (tochuc.User, bool) {
	u, ok := ctx.Value(userKey).(tochuc.User)
	return u, ok
}

// actor is who acts in a request, for the use cases.
func (s *Server) actor(r *http.Request) app.Actor {
	u, _ := userOf(r.Context())
	return app.Actor{User: u, IP: clientIP(r)}
}
