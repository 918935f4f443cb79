package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// Accounts (users, sessions, API tokens, audit log) are plain rows updated in
// place, not bitemporal records; their times are microseconds since 1970 UTC.

const userColumns = `u.id, u.login, u.full_name, u.role, COALESCE(u.scope_unit_id, ''), u.disabled, u.confidential`

func scanUser(r interface{ Scan(...any) error }, extra ...any) (tochuc.User, error) {
	var u tochuc.User
	err := r.Scan(append([]any{&u.ID, &u.Login, &u.FullName, &u.Role, &u.ScopeUnitID, &u.Disabled, &u.Confidential}, extra...)...)
	return u, err
}

func errNoUser(what string) error {
	return tochuc.Errorf(tochuc.ENotFound, "không có tài khoản %s", what)
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// CreateUser stores a new account with a password hash (auth.HashPassword) and
// returns it with its id. Its login is normalized; the account must pass
// User.Validate, and its scope unit must be held in the registry. Errors:
// EInvalid, EConflict when the login is taken.
func (s accountStore) CreateUser(ctx context.Context, u tochuc.User, passwordHash string) (tochuc.User, error) {
	u.Login, u.FullName = tochuc.NormalizeLogin(u.Login), strings.TrimSpace(u.FullName)
	u.ScopeUnitID = strings.TrimSpace(u.ScopeUnitID)
	if err := u.Validate(); err != nil {
		return tochuc.User{}, err
	}
	if passwordHash == "" {
		return tochuc.User{}, tochuc.Errorf(tochuc.EInvalid, "thiếu mật khẩu")
	}
	if u.WholeRegistry() {
		u.ScopeUnitID = ""
	}
	if err := s.db.checkScopeUnit(ctx, s.q, u.ScopeUnitID); err != nil {
		return tochuc.User{}, err
	}
	var n int
	if err := s.q.QueryRowContext(ctx, s.db.rebind(`SELECT COUNT(*) FROM users WHERE login = ?`), u.Login).Scan(&n); err != nil {
		return tochuc.User{}, err
	}
	if n > 0 {
		return tochuc.User{}, loginTaken(u.Login)
	}
	now := time.Now().UnixMicro()
	err := s.q.QueryRowContext(ctx, s.db.rebind(`INSERT INTO users (login, full_name, role, scope_unit_id, password_hash, disabled, confidential, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`),
		u.Login, u.FullName, string(u.Role), nullString(u.ScopeUnitID), passwordHash, u.Disabled, u.Confidential, now, now).Scan(&u.ID)
	if isUniqueViolation(err) {
		return tochuc.User{}, loginTaken(u.Login)
	}
	if err != nil {
		return tochuc.User{}, err
	}
	return u, nil
}

func loginTaken(login string) error {
	return tochuc.Errorf(tochuc.EConflict, "tên đăng nhập '%s' đã có người dùng", login)
}

// UserByLogin returns the account with a login (normalized first). Error: ENotFound.
func (s accountStore) UserByLogin(ctx context.Context, login string) (tochuc.User, error) {
	login = tochuc.NormalizeLogin(login)
	return s.db.user(ctx, s.q, `u.login = ?`, "'"+login+"'", login)
}

// UserByID returns the account with an id. Error: ENotFound.
func (s accountStore) UserByID(ctx context.Context, id int64) (tochuc.User, error) {
	return s.db.user(ctx, s.q, `u.id = ?`, "số "+itoa(id), id)
}

// UserCredentials returns the account with a login and its password hash, to
// check a login. Error: ENotFound.
func (db *DB) UserCredentials(ctx context.Context, login string) (tochuc.User, string, error) {
	login = tochuc.NormalizeLogin(login)
	var hash string
	u, err := scanUser(db.QueryRowContext(ctx, db.rebind(`SELECT `+userColumns+`, u.password_hash FROM users u WHERE u.login = ?`), login), &hash)
	if errors.Is(err, sql.ErrNoRows) {
		return u, "", errNoUser("'" + login + "'")
	}
	return u, hash, err
}

func (db *DB) user(ctx context.Context, q querier, cond, what string, arg any) (tochuc.User, error) {
	u, err := scanUser(q.QueryRowContext(ctx, db.rebind(`SELECT `+userColumns+` FROM users u WHERE `+cond), arg))
	if errors.Is(err, sql.ErrNoRows) {
		return u, errNoUser(what)
	}
	return u, err
}

// ListUsers returns every account, ordered by login.
func (s accountStore) ListUsers(ctx context.Context) ([]tochuc.User, error) {
	rows, err := s.q.QueryContext(ctx, `SELECT `+userColumns+` FROM users u ORDER BY u.login`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []tochuc.User
	for rows.Next() {
		u, err := scanUser(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

// UpdateUser changes an account and returns its new state. A change of role
// or scope applies the scope rule of tochuc.User; disabling an account ends
// its sessions and revokes its API tokens for good (enabling it again does
// not bring them back); the last enabled administrator cannot be disabled or
// given another role. Errors: ENotFound, EInvalid.
func (s accountStore) UpdateUser(ctx context.Context, id int64, upd tochuc.UserUpdate) (tochuc.User, error) {
	old, err := s.db.user(ctx, s.q, `u.id = ?`, "số "+itoa(id), id)
	if err != nil {
		return tochuc.User{}, err
	}
	u := old
	if upd.FullName != nil {
		u.FullName = strings.TrimSpace(*upd.FullName)
	}
	if upd.Role != nil {
		u.Role = *upd.Role
	}
	if upd.ScopeUnitID != nil {
		u.ScopeUnitID = strings.TrimSpace(*upd.ScopeUnitID)
	}
	if upd.Confidential != nil {
		u.Confidential = *upd.Confidential
	}
	if upd.Disabled != nil {
		u.Disabled = *upd.Disabled
	}
	check := u
	if upd.Role == nil && upd.ScopeUnitID == nil && u.ScopeUnitID == "" {
		check.ScopeUnitID = tochuc.AllUnits // the stored whole-registry scope stands
	}
	if err := check.Validate(); err != nil {
		return tochuc.User{}, err
	}
	if u.WholeRegistry() {
		u.ScopeUnitID = ""
	}
	if u.ScopeUnitID != old.ScopeUnitID {
		if err := s.db.checkScopeUnit(ctx, s.q, u.ScopeUnitID); err != nil {
			return tochuc.User{}, err
		}
	}
	if old.Role == tochuc.RoleAdmin && !old.Disabled && (u.Role != tochuc.RoleAdmin || u.Disabled) {
		var n int
		if err := s.q.QueryRowContext(ctx, s.db.rebind(`SELECT COUNT(*) FROM users WHERE role = ? AND NOT disabled AND id <> ?`),
			string(tochuc.RoleAdmin), id).Scan(&n); err != nil {
			return tochuc.User{}, err
		}
		if n == 0 {
			return tochuc.User{}, tochuc.Errorf(tochuc.EInvalid, "'%s' là quản trị viên cuối cùng: không thể vô hiệu hóa hoặc đổi vai trò", u.Login)
		}
	}
	if _, err := s.q.ExecContext(ctx, s.db.rebind(`UPDATE users SET full_name = ?, role = ?, scope_unit_id = ?, disabled = ?, confidential = ?, updated_at = ? WHERE id = ?`),
		u.FullName, string(u.Role), nullString(u.ScopeUnitID), u.Disabled, u.Confidential, time.Now().UnixMicro(), id); err != nil {
		return tochuc.User{}, err
	}
	if u.Disabled && !old.Disabled {
		if _, err := s.q.ExecContext(ctx, s.db.rebind(`DELETE FROM sessions WHERE user_id = ?`), id); err != nil {
			return tochuc.User{}, err
		}
		if _, err := s.q.ExecContext(ctx, s.db.rebind(`UPDATE api_tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL`),
			time.Now().UnixMicro(), id); err != nil {
			return tochuc.User{}, err
		}
	}
	return u, nil
}

// SetPassword replaces an account's password hash. It keeps the account's
// sessions (a rehash at login uses it too): after a change of password, call
// DeleteUserSessions. Error: ENotFound.
func (s accountStore) SetPassword(ctx context.Context, id int64, passwordHash string) error {
	if passwordHash == "" {
		return tochuc.Errorf(tochuc.EInvalid, "thiếu mật khẩu")
	}
	res, err := s.q.ExecContext(ctx, s.db.rebind(`UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?`),
		passwordHash, time.Now().UnixMicro(), id)
	return affected(res, err, errNoUser("số "+itoa(id)))
}

// checkScopeUnit refuses a scope unit the registry does not hold ("" passes).
func (db *DB) checkScopeUnit(ctx context.Context, q querier, id string) error {
	if id == "" {
		return nil
	}
	var n int
	if err := q.QueryRowContext(ctx, db.rebind(`SELECT COUNT(*) FROM units WHERE id = ? AND rec_to IS NULL`), id).Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		return tochuc.Errorf(tochuc.EInvalid, "không có đơn vị '%s' để làm phạm vi", id)
	}
	return nil
}

// UnitInScope reports whether a unit is inside a scope on d: it is the scope
// unit, or reaches it through parent_id or locality_id links as the registry
// now holds them for d (the rule of CountUnitsByKind's scope, walked upwards
// from the unit). An empty scope (or tochuc.AllUnits) is the whole registry.
// d must be a date: on the zero Date only the scope unit itself is inside.
func (db *DB) UnitInScope(ctx context.Context, unitID, scopeID string, d tochuc.Date) (bool, error) {
	if scopeID == "" || scopeID == tochuc.AllUnits || unitID == scopeID {
		return true, nil
	}
	var n int
	err := db.QueryRowContext(ctx, db.rebind(`WITH RECURSIVE up(id) AS (
		SELECT CAST(? AS TEXT)
		UNION
		SELECT CASE k.n WHEN 1 THEN u.parent_id ELSE u.locality_id END
		FROM up JOIN units u ON u.id = up.id CROSS JOIN (SELECT 1 AS n UNION ALL SELECT 2 AS n) k
		WHERE u.rec_to IS NULL AND u.valid_from <= ? AND (u.valid_to IS NULL OR u.valid_to > ?)
	) SELECT COUNT(*) FROM up WHERE id = ?`), unitID, d, d, scopeID).Scan(&n)
	return n > 0, err
}

// isUniqueViolation reports whether err is a unique constraint failure, by the
// drivers' codes: SQLSTATE 23505 (PostgreSQL), SQLITE_CONSTRAINT_UNIQUE or
// _PRIMARYKEY (SQLite).
func isUniqueViolation(err error) bool {
	var pg interface{ SQLState() string }
	if errors.As(err, &pg) {
		return pg.SQLState() == "23505"
	}
	var lite interface{ Code() int }
	if errors.As(err, &lite) {
		return lite.Code() == 2067 || lite.Code() == 1555
	}
	return false
}

// affected turns "no row changed" into notFound.
func affected(res sql.Result, err, notFound error) error {
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil {
		return err
	} else if n == 0 {
		return notFound
	}
	return nil
}

// nullString stores "" as NULL.
func nullString(s string) any {
	if s == "" {
		return nil
	}
	return s
}
