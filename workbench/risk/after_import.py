"""An import followed by the incremental risk refresh of what it touched, and the removal of an
import followed by a full one: the functions the CLI and the window call, so case_risk stays
current. Each runs in one transaction: cancelled, the workspace is as it was."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlite_utils

from foundation.jobs import CancelToken, Progress, no_progress
from workbench.importing import history
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


def remove_import_and_score(db: sqlite_utils.Database, import_id: int, *, actor: str, progress: Progress = no_progress,
                            cancel: CancelToken | None = None) -> int:
    """history.remove_import, then a full refresh: the groups the removed cases left are
    smaller now, and which they were is gone with them. One transaction."""
    with db.atomic():
        deleted = history.remove_import(db, import_id, actor=actor)
        refresh(db, progress=progress, cancel=cancel)
    return deleted
