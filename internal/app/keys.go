package app

import (
	"context"
	"strings"
	"time"

	"github.com/tochuc/tochuc/internal/bundle/manifest"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// TrustedKey is a key whose signed packages may change the records of its
// scope unit's scope.
type TrustedKey = sqldb.TrustedKey

// mustAdmin refuses an actor who is not an administrator.
func mustAdmin(by Actor) error {
	if by.User.Role != tochuc.RoleAdmin || by.User.Disabled {
		return tochuc.Errorf(tochuc.EForbidden, "Chỉ quản trị viên được quản lý khóa ký gói dữ liệu.")
	}
	return nil
}

// TrustKey records that packages signed with the public key (a PEM file's
// text, as 'tochuc keys new' writes it) may change records inside the
// scope of unit, which the registry must hold. Administrators only; audited.
func (a *Accounts) TrustKey(ctx context.Context, by Actor, pubPEM []byte, unit, name string) (TrustedKey, error) {
	if err := mustAdmin(by); err != nil {
		return TrustedKey{}, err
	}
	pub, err := manifest.ParsePublicKey(pubPEM)
	if err != nil {
		return TrustedKey{}, tochuc.Errorf(tochuc.EInvalid, "Tệp khóa công khai không hợp lệ: %v", err)
	}
	unit = strings.TrimSpace(unit)
	if unit == "" || unit == tochuc.AllUnits {
		return TrustedKey{}, tochuc.Errorf(tochuc.EInvalid, "Cần một đơn vị làm phạm vi của khóa (--scope).")
	}
	k := TrustedKey{Fingerprint: manifest.Fingerprint(pub), PublicKey: strings.TrimSpace(string(pubPEM)) + "\n",
		Name: strings.TrimSpace(name), ScopeUnitID: unit, TrustedAt: time.Now().UTC(), TrustedBy: by.User.Login}
	err = a.db.AccountTx(ctx, func(tx *sqldb.AccountTx) error {
		if err := tx.TrustKey(ctx, k); err != nil {
			return err
		}
		return tx.AppendAudit(ctx, tochuc.AuditEntry{At: time.Now(), UserLogin: by.User.Login, IP: by.IP,
			Action: tochuc.AuditKeyTrust, ObjectType: "key", ObjectID: k.Fingerprint,
			Detail: map[string]any{"name": k.Name, "scope": k.ScopeUnitID}})
	})
	if err != nil {
		return TrustedKey{}, sqldb.Fault(err)
	}
	return k, nil
}

// Keys lists the keys recorded, trusted and revoked. Administrators only.
func (a *Accounts) Keys(ctx context.Context, by Actor) ([]TrustedKey, error) {
	if err := mustAdmin(by); err != nil {
		return nil, err
	}
	ks, err := a.db.TrustedKeys(ctx)
	return ks, sqldb.Fault(err)
}

// RevokeKey revokes a trusted key, named by its fingerprint (or the start
// of it, at least 8 hex digits, when only one key starts so) or by its name
// when exactly one trusted key has it. Administrators only; audited.
func (a *Accounts) RevokeKey(ctx context.Context, by Actor, which string) (TrustedKey, error) {
	if err := mustAdmin(by); err != nil {
		return TrustedKey{}, err
	}
	k, err := a.findKey(ctx, strings.TrimSpace(which))
	if err != nil {
		return TrustedKey{}, err
	}
	now := time.Now().UTC()
	err = a.db.AccountTx(ctx, func(tx *sqldb.AccountTx) error {
		if err := tx.RevokeKey(ctx, k.Fingerprint, by.User.Login, now); err != nil {
			return err
		}
		return tx.AppendAudit(ctx, tochuc.AuditEntry{At: now, UserLogin: by.User.Login, IP: by.IP,
			Action: tochuc.AuditKeyRevoke, ObjectType: "key", ObjectID: k.Fingerprint,
			Detail: map[string]any{"name": k.Name, "scope": k.ScopeUnitID}})
	})
	if err != nil {
		return TrustedKey{}, sqldb.Fault(err)
	}
	k.RevokedAt, k.RevokedBy = now, by.User.Login
	return k, nil
}

// findKey finds one key by fingerprint, its start or its name.
func (a *Accounts) findKey(ctx context.Context, which string) (TrustedKey, error) {
	if which == "" {
		return TrustedKey{}, tochuc.Errorf(tochuc.EInvalid, "Cần dấu vân tay hoặc tên của khóa.")
	}
	ks, err := a.db.TrustedKeys(ctx)
	if err != nil {
		return TrustedKey{}, sqldb.Fault(err)
	}
	var found []TrustedKey
	lower := strings.ToLower(which)
	for _, k := range ks {
		if k.Fingerprint == lower || (len(lower) >= 8 && strings.HasPrefix(k.Fingerprint, lower)) ||
			(k.Name != "" && k.Name == which && !k.Revoked()) {
			found = append(found, k)
		}
	}
	switch len(found) {
	case 0:
		return TrustedKey{}, tochuc.Errorf(tochuc.ENotFound, "Không có khóa nào có dấu vân tay hoặc tên %q.", which)
	case 1:
		return found[0], nil
	}
	return TrustedKey{}, tochuc.Errorf(tochuc.EConflict, "Có %d khóa ứng với %q: hãy dùng dấu vân tay đầy đủ.", len(found), which)
}
