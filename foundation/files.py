"""Files the workbench writes for the user: temp-and-rename beside the target, durable, with
the user's normal file mode, and no leftovers from a run that was killed.

A temporary file is always made in the target's own folder (the rename stays atomic, also on
a USB stick or a network share) under a name that says who made it:

    .NAME.qrw-tmp-HOST-PID-RANDOM        (HOST: 6 hex digits of a hash of the host name)

A later run removes such a file only when the process that made it is gone (same host, no
process with that id), or, for another machine's file on a shared folder, when it is more
than a day old. A file of a live process is never touched.
"""
from __future__ import annotations

import errno
import hashlib
import os
import re
import secrets
import shutil
import socket
import stat
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, Iterator

from foundation import faults
from foundation.errors import WorkbenchError, register

TEMP_MARK = ".qrw-tmp-"
FOREIGN_TEMP_AGE = 24 * 3600     # seconds before another machine's leftover is removed
_TEMP_RE = re.compile(r"^\.(?P<name>.+)\.qrw-tmp-(?P<host>[0-9a-f]{6})-(?P<pid>\d+)-(?P<rand>[0-9a-f]{8})"
                      r"(?P<extra>-wal|-shm|-journal)?$")

register({
    "file.not_regular": "{path} is {kind}, not a regular file.",
    "file.missing": "There is no file {path}.",
    "file.unreadable": "Cannot read {path}: {detail}.",
    "file.unwritable": "Cannot write {path}: {detail}.",
    "file.no_work_copy": "Cannot make a work copy of {path} in {folder}: {detail}.",
})


def host_tag() -> str:
    return hashlib.sha256(socket.gethostname().encode("utf-8", "replace")).hexdigest()[:6]


def temp_path(target: Path) -> Path:
    """A fresh temporary name beside `target` (not created)."""
    return target.with_name(f".{target.name}{TEMP_MARK}{host_tag()}-{os.getpid()}-{secrets.token_hex(4)}")


def process_alive(pid: int) -> bool:
    """Whether a process with this id runs on this machine (an unknown answer counts as alive)."""
    if pid <= 0:
        return False
    if pid == os.getpid():
        return True
    if sys.platform == "win32":   # os.kill(pid, 0) would terminate the process on Windows
        import ctypes
        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel32.OpenProcess(0x1000, False, pid)   # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return kernel32.GetLastError() == 5   # access denied: it exists
        code = ctypes.c_ulong()
        try:
            kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        finally:
            kernel32.CloseHandle(handle)
        return code.value == 259   # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:   # PermissionError: another user's live process
        return True
    return True


def sweep_leftovers(folder: Path, *, now: float | None = None) -> list[Path]:
    """Remove the temporary files in `folder` that killed runs left behind; returns them."""
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    mine, now = host_tag(), time.time() if now is None else now
    for entry in entries:
        match = _TEMP_RE.match(entry.name)
        if match is None:
            continue
        try:
            if match["host"] == mine:
                stale = not process_alive(int(match["pid"]))
            else:
                stale = now - entry.stat(follow_symlinks=False).st_mtime > FOREIGN_TEMP_AGE
            if stale:
                os.remove(entry.path)
                removed.append(Path(entry.path))
        except OSError:
            continue   # gone already, or not ours to remove: the next run tries again
    return removed


def create_temp(target: Path) -> Path:
    """Create an empty temporary file beside `target`, with the mode a new file gets under the
    user's umask (0644 under 022), after clearing the leftovers of killed runs there."""
    sweep_leftovers(target.parent if str(target.parent) else Path("."))
    path = temp_path(target)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    os.close(fd)
    return path


def fsync_file(path: str | os.PathLike[str]) -> None:
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_dir(folder: str | os.PathLike[str]) -> None:
    """Make a rename in `folder` durable (POSIX; Windows has no directory handles to sync)."""
    if sys.platform == "win32":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError as exc:
        if exc.errno not in (errno.EINVAL, errno.ENOTSUP, errno.EBADF):
            raise
    finally:
        os.close(fd)


def replace_durably(temp: str | os.PathLike[str], target: Path) -> None:
    """fsync the finished temporary file, rename it over the target, fsync the folder."""
    fsync_file(temp)
    faults.checkpoint("file.before_rename")
    os.replace(temp, target)
    fsync_dir(target.parent if str(target.parent) else Path("."))
    faults.checkpoint("file.after_rename")


def reason(exc: OSError) -> str:
    """The system's reason for an OSError, in words a user can act on."""
    known = {errno.ENOSPC: "the disk is full", errno.EROFS: "the disk or folder is read-only",
             errno.ELOOP: "too many levels of symbolic links", errno.EISDIR: "it is a folder",
             errno.ENOENT: "no such file or folder", errno.EIO: "an input/output error of the disk"}
    if getattr(errno, "EDQUOT", None) is not None:
        known[errno.EDQUOT] = "the disk quota is exceeded"
    return known.get(exc.errno or 0) or exc.strerror or str(exc)


