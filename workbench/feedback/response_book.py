"""PLACEHOLDER for the response workbook (branch fbbook writes the real one; the integrator takes
fbbook's version at merge). It has the agreed signature and writes a trivial workbook listing
the findings, atomically, so letters and sending can be built and tested meanwhile."""
from __future__ import annotations

from pathlib import Path
from typing import Sequence

import sqlite_utils
from openpyxl import Workbook

from foundation.files import atomic_target
from workbench.feedback.findings import Finding


def write_response_book(path: Path, *, db: sqlite_utils.Database, file_id: str, examiner: str,
                        findings: Sequence[Finding], language: str, deadline: str) -> None:
    """Write the response workbook for these already-issued findings (placeholder)."""
    book = Workbook()
    sheet = book.active
    sheet.append(["file", file_id, "examiner", examiner, "deadline", deadline, "language", language])
    sheet.append(["finding", "application", "item", "response", "reason"])
    for f in findings:
        sheet.append([f.id, f.application_number, f.item_id, None, None])
    with atomic_target(Path(path)) as temp_name:
        book.save(temp_name)
