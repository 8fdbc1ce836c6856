"""The per-row import report as a CSV file a person can open in Excel."""
from __future__ import annotations

import csv
import os
import tempfile
from pathlib import Path

from workbench.errors import WorkbenchError, register
from workbench.importing import ImportResult

register({"report.unwritable": "Cannot write the report {path}: {detail}."})

REPORT_COLUMNS = ("line", "outcome", "column", "value", "reason", "code")


def write_report_csv(result: ImportResult, path: Path) -> None:
    """UTF-8 with BOM so Excel shows Chinese text; written to a temporary file, then renamed."""
    from workbench.excel_report import safe_text
    try:
        handle, temp = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".csv.tmp", dir=path.parent or Path("."))
        with os.fdopen(handle, "w", encoding="utf-8-sig", newline="") as stream:
            writer = csv.writer(stream)
            writer.writerow(REPORT_COLUMNS)
            for issue in result.issues:
                writer.writerow([issue.line, issue.outcome, safe_text(issue.column or ""),
                                 safe_text(issue.value or ""), safe_text(issue.reason), issue.code])
        os.replace(temp, path)
    except OSError as exc:
        raise WorkbenchError("report.unwritable", path=str(path), detail=exc.strerror or str(exc)) from exc
