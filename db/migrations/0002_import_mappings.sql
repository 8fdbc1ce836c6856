-- Schema version 2: remembered column mappings for import (issue 4).
-- When a person maps a file's columns by hand, the mapping is kept under the signature of
-- the file's header row, so the next file with the same headers imports without asking.

CREATE TABLE import_mappings (
    signature  TEXT PRIMARY KEY,    -- SHA-256 of the normalised header texts, in order
    headers    TEXT NOT NULL,       -- JSON list of the header texts as the file shows them
    mapping    TEXT NOT NULL,       -- JSON object: header text -> case field, or 'extra'
    saved_at   TEXT NOT NULL,
    used_at    TEXT                 -- last import that used it
);

-- The parameters of each row issue's reason (JSON), so the window can show the reason in
-- the user's language; the English text stays in reason.
ALTER TABLE import_issues ADD COLUMN params TEXT;
