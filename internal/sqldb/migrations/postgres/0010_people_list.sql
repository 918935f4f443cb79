-- 0010: the people list and its search read from indexes, not from memory
-- (issue 12). Every people row keeps its Vietnamese sort key (textvn's
-- collation key of the given name, then of the family and middle names,
-- compared bytewise: bytea compares with memcmp) and its folded name
-- (lowercase, no diacritics, đ → d). The record writer computes both for
-- every row it writes; Migrate back-fills the rows written before (Go code:
-- the key is computed by the collator). Pages walk (sort_key, id) from the
-- last row shown; the search matches whole words of the folded name through
-- a GIN index of its words (the 'simple' configuration: no stemming, no
-- stop words), for the registry as it stands.
ALTER TABLE people ADD COLUMN sort_key BYTEA;
ALTER TABLE people ADD COLUMN folded TEXT;
CREATE INDEX people_sorted ON people (sort_key, id) WHERE rec_to IS NULL;
CREATE INDEX people_unkeyed ON people (rid) WHERE sort_key IS NULL;
CREATE INDEX people_words ON people USING GIN (to_tsvector('simple', folded)) WHERE rec_to IS NULL;
