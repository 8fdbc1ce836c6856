"""Claiming a workspace for this window: one writing window per workspace (the lock of
foundation.instance_lock), the question when another holds it, and the question before
creating a workspace the user named. Used at start-up (ui/app.py) and when a work package is
opened in a new window (ui/package_dialogs.py)."""
from __future__ import annotations

import getpass
import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ui import dialogs
from foundation.instance_lock import LockHolder, WorkspaceLock

log = logging.getLogger("workbench.ui")


def reviewer_name() -> str:
    try:
        return getpass.getuser()
    except Exception:
        return "reviewer"


def in_use_text(path: Path, holder: LockHolder) -> str:
    if holder.known:
        since = holder.since.replace("T", " ")[:16]
        who = (QCoreApplication.translate("App", "The workspace %1 is in use by %2 on %3 (process %4) since %5.")
               .replace("%1", str(path)).replace("%2", holder.user or "?").replace("%3", holder.host or "?")
               .replace("%4", str(holder.pid)).replace("%5", since or "?"))
    else:
        who = QCoreApplication.translate("App", "The workspace %1 is in use by another window of the workbench.") \
            .replace("%1", str(path))
    return who + "\n\n" + QCoreApplication.translate(
        "App", "Only one window at a time can change a workspace. Open it read-only to look at the cases "
               "and reviews, or close the other window and try again.")


def claim_workspace(path: Path, parent: QWidget | None = None) -> tuple[WorkspaceLock | None, bool] | None:
    """Lock the workspace for this instance: (the lock, read-only?), or None to quit.

    When another instance holds it, the user chooses: open read-only, try again, or quit.
    """
    if str(path) == ":memory:":
        return None, False
    lock = WorkspaceLock(path)
    while True:
        try:
            holder = lock.acquire()
        except OSError as exc:   # e.g. a read-only folder: SQLite will say what it can and cannot do
            log.warning("cannot lock the workspace at %s: %s", lock.path, exc)
            return None, False
        if holder is None:
            return lock, False
        log.info("workspace %s is held by %s", path, holder)
        choice = dialogs.choose(parent, QCoreApplication.translate("App", "Workspace in use"),
                                in_use_text(path, holder),
                                [QCoreApplication.translate("App", "Open read-only"),
                                 QCoreApplication.translate("App", "Try again"),
                                 QCoreApplication.translate("App", "Quit")], default=0, escape=2)
        if choice == 0:
            return None, True
        if choice != 1:
            return None


def may_create(path: Path, *, explicit: bool) -> bool:
    """A workspace named with --db or WORKBENCH_DB that does not exist is created only when the
    user says so: a mistyped path must not become a new, empty workspace without a word."""
    if not explicit or str(path) == ":memory:" or path.exists():
        return True
    return dialogs.confirm(None, QCoreApplication.translate("App", "Create a new workspace?"),
                           QCoreApplication.translate("App", "There is no workspace at %1.\n\nCreate a new, empty "
                                                             "workspace there?").replace("%1", str(path)))
