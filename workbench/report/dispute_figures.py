"""The figures of feedback and disputes (issue 15), for the workbook's Disputes sheet, its Summary
and the Dashboard: compliance before and after the manager's decisions, the dispute and overturn
rates per checklist item and per reviewer, and what is past its response deadline.

Read straight from the feedback tables (feedback_findings, feedback_files, dispute_responses,
dispute_decisions), as the report reads rounds, so workbench.report never imports
workbench.feedback (which imports the report).

Definitions:
- scope: the report's (a round, a period); a finding sent belongs to it when its case does and,
  for a round, when it came from one of that round's reviews;
- a finding's state: as the Disputes list tells it (workbench.feedback.decisions.DisputeRow): its
  examiner's latest response that was applied (a response to a finding already decided is kept
  but not applied), and the decision if any; decided, disputed (Disagree, no decision yet: open),
  agreed, or no response;
- disputed: the examiner disagreed, or the finding was decided (a decision settles a dispute);
  dispute rate = findings disputed / findings sent;
- overturn rate = findings overturned or re-graded / findings decided;
- compliance after disputes: today's compliance, the report's own figure; before disputes: the
  same figure with every decided finding's answer put back as it was when decided, each review's
  verdict assessed again from its frozen checklist (`reviews.assess`, the code behind every
  verdict). A review with several decisions is assessed with all of them undone, which the
  verdict stored with its later decisions (taken after the first) cannot tell;
- past the deadline: not yet answered, or disputed and not yet decided, after the latest
  response deadline of the files that listed the finding (`today` is given, never read here).
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Iterable

import sqlite_utils

from workbench.report.figures import (
    COMPLIANT_VERDICTS,
    REVIEWED_STATUSES,
    Report,
    ReportFilter,
    Scope,
    compute_report,
)
from workbench.report.items import ChecklistCache
from workbench.report.strata import Design, Estimate
from workbench.review.checklist_store import load_stored
from workbench.review.checklists import Checklist, Text
from workbench.review.reviews import Answer, assess, get_answers

CHANGING = ("overturn", "severity")        # decisions that change the finding's answer


@dataclass(frozen=True)
class DisputeCounts:
    """Findings sent of a group (all, a checklist item, a reviewer), by what became of them."""
    sent: int = 0
    agreed: int = 0
    disputed: int = 0              # disagreed or decided
    open: int = 0                  # disagreed, awaiting a decision
    decided: int = 0
    upheld: int = 0
    overturned: int = 0
    regraded: int = 0              # severity changed

    @property
    def changed(self) -> int:
        """Decided otherwise than the finding said: overturned or re-graded."""
        return self.overturned + self.regraded

    @property
    def no_response(self) -> int:
        return self.sent - self.agreed - self.disputed

    @property
    def dispute_rate(self) -> float | None:
        return self.disputed / self.sent if self.sent else None

    @property
    def overturn_rate(self) -> float | None:
        return self.changed / self.decided if self.decided else None


@dataclass(frozen=True)
class ItemDisputes:
    """A checklist item (merged across the versions of its template, as on the By checklist item sheet)."""
    template_id: str
    checklist: Text
    item_id: str
    text: Text | None              # None: the stored checklist no longer parses
    reference: str
    counts: DisputeCounts


@dataclass(frozen=True)
class ReviewerDisputes:
    reviewer: str
    counts: DisputeCounts


@dataclass(frozen=True)
class PastDeadline:
    """A finding still unanswered, or disputed and undecided, after its response deadline."""
    finding_id: int
    examiner: str
    application_number: str
    item_id: str
    reviewer: str
    deadline: date
    days: int                      # days past the deadline
    state: str                     # no_response or open


@dataclass(frozen=True)
class DisputeFigures:
    scope: Scope
    today: date
    totals: DisputeCounts
    reviewed: int                  # reviewed cases, as in the report
    compliant_before: int
    compliant_after: int
    compliance_before: Estimate    # the report's estimator (stratified estimate or Wilson)
    compliance_after: Estimate     # the report's compliance
    verdicts_changed: int          # reviews whose verdict the decisions changed
    items: tuple[ItemDisputes, ...]          # the most overturned first
    reviewers: tuple[ReviewerDisputes, ...]  # the most overturned first
    past_deadline: tuple[PastDeadline, ...]  # the longest overdue first

    @property
    def any_sent(self) -> bool:
        return self.totals.sent > 0

    @property
    def any_disputed(self) -> bool:
        return self.totals.disputed > 0

    @property
    def unanswered_past_deadline(self) -> int:
        return sum(1 for p in self.past_deadline if p.state == "no_response")

    @property
    def open_past_deadline(self) -> int:
        return sum(1 for p in self.past_deadline if p.state == "open")

    def most_overturned(self, limit: int = 5) -> tuple[ItemDisputes, ...]:
        """The items with a finding overturned or re-graded, the most first (for the Dashboard)."""
        return tuple(i for i in self.items if i.counts.changed)[:limit]


# -- reading --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Sent:
    """One finding sent in the scope, with its response and decision."""
    id: int
    review_id: int
    item_id: str
    examiner: str
    category: str | None
    comment: str
    reviewer: str
    checklist_id: int
    application_number: str
    response: str | None
    deadline: str | None
    decision: str | None
    old_answer: str | None
    old_severity: str | None

    @property
    def state(self) -> str:
        if self.decision:
            return "decided"
        return {"agree": "agreed", "disagree": "open"}.get(self.response or "", "no_response")


# The deadlines in one grouped pass: feedback_file_findings is keyed (file, finding), so a lookup by
# finding alone would scan it once per finding.
_SENT_SQL = """
, deadlines(finding_id, deadline) AS (
    SELECT fx.finding_id, MAX(f.deadline) FROM feedback_file_findings fx JOIN feedback_files f ON f.id = fx.file_id
    GROUP BY fx.finding_id)
