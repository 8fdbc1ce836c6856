"""One workspace, one writing instance: an operating-system lock on a file beside the database.

The lock is the OS's own (flock on POSIX, msvcrt.locking on Windows), held on an open file,
so it ends with the process however the process ends: a crash or a kill never leaves a stale
lock behind. The file also records who holds the lock (user, host, process, since when), only
so the second instance can say who it is waiting for; its content never decides anything.

The lock file is never deleted: removing it while another process is about to lock it would
let two processes each lock a different file of the same name.
"""
from __future__ import annotations

import getpass
import json
import os
import socket
import sys
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO

LOCK_SUFFIX = ".lock"
# Windows locks are mandatory: a locked byte cannot even be read. Lock one byte far past
# the holder's details so the second instance can still read them.
_WINDOWS_LOCK_OFFSET = 1 << 20
_DETAILS_LIMIT = 4096


@dataclass(frozen=True)
class LockHolder:
    """Who holds a workspace, as recorded in its lock file (empty strings / 0 when unknown)."""

    user: str = ""
    host: str = ""
    pid: int = 0
    since: str = ""        # local time, ISO 8601 to the second

    @property
    def known(self) -> bool:
        return bool(self.user or self.host or self.pid)


def lock_path(db_path: str | os.PathLike[str]) -> Path:
    """The lock file beside the workspace: workspace.sqlite3 -> workspace.sqlite3.lock"""
    path = Path(db_path)
    return path.with_name(path.name + LOCK_SUFFIX)


def current_holder() -> LockHolder:
    try:
        user = getpass.getuser()
    except Exception:   # no user name in the environment (services, some containers)
        user = ""
    return LockHolder(user=user, host=socket.gethostname(), pid=os.getpid(),
                      since=datetime.now().isoformat(timespec="seconds"))


def read_holder(path: Path) -> LockHolder:
    """The details recorded in a lock file; an empty LockHolder when there are none."""
    try:
        with open(path, "rb") as f:
            data = json.loads(f.read(_DETAILS_LIMIT).rstrip(b"\0").decode("utf-8"))
        return LockHolder(user=str(data.get("user", "")), host=str(data.get("host", "")),
                          pid=int(data.get("pid", 0)), since=str(data.get("since", "")))
    except (OSError, ValueError, TypeError, AttributeError):
        return LockHolder()


if sys.platform == "win32":
    import msvcrt

    def _try_lock(f: IO[bytes]) -> bool:
        f.seek(_WINDOWS_LOCK_OFFSET)
        try:
            msvcrt.locking(f.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(f: IO[bytes]) -> None:
        f.seek(_WINDOWS_LOCK_OFFSET)
        msvcrt.locking(f.fileno(), msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    # flock, not lockf: flock belongs to the open file, so a second lock attempt in the same
    # process conflicts as it should, and reading the file elsewhere never drops the lock
    # (closing any descriptor of a file drops a process's lockf locks). Linux maps flock to
    # fcntl byte-range locks on NFS, so it holds across machines sharing a network folder.
    def _try_lock(f: IO[bytes]) -> bool:
        try:
            fcntl.flock(f.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:   # BlockingIOError when held elsewhere
            return False
        return True

    def _unlock(f: IO[bytes]) -> None:
        fcntl.flock(f.fileno(), fcntl.LOCK_UN)


class WorkspaceLock:
    """The lock on one workspace. `acquire()` either takes it or says who has it."""

    def __init__(self, db_path: str | os.PathLike[str]) -> None:
        self.path = lock_path(Path(db_path).resolve())
        self._file: IO[bytes] | None = None

    @property
    def held(self) -> bool:
        return self._file is not None

    def acquire(self) -> LockHolder | None:
        """Take the lock: None when taken (or already held), else who holds it.

        Raises OSError when the lock file cannot be created (a read-only folder).
        """
        if self._file is not None:
            return None
        self.path.parent.mkdir(parents=True, exist_ok=True)
        f = open(self.path, "a+b")    # create if missing, never truncate someone else's details
        if not _try_lock(f):
            f.close()
            return self._holder_details()
        me = current_holder()
        f.seek(0)
        f.truncate()
        f.write(json.dumps({"user": me.user, "host": me.host, "pid": me.pid, "since": me.since},
                           ensure_ascii=False).encode("utf-8"))
        f.flush()
        self._file = f
        return None

    def _holder_details(self) -> LockHolder:
        # The holder writes its details just after locking; give it a moment if we came between.
        for _ in range(10):
            holder = read_holder(self.path)
            if holder.known:
                return holder
            time.sleep(0.02)
        return LockHolder()

    def release(self) -> None:
        f, self._file = self._file, None
        if f is None:
            return
        try:
            f.seek(0)
            f.truncate()
            f.flush()
            _unlock(f)
        except OSError:
            pass   # closing the file releases the lock in any case
        finally:
            f.close()

    def __enter__(self) -> WorkspaceLock:
        return self

    def __exit__(self, *_: object) -> None:
        self.release()
