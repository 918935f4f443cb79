-- 0018: what directive documents set (bundle-v1 amendment 3): the days a document
-- applies, the tasks it assigns, the targets it sets, and its attached files. A file's
-- content is kept once, by its SHA-256, in document_blobs (immutable, not dated).
ALTER TABLE documents ADD COLUMN effective_on TEXT;
ALTER TABLE documents ADD COLUMN expires_on TEXT;
CREATE INDEX documents_replaces ON documents (replaces_id) WHERE rec_to IS NULL AND replaces_id IS NOT NULL;

CREATE TABLE document_tasks (
    rid INTEGER PRIMARY KEY,
    document_id TEXT NOT NULL,
    task_id TEXT NOT NULL,
    unit_id TEXT NOT NULL,
    title TEXT NOT NULL,
    due_on TEXT NOT NULL,
    done_on TEXT,
    note TEXT,
    extra TEXT,
    rec_from BIGINT NOT NULL,
    rec_to BIGINT,
    rec_cs BIGINT NOT NULL,
    end_cs BIGINT
);
CREATE UNIQUE INDEX document_tasks_current ON document_tasks (document_id, task_id) WHERE rec_to IS NULL;
CREATE INDEX document_tasks_unit ON document_tasks (unit_id, due_on) WHERE rec_to IS NULL;
CREATE INDEX document_tasks_due ON document_tasks (due_on) WHERE rec_to IS NULL;
CREATE INDEX document_tasks_recorded ON document_tasks (rec_from);
CREATE INDEX document_tasks_rec_cs ON document_tasks (rec_cs);
CREATE INDEX document_tasks_end_cs ON document_tasks (end_cs) WHERE end_cs IS NOT NULL;

CREATE TABLE document_targets (
    rid INTEGER PRIMARY KEY,
    document_id TEXT NOT NULL,
    target_id TEXT NOT NULL,
    indicator TEXT NOT NULL,
    scope_id TEXT,
    due_on TEXT NOT NULL,
    op TEXT NOT NULL,
    value TEXT NOT NULL,
    label TEXT,
    extra TEXT,
    rec_from BIGINT NOT NULL,
    rec_to BIGINT,
    rec_cs BIGINT NOT NULL,
    end_cs BIGINT
);
CREATE UNIQUE INDEX document_targets_current ON document_targets (document_id, target_id) WHERE rec_to IS NULL;
CREATE INDEX document_targets_scope ON document_targets (scope_id) WHERE rec_to IS NULL;
CREATE INDEX document_targets_recorded ON document_targets (rec_from);
CREATE INDEX document_targets_rec_cs ON document_targets (rec_cs);
CREATE INDEX document_targets_end_cs ON document_targets (end_cs) WHERE end_cs IS NOT NULL;

CREATE TABLE document_files (
    rid INTEGER PRIMARY KEY,
    document_id TEXT NOT NULL,
    name TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    bytes BIGINT NOT NULL,
    extra TEXT,
    rec_from BIGINT NOT NULL,
    rec_to BIGINT,
    rec_cs BIGINT NOT NULL,
    end_cs BIGINT
);
CREATE UNIQUE INDEX document_files_current ON document_files (document_id, name) WHERE rec_to IS NULL;
CREATE INDEX document_files_sha256 ON document_files (sha256);
CREATE INDEX document_files_recorded ON document_files (rec_from);
CREATE INDEX document_files_rec_cs ON document_files (rec_cs);
CREATE INDEX document_files_end_cs ON document_files (end_cs) WHERE end_cs IS NOT NULL;

CREATE TABLE document_blobs (
    sha256 TEXT PRIMARY KEY,
    bytes BIGINT NOT NULL,
    media_type TEXT NOT NULL,
    content BLOB NOT NULL,
    stored_at BIGINT NOT NULL
);
