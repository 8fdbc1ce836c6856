-- Schema version 9: pendency targets (issue 16).
-- The office publishes each year how long an application of each IP type may take from filing
-- to decision; the workspace keeps the target in force per IP type, and the trend reports the
-- share of cases decided within it. Each change is an audit entry ('pendency_target', the IP
-- type, 'set' or 'clear', with the old and new days), so a share can be traced to the target
-- it was measured against.
CREATE TABLE pendency_targets (
    ip_type  TEXT PRIMARY KEY CHECK (ip_type IN ('invention', 'utility_model', 'design', 'trademark')),
    days     INTEGER NOT NULL CHECK (days > 0),
    set_at   TEXT NOT NULL,
    set_by   TEXT NOT NULL DEFAULT ''
);
