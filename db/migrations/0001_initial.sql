-- Schema version 1: imports, cases, frozen checklist versions, reviews, answers, audit log.

CREATE TABLE imports (
    id            INTEGER PRIMARY KEY,
    file_name     TEXT NOT NULL,
    sha256        TEXT NOT NULL,
    imported_at   TEXT NOT NULL,
    mapping       TEXT NOT NULL DEFAULT '{}',   -- JSON: column header -> case field
    rows_read     INTEGER NOT NULL DEFAULT 0,
    accepted      INTEGER NOT NULL DEFAULT 0,
    unchanged     INTEGER NOT NULL DEFAULT 0,
    updated       INTEGER NOT NULL DEFAULT 0,
    rejected      INTEGER NOT NULL DEFAULT 0,
    skipped       INTEGER NOT NULL DEFAULT 0,
    duplicates    INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE import_issues (
    id          INTEGER PRIMARY KEY,
    import_id   INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
    line        INTEGER NOT NULL,
    column_name TEXT,
    value       TEXT,
    outcome     TEXT NOT NULL,       -- rejected, skipped, duplicate, conflict, warning
    code        TEXT NOT NULL,
    reason      TEXT NOT NULL
);
CREATE INDEX import_issues_import ON import_issues(import_id);

CREATE TABLE cases (
    id                 INTEGER PRIMARY KEY,
    application_number TEXT NOT NULL UNIQUE,
    ip_type            TEXT NOT NULL CHECK (ip_type IN ('invention', 'utility_model', 'design', 'trademark')),
    title              TEXT NOT NULL DEFAULT '',
    applicant          TEXT NOT NULL DEFAULT '',
    examiner           TEXT NOT NULL DEFAULT '',
    department         TEXT NOT NULL DEFAULT '',
    classification     TEXT NOT NULL DEFAULT '',
    procedure          TEXT NOT NULL DEFAULT '',
    decision           TEXT NOT NULL DEFAULT '',
    filing_date        TEXT,             -- ISO yyyy-mm-dd
    decision_date      TEXT,
    extra              TEXT NOT NULL DEFAULT '{}',   -- JSON of columns the mapping did not know
    import_id          INTEGER REFERENCES imports(id)
);
CREATE INDEX cases_ip_type ON cases(ip_type);
CREATE INDEX cases_examiner ON cases(examiner);
CREATE INDEX cases_department ON cases(department);
CREATE INDEX cases_import ON cases(import_id);

CREATE TABLE checklists (
    id           INTEGER PRIMARY KEY,
    template_id  TEXT NOT NULL,
    version      INTEGER NOT NULL,
    name_en      TEXT NOT NULL,
    name_zh      TEXT NOT NULL,
    definition   TEXT NOT NULL,      -- canonical JSON of the template; never edited once used
    sha256       TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    UNIQUE (template_id, version)
);

CREATE TABLE reviews (
    id              INTEGER PRIMARY KEY,
    case_id         INTEGER NOT NULL REFERENCES cases(id),
    checklist_id    INTEGER NOT NULL REFERENCES checklists(id),
    reviewer        TEXT NOT NULL,
    status          TEXT NOT NULL DEFAULT 'open'
                    CHECK (status IN ('open', 'in_progress', 'completed', 'signed_off')),
    verdict         TEXT CHECK (verdict IN ('error', 'defect', 'compliant')),
    score           REAL,
    active_seconds  REAL NOT NULL DEFAULT 0,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    completed_at    TEXT
);
CREATE INDEX reviews_case ON reviews(case_id);
CREATE INDEX reviews_status ON reviews(status);

CREATE TABLE answers (
    review_id    INTEGER NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
    item_id      TEXT NOT NULL,
    answer       TEXT NOT NULL,      -- a code of the item's scale (pass, fail, na, or e.g. strong)
    outcome      TEXT NOT NULL CHECK (outcome IN ('pass', 'fail', 'na')),
    severity     TEXT CHECK (severity IN ('critical', 'major', 'minor', 'advisory')),
    category     TEXT,
    comment      TEXT NOT NULL DEFAULT '',
    answered_at  TEXT NOT NULL,
    PRIMARY KEY (review_id, item_id)
);

-- A finding is a failing answer.
CREATE VIEW findings AS
    SELECT a.review_id, a.item_id, a.answer, a.severity, a.category, a.comment, a.answered_at
    FROM answers a WHERE a.outcome = 'fail';

CREATE TABLE audit_log (
    id         INTEGER PRIMARY KEY,
    at         TEXT NOT NULL,
    actor      TEXT NOT NULL,
    entity     TEXT NOT NULL,         -- review, answer, ...
    entity_id  TEXT NOT NULL,
    case_id    INTEGER,               -- the case it concerns, for the History panel
    action     TEXT NOT NULL,
    old_value  TEXT,                  -- JSON
    new_value  TEXT,                  -- JSON
    prev_hash  TEXT NOT NULL,
    hash       TEXT NOT NULL
);
CREATE INDEX audit_log_entity ON audit_log(entity, entity_id);
CREATE INDEX audit_log_case ON audit_log(case_id);
