"""Each examiner's findings in a scope, and the ID each finding sent carries.

The findings are those the quality figures count: failing answers of the counted review of each
case in the scope (a round's own completed or signed-off reviews, or in "All cases" the
review that stands for the case), the same rows as the workbook's Findings sheet. A scope may
be narrowed to one department or one examiner.

Sending a finding records what was sent (`feedback_findings`): sent again unchanged it keeps
its ID; changed by its reviewer since, it gets a new one, and responses to the old wording
stay with the old ID.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Iterable, Mapping, Sequence

import sqlite_utils

from workbench.report.figures import REVIEWED_STATUSES, ReportFilter, Scope, resolve_scope
from workbench.review.checklist_store import load_stored
from workbench.review.checklists import Checklist, Item


@dataclass(frozen=True)
class Finding:
    """One finding as an examiner receives it."""
    review_id: int
    review_uid: str
    item_id: str
    case_id: int
    application_number: str
    ip_type: str
    title: str
    examiner: str
    department: str
    reviewer: str
    checklist_id: int
    answer: str
    severity: str | None
    category: str | None
    comment: str
    decision_date: str | None
    id: int | None = None                  # feedback_findings.id once sent

    def digest(self) -> str:
        """What was sent, as a digest: the same finding sent twice has the same one."""
        content = [self.review_uid, self.item_id, self.answer, self.severity, self.category, self.comment]
        return hashlib.sha256(json.dumps(content, ensure_ascii=False).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class FeedbackScope:
    """What feedback covers: a round or a period (the report's filter), and optionally one
    department or one examiner."""
    filter: ReportFilter
    department: str | None = None
    examiner: str | None = None

    def as_json(self) -> dict[str, object]:
        f = self.filter
        return {"round": f.round_name, "from": f.date_from.isoformat() if f.date_from else None,
                "to": f.date_to.isoformat() if f.date_to else None, "department": self.department,
                "examiner": self.examiner}


_FIELDS = ("r.id, r.uid, a.item_id, c.id, c.application_number, c.ip_type, COALESCE(c.title, ''),"
           " COALESCE(c.examiner, ''), COALESCE(c.department, ''), r.reviewer, r.checklist_id, a.answer,"
           " a.severity, a.category, a.comment, c.decision_date")


def scope_findings(db: sqlite_utils.Database, scope: FeedbackScope) -> dict[str, list[Finding]]:
    """examiner -> their findings in the scope, by application number and item; examiners
    with no finding are left out (they have nothing to answer)."""
    resolved: Scope = resolve_scope(db, scope.filter)
    cte, params = resolved.cte()
    where = []
    if scope.department is not None:
        where.append("c.department = :department")
        params["department"] = scope.department
    if scope.examiner is not None:
        where.append("c.examiner = :examiner")
        params["examiner"] = scope.examiner
    counted = ", ".join(f"'{s}'" for s in REVIEWED_STATUSES)
    sql = (f"{cte} SELECT {_FIELDS} FROM scope s JOIN cases c ON c.id = s.case_id"
           f" JOIN reviews r ON r.id = s.review_id AND r.status IN ({counted})"
           " JOIN answers a ON a.review_id = r.id AND a.outcome = 'fail'"
           + (" WHERE " + " AND ".join(where) if where else "")
           + " ORDER BY c.examiner, c.application_number, a.item_id")
    result: dict[str, list[Finding]] = {}
    for row in db.execute(sql, params):
        finding = Finding(*row)
        result.setdefault(finding.examiner, []).append(finding)
    return result


@dataclass(frozen=True)
class ScopeCount:
    """What sending feedback for a scope would cover, for a preview before anything is written."""
    examiners: tuple[str, ...]      # the examiners who would get a letter, by name
    findings: int                   # their findings (the ones sent)
    without_examiner: int = 0       # findings of cases that name no examiner: no one to send them to


def count_scope(db: sqlite_utils.Database, scope: FeedbackScope) -> ScopeCount:
    """Who would get feedback for the scope and with how many findings, grouped as `send_feedback`
    groups them; raises as `scope_findings` does (an unknown round)."""
    groups = scope_findings(db, scope)
    without = len(groups.pop("", []))
    return ScopeCount(tuple(sorted(groups)), sum(len(g) for g in groups.values()), without)


def issue(db: sqlite_utils.Database, findings: Iterable[Finding], *, actor: str, now: str) -> list[Finding]:
    """Record the findings as sent (in the caller's transaction); each comes back with its ID."""
    sent = []
    for f in findings:
        digest = f.digest()
        row = db.execute("SELECT id FROM feedback_findings WHERE review_id = ? AND item_id = ? AND digest = ?",
                         [f.review_id, f.item_id, digest]).fetchone()
        if row is None:
            finding_id = db.execute(
                "INSERT INTO feedback_findings (review_id, item_id, case_id, examiner, answer, severity, category,"
                " comment, digest, issued_at, issued_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [f.review_id, f.item_id, f.case_id, f.examiner, f.answer, f.severity, f.category, f.comment,
                 digest, now, actor]).lastrowid
        else:
            finding_id = row[0]
        sent.append(Finding(**{**f.__dict__, "id": finding_id}))
    return sent


def sent_finding(db: sqlite_utils.Database, finding_id: int) -> Finding | None:
    """A finding as it was sent, by its ID (the review and case as they are now)."""
    row = db.execute(
        "SELECT r.id, r.uid, ff.item_id, c.id, c.application_number, c.ip_type, COALESCE(c.title, ''),"
        " ff.examiner, COALESCE(c.department, ''), r.reviewer, r.checklist_id, ff.answer, ff.severity, ff.category,"
        " ff.comment, c.decision_date, ff.id FROM feedback_findings ff JOIN reviews r ON r.id = ff.review_id"
        " JOIN cases c ON c.id = ff.case_id WHERE ff.id = ?", [finding_id]).fetchone()
    return Finding(*row) if row else None


class ChecklistTexts:
    """The frozen checklist of each finding, read once: item texts, guidance and references."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db
        self._cache: dict[int, Checklist] = {}

    def checklist(self, checklist_id: int) -> Checklist:
        if checklist_id not in self._cache:
            self._cache[checklist_id] = load_stored(self.db, checklist_id)
        return self._cache[checklist_id]

    def item(self, finding: Finding) -> Item | None:
        return self.item_in(finding.checklist_id, finding.item_id)

    def item_in(self, checklist_id: int, item_id: str) -> Item | None:
        try:
            return self.checklist(checklist_id).item(item_id)
        except KeyError:
            return None


def by_examiner(findings: Sequence[Finding]) -> Mapping[str, list[Finding]]:
    grouped: dict[str, list[Finding]] = {}
    for f in findings:
        grouped.setdefault(f.examiner, []).append(f)
    return grouped
