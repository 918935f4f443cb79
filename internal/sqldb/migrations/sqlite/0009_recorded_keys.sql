-- 0009: readings as recorded at a past time (or inside a change set) join
-- people and units by id under a recording-time condition: index the id
-- with the recording time, so that a join looks a row up rather than
-- scanning every row recorded before the time.
CREATE INDEX people_id_recorded ON people (id, rec_from);
CREATE INDEX units_id_recorded ON units (id, rec_from);
