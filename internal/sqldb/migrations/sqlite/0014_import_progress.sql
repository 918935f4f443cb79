-- 0014: an import job's progress over the whole bundle: the rows read of all its files (rows_all)
-- and the rows it holds (rows_total, counted before the check; 0 while counting), beside the rows
-- read of the file being read (rows_done). On SQLite the jobs' side file gets these columns too
-- (sqldb/import_jobs_file.go).
ALTER TABLE import_jobs ADD COLUMN rows_all BIGINT NOT NULL DEFAULT 0;
ALTER TABLE import_jobs ADD COLUMN rows_total BIGINT NOT NULL DEFAULT 0;
