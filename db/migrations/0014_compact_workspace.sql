-- Schema version 14: a smaller workspace (issue 20: 1.6 GB at one million cases).
--
-- The answers are stored in the order of their key (review, item), WITHOUT ROWID: a rowid table
-- with that key kept a second copy of every key in its own index (130 MB at a million cases).
-- The application never reads an answer by rowid: every reader selects by review, reads them all
-- or sorts them; a review's answers came in key order already, through that index.
CREATE TABLE answers_0014 (
    review_id    INTEGER NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
    item_id      TEXT NOT NULL,
    answer       TEXT NOT NULL,      -- a code of the item's scale (pass, fail, na, or e.g. strong)
    outcome      TEXT NOT NULL CHECK (outcome IN ('pass', 'fail', 'na')),
    severity     TEXT CHECK (severity IN ('critical', 'major', 'minor', 'advisory')),
    category     TEXT,
    comment      TEXT NOT NULL DEFAULT '',
    answered_at  TEXT NOT NULL,
    PRIMARY KEY (review_id, item_id)
) WITHOUT ROWID;
DROP VIEW findings;   -- reads answers: made again, the same, once the new table has the name
INSERT INTO answers_0014 (review_id, item_id, answer, outcome, severity, category, comment, answered_at)
    SELECT review_id, item_id, answer, outcome, severity, category, comment, answered_at
    FROM answers ORDER BY review_id, item_id;
DROP TABLE answers;
ALTER TABLE answers_0014 RENAME TO answers;
CREATE VIEW findings AS
    SELECT a.review_id, a.item_id, a.answer, a.severity, a.category, a.comment, a.answered_at
    FROM answers a WHERE a.outcome = 'fail';

-- The audit log's index by entity held every entry's entity id too (answers' ids such as
-- "93852/novelty": 178 MB at a million cases). Its readers look up the few entries of an entity
-- (the coverage baseline, a reviewer's names) or read all entries of one entity in order; those
-- need the entity alone. The one lookup of an answer's entries (a merge reconciling its answers)
-- goes by the case (audit_log_case) instead.
DROP INDEX audit_log_entity;
CREATE INDEX audit_log_entity ON audit_log(entity);
