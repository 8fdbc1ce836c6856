"""One case: its facts beside the checklist, answered by keyboard.

P pass, F fail, N n/a, 1-4 severity, K category, C comment (Esc back), Enter or Down next
item, Up previous, Delete clears, Ctrl+Enter complete; the window adds Ctrl+Z / Ctrl+Shift+Z
(undo, redo), Ctrl+N (next case) and sign-off. Every answer is committed at once through
workbench.review.reviews; the panel only turns keys into calls and shows what the workbench computed.

The panel is put together from parts, one module each: ui.review_items (the checklist rows
and their keys), ui.review_details (the current item's editors and the category picker),
ui.review_answers (keys into workbench calls; undo and redo), ui.review_owners (someone
else's review: the take-over questions) and ui.review_time (active time).
"""
from __future__ import annotations

import time
from datetime import datetime
from typing import Callable

import sqlite_utils
from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (QApplication, QFormLayout, QFrame, QGroupBox, QHBoxLayout, QLabel, QPushButton,
                               QSplitter, QVBoxLayout, QWidget)

from ui import dialogs, incomplete_review
from ui.case_facts import OPTIONAL_FACTS, fact_text, fact_titles
from ui.case_model import value_label
from ui.messages import error_text
from ui.review_answers import ReviewAnswers
from ui.review_details import ReviewDetails
from ui.review_items import ReviewItems
from ui.review_owners import ReviewOwners
from ui.review_time import ActiveTime
from ui.risk_box import RiskBox
from ui.severity_legend import SeverityLegend
from foundation.errors import WorkbenchError
from workbench.review import reviews
from workbench.review.checklists import Checklist
from workbench.review.timing import ActiveTimer
from workbench.review.undo import UndoHistory

VERDICT_STYLES = {
    "error": "background:#fde7e6; color:#8c1d18; border:1px solid #e6a9a4; padding:4px;",
    "defect": "background:#fff4dc; color:#7a4f00; border:1px solid #e8c87a; padding:4px;",
    "compliant": "background:#e6f4ea; color:#135c2b; border:1px solid #9fd3ae; padding:4px;",
    None: "padding:4px;",
}
# In progress: not a result yet; a dashed frame, the verdict's colour, italic, no fill.
PROVISIONAL_STYLE = "color:%s; border:1px dashed #999; padding:4px; font-style:italic;"
VERDICT_COLOURS = {"error": "#8c1d18", "defect": "#7a4f00", "compliant": "#135c2b"}


