-- Schema version 6: one definition of "reviewed" (issue 11).
-- A case counts as reviewed when it has a completed or signed-off review; its figures come
-- from the latest such review (by completion time, then id). An open or in-progress review
-- never hides a completed one: it only stands for the case while nothing is completed.
-- latest_reviews keeps, per case, the review that stands for it in the "All cases" scope:
-- the latest completed or signed-off review, else the latest open or in-progress one.
-- (Schema 3 kept simply the newest review, so drawing a round over a reviewed case, which
-- opens a new review, hid the finished one from every count.)

DROP TRIGGER latest_reviews_insert;
DROP TRIGGER latest_reviews_update;
DROP TRIGGER latest_reviews_delete;

CREATE INDEX reviews_case_standing ON reviews(case_id, status, completed_at, id);

CREATE TRIGGER latest_reviews_insert AFTER INSERT ON reviews BEGIN
    DELETE FROM latest_reviews WHERE case_id = new.case_id;
    INSERT INTO latest_reviews (case_id, review_id, status, verdict)
    SELECT case_id, id, status, verdict FROM reviews WHERE case_id = new.case_id
    ORDER BY status IN ('completed', 'signed_off') DESC, completed_at DESC, id DESC LIMIT 1;
END;

CREATE TRIGGER latest_reviews_update AFTER UPDATE OF case_id, status, verdict, completed_at ON reviews BEGIN
    DELETE FROM latest_reviews WHERE case_id IN (old.case_id, new.case_id);
    INSERT INTO latest_reviews (case_id, review_id, status, verdict)
    SELECT case_id, id, status, verdict FROM reviews WHERE case_id = old.case_id
    ORDER BY status IN ('completed', 'signed_off') DESC, completed_at DESC, id DESC LIMIT 1;
    INSERT OR IGNORE INTO latest_reviews (case_id, review_id, status, verdict)
    SELECT case_id, id, status, verdict FROM reviews WHERE case_id = new.case_id
    ORDER BY status IN ('completed', 'signed_off') DESC, completed_at DESC, id DESC LIMIT 1;
END;

CREATE TRIGGER latest_reviews_delete AFTER DELETE ON reviews BEGIN
    DELETE FROM latest_reviews WHERE case_id = old.case_id;
    INSERT INTO latest_reviews (case_id, review_id, status, verdict)
    SELECT case_id, id, status, verdict FROM reviews WHERE case_id = old.case_id
    ORDER BY status IN ('completed', 'signed_off') DESC, completed_at DESC, id DESC LIMIT 1;
END;

DELETE FROM latest_reviews;
INSERT INTO latest_reviews (case_id, review_id, status, verdict)
SELECT case_id, id, status, verdict FROM (
    SELECT case_id, id, status, verdict, ROW_NUMBER() OVER (
        PARTITION BY case_id
        ORDER BY status IN ('completed', 'signed_off') DESC, completed_at DESC, id DESC) AS n
    FROM reviews)
WHERE n = 1;

-- A round's population leaves out cases that already have a completed review (unless asked
-- not to); how many were left out for that reason, beside `excluded` (drawn in earlier rounds).
ALTER TABLE rounds ADD COLUMN excluded_reviewed INTEGER NOT NULL DEFAULT 0;
