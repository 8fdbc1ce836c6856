"""Which filesystem a workspace lives on: SQLite's WAL mode needs shared memory between the
processes using a file, which network filesystems do not give (SQLite's "WAL does not work
over a network filesystem"). A workspace on one uses a rollback journal instead.

`detect` is the seam: tests replace it to play a network folder.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Callable

# Linux mount types (as /proc/self/mountinfo names them) of filesystems shared over a network.
NETWORK_TYPES = frozenset({
    "nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "9p", "afs", "ncpfs", "coda", "ceph",
    "glusterfs", "lustre", "gpfs", "beegfs", "ocfs2", "gfs2", "davfs", "webdav", "vboxsf", "vmhgfs",
})
NETWORK_FUSE = frozenset({"sshfs", "rclone", "davfs2", "s3fs", "glusterfs", "gcsfuse", "smbnetfs",
                          "curlftpfs", "vmhgfs-fuse", "goofys"})


def is_network(fs_type: str | None) -> bool:
    if not fs_type:
        return False
    kind = fs_type.lower()
    if kind.startswith("fuse."):
        return kind[5:] in NETWORK_FUSE or kind[5:] in NETWORK_TYPES
    return kind in NETWORK_TYPES


def _unescape(field: str) -> str:
    """mountinfo escapes space, tab, newline and backslash as octal (\\040)."""
    out, i = [], 0
    while i < len(field):
        if field[i] == "\\" and i + 4 <= len(field) and field[i + 1:i + 4].isdigit():
            out.append(chr(int(field[i + 1:i + 4], 8)))
            i += 4
        else:
            out.append(field[i])
            i += 1
    return "".join(out)


def linux_type(folder: Path, mountinfo: str | None = None) -> str | None:
    """The type of the mount holding `folder`: the longest mount point that contains it."""
    if mountinfo is None:
        try:
            mountinfo = Path("/proc/self/mountinfo").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None
    target = os.path.realpath(folder)
    best, best_type = "", None
    for line in mountinfo.splitlines():
        left, sep, right = line.partition(" - ")
        fields = left.split()
        if not sep or len(fields) < 5 or not right.split():
            continue
        point = _unescape(fields[4])
        inside = target == point or target.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best):
            best, best_type = point, right.split()[0]
    return best_type


def windows_type(folder: Path) -> str | None:
    text = str(folder.resolve())
    if text.startswith("\\\\"):
        return "smb"
    import ctypes
    drive = os.path.splitdrive(text)[0] + "\\"
    if ctypes.windll.kernel32.GetDriveTypeW(drive) == 4:   # type: ignore[attr-defined]  # DRIVE_REMOTE
        return "smb"
    return None


def filesystem_type(folder: Path) -> str | None:
    """The filesystem type of `folder`, or None when it cannot be told (treated as local)."""
    try:
        if sys.platform.startswith("linux"):
            return linux_type(folder)
        if sys.platform == "win32":
            return windows_type(folder)
    except (OSError, ValueError, AttributeError):
        return None
    return None   # macOS and others: not detected (see the README)


detect: Callable[[Path], str | None] = filesystem_type
