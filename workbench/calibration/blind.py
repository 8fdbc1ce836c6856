"""Who may see a calibration review's answers while its round is blind.

A reviewer always sees their own review. Another reviewer's calibration review of a case is
hidden from an actor until the actor has completed (or signed off) their own review of that
case in the same round, and from anyone not reviewing in the round until the round is closed.
Regular and consensus reviews are never hidden. The window, work packages and exports ask here.
"""
from __future__ import annotations

import sqlite_utils

from workbench.audit import chain

#: A calibration review of an open round, not the actor's, whose case the actor has not
#: finished in that round: its id. Parameters: actor, actor.
_HIDDEN_SQL = (
    "SELECT r.id FROM reviews r JOIN rounds rd ON rd.id = r.round_id"
    " WHERE r.role = 'calibration' AND rd.closed_at IS NULL AND r.reviewer != ?"
    " AND NOT EXISTS (SELECT 1 FROM reviews own WHERE own.round_id = r.round_id AND own.case_id = r.case_id"
    " AND own.role = 'calibration' AND own.reviewer = ? AND own.status IN ('completed', 'signed_off'))")


def hidden_reviews(db: sqlite_utils.Database, actor: str, case_id: int | None = None) -> set[int]:
    """The ids of the reviews whose answers `actor` may not see now (of one case, or all)."""
    sql, params = _HIDDEN_SQL, [actor, actor]
    if case_id is not None:
        sql += " AND r.case_id = ?"
        params.append(case_id)
    return {row[0] for row in db.execute(sql, params)}


def can_see(db: sqlite_utils.Database, review_id: int, actor: str) -> bool:
    """Whether `actor` may see the review's answers now."""
    row = db.execute(_HIDDEN_SQL + " AND r.id = ?", [actor, actor, review_id]).fetchone()
    return row is None


def is_hidden_entry(entity: str, entity_id: str, hidden: set[int]) -> bool:
    """Whether an audit entry belongs to a hidden review (its own entry or one of its answers)."""
    if entity == "review":
        return entity_id.isdigit() and int(entity_id) in hidden
    if entity == "answer":
        head = entity_id.split("/", 1)[0]
        return head.isdigit() and int(head) in hidden
    return False


def visible_history(db: sqlite_utils.Database, case_id: int, actor: str) -> list[chain.AuditEntry]:
    """The case's audit trail (oldest first) without the entries of reviews `actor` may not see
    now: a History panel must not show, answer by answer, what the blind keeps back."""
    hidden = hidden_reviews(db, actor, case_id)
    entries = chain.history(db, case_id)
    if not hidden:
        return entries
    return [e for e in entries if not is_hidden_entry(e.entity, e.entity_id, hidden)]
