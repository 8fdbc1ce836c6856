"""One case: its facts beside the checklist, answered by keyboard.

P pass, F fail, N n/a, 1-4 severity, K category, C comment (Esc back), Enter or Down next
item, Up previous, Delete clears, Ctrl+Enter complete; the window adds Ctrl+Z / Ctrl+Shift+Z
(undo, redo), Ctrl+N (next case) and sign-off. Every answer is committed at once through
workbench.review.reviews; the panel only turns keys into calls and shows what the workbench computed.
"""
from __future__ import annotations

import logging
import time
from datetime import datetime
from typing import Any, Callable

import sqlite_utils
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QCompleter, QFormLayout, QFrame,
                               QGridLayout, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QPlainTextEdit,
                               QPushButton, QSplitter, QStyledItemDelegate, QStyleOptionViewItem, QTreeWidget,
                               QTreeWidgetItem, QVBoxLayout, QWidget)

from ui import dialogs
from ui.case_model import value_label
from ui.changes import review_changes
from ui.messages import error_text
from workbench.review import reviews
from workbench.review.checklists import Checklist, Item
from workbench.base.errors import WorkbenchError
from workbench.review.timing import ActiveTimer
from workbench.review.undo import Step, UndoHistory

log = logging.getLogger("workbench.ui.review")

SEVERITY_KEYS = {Qt.Key.Key_1: "critical", Qt.Key.Key_2: "major", Qt.Key.Key_3: "minor", Qt.Key.Key_4: "advisory"}
OUTCOME_KEYS = {Qt.Key.Key_P: "pass", Qt.Key.Key_F: "fail", Qt.Key.Key_N: "na"}
COMMENT_DELAY_MS = 800          # a comment is committed this long after typing stops
TICK_MS = 1000                  # the active-time display
STORE_TIME_MS = 30_000          # active time is written at least this often
ITEM_ROLE = Qt.ItemDataRole.UserRole
NUMBER_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2     # what the category picker matches: both labels and the code
INPUT_EVENTS = (QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel)

OUTCOME_COLOURS = {"pass": QColor("#1b7a3a"), "fail": QColor("#b3261e"), "na": QColor("#6b6b6b")}
MISSING_COLOUR = QColor("#b3261e")
VERDICT_STYLES = {
    "error": "background:#fde7e6; color:#8c1d18; border:1px solid #e6a9a4; padding:4px;",
    "defect": "background:#fff4dc; color:#7a4f00; border:1px solid #e8c87a; padding:4px;",
    "compliant": "background:#e6f4ea; color:#135c2b; border:1px solid #9fd3ae; padding:4px;",
    None: "padding:4px;",
}


