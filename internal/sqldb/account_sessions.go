package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"log/slog"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/tochuc/tochuc/internal/auth"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// SessionMaxAge is how long a login session lasts at most, however active
// (or its idle lifetime, if longer): a session that slides never outlives it.
const SessionMaxAge = 12 * time.Hour

// touchEvery is how stale last_seen_at (or last_used_at) may be before a use
// writes it again: one write a minute per session, not one per request.
const touchEvery = time.Minute

// touchWait bounds the wait of a touch for a busy database (SQLite's single
// writer during an import): noting a use is best-effort, authenticating is not.
const touchWait = 250 * time.Millisecond

// touch runs a best-effort UPDATE noting a use: a failure (a busy database,
// a lost connection) is logged at debug level and never fails the caller.
func (db *DB) touch(ctx context.Context, what, q string, args ...any) {
	ctx, cancel := context.WithTimeout(ctx, touchWait)
	defer cancel()
	if _, err := db.ExecContext(ctx, db.rebind(q), args...); err != nil {
		slog.DebugContext(ctx, "touch failed", "what", what, "err", err)
	}
}

var (
	errNoSession = tochuc.Errorf(tochuc.ENotFound, "phiên đăng nhập không hợp lệ hoặc đã hết hạn: hãy đăng nhập lại")
	errNoToken   = tochuc.Errorf(tochuc.ENotFound, "mã truy cập không hợp lệ, đã hết hạn hoặc đã bị thu hồi")
)

// CreateSession stores a login session of an account under the hash of its
// token (auth.Tokens makes both), ending after ttl without use (and after
// SessionMaxAge in any case). The sessions that have ended are deleted first.
func (db *DB) CreateSession(ctx context.Context, h auth.TokenHash, userID int64, ttl time.Duration, ip, userAgent string) error {
	if ttl <= 0 {
		return tochuc.Errorf(tochuc.EInvalid, "thời hạn phiên phải dương")
	}
	if _, err := db.DeleteExpiredSessions(ctx); err != nil {
		return err
	}
	now := time.Now()
	_, err := db.ExecContext(ctx, db.rebind(`INSERT INTO sessions (token_hash, user_id, created_at, expires_at, last_seen_at, idle_ttl, max_expires_at, ip, user_agent)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`),
		string(h), userID, now.UnixMicro(), now.Add(ttl).UnixMicro(), now.UnixMicro(), ttl.Microseconds(),
		now.Add(max(ttl, SessionMaxAge)).UnixMicro(), nullString(ip), nullString(truncate(userAgent, 512)))
	return err
}

// SessionUser returns the account of a session, by its token's hash. Each use moves the
// session's end to ttl from now (up to its maximum age), at most once a
// minute and best-effort (see touch). An expired session, or one of a
// disabled account, is refused and deleted (best-effort too). Error: ENotFound.
func (db *DB) SessionUser(ctx context.Context, h auth.TokenHash) (tochuc.User, error) {
	if h == "" {
		return tochuc.User{}, errNoSession
	}
	key := string(h)
	var expires, seen, idle, maxExp int64
	u, err := scanUser(db.QueryRowContext(ctx, db.rebind(`SELECT `+userColumns+`, s.expires_at, s.last_seen_at, s.idle_ttl, s.max_expires_at
		FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?`), key), &expires, &seen, &idle, &maxExp)
	if errors.Is(err, sql.ErrNoRows) {
		return tochuc.User{}, errNoSession
	}
	if err != nil {
		return tochuc.User{}, err
	}
	now := time.Now().UnixMicro()
	if now >= expires || u.Disabled {
		db.touch(ctx, "delete ended session", `DELETE FROM sessions WHERE token_hash = ?`, key)
		return tochuc.User{}, errNoSession
	}
	if now-seen >= touchEvery.Microseconds() {
		db.touch(ctx, "session", `UPDATE sessions SET last_seen_at = ?, expires_at = ? WHERE token_hash = ?`, now, min(now+idle, maxExp), key)
	}
	return u, nil
}

// DeleteSession ends a session (logout), by its token's hash; an unknown one is not an error.
func (db *DB) DeleteSession(ctx context.Context, h auth.TokenHash) error {
	_, err := db.ExecContext(ctx, db.rebind(`DELETE FROM sessions WHERE token_hash = ?`), string(h))
	return err
}

// DeleteUserSessions ends every session of an account (after a change of password).
func (s accountStore) DeleteUserSessions(ctx context.Context, userID int64) error {
	_, err := s.q.ExecContext(ctx, s.db.rebind(`DELETE FROM sessions WHERE user_id = ?`), userID)
	return err
}

