-- 0016: cadre work (bundle-v1 amendment 1 and the terms of office). An evaluation gains its
-- period (year by default), its 100-point score and its step (decided by default), and the
-- period joins its key; a post gains why it ended; discipline and terms are new files; an
-- account may be given the permission to read confidential records.
ALTER TABLE evaluations ADD COLUMN period TEXT;
ALTER TABLE evaluations ADD COLUMN score INTEGER;
ALTER TABLE evaluations ADD COLUMN status TEXT;
UPDATE evaluations SET period = 'year' WHERE period IS NULL;
UPDATE evaluations SET status = 'decided' WHERE status IS NULL;
DROP INDEX evaluations_current;
CREATE UNIQUE INDEX evaluations_current ON evaluations (year, period, subject_type, subject_id, category) WHERE rec_to IS NULL;
CREATE INDEX evaluations_rater ON evaluations (rated_by_id, year) WHERE rec_to IS NULL;
ALTER TABLE assignments ADD COLUMN end_reason TEXT;

CREATE TABLE discipline (
    rid INTEGER PRIMARY KEY,
    subject_type TEXT NOT NULL,
    subject_id TEXT NOT NULL,
    form TEXT NOT NULL,
    date TEXT NOT NULL,
    authority_id TEXT,
    document_id TEXT,
    reason TEXT,
    extra TEXT,
    rec_from BIGINT NOT NULL,
    rec_to BIGINT,
    rec_cs BIGINT NOT NULL,
    end_cs BIGINT
);
CREATE UNIQUE INDEX discipline_current ON discipline (subject_type, subject_id, date, form) WHERE rec_to IS NULL;
CREATE INDEX discipline_recorded ON discipline (rec_from);
CREATE INDEX discipline_subject ON discipline (subject_id) WHERE rec_to IS NULL;
CREATE INDEX discipline_date ON discipline (date) WHERE rec_to IS NULL;
CREATE INDEX discipline_rec_cs ON discipline (rec_cs);
CREATE INDEX discipline_end_cs ON discipline (end_cs) WHERE end_cs IS NOT NULL;

CREATE TABLE terms (
    rid INTEGER PRIMARY KEY,
    term TEXT NOT NULL,
    level TEXT NOT NULL,
    starts_on TEXT NOT NULL,
    ends_on TEXT NOT NULL,
    document_id TEXT,
    extra TEXT,
    rec_from BIGINT NOT NULL,
    rec_to BIGINT,
    rec_cs BIGINT NOT NULL,
    end_cs BIGINT
);
CREATE UNIQUE INDEX terms_current ON terms (term, level) WHERE rec_to IS NULL;
CREATE INDEX terms_recorded ON terms (rec_from);
CREATE INDEX terms_rec_cs ON terms (rec_cs);
CREATE INDEX terms_end_cs ON terms (end_cs) WHERE end_cs IS NOT NULL;

ALTER TABLE users ADD COLUMN confidential BOOLEAN NOT NULL DEFAULT FALSE;
