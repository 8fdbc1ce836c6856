"""A demo workspace with a review round, feedback sent from it and response workbooks filled in,
for the window's feedback and disputes tests."""
from __future__ import annotations

import io
from datetime import date
from pathlib import Path
from typing import Callable

from openpyxl import load_workbook

from db.connection import open_database
from workbench.cli import main
from workbench.feedback.findings import FeedbackScope
from workbench.feedback.response_book import KEYS
from workbench.feedback.sending import SendResult, send_feedback
from workbench.report.figures import ReportFilter

TODAY = date(2026, 11, 2)
DEADLINE = "2026-11-16"                 # TODAY + the round's 14 response days
ROUND = "ONE"


def demo_workspace(path: Path) -> Path:
    """300 demo cases, half reviewed, and round ONE of 40 reviewed cases."""
    out, err = io.StringIO(), io.StringIO()
    code = main(["demo", "--cases", "300", "--reviewed", "0.5", "--seed", "21", "--db", str(path), "--round", ROUND,
                 "--size", "40"], out=out, err=err)
    assert code == 0, err.getvalue()
    return path


def send(path: Path, outdir: Path, *, round_name: str | None = ROUND, language: str = "en") -> SendResult:
    """Feedback for round ONE (None: every reviewed case) written into OUTDIR, as the dialog writes it."""
    db = open_database(path)
    try:
        return send_feedback(db, outdir, FeedbackScope(ReportFilter(round_name=round_name)), language=language,
                             actor="Chen Jing", today=TODAY)
    finally:
        db.close()


def column(key: str) -> int:
    return KEYS.index(key) + 1


def fill(source: Path, target: Path, answers: dict[int, tuple[str | None, str | None]],
         edit: Callable[[object], None] | None = None) -> Path:
    """The examiner's answers (sheet row -> response, reason), saved with openpyxl as a spreadsheet
    program saves them; `edit(findings_sheet)` for what else is changed."""
    book = load_workbook(source)
    sheet = book.worksheets[1]
    for row, (response, reason) in answers.items():
        sheet.cell(row=row, column=column("response")).value = response
        sheet.cell(row=row, column=column("reason")).value = reason
    if edit is not None:
        edit(sheet)
    book.save(target)
    return target


def most_findings(result: SendResult):
    """The letter sent with the most findings (the first such by name)."""
    return max(result.letters, key=lambda s: (s.findings, [-ord(c) for c in s.examiner]))
