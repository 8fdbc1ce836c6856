-- Schema version 12: the audit log keeps each entry's hash as its 32 bytes (it was 64 hex
-- characters) and no longer stores prev_hash, the previous entry's hash, which verify reads from
-- that entry. About 100 bytes less an entry: 4.1 million entries of a million-case workspace
-- take 0.4 GB less. Entries are hashed as before (over the previous hash in hex), so every
-- entry keeps its hash and every anchor written before still matches.
--
-- Nothing an edit behind the application's back left is lost: a hash that is not 64 lowercase
-- hex digits (only an edit writes one) is kept as the text it was, and a prev_hash that is not
-- the hash of the entry before it is kept in audit_prev_hashes (empty for an intact log), so
-- verify names an upgraded log's breaks as before. unhex() is SQLite's (3.41) or, on an older
-- SQLite, the same function db/migrate.py gives the connection.

CREATE TABLE audit_prev_hashes (
    audit_id   INTEGER PRIMARY KEY,   -- the entry whose stored prev_hash was not its predecessor's hash
    prev_hash  TEXT NOT NULL          -- as it was stored
);
-- (The entry before each found by its id, not by a window function: 4 times faster, nothing buffered.)
INSERT INTO audit_prev_hashes (audit_id, prev_hash)
    SELECT a.id, a.prev_hash FROM audit_log a
    WHERE a.prev_hash IS NOT COALESCE(
        (SELECT b.hash FROM audit_log b WHERE b.id < a.id ORDER BY b.id DESC LIMIT 1),
        '0000000000000000000000000000000000000000000000000000000000000000');

-- audit_origins refers to audit_log: set aside while the log is rebuilt.
CREATE TEMP TABLE audit_origins_0011 AS SELECT audit_id, origin_hash, package_id FROM audit_origins;
DROP TABLE audit_origins;

CREATE TABLE audit_log_0011 (
    id         INTEGER PRIMARY KEY,
    at         TEXT NOT NULL,
    actor      TEXT NOT NULL,
    entity     TEXT NOT NULL,         -- review, answer, ...
    entity_id  TEXT NOT NULL,
    case_id    INTEGER,               -- the case it concerns, for the History panel
    action     TEXT NOT NULL,
    old_value  TEXT,                  -- JSON
    new_value  TEXT,                  -- JSON
    hash       BLOB NOT NULL          -- SHA-256 (32 bytes) of the previous hash in hex and this entry
);
INSERT INTO audit_log_0011 (id, at, actor, entity, entity_id, case_id, action, old_value, new_value, hash)
    SELECT id, at, actor, entity, entity_id, case_id, action, old_value, new_value,
           CASE WHEN typeof(hash) = 'text' AND length(hash) = 64 AND hash NOT GLOB '*[^0-9a-f]*'
                THEN unhex(hash) ELSE hash END
    FROM audit_log ORDER BY id;
DROP TABLE audit_log;
ALTER TABLE audit_log_0011 RENAME TO audit_log;
CREATE INDEX audit_log_entity ON audit_log(entity, entity_id);
CREATE INDEX audit_log_case ON audit_log(case_id);

CREATE TABLE audit_origins (
    audit_id     INTEGER PRIMARY KEY REFERENCES audit_log(id),
    origin_hash  BLOB NOT NULL UNIQUE,   -- the hash the entry had where it was first written (32 bytes)
    package_id   TEXT NOT NULL
);
INSERT INTO audit_origins (audit_id, origin_hash, package_id)
    SELECT audit_id,
           CASE WHEN typeof(origin_hash) = 'text' AND length(origin_hash) = 64
                     AND origin_hash NOT GLOB '*[^0-9a-f]*'
                THEN unhex(origin_hash) ELSE origin_hash END,
           package_id
    FROM temp.audit_origins_0011 ORDER BY audit_id;
DROP TABLE temp.audit_origins_0011;
