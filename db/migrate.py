"""Numbered migrations tracked by PRAGMA user_version.

Each file `db/migrations/NNNN_name.sql` brings the schema from version NNNN-1 to NNNN.
Before any migration runs on a database that already holds data, a copy is taken
beside it, so an upgrade that goes wrong never costs the user their workspace.
"""
from __future__ import annotations

import re
import secrets
import sqlite3
import threading
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Callable

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
    A new, blank database gets the latest schema in one transaction (`create_fresh`).
    """
    from_files = steps is None
    steps = migrations() if steps is None else steps
    current = schema_version(conn)
    if current > len(steps):
        raise WorkbenchError("db.too_new", path=str(db_path or ":memory:"),
                             found=current, supported=len(steps))
    pending = [m for m in steps if m.version > current]
    if not pending:
        return None
    _provide_unhex(conn)
    if from_files and current == 0:
        if create_fresh(conn, db_path):
            return None
        current = schema_version(conn)
        pending = [m for m in steps if m.version > current]
    taken = None
    if db_path is not None and current > 0:
        taken = backup(conn, backup_path(db_path, current))
    for step in pending:
        _in_one_transaction(conn, db_path, step.version, lambda: _run_script(conn, step.sql()),
                            taken)
        faults.checkpoint("migrate.after_step")
    return taken


#: Tables whose rows a migration fills with values of each workspace's own (its identity, the key
#: that signs its response workbooks): a workspace made by `create_fresh` draws them afresh.
#: tests/db/test_fresh_schema.py fails if a migration adds rows that differ between workspaces
#: to a table not named here.
PER_WORKSPACE_ROWS: dict[str, Callable[[sqlite3.Connection], object]] = {
    "workspace_info": lambda conn: conn.execute(
        "UPDATE workspace_info SET uid = ?, created_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')",
        (str(uuid.uuid4()),)),
    "workspace_secret": lambda conn: conn.execute(
        "UPDATE workspace_secret SET secret = ?", (secrets.token_hex(32),)),
}


@dataclass(frozen=True)
class SchemaTemplate:
    """What the migrations make of a blank database, to be made again in one transaction."""

    version: int
    statements: tuple[str, ...]                     # CREATE ..., tables first
    rows: tuple[tuple[str, tuple[str, ...], tuple[tuple[object, ...], ...]], ...]   # table, columns, rows


_template_lock = threading.Lock()
_templates: dict[tuple[Path, ...], SchemaTemplate] = {}


def schema_template(steps: list[Migration]) -> SchemaTemplate:
    """The migrations run once in memory (per process), and what they made read back."""
    key = tuple(step.path for step in steps)
    with _template_lock:
        if key not in _templates:
            conn = sqlite3.connect(":memory:")
            try:
                _provide_unhex(conn)
                for step in steps:    # as migrate() does, without its fault checkpoints
                    _in_one_transaction(conn, None, step.version,
                                        lambda: _run_script(conn, step.sql()), None)
                _templates[key] = _read_template(conn, len(steps))
            finally:
                conn.close()
        return _templates[key]


_KIND_ORDER = {"table": 0, "index": 1, "view": 2, "trigger": 3}


def _read_template(conn: sqlite3.Connection, version: int) -> SchemaTemplate:
    # A virtual table makes its shadow tables itself; SQLite's own tables and automatic
    # indexes (no SQL) come with the statements that made them.
    shadow = {name for name, kind in conn.execute("SELECT name, type FROM pragma_table_list")
              if kind == "shadow"}
    objects = conn.execute("SELECT type, name, sql FROM sqlite_master ORDER BY rowid").fetchall()
    objects.sort(key=lambda row: _KIND_ORDER[row[0]])
    statements = tuple(sql for kind, name, sql in objects
                       if sql and name not in shadow and not name.startswith("sqlite_"))
    rows = []
    for kind, name, sql in objects:
        # A shadow table's rows are copied too: a virtual table's own start can differ from what
        # the migrations left (FTS5's averages record after a 'rebuild').
        if kind != "table" or name.startswith("sqlite_") or sql.startswith("CREATE VIRTUAL"):
            continue
        columns = tuple(c[1] for c in conn.execute("SELECT * FROM pragma_table_info(?)", (name,)))
        found = tuple(conn.execute(f'SELECT {", ".join(_quoted(c) for c in columns)} FROM {_quoted(name)}'))
        if found:
            rows.append((name, columns, found))
    return SchemaTemplate(version, statements, tuple(rows))


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def create_fresh(conn: sqlite3.Connection, db_path: Path | None) -> bool:
    """Give a blank database the latest schema in one transaction: what the migrations make, read
    from a template they made in memory (the migrations one by one re-read a growing schema about
    200 times: at schema 17 a new workspace took 36 ms, most of a test's set-up, and 8 ms so).
    False, and nothing done, if the database is not blank once its write lock is held (another
    program made it meanwhile)."""
    template = schema_template(migrations())

    def make() -> None:
        if conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()[0]:
            raise _NotBlank
        for statement in template.statements:
            conn.execute(statement)
        for table, columns, rows in template.rows:
            marks = ", ".join("?" for _ in columns)
            conn.execute(f"DELETE FROM {_quoted(table)}")    # what a virtual table put in its own
            conn.executemany(f'INSERT INTO {_quoted(table)} ({", ".join(_quoted(c) for c in columns)}) '
                             f"VALUES ({marks})", rows)
            if table in PER_WORKSPACE_ROWS:
                PER_WORKSPACE_ROWS[table](conn)

    try:
        _in_one_transaction(conn, db_path, template.version, make, None)
    except _NotBlank:
        return False
    return True


class _NotBlank(Exception):
    """The database had objects once locked: not ours to make from the template."""


def _run_script(conn: sqlite3.Connection, script: str) -> None:
    # executescript would commit on its own: the statements run inside the caller's transaction.
    for statement in split_statements(script):
        conn.execute(statement)


def _in_one_transaction(conn: sqlite3.Connection, db_path: Path | None, version: int,
                        work: Callable[[], None], taken: Path | None) -> None:
    """`work` and the version bump to `version`, atomic: all of it, or the database as it was."""
    try:
        conn.execute("BEGIN IMMEDIATE")
        work()
        conn.execute(f"PRAGMA user_version = {int(version)}")
        conn.execute("COMMIT")
    except (sqlite3.Error, OSError) as exc:
        _rollback_quietly(conn)
        code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
        if code in (5, 6):   # busy: not a failed upgrade, another program is writing
            raise
        raise WorkbenchError("db.migration_failed", path=str(db_path or ":memory:"),
                             version=version, previous=schema_version(conn),
                             detail=_cause(exc), backup=str(taken or "-")) from exc
    except BaseException:
        _rollback_quietly(conn)
        raise


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
