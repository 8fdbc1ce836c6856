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

from foundation import faults
from foundation.errors import WorkbenchError, register

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"

register({
    "db.too_new": "The workspace {path} was written by a newer version of the workbench "
                  "(schema version {found}; this version understands up to {supported}). "
                  "Install the newer version to open it.",
    "db.not_a_database": "{path} is not a workbench database ({detail}).",
    "db.migration_failed": "Upgrading the workspace {path} to schema version {version} failed ({detail}). "
                           "The workspace was left at version {previous}; a backup is at {backup}.",
    "db.backup_failed": "Cannot take the backup {path} before upgrading the workspace: {detail}. "
                        "Nothing was changed.",
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
    """A consistent copy through SQLite's online backup API (safe in WAL mode), on disk before
    the upgrade starts. A copy that fails part-way is removed: no empty backup file is left."""
    try:
        dest = sqlite3.connect(str(target))
        try:
            conn.backup(dest)
            dest.execute("PRAGMA journal_mode = DELETE")   # one self-contained file
        finally:
            dest.close()
        faults.checkpoint("migrate.after_backup")
    except (sqlite3.Error, OSError) as exc:
        for leftover in (target, Path(f"{target}-journal"), Path(f"{target}-wal"), Path(f"{target}-shm")):
            try:
                leftover.unlink()
            except OSError:
                pass
        raise WorkbenchError("db.backup_failed", path=str(target), detail=_cause(exc)) from exc
    return target


def _cause(exc: BaseException) -> str:
    """The underlying reason of a failed step, as a user can act on it."""
    if isinstance(exc, OSError):
        from foundation.files import reason
        return reason(exc)
    code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
    return {13: "the disk is full", 8: "the file or its folder is read-only"}.get(code, str(exc))


def migrate(conn: sqlite3.Connection, db_path: Path | None,
            steps: list[Migration] | None = None) -> Path | None:
    """Bring the database to the latest schema. Returns the backup taken, if any.

    Each migration runs in its own transaction together with the version bump,
    so a failure leaves the database at the last complete version. The error names the
    real cause (a full disk, a read-only folder), never the rollback's own complaint.
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
    _provide_unhex(conn)
    if db_path is not None and current > 0:
        taken = backup(conn, backup_path(db_path, current))
    for step in pending:
        # executescript would commit on its own; run the statements inside one
        # explicit transaction instead, so the step and its version are atomic.
        try:
            conn.execute("BEGIN IMMEDIATE")
            for statement in split_statements(step.sql()):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {int(step.version)}")
            conn.execute("COMMIT")
        except (sqlite3.Error, OSError) as exc:
            _rollback_quietly(conn)
            code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
            if code in (5, 6):   # busy: not a failed upgrade, another program is writing
                raise
            raise WorkbenchError("db.migration_failed", path=str(db_path or ":memory:"),
                                 version=step.version, previous=schema_version(conn),
                                 detail=_cause(exc), backup=str(taken or "-")) from exc
        except BaseException:
            _rollback_quietly(conn)
            raise
        faults.checkpoint("migrate.after_step")
    return taken


def _provide_unhex(conn: sqlite3.Connection) -> None:
    """unhex(text) for migrations, where SQLite is older than 3.41 (which has it built in): the
    bytes of a hex text, NULL for anything else (as SQLite's own)."""
    try:
        conn.execute("SELECT unhex('00')").fetchone()
    except sqlite3.OperationalError:
        conn.create_function("unhex", 1, _unhex, deterministic=True)


def _unhex(text: object) -> bytes | None:
    if not isinstance(text, str) or not re.fullmatch(r"(?:[0-9a-fA-F]{2})*", text):
        return None
    return bytes.fromhex(text)


def _rollback_quietly(conn: sqlite3.Connection) -> None:
    """SQLite may have rolled back already (a full disk, an I/O error): a second ROLLBACK would
    replace the real error with "cannot rollback - no transaction is active"."""
    if conn.in_transaction:
        try:
            conn.execute("ROLLBACK")
        except sqlite3.Error:
            pass


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
