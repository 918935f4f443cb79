package app

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/tochuc/tochuc/internal/auth"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// Accounts manages accounts and their tokens: the rules (the first account
// is an administrator; a login is taken once; a scope names a held unit; a
// change of password ends the sessions; disabling revokes the tokens) and
// one audit entry for each change, whoever asks — the command line today,
// an administration page tomorrow.
//
// Each change is one transaction with its audit entries: both are kept, or
// neither.
type Accounts struct{ db *sqldb.DB }

// NewAccounts returns the account use cases over a database.
func NewAccounts(db *sqldb.DB) *Accounts { return &Accounts{db: db} }

// ErrRoleRequired refuses an account without a role once there are accounts.
var ErrRoleRequired = tochuc.Errorf(tochuc.EInvalid, "cần vai trò (admin, staff, viewer hoặc auditor): chỉ tài khoản đầu tiên mặc định là quản trị viên")

// NewUser is an account to create. An empty Role is allowed for the first
// account only, which becomes an administrator.
type NewUser struct {
	Login, FullName, ScopeUnitID string
	Role                         tochuc.Role
	AllUnits                     bool
	// Confidential gives the permission to read confidential records
	// (plans, evaluations, discipline, citizen ids) within the scope.
	Confidential bool
}

// AddUser checks an account, asks password for its hash only once the
// account may be created (a taken login or an unknown unit is refused before
// anyone types a password), creates it and audits it.
func (a *Accounts) AddUser(ctx context.Context, by Actor, in NewUser, password func(login string) (string, error)) (tochuc.User, error) {
	u := tochuc.User{Login: tochuc.NormalizeLogin(in.Login), FullName: strings.TrimSpace(in.FullName), Role: in.Role,
		ScopeUnitID: strings.TrimSpace(in.ScopeUnitID), Confidential: in.Confidential}
	if in.AllUnits {
		if u.ScopeUnitID != "" {
			return tochuc.User{}, tochuc.Errorf(tochuc.EInvalid, "phạm vi một đơn vị và phạm vi toàn bộ loại trừ nhau")
		}
		u.ScopeUnitID = tochuc.AllUnits
	}
	if u.Role == "" {
		users, err := a.db.ListUsers(ctx)
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
	if _, err := a.db.UserByLogin(ctx, u.Login); tochuc.ErrorCode(err) != tochuc.ENotFound {
		if err == nil {
			err = tochuc.Errorf(tochuc.EConflict, "tên đăng nhập '%s' đã có người dùng", u.Login)
		}
		return tochuc.User{}, err
	}
	if !u.WholeRegistry() {
		if err := a.db.ScopeUnitHeld(ctx, u.ScopeUnitID); err != nil {
			return tochuc.User{}, err
		}
	}
	hash, err := password(u.Login)
	if err != nil {
		return tochuc.User{}, err
	}
	err = a.db.AccountTx(ctx, func(tx *sqldb.AccountTx) error {
		if u, err = tx.CreateUser(ctx, u, hash); err != nil {
			return err
		}
		return audit(ctx, tx, by, tochuc.AuditUserCreate, "user", u.ID,
			map[string]any{"login": u.Login, "role": string(u.Role), "scope": u.ScopeUnitID, "confidential": u.Confidential})
	})
	if err != nil {
		return tochuc.User{}, err
	}
	return u, nil
}

// Users lists the accounts.
func (a *Accounts) Users(ctx context.Context) ([]tochuc.User, error) { return a.db.ListUsers(ctx) }

// User finds an account by its login. Error: ENotFound.
func (a *Accounts) User(ctx context.Context, login string) (tochuc.User, error) {
	if strings.TrimSpace(login) == "" {
		return tochuc.User{}, tochuc.Errorf(tochuc.EInvalid, "cần tên đăng nhập")
	}
	return a.db.UserByLogin(ctx, login)
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
	return a.db.AccountTx(ctx, func(tx *sqldb.AccountTx) error {
		if err := tx.SetPassword(ctx, u.ID, hash); err != nil {
			return err
		}
		if err := tx.DeleteUserSessions(ctx, u.ID); err != nil {
			return err
		}
		return audit(ctx, tx, by, tochuc.AuditUserPassword, "user", u.ID, map[string]any{"login": u.Login})
	})
}

// SetDisabled disables an account (ending its sessions and revoking its
// tokens for good) or enables it again, and returns the tokens it revoked.
func (a *Accounts) SetDisabled(ctx context.Context, by Actor, login string, disabled bool) ([]tochuc.APIToken, error) {
	u, err := a.User(ctx, login)
	if err != nil {
		return nil, err
	}
	var revoked []tochuc.APIToken
	err = a.db.AccountTx(ctx, func(tx *sqldb.AccountTx) error {
		before, err := tx.ListAPITokens(ctx, u.ID)
		if err != nil {
			return err
		}
		if _, err := tx.UpdateUser(ctx, u.ID, tochuc.UserUpdate{Disabled: &disabled}); err != nil {
			return err
		}
		after, err := tx.ListAPITokens(ctx, u.ID)
		if err != nil {
			return err
		}
		live := map[int64]bool{}
		for _, t := range before {
			live[t.ID] = t.RevokedAt.IsZero()
		}
		for _, t := range after {
			if live[t.ID] && !t.RevokedAt.IsZero() {
				revoked = append(revoked, t)
				if err := audit(ctx, tx, by, tochuc.AuditTokenRevoke, "token", t.ID,
					map[string]any{"login": u.Login, "name": t.Name, "reason": "disabled"}); err != nil {
					return err
				}
			}
		}
		return audit(ctx, tx, by, tochuc.AuditUserUpdate, "user", u.ID, map[string]any{"login": u.Login, "disabled": disabled})
	})
	if err != nil {
		return nil, err
	}
	return revoked, nil
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
	plain, _ := auth.NewToken()
	var t tochuc.APIToken
	err = a.db.AccountTx(ctx, func(tx *sqldb.AccountTx) error {
		if t, err = tx.CreateAPIToken(ctx, auth.HashOf(plain), u.ID, name, expires); err != nil {
			return err
		}
		return audit(ctx, tx, by, tochuc.AuditTokenCreate, "token", t.ID, map[string]any{"login": u.Login, "name": t.Name, "days": days})
	})
	if err != nil {
		return tochuc.APIToken{}, "", err
	}
	return t, plain, nil
}

// Tokens lists an account's tokens, in force or not, newest first.
func (a *Accounts) Tokens(ctx context.Context, login string) (tochuc.User, []tochuc.APIToken, error) {
	u, err := a.User(ctx, login)
	if err != nil {
		return tochuc.User{}, nil, err
	}
	ts, err := a.db.ListAPITokens(ctx, u.ID)
	return u, ts, err
}

// RevokeToken withdraws a token for good.
func (a *Accounts) RevokeToken(ctx context.Context, by Actor, id int64) error {
	if id <= 0 {
		return tochuc.Errorf(tochuc.EInvalid, "cần số của mã truy cập")
	}
	return a.db.AccountTx(ctx, func(tx *sqldb.AccountTx) error {
		if err := tx.RevokeAPIToken(ctx, id); err != nil {
			return err
		}
		return audit(ctx, tx, by, tochuc.AuditTokenRevoke, "token", id, nil)
	})
}

// audit appends the entry of an account change, made by the actor, in
// the change's transaction.
func audit(ctx context.Context, tx *sqldb.AccountTx, by Actor, action, objType string, id int64, detail map[string]any) error {
	return tx.AppendAudit(ctx, tochuc.AuditEntry{At: time.Now(), UserLogin: by.User.Login, IP: by.IP, Action: action,
		ObjectType: objType, ObjectID: strconv.FormatInt(id, 10), Detail: detail})
}

// UpdateUser changes an account's name, role, scope or permission to read
// confidential records (nil fields stay; ScopeUnitID may be
// tochuc.AllUnits; Disabled is SetDisabled's) and audits the change: one
// user.update entry whose detail names each field changed with its new
// value ("confidential": given or taken). Only an administrator may change
// an account. A change that changes nothing writes no entry.
func (a *Accounts) UpdateUser(ctx context.Context, by Actor, login string, upd tochuc.UserUpdate) (tochuc.User, error) {
	if !by.User.CanManageUsers() {
		return tochuc.User{}, tochuc.Errorf(tochuc.EForbidden, "Chỉ quản trị viên được thay đổi tài khoản.")
	}
	u, err := a.User(ctx, login)
	if err != nil {
		return tochuc.User{}, err
	}
	upd.Disabled = nil
	if upd.ScopeUnitID != nil {
		scope := strings.TrimSpace(*upd.ScopeUnitID)
		upd.ScopeUnitID = &scope
		if scope != "" && scope != tochuc.AllUnits {
			if err := a.db.ScopeUnitHeld(ctx, scope); err != nil {
				return tochuc.User{}, err
			}
		}
	}
	var out tochuc.User
	err = a.db.AccountTx(ctx, func(tx *sqldb.AccountTx) error {
		if out, err = tx.UpdateUser(ctx, u.ID, upd); err != nil {
			return err
		}
		detail := map[string]any{}
		if out.FullName != u.FullName {
			detail["name"] = out.FullName
		}
		if out.Role != u.Role {
			detail["role"] = string(out.Role)
		}
		if out.ScopeUnitID != u.ScopeUnitID {
			scope := out.ScopeUnitID
			if scope == "" {
				scope = tochuc.AllUnits
			}
			detail["scope"] = scope
		}
		if out.Confidential != u.Confidential {
			detail["confidential"] = out.Confidential
		}
		if len(detail) == 0 {
			return nil
		}
		detail["login"] = u.Login
		return audit(ctx, tx, by, tochuc.AuditUserUpdate, "user", u.ID, detail)
	})
	if err != nil {
		return tochuc.User{}, err
	}
	return out, nil
}

// Accounts returns the account use cases over the app's database (the
// administration pages).
func (a *App) Accounts() *Accounts { return NewAccounts(a.db) }
