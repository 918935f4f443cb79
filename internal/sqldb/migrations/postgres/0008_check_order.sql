-- 0008: the rule checks read people in the order of a key and then of id
-- (the duplicates of DQ-01 and DQ-02 side by side): index both columns so
-- that the read needs no sort.
DROP INDEX people_citizen_id;
DROP INDEX people_birth;
CREATE INDEX people_citizen_id ON people (citizen_id, id) WHERE citizen_id IS NOT NULL AND rec_to IS NULL;
CREATE INDEX people_birth ON people (birth_date, id) WHERE rec_to IS NULL;
