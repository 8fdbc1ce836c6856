"""An import followed by the incremental risk refresh of what it touched: the one function the
CLI and the window call, so every import leaves case_risk current. Both run in one
transaction: cancelled during either, the workspace is as it was before the import."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlite_utils

from foundation.jobs import CancelToken, Progress, no_progress
from workbench.importing.import_result import ImportResult
from workbench.importing.importer import import_file
from workbench.risk.store import refresh


def import_and_score(db: sqlite_utils.Database, path: str | Path, *, progress: Progress = no_progress,
                     cancel: CancelToken | None = None, **options: Any) -> ImportResult:
    """import_file(db, path, **options), then refresh(db, import_id=...) when it changed anything."""
    cancel = cancel or CancelToken()
    with db.atomic():
        result = import_file(db, path, progress=progress, cancel=cancel, **options)
        if result.changed and result.import_id is not None:
            refresh(db, import_id=result.import_id, progress=lambda done, total, label: progress(
                done, total, "risk indicators"), cancel=cancel)
    return result
