"""The command line's guards: the true cause of a failure outside the program in one line,
inputs that would hang refused before they are opened, a closed pipe kept quiet; and what every
command needs: the workspace of --db and the name the audit log records.

Exit status 2 for all of these (1 stays for bugs); see workbench/cli/__init__.py.
"""
from __future__ import annotations

import argparse
import errno
import os
from typing import TextIO

from foundation.errors import WorkbenchError, register

WRITE_WAIT_MS = 60_000     # how long a command waits for another program writing to the workspace
# Causes outside the program: reported in one line, exit 2 (anything else is a bug: exit 1).
ENVIRONMENT_ERRNOS = frozenset({errno.ENOSPC, errno.EROFS, errno.EACCES, errno.EPERM, errno.EIO, errno.ELOOP,
                                errno.EISDIR, errno.ENOTDIR, errno.ENOENT, errno.EBUSY, errno.ETXTBSY,
                                getattr(errno, "EDQUOT", errno.ENOSPC)})

register({
    "cli.bad_encoding": "{encoding} is not a text encoding the import can read; use e.g. utf-8, gb18030, "
                        "utf-16 or leave --encoding out to detect it.",
    "cli.os_error": "Cannot use {path}: {detail}.",
})


def configure_database(err: TextIO) -> None:
    """Warnings (a network folder) and waits for another writer are shown on stderr as they happen."""
    from db.connection import configure

    def notice(message: WorkbenchError) -> None:
        prefix = "waiting" if message.code == "db.waiting" else "warning"
        try:
            print(f"{prefix}: {message.message()}", file=err, flush=True)
        except (OSError, ValueError):
            pass
    configure(notice=notice, write_wait_ms=WRITE_WAIT_MS)


def environment_error(exc: Exception, db: str | None) -> WorkbenchError | None:
    """A full disk, a read-only folder, a busy workspace: the true cause, as our error."""
    import sqlite3

    from foundation.files import reason
    from foundation.paths import workspace_path
    if isinstance(exc, sqlite3.Error):
        from db.connection import database_error
        return database_error(exc, workspace_path(db))
    if isinstance(exc, OSError) and exc.errno in ENVIRONMENT_ERRNOS:
        where = exc.filename or workspace_path(db)
        return WorkbenchError("cli.os_error", path=str(where), detail=reason(exc))
    return None


def silence(stream: TextIO) -> None:
    """Point a closed pipe at the null device, so the interpreter's final flush stays quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def check_inputs(args: argparse.Namespace) -> None:
    """Refuse a named pipe, a folder or a device given as an input file before anything opens it
    (reading a FIFO waits for a writer for ever), and an encoding that cannot read text."""
    from foundation.files import require_regular
    names: list[str] = []
    if args.command in ("import", "checklist"):
        names.append(args.file)
    if getattr(args, "mapping", None):
        names.append(args.mapping)
    if args.command == "open":
        names.append(args.package)
    if args.command == "merge":
        names.extend(args.files)
    for name in names:
        require_regular(name, must_exist=False)
    if getattr(args, "encoding", None):
        check_encoding(args.encoding)


def check_encoding(name: str) -> None:
    import codecs
    try:
        info = codecs.lookup(name)
        usable = getattr(info, "_is_text_encoding", True)
        for errors in ("strict", "replace", "ignore"):
            codecs.getincrementaldecoder(name)(errors).decode(b"a,b\r\n", final=True)
    except (LookupError, UnicodeError, TypeError, ValueError):
        usable = False
    if not usable:
        raise WorkbenchError("cli.bad_encoding", encoding=name)


def open_workspace(args: argparse.Namespace, *, create: bool = False, reading: bool = False):
    """The workspace of --db; only import and demo create one ("no workspace at PATH" otherwise).

    `reading`: the command only reads, so a workspace the user may not change (a read-only file
    or medium) is opened read-only instead of refused.
    """
    from db.connection import open_database
    from foundation.paths import workspace_path
    path = workspace_path(getattr(args, "db", None))
    try:
        return open_database(path, create=create)
    except WorkbenchError as exc:
        if reading and exc.code == "db.read_only_file":
            return open_database(path, read_only=True)
        raise


def actor() -> str:
    """The user's name for the audit log."""
    import getpass
    try:
        return getpass.getuser()
    except Exception:  # no user name in this environment (e.g. a service account without one)
        return "cli"
