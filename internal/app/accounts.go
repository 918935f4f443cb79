package app

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// AccountStore is what account management needs of storage. *sqldb.DB
// implements it.
type AccountStore interface {
	ListUsers(ctx context.Context) ([]tochuc.User, error)
	UserByLogin(ctx context.Context, login string) (tochuc.User, error)
	CreateUser(ctx context.Context, u tochuc.User, passwordHash string) (tochuc.User, error)
	UpdateUser(ctx context.Context, id int64, upd tochuc.UserUpdate) (tochuc.User, error)
	SetPassword(ctx context.Context, id int64, passwordHash string) error
	DeleteUserSessions(ctx context.Context, userID int64) error
	CreateAPIToken(ctx context.Context, userID int64, name string, expires time.Time) (tochuc.APIToken, string, error)
	ListAPITokens(ctx context.Context, userID int64) ([]tochuc.APIToken, error)
	RevokeAPIToken(ctx context.Context, id int64) error
	AppendAudit(ctx context.Context, e tochuc.AuditEntry) error
	ScopeUnitHeld(ctx context.Context, id string) error
}

// Accounts manages accounts and their tokens: the rules (the first account
// is an administrator; a login is taken once; a scope names a held unit; a
// change of password ends the sessions; disabling revokes the tokens) and
// one audit entry for each change, whoever asks — the command line today,
// an administration page tomorrow.
type Accounts struct{ store AccountStore }

// NewAccounts returns the account use cases over a store.
func NewAccounts(s AccountStore) *Accounts { return &Accounts{store: s} }

// ErrRoleRequired refuses an account without a role once there are accounts.
var ErrRoleRequired = tochuc.Errorf(tochuc.EInvalid, "cần vai trò (admin, staff, viewer hoặc auditor): chỉ tài khoản đầu tiên mặc định là quản trị viên")

// NewUser is an account to create. An empty Role is allowed for the first
// account only, which becomes an administrator.
type NewUser struct {
	Login, FullName, ScopeUnitID string
	Role                         tochuc.Role
	AllUnits                     bool
}

// AddUser checks an account, asks password for its hash only once the
// account may be created (a taken login or an unknown unit is refused before
// anyone types a password), creates it and audits it.
func (a *Accounts) AddUser(ctx context.Context, by Actor, in NewUser, password func(login string) (string, error)) (tochuc.User, error) {
	u := tochuc.User{Login: tochuc.NormalizeLogin(in.Login), FullName: strings.TrimSpace(in.FullName), Role: in.Role,
		ScopeUnitID: strings.TrimSpace(in.ScopeUnitID)}
	if in.AllUnits {
		if u.ScopeUnitID != "" {
			return tochuc.User{}, tochuc.Errorf(tochuc.EInvalid, "phạm vi một đơn vị và phạm vi toàn bộ loại trừ nhau")
		}
		u.ScopeUnitID = tochuc.AllUnits
	}
	if u.Role == "" {
		users, err := a.store.ListUsers(ctx)
		if err != nil {
			return tochuc.User{}, err
		}
		if len(users) > 0 {
			return tochuc.User{}, ErrRoleRequired
		}
		u.Role = tochuc.RoleAdmin
	}
	if err := u.Validate(); err != nil {
		return tochuc.User{}, err
	}
	if _, err := a.store.UserByLogin(ctx, u.Login); tochuc.ErrorCode(err) != tochuc.ENotFound {
		if err == nil {
			err = tochuc.Errorf(tochuc.EConflict, "tên đăng nhập '%s' đã có người dùng", u.Login)
		}
		return tochuc.User{}, err
	}
	if !u.WholeRegistry() {
		if err := a.store.ScopeUnitHeld(ctx, u.ScopeUnitID); err != nil {
			return tochuc.User{}, err
		}
	}
	hash, err := password(u.Login)
	if err != nil {
		return tochuc.User{}, err
	}
	if u, err = a.store.CreateUser(ctx, u, hash); err != nil {
		return tochuc.User{}, err
	}
	return u, a.audit(ctx, by, tochuc.AuditUserCreate, "user", u.ID,
		map[string]any{"login": u.Login, "role": string(u.Role), "scope": u.ScopeUnitID})
}

// Users lists the accounts.
func (a *Accounts) Users(ctx context.Context) ([]tochuc.User, error) { return a.store.ListUsers(ctx) }

// User finds an account by its login. Error: ENotFound.
func (a *Accounts) User(ctx context.Context, login string) (tochuc.User, error) {
	if strings.TrimSpace(login) == "" {
		return tochuc.User{}, tochuc.Errorf(tochuc.EInvalid, "cần tên đăng nhập")
	}
	return a.store.UserByLogin(ctx, login)
}