def remove_quietly(path: str | os.PathLike[str]) -> None:
    try:
        os.remove(path)
    except OSError:
        pass


@contextmanager
def atomic_target(out_path: Path, error_code: str = "export.unwritable") -> Iterator[str]:
    """A temporary file beside the target, renamed over it when the block succeeds.

    The temporary file is made first, so an unwritable folder is reported before any work;
    on any failure no partial file remains and the previous target is untouched. An OSError
    becomes WorkbenchError(error_code) with the path and the system's reason. The file is
    fsynced before the rename and the folder after it, so a power cut leaves the old or the
    new file, never an empty one.
    """
    out_path = Path(out_path)
    try:
        temp_name = str(create_temp(out_path))
    except OSError as exc:
        raise WorkbenchError(error_code, path=str(out_path), detail=reason(exc)) from exc
    try:
        yield temp_name
        replace_durably(temp_name, out_path)
    except OSError as exc:
        remove_quietly(temp_name)
        raise WorkbenchError(error_code, path=str(out_path), detail=reason(exc)) from exc
    except BaseException:
        remove_quietly(temp_name)
        raise


_KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISSOCK, "a socket"),
          (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"))


def file_kind(path: str | os.PathLike[str]) -> str | None:
    """None for a regular file (or a symlink to one) or a missing path; else what it is.

    Raises WorkbenchError for a path that cannot be looked at (a symlink loop, no permission).
    """
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        if os.path.islink(path):
            return "a broken symbolic link"
        return None
    except OSError as exc:
        raise WorkbenchError("file.unreadable", path=str(path), detail=reason(exc)) from exc
    if stat.S_ISREG(mode):
        return None
    for test, kind in _KINDS:
        if test(mode):
            return kind
    return "not a regular file"


def require_regular(path: str | os.PathLike[str], *, must_exist: bool = True) -> Path:
    """Refuse, before anything opens it, a path that is not a regular file (a FIFO would hang)."""
    kind = file_kind(path)
    if kind is not None:
        raise WorkbenchError("file.not_regular", path=str(path), kind=kind)
    if must_exist and not os.path.exists(path):
        raise WorkbenchError("file.missing", path=str(path))
    return Path(path)


@contextmanager
def work_copy(source: Path, *, near: Path | None) -> Iterator[Path]:
    """A private copy of `source` (with its write-ahead log) to open, upgrade and read, made beside
    `near` (the master workspace) under a temporary name of ours and removed afterwards; one that
    a killed run left is removed by the next (foundation/files.py). None: the system's temp folder."""
    target = near if near is not None else Path(tempfile.gettempdir()) / source.name
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        copy = create_temp(target)
    except OSError as exc:
        raise WorkbenchError("file.no_work_copy", path=str(source), folder=str(target.parent),
                             detail=reason(exc)) from exc
    try:
        try:
            shutil.copyfile(source, copy)
        except OSError as exc:
            raise WorkbenchError("file.no_work_copy", path=str(source), folder=str(target.parent),
                                 detail=reason(exc)) from exc
        wal = Path(f"{source}-wal")
        if wal.is_file():   # sent while the application still had it open: its last changes are here
            shutil.copyfile(wal, Path(f"{copy}-wal"))
        faults.checkpoint("merge.work_copy")
        yield copy
    finally:
        for leftover in (copy, Path(f"{copy}-wal"), Path(f"{copy}-shm"), Path(f"{copy}-journal")):
            remove_quietly(leftover)


COPY_CHUNK = 1 << 22        # bytes read at a time by copy_range


def read_range(path: str | os.PathLike[str], start: int, end: int) -> bytes:
    """Bytes [start, end) of the file `path` (a part another process wrote: OSError if it is shorter)."""
    with open(path, "rb") as source:
        source.seek(start)
        data = source.read(end - start)
    if len(data) != end - start:
        raise OSError(f"{os.fspath(path)}: shorter than the {end - start:,} bytes at {start:,} expected")
    return data


def copy_range(path: str | os.PathLike[str], start: int, end: int, out: BinaryIO) -> int:
    """Bytes [start, end) of the file `path` written to `out` a chunk at a time (a part another
    process wrote, perhaps gigabytes: never held whole); OSError if the file is shorter. Returns
    the bytes copied."""
    with open(path, "rb") as source:
        source.seek(start)
        left = end - start
        while left > 0:
            data = source.read(min(COPY_CHUNK, left))
            if not data:
                raise OSError(f"{os.fspath(path)}: shorter than the {end - start:,} bytes at {start:,} expected")
            out.write(data)
            left -= len(data)
    return end - start
