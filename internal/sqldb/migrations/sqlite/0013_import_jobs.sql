-- 0013: the import jobs of the web app, kept in the database so that every process serving it
-- shows a job's progress and result, and any of them can import a bundle another checked.
-- On SQLite the jobs are kept in a side file beside the database (PATH-jobs, created with these same
-- tables: sqldb/import_jobs_file.go), because an import holds the write lock of the whole file while
-- jobs must be written; the tables created here stay empty. Times are microseconds since 1970, UTC.
-- Rows are updated in place (they are not records of the registry) and deleted a day after the job
-- began.

-- One row per uploaded bundle. phase: uploading, checking, checked, importing, done, failed.
-- worker is the process running the job (checking or importing), beat when it last said so: a
-- job whose worker has not beaten for a minute is marked failed by whichever process reads it.
CREATE TABLE import_jobs (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    owner TEXT NOT NULL,
    phase TEXT NOT NULL,
    file TEXT NOT NULL DEFAULT '',
    rows_done INTEGER NOT NULL DEFAULT 0,
    report TEXT NOT NULL DEFAULT '',
    error TEXT NOT NULL DEFAULT '',
    worker TEXT NOT NULL DEFAULT '',
    beat_at BIGINT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    size BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX import_jobs_created ON import_jobs (created_at);

-- The uploaded file, in parts of at most 1 MiB in order of seq, kept until the job is imported,
-- fails or expires.
CREATE TABLE import_job_parts (
    job_id TEXT NOT NULL REFERENCES import_jobs (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (job_id, seq)
);
