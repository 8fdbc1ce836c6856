"""The rows of the Cases, Findings and Answers sheets: one per case in scope; one per finding, and
one per answer, of the reviews the figures count (completed or signed off).

The figures (workbench.report.figures) count; these list exactly what they count, so a reader of
the workbook can recompute every figure from them: findings of reviews still in progress are
left out of Findings as they are of the Summary, and Answers holds the pass and N/A answers
too, so each checklist item's "applicable" and "failed" can be counted.
"""
from __future__ import annotations

from typing import Any, Iterator

import sqlite_utils

from workbench.report.figures import REVIEWED_STATUSES, Scope
from workbench.report.items import ChecklistCache

CASE_FIELDS = ("application_number", "ip_type", "title", "applicant", "examiner", "department",
               "classification", "procedure", "decision", "filing_date", "decision_date", "stratum",
               "status", "verdict", "score", "findings", "active_seconds", "reviewer", "completed_at")
ANSWER_FIELDS = ("application_number", "ip_type", "department", "examiner", "stratum", "checklist", "item_id",
                 "outcome", "severity", "category")
_COUNTED = "r.status IN ({})".format(", ".join(f"'{s}'" for s in REVIEWED_STATUSES))
FINDING_FIELDS = ("application_number", "ip_type", "title", "examiner", "department", "reviewer",
                  "item_id", "item_text", "severity", "category", "comment", "answered_at", "status")


def count_cases(db: sqlite_utils.Database, scope: Scope) -> int:
    cte, params = scope.cte()
    return db.execute(f"{cte} SELECT COUNT(*) FROM scope", params).fetchone()[0]


def count_findings(db: sqlite_utils.Database, scope: Scope) -> int:
    cte, params = scope.cte()
    return db.execute(f"{cte} SELECT COUNT(*) FROM scope s JOIN reviews r ON r.id = s.review_id AND {_COUNTED}"
                      " JOIN answers a ON a.review_id = s.review_id AND a.outcome = 'fail'", params).fetchone()[0]


def count_answers(db: sqlite_utils.Database, scope: Scope) -> int:
    cte, params = scope.cte()
    return db.execute(f"{cte} SELECT COUNT(*) FROM scope s JOIN reviews r ON r.id = s.review_id AND {_COUNTED}"
                      " JOIN answers a ON a.review_id = s.review_id", params).fetchone()[0]


def case_rows(db: sqlite_utils.Database, scope: Scope) -> Iterator[tuple[Any, ...]]:
    """One tuple per case in scope (fields CASE_FIELDS), reviewed or not, by application number."""
    cte, params = scope.cte()
    return db.execute(
        # The findings of counted reviews only, as the Findings sheet lists them and the Summary counts them.
        f"{cte}, counted(review_id, n) AS (SELECT a.review_id, COUNT(*) FROM scope s"
        f" JOIN reviews r ON r.id = s.review_id AND {_COUNTED}"
        " JOIN answers a ON a.review_id = s.review_id AND a.outcome = 'fail' GROUP BY a.review_id)"
        " SELECT c.application_number, c.ip_type, c.title, c.applicant, c.examiner, c.department,"
        " c.classification, c.procedure, c.decision, c.filing_date, c.decision_date, s.stratum,"
        " COALESCE(r.status, 'not_reviewed'), r.verdict, r.score, COALESCE(f.n, 0), r.active_seconds,"
        " r.reviewer, r.completed_at"
        " FROM scope s JOIN cases c ON c.id = s.case_id LEFT JOIN reviews r ON r.id = s.review_id"
        " LEFT JOIN counted f ON f.review_id = s.review_id ORDER BY c.application_number", params)


def finding_rows(db: sqlite_utils.Database, scope: Scope, language: str,
                 checklists: ChecklistCache | None = None) -> Iterator[tuple[Any, ...]]:
    """One tuple per finding of the counted reviews in scope (fields FINDING_FIELDS), item text and category
    label in the language. Findings of reviews still in progress are not listed: the figures do not
    count them (the status column says which of completed or signed off each review is)."""
    cte, params = scope.cte()
    checklists = checklists or ChecklistCache(db)
    texts: dict[tuple[int, str], str] = {}
    labels: dict[tuple[int, str | None], str] = {}
    for row in db.execute(
            f"{cte} SELECT c.application_number, c.ip_type, c.title, c.examiner, c.department, r.reviewer,"
            " r.checklist_id, a.item_id, a.severity, a.category, a.comment, a.answered_at, r.status"
            f" FROM scope s JOIN cases c ON c.id = s.case_id JOIN reviews r ON r.id = s.review_id AND {_COUNTED}"
            " JOIN answers a ON a.review_id = r.id AND a.outcome = 'fail'"
            " ORDER BY c.application_number, a.item_id", params):
        checklist_id, item_id, category = row[6], row[7], row[9]
        text = texts.get((checklist_id, item_id))
        if text is None:
            found = checklists.item_text(checklist_id, item_id)
            text = texts[(checklist_id, item_id)] = found.get(language) if found is not None else ""
        label = labels.get((checklist_id, category))
        if label is None:
            label = labels[(checklist_id, category)] = (
                checklists.category_label(checklist_id, category).get(language) if category else "")
        yield (row[0], row[1], row[2], row[3], row[4], row[5], item_id, text, row[8], label, row[10], row[11],
               row[12])


def answer_rows(db: sqlite_utils.Database, scope: Scope, language: str,
                checklists: ChecklistCache | None = None) -> Iterator[tuple[Any, ...]]:
    """One tuple per answer (pass, fail or N/A) of the counted reviews in scope (fields ANSWER_FIELDS):
    the checklist named as the By checklist item sheet names it, the category label in the language."""
    cte, params = scope.cte()
    checklists = checklists or ChecklistCache(db)
    names: dict[str, str] = {}
    labels: dict[tuple[int, str | None], str] = {}
    for row in db.execute(
            f"{cte} SELECT c.application_number, c.ip_type, c.department, c.examiner, s.stratum, r.checklist_id,"
            " k.template_id, a.item_id, a.outcome, a.severity, a.category"
            f" FROM scope s JOIN cases c ON c.id = s.case_id JOIN reviews r ON r.id = s.review_id AND {_COUNTED}"
            " JOIN checklists k ON k.id = r.checklist_id JOIN answers a ON a.review_id = r.id"
            " ORDER BY c.application_number, a.item_id", params):
        checklist_id, template_id, category = row[5], row[6], row[10]
        name = names.get(template_id)
        if name is None:      # items merge across a template's versions, named by the newest
            newest = db.execute("SELECT MAX(id) FROM checklists WHERE template_id = ?", [template_id]).fetchone()[0]
            name = names[template_id] = checklists.name(newest).get(language)
        label = labels.get((checklist_id, category))
        if label is None:
            label = labels[(checklist_id, category)] = (
                checklists.category_label(checklist_id, category).get(language) if category else "")
        yield (row[0], row[1], row[2], row[3], row[4], name, row[7], row[8], row[9], label)
