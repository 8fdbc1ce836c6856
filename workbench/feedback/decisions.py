"""The manager's decisions on disputed findings, and the list of disputes.

A finding's state: no response yet, agreed by its examiner, disputed (open), or decided
(upheld, overturned, severity changed). A decision needs a reason; overturning or changing
the severity changes the review's answer through `workbench.review.adjudication`, so the
case's verdict is recomputed by the code that computes every verdict. Each decision is one
transaction with its audit entries (the answer's and the decision's, with the reason).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Sequence

import sqlite_utils

from foundation.errors import WorkbenchError, register
from workbench.audit import chain
from workbench.feedback.findings import sent_finding
from workbench.review.adjudication import adjudicate
from workbench.review.reviews import get_answers, get_review

register({
    "disputes.unknown_finding": "There is no finding with ID {finding_id} (IDs are in the letters and response "
                                "workbooks).",
    "disputes.reason": "A decision needs a reason; it is kept in the audit log.",
    "disputes.decided": "Finding {finding_id} was already decided ({decision}) on {at}.",
    "disputes.changed": "Finding {finding_id} was changed by its reviewer after it was sent; send the feedback "
                        "again and decide the new finding.",
    "disputes.decision": "Choose one decision: uphold, overturn, or a new severity.",
})

DECISIONS = ("uphold", "overturn", "severity")


@dataclass(frozen=True)
class Decision:
    finding_id: int
    decision: str
    verdict_before: str | None
    verdict_after: str | None
    new_severity: str | None


def decide(db: sqlite_utils.Database, finding_id: int, *, decision: str, reason: str, actor: str,
           severity: str | None = None) -> Decision:
    """Uphold, overturn or re-grade (decision 'severity' with `severity`) a finding sent."""
    reason = (reason or "").strip()
    if decision not in DECISIONS or (decision == "severity") != (severity is not None):
        raise WorkbenchError("disputes.decision")
    if not reason:
        raise WorkbenchError("disputes.reason")
    with db.atomic():
        finding = sent_finding(db, finding_id)
        if finding is None:
            raise WorkbenchError("disputes.unknown_finding", finding_id=finding_id)
        done = db.execute("SELECT decision, decided_at FROM dispute_decisions WHERE finding_id = ?",
                          [finding_id]).fetchone()
        if done is not None:
            raise WorkbenchError("disputes.decided", finding_id=finding_id, decision=done[0], at=done[1][:10])
        now_answer = get_answers(db, finding.review_id).get(finding.item_id)
        if now_answer is None or (now_answer.answer, now_answer.severity, now_answer.category, now_answer.comment) \
                != (finding.answer, finding.severity, finding.category, finding.comment):
            raise WorkbenchError("disputes.changed", finding_id=finding_id)
        verdict = get_review(db, finding.review_id).verdict
        new_answer, new_severity, after = finding.answer, finding.severity, verdict
        if decision != "uphold":
            done_change = adjudicate(db, finding.review_id, finding.item_id, overturn=decision == "overturn",
                                     severity=severity, actor=actor)
            new_answer, new_severity, after = done_change.new.answer, done_change.new.severity, \
                done_change.after.verdict
        now = chain.now_iso()
        db.execute("INSERT INTO dispute_decisions (finding_id, decision, old_answer, old_severity, new_answer,"
                   " new_severity, verdict_before, verdict_after, reason, decided_by, decided_at)"
                   " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   [finding_id, decision, finding.answer, finding.severity, new_answer, new_severity, verdict, after,
                    reason, actor, now])
        chain.record(db, actor=actor, entity="dispute", entity_id=finding_id, action=decision,
                     new={"reason": reason, "severity": new_severity, "verdict_before": verdict,
                          "verdict_after": after}, case_id=finding.case_id)
    return Decision(finding_id, decision, verdict, after, new_severity)


@dataclass(frozen=True)
class DisputeRow:
    """One finding sent, with its examiner's latest response and the decision, if any."""
    finding_id: int
    examiner: str
    application_number: str
    item_id: str
    severity: str | None
    reviewer: str
    comment: str
    response: str | None             # agree, disagree or None (no answer yet)
    reason: str
    responded_at: str | None
    deadline: str | None
    decision: str | None
    decision_reason: str
    checklist_id: int | None = None  # the review's frozen checklist, for the item's text

    @property
    def state(self) -> str:
        if self.decision:
            return "decided"
        return {"agree": "agreed", "disagree": "open"}.get(self.response or "", "no_response")

    def overdue(self, today: date) -> bool:
        """No response yet and the response deadline has passed."""
        return self.response is None and self.deadline is not None and self.deadline < today.isoformat()

    def as_json(self, today: date) -> dict[str, Any]:
        return {"finding": self.finding_id, "examiner": self.examiner, "case": self.application_number,
                "item": self.item_id, "severity": self.severity, "reviewer": self.reviewer,
                "comment": self.comment, "response": self.response, "reason": self.reason,
                "responded_at": self.responded_at, "deadline": self.deadline, "state": self.state,
                "overdue": self.overdue(today), "decision": self.decision, "decision_reason": self.decision_reason}


