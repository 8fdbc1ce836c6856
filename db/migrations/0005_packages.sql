-- Schema version 5: work packages (issue 8). A manager exports one package per reviewer of a
-- round; each reviewer works offline in it; the manager merges the packages back.
-- Rows are matched across workspaces by identities that do not depend on a file's row ids:
-- a case by its application number, a checklist by template, version and digest, and a round
-- or a review by the uid given here (a random UUID, set by a trigger so no writer needs to know).

ALTER TABLE reviews ADD COLUMN uid TEXT;
UPDATE reviews SET uid = lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4'
    || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (random() & 3), 1)
    || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))
    WHERE uid IS NULL;
CREATE UNIQUE INDEX reviews_uid ON reviews(uid);
CREATE TRIGGER reviews_uid_on_insert AFTER INSERT ON reviews FOR EACH ROW WHEN NEW.uid IS NULL
BEGIN
    UPDATE reviews SET uid = lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4'
        || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (random() & 3), 1)
        || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))
        WHERE id = NEW.id;
END;

ALTER TABLE rounds ADD COLUMN uid TEXT;
UPDATE rounds SET uid = lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4'
    || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (random() & 3), 1)
    || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))
    WHERE uid IS NULL;
CREATE UNIQUE INDEX rounds_uid ON rounds(uid);
CREATE TRIGGER rounds_uid_on_insert AFTER INSERT ON rounds FOR EACH ROW WHEN NEW.uid IS NULL
BEGIN
    UPDATE rounds SET uid = lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4'
        || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (random() & 3), 1)
        || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))
        WHERE id = NEW.id;
END;

-- The identity of this workspace, named in the packages it exports.
CREATE TABLE workspace_info (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    uid         TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
INSERT INTO workspace_info (id, uid, created_at) VALUES (1,
    lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4'
    || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (random() & 3), 1)
    || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))),
    strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));

-- In a work package: one row saying what it is. Empty in every other workspace.
CREATE TABLE package_info (
    id                INTEGER PRIMARY KEY CHECK (id = 1),
    format_version    INTEGER NOT NULL,
    package_id        TEXT NOT NULL,              -- uuid4 of this package
    round_uid         TEXT NOT NULL,
    round_name        TEXT NOT NULL,
    reviewer          TEXT NOT NULL,
    created_at        TEXT NOT NULL,
    created_by        TEXT NOT NULL DEFAULT '',
    source_workspace  TEXT NOT NULL,              -- workspace_info.uid of the manager's workspace
    audit_count       INTEGER NOT NULL,           -- the audit log as the package left: its length
    audit_head        TEXT NOT NULL               -- and the hash of its last entry
);

-- The state each review left with (canonical JSON: the review row and its answers, rows
-- referenced by identity). In a package: what its reviews are compared against on merge.
-- In the manager's workspace: the same for each package exported, moved on to the state
-- merged each time the package is merged, so a later copy of it merges cleanly.
CREATE TABLE package_bases (
    package_id  TEXT NOT NULL,
    review_uid  TEXT NOT NULL,
    state       TEXT NOT NULL,
    PRIMARY KEY (package_id, review_uid)
);

-- The manager's workspace: each package exported.
CREATE TABLE package_exports (
    package_id   TEXT PRIMARY KEY,
    round_id     INTEGER NOT NULL REFERENCES rounds(id),
    reviewer     TEXT NOT NULL,
    file_name    TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    created_by   TEXT NOT NULL DEFAULT '',
    cases        INTEGER NOT NULL,
    reviews      INTEGER NOT NULL,
    audit_count  INTEGER NOT NULL,
    audit_head   TEXT NOT NULL
);

-- The manager's workspace: each package file merged (a file merged again is recognised by its digest).
CREATE TABLE package_merges (
    id                INTEGER PRIMARY KEY,
    package_id        TEXT NOT NULL,
    file_name         TEXT NOT NULL,
    sha256            TEXT NOT NULL,
    merged_at         TEXT NOT NULL,
    merged_by         TEXT NOT NULL DEFAULT '',
    round_id          INTEGER REFERENCES rounds(id),
    reviewer          TEXT NOT NULL,
    reviews_added     INTEGER NOT NULL DEFAULT 0,
    reviews_updated   INTEGER NOT NULL DEFAULT 0,
    reviews_kept      INTEGER NOT NULL DEFAULT 0,
    conflicts         INTEGER NOT NULL DEFAULT 0,   -- items changed on both sides, resolved by the manager
    audit_entries     INTEGER NOT NULL DEFAULT 0,
    active_seconds    REAL NOT NULL DEFAULT 0,      -- review time added
    summary           TEXT NOT NULL DEFAULT '{}'    -- JSON: what changed, per review
);
CREATE INDEX package_merges_sha256 ON package_merges(sha256);
CREATE INDEX package_merges_package ON package_merges(package_id);

-- Audit entries written first in another workspace and copied in (re-chained here): the hash
-- they had where they were first written, so the same entry is never copied twice.
CREATE TABLE audit_origins (
    audit_id     INTEGER PRIMARY KEY REFERENCES audit_log(id),
    origin_hash  TEXT NOT NULL UNIQUE,
    package_id   TEXT NOT NULL
);