// SetPassword gives an account a new password hash (from the password
// callback, asked once the account is found) and ends its sessions.
func (a *Accounts) SetPassword(ctx context.Context, by Actor, login string, password func(login string) (string, error)) error {
	u, err := a.User(ctx, login)
	if err != nil {
		return err
	}
	hash, err := password(u.Login)
	if err != nil {
		return err
	}
	if err := a.store.SetPassword(ctx, u.ID, hash); err != nil {
		return err
	}
	if err := a.store.DeleteUserSessions(ctx, u.ID); err != nil {
		return err
	}
	return a.audit(ctx, by, tochuc.AuditUserPassword, "user", u.ID, map[string]any{"login": u.Login})
}

// SetDisabled disables an account (ending its sessions and revoking its
// tokens for good) or enables it again, and returns the tokens it revoked.
func (a *Accounts) SetDisabled(ctx context.Context, by Actor, login string, disabled bool) ([]tochuc.APIToken, error) {
	u, err := a.User(ctx, login)
	if err != nil {
		return nil, err
	}
	before, err := a.store.ListAPITokens(ctx, u.ID)
	if err != nil {
		return nil, err
	}
	if _, err := a.store.UpdateUser(ctx, u.ID, tochuc.UserUpdate{Disabled: &disabled}); err != nil {
		return nil, err
	}
	after, err := a.store.ListAPITokens(ctx, u.ID)
	if err != nil {
		return nil, err
	}
	live := map[int64]bool{}
	for _, t := range before {
		live[t.ID] = t.RevokedAt.IsZero()
	}
	var revoked []tochuc.APIToken
	for _, t := range after {
		if live[t.ID] && !t.RevokedAt.IsZero() {
			revoked = append(revoked, t)
			if err := a.audit(ctx, by, tochuc.AuditTokenRevoke, "token", t.ID,
				map[string]any{"login": u.Login, "name": t.Name, "reason": "disabled"}); err != nil {
				return nil, err
			}
		}
	}
	return revoked, a.audit(ctx, by, tochuc.AuditUserUpdate, "user", u.ID, map[string]any{"login": u.Login, "disabled": disabled})
}

// CreateToken gives an account a token for scripts valid for days (0:
// without end) and returns it with the token itself, shown only once.
func (a *Accounts) CreateToken(ctx context.Context, by Actor, login, name string, days int) (tochuc.APIToken, string, error) {
	if days < 0 {
		return tochuc.APIToken{}, "", tochuc.Errorf(tochuc.EInvalid, "số ngày hiệu lực phải ≥ 0")
	}
	u, err := a.User(ctx, login)
	if err != nil {
		return tochuc.APIToken{}, "", err
	}
	var expires time.Time
	if days > 0 {
		expires = time.Now().AddDate(0, 0, days)
	}
	t, plain, err := a.store.CreateAPIToken(ctx, u.ID, name, expires)
	if err != nil {
		return tochuc.APIToken{}, "", err
	}
	return t, plain, a.audit(ctx, by, tochuc.AuditTokenCreate, "token", t.ID,
		map[string]any{"login": u.Login, "name": t.Name, "days": days})
}

// Tokens lists an account's tokens, in force or not, newest first.
func (a *Accounts) Tokens(ctx context.Context, login string) (tochuc.User, []tochuc.APIToken, error) {
	u, err := a.User(ctx, login)
	if err != nil {
		return tochuc.User{}, nil, err
	}
	ts, err := a.store.ListAPITokens(ctx, u.ID)
	return u, ts, err
}

// RevokeToken withdraws a token for good.
func (a *Accounts) RevokeToken(ctx context.Context, by Actor, id int64) error {
	if id <= 0 {
		return tochuc.Errorf(tochuc.EInvalid, "cần số của mã truy cập")
	}
	if err := a.store.RevokeAPIToken(ctx, id); err != nil {
		return err
	}
	return a.audit(ctx, by, tochuc.AuditTokenRevoke, "token", id, nil)
}

// audit appends the entry of an account change, made by the actor.
func (a *Accounts) audit(ctx context.Context, by Actor, action, objType string, id int64, detail map[string]any) error {
	return a.store.AppendAudit(ctx, tochuc.AuditEntry{At: time.Now(), UserLogin: by.User.Login, IP: by.IP, Action: action,
		ObjectType: objType, ObjectID: strconv.FormatInt(id, 10), Detail: detail})
}