class NumberedDelegate(QStyledItemDelegate):
    """Shows '2.3' before an item's text without making the number part of the text."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: Any) -> None:  # noqa: N802 (Qt name)
        super().initStyleOption(option, index)
        number = index.data(NUMBER_ROLE) if index.column() == 0 else None
        if number:
            option.text = f"{number}   {option.text}"


class ChecklistView(QTreeWidget):
    """The checklist; turns the answering keys into a signal and leaves the rest to Qt."""

    key_command = Signal(str, object)   # ("outcome", "pass") / ("severity", "major") / ("next"|"prev"|...)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt name)
        key, mods = event.key(), event.modifiers()
        ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
        plain = not (mods & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier))
        if plain and key in OUTCOME_KEYS:
            self.key_command.emit("outcome", OUTCOME_KEYS[Qt.Key(key)])
        elif plain and key in SEVERITY_KEYS:
            self.key_command.emit("severity", SEVERITY_KEYS[Qt.Key(key)])
        elif plain and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Down):
            self.key_command.emit("next", None)
        elif plain and key == Qt.Key.Key_Up:
            self.key_command.emit("prev", None)
        elif plain and key == Qt.Key.Key_C:
            self.key_command.emit("comment", None)
        elif plain and key == Qt.Key.Key_K:
            self.key_command.emit("category", None)
        elif plain and key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.key_command.emit("clear", None)
        # The window's shortcuts normally take these; a panel on its own still answers them.
        elif ctrl and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.key_command.emit("complete", None)
        elif ctrl and key == Qt.Key.Key_Z:
            self.key_command.emit("redo" if mods & Qt.KeyboardModifier.ShiftModifier else "undo", None)
        else:
            super().keyPressEvent(event)


class ReviewPanel(QWidget):
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

    # -- layout ----------------------------------------------------------------------------
    def _build(self) -> None:
        self.facts_box = QGroupBox(self.tr("Case"))
        self.facts = QFormLayout(self.facts_box)
        self.fact_labels: dict[str, QLabel] = {}
        for key, title in (("application_number", self.tr("Application no.")), ("ip_type", self.tr("Type")),
                           ("title", self.tr("Title")), ("applicant", self.tr("Applicant")),
                           ("examiner", self.tr("Examiner")), ("department", self.tr("Department")),
                           ("classification", self.tr("Classification")), ("procedure", self.tr("Procedure")),
                           ("decision", self.tr("Decision")), ("filing_date", self.tr("Filed")),
                           ("decision_date", self.tr("Decided"))):
            label = QLabel()
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fact_labels[key] = label
            self.facts.addRow(title, label)

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
        left_layout.addWidget(self.review_box)
        left_layout.addStretch(1)

        self.lock_banner = QLabel()
        self.lock_banner.setWordWrap(True)
        self.lock_banner.setStyleSheet("background:#eef1f8; border:1px solid #b8c2dc; padding:6px;")
        self.lock_banner.hide()

        self.view = ChecklistView()
        self.view.setColumnCount(4)
        self.view.setHeaderLabels([self.tr("Checklist item"), self.tr("Answer"), self.tr("Severity"),
                                   self.tr("Category")])
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setAlternatingRowColors(True)
        self.view.setUniformRowHeights(False)
        self.view.setWordWrap(True)
        self.view.setRootIsDecorated(False)
        self.view.setItemDelegateForColumn(0, NumberedDelegate(self.view))
        header = self.view.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.view.key_command.connect(self._on_key)
        self.view.currentItemChanged.connect(self._on_current_changed)

        self.item_title = QLabel()
        self.item_title.setWordWrap(True)
        bold = QFont(self.item_title.font())
        bold.setBold(True)
        self.item_title.setFont(bold)
        self.guidance = QLabel()
        self.guidance.setWordWrap(True)
        self.guidance.setTextFormat(Qt.TextFormat.PlainText)
        self.guidance.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reference = QLabel()
        self.reference.setWordWrap(True)
        italic = QFont(self.reference.font())
        italic.setItalic(True)
        self.reference.setFont(italic)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color:#555;")
        self.severity_combo = QComboBox()
        self.severity_combo.activated.connect(self._on_severity_chosen)
        self.category_combo = QComboBox()
        self.category_combo.setEditable(True)
        self.category_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.category_combo.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.category_combo.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.category_combo.completer().setCompletionRole(SEARCH_ROLE)
        self.category_combo.activated.connect(self._on_category_chosen)
        self.category_combo.completer().activated[str].connect(self._on_category_typed)
        self.category_combo.lineEdit().installEventFilter(self)
        # In a real window the completer's popup takes the keys and hands Return straight to
        # the line edit (past the event filter): returnPressed is where that Enter arrives.
        self.category_combo.lineEdit().returnPressed.connect(self._take_first_category)
        self.category_combo.installEventFilter(self)
        self.comment = QPlainTextEdit()
        self.comment.setPlaceholderText(self.tr("Comment (C to write, Esc to return to the list)"))
        self.comment.setMaximumHeight(64)
        self.comment.installEventFilter(self)
        self.comment.textChanged.connect(self._on_comment_typed)
        self._comment_timer = QTimer(self)
        self._comment_timer.setSingleShot(True)
        self._comment_timer.setInterval(COMMENT_DELAY_MS)
        self._comment_timer.timeout.connect(self._commit_comment)

        detail = QGroupBox(self.tr("Current item"))
        grid = QGridLayout(detail)
        grid.addWidget(self.item_title, 0, 0, 1, 4)
        grid.addWidget(self.guidance, 1, 0, 1, 4)
        grid.addWidget(self.reference, 2, 0, 1, 4)
        grid.addWidget(QLabel(self.tr("Severity (1-4)")), 3, 0)
        grid.addWidget(self.severity_combo, 3, 1)
        grid.addWidget(QLabel(self.tr("Category (K)")), 3, 2)
        grid.addWidget(self.category_combo, 3, 3)
        grid.addWidget(self.comment, 4, 0, 1, 4)
        grid.addWidget(self.hint, 5, 0, 1, 4)
        grid.setColumnStretch(3, 1)

        self.verdict_label = QLabel()
        self.verdict_label.setFrameShape(QFrame.Shape.StyledPanel)
        self.verdict_label.setWordWrap(True)
        verdict_font = QFont(self.verdict_label.font())
        verdict_font.setBold(True)
        self.verdict_label.setFont(verdict_font)
        self.complete_button = QPushButton(self.tr("Complete (Ctrl+Enter)"))
        self.complete_button.clicked.connect(self.complete)
        self.sign_off_button = QPushButton(self.tr("Sign off"))
        self.sign_off_button.clicked.connect(self.sign_off)
        bottom = QHBoxLayout()
        bottom.addWidget(self.verdict_label, 1)
        bottom.addWidget(self.complete_button)
        bottom.addWidget(self.sign_off_button)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.lock_banner)
        right_layout.addWidget(self.view, 1)
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
        self.view.clear()
        loaded = reviews.load_case_review(self.db, case_id, reviewer=self.reviewer) if case_id is not None else None
        if loaded is None:
            for label in (*self.fact_labels.values(), *self.review_labels.values()):
                label.clear()
            self.review_form.setRowVisible(self.review_labels["standing"], False)
            self._set_enabled(False)
            self.verdict_label.clear()
            self.verdict_label.setStyleSheet(VERDICT_STYLES[None])
            self.lock_banner.hide()
            self._show_detail()
            self.undo_changed.emit()
            return
        for key, label in self.fact_labels.items():
            label.setText(value_label(key, loaded.case.get(key)))
        self.review = loaded.review
        self.review_id = loaded.review.id if loaded.review else None
        self.checklist_id = loaded.checklist_id
        self.answers = dict(loaded.answers)
        self.checklist = loaded.checklist
        if self.checklist is None:
            self.verdict_label.setText(self.tr("No checklist applies to this kind of case."))
            self.verdict_label.setStyleSheet(VERDICT_STYLES[None])
            self._set_enabled(False)
            self.undo_changed.emit()
            return
        self._set_enabled(True)      # before populating: a disabled list cannot take the focus
        self._populate()
        self._touch()
        self.undo_changed.emit()

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
            for key, label in self.fact_labels.items():     # an import may have updated the case
                label.setText(value_label(key, loaded.case.get(key)))
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

    def _populate(self) -> None:
        assert self.checklist is not None
        self._loading = True
        self.view.clear()
        self._numbers = {}
        for s, section in enumerate(self.checklist.sections, start=1):
            top = QTreeWidgetItem([section.title.get(self.language)])
            top.setData(0, NUMBER_ROLE, str(s))
            font = QFont(top.font(0))
            font.setBold(True)
            top.setFont(0, font)
            top.setFlags(Qt.ItemFlag.ItemIsEnabled)
            top.setFirstColumnSpanned(False)
            self.view.addTopLevelItem(top)
            for i, item in enumerate(section.items, start=1):
                number = f"{s}.{i}"
                self._numbers[item.id] = number
                row = QTreeWidgetItem([item.text.get(self.language)])
                row.setData(0, ITEM_ROLE, item.id)
                row.setData(0, NUMBER_ROLE, number)
                row.setToolTip(0, item.guidance.get(self.language))
                top.addChild(row)
            top.setExpanded(True)
        self._loading = False
        self._refresh_rows()
        rows = self._visible_rows()
        if rows:
            # Resume where the reviewer left off: the first item still to answer.
            pending = [r for r in rows if r.data(0, ITEM_ROLE) not in self.answers]
            self.view.setCurrentItem(pending[0] if pending else rows[0])
        self.view.setFocus()

    def _rows(self) -> list[QTreeWidgetItem]:
        rows = []
        for i in range(self.view.topLevelItemCount()):
            top = self.view.topLevelItem(i)
            rows.extend(top.child(j) for j in range(top.childCount()))
        return rows

    def _visible_rows(self) -> list[QTreeWidgetItem]:
        return [row for row in self._rows() if not row.isHidden()]

    def _row_of(self, item_id: str) -> QTreeWidgetItem | None:
        return next((row for row in self._rows() if row.data(0, ITEM_ROLE) == item_id), None)

    def _refresh_rows(self) -> None:
        """Answers, hidden items and the verdict, from the workbench's view of the answers."""
        if self.checklist is None:
            return
        visible = {i.id for i in self.checklist.visible_items({k: a.answer for k, a in self.answers.items()})}
        for row in self._rows():
            item_id = row.data(0, ITEM_ROLE)
            item = self.checklist.item(item_id)
            row.setHidden(item_id not in visible)
            given = self.answers.get(item_id)
            option = item.option(given.answer) if given else None
            row.setText(1, option.label.get(self.language) if option else "")
            colour = OUTCOME_COLOURS.get(given.outcome) if given else None
            row.setForeground(1, QBrush(colour) if colour else QBrush())
            failing = given is not None and given.outcome == "fail"
            if failing and not given.severity:
                row.setText(2, self.tr("needed"))
                row.setForeground(2, QBrush(MISSING_COLOUR))
            else:
                row.setText(2, self._severity_label(given.severity) if given and given.severity else "")
                row.setForeground(2, QBrush())
            category = self.checklist.categories.get(given.category) if given and given.category else None
            if failing and category is None:
                row.setText(3, self.tr("needed"))
                row.setForeground(3, QBrush(MISSING_COLOUR))
            else:
                row.setText(3, category.get(self.language) if category else "")
                row.setForeground(3, QBrush())
            row.setToolTip(1, given.comment if given and given.comment else "")
        for i in range(self.view.topLevelItemCount()):
            top = self.view.topLevelItem(i)
            top.setHidden(all(top.child(j).isHidden() for j in range(top.childCount())))
        self._refresh_summary()
        self._show_detail()

    def _refresh_summary(self) -> None:
        assert self.checklist is not None
        assessment = reviews.assess(self.checklist, self.answers)
        status = self.review.status if self.review else "open"
        parts = [value_label("status", status),
                 self.tr("%1 of %2 answered").replace("%1", str(assessment.answered))
                 .replace("%2", str(assessment.shown))]
        verdict = assessment.verdict if self.answers else None
        parts.append(self.tr("verdict %1").replace("%1", value_label("verdict", verdict) if verdict
                                                     else self.tr("none yet")))
        if assessment.score is not None:
            parts.append(self.tr("score %1").replace("%1", f"{assessment.score:g}"))
        findings = [f"{assessment.findings[s]} {self._severity_label(s).lower()}"
                    for s in ("critical", "major", "minor", "advisory") if assessment.findings.get(s)]
        if findings:
            parts.append(self.tr("findings: %1").replace("%1", ", ".join(findings)))
        self.verdict_label.setText(" · ".join(parts))
        self.verdict_label.setStyleSheet(VERDICT_STYLES.get(verdict, VERDICT_STYLES[None]))

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
        self._show_time()
        if self.locked and self.review is not None:
            self.lock_banner.setText(
                self.tr("Signed off by %1 on %2: this review is locked. To change it, reopen it with a reason "
                        "(Review menu).").replace("%1", self.review.signed_off_by or "?")
                .replace("%2", local_time(self.review.signed_off_at)))
            self.lock_banner.show()
        elif self.read_only:
            self.lock_banner.setText(self.tr("Read-only: another window is using this workspace."))
            self.lock_banner.show()
        else:
            self.lock_banner.hide()
        writable = not self.read_only and not self.locked
        self.complete_button.setEnabled(writable)
        self.sign_off_button.setEnabled(writable and status == "completed")

    def _severity_label(self, severity: str) -> str:
        return {"critical": self.tr("Critical"), "major": self.tr("Major"), "minor": self.tr("Minor"),
                "advisory": self.tr("Advisory")}.get(severity, severity)

    def item_label(self, item_id: str) -> str:
        """'1.3 Novelty judged correctly?' for messages and the undo menu."""
        if self.checklist is None:
            return item_id
        try:
            text = self.checklist.item(item_id).text.get(self.language)
        except KeyError:
            return item_id
        if len(text) > 48:
            text = text[:47] + "…"
        return f"{self._numbers.get(item_id, '')} {text}".strip()

    # -- the current item --------------------------------------------------------------------
    def current_item(self) -> Item | None:
        row = self.view.currentItem()
        if row is None or self.checklist is None:
            return None
        item_id = row.data(0, ITEM_ROLE)
        return self.checklist.item(item_id) if item_id else None

    def _on_current_changed(self, current: QTreeWidgetItem | None, previous: QTreeWidgetItem | None) -> None:
        if self._loading:
            return
        if previous is not None and previous.data(0, ITEM_ROLE):
            self._commit_comment(previous.data(0, ITEM_ROLE))
        self._show_detail()

    def _show_detail(self) -> None:
        item = self.current_item()
        self._loading = True
        try:
            self.severity_combo.clear()
            self.category_combo.clear()
            if item is None or self.checklist is None:
                for label in (self.item_title, self.guidance, self.reference, self.hint):
                    label.clear()
                self.comment.setPlainText("")
                self.severity_combo.setEnabled(False)
                self.category_combo.setEnabled(False)
                return
            self.item_title.setText(self.item_label(item.id) if len(item.text.get(self.language)) <= 48 else
                                    f"{self._numbers.get(item.id, '')} {item.text.get(self.language)}")
            self.guidance.setText(item.guidance.get(self.language))
            reference = self.tr("Reference: %1").replace("%1", item.reference) if item.reference else ""
            if item.condition is not None:
                reference += ("\n" if reference else "") + self.tr("Shown because %1 was answered %2.").replace(
                    "%1", self._numbers.get(item.condition.item, item.condition.item)).replace(
                    "%2", " / ".join(self._option_label(item.condition.item, code) for code in item.condition.answers))
            self.reference.setText(reference)
            given = self.answers.get(item.id)
            failing = given is not None and given.outcome == "fail"
            self.severity_combo.addItem("", None)
            for severity in item.severities:
                key = {"critical": 1, "major": 2, "minor": 3, "advisory": 4}[severity]
                self.severity_combo.addItem(f"{key}  {self._severity_label(severity)}", severity)
            for code in item.categories:
                label = self.checklist.categories[code]
                self.category_combo.addItem(label.get(self.language), code)
                # Typing 'omit' finds 应指出而未指出 too: the picker matches either language and the code.
                self.category_combo.setItemData(self.category_combo.count() - 1,
                                                f"{label.get(self.language)} · {label.en} · {label.zh} · {code}",
                                                SEARCH_ROLE)
            self.category_combo.setCurrentIndex(-1)
            if given is not None:
                self.severity_combo.setCurrentIndex(max(0, self.severity_combo.findData(given.severity)))
                self.category_combo.setCurrentIndex(self.category_combo.findData(given.category))
            self.severity_combo.setEnabled(failing and self.editable)
            self.category_combo.setEnabled(failing and self.editable)
            self.comment.setReadOnly(not self.editable)
            if self.comment.toPlainText() != (given.comment if given else ""):
                self.comment.setPlainText(given.comment if given else "")
            self.hint.setText(self._hint(item, given))
        finally:
            self._loading = False

    def _option_label(self, item_id: str, code: str) -> str:
        assert self.checklist is not None
        option = self.checklist.item(item_id).option(code)
        return option.label.get(self.language) if option else code

    def _hint(self, item: Item, given: reviews.Answer | None) -> str:
        if self.locked or self.read_only:
            return ""
        keys = []
        for outcome, key in (("pass", "P"), ("fail", "F"), ("na", "N")):
            option = item.option_for_outcome(outcome)
            if option is not None:
                keys.append(f"{key} {option.label.get(self.language)}")
        if given is not None and given.outcome == "fail":
            missing = []
            if not given.severity:
                missing.append(self.tr("a severity (1-4)"))
            if not given.category:
                missing.append(self.tr("a category (K)"))
            if missing:
                return self.tr("This fail still needs %1. C adds a comment.").replace("%1", self.tr(" and ").join(missing))
            return self.tr("Finding recorded. C adds a comment; Enter goes on to the next item.")
        return " · ".join(keys) + " · " + self.tr("Enter next · Ctrl+Enter complete")

    # -- answering -------------------------------------------------------------------------
    def _on_key(self, command: str, value: Any) -> None:
        self._touch()
        if command == "next":
            self.move(1)
        elif command == "prev":
            self.move(-1)
        elif command == "undo":
            self.undo()
        elif command == "redo":
            self.redo()
        elif command == "complete":
            self.complete()
        elif not self._can_write():
            return
        elif command == "outcome":
            self.answer_current(value)
        elif command == "severity":
            self.set_severity(value)
        elif command == "comment":
            if self.current_item() is not None and self.current_item().id in self.answers:
                self.comment.setFocus()
            else:
                self._refuse(self.tr("Answer the item first, then comment on it."))
        elif command == "category":
            if self.category_combo.isEnabled():
                # Type to filter (any part of the label), Enter takes the first match.
                self.category_combo.setFocus()
                self.category_combo.lineEdit().clear()
                completer = self.category_combo.completer()
                completer.setCompletionPrefix("")
                completer.complete()
            else:
                self._refuse(self.tr("A category is chosen for a fail."))
        elif command == "clear":
            item = self.current_item()
            if item is not None and item.id in self.answers:
                self._write(item, None)

    def _can_write(self) -> bool:
        if self.read_only:
            self._refuse(self.tr("Read-only: another window is using this workspace."))
            return False
        if self._someone_elses():
            return self._ask_to_write()
        if self.locked:
            self._refuse(self.tr("This review is signed off. Reopen it (Review menu) to change it."))
            return False
        return self.checklist is not None

    def _refuse(self, text: str) -> None:
        QApplication.beep()
        self.message.emit(text)

    def move(self, step: int) -> None:
        rows = self._visible_rows()
        current = self.view.currentItem()
        if not rows:
            return
        index = rows.index(current) if current in rows else -1
        target = max(0, min(len(rows) - 1, index + step))
        self.view.setCurrentItem(rows[target])

    def answer_current(self, outcome: str) -> None:
        item = self.current_item()
        if item is None:
            return
        option = item.option_for_outcome(outcome)
        if option is None:
            self._refuse(self.tr("Item %1 does not allow that answer.").replace("%1", self.item_label(item.id)))
            return
        given = self.answers.get(item.id)
        if given is not None and given.answer == option.code:
            if outcome != "fail":
                self.move(1)
            return
        if self._write(item, option.code) and outcome != "fail":
            self.move(1)   # a fail stays put: severity and category come next

    def set_severity(self, severity: str) -> None:
        item = self.current_item()
        given = self.answers.get(item.id) if item else None
        if item is None or given is None or given.outcome != "fail":
            self._refuse(self.tr("A severity is given to a fail (F)."))
            return
        if severity not in item.severities:
            self._refuse(self.tr("Item %1 allows %2.").replace("%1", self.item_label(item.id))
                         .replace("%2", ", ".join(self._severity_label(s) for s in item.severities)))
            return
        self._write(item, given.answer, severity=severity, category=given.category)

    def set_category(self, category: str | None) -> None:
        item = self.current_item()
        given = self.answers.get(item.id) if item else None
        if item is None or given is None or given.outcome != "fail" or category not in item.categories:
            return
        self._write(item, given.answer, severity=given.severity, category=category)

    def _on_severity_chosen(self, index: int) -> None:
        if not self._loading:
            data = self.severity_combo.itemData(index)
            if data:
                self.set_severity(data)
            self.view.setFocus()

    def _on_category_chosen(self, index: int) -> None:
        if not self._loading:
            self.set_category(self.category_combo.itemData(index))
            self.view.setFocus()

    def _on_category_typed(self, label: str) -> None:
        """A category picked from the filtered list (or the first match on Enter)."""
        if self._loading:
            return
        index = self.category_combo.findData(label, SEARCH_ROLE)
        if index < 0:
            index = self.category_combo.findText(label, Qt.MatchFlag.MatchExactly)
        if index >= 0:
            self.set_category(self.category_combo.itemData(index))
        self.category_combo.completer().popup().hide()
        self._show_detail()
        self.view.setFocus()

    def _take_first_category(self) -> None:
        """Enter in the category field: the first category matching what was typed."""
        if self._loading or not self.category_combo.isEnabled():
            return
        completer = self.category_combo.completer()
        completer.setCompletionPrefix(self.category_combo.lineEdit().text())
        if completer.completionCount() > 0:
            self._on_category_typed(completer.currentCompletion())
        else:
            QApplication.beep()

    def _ensure_review(self) -> int:
        if self.review_id is None:
            assert self.case_id is not None
            opened = reviews.open_review(self.db, self.case_id, reviewer=self.reviewer,
                                        checklist_id=self.checklist_id)
            self.review_id = opened.id
            self.review = opened
        return self.review_id

    def _write(self, item: Item, answer: str | None, **details: Any) -> bool:
        if self.read_only:
            return False
        if self._someone_elses() and not self._ask_to_write():
            self._reload_answers()      # what was typed or picked goes; the review is not changed
            return False
        try:
            review_id = self._ensure_review()
            change = reviews.change_answer(self.db, review_id, item.id, answer, actor=self.reviewer,
                                          checklist=self.checklist, **details)
        except WorkbenchError as exc:
            dialogs.error(self, self.tr("Answer not saved"), error_text(exc))
            self._reload_answers()
            return False
        self.undo_history.stack(review_id).push(change)
        self._after_change()
        return True

    def _reload_answers(self) -> None:
        if self.review_id is not None:
            self.answers = reviews.get_answers(self.db, self.review_id)
            self.review = reviews.get_review(self.db, self.review_id)
        self._refresh_rows()

    def _after_change(self, what: str = "answer") -> None:
        self._reload_answers()
        self.undo_changed.emit()
        if self.case_id is not None:
            self.changed.emit(review_changes(what, [self.case_id]))

    # -- someone else's review -------------------------------------------------------------------
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

    # -- undo and redo -------------------------------------------------------------------------
    def _stack(self):
        return self.undo_history.stack(self.review_id) if self.review_id is not None else None

    def _undoable(self) -> bool:
        """Undo and redo write answers: never into a signed-off (locked) or someone else's review."""
        return not self.read_only and not self.locked and not self._someone_elses()

    def can_undo(self) -> bool:
        stack = self._stack()
        return bool(stack and stack.can_undo and self._undoable())

    def can_redo(self) -> bool:
        stack = self._stack()
        return bool(stack and stack.can_redo and self._undoable())

    def undo_text(self) -> str:
        stack = self._stack()
        step = stack.next_undo() if stack else None
        return self.tr("Undo answer to %1").replace("%1", self.item_label(step.item_id)) if step else ""

    def redo_text(self) -> str:
        stack = self._stack()
        step = stack.next_redo() if stack else None
        return self.tr("Redo answer to %1").replace("%1", self.item_label(step.item_id)) if step else ""

    def undo(self) -> None:
        self._undo_or_redo(redo=False)

    def redo(self) -> None:
        self._undo_or_redo(redo=True)

    def _undo_or_redo(self, *, redo: bool) -> None:
        stack = self._stack()
        if stack is None or not self._undoable() or not (stack.can_redo if redo else stack.can_undo):
            QApplication.beep()
            return
        self._commit_comment()
        try:
            step: Step | None = (stack.redo if redo else stack.undo)(self.db, actor=self.reviewer,
                                                                       checklist=self.checklist)
        except WorkbenchError as exc:
            dialogs.error(self, self.tr("Redo not possible") if redo else self.tr("Undo not possible"),
                          error_text(exc))
            self._after_change("redo" if redo else "undo")
            return
        self._after_change("redo" if redo else "undo")
        if step is not None:
            row = self._row_of(step.item_id)
            if row is not None and not row.isHidden():
                self.view.setCurrentItem(row)
            self.view.setFocus()
            self.message.emit((self.tr("Redone: %1") if redo else self.tr("Undone: %1"))
                              .replace("%1", self.item_label(step.item_id)))

    # -- comments --------------------------------------------------------------------------
    def _on_comment_typed(self) -> None:
        if not self._loading and not self.comment.isReadOnly():
            self._touch()
            self._comment_timer.start()

    def _commit_comment(self, item_id: str | None = None) -> None:
        """Store the comment box's text as the comment of the item it belongs to."""
        self._comment_timer.stop()
        if self.read_only or self.locked or self.checklist is None:
            return
        if item_id is None:
            item = self.current_item()
            item_id = item.id if item else None
        if item_id is None:
            return
        text = self.comment.toPlainText()
        given = self.answers.get(item_id)
        if given is None or given.comment == text:
            return
        self._write(self.checklist.item(item_id), given.answer, severity=given.severity,
                    category=given.category, comment=text)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        kind = event.type()
        if kind in INPUT_EVENTS and isinstance(watched, QWidget) and watched.window() is self.window():
            self._touch()
        elif kind in (QEvent.Type.WindowBlocked, QEvent.Type.WindowUnblocked) and watched is self.window():
            # A modal dialog (another task's progress, a question) covers the window: no time counts.
            self._collect_time()
            self._blocked = kind == QEvent.Type.WindowBlocked
            if self._blocked:
                self.timer.pause()
        if watched is self.comment:
            if kind == QEvent.Type.FocusOut:
                self._commit_comment()
            elif kind == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Escape:
                self._commit_comment()
                self.view.setFocus()
                return True
        elif watched in (self.category_combo, self.category_combo.lineEdit()) and kind == QEvent.Type.KeyPress:
            if event.key() == Qt.Key.Key_Escape:
                self._show_detail()      # forget what was typed
                self.view.setFocus()
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._take_first_category()
                return True
        return super().eventFilter(watched, event)

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
            dialogs.error(self, self.tr("Review not complete"), self._missing_text(exc))
            self._reload_answers()
            return False
        self._after_change("complete")
        self.message.emit(self.tr("Review completed: %1. Ctrl+N opens the next case.")
                          .replace("%1", value_label("verdict", result.verdict)))
        return True

    def _missing_text(self, exc: WorkbenchError) -> str:
        """The items still missing, by their number and text rather than their id."""
        items = exc.params.get("items") if exc.code == "review.incomplete" else None
        if not items or self.checklist is None:
            return error_text(exc)
        lines = []
        for entry in items:
            item_id, _, what = entry.partition(": ")
            reason = {"not answered": self.tr("not answered"),
                      "a fail needs a severity": self.tr("a fail needs a severity"),
                      "a fail needs an error category": self.tr("a fail needs an error category")}.get(what, what)
            lines.append(f"  - {self.item_label(item_id)}: {reason}")
        return self.tr("The review cannot be completed yet:") + "\n" + "\n".join(lines)

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

    # -- active time ---------------------------------------------------------------------------
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

    def flush(self) -> None:
        """Store pending comment text and active time (on leaving a case or closing)."""
        self._commit_comment()
        self.store_time()


def format_duration(seconds: float) -> str:
    seconds = int(round(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def local_time(iso: str | None) -> str:
    """A stored UTC time as the reviewer's local date and time."""
    if not iso:
        return ""
    try:
        return datetime.fromisoformat(iso).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return iso