class ReviewPanel(ReviewAnswers, ReviewOwners, ReviewDetails, ReviewItems, ActiveTime, QWidget):
    changed = Signal(object)       # Changes: the panel wrote into the workspace (answer, status, take-over)
    undo_changed = Signal()        # what Undo and Redo would do changed
    message = Signal(str)          # a short note for the status bar

    def __init__(self, db: sqlite_utils.Database, reviewer: str, language: str, parent: QWidget | None = None, *,
                 read_only: bool = False, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(parent)
        self.db = db
        self.reviewer = reviewer
        self.language = language
        self.read_only = read_only      # show answers, never write them (another instance holds the workspace)
        self.case_id: int | None = None
        self.review_id: int | None = None
        self.review: reviews.Review | None = None
        self.checklist: Checklist | None = None
        self.checklist_id: int | None = None
        self.answers: dict[str, reviews.Answer] = {}
        self.undo_history = UndoHistory()
        self.timer = ActiveTimer(clock=clock)
        self._unsaved_seconds = 0.0     # active time measured, not yet written
        self._blocked = False           # a modal dialog (another task's, or a question) covers the window
        self._numbers: dict[str, str] = {}
        self._loading = False
        self._build()
        self._start_time_keeping()

    # -- layout ----------------------------------------------------------------------------
    def _build(self) -> None:
        left = self._build_case_side()
        self.lock_banner = QLabel()
        self.lock_banner.setWordWrap(True)
        self.lock_banner.setStyleSheet("background:#eef1f8; border:1px solid #b8c2dc; padding:6px;")
        self.lock_banner.hide()
        self.view = self._build_checklist_view()
        detail = self._build_detail()
        bottom = self._build_verdict_row()
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.lock_banner)
        right_layout.addWidget(self.view, 1)
        right_layout.addWidget(SeverityLegend(self.language))     # what 1-4 mean, before a key is pressed
        right_layout.addWidget(detail, 0)
        right_layout.addLayout(bottom)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 5)
        splitter.setSizes([260, 650])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self._set_enabled(False)

    def _build_case_side(self) -> QWidget:
        """The case's facts above the review's checklist, reviewer, status and time."""
        self.facts_box = QGroupBox(self.tr("Case"))
        self.facts = QFormLayout(self.facts_box)
        self.fact_labels: dict[str, QLabel] = {}
        for key, title in (("application_number", self.tr("Application no.")), ("ip_type", self.tr("Type")),
                           ("title", self.tr("Title")), ("applicant", self.tr("Applicant")),
                           ("examiner", self.tr("Examiner")), ("department", self.tr("Department")),
                           ("classification", self.tr("Classification")), ("procedure", self.tr("Procedure")),
                           ("decision", self.tr("Decision")), ("filing_date", self.tr("Filed")),
                           ("decision_date", self.tr("Decided")), *fact_titles().items()):
            label = QLabel()
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fact_labels[key] = label
            self.facts.addRow(title, label)
            self.facts.setRowVisible(label, key not in OPTIONAL_FACTS)

        self.review_box = QGroupBox(self.tr("Review"))
        self.review_form = QFormLayout(self.review_box)
        self.review_labels: dict[str, QLabel] = {}
        for key, title in (("checklist", self.tr("Checklist")), ("reviewer", self.tr("Reviewer")),
                           ("status", self.tr("Status")), ("standing", self.tr("Case counts as")),
                           ("time", self.tr("Active time"))):
            label = QLabel()
            label.setWordWrap(True)
            self.review_labels[key] = label
            self.review_form.addRow(title, label)
        self.review_form.setRowVisible(self.review_labels["standing"], False)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.facts_box)
        self.risk_box = RiskBox(self.language)
        left_layout.addWidget(self.risk_box)
        left_layout.addWidget(self.review_box)
        left_layout.addStretch(1)
        return left

    def _build_verdict_row(self) -> QHBoxLayout:
        self.verdict_label = QLabel()
        self.verdict_label.setFrameShape(QFrame.Shape.StyledPanel)
        self.verdict_label.setWordWrap(True)
        verdict_font = QFont(self.verdict_label.font())
        verdict_font.setBold(True)
        self.verdict_label.setFont(verdict_font)
        # Two lines' height whatever it says: answering never moves the panes above it.
        self.verdict_label.setFixedHeight(2 * self.verdict_label.fontMetrics().lineSpacing() + 16)
        self.complete_button = QPushButton(self.tr("Complete (Ctrl+Enter)"))
        self.complete_button.clicked.connect(self.complete)
        self.sign_off_button = QPushButton(self.tr("Sign off"))
        self.sign_off_button.clicked.connect(self.sign_off)
        bottom = QHBoxLayout()
        bottom.addWidget(self.verdict_label, 1)
        bottom.addWidget(self.complete_button)
        bottom.addWidget(self.sign_off_button)
        return bottom

    def _set_enabled(self, enabled: bool) -> None:
        for widget in (self.view, self.severity_combo, self.category_combo, self.comment, self.complete_button,
                       self.sign_off_button):
            widget.setEnabled(enabled)
        if self.read_only:   # the checklist and comments stay readable; nothing can be changed
            for widget in (self.severity_combo, self.category_combo, self.complete_button, self.sign_off_button):
                widget.setEnabled(False)
            self.comment.setReadOnly(True)

    @property
    def locked(self) -> bool:
        return self.review is not None and self.review.locked

    @property
    def editable(self) -> bool:
        return self.checklist is not None and not self.read_only and not self.locked

    # -- loading a case --------------------------------------------------------------------
    def show_case(self, case_id: int | None) -> None:
        self.flush()
        if self.review_id is None:
            self._unsaved_seconds = 0.0     # a case only glanced at: no review, no time
        self.case_id = case_id
        self.review_id = None
        self.review = None
        self.answers = {}
        self.checklist = None
        self.checklist_id = None
        loaded = reviews.load_case_review(self.db, case_id, reviewer=self.reviewer) if case_id is not None else None
        self.risk_box.show_case(self.db, case_id if loaded is not None else None)
        if loaded is None:
            self.view.clear()
            for label in (*self.fact_labels.values(), *self.review_labels.values()):
                label.clear()
            self._show_facts({})
            self.review_form.setRowVisible(self.review_labels["standing"], False)
            self._set_enabled(False)
            self.verdict_label.clear()
            self.verdict_label.setStyleSheet(VERDICT_STYLES[None])
            self.lock_banner.hide()
            self._show_detail()
            self.undo_changed.emit()
            return
        self._show_facts(loaded.case)
        self.review = loaded.review
        self.review_id = loaded.review.id if loaded.review else None
        self.checklist_id = loaded.checklist_id
        self.answers = dict(loaded.answers)
        self.checklist = loaded.checklist
        if self.checklist is None:
            self.view.clear()
            self.verdict_label.setText(self.tr("No checklist applies to this kind of case."))
            self.verdict_label.setStyleSheet(VERDICT_STYLES[None])
            self._set_enabled(False)
            self.undo_changed.emit()
            return
        self._set_enabled(True)      # before populating: a disabled list cannot take the focus
        self._populate()
        self._touch()
        self.undo_changed.emit()

    def _show_facts(self, case: dict[str, object]) -> None:
        """The case's facts; an optional one the case does not have shows no row."""
        for key, label in self.fact_labels.items():
            label.setText(fact_text(key, case.get(key)))
            if key in OPTIONAL_FACTS:
                self.facts.setRowVisible(label, bool(label.text()))

    def refresh(self) -> None:
        """Show the case as the workspace holds it now: another task (a round drawn, a merge, a
        take-over) may have changed its review. The item being looked at stays current."""
        if self.case_id is None:
            return
        loaded = reviews.load_case_review(self.db, self.case_id, reviewer=self.reviewer)
        if loaded is None:                  # the case went (its import was removed)
            self.show_case(None)
            return
        same_review = (loaded.review.id if loaded.review else None) == self.review_id
        if same_review and loaded.checklist_id == self.checklist_id and self.checklist is not None:
            self._collect_time()            # its status may change whether time counts
            self._show_facts(loaded.case)              # an import may have updated the case
            self.review, self.answers = loaded.review, dict(loaded.answers)
            self._refresh_rows()
            self.undo_changed.emit()
            return
        current, focus = self.current_item(), QApplication.focusWidget()
        self.show_case(self.case_id)
        row = self._row_of(current.id) if current is not None else None
        if row is not None and not row.isHidden():
            self.view.setCurrentItem(row)
        if focus is not None and focus is not self.view and focus.isVisible():
            focus.setFocus()                # typing in the search box goes on there

    def _refresh_summary(self) -> None:
        assert self.checklist is not None
        status = self.review.status if self.review else "open"
        self._show_verdict(status)
        self._show_review_labels(status)
        self._show_time()
        self._show_lock_banner()
        writable = not self.read_only and not self.locked
        self.complete_button.setEnabled(writable)
        self.sign_off_button.setEnabled(writable and status == "completed")

    def _show_verdict(self, status: str) -> None:
        """'Completed · 21 of 21 answered · verdict Defect · score 95 · findings: 1 minor'; while the
        review is in progress the verdict reads as provisional: 'so far: Defect', a dashed box."""
        assert self.checklist is not None
        assessment = reviews.assess(self.checklist, self.answers)
        final = status in reviews.REVIEWED_STATUSES
        parts = [value_label("status", status),
                 self.tr("%1 of %2 answered").replace("%1", str(assessment.answered))
                 .replace("%2", str(assessment.shown))]
        verdict = assessment.verdict if self.answers else None
        label = value_label("verdict", verdict) if verdict else self.tr("none yet")
        parts.append((self.tr("verdict %1") if final else self.tr("so far: %1")).replace("%1", label))
        if assessment.score is not None:
            parts.append(self.tr("score %1").replace("%1", f"{assessment.score:g}"))
        findings = [f"{assessment.findings[s]} {self._severity_label(s).lower()}"
                    for s in ("critical", "major", "minor", "advisory") if assessment.findings.get(s)]
        if findings:
            parts.append(self.tr("findings: %1").replace("%1", ", ".join(findings)))
        if assessment.unrated:
            parts.append(self.tr("1 fail without a severity yet") if assessment.unrated == 1 else
                         self.tr("%1 fails without a severity yet").replace("%1", str(assessment.unrated)))
        self.verdict_label.setText(" · ".join(parts))
        style = VERDICT_STYLES.get(verdict, VERDICT_STYLES[None])
        if not final and verdict:
            style = PROVISIONAL_STYLE % VERDICT_COLOURS[verdict]
        self.verdict_label.setStyleSheet(style)

    def _show_review_labels(self, status: str) -> None:
        assert self.checklist is not None
        name = self.checklist.name.get(self.language)
        self.review_labels["checklist"].setText(
            self.tr("%1 (version %2)").replace("%1", name).replace("%2", str(self.checklist.version)))
        self.review_labels["reviewer"].setText(self.review.reviewer if self.review else self.reviewer)
        self.review_labels["status"].setText(value_label("status", status))
        # The review on screen is not always the one the figures use (the queue's status): e.g.
        # a round drew a signed-off case and opened a new review; the signed-off one counts.
        standing = reviews.latest_review_for_case(self.db, self.case_id) if self.case_id is not None else None
        differs = standing is not None and (self.review is None or standing.id != self.review.id)
        if standing is not None and differs:
            self.review_labels["standing"].setText(
                self.tr("%1 (review by %2)").replace("%1", value_label("status", standing.status))
                .replace("%2", standing.reviewer))
        self.review_form.setRowVisible(self.review_labels["standing"], differs)

    def _show_lock_banner(self) -> None:
        if self.locked and self.review is not None:
            self.lock_banner.setText(
                self.tr("Signed off by %1 on %2: this review is locked. To change it, reopen it with a reason "
                        "(Review menu).").replace("%1", self.review.signed_off_by or "?")
                .replace("%2", local_time(self.review.signed_off_at)))
            self.lock_banner.show()
        elif self.read_only:
            self.lock_banner.setText(self.tr("Read-only: another window is using this workspace."))
            self.lock_banner.show()
        elif self.review is not None and self.review.role == "calibration":
            if self.review.status in reviews.REVIEWED_STATUSES:
                text = self.tr("Your calibration review of this case is completed and final; the Calibration tab "
                               "(Ctrl+Shift+C) shows it beside the other reviewers' answers.")
            else:
                text = self.tr("Calibration review: your own blind judgement of the case. Once you complete it, it "
                               "is final and the other reviewers' answers appear in the Calibration tab "
                               "(Ctrl+Shift+C).")
            self.lock_banner.setText(text)
            self.lock_banner.show()
        else:
            self.lock_banner.hide()

    # -- completing and signing off -------------------------------------------------------------
    def complete(self) -> bool:
        self._commit_comment()
        if self.checklist is None or self.case_id is None or self.read_only:
            return False
        if self._someone_elses() and not self._ask_to_write():
            return False
        if self.locked:
            self._refuse(self.tr("This review is already signed off."))
            return False
        try:
            review_id = self._ensure_review()
            self.store_time()       # the time up to completion is the review's; none counts after it
            result = reviews.complete(self.db, review_id, actor=self.reviewer)
        except WorkbenchError as exc:
            self._reload_answers()
            self._explain_missing(exc)
            return False
        self._after_change("complete")
        self.message.emit(self.tr("Review completed: %1. Ctrl+N opens the next case.")
                          .replace("%1", value_label("verdict", result.verdict)))
        return True

    def _explain_missing(self, exc: WorkbenchError) -> None:
        """How many items still miss what, with a button to the first of them."""
        items = exc.params.get("items") if exc.code == "review.incomplete" else None
        if not items or self.checklist is None:
            dialogs.error(self, self.tr("Review not complete"), error_text(exc))
            return
        unanswered, severity, category, first = incomplete_review.missing_counts(items)
        choice = dialogs.choose(self, self.tr("Review not complete"),
                                incomplete_review.missing_text(unanswered, severity, category),
                                [incomplete_review.go_label(unanswered), self.tr("Close")], default=0, escape=1)
        row = self._row_of(first) if first else None
        if choice == 0 and row is not None:
            self.view.setCurrentItem(row)
            self.view.scrollToItem(row)
            self.view.setFocus()

    def sign_off(self) -> bool:
        """Complete if need be, then sign off (lock) the review."""
        if self.checklist is None or self.read_only or self.case_id is None:
            return False
        if self.locked:
            self._refuse(self.tr("This review is already signed off."))
            return False
        if (self.review is None or self.review.status != "completed") and not self.complete():
            return False
        try:
            review_id = self._ensure_review()
            self.store_time()       # what is still pending, before the review is locked
            self.review = reviews.sign_off(self.db, review_id, actor=self.reviewer)
        except WorkbenchError as exc:
            dialogs.error(self, self.tr("Not signed off"), error_text(exc))
            return False
        self._after_change("sign_off")
        self.message.emit(self.tr("Signed off and locked."))
        return True

    def reopen(self) -> bool:
        """Reopen a signed-off review; asks for the reason, which goes into the audit log."""
        if not self.locked or self.read_only or self.review_id is None:
            self._refuse(self.tr("Only a signed-off review can be reopened."))
            return False
        reason = dialogs.ask_text(self, self.tr("Reopen review"),
                                  self.tr("Why is this signed-off review reopened? The reason is kept in the "
                                          "audit log."))
        if reason is None:
            return False
        try:
            self.review = reviews.reopen(self.db, self.review_id, actor=self.reviewer, reason=reason)
        except WorkbenchError as exc:
            dialogs.error(self, self.tr("Not reopened"), error_text(exc))
            return False
        self._after_change("reopen")
        self.view.setFocus()
        self.message.emit(self.tr("Reopened; answers can be changed again."))
        return True

    # -- input -------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        self._note_activity(watched, event)
        if self._filter_detail_keys(watched, event):
            return True
        return super().eventFilter(watched, event)

    def flush(self) -> None:
        """Store pending comment text and active time (on leaving a case or closing)."""
        self._commit_comment()
        self.store_time()


def local_time(iso: str | None) -> str:
    """A stored UTC time as the reviewer's local date and time."""
    if not iso:
        return ""
    try:
        return datetime.fromisoformat(iso).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return iso
