-- 0006: what changed between two dates (the compare view), read through the dates periods start
-- and end, and the units under a few units (the tree, scopes), without reading whole tables.
-- SQLite reads a partial index without the table only when every column the query names is in
-- the index, rec_to included (always NULL here): it ends each of these indexes. Two are SQLite's
-- only: PostgreSQL's planner, which has statistics, finds a scope's members and latest
-- headcounts through the indexes it has.
CREATE INDEX units_valid_from ON units (valid_from, valid_to, id, rec_to) WHERE rec_to IS NULL;
CREATE INDEX units_valid_to ON units (valid_to, valid_from, id, rec_to) WHERE rec_to IS NULL;
CREATE INDEX units_parent_valid ON units (parent_id, valid_from, valid_to, id, rec_to) WHERE rec_to IS NULL;
CREATE INDEX units_locality_valid ON units (locality_id, valid_from, valid_to, id, rec_to) WHERE rec_to IS NULL;
CREATE INDEX assignments_valid_from ON assignments (valid_from, unit_id, role, person_id, valid_to, rec_to) WHERE rec_to IS NULL;
CREATE INDEX assignments_valid_to ON assignments (valid_to, unit_id, role, person_id, valid_from, rec_to) WHERE rec_to IS NULL;
CREATE INDEX party_date ON party (date, event, person_id, rec_to) WHERE rec_to IS NULL;
CREATE INDEX party_person_date ON party (person_id, date, unit_id, rec_to) WHERE rec_to IS NULL;
CREATE INDEX restructure_date ON restructure (date, event_id) WHERE rec_to IS NULL;
CREATE INDEX headcount_at ON headcount (unit_id, date, actual, rec_to) WHERE rec_to IS NULL;
