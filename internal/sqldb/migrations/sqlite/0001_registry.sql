-- 0001: the registry's tables, one per bundle-v1 file, bitemporal.
-- Every row is one state of a record: its valid period is in its own columns (valid_from/valid_to
-- or the record's date), and rec_from/rec_to (microseconds since 1970, UTC) say when the registry
-- held it; rec_to IS NULL means it is held now. rec_cs/end_cs name the change sets that recorded
-- and superseded it. Rows are never deleted and their data never updated.

CREATE TABLE changesets (
    id INTEGER PRIMARY KEY,
    recorded_at BIGINT NOT NULL,
    recorded_by TEXT NOT NULL,
    source TEXT NOT NULL,
    note TEXT
);

CREATE TABLE units (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    parent_id TEXT,
    locality_id TEXT,
    host_id TEXT,
    subtype TEXT,
    sector TEXT,
    ownership TEXT,
    admin_code TEXT,
    valid_from TEXT NOT NULL,
    valid_to TEXT,
    extra TEXT,
    rec_from BIGINT NOT NULL,
    rec_to BIGINT,
    rec_cs BIGINT NOT NULL,
    end_cs BIGINT
);
CREATE UNIQUE INDEX units_current ON units (id, valid_from) WHERE rec_to IS NULL;
CREATE INDEX units_recorded ON units (rec_from);
CREATE INDEX units_parent ON units (parent_id) WHERE rec_to IS NULL;
CREATE INDEX units_locality ON units (locality_id) WHERE rec_to IS NULL;
CREATE INDEX units_host ON units (host_id) WHERE rec_to IS NULL;
CREATE INDEX units_kind ON units (kind) WHERE rec_to IS NULL;

CREATE TABLE people (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL,
    full_name TEXT NOT NULL,
    gender TEXT,
    birth_date TEXT,
    ethnicity TEXT,
    religion TEXT,
    died_on TEXT,
    extra TEXT,
    rec_from BIGINT NOT NULL,
    rec_to BIGINT,
    rec_cs BIGINT NOT NULL,
    end_cs BIGINT
);
CREATE UNIQUE INDEX people_current ON people (id) WHERE rec_to IS NULL;
CREATE INDEX people_recorded ON people (rec_from);

CREATE TABLE documents (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL,
    number TEXT NOT NULL,
    kind TEXT NOT NULL,
    issuer_id TEXT,
    issued_on TEXT NOT NULL,
    title TEXT NOT NULL,
    replaces_id TEXT,
    extra TEXT,
    rec_from BIGINT NOT NULL,
    rec_to BIGINT,
    rec_cs BIGINT NOT NULL,
    end_cs BIGINT
);
CREATE UNIQUE INDEX documents_current ON documents (id) WHERE rec_to IS NULL;
CREATE INDEX documents_recorded ON documents (rec_from);

CREATE TABLE qualifications (
    rid INTEGER PRIMARY KEY,
    person_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    level TEXT NOT NULL,
    obtained_on TEXT,
    extra TEXT,
    rec_from BIGINT NOT NULL,
    rec_to BIGINT,
    rec_cs BIGINT NOT NULL,
    end_cs BIGINT
);
CREATE UNIQUE INDEX qualifications_current ON qualifications (person_id, kind, level) WHERE rec_to IS NULL;
CREATE INDEX qualifications_recorded ON qualifications (rec_from);

CREATE TABLE party (
    rid INTEGER PRIMARY KEY,
    person_id TEXT NOT NULL,
    event TEXT NOT NULL,
    date TEXT NOT NULL,
    seq INTEGER NOT NULL,
    unit_id TEXT,
    status TEXT,
    document_id TEXT,
    extra TEXT,
    rec_from BIGINT NOT NULL,
    rec_to BIGINT,
    rec_cs BIGINT NOT NULL,
    end_cs BIGINT
);
CREATE UNIQUE INDEX party_current ON party (person_id, event, date) WHERE rec_to IS NULL;
CREATE INDEX party_recorded ON party (rec_from);
CREATE INDEX party_unit ON party (unit_id) WHERE rec_to IS NULL;

CREATE TABLE assignments (
    rid INTEGER PRIMARY KEY,
    person_id TEXT NOT NULL,
    unit_id TEXT NOT NULL,
    role TEXT NOT NULL,
    valid_from TEXT NOT NULL,
    valid_to TEXT,
    how TEXT,
    document_id TEXT,
    extra TEXT,
    rec_from BIGINT NOT NULL,
    rec_to BIGINT,
    rec_cs BIGINT NOT NULL,
    end_cs BIGINT
);
CREATE UNIQUE INDEX assignments_current ON assignments (person_id, unit_id, role, valid_from) WHERE rec_to IS NULL;
CREATE INDEX assignments_recorded ON assignments (rec_from);
CREATE INDEX assignments_unit ON assignments (unit_id) WHERE rec_to IS NULL;

CREATE TABLE headcount (
    rid INTEGER PRIMARY KEY,
    unit_id TEXT NOT NULL,
    date TEXT NOT NULL,
    actual INTEGER NOT NULL,
    quota INTEGER,
    extra TEXT,
    rec_from BIGINT NOT NULL,
    rec_to BIGINT,
    rec_cs BIGINT NOT NULL,
    end_cs BIGINT
);
CREATE UNIQUE INDEX headcount_current ON headcount (unit_id, date) WHERE rec_to IS NULL;
CREATE INDEX headcount_recorded ON headcount (rec_from);

CREATE TABLE restructure (
    rid INTEGER PRIMARY KEY,
    event_id TEXT NOT NULL,
    date TEXT NOT NULL,
    kind TEXT NOT NULL,
    from_unit_id TEXT,
    to_unit_id TEXT,
    document_id TEXT,
    extra TEXT,
    rec_from BIGINT NOT NULL,
    rec_to BIGINT,
    rec_cs BIGINT NOT NULL,
    end_cs BIGINT
);
CREATE INDEX restructure_current ON restructure (event_id, from_unit_id, to_unit_id) WHERE rec_to IS NULL;
CREATE INDEX restructure_recorded ON restructure (rec_from);
CREATE INDEX restructure_from ON restructure (from_unit_id) WHERE rec_to IS NULL;
CREATE INDEX restructure_to ON restructure (to_unit_id) WHERE rec_to IS NULL;

CREATE TABLE evaluations (
    rid INTEGER PRIMARY KEY,
    year INTEGER NOT NULL,
    subject_type TEXT NOT NULL,
    subject_id TEXT NOT NULL,
    category TEXT NOT NULL,
    rating TEXT NOT NULL,
    rated_by_id TEXT,
    decided_on TEXT,
    extra TEXT,
    rec_from BIGINT NOT NULL,
    rec_to BIGINT,
    rec_cs BIGINT NOT NULL,
    end_cs BIGINT
);
CREATE UNIQUE INDEX evaluations_current ON evaluations (year, subject_type, subject_id, category) WHERE rec_to IS NULL;
CREATE INDEX evaluations_recorded ON evaluations (rec_from);
CREATE INDEX evaluations_subject ON evaluations (subject_id) WHERE rec_to IS NULL;

CREATE TABLE plans (
    rid INTEGER PRIMARY KEY,
    term TEXT NOT NULL,
    unit_id TEXT NOT NULL,
    role TEXT NOT NULL,
    person_id TEXT NOT NULL,
    added_on TEXT NOT NULL,
    removed_on TEXT,
    removal_reason TEXT,
    document_id TEXT,
    extra TEXT,
    rec_from BIGINT NOT NULL,
    rec_to BIGINT,
    rec_cs BIGINT NOT NULL,
    end_cs BIGINT
);
CREATE UNIQUE INDEX plans_current ON plans (term, unit_id, role, person_id) WHERE rec_to IS NULL;
CREATE INDEX plans_recorded ON plans (rec_from);
CREATE INDEX plans_person ON plans (person_id) WHERE rec_to IS NULL;
