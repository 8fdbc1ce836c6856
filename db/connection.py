"""Opening a workspace: one SQLite file, WAL (a rollback journal on a network folder), foreign
keys, synchronous=FULL, the latest schema.

Before anything writes to a file it is checked to be ours: an empty file, or an SQLite file
with our application id, or (written before the id existed) our schema. Another program's
database, or a workspace of a newer version, is refused and left byte-identical.

Write transactions start with BEGIN IMMEDIATE, so a second writer waits (with the busy timeout,
and a visible notice) at the start instead of failing half-way; a workspace still busy after
the wait is "busy", not "damaged". Each thread opens its own connection.
"""
from __future__ import annotations

import os
import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

import sqlite_utils

from db import filesystems
from db.migrate import latest_version, migrate, schema_version
from foundation import faults
from foundation.errors import WorkbenchError, register
from foundation.files import file_kind, reason

BUSY_TIMEOUT_MS = 5000
APPLICATION_ID = 0x51525742        # "QRWB": PRAGMA application_id of every workspace and package
# Tables every workspace has had since schema version 1: how a workspace written before the
# application id existed is recognised.
CORE_TABLES = frozenset({"imports", "cases", "checklists", "reviews", "answers", "audit_log"})
SQLITE_MAGIC = b"SQLite format 3\x00"

#: Called with a WorkbenchError-shaped notice (never raised) the interface shows as a warning:
#: a network folder, a wait for another writer. The CLI prints them; the window logs them.
Notice = Callable[[WorkbenchError], None]
_notice: Notice | None = None
_write_wait_ms = BUSY_TIMEOUT_MS


def configure(*, notice: Notice | None = None, write_wait_ms: int | None = None) -> None:
    """How this process hears notices and how long a writer waits for another one."""
    global _notice, _write_wait_ms
    _notice = notice
    if write_wait_ms is not None:
        _write_wait_ms = write_wait_ms


def _tell(code: str, **params: object) -> None:
    if _notice is not None:
        _notice(WorkbenchError(code, **params))


class Workspace(sqlite_utils.Database):
    """sqlite_utils.Database whose write transactions take the write lock at BEGIN."""

    path: Path | None = None

    @contextmanager
    def atomic(self) -> Iterator[Workspace]:
        if self.conn.in_transaction:   # nested: a savepoint inside the running transaction
            with super().atomic():
                yield self
            return
        self.begin_immediate()
        try:
            yield self
        except BaseException:
            self.rollback_quietly()
            raise
        try:
            faults.checkpoint("db.before_commit")
            self.conn.execute("COMMIT")
        except BaseException:
            self.rollback_quietly()
            raise
        faults.checkpoint("db.after_commit")

    def begin_immediate(self) -> None:
        """BEGIN IMMEDIATE: at once when the workspace is free, else wait with a notice."""
        conn = self.conn
        try:
            conn.execute("PRAGMA busy_timeout = 200")
            conn.execute("BEGIN IMMEDIATE")
            return
        except sqlite3.OperationalError as exc:
            if not is_busy(exc):
                raise
        finally:
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        _tell("db.waiting", path=str(self.path or ":memory:"), seconds=round(_write_wait_ms / 1000))
        try:
            conn.execute(f"PRAGMA busy_timeout = {int(_write_wait_ms)}")
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            if is_busy(exc):
                raise WorkbenchError("db.busy", path=str(self.path or ":memory:")) from exc
            raise
        finally:
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")

    def rollback_quietly(self) -> None:
        """Roll back if a transaction is still open; never hide the error that got us here."""
        if self.conn.in_transaction:
            try:
                self.conn.execute("ROLLBACK")
            except sqlite3.Error:
                pass


def is_busy(exc: BaseException) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (5, 6)     # SQLITE_BUSY, SQLITE_LOCKED
    return "locked" in str(exc) or "busy" in str(exc)


_PRIMARY = {5: "db.busy", 6: "db.busy", 8: "db.read_only_file", 10: "db.io_error", 11: "db.damaged",
            13: "db.disk_full", 14: "db.cannot_open", 26: "db.not_a_database"}


def database_error(exc: sqlite3.Error, path: str | os.PathLike[str] | None) -> WorkbenchError | None:
    """The true cause of an SQLite error on a workspace, as our error; None for a programming error."""
    code = getattr(exc, "sqlite_errorcode", None)
    name = _PRIMARY.get(code & 0xFF) if code is not None else None
    if name is None and isinstance(exc, sqlite3.OperationalError) and is_busy(exc):
        name = "db.busy"
    if name is None:
        return None
    return WorkbenchError(name, path=str(path or ":memory:"), detail=str(exc))


