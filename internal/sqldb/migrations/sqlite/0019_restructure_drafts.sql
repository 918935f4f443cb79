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
