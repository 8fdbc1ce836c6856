"""Running a workbench job off the UI thread, with a progress dialog and Cancel.

The job runs in a QThreadPool; it reports progress into a thread-safe "latest progress"
value that a 100 ms timer on the UI thread polls (no signal storm from a fast loop), and
the dialog appears only when a job takes longer than 600 ms. Cancel sets the job's
CancelToken; the job stops at its next check and rolls back. The result or the error
comes back to the UI thread through a queued signal.
"""
from __future__ import annotations

import logging
import sys
import threading
from dataclasses import dataclass
from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from foundation.errors import Cancelled
from foundation.jobs import CancelToken, Progress

log = logging.getLogger("workbench.ui.tasks")

Job = Callable[[Progress, CancelToken], Any]
SHOW_AFTER_MS = 600
POLL_MS = 100
#: How long a thread may keep Python's interpreter lock while another waits for it (CPython's
#: default is 5 ms). Background work here is mostly Python (the Dashboard's two counting workers,
#: the risk refresh), and the window's thread waits for its turn: at a million cases its longest
#: wait in a Dashboard refresh was 140-207 ms at 5 ms and 92-135 ms at 1 ms in alternate runs at
#: load 3, 154-206 against 101-217 ms on a quiet machine (issue 20: it helps, not always enough).
SWITCH_INTERVAL_S = 0.001


def prefer_the_window() -> None:
    """Let the window's thread have the interpreter back sooner from busy workers (the application
    calls it once at start; the Dashboard's bench does too, to measure what the application does)."""
    sys.setswitchinterval(SWITCH_INTERVAL_S)


@dataclass
class _Latest:
    done: int = 0
    total: int = 0
    label: str = ""


class _Signals(QObject):
    finished = Signal(object)
    failed = Signal(object)
    cancelled = Signal()


class _Runnable(QRunnable):
    def __init__(self, job: Job, cancel: CancelToken, latest: _Latest, lock: threading.Lock,
                 signals: _Signals) -> None:
        super().__init__()
        self.job, self.cancel, self.latest, self.lock, self.signals = job, cancel, latest, lock, signals
        self.setAutoDelete(True)

    def run(self) -> None:
        def progress(done: int, total: int, label: str = "") -> None:
            with self.lock:
                self.latest.done, self.latest.total, self.latest.label = done, total, label
        try:
            result = self.job(progress, self.cancel)
        except Cancelled:
            self.signals.cancelled.emit()
        except BaseException as exc:  # delivered to the UI thread, which decides what to show
            if not hasattr(exc, "code"):
                log.exception("background job failed")
            self.signals.failed.emit(exc)
        else:
            self.signals.finished.emit(result)


class Task(QObject):
    """One running job; emits finished(result), failed(exception) or cancelled() on the UI thread."""

    finished = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    ended = Signal()

    def __init__(self, parent: QWidget | None, title: str, job: Job, pool: QThreadPool) -> None:
        super().__init__(parent)
        self.token = CancelToken()
        self._latest = _Latest()
        self._lock = threading.Lock()
        self._signals = _Signals()
        self._signals.finished.connect(self._on_finished, Qt.ConnectionType.QueuedConnection)
        self._signals.failed.connect(self._on_failed, Qt.ConnectionType.QueuedConnection)
        self._signals.cancelled.connect(self._on_cancelled, Qt.ConnectionType.QueuedConnection)
        self.dialog = QProgressDialog(title, self.tr("Cancel"), 0, 0, parent)
        self.dialog.setWindowTitle(title)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(SHOW_AFTER_MS)
        self.dialog.setAutoReset(False)
        self.dialog.setAutoClose(False)
        self.dialog.canceled.connect(self.cancel)
        self.dialog.setValue(0)
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)
        self._timer.start()
        self.running = True
        pool.start(_Runnable(job, self.token, self._latest, self._lock, self._signals))

    def cancel(self) -> None:
        self.token.cancel()
        self.dialog.setLabelText(self.tr("Cancelling; nothing will be changed..."))

    def _poll(self) -> None:
        with self._lock:
            done, total, label = self._latest.done, self._latest.total, self._latest.label
        if total > 0:
            self.dialog.setMaximum(1000)
            self.dialog.setValue(min(1000, int(1000 * done / total)))
        if label and not self.token.cancelled:
            self.dialog.setLabelText(label)

    def _end(self) -> None:
        self.running = False
        self._timer.stop()
        self.dialog.reset()
        self.dialog.hide()
        self.dialog.deleteLater()
        # Give the keyboard back to the window: without a window manager to do it (a kiosk,
        # a virtual display) its shortcuts stayed dead after the modal dialog went away.
        owner = self.dialog.parentWidget()
        if owner is not None and owner.isVisible():
            owner.window().activateWindow()
        self.ended.emit()

    def _on_finished(self, result: object) -> None:
        self._end()
        self.finished.emit(result)

    def _on_failed(self, exc: object) -> None:
        self._end()
        self.failed.emit(exc)

    def _on_cancelled(self) -> None:
        self._end()
        self.cancelled.emit()


class QuietTask(QObject):
    """A job with no progress dialog, for a view that refreshes itself in the background;
    emits finished(result) or failed(exception) on the UI thread."""

    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, parent: QObject, job: Job, pool: QThreadPool) -> None:
        super().__init__(parent)
        self._signals = _Signals()
        self._signals.finished.connect(self.finished, Qt.ConnectionType.QueuedConnection)
        self._signals.failed.connect(self.failed, Qt.ConnectionType.QueuedConnection)
        pool.start(_Runnable(job, CancelToken(), _Latest(), threading.Lock(), self._signals))


class TaskRunner(QObject):
    """Starts tasks on a private pool; the pool is waited for on shutdown."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(2)
        self.tasks: list[Task] = []

    def start(self, parent: QWidget | None, title: str, job: Job) -> Task:
        task = Task(parent, title, job, self.pool)
        self.tasks.append(task)
        task.ended.connect(lambda: self.tasks.remove(task) if task in self.tasks else None)
        return task

    def shutdown(self) -> None:
        for task in list(self.tasks):
            task.cancel()
        self.pool.waitForDone(10_000)
