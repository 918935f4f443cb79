-- 0010: the people list and its search read from indexes, not from memory
-- (issue 12). Every people row keeps its Vietnamese sort key (textvn's
-- collation key of the given name, then of the family and middle names,
-- compared bytewise: a BLOB compares with memcmp) and its folded name
-- (lowercase, no diacritics, đ → d). The record writer computes both for
-- every row it writes; Migrate back-fills the rows written before (Go code:
-- the key is computed by the collator). Pages walk (sort_key, id) from the
-- last row shown; the search matches whole words of the folded name through
-- an FTS5 index kept by triggers (every recorded row, so readings as
-- recorded at a past time search too).
ALTER TABLE people ADD COLUMN sort_key BLOB;
ALTER TABLE people ADD COLUMN folded TEXT;
CREATE INDEX people_sorted ON people (sort_key, id) WHERE rec_to IS NULL;
CREATE INDEX people_unkeyed ON people (rid) WHERE sort_key IS NULL;
CREATE VIRTUAL TABLE people_words USING fts5(folded, content='people', content_rowid='rid');
CREATE TRIGGER people_words_insert AFTER INSERT ON people BEGIN INSERT INTO people_words (rowid, folded) VALUES (new.rid, new.folded); END;
CREATE TRIGGER people_words_update AFTER UPDATE OF folded ON people BEGIN INSERT INTO people_words (people_words, rowid, folded) SELECT 'delete', old.rid, old.folded WHERE old.folded IS NOT NULL; INSERT INTO people_words (rowid, folded) VALUES (new.rid, new.folded); END;
CREATE TRIGGER people_words_delete AFTER DELETE ON people BEGIN INSERT INTO people_words (people_words, rowid, folded) SELECT 'delete', old.rid, old.folded WHERE old.folded IS NOT NULL; END;
