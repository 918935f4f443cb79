-- 0002: what the standard indicators (indicators-v1) need to be fast.
-- member_periods is derived data, not a record of its own: the periods during which each person
-- is a party member, with the party organization and whether probationary, as party events and
-- people.died_on held now (rec_to IS NULL) imply them. valid_to is the first day the state no
-- longer holds ('9999-12-31' = still holds). tochuc refreshes it when change sets were recorded
-- after member_periods_state (see sqldb/indicators_members.go); nothing else writes it.
CREATE TABLE member_periods (
    person_id TEXT NOT NULL,
    unit_id TEXT,
    probationary INTEGER NOT NULL,
    valid_from DATE NOT NULL,
    valid_to DATE NOT NULL
);
-- members at D: not ended by D, less those starting after D; probationary ones; by person; by organization
CREATE INDEX member_periods_to ON member_periods (valid_to);
CREATE INDEX member_periods_from ON member_periods (valid_from);
CREATE INDEX member_periods_probationary ON member_periods (probationary, valid_to, valid_from);
CREATE INDEX member_periods_person ON member_periods (person_id, valid_from, valid_to);
CREATE INDEX member_periods_unit ON member_periods (unit_id, valid_to, valid_from, probationary, person_id);

CREATE TABLE member_periods_state (
    id BIGINT PRIMARY KEY,
    last_cs BIGINT NOT NULL,
    cs_count BIGINT NOT NULL
);

-- The indexes the indicator queries read by (most are covering: no row is read).
-- units of a kind existing at a date; "the unit of kind K of locality L"
CREATE INDEX units_kind_valid ON units (kind, valid_from, valid_to, id, ownership) WHERE rec_to IS NULL;
CREATE INDEX units_locality_kind ON units (locality_id, kind, valid_from, valid_to, id) WHERE rec_to IS NULL;
-- posts in a unit by role; a person's other posts (concurrency); recruitments by date
CREATE INDEX assignments_unit_role ON assignments (unit_id, role, valid_from, valid_to, person_id) WHERE rec_to IS NULL;
CREATE INDEX assignments_person_role ON assignments (person_id, role, valid_from, valid_to, unit_id) WHERE rec_to IS NULL;
CREATE INDEX assignments_how ON assignments (how, valid_from) WHERE rec_to IS NULL;
-- whether a person died by a date (who holds no role); a level held by a date; the latest headcount
CREATE INDEX people_died ON people (id, died_on) WHERE rec_to IS NULL;
CREATE INDEX qualifications_level ON qualifications (person_id, kind, level, obtained_on) WHERE rec_to IS NULL;
CREATE INDEX headcount_latest ON headcount (unit_id, date, actual) WHERE rec_to IS NULL;
