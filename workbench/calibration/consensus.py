"""The consensus of a calibration case: after the blind phase the manager (or the group, on one
screen) records the agreed answer per item with a note. It is a review of its own, role
'consensus', in the calibration round, written through `workbench.review.reviews` so every
answer is audited like any other; completed, it is the review that counts for the case.
"""
from __future__ import annotations

import sqlite_utils

from foundation.errors import WorkbenchError, register
from workbench.audit import chain
from workbench.calibration.rounds import get_calibration_round
from workbench.calibration.sheet import case_sheet, unanimous
from workbench.review import reviews
from workbench.review.reviews import Assessment, Review

register({
    "calibration.not_in_round": "Case {case} is not in calibration round {name!r}.",
})


def consensus_review(db: sqlite_utils.Database, round_name: str | int, case_id: int) -> Review | None:
    """The case's consensus review in the round, if one was started."""
    rnd = get_calibration_round(db, round_name)
    row = db.execute("SELECT id FROM reviews WHERE round_id = ? AND case_id = ? AND role = 'consensus'"
                     " ORDER BY id DESC LIMIT 1", [rnd.id, case_id]).fetchone()
    return reviews.get_review(db, row[0]) if row else None


def open_consensus(db: sqlite_utils.Database, round_name: str | int, case_id: int, *, actor: str) -> Review:
    """The case's consensus review, opened for `actor` when none exists; refused while the round
    is blind. Someone else's unfinished consensus is taken over (audited), as any review is."""
    rnd = get_calibration_round(db, round_name)
    if not rnd.closed:
        raise WorkbenchError("calibration.not_closed", name=rnd.name)
    case = next((c for c in rnd.cases if c.case_id == case_id), None)
    if case is None:
        raise WorkbenchError("calibration.not_in_round", case=case_id, name=rnd.name)
    existing = consensus_review(db, rnd.id, case_id)
    if existing is not None:
        if existing.reviewer != actor and existing.status not in reviews.REVIEWED_STATUSES:
            return reviews.take_over(db, existing.id, actor=actor, reason="consensus of a calibration case")
        return existing
    with db.atomic():
        now = chain.now_iso()
        checklist_id = rnd.checklists[case.ip_type]
        review_id = db.execute(
            "INSERT INTO reviews (case_id, checklist_id, reviewer, status, created_at, updated_at, round_id, role)"
            " VALUES (?, ?, ?, 'open', ?, ?, ?, 'consensus')", [case_id, checklist_id, actor, now, now, rnd.id]).lastrowid
        chain.record(db, actor=actor, entity="review", entity_id=review_id, action="open",
                     new={"checklist_id": checklist_id, "reviewer": actor, "round_id": rnd.id, "role": "consensus"},
                     case_id=case_id)
    return reviews.get_review(db, review_id)


def set_consensus_answer(db: sqlite_utils.Database, round_name: str | int, case_id: int, item_id: str,
                         answer: str | None, *, actor: str, severity: str | None = None,
                         category: str | None = None, note: str | None = None) -> Assessment:
    """Record the agreed answer to one item (with the group's note as its comment), audited."""
    review = open_consensus(db, round_name, case_id, actor=actor)
    return reviews.set_answer(db, review.id, item_id, answer, actor=actor, severity=severity, category=category,
                              comment=note)


def record_unanimous(db: sqlite_utils.Database, round_name: str | int, case_id: int, *, actor: str) -> int:
    """Record as the consensus every item the reviewers answered alike (`sheet.unanimous`) and the
    consensus has no answer for yet, in checklist order, skipping items the consensus answers so
    far hide; each answer audited. The group then settles only where they differ. Returns how
    many answers were recorded."""
    sheet = case_sheet(db, round_name, case_id, actor=actor)
    if sheet.blind:
        raise WorkbenchError("calibration.not_closed", name=sheet.round.name)
    agreed = {k: a.answer for k, a in sheet.consensus_answers.items()}
    recorded = 0
    for row in sheet.rows:
        answer = unanimous(sheet, row.item.id)
        if answer is None or row.item.id in agreed:
            continue
        if row.item not in sheet.checklist.visible_items(agreed):
            continue
        set_consensus_answer(db, sheet.round.id, case_id, row.item.id, answer.answer, actor=actor,
                             severity=answer.severity, category=answer.category)
        agreed[row.item.id] = answer.answer
        recorded += 1
    return recorded


def complete_consensus(db: sqlite_utils.Database, round_name: str | int, case_id: int, *, actor: str) -> Assessment:
    """Complete the consensus review: from now on it is the case's review in quality figures."""
    review = open_consensus(db, round_name, case_id, actor=actor)
    return reviews.complete(db, review.id, actor=actor)
