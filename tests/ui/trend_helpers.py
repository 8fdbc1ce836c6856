"""Workspaces for the trend views' tests.

`planted(db)`: the issue's check, by direct inserts as tests/workbench build their figures: "Dept A"
reviews 120 cases a quarter at 85% compliance (102 of 120) from 2024 Q1 and drops to 75% (90 of
120) in 2025 Q4, its last quarter; "Dept B" reviews 60 a quarter at 90% throughout.

`add_examiner(db, ...)`: an examiner's cases reviewed through the review domain (open, answer,
complete, each with its audit entry) with the mini checklist: `errors` of them fail the novelty
item as critical (an error), the others pass every item.
"""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from tests.workbench.helpers import mini_checklist_id
from workbench.review import reviews

QUARTERS = [(2024, q) for q in range(1, 5)] + [(2025, q) for q in range(1, 5)]
DIP = "2025 Q4"
TODAY = date(2026, 1, 20)


def quarter_day(year: int, quarter: int, i: int) -> date:
    return date(year, 3 * quarter - 2, 1) + timedelta(days=i % 85)


class _Cases:
    def __init__(self, db) -> None:
        self.db = db
        self.checklist_id = mini_checklist_id(db)
        self.count = 0

    def add(self, department: str, examiner: str, decided: date, verdict: str) -> None:
        self.count += 1
        case_id = self.db.execute(
            "INSERT INTO cases (application_number, ip_type, examiner, department, filing_date, decision_date)"
            " VALUES (?, 'invention', ?, ?, ?, ?)",
            [f"2023{self.count:08d}.P", examiner, department, (decided - timedelta(days=500)).isoformat(),
             decided.isoformat()]).lastrowid
        at = (datetime.combine(decided, datetime.min.time(), timezone.utc) + timedelta(days=20, hours=4)).isoformat()
        self.db.execute(
            "INSERT INTO reviews (case_id, checklist_id, reviewer, status, verdict, active_seconds, created_at,"
            " updated_at, completed_at, role) VALUES (?, ?, 'qa', 'completed', ?, ?, ?, ?, ?, 'regular')",
            [case_id, self.checklist_id, verdict, 420.0 + self.count % 300, at, at, at])


def planted(db) -> None:
    cases = _Cases(db)
    with db.atomic():
        for department, size, compliant in (("Dept A", 120, 102), ("Dept B", 60, 54)):
            for year, quarter in QUARTERS:
                good = 90 if department == "Dept A" and f"{year} Q{quarter}" == DIP else compliant
                for i in range(size):
                    rank = i * 7 % size
                    verdict = "error" if rank >= good else "defect" if rank % 10 == 0 else "compliant"
                    cases.add(department, f"{department[-1]}{i % 6 + 1}", quarter_day(year, quarter, i), verdict)


def add_examiner(db, name: str, department: str, *, reviewed: int, errors: int, decided: date,
                 reviewer: str = "qa-lead") -> list[int]:
    """`reviewed` cases of `name`, each reviewed to completion through workbench.review.reviews."""
    checklist_id = mini_checklist_id(db)
    ids = []
    for i in range(reviewed):
        case_id = db.execute(
            "INSERT INTO cases (application_number, ip_type, examiner, department, filing_date, decision_date)"
            " VALUES (?, 'invention', ?, ?, ?, ?)",
            [f"2099{len(name)}{i:06d}.{name[:1]}", name, department, (decided - timedelta(days=400)).isoformat(),
             (decided + timedelta(days=i % 60)).isoformat()]).lastrowid
        review = reviews.open_review(db, case_id, reviewer=reviewer, checklist_id=checklist_id)
        reviews.set_answer(db, review.id, "search", "pass", actor=reviewer)
        if i < errors:
            reviews.set_answer(db, review.id, "novelty", "fail", actor=reviewer, severity="critical",
                               category="omitted_objection", comment="Prior art D1 anticipates claim 1.")
            reviews.set_answer(db, review.id, "novelty-reasoning", "pass", actor=reviewer)
        else:
            reviews.set_answer(db, review.id, "novelty", "pass", actor=reviewer)
        reviews.set_answer(db, review.id, "decision", "pass", actor=reviewer)
        reviews.complete(db, review.id, actor=reviewer)
        ids.append(case_id)
    return ids
