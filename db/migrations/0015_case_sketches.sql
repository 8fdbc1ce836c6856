-- Schema version 15: each case's near-duplicate sketch kept between risk refreshes (issue 20).
-- Sketching a text (3-grams, their hashes, the MinHash band keys) is most of a refresh's work in
-- pure Python; kept here, a refresh sketches only the texts that are new or changed, which it
-- tells by the digest. Derived data, rewritten by workbench.risk (never edited by hand): deleting
-- every row only makes the next refresh sketch everything again.
CREATE TABLE case_sketches (
    case_id INTEGER PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
    digest  BLOB NOT NULL,     -- 8 bytes: BLAKE2b of the minimum length, the title and the abstract
    field   TEXT CHECK (field IN ('abstract', 'title')),   -- the text compared; NULL: neither long enough
    grams   BLOB,              -- its sorted distinct 3-gram hashes, 4 bytes each, little-endian
    bands   BLOB               -- its band keys, 8 bytes each, little-endian
);
