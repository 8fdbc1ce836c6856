"""Opening a workspace: one SQLite file, WAL, foreign keys, the latest schema.

Each thread opens its own connection (sqlite3 connections are not shared across threads).
"""
from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import sqlite_utils

from db.migrate import latest_version, migrate, schema_version
from workbench.errors import WorkbenchError, register

BUSY_TIMEOUT_MS = 5000


def open_database(path: str | Path | None, *, migrate_schema: bool = True,
                  read_only: bool = False) -> sqlite_utils.Database:
    """Open (creating if needed) the workspace at `path`; None opens a private in-memory one.

    `read_only` opens an existing workspace without the right to change it (another instance
    holds it): nothing is created or migrated, and SQLite refuses every write.
    Raises WorkbenchError when the file is not a database or was written by a newer version.
    """
    if read_only:
        return _open_read_only(Path(path) if path is not None else None)
    if path is None or str(path) == ":memory:":
        conn = sqlite3.connect(":memory:", check_same_thread=False)
        db_path = None
    else:
        db_path = Path(path)
        db_path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(str(db_path), timeout=BUSY_TIMEOUT_MS / 1000)
    with _closed_on_failure(conn, path):
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        if db_path is not None:
            conn.execute("PRAGMA journal_mode = WAL")
            # NORMAL is durable in WAL mode across application crashes; only a power
            # loss can lose the last transactions, never corrupt the file.
            conn.execute("PRAGMA synchronous = NORMAL")
        if migrate_schema:
            migrate(conn, db_path)
    return sqlite_utils.Database(conn)


@contextmanager
def _closed_on_failure(conn: sqlite3.Connection, path: object) -> Iterator[None]:
    """Close the connection if setting it up fails; SQLite's "not a database" becomes ours."""
    try:
        yield
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise WorkbenchError("db.not_a_database", path=str(path), detail=str(exc)) from exc
    except BaseException:
        conn.close()
        raise


def _open_read_only(db_path: Path | None) -> sqlite_utils.Database:
    if db_path is None or str(db_path) == ":memory:" or not db_path.is_file():
        raise WorkbenchError("db.read_only_missing", path=str(db_path))
    # mode=ro: SQLite opens the file read-only; query_only also refuses writes to temp tables.
    conn = sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True,
                           timeout=BUSY_TIMEOUT_MS / 1000)
    with _closed_on_failure(conn, db_path):
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA query_only = ON")
        found, supported = schema_version(conn), latest_version()
        if found > supported:
            raise WorkbenchError("db.too_new", path=str(db_path), found=found, supported=supported)
        if found < supported:
            raise WorkbenchError("db.read_only_outdated", path=str(db_path), found=found, supported=supported)
    return sqlite_utils.Database(conn)


register({
    "db.read_only_missing": "The workspace {path} does not exist, so it cannot be opened read-only.",
    "db.read_only_outdated": "The workspace {path} needs upgrading from schema version {found} to {supported} "
                             "before this version can show it, and a read-only window cannot upgrade it. "
                             "Close the other instance and open it normally.",
})
