-- Schema version 17: the near-duplicate judgements kept between risk refreshes (issue 20).
-- Judging a candidate pair (the exact Jaccard similarity of two texts' 3-gram hashes) was most of
-- a warm refresh's work. A refresh now keeps the pairs it found similar and, per group it searched
-- whole, how many cases the group had; a later refresh reads a pair's judgement back instead of
-- judging it again when docs/risk.md ("Kept judgements") shows it must be the same. Derived data,
-- rewritten by workbench.risk: deleting every row only makes the next refresh judge everything.
ALTER TABLE case_sketches ADD COLUMN placed BLOB;              -- 8 bytes: BLAKE2b of the kind, applicant, agent, filing date
ALTER TABLE case_sketches ADD COLUMN made INTEGER NOT NULL DEFAULT 0;   -- the generation that wrote the row
CREATE TABLE near_pairs (
    a      INTEGER NOT NULL,   -- case ids, a < b; no foreign key: a deleted case's id is sketched anew if reused
    b      INTEGER NOT NULL,
    shared INTEGER NOT NULL,   -- 3-gram hashes the two texts share (the similarity follows from their counts)
    PRIMARY KEY (a, b)
) WITHOUT ROWID;
CREATE INDEX near_pairs_b ON near_pairs (b);
CREATE TABLE near_groups (
    key     BLOB PRIMARY KEY,  -- BLAKE2b of the group (kind, name) and the settings its search used; X'' the generation counter
    members INTEGER NOT NULL,  -- its cases when it was searched whole
    run     INTEGER NOT NULL,  -- the generation that searched it
    cut     INTEGER NOT NULL   -- 1: a band bucket of it was cut at the cap then
) WITHOUT ROWID;
