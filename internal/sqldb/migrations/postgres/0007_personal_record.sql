-- 0007: the personal record of bundle-v1 amendment 1: citizen id (12 digits), birthplace,
-- hometown, residence and general education of a person.
ALTER TABLE people ADD COLUMN citizen_id TEXT;
ALTER TABLE people ADD COLUMN birthplace TEXT;
ALTER TABLE people ADD COLUMN hometown TEXT;
ALTER TABLE people ADD COLUMN residence TEXT;
ALTER TABLE people ADD COLUMN general_education TEXT;
CREATE INDEX people_citizen_id ON people (citizen_id) WHERE citizen_id IS NOT NULL AND rec_to IS NULL;
CREATE INDEX people_birth ON people (birth_date) WHERE rec_to IS NULL;
