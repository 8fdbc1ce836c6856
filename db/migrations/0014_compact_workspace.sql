-- Schema version 14: a smaller workspace (issue 20: 1.6 GB at one million cases).
--
-- The audit log's index by entity held every entry's entity id too (answers' ids such as
-- "93852/novelty": 178 MB at a million cases). Its readers look up the few entries of an entity
-- (the coverage baseline, a reviewer's names) or read all entries of one entity in order; those
-- need the entity alone. The one lookup of an answer's entries (a merge reconciling its answers)
-- goes by the case (audit_log_case) instead.
DROP INDEX audit_log_entity;
CREATE INDEX audit_log_entity ON audit_log(entity);
