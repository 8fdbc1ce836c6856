"""The per-row import report as a CSV file a person can open in Excel."""
from __future__ import annotations

import csv
from pathlib import Path
from typing import Callable, Iterable

from foundation.errors import register
from workbench.importing.import_result import ImportResult, RowIssue

register({"report.unwritable": "Cannot write the report {path}: {detail}."})

REPORT_COLUMNS = ("line", "outcome", "column", "value", "reason", "code")


def write_report_csv(result: ImportResult, path: Path) -> None:
    """UTF-8 with BOM so Excel shows Chinese text; written to a temporary file, then renamed."""
    write_issues_csv(result.issues, path)


def write_issues_csv(issues: Iterable[RowIssue], path: Path,
                     reasons: Callable[[RowIssue], str] | None = None) -> None:
    """The rows of an import report; `reasons` gives each reason as shown (e.g. translated)."""
    from foundation.files import atomic_target
    from workbench.report.excel_cells import safe_text
    with atomic_target(Path(path), "report.unwritable") as temp:
        with open(temp, "w", encoding="utf-8-sig", newline="") as stream:
            writer = csv.writer(stream)
            writer.writerow(REPORT_COLUMNS)
            for issue in issues:
                reason = reasons(issue) if reasons is not None else issue.reason
                writer.writerow([issue.line, issue.outcome, safe_text(issue.column or ""),
                                 safe_text(issue.value or ""), safe_text(reason), issue.code])