_LIST_SQL = """
SELECT ff.id, ff.examiner, c.application_number, ff.item_id, ff.severity, r.reviewer, ff.comment,
       (SELECT dr.response FROM dispute_responses dr WHERE dr.finding_id = ff.id AND dr.late = 0
        ORDER BY dr.id DESC LIMIT 1),
       COALESCE((SELECT dr.reason FROM dispute_responses dr WHERE dr.finding_id = ff.id AND dr.late = 0
        ORDER BY dr.id DESC LIMIT 1), ''),
       (SELECT dr.imported_at FROM dispute_responses dr WHERE dr.finding_id = ff.id AND dr.late = 0
        ORDER BY dr.id DESC LIMIT 1),
       (SELECT MAX(f.deadline) FROM feedback_file_findings fx JOIN feedback_files f ON f.id = fx.file_id
        WHERE fx.finding_id = ff.id),
       dd.decision, COALESCE(dd.reason, ''), r.checklist_id
FROM feedback_findings ff JOIN reviews r ON r.id = ff.review_id JOIN cases c ON c.id = ff.case_id
LEFT JOIN dispute_decisions dd ON dd.finding_id = ff.id
ORDER BY ff.examiner, c.application_number, ff.item_id, ff.id
"""


def dispute_rows(db: sqlite_utils.Database) -> list[DisputeRow]:
    """Every finding sent, with its response and decision."""
    return [DisputeRow(*row) for row in db.execute(_LIST_SQL)]


# What the Disputes view can show: disputes waiting for a decision (the default), responses
# overdue, each state, or every finding sent with the open disputes first.
SELECTIONS = ("open", "overdue", "no_response", "agreed", "decided", "all")
_ORDER = {"open": 0, "no_response": 1, "agreed": 2, "decided": 3}


def select_rows(rows: Sequence[DisputeRow], which: str, today: date) -> list[DisputeRow]:
    """The rows of one selection (SELECTIONS); 'all' puts open disputes first, then the findings
    without a response (overdue first), the agreed and the decided, each in the list's order."""
    if which == "all":
        return sorted(rows, key=lambda r: (_ORDER[r.state], not r.overdue(today)))
    if which == "overdue":
        return [r for r in rows if r.overdue(today)]
    if which not in _ORDER:
        raise ValueError(which)
    return [r for r in rows if r.state == which]


def recorded_decision(db: sqlite_utils.Database, finding_id: int) -> Decision | None:
    """The decision taken on a finding, with the case's verdict before and after it; None if undecided."""
    row = db.execute("SELECT finding_id, decision, verdict_before, verdict_after, new_severity"
                     " FROM dispute_decisions WHERE finding_id = ?", [finding_id]).fetchone()
    return Decision(*row) if row else None
