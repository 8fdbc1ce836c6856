-- Schema version 3: review workflow (sign-off, reopen, search) (issue 5).

-- Who signed a review off, and when. Signing off locks the review; reopening (with a
-- reason, kept in the audit log) clears these again.
ALTER TABLE reviews ADD COLUMN signed_off_at TEXT;
ALTER TABLE reviews ADD COLUMN signed_off_by TEXT;

-- The queue filters by reviewer.
CREATE INDEX reviews_reviewer ON reviews(reviewer, case_id);

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