SELECT ff.id, ff.review_id, ff.item_id, ff.examiner, ff.category, ff.comment, r.reviewer, r.checklist_id,
       c.application_number,
       (SELECT dr.response FROM dispute_responses dr WHERE dr.finding_id = ff.id AND dr.late = 0
        ORDER BY dr.id DESC LIMIT 1),
       dl.deadline, dd.decision, dd.old_answer, dd.old_severity
FROM feedback_findings ff
JOIN cases c ON c.id = ff.case_id
JOIN reviews r ON r.id = ff.review_id
LEFT JOIN deadlines dl ON dl.finding_id = ff.id
LEFT JOIN dispute_decisions dd ON dd.finding_id = ff.id
WHERE ff.case_id IN (SELECT case_id FROM scope) AND (:finding_round IS NULL OR r.round_id = :finding_round)
ORDER BY dd.decided_at, dd.id, ff.id
"""


def _sent(db: sqlite_utils.Database, scope: Scope) -> list[_Sent]:
    """The findings sent in the scope; decided ones in the order they were decided."""
    cte, params = scope.cte()
    params["finding_round"] = scope.round.id if scope.round is not None else None
    return [_Sent(*row) for row in db.execute(f"{cte}{_SENT_SQL}", params)]


def any_sent(db: sqlite_utils.Database, scope: Scope) -> bool:
    """Whether a finding of the scope was sent (DisputeFigures.any_sent) without the figures."""
    return bool(_sent(db, scope))


def _counted(db: sqlite_utils.Database, scope: Scope) -> list[tuple[Any, int, str | None, int]]:
    """(stratum, review id, verdict, checklist id) of every reviewed case of the scope."""
    cte, params = scope.cte()
    statuses = ", ".join(f"'{s}'" for s in REVIEWED_STATUSES)
    return db.execute(f"{cte} SELECT s.design_key, r.id, r.verdict, r.checklist_id FROM scope s"
                      f" JOIN reviews r ON r.id = s.review_id AND r.status IN ({statuses})", params).fetchall()


# -- computing ------------------------------------------------------------------------------------

@dataclass
class _Tally:
    counts: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def add(self, finding: _Sent) -> None:
        c = self.counts
        c["sent"] += 1
        state = finding.state
        if state == "agreed":
            c["agreed"] += 1
        elif state in ("open", "decided"):
            c["disputed"] += 1
            if state == "open":
                c["open"] += 1
        if state == "decided":
            c["decided"] += 1
            c[{"uphold": "upheld", "overturn": "overturned", "severity": "regraded"}[finding.decision or ""]] += 1

    def frozen(self) -> DisputeCounts:
        return DisputeCounts(**self.counts)


def _order(counts: DisputeCounts) -> tuple[Any, ...]:
    """The most overturned first: how many findings were overturned or re-graded, then the share of
    decisions that did, then how many were disputed."""
    rate = counts.overturn_rate
    return (-counts.changed, -(rate if rate is not None else -1.0), -counts.disputed, -counts.sent)


def _items(findings: Iterable[_Sent], checklists: ChecklistCache) -> tuple[ItemDisputes, ...]:
    tallies: dict[tuple[str, str], _Tally] = defaultdict(_Tally)
    newest: dict[tuple[str, str], int] = {}          # the highest checklist id of each item: its newest text
    for f in findings:
        key = (checklists.template_id(f.checklist_id), f.item_id)
        tallies[key].add(f)
        newest[key] = max(newest.get(key, 0), f.checklist_id)
    rows = []
    for key, tally in tallies.items():
        checklist: Checklist | None = checklists.get(newest[key])
        try:
            item = checklist.item(key[1]) if checklist is not None else None
        except KeyError:
            item = None
        rows.append(ItemDisputes(key[0], checklists.name(newest[key]), key[1], item.text if item else None,
                                 item.reference if item else "", tally.frozen()))
    return tuple(sorted(rows, key=lambda r: (_order(r.counts), r.template_id, r.item_id)))


def _reviewers(findings: Iterable[_Sent]) -> tuple[ReviewerDisputes, ...]:
    tallies: dict[str, _Tally] = defaultdict(_Tally)
    for f in findings:
        tallies[f.reviewer].add(f)
    rows = [ReviewerDisputes(name, tally.frozen()) for name, tally in tallies.items()]
    return tuple(sorted(rows, key=lambda r: (_order(r.counts), r.reviewer)))


def _past_deadline(findings: Iterable[_Sent], today: date) -> tuple[PastDeadline, ...]:
    rows = []
    for f in findings:
        if f.state not in ("no_response", "open") or not f.deadline or f.deadline[:10] >= today.isoformat():
            continue
        try:
            deadline = date.fromisoformat(f.deadline[:10])
        except ValueError:
            continue                   # a deadline that is not a date: nothing can be said of it
        rows.append(PastDeadline(f.id, f.examiner, f.application_number, f.item_id, f.reviewer, deadline,
                                 (today - deadline).days, f.state))
    return tuple(sorted(rows, key=lambda p: (-p.days, p.examiner, p.application_number, p.item_id, p.finding_id)))


def _verdicts_before(db: sqlite_utils.Database, findings: Iterable[_Sent],
                    review_ids: set[int]) -> dict[int, str]:
    """review id -> its verdict with every decided change of its answers undone (only the reviews in
    `review_ids` that a decision changed). The first decision of an item holds its answer as sent."""
    restored: dict[int, dict[str, Answer]] = defaultdict(dict)
    checklist_of: dict[int, int] = {}
    for f in findings:             # in the order decided
        if f.decision not in CHANGING or f.review_id not in review_ids or f.old_answer is None:
            continue
        checklist_of[f.review_id] = f.checklist_id
        restored[f.review_id].setdefault(
            f.item_id, Answer(f.item_id, f.old_answer, "fail", f.old_severity, f.category, f.comment))
    verdicts = {}
    checklists: dict[int, Checklist] = {}
    for review_id, old in restored.items():
        checklist_id = checklist_of[review_id]
        if checklist_id not in checklists:
            checklists[checklist_id] = load_stored(db, checklist_id)
        verdicts[review_id] = assess(checklists[checklist_id], {**get_answers(db, review_id), **old}).verdict
    return verdicts


def _design(report: Report) -> Design:
    """The report's estimator: its round's strata when its rates are stratified estimates."""
    if report.design is not None and report.design.unequal:
        return report.design
    if not report.weighted:
        return Design({}, {}, report.confidence)
    return Design({s.name: s.population for s in report.strata}, {s.name: s.reviewed for s in report.strata},
                  report.confidence)


def dispute_figures(db: sqlite_utils.Database, report_filter: ReportFilter | Scope, *, today: date,
                    report: Report | None = None) -> DisputeFigures:
    """The dispute figures of the report's scope; `report` (of the same scope) saves computing it again."""
    report = report if report is not None else compute_report(db, report_filter)
    scope = report.scope
    findings = _sent(db, scope)
    totals = _Tally()
    for f in findings:
        totals.add(f)
    before, compliant_before, changed = report.overall.compliance, report.overall.compliant, 0
    if any(f.decision in CHANGING for f in findings):      # otherwise nothing changed a verdict
        before, compliant_before, changed = _compliance_before(db, report, findings)
    return DisputeFigures(
        scope=scope, today=today, totals=totals.frozen(), reviewed=report.reviewed,
        compliant_before=compliant_before, compliant_after=report.overall.compliant,
        compliance_before=before, compliance_after=report.overall.compliance, verdicts_changed=changed,
        items=_items(findings, ChecklistCache(db)), reviewers=_reviewers(findings),
        past_deadline=_past_deadline(findings, today))


def _compliance_before(db: sqlite_utils.Database, report: Report,
                       findings: list[_Sent]) -> tuple[Estimate, int, int]:
    """Compliance before disputes with the report's estimator, its compliant cases, and how many
    reviews the decisions changed the verdict of."""
    counted = _counted(db, report.scope)
    before = _verdicts_before(db, findings, {review_id for _s, review_id, _v, _c in counted})
    per_stratum: dict[Any, list[int]] = defaultdict(lambda: [0, 0])     # reviewed, compliant before
    changed = 0
    for stratum, review_id, verdict, _checklist in counted:
        old = before.get(review_id, verdict)
        changed += old != verdict
        counts = per_stratum[stratum]
        counts[0] += 1
        counts[1] += old in COMPLIANT_VERDICTS
    rate = _design(report).rate({h: (c[0], c[1]) for h, c in per_stratum.items()})
    return rate, sum(c[1] for c in per_stratum.values()), changed
