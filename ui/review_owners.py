"""Someone else's review on screen: before anything is written into it, the reviewer is asked
(No is the default) whether to take over an unfinished review, or, beside a finished one,
whether to start a review of their own.

ReviewOwners is a part of ui.review_panel.ReviewPanel, which holds the state.
"""
from __future__ import annotations

import sqlite_utils
from PySide6.QtCore import Signal

from ui import dialogs
from ui.case_model import value_label
from ui.changes import review_changes
from ui.messages import error_text
from foundation.errors import WorkbenchError
from workbench.review import reviews
from workbench.review.timing import ActiveTimer


class ReviewOwners:
    """Whose review is on screen, and the take-over questions (a part of ReviewPanel)."""

    db: sqlite_utils.Database
    reviewer: str
    case_id: int | None
    review: reviews.Review | None
    timer: ActiveTimer
    changed: Signal
    message: Signal

    def _someone_elses(self) -> bool:
        return self.review is not None and self.review.reviewer != self.reviewer

    def _ask_to_write(self) -> bool:
        """Someone else's review is on screen and the user is about to write into it: ask first
        (No is the default). An unfinished review can be taken over (audited with both names),
        then the write goes ahead; beside a finished one the user may start a review of their
        own, shown for them to answer. Nothing is written, and no time credited, without a Yes."""
        current = self.review
        assert current is not None and self.case_id is not None
        self._collect_time()     # the time so far was spent on someone else's review: dropped
        status = value_label("status", current.status)
        if current.status in reviews.REVIEWED_STATUSES:
            question = (self.tr("This case's review by %1 is finished (%2) and stays as it is. Start your own "
                                "review of the case?").replace("%1", current.reviewer).replace("%2", status))
            if not dialogs.confirm(self, self.tr("Start your own review?"), question):
                return False
            try:
                reviews.open_review(self.db, self.case_id, reviewer=self.reviewer)
            except WorkbenchError as exc:
                dialogs.error(self, self.tr("Review not started"), error_text(exc))
                return False
            self.show_case(self.case_id)        # the user's own review, empty, ready to answer
            self.changed.emit(review_changes("open", [self.case_id]))
            self.message.emit(self.tr("Your own review of the case is open; answer it."))
            return False
        question = (self.tr("This case's review belongs to %1 (%2). Take it over? Your answers then go into "
                            "this review, and the take-over is kept in the audit log with both names.")
                    .replace("%1", current.reviewer).replace("%2", status))
        if not dialogs.confirm(self, self.tr("Take over the review?"), question):
            return False
        try:
            self.review = reviews.take_over(self.db, current.id, actor=self.reviewer)
        except WorkbenchError as exc:
            dialogs.error(self, self.tr("Not taken over"), error_text(exc))
            self._after_change("take_over")
            return False
        self.timer.touch()
        self._after_change("take_over")
        self.message.emit(self.tr("You took over the review from %1.").replace("%1", current.reviewer))
        return True