@dataclass(frozen=True)
class Probe:
    """What a file on disk is, found without writing to it."""

    state: str                 # "missing", "empty", "ours"
    application_id: int = 0
    version: int = 0


#: (device, inode) of the files this process has opened SQLite connections on.
_CONNECTED: set[tuple[int, int]] = set()


def _file_key(path: Path) -> tuple[int, int]:
    found = os.stat(path)
    return found.st_dev, found.st_ino


def _connected(path: Path) -> None:
    """Remember that SQLite holds `path` in this process (see _header)."""
    try:
        _CONNECTED.add(_file_key(path))
    except OSError:
        pass


def _header(path: Path) -> bytes:
    """The file's first 100 bytes, or the SQLite magic alone for a file this process already holds
    open in SQLite: closing any descriptor of a file releases every POSIX lock the process holds on
    it, SQLite's included, and another program's connection could then take ours for gone and
    delete the write-ahead log under them (sqlite.org/howtocorrupt.html, 2.2). Such a file was
    read when first opened; SQLite itself refuses it if it is no longer a database."""
    if _file_key(path) in _CONNECTED:
        return SQLITE_MAGIC
    with open(path, "rb") as handle:
        return handle.read(100)


def probe(path: Path) -> Probe:
    """Tell whether `path` is a workspace, an empty file, or nothing yet; refuse anything else.

    Only reads: the header, then (for SQLite files) a read-only connection.
    """
    kind = file_kind(path)
    if kind is not None:
        raise WorkbenchError("file.not_regular", path=str(path), kind=kind)
    try:
        header = _header(path)
    except FileNotFoundError:
        return Probe("missing")
    except OSError as exc:
        raise WorkbenchError("db.cannot_open", path=str(path), detail=reason(exc)) from exc
    if not header and not os.path.exists(f"{path}-wal"):
        return Probe("empty")
    if header and not header.startswith(SQLITE_MAGIC):
        raise WorkbenchError("db.not_a_database", path=str(path), detail="not an SQLite file; it was left as it is")
    header_id = int.from_bytes(header[68:72], "big")
    if header_id not in (0, APPLICATION_ID):   # another program's, whatever its log holds
        raise WorkbenchError("db.foreign", path=str(path), detail=f"application id {header_id:#x}")
    conn = _connect_read_only(path)
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = schema_version(conn)
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.Error as exc:
        raise database_error(exc, path) or WorkbenchError("db.not_a_database", path=str(path),
                                                          detail=str(exc)) from exc
    finally:
        conn.close()
    if app_id == 0 and not tables and version == 0:
        return Probe("empty")
    if app_id not in (0, APPLICATION_ID):
        raise WorkbenchError("db.foreign", path=str(path), detail=f"application id {app_id:#x}")
    # Written before the application id existed: recognised by its tables. A file without any
    # table holds no one's data; its version alone says whether this version can use it.
    if app_id == 0 and tables and not (version >= 1 and CORE_TABLES <= tables):
        raise WorkbenchError("db.foreign", path=str(path), detail="its tables are not a workspace's")
    if version > latest_version():
        raise WorkbenchError("db.too_new", path=str(path), found=version, supported=latest_version())
    return Probe("ours", app_id, version)


def _connect_read_only(path: Path) -> sqlite3.Connection:
    """mode=ro; on read-only media with no write-ahead log beside, immutable (no lock files)."""
    uri = path.resolve().as_uri()
    try:
        conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError as exc:
        code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
        writable = os.access(path.parent, os.W_OK)
        if code not in (8, 14) or writable or os.path.exists(f"{path}-wal"):
            raise database_error(exc, path) or WorkbenchError("db.not_a_database", path=str(path),
                                                              detail=str(exc)) from exc
    return sqlite3.connect(f"{uri}?immutable=1", uri=True)


