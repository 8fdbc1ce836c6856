-- Schema version 18: what each near-duplicate group's search found, and sketches kept current by
-- triggers and read in two parts (issue 20).
--
-- A group (an applicant's or an agent's patent filings) keeps the similar pairs its last search found,
-- with their counts of shared 3-gram hashes, and the sizes of any buckets it cut at the cap: an
-- unchanged group is read back from them, not searched (before, a group whose buckets were cut was
-- searched on every refresh: a kept pair similar in another group need not be its candidate).
ALTER TABLE near_groups ADD COLUMN found BLOB;       -- its similar pairs (a, b, shared), 8-byte little-endian integers
ALTER TABLE near_groups ADD COLUMN cut_sizes BLOB;   -- the sizes of its buckets cut at the cap, likewise; NULL: none

-- A kept sketch in two parts: what a refresh reads of every compared case (the field compared, how
-- many distinct 3-gram hashes it has, whether and when it moved) and, apart, the hashes and band keys
-- themselves, read only for the cases of groups searched again. The workspace tells a sketch current
-- itself, instead of every text being digested on every refresh: changing a case's title or abstract
-- deletes its sketch, changing where it takes part (its kind, applicant, agent or filing date) clears
-- `placed`. The sketches kept before may be of texts changed since: all are made again by the next
-- refresh, and the judgements kept with them judged again.
DROP TABLE case_sketches;
CREATE TABLE case_sketches (
    case_id INTEGER PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
    digest  BLOB NOT NULL,     -- 8 bytes: BLAKE2b of what else it was made for (the minimum length compared)
    field   TEXT CHECK (field IN ('abstract', 'title')),   -- the text compared; NULL: neither long enough
    size    INTEGER,           -- its distinct 3-gram hashes
    placed  BLOB,              -- NULL: the case's kind, applicant, agent or filing date changed since
    made    INTEGER NOT NULL   -- the generation that wrote the row
);
CREATE TABLE case_grams (
    case_id INTEGER PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
    grams   BLOB NOT NULL,     -- its sorted distinct 3-gram hashes, 4 bytes each, little-endian
    bands   BLOB NOT NULL      -- its band keys, 8 bytes each, little-endian
);
CREATE TRIGGER case_sketches_texts AFTER UPDATE OF title, abstract ON cases BEGIN
    DELETE FROM case_sketches WHERE case_id = old.id;
    DELETE FROM case_grams WHERE case_id = old.id;
END;
CREATE TRIGGER case_sketches_placement AFTER UPDATE OF ip_type, applicant, agent, filing_date ON cases BEGIN
    UPDATE case_sketches SET placed = NULL WHERE case_id = old.id;
END;
DELETE FROM near_pairs;
DELETE FROM near_groups;
