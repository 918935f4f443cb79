-- 0012: lists paged in the database. A party organization's members on a date are read from
-- member_periods by organization in person order (a page stops after its rows, not after every
-- member); a comparison in a scope finds the people of the scope's party organizations through
-- party_unit_date (then their events by person); the audit log pages newest first by (at, id),
-- with or without a filter by user or action.
-- Person ids are ordered by their bytes (COLLATE "C"), as on SQLite.
CREATE INDEX member_periods_unit_person ON member_periods (unit_id, person_id COLLATE "C", valid_from, valid_to);
DROP INDEX audit_log_at;
DROP INDEX audit_log_user;
DROP INDEX audit_log_action;
CREATE INDEX audit_log_at ON audit_log (at, id);
CREATE INDEX audit_log_user ON audit_log (user_login, at, id);
CREATE INDEX audit_log_action ON audit_log (action, at, id);
CREATE INDEX party_unit_date ON party (unit_id, date, person_id) WHERE rec_to IS NULL;
