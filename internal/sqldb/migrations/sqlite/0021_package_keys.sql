-- 0021: exchange of signed packages between levels. Times are microseconds since 1970, UTC.

-- The keys whose signed packages this registry accepts: a package signed with a key may change
-- only the records inside the scope of scope_unit_id. fingerprint is the hex SHA-256 of the 32-byte
-- Ed25519 public key; public_key its PEM text. A revoked key (revoked_at set) stays, refused.
CREATE TABLE trusted_keys (
    fingerprint TEXT PRIMARY KEY,
    public_key TEXT NOT NULL,
    name TEXT NOT NULL DEFAULT '',
    scope_unit_id TEXT NOT NULL,
    trusted_at BIGINT NOT NULL,
    trusted_by TEXT NOT NULL,
    revoked_at BIGINT,
    revoked_by TEXT
);

-- The packages received with a manifest, for the replay check: a signed package whose recorded_at
-- is not after the last one received with the same key is refused. fingerprint is '' for an
-- unsigned package; changed_since 0 for a whole (not incremental) package; change_set the change
-- set the import made (0 when it changed nothing).
CREATE TABLE received_packages (
    id INTEGER PRIMARY KEY,
    fingerprint TEXT NOT NULL,
    sender_unit TEXT NOT NULL,
    recorded_at BIGINT NOT NULL,
    changed_since BIGINT NOT NULL DEFAULT 0,
    change_set BIGINT NOT NULL DEFAULT 0,
    name TEXT NOT NULL DEFAULT '',
    received_at BIGINT NOT NULL,
    received_by TEXT NOT NULL
);
CREATE INDEX received_packages_key ON received_packages (fingerprint, recorded_at);
