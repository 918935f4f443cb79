-- 0017: party members' casework (bundle-v1 amendment 1): an admission's ceremony and
-- introducers; party cards, temporary attendance, badges and awards; and party dues paid
-- (our own file until the spec adopts it).
ALTER TABLE party ADD COLUMN ceremony_on TEXT;
ALTER TABLE party ADD COLUMN introducer_ids TEXT;

CREATE TABLE party_cards (
    rid INTEGER PRIMARY KEY,
    person_id TEXT NOT NULL,
    number TEXT NOT NULL,
    issued_on TEXT NOT NULL,
    revoked_on TEXT,
    extra TEXT,
    rec_from BIGINT NOT NULL,
    rec_to BIGINT,
    rec_cs BIGINT NOT NULL,
    end_cs BIGINT
);
CREATE UNIQUE INDEX party_cards_current ON party_cards (number) WHERE rec_to IS NULL;
CREATE INDEX party_cards_person ON party_cards (person_id) WHERE rec_to IS NULL;
CREATE INDEX party_cards_recorded ON party_cards (rec_from);
CREATE INDEX party_cards_rec_cs ON party_cards (rec_cs);
CREATE INDEX party_cards_end_cs ON party_cards (end_cs) WHERE end_cs IS NOT NULL;

CREATE TABLE party_temporary (
    rid INTEGER PRIMARY KEY,
    person_id TEXT NOT NULL,
    unit_id TEXT NOT NULL,
    valid_from TEXT NOT NULL,
    valid_to TEXT,
    extra TEXT,
    rec_from BIGINT NOT NULL,
    rec_to BIGINT,
    rec_cs BIGINT NOT NULL,
    end_cs BIGINT
);
CREATE UNIQUE INDEX party_temporary_current ON party_temporary (person_id, unit_id, valid_from) WHERE rec_to IS NULL;
CREATE INDEX party_temporary_unit ON party_temporary (unit_id, valid_from) WHERE rec_to IS NULL;
CREATE INDEX party_temporary_recorded ON party_temporary (rec_from);
CREATE INDEX party_temporary_rec_cs ON party_temporary (rec_cs);
CREATE INDEX party_temporary_end_cs ON party_temporary (end_cs) WHERE end_cs IS NOT NULL;

CREATE TABLE awards (
    rid INTEGER PRIMARY KEY,
    person_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    date TEXT NOT NULL,
    document_id TEXT,
    extra TEXT,
    rec_from BIGINT NOT NULL,
    rec_to BIGINT,
    rec_cs BIGINT NOT NULL,
    end_cs BIGINT
);
CREATE UNIQUE INDEX awards_current ON awards (person_id, kind, date) WHERE rec_to IS NULL;
CREATE INDEX awards_date ON awards (date) WHERE rec_to IS NULL;
CREATE INDEX awards_recorded ON awards (rec_from);
CREATE INDEX awards_rec_cs ON awards (rec_cs);
CREATE INDEX awards_end_cs ON awards (end_cs) WHERE end_cs IS NOT NULL;

CREATE TABLE party_dues (
    rid INTEGER PRIMARY KEY,
    person_id TEXT NOT NULL,
    month TEXT NOT NULL,
    amount BIGINT NOT NULL,
    paid_on TEXT NOT NULL,
    unit_id TEXT,
    extra TEXT,
    rec_from BIGINT NOT NULL,
    rec_to BIGINT,
    rec_cs BIGINT NOT NULL,
    end_cs BIGINT
);
CREATE UNIQUE INDEX party_dues_current ON party_dues (person_id, month) WHERE rec_to IS NULL;
CREATE INDEX party_dues_unit ON party_dues (unit_id, month) WHERE rec_to IS NULL;
CREATE INDEX party_dues_recorded ON party_dues (rec_from);
CREATE INDEX party_dues_rec_cs ON party_dues (rec_cs);
CREATE INDEX party_dues_end_cs ON party_dues (end_cs) WHERE end_cs IS NOT NULL;
