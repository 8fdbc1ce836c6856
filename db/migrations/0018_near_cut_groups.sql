-- Schema version 18: what the search of a near-duplicate group cut at the bucket cap found, and sketches
-- kept current by triggers (issue 20).
-- Such a group (a dense agent's filings) was searched again on every refresh, even when nothing in
-- it had changed: a kept pair similar in another group need not be a candidate where buckets were
-- cut, so the kept pairs alone could not say. Now the group keeps its own similar pairs, and an
-- unchanged group is read back (docs/risk.md, "Kept judgements"). Derived data, like the rest.
ALTER TABLE near_groups ADD COLUMN found BLOB;       -- a group cut at the cap: its similar pairs (a, b, shared), 8-byte little-endian integers
ALTER TABLE near_groups ADD COLUMN cut_sizes BLOB;   -- the sizes of its buckets cut, 8-byte little-endian integers

-- A kept sketch is told current by the workspace itself, not by digesting every text on every
-- refresh (a quarter of a later refresh at a million cases): changing a case's title or abstract
-- deletes its sketch, and changing where it takes part in the search (its kind, applicant, agent or
-- filing date) clears its row's `placed`. `digest` now says only what else a sketch was made for
-- (the minimum length of text compared), `placed` is NULL for a case moved since its row was written.
CREATE TRIGGER case_sketches_texts AFTER UPDATE OF title, abstract ON cases BEGIN
    DELETE FROM case_sketches WHERE case_id = old.id;
END;
CREATE TRIGGER case_sketches_placement AFTER UPDATE OF ip_type, applicant, agent, filing_date ON cases BEGIN
    UPDATE case_sketches SET placed = NULL WHERE case_id = old.id;
END;
-- Sketches kept before these triggers may be of texts changed since: all made again by the next
-- refresh, and the judgements kept with them judged again.
DELETE FROM case_sketches;
DELETE FROM near_pairs;
DELETE FROM near_groups;
