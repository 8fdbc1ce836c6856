-- Schema version 7: calibration rounds (issue 14).
-- In a calibration round every listed reviewer reviews every chosen case, blind, with the same
-- frozen checklist; after the round is closed a manager records the agreed (consensus) answer.
-- reviews.role says which kind of review a row is:
--   regular      an ordinary review (every review before schema 7);
--   calibration  one reviewer's blind review in a calibration round: it measures agreement and
--                never counts in quality figures (the case would otherwise count once per reviewer);
--   consensus    the agreed review of a calibration case: it counts as the case's review.
ALTER TABLE reviews ADD COLUMN role TEXT NOT NULL DEFAULT 'regular'
    CHECK (role IN ('regular', 'calibration', 'consensus'));
CREATE INDEX reviews_round_role ON reviews(round_id, role, case_id);

-- rounds.kind: sample (drawn for quality figures) or calibration. A calibration round is
-- blind until closed (closed_at set): no reviewer sees another's answers for a case before
-- completing their own, and nobody sees them all before the close.
ALTER TABLE rounds ADD COLUMN kind TEXT NOT NULL DEFAULT 'sample' CHECK (kind IN ('sample', 'calibration'));
ALTER TABLE rounds ADD COLUMN closed_at TEXT;
ALTER TABLE rounds ADD COLUMN closed_by TEXT;

-- latest_reviews (schema 6) now leaves calibration reviews out: a case's standing review is
-- its latest completed or signed-off regular or consensus review, else the latest open one.
DROP TRIGGER latest_reviews_insert;
DROP TRIGGER latest_reviews_update;
DROP TRIGGER latest_reviews_delete;

CREATE TRIGGER latest_reviews_insert AFTER INSERT ON reviews BEGIN
    DELETE FROM latest_reviews WHERE case_id = new.case_id;
    INSERT INTO latest_reviews (case_id, review_id, status, verdict)
    SELECT case_id, id, status, verdict FROM reviews WHERE case_id = new.case_id AND role != 'calibration'
    ORDER BY status IN ('completed', 'signed_off') DESC, completed_at DESC, id DESC LIMIT 1;
END;

CREATE TRIGGER latest_reviews_update AFTER UPDATE OF case_id, status, verdict, completed_at, role ON reviews BEGIN
    DELETE FROM latest_reviews WHERE case_id IN (old.case_id, new.case_id);
    INSERT INTO latest_reviews (case_id, review_id, status, verdict)
    SELECT case_id, id, status, verdict FROM reviews WHERE case_id = old.case_id AND role != 'calibration'
    ORDER BY status IN ('completed', 'signed_off') DESC, completed_at DESC, id DESC LIMIT 1;
    INSERT OR IGNORE INTO latest_reviews (case_id, review_id, status, verdict)
    SELECT case_id, id, status, verdict FROM reviews WHERE case_id = new.case_id AND role != 'calibration'
    ORDER BY status IN ('completed', 'signed_off') DESC, completed_at DESC, id DESC LIMIT 1;
END;

CREATE TRIGGER latest_reviews_delete AFTER DELETE ON reviews BEGIN
    DELETE FROM latest_reviews WHERE case_id = old.case_id;
    INSERT INTO latest_reviews (case_id, review_id, status, verdict)
    SELECT case_id, id, status, verdict FROM reviews WHERE case_id = old.case_id AND role != 'calibration'
    ORDER BY status IN ('completed', 'signed_off') DESC, completed_at DESC, id DESC LIMIT 1;
END;
