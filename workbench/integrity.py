"""Is the workspace intact? SQLite's own checks plus the audit hash chain."""
from __future__ import annotations

import sqlite_utils

from workbench.audit import verify_chain


def check_workspace(db: sqlite_utils.Database) -> list[str]:
    problems = []
    for (message,) in db.execute("PRAGMA integrity_check"):
        if message != "ok":
            problems.append(f"database: {message}")
    for table, rowid, parent, _ in db.execute("PRAGMA foreign_key_check"):
        problems.append(f"database: {table} row {rowid} refers to a missing {parent} row")
    problems.extend(verify_chain(db))
    return problems
