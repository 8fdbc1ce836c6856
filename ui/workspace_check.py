"""The integrity check run when a workspace is opened: SQLite's own checks, the audit hash
chain and the answers against the audit log (workbench.review.integrity), in the background so a
large workspace opens at once; the window is told the result when it is known."""
from __future__ import annotations

import logging
import sqlite3
import threading
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal

from db.connection import open_database
from workbench.review.integrity import check_workspace

log = logging.getLogger("workbench.ui.check")


class _Signals(QObject):
    done = Signal(object)       # list[str] of problems, or None when stopped or failed


class _Check(QRunnable):
    def __init__(self, path: Path, signals: _Signals, owner: "WorkspaceCheck") -> None:
        super().__init__()
        self.path, self.signals, self.owner = path, signals, owner
        self.setAutoDelete(True)

    def run(self) -> None:
        problems = None
        try:
            db = open_database(self.path, read_only=True)
        except Exception:     # the window itself opened it; failing here only means no check
            log.exception("workspace check could not open %s", self.path)
            self.signals.done.emit(None)
            return
        with self.owner.lock:
            self.owner.conn = db.conn
        try:
            problems = check_workspace(db)
        except sqlite3.OperationalError as exc:
            if "interrupt" not in str(exc):
                problems = [f"database: {exc}"]
        except Exception as exc:
            log.exception("workspace check failed")
            problems = [f"the check itself failed: {exc}"]
        finally:
            with self.owner.lock:
                self.owner.conn = None
            db.close()
        self.signals.done.emit(problems)


class WorkspaceCheck(QObject):
    """finished(problems) on the UI thread: a list (empty when intact)."""

    finished = Signal(list)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.lock = threading.Lock()
        self.conn: sqlite3.Connection | None = None
        self.running = False
        self.problems: list[str] | None = None
        self._signals = _Signals()
        self._signals.done.connect(self._on_done, Qt.ConnectionType.QueuedConnection)

    def start(self, path: Path) -> None:
        if self.running:
            return
        self.running = True
        self.pool.start(_Check(path, self._signals, self))

    def stop(self) -> None:
        """Interrupt a check still running (the window is closing) and wait for it."""
        with self.lock:
            if self.conn is not None:
                self.conn.interrupt()
        self.pool.waitForDone(10_000)

    def _on_done(self, problems: list[str] | None) -> None:
        self.running = False
        if problems is None:
            return
        self.problems = problems
        self.finished.emit(problems)
