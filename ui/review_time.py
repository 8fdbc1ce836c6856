"""Active time on a review, measured with the injected clock (workbench.review.timing.ActiveTimer):
any input in the window counts as activity; time counts only while the reviewer can write to
the review on screen and no modal dialog covers the window; it is banked before anything that
changes whether it counts, shown every second and written at least every 30 seconds.

ActiveTime is a part of ui.review_panel.ReviewPanel, which holds the state.
"""
from __future__ import annotations

import logging

import sqlite_utils
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from foundation.errors import WorkbenchError
from workbench.review import reviews
from workbench.review.checklists import Checklist
from workbench.review.timing import ActiveTimer

log = logging.getLogger("workbench.ui.review")

TICK_MS = 1000                  # the active-time display
STORE_TIME_MS = 30_000          # active time is written at least this often
INPUT_EVENTS = (QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel)


class ActiveTime:
    """The review panel's active-time bookkeeping (a part of ReviewPanel, which holds the state)."""

    db: sqlite_utils.Database
    reviewer: str
    read_only: bool
    review_id: int | None
    review: reviews.Review | None
    checklist: Checklist | None
    review_labels: dict[str, QLabel]
    timer: ActiveTimer
    _unsaved_seconds: float         # active time measured, not yet written
    _blocked: bool                  # a modal dialog (another task's, or a question) covers the window

    def _start_time_keeping(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)    # any input in this window counts as activity
        self._tick = QTimer(self)
        self._tick.setInterval(TICK_MS)
        self._tick.timeout.connect(self._on_tick)
        self._tick.start()
        self._store_timer = QTimer(self)
        self._store_timer.setInterval(STORE_TIME_MS)
        self._store_timer.timeout.connect(self.store_time)
        self._store_timer.start()

    def _note_activity(self, watched: QObject, event: QEvent) -> None:
        """Input in this window is activity; a modal dialog over it stops the time."""
        kind = event.type()
        if kind in INPUT_EVENTS and isinstance(watched, QWidget) and watched.window() is self.window():
            self._touch()
        elif kind in (QEvent.Type.WindowBlocked, QEvent.Type.WindowUnblocked) and watched is self.window():
            # A modal dialog (another task's progress, a question) covers the window: no time counts.
            self._collect_time()
            self._blocked = kind == QEvent.Type.WindowBlocked
            if self._blocked:
                self.timer.pause()

    def set_window_active(self, active: bool) -> None:
        if active:
            self._touch()
        else:
            self._collect_time()
            self.timer.pause()

    def time_counts(self) -> bool:
        """Whether active time counts now: only while the reviewer can write to the review on
        screen (their own, unfinished; or none yet, made by the first answer), and no modal
        dialog of another task covers the window."""
        if self.read_only or self.checklist is None or self._blocked:
            return False
        return self.review is None or reviews.can_write(self.review, self.reviewer)

    def _collect_time(self) -> None:
        """Bank the time measured up to now if it counts. Called before anything that changes
        whether it counts (an answer, completing, another case, a dialog), so each second is
        judged by the state it was spent in."""
        seconds = self.timer.take()
        if self.time_counts():
            self._unsaved_seconds += seconds

    def _touch(self) -> None:
        self._collect_time()
        if not self._blocked:
            self.timer.touch()

    def _on_tick(self) -> None:
        self._collect_time()
        self._show_time()

    def _show_time(self) -> None:
        stored = self.review.active_seconds if self.review else 0.0
        if self.checklist is None:
            self.review_labels["time"].clear()
            return
        self.review_labels["time"].setText(format_duration(stored + self._unsaved_seconds))

    def store_time(self) -> None:
        """Write the active time measured so far (every 30 s, and on leaving the case)."""
        self._collect_time()
        if self.review_id is None or self.read_only or self._unsaved_seconds < 0.5:
            return
        seconds, self._unsaved_seconds = self._unsaved_seconds, 0.0
        try:
            reviews.add_active_time(self.db, self.review_id, seconds, actor=self.reviewer)
            self.review = reviews.get_review(self.db, self.review_id)
        except WorkbenchError:
            log.exception("active time not stored")


def format_duration(seconds: float) -> str:
    seconds = int(round(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"

