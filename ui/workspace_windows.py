"""Opening a workspace in a window: at start-up (ui/app.py run) and from File > New workspace,
Open workspace and Recent workspaces (ui/workspace_actions.py), by the same steps: the lock
(ui/workspace.claim_workspace: a workspace held by another window opens read-only with the
notice), the reviewer's name (ui/reviewer_dialog), then the window, whose opening upgrades the
schema with a backup (db.migrate) and checks the workspace's integrity in the background.

Each window holds its workspace's lock until it is destroyed; the recent list is kept in the
user's settings (the Dashboard's settings file).
"""
from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QByteArray, QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QWidget

from db.connection import open_database
from ui import dialogs
from ui.messages import error_text
from ui.reviewer_dialog import reviewer_for
from ui.workspace import claim_workspace, reviewer_name
from foundation.errors import WorkbenchError
from foundation.instance_lock import WorkspaceLock

log = logging.getLogger("workbench.ui")

RECENT_KEY = "workspaces/recent"
RECENT_LIMIT = 8

#: The open workspace windows and the lock each holds (None: read-only, or a lock-less folder).
_windows: dict[int, tuple[Any, WorkspaceLock | None]] = {}
#: Notices of the database layer (e.g. a workspace on a network folder), shown by the next window opened.
pending_notices: list[WorkbenchError] = []


# -- the recent list -----------------------------------------------------------------------------

def with_recent(paths: list[str], path: str, limit: int = RECENT_LIMIT) -> list[str]:
    """The list with `path` first, once, and at most `limit` entries."""
    return ([path] + [p for p in paths if p != path])[:limit]


def recent_paths() -> list[str]:
    from ui.dashboard import settings
    value = settings().value(RECENT_KEY, [])
    if isinstance(value, str):         # QSettings gives a one-entry list back as a string
        value = [value]
    return [str(p) for p in (value or []) if p][:RECENT_LIMIT]


def set_recent(paths: list[str]) -> None:
    from ui.dashboard import settings
    store = settings()
    store.setValue(RECENT_KEY, list(paths))
    store.sync()


def remember(path: Path) -> None:
    if str(path) != ":memory:":
        set_recent(with_recent(recent_paths(), str(Path(path).resolve())))


# -- windows and their locks ---------------------------------------------------------------------

def window_on(path: Path) -> Any | None:
    """The open window on this workspace, if any (a closed one waits only to be deleted)."""
    target = Path(path).resolve()
    for window, _lock in _windows.values():
        if window.isVisible() and Path(window.db_path).resolve() == target:
            return window
    return None


def _adopt(window: Any, lock: WorkspaceLock | None) -> None:
    """The window keeps the lock until it is destroyed (closed: it is deleted on close)."""
    key = id(window)
    _windows[key] = (window, lock)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.destroyed.connect(lambda *_: _forget(key))


def _forget(key: int) -> None:
    _window, lock = _windows.pop(key, (None, None))
    if lock is not None:
        lock.release()


def hand_over_lock(window: Any) -> WorkspaceLock | None:
    """Take the window's lock away from it, for the window that replaces it on the workspace."""
    entry = _windows.get(id(window))
    if entry is None:
        return None
    _windows[id(window)] = (window, None)
    return entry[1]


def give_back_lock(window: Any, lock: WorkspaceLock | None) -> None:
    """The replacement failed: the window keeps its workspace's lock."""
    if id(window) in _windows:
        _windows[id(window)] = (window, lock)


def release_all() -> None:
    """At the application's end: every lock still held (windows not yet deleted)."""
    for key in list(_windows):
        _forget(key)


def _writable_file(path: Path) -> bool:
    return not path.is_file() or (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK))


def _show_notices(window: Any) -> None:
    for notice in [n for n in pending_notices if n.code == "db.network_folder"][:1]:
        dialogs.info(window, QCoreApplication.translate("App", "Workspace on a network folder"), error_text(notice))
    pending_notices.clear()


def _reviewer(path: Path, read_only: bool, parent: QWidget | None) -> str:
    """The name to work under (asked once per workspace and login; see ui/reviewer_dialog)."""
    if str(path) == ":memory:":
        return reviewer_name()
    db = open_database(path, read_only=read_only)     # a new workspace is created, an old one upgraded here
    try:
        return reviewer_for(parent, db, login=reviewer_name(), workspace_name=path.stem, read_only=read_only)
    finally:
        db.close()


def _first_steps(window: Any) -> None:
    """Once shown: the demo offer for an empty workspace, the first case. Not for a window
    already closed again (replaced at once: its workspace is closed)."""
    if window.isVisible():
        window.offer_demo()
        window.select_first()


def open_window(window_class: Callable[..., Any], path: Path, language: str, *, parent: QWidget | None = None,
                claim: tuple[WorkspaceLock | None, bool] | None = None, reviewer: str | None = None,
                geometry: QByteArray | None = None) -> Any | None:
    """A shown window on the workspace, or None (the user quit the lock question, or it cannot be
    opened: said in a dialog). `claim` is a lock already held (a window replacing another on
    the same workspace); without it the workspace is claimed here, and released on failure.
    `window_class` is ui.main_window.MainWindow, given by the caller: the window imports this module."""
    path = Path(path)
    given = claim is not None
    claim = claim if given else claim_workspace(path, parent)
    if claim is None:
        return None
    lock, read_only = claim
    # A workspace on read-only media, or a file the user may not change: shown, not refused.
    read_only = read_only or not _writable_file(path)
    try:
        window = window_class(path, reviewer or _reviewer(path, read_only, parent), language, read_only=read_only)
    except WorkbenchError as exc:
        if lock is not None and not given:
            lock.release()
        dialogs.error(parent, QCoreApplication.translate("App", "Cannot open the workspace"), error_text(exc))
        return None
    _adopt(window, lock)
    remember(path)
    if geometry is not None:
        window.restoreGeometry(geometry)
    _show_notices(window)
    window.show()
    QTimer.singleShot(0, window, lambda: _first_steps(window))
    log.info("opened workspace %s as %s%s", path, window.reviewer, " (read-only)" if read_only else "")
    return window
