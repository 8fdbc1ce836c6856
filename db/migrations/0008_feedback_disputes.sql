-- Schema version 8: feedback to examiners and their disputes (issue 15).
-- Each examiner gets a PDF letter and a response workbook listing their findings; the
-- workbook comes back with Agree / Disagree and a reason per finding; the manager decides
-- each dispute (uphold, overturn, change the severity).

-- The key that signs response workbooks (HMAC-SHA256): a returned file is matched to the
-- findings it was written with, and a finding edited by hand is found. It never leaves this
-- workspace (work packages do not copy this table).
CREATE TABLE workspace_secret (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    secret  TEXT NOT NULL
);
INSERT INTO workspace_secret (id, secret) VALUES (1, lower(hex(randomblob(32))));

-- Each finding as it was sent to its examiner: the ID the letter, the response workbook and
-- `disputes decide --finding ID` use. Sent again unchanged, a finding keeps its ID; changed
-- by its reviewer since, it is a new finding (its old responses stay with the old one).
CREATE TABLE feedback_findings (
    id          INTEGER PRIMARY KEY,
    review_id   INTEGER NOT NULL REFERENCES reviews(id),
    item_id     TEXT NOT NULL,
    case_id     INTEGER NOT NULL REFERENCES cases(id),
    examiner    TEXT NOT NULL,
    answer      TEXT NOT NULL,
    severity    TEXT,
    category    TEXT,
    comment     TEXT NOT NULL DEFAULT '',
    digest      TEXT NOT NULL,          -- sha256 of what was sent (review uid, item, answer, severity, category, comment)
    issued_at   TEXT NOT NULL,
    issued_by   TEXT NOT NULL DEFAULT '',
    UNIQUE (review_id, item_id, digest)
);
CREATE INDEX feedback_findings_examiner ON feedback_findings(examiner);

-- Each response workbook written, and the findings it lists.
CREATE TABLE feedback_files (
    id          TEXT PRIMARY KEY,       -- a random UUID, written into the file
    examiner    TEXT NOT NULL,
    scope       TEXT NOT NULL,          -- JSON: round, period, department
    language    TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL DEFAULT '',
    deadline    TEXT NOT NULL           -- responses are due by this date (round's response days, default 14)
);
CREATE TABLE feedback_file_findings (
    file_id     TEXT NOT NULL REFERENCES feedback_files(id),
    finding_id  INTEGER NOT NULL REFERENCES feedback_findings(id),
    PRIMARY KEY (file_id, finding_id)
);
CREATE INDEX feedback_file_findings_finding ON feedback_file_findings(finding_id);   -- a finding's deadlines

-- Each response read back from a returned workbook.
CREATE TABLE dispute_responses (
    id            INTEGER PRIMARY KEY,
    finding_id    INTEGER NOT NULL REFERENCES feedback_findings(id),
    response      TEXT NOT NULL CHECK (response IN ('agree', 'disagree')),
    reason        TEXT NOT NULL DEFAULT '',
    responded_by  TEXT NOT NULL,        -- the examiner the file was written for
    file_id       TEXT NOT NULL REFERENCES feedback_files(id),
    file_sha256   TEXT NOT NULL,
    imported_at   TEXT NOT NULL,
    imported_by   TEXT NOT NULL DEFAULT '',
    late          INTEGER NOT NULL DEFAULT 0   -- the finding had been decided already: kept, not applied
);
CREATE INDEX dispute_responses_finding ON dispute_responses(finding_id);
CREATE INDEX dispute_responses_file ON dispute_responses(file_sha256);

-- The manager's decision on a disputed finding; what the answer was before, so the figures
-- before disputes can be told.
CREATE TABLE dispute_decisions (
    id             INTEGER PRIMARY KEY,
    finding_id     INTEGER NOT NULL UNIQUE REFERENCES feedback_findings(id),
    decision       TEXT NOT NULL CHECK (decision IN ('uphold', 'overturn', 'severity')),
    old_answer     TEXT NOT NULL,
    old_severity   TEXT,
    new_answer     TEXT NOT NULL,
    new_severity   TEXT,
    verdict_before TEXT,
    verdict_after  TEXT,
    reason         TEXT NOT NULL,
    decided_by     TEXT NOT NULL,
    decided_at     TEXT NOT NULL
);

-- How many days examiners have to respond to a round's feedback.
ALTER TABLE rounds ADD COLUMN response_days INTEGER NOT NULL DEFAULT 14;
