package sqldb

import (
	"context"
	"database/sql"
	"time"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// TrustedKey is a key whose signed packages the registry accepts, inside
// the scope of ScopeUnitID (table trusted_keys).
type TrustedKey struct {
	Fingerprint string // hex SHA-256 of the Ed25519 public key
	PublicKey   string // its PEM text
	Name        string
	ScopeUnitID string
	TrustedAt   time.Time
	TrustedBy   string
	RevokedAt   time.Time // zero while trusted
	RevokedBy   string
}

// Revoked reports whether the key was revoked.
func (k TrustedKey) Revoked() bool { return !k.RevokedAt.IsZero() }

const trustedKeyColumns = `fingerprint, public_key, name, scope_unit_id, trusted_at, trusted_by, revoked_at, revoked_by`

func scanTrustedKey(r interface{ Scan(...any) error }) (TrustedKey, error) {
	var k TrustedKey
	var at int64
	var revAt sql.NullInt64
	var revBy sql.NullString
	if err := r.Scan(&k.Fingerprint, &k.PublicKey, &k.Name, &k.ScopeUnitID, &at, &k.TrustedBy, &revAt, &revBy); err != nil {
		return k, err
	}
	k.TrustedAt = time.UnixMicro(at).UTC()
	if revAt.Valid {
		k.RevokedAt = time.UnixMicro(revAt.Int64).UTC()
	}
	k.RevokedBy = revBy.String
	return k, nil
}

// TrustKey records a trusted key; its scope unit must be held now. A
// fingerprint already recorded (trusted or revoked) is refused with EConflict.
func (a *AccountTx) TrustKey(ctx context.Context, k TrustedKey) error {
	if err := a.db.checkScopeUnit(ctx, a.q, k.ScopeUnitID); err != nil {
		return err
	}
	var n int
	if err := a.q.QueryRowContext(ctx, a.db.rebind(`SELECT COUNT(*) FROM trusted_keys WHERE fingerprint = ?`), k.Fingerprint).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return keyTaken(k.Fingerprint)
	}
	_, err := a.q.ExecContext(ctx, a.db.rebind(`INSERT INTO trusted_keys (fingerprint, public_key, name, scope_unit_id, trusted_at, trusted_by)
		VALUES (?, ?, ?, ?, ?, ?)`), k.Fingerprint, k.PublicKey, k.Name, k.ScopeUnitID, k.TrustedAt.UnixMicro(), k.TrustedBy)
	if isUniqueViolation(err) {
		return keyTaken(k.Fingerprint)
	}
	return err
}

func keyTaken(fp string) error {
	return tochuc.Errorf(tochuc.EConflict, "khóa %s đã được ghi nhận (còn tin cậy hoặc đã thu hồi)", fp)
}

// RevokeKey marks a trusted key revoked. Error: ENotFound, or EConflict when
// it was revoked already.
func (a *AccountTx) RevokeKey(ctx context.Context, fingerprint, by string, at time.Time) error {
	k, err := trustedKey(ctx, a.db, a.q, fingerprint)
	if err != nil {
		return err
	}
	if k.Revoked() {
		return tochuc.Errorf(tochuc.EConflict, "khóa %s đã bị thu hồi ngày %s", fingerprint, tochuc.DateOf(k.RevokedAt).Vietnamese())
	}
	_, err = a.q.ExecContext(ctx, a.db.rebind(`UPDATE trusted_keys SET revoked_at = ?, revoked_by = ? WHERE fingerprint = ?`),
		at.UnixMicro(), by, fingerprint)
	return err
}

// TrustedKeys lists the keys recorded, trusted or revoked, by name then fingerprint.
func (db *DB) TrustedKeys(ctx context.Context) ([]TrustedKey, error) {
	rows, err := db.QueryContext(ctx, `SELECT `+trustedKeyColumns+` FROM trusted_keys ORDER BY name, fingerprint`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []TrustedKey
	for rows.Next() {
		k, err := scanTrustedKey(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, k)
	}
	return out, rows.Err()
}

// TrustedKey finds a recorded key by its fingerprint. Error: ENotFound.
func (db *DB) TrustedKey(ctx context.Context, fingerprint string) (TrustedKey, error) {
	return trustedKey(ctx, db, db.DB, fingerprint)
}

func trustedKey(ctx context.Context, db *DB, q querier, fingerprint string) (TrustedKey, error) {
	k, err := scanTrustedKey(q.QueryRowContext(ctx, db.rebind(`SELECT `+trustedKeyColumns+` FROM trusted_keys WHERE fingerprint = ?`), fingerprint))
	if err == sql.ErrNoRows {
		return k, tochuc.Errorf(tochuc.ENotFound, "không có khóa %s trong danh sách khóa tin cậy", fingerprint)
	}
	return k, err
}

// ReceivedPackage is a package imported with a manifest (table received_packages).
type ReceivedPackage struct {
	Fingerprint  string // "" for an unsigned package
	SenderUnit   string
	RecordedAt   time.Time
	ChangedSince time.Time // zero for a whole package
	ChangeSet    int64
	Name         string
	ReceivedAt   time.Time
	ReceivedBy   string
}

// LastReceived returns the latest recorded_at of the packages received
// with a key, inside the change set (ok false when none).
func (c *Change) LastReceived(ctx context.Context, fingerprint string) (recordedAt, receivedAt time.Time, ok bool, err error) {
	var rec, got sql.NullInt64
	err = c.Tx.QueryRowContext(ctx, c.db.rebind(`SELECT recorded_at, received_at FROM received_packages WHERE fingerprint = ?
		ORDER BY recorded_at DESC, id DESC LIMIT 1`), fingerprint).Scan(&rec, &got)
	if err == sql.ErrNoRows {
		return time.Time{}, time.Time{}, false, nil
	}
	if err != nil {
		return time.Time{}, time.Time{}, false, err
	}
	return time.UnixMicro(rec.Int64).UTC(), time.UnixMicro(got.Int64).UTC(), true, nil
}

// RecordReceived records a package received, in the change set that imports it.
func (c *Change) RecordReceived(ctx context.Context, p ReceivedPackage) error {
	var since int64
	if !p.ChangedSince.IsZero() {
		since = p.ChangedSince.UnixMicro()
	}
	_, err := c.exec(ctx, `INSERT INTO received_packages (fingerprint, sender_unit, recorded_at, changed_since, change_set, name, received_at, received_by)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, p.Fingerprint, p.SenderUnit, p.RecordedAt.UnixMicro(), since, c.ID, p.Name, p.ReceivedAt.UnixMicro(), p.ReceivedBy)
	return err
}