def open_database(path: str | Path | None, *, migrate_schema: bool = True,
                  read_only: bool = False, create: bool = True) -> Workspace:
    """Open the workspace at `path`; None opens a private in-memory one.

    `create=False` refuses a missing file ("no workspace at PATH") instead of creating one.
    `read_only` opens an existing workspace without the right to change it (another instance
    holds it, or the file is on read-only media): nothing is created or migrated.
    Raises WorkbenchError for a file that is not a workspace, is newer, busy, or unwritable.
    """
    if read_only:
        return _open_read_only(Path(path) if path is not None else None)
    if path is None or str(path) == ":memory:":
        conn = sqlite3.connect(":memory:", check_same_thread=False, isolation_level="IMMEDIATE")
        with _closed_on_failure(conn, ":memory:"):
            _configure(conn, None)
            if migrate_schema:
                migrate(conn, None)
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        return _wrap(conn, None)
    db_path = Path(path)
    found = probe(db_path)
    if found.state == "missing":
        if not create:
            raise WorkbenchError("db.missing", path=str(db_path))
        try:
            db_path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise WorkbenchError("db.cannot_open", path=str(db_path), detail=reason(exc)) from exc
    elif not os.access(db_path, os.W_OK) or not os.access(db_path.parent, os.W_OK):
        raise WorkbenchError("db.read_only_file", path=str(db_path), detail="")
    try:
        conn = sqlite3.connect(str(db_path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level="IMMEDIATE")
    except sqlite3.Error as exc:
        raise database_error(exc, db_path) or WorkbenchError("db.cannot_open", path=str(db_path),
                                                             detail=str(exc)) from exc
    _connected(db_path)
    with _closed_on_failure(conn, db_path):
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        if migrate_schema:   # first: a failed backup or upgrade leaves the file as it was
            migrate(conn, db_path)
        _configure(conn, db_path)
        if found.application_id != APPLICATION_ID:   # new, or written before the id existed
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    return _wrap(conn, db_path)


def _wrap(conn: sqlite3.Connection, path: Path | None) -> Workspace:
    db = Workspace(conn)
    db.path = path
    return db


def _configure(conn: sqlite3.Connection, db_path: Path | None) -> None:
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    if db_path is None:
        return
    fs_type = filesystems.detect(db_path.parent)
    if filesystems.is_network(fs_type):
        # WAL needs memory shared between the processes using the file, which a network
        # folder does not give: a rollback journal works there (slower, but safe).
        conn.execute("PRAGMA journal_mode = DELETE")
        _tell("db.network_folder", path=str(db_path), fs_type=fs_type)
    else:
        conn.execute("PRAGMA journal_mode = WAL")
    # FULL: every commit is on the disk when it returns, so a power cut loses no answer
    # (bench/bench_review.py: p99 per answer within the 10 ms target).
    conn.execute("PRAGMA synchronous = FULL")


@contextmanager
def _closed_on_failure(conn: sqlite3.Connection, path: object) -> Iterator[None]:
    """Close the connection if setting it up fails, and say the true cause."""
    try:
        yield
    except sqlite3.Error as exc:
        conn.close()
        raise database_error(exc, str(path)) or WorkbenchError(
            "db.not_a_database", path=str(path), detail=str(exc)) from exc
    except BaseException:
        conn.close()
        raise


def _open_read_only(db_path: Path | None) -> Workspace:
    if db_path is None or str(db_path) == ":memory:":
        raise WorkbenchError("db.read_only_missing", path=str(db_path))
    found = probe(db_path)
    if found.state != "ours":
        raise WorkbenchError("db.read_only_missing", path=str(db_path))
    conn = _connect_read_only(db_path)
    _connected(db_path)
    with _closed_on_failure(conn, db_path):
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA query_only = ON")
        found_version, supported = schema_version(conn), latest_version()
        if found_version < supported:
            raise WorkbenchError("db.read_only_outdated", path=str(db_path), found=found_version,
                                 supported=supported)
    return _wrap(conn, db_path)


register({
    "db.read_only_missing": "The workspace {path} does not exist, so it cannot be opened read-only.",
    "db.read_only_outdated": "The workspace {path} needs upgrading from schema version {found} to {supported} "
                             "before this version can show it, and a read-only window cannot upgrade it. "
                             "Close the other instance and open it normally.",
    "db.missing": "There is no workspace at {path}. Create one with import or demo, or check --db.",
    "db.foreign": "{path} is not a workbench workspace ({detail}); it was left as it is.",
    "db.busy": "The workspace {path} is busy (another program is writing to it). Try again when it has finished.",
    "db.waiting": "The workspace {path} is busy (another program is writing to it); waiting up to {seconds} s...",
    "db.read_only_file": "The workspace {path} cannot be changed: the file or its folder is read-only.",
    "db.disk_full": "Cannot write the workspace {path}: the disk is full.",
    "db.io_error": "Cannot read or write the workspace {path}: a disk input/output error ({detail}).",
    "db.cannot_open": "Cannot open the workspace {path}: {detail}.",
    "db.damaged": "The workspace {path} is damaged ({detail}).",
    "db.network_folder": "The workspace {path} is on a network folder ({fs_type}): it uses a rollback journal "
                         "instead of write-ahead logging there, which is safe but slower. Only one person at a "
                         "time should open it.",
})
