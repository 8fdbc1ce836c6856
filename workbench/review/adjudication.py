"""A manager's decision on a disputed finding, applied to the review it came from.

Overturning a finding turns the failing answer into the item's passing one; changing its
severity keeps the fail with the new severity. Either way the review's verdict and score are
recomputed by `reviews.assess`, the code that computes every verdict, and the change is one
audited answer entry (action 'adjudicate', written by the manager) like any other answer, so
`verify` reads it as the answer's latest state. The decision is the manager's, so it applies
to a completed or signed-off review without reopening it or taking it over.
"""
from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils

from foundation.errors import WorkbenchError, register
from workbench.audit import chain
from workbench.review.checklist_store import load_stored
from workbench.review.reviews import Answer, Assessment, _answer_dict, assess, get_answers, get_review

register({
    "adjudication.not_a_finding": "Review {review_id} has no failing answer to item {item_id}; there is nothing "
                                  "to decide.",
    "adjudication.no_pass": "Item {item_id} has no passing answer, so its finding cannot be overturned; change "
                            "its severity instead.",
    "adjudication.bad_severity": "Severity {severity!r} is not allowed for item {item_id} ({allowed}).",
})


@dataclass(frozen=True)
class Adjudicated:
    old: Answer
    new: Answer
    before: Assessment
    after: Assessment


def adjudicate(db: sqlite_utils.Database, review_id: int, item_id: str, *, overturn: bool = False,
               severity: str | None = None, actor: str) -> Adjudicated:
    """Overturn the finding (`overturn`) or give it `severity`; in the caller's transaction."""
    review = get_review(db, review_id)
    checklist = load_stored(db, review.checklist_id)
    answers = get_answers(db, review_id)
    old = answers.get(item_id)
    if old is None or old.outcome != "fail":
        raise WorkbenchError("adjudication.not_a_finding", review_id=review_id, item_id=item_id)
    item = checklist.item(item_id)
    if overturn:
        option = item.option_for_outcome("pass")
        if option is None:
            raise WorkbenchError("adjudication.no_pass", item_id=item_id)
        new = Answer(item_id, option.code, "pass", None, None, old.comment)
    else:
        if severity not in item.severities:
            raise WorkbenchError("adjudication.bad_severity", severity=severity, item_id=item_id,
                                 allowed=", ".join(item.severities))
        new = Answer(item_id, old.answer, "fail", severity, old.category, old.comment)
    before = assess(checklist, answers)
    after = assess(checklist, {**answers, item_id: new})
    now = chain.now_iso()
    db.execute("UPDATE answers SET answer = ?, outcome = ?, severity = ?, category = ?, answered_at = ?"
               " WHERE review_id = ? AND item_id = ?",
               [new.answer, new.outcome, new.severity, new.category, now, review_id, item_id])
    db.execute("UPDATE reviews SET verdict = CASE WHEN status IN ('completed', 'signed_off') THEN ? ELSE verdict END,"
               " score = ?, updated_at = ? WHERE id = ?", [after.verdict, after.score, now, review_id])
    chain.record(db, actor=actor, entity="answer", entity_id=f"{review_id}/{item_id}", action="adjudicate",
                 old=_answer_dict(old), new=_answer_dict(new), case_id=review.case_id)
    return Adjudicated(old, new, before, after)
