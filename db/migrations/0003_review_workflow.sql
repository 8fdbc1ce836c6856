-- Schema version 3: review workflow (sign-off, reopen, search) (issue 5).

-- Who signed a review off, and when. Signing off locks the review; reopening (with a
-- reason, kept in the audit log) clears these again.
ALTER TABLE reviews ADD COLUMN signed_off_at TEXT;
ALTER TABLE reviews ADD COLUMN signed_off_by TEXT;

-- The queue filters by reviewer.
CREATE INDEX reviews_reviewer ON reviews(reviewer, case_id);

-- The latest review of each case, kept by triggers: the queue filters, sorts and counts
-- 100,000 cases by the status and verdict of their latest review, and looking that up
-- among all reviews for every case is too slow to feel instant.
CREATE TABLE latest_reviews (
    case_id    INTEGER PRIMARY KEY REFERENCES cases(id),
    review_id  INTEGER NOT NULL,
    status     TEXT NOT NULL,
    verdict    TEXT
);
CREATE INDEX latest_reviews_status ON latest_reviews(status, case_id);
CREATE INDEX latest_reviews_verdict ON latest_reviews(verdict, case_id);

CREATE TRIGGER latest_reviews_insert AFTER INSERT ON reviews BEGIN
    INSERT INTO latest_reviews (case_id, review_id, status, verdict)
    VALUES (new.case_id, new.id, new.status, new.verdict)
    ON CONFLICT (case_id) DO UPDATE SET review_id = excluded.review_id, status = excluded.status,
        verdict = excluded.verdict
    WHERE excluded.review_id >= latest_reviews.review_id;
END;

CREATE TRIGGER latest_reviews_update AFTER UPDATE OF status, verdict ON reviews BEGIN
    UPDATE latest_reviews SET status = new.status, verdict = new.verdict
    WHERE case_id = new.case_id AND review_id = new.id;
END;

CREATE TRIGGER latest_reviews_delete AFTER DELETE ON reviews BEGIN
    DELETE FROM latest_reviews WHERE case_id = old.case_id AND review_id = old.id;
    INSERT OR IGNORE INTO latest_reviews (case_id, review_id, status, verdict)
    SELECT case_id, id, status, verdict FROM reviews WHERE case_id = old.case_id ORDER BY id DESC LIMIT 1;
END;

INSERT INTO latest_reviews (case_id, review_id, status, verdict)
SELECT r.case_id, r.id, r.status, r.verdict FROM reviews r
WHERE r.id = (SELECT MAX(x.id) FROM reviews x WHERE x.case_id = r.case_id);

-- Search by application number, title or applicant. The trigram tokenizer matches any
-- substring of three or more characters, which suits Chinese titles and applicants (no
-- word boundaries) and parts of application numbers alike; shorter searches fall back
-- to LIKE. An external-content table: the text lives once, in cases.
CREATE VIRTUAL TABLE cases_fts USING fts5(
    application_number, title, applicant,
    content = 'cases', content_rowid = 'id', tokenize = 'trigram'
);

CREATE TRIGGER cases_fts_insert AFTER INSERT ON cases BEGIN
    INSERT INTO cases_fts (rowid, application_number, title, applicant)
    VALUES (new.id, new.application_number, new.title, new.applicant);
END;

CREATE TRIGGER cases_fts_delete AFTER DELETE ON cases BEGIN
    INSERT INTO cases_fts (cases_fts, rowid, application_number, title, applicant)
    VALUES ('delete', old.id, old.application_number, old.title, old.applicant);
END;

CREATE TRIGGER cases_fts_update AFTER UPDATE OF application_number, title, applicant ON cases BEGIN
    INSERT INTO cases_fts (cases_fts, rowid, application_number, title, applicant)
    VALUES ('delete', old.id, old.application_number, old.title, old.applicant);
    INSERT INTO cases_fts (rowid, application_number, title, applicant)
    VALUES (new.id, new.application_number, new.title, new.applicant);
END;

-- Index the cases of a workspace that is being upgraded.
INSERT INTO cases_fts (cases_fts) VALUES ('rebuild');
