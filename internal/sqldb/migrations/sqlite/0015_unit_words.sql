-- 0015: the unit picker filters in the database. Every units row keeps the words of its name,
-- folded (lowercase, no diacritics, đ → d) and joined by single spaces, so that "every word typed
-- starts a word of the name" is a LIKE per word in SQL instead of reading every unit into the
-- application. The record writer computes it for every row it writes; Migrate back-fills the rows
-- written before (found through units_unfolded). A row without it is still offered to the picker's
-- own check (never missed).
ALTER TABLE units ADD COLUMN words TEXT;
CREATE INDEX units_unfolded ON units (rid) WHERE words IS NULL;