// DeleteExpiredSessions removes the sessions that have ended and returns how
// many; SessionUser refuses them anyway, this only keeps the table small.
func (db *DB) DeleteExpiredSessions(ctx context.Context) (int64, error) {
	res, err := db.ExecContext(ctx, db.rebind(`DELETE FROM sessions WHERE expires_at <= ?`), time.Now().UnixMicro())
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

// CreateAPIToken gives an enabled account a token for scripts, stored under
// the hash of the token (auth.Tokens makes both), named for its use, expiring
// at expires (zero: never). Errors: ENotFound, EInvalid.
func (s accountStore) CreateAPIToken(ctx context.Context, h auth.TokenHash, userID int64, name string, expires time.Time) (tochuc.APIToken, error) {
	t := tochuc.APIToken{UserID: userID, Name: strings.TrimSpace(name), CreatedAt: micros(time.Now().UnixMicro())}
	if t.Name == "" || len(t.Name) > 200 {
		return t, tochuc.Errorf(tochuc.EInvalid, "cần tên của mã truy cập (tối đa 200 ký tự)")
	}
	if !expires.IsZero() {
		if !expires.After(t.CreatedAt) {
			return t, tochuc.Errorf(tochuc.EInvalid, "ngày hết hạn của mã truy cập đã qua")
		}
		t.ExpiresAt = micros(expires.UnixMicro())
	}
	u, err := s.UserByID(ctx, userID)
	if err != nil {
		return t, err
	}
	if u.Disabled {
		return t, tochuc.Errorf(tochuc.EInvalid, "tài khoản '%s' đã bị vô hiệu hóa", u.Login)
	}
	err = s.q.QueryRowContext(ctx, s.db.rebind(`INSERT INTO api_tokens (user_id, name, token_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?) RETURNING id`),
		userID, t.Name, string(h), t.CreatedAt.UnixMicro(), nullMicros(t.ExpiresAt)).Scan(&t.ID)
	return t, err
}

// TokenUser returns the account of an API token in force, by its hash, and notes its use
// (best-effort, see touch).
// Error: ENotFound (also for a revoked or expired token, or a disabled account).
func (db *DB) TokenUser(ctx context.Context, h auth.TokenHash) (tochuc.User, error) {
	if h == "" {
		return tochuc.User{}, errNoToken
	}
	var id int64
	var expires, revoked, used sql.NullInt64
	u, err := scanUser(db.QueryRowContext(ctx, db.rebind(`SELECT `+userColumns+`, t.id, t.expires_at, t.revoked_at, t.last_used_at
		FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = ?`), string(h)), &id, &expires, &revoked, &used)
	if errors.Is(err, sql.ErrNoRows) {
		return tochuc.User{}, errNoToken
	}
	if err != nil {
		return tochuc.User{}, err
	}
	now := time.Now().UnixMicro()
	if revoked.Valid || expires.Valid && now >= expires.Int64 || u.Disabled {
		return tochuc.User{}, errNoToken
	}
	if !used.Valid || now-used.Int64 >= touchEvery.Microseconds() {
		db.touch(ctx, "token", `UPDATE api_tokens SET last_used_at = ? WHERE id = ?`, now, id)
	}
	return u, nil
}

// RevokeAPIToken withdraws a token for good; revoking it again changes
// nothing. Error: ENotFound.
func (s accountStore) RevokeAPIToken(ctx context.Context, id int64) error {
	res, err := s.q.ExecContext(ctx, s.db.rebind(`UPDATE api_tokens SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?`),
		time.Now().UnixMicro(), id)
	return affected(res, err, tochuc.Errorf(tochuc.ENotFound, "không có mã truy cập số %d", id))
}

// ListAPITokens returns an account's tokens, in force or not, newest first.
func (s accountStore) ListAPITokens(ctx context.Context, userID int64) ([]tochuc.APIToken, error) {
	rows, err := s.q.QueryContext(ctx, s.db.rebind(`SELECT id, user_id, name, created_at, expires_at, last_used_at, revoked_at
		FROM api_tokens WHERE user_id = ? ORDER BY created_at DESC, id DESC`), userID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []tochuc.APIToken
	for rows.Next() {
		var t tochuc.APIToken
		var created int64
		var expires, used, revoked sql.NullInt64
		if err := rows.Scan(&t.ID, &t.UserID, &t.Name, &created, &expires, &used, &revoked); err != nil {
			return nil, err
		}
		t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt = micros(created), nullTime(expires), nullTime(used), nullTime(revoked)
		out = append(out, t)
	}
	return out, rows.Err()
}

// micros returns the UTC time of microseconds since 1970.
func micros(v int64) time.Time { return time.UnixMicro(v).UTC() }

// nullTime returns the time of a nullable microseconds column (zero for NULL).
func nullTime(v sql.NullInt64) time.Time {
	if !v.Valid {
		return time.Time{}
	}
	return micros(v.Int64)
}

// nullMicros stores a zero time as NULL.
func nullMicros(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UnixMicro()
}

// truncate cuts s to at most n bytes, on a character boundary.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}
