-- 0019: restructuring drafts (issue 18, item 4). A draft is a restructuring saved without being
-- applied: its operations as entered (JSON, at most 64 KiB), the unit whose staff see it
-- (scope_unit_id) and the units it touches (units: ids separated by commas, for the read policy).
-- Rows are updated in place, guarded by version (a stale save is refused); an adopted draft keeps
-- the change set that applied it and its decision document. Times are microseconds since 1970, UTC.
CREATE TABLE restructure_drafts (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    scope_unit_id TEXT NOT NULL DEFAULT '',
    units TEXT NOT NULL DEFAULT '',
    operations TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_by TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    status TEXT NOT NULL DEFAULT 'draft',
    change_set BIGINT,
    document_id TEXT
);
CREATE INDEX restructure_drafts_updated ON restructure_drafts (updated_at);

-- The post quotas (our sparse bundle file post_quotas.csv): the most holders of a role in a unit
-- of a kind (and subtype, empty: any) over [valid_from, valid_to), with the legal text it comes from.
CREATE TABLE post_quotas (
    rid INTEGER PRIMARY KEY,
    unit_kind TEXT NOT NULL,
    subtype TEXT,
    role TEXT NOT NULL,
    max_holders INTEGER NOT NULL,
    valid_from TEXT NOT NULL,
    valid_to TEXT,
    legal_basis TEXT NOT NULL,
    extra TEXT,
    rec_from BIGINT NOT NULL,
    rec_to BIGINT,
    rec_cs BIGINT NOT NULL,
    end_cs BIGINT
);
CREATE INDEX post_quotas_current ON post_quotas (unit_kind, role, valid_from) WHERE rec_to IS NULL;
CREATE INDEX post_quotas_recorded ON post_quotas (rec_from);
CREATE INDEX post_quotas_rec_cs ON post_quotas (rec_cs);
CREATE INDEX post_quotas_end_cs ON post_quotas (end_cs) WHERE end_cs IS NOT NULL;
