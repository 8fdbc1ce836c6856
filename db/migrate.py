"""Numbered migrations tracked by PRAGMA user_version.

Each file `db/migrations/NNNN_name.sql` brings the schema from version NNNN-1 to NNNN.
Before any migration runs on a database that already holds data, a copy is taken
beside it, so an upgrade that goes wrong never costs the user their workspace.
"""
from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from workbench.errors import WorkbenchError, register

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"

register({
    "db.too_new": "The workspace {path} was written by a newer version of the workbench "
                  "(schema version {found}; this version understands up to {supported}). "
                  "Install the newer version to open it.",
    "db.not_a_database": "{path} is not a workbench database ({detail}).",
    "db.migration_failed": "Upgrading the workspace {path} to schema version {version} failed ({detail}). "
                           "The workspace was left at version {previous}; a backup is at {backup}.",
})


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    path: Path

    def sql(self) -> str:
        return self.path.read_text(encoding="utf-8")


def migrations(directory: Path = MIGRATIONS_DIR) -> list[Migration]:
    found = []
    for path in sorted(directory.glob("*.sql")):
        match = re.fullmatch(r"(\d{4})_(\w+)\.sql", path.name)
        if match:
            found.append(Migration(int(match.group(1)), match.group(2), path))
    versions = [m.version for m in found]
    if versions != list(range(1, len(found) + 1)):
        raise RuntimeError(f"migrations must be numbered 1..n without gaps, found {versions}")
    return found


def latest_version() -> int:
    return len(migrations())


def schema_version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def backup_path(db_path: Path, version: int) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    return db_path.with_name(f"{db_path.stem}.backup-v{version}-{stamp}{db_path.suffix or '.sqlite3'}")


def backup(conn: sqlite3.Connection, target: Path) -> Path:
    """A consistent copy through SQLite's online backup API (safe in WAL mode)."""
    dest = sqlite3.connect(str(target))
    try:
        conn.backup(dest)
    finally:
        dest.close()
    return target


def migrate(conn: sqlite3.Connection, db_path: Path | None,
            steps: list[Migration] | None = None) -> Path | None:
    """Bring the database to the latest schema. Returns the backup taken, if any.

    Each migration runs in its own transaction together with the version bump,
    so a failure leaves the database at the last complete version.
    """
    steps = migrations() if steps is None else steps
    current = schema_version(conn)
    if current > len(steps):
        raise WorkbenchError("db.too_new", path=str(db_path or ":memory:"),
                             found=current, supported=len(steps))
    pending = [m for m in steps if m.version > current]
    if not pending:
        return None
    taken = None
    if db_path is not None and current > 0:
        taken = backup(conn, backup_path(db_path, current))
    for step in pending:
        # executescript would commit on its own; run the statements inside one
        # explicit transaction instead, so the step and its version are atomic.
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in split_statements(step.sql()):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {int(step.version)}")
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            conn.execute("ROLLBACK")
            raise WorkbenchError("db.migration_failed", path=str(db_path or ":memory:"),
                                 version=step.version, previous=schema_version(conn),
                                 detail=str(exc), backup=str(taken or "-")) from exc
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return taken


def split_statements(script: str) -> list[str]:
    """Split a migration script into complete statements (handles triggers and strings)."""
    statements: list[str] = []
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            text = buffer.strip()
            if text and not all(part.strip().startswith("--") or not part.strip()
                                for part in text.splitlines()):
                statements.append(text)
            buffer = ""
    if buffer.strip() and not all(p.strip().startswith("--") or not p.strip() for p in buffer.splitlines()):
        statements.append(buffer.strip())
    return statements
