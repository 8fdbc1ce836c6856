"""Opening a workspace: one SQLite file, WAL, foreign keys, the latest schema.

Each thread opens its own connection (sqlite3 connections are not shared across threads).
"""
from __future__ import annotations

import sqlite3
from pathlib import Path

import sqlite_utils

from db.migrate import migrate
from workbench.errors import WorkbenchError

BUSY_TIMEOUT_MS = 5000


def open_database(path: str | Path | None, *, migrate_schema: bool = True) -> sqlite_utils.Database:
    """Open (creating if needed) the workspace at `path`; None opens a private in-memory one.

    Raises WorkbenchError when the file is not a database or was written by a newer version.
    """
    if path is None or str(path) == ":memory:":
        conn = sqlite3.connect(":memory:", check_same_thread=False)
        db_path = None
    else:
        db_path = Path(path)
        db_path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(str(db_path), timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        if db_path is not None:
            conn.execute("PRAGMA journal_mode = WAL")
            # NORMAL is durable in WAL mode across application crashes; only a power
            # loss can lose the last transactions, never corrupt the file.
            conn.execute("PRAGMA synchronous = NORMAL")
        if migrate_schema:
            migrate(conn, db_path)
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise WorkbenchError("db.not_a_database", path=str(path), detail=str(exc)) from exc
    except BaseException:
        conn.close()
        raise
    return sqlite_utils.Database(conn)
