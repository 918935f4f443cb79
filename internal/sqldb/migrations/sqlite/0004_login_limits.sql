-- 0004: the sign-in limiter's counts, shared by every process serving the database, and a
-- table of settings. Times are microseconds since 1970, UTC; 0 is unset.

-- One row per key of auth.Limiter: "p ADDRESS LOGIN" (a login from one address) or "l LOGIN"
-- (a login from everywhere). Rows are updated in place under a row lock; a row whose
-- expires_at has passed carries nothing and is purged.
CREATE TABLE login_limits (
    id TEXT PRIMARY KEY,
    fails INTEGER NOT NULL DEFAULT 0,
    since BIGINT NOT NULL DEFAULT 0,
    locked_from BIGINT NOT NULL DEFAULT 0,
    locked_until BIGINT NOT NULL DEFAULT 0,
    strikes INTEGER NOT NULL DEFAULT 0,
    last_fail BIGINT NOT NULL DEFAULT 0,
    noted_until BIGINT NOT NULL DEFAULT 0,
    expires_at BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX login_limits_expires ON login_limits (expires_at);

-- Facts about the database itself, e.g. name 'demo': it was created by loading the demo.
CREATE TABLE settings (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    updated_at BIGINT NOT NULL
);
