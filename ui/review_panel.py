"""One case: its facts beside the checklist, answered by keyboard.

P pass, F fail, N n/a, 1-4 severity, K category, C comment, Enter or Down next item,
Up previous, Ctrl+Enter complete. Every answer is committed at once through workbench.review;
the panel only turns keys into calls and shows what the workbench computed.
"""
from __future__ import annotations

import logging
from typing import Any

import sqlite_utils
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QCompleter, QFormLayout, QFrame, QGridLayout,
                               QGroupBox, QApplication, QHBoxLayout, QHeaderView, QLabel, QPlainTextEdit, QPushButton,
                               QSplitter, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from ui import dialogs
from ui.case_model import value_label
from ui.messages import error_text
from workbench import checklists, review
from workbench.checklists import Checklist, Item
from workbench.errors import WorkbenchError
from workbench.timing import ActiveTimer

log = logging.getLogger("workbench.ui.review")

SEVERITY_KEYS = {Qt.Key.Key_1: "critical", Qt.Key.Key_2: "major", Qt.Key.Key_3: "minor", Qt.Key.Key_4: "advisory"}
OUTCOME_KEYS = {Qt.Key.Key_P: "pass", Qt.Key.Key_F: "fail", Qt.Key.Key_N: "na"}
COMMENT_DELAY_MS = 800
ITEM_ROLE = Qt.ItemDataRole.UserRole


class ChecklistView(QTreeWidget):
    """The checklist; turns the answering keys into a signal and leaves the rest to Qt."""

    key_command = Signal(str, object)   # ("outcome", "pass") / ("severity", "major") / ("next"|"prev"|...)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt name)
        key, mods = event.key(), event.modifiers()
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
        elif mods & Qt.KeyboardModifier.ControlModifier and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.key_command.emit("complete", None)   # when the window's shortcut did not take it
        else:
            super().keyPressEvent(event)


class ReviewPanel(QWidget):
    review_changed = Signal(int)   # case id

    def __init__(self, db: sqlite_utils.Database, reviewer: str, language: str, parent: QWidget | None = None, *,
                 read_only: bool = False) -> None:
        super().__init__(parent)
        self.db = db
        self.reviewer = reviewer
        self.language = language
        self.read_only = read_only      # show answers, never write them (another instance holds the workspace)
        self.case_id: int | None = None
        self.review_id: int | None = None
        self.checklist: Checklist | None = None
        self.checklist_id: int | None = None
        self.answers: dict[str, review.Answer] = {}
        self.timer = ActiveTimer()
        self._loading = False
        self._build()

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

        self.view = ChecklistView()
        self.view.setColumnCount(4)
        self.view.setHeaderLabels([self.tr("Checklist item"), self.tr("Answer"), self.tr("Severity"),
                                   self.tr("Category")])
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setAlternatingRowColors(True)
        self.view.setUniformRowHeights(False)
        self.view.setWordWrap(True)
        header = self.view.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.view.key_command.connect(self._on_key)
        self.view.currentItemChanged.connect(self._on_current_changed)
        self.view.installEventFilter(self)

        self.guidance = QLabel()
        self.guidance.setWordWrap(True)
        self.guidance.setTextFormat(Qt.TextFormat.PlainText)
        self.reference = QLabel()
        self.reference.setWordWrap(True)
        italic = QFont(self.reference.font())
        italic.setItalic(True)
        self.reference.setFont(italic)
        self.severity_combo = QComboBox()
        self.severity_combo.activated.connect(self._on_severity_chosen)
        self.category_combo = QComboBox()
        self.category_combo.setEditable(True)
        self.category_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.category_combo.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.category_combo.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.category_combo.activated.connect(self._on_category_chosen)
        self.comment = QPlainTextEdit()
        self.comment.setPlaceholderText(self.tr("Comment (C)"))
        self.comment.setMaximumHeight(80)
        self.comment.installEventFilter(self)
        self.comment.textChanged.connect(self._on_comment_typed)
        self._comment_timer = QTimer(self)
        self._comment_timer.setSingleShot(True)
        self._comment_timer.setInterval(COMMENT_DELAY_MS)
        self._comment_timer.timeout.connect(self._commit_comment)

        detail = QGroupBox(self.tr("Current item"))
        grid = QGridLayout(detail)
        grid.addWidget(self.guidance, 0, 0, 1, 4)
        grid.addWidget(self.reference, 1, 0, 1, 4)
        grid.addWidget(QLabel(self.tr("Severity (1-4)")), 2, 0)
        grid.addWidget(self.severity_combo, 2, 1)
        grid.addWidget(QLabel(self.tr("Category (K)")), 2, 2)
        grid.addWidget(self.category_combo, 2, 3)
        grid.addWidget(self.comment, 3, 0, 1, 4)
        grid.setColumnStretch(3, 1)

        self.verdict_label = QLabel()
        self.verdict_label.setFrameShape(QFrame.Shape.StyledPanel)
        bold = QFont(self.verdict_label.font())
        bold.setBold(True)
        self.verdict_label.setFont(bold)
        self.complete_button = QPushButton(self.tr("Complete (Ctrl+Enter)"))
        self.complete_button.clicked.connect(self.complete)
        bottom = QHBoxLayout()
        bottom.addWidget(self.verdict_label, 1)
        bottom.addWidget(self.complete_button)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.view, 3)
        right_layout.addWidget(detail, 1)
        right_layout.addLayout(bottom)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.facts_box)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self._set_enabled(False)

    def _set_enabled(self, enabled: bool) -> None:
        for widget in (self.view, self.severity_combo, self.category_combo, self.comment, self.complete_button):
            widget.setEnabled(enabled)
        if self.read_only:   # the checklist and comments stay readable; nothing can be changed
            for widget in (self.severity_combo, self.category_combo, self.complete_button):
                widget.setEnabled(False)
            self.comment.setReadOnly(True)

    # -- loading a case --------------------------------------------------------------------
    def show_case(self, case_id: int | None) -> None:
        self.flush()
        self.case_id = case_id
        self.review_id = None
        self.answers = {}
        self.checklist = None
        self.view.clear()
        if case_id is None:
            for label in self.fact_labels.values():
                label.clear()
            self._set_enabled(False)
            self.verdict_label.clear()
            return
        case = next(iter(self.db.query("SELECT * FROM cases WHERE id = ?", [case_id])), None)
        if case is None:
            self._set_enabled(False)
            return
        for key, label in self.fact_labels.items():
            label.setText(value_label(key, case.get(key)))
        existing = review.latest_review_for_case(self.db, case_id)
        if existing is not None:
            self.review_id = existing.id
            self.checklist_id = existing.checklist_id
            self.answers = review.get_answers(self.db, existing.id)
        else:
            self.checklist_id = checklists.checklist_for(self.db, case["ip_type"])
        if self.checklist_id is None:
            self.verdict_label.setText(self.tr("No checklist applies to this kind of case."))
            self._set_enabled(False)
            return
        self.checklist = checklists.load_stored(self.db, self.checklist_id)
        self._populate()
        self._set_enabled(True)
        self.timer.touch()

    def _populate(self) -> None:
        assert self.checklist is not None
        self._loading = True
        self.view.clear()
        for section in self.checklist.sections:
            top = QTreeWidgetItem([section.title.get(self.language)])
            font = QFont(top.font(0))
            font.setBold(True)
            top.setFont(0, font)
            top.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.view.addTopLevelItem(top)
            for item in section.items:
                row = QTreeWidgetItem([item.text.get(self.language)])
                row.setData(0, ITEM_ROLE, item.id)
                row.setToolTip(0, item.guidance.get(self.language))
                top.addChild(row)
            top.setExpanded(True)
        self._loading = False
        self._refresh_rows()
        first = self._visible_rows()
        if first:
            self.view.setCurrentItem(first[0])
        self.view.setFocus()

    def _rows(self) -> list[QTreeWidgetItem]:
        rows = []
        for i in range(self.view.topLevelItemCount()):
            top = self.view.topLevelItem(i)
            rows.extend(top.child(j) for j in range(top.childCount()))
        return rows

    def _visible_rows(self) -> list[QTreeWidgetItem]:
        return [row for row in self._rows() if not row.isHidden()]

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
            row.setText(2, self._severity_label(given.severity) if given and given.severity else "")
            category = self.checklist.categories.get(given.category) if given and given.category else None
            row.setText(3, category.get(self.language) if category else "")
        for i in range(self.view.topLevelItemCount()):
            top = self.view.topLevelItem(i)
            top.setHidden(all(top.child(j).isHidden() for j in range(top.childCount())))
        assessment = review.assess(self.checklist, self.answers)
        status = review.get_review(self.db, self.review_id).status if self.review_id else "open"
        score = "" if assessment.score is None else self.tr(", score %1").replace("%1", f"{assessment.score:g}")
        self.verdict_label.setText(
            self.tr("%1: %2 of %3 answered, verdict %4%5")
            .replace("%1", value_label("status", status))
            .replace("%2", str(assessment.answered)).replace("%3", str(assessment.shown))
            .replace("%4", value_label("verdict", assessment.verdict) if self.answers else self.tr("none yet"))
            .replace("%5", score))
        self._show_detail()

    def _severity_label(self, severity: str) -> str:
        return {"critical": self.tr("Critical"), "major": self.tr("Major"), "minor": self.tr("Minor"),
                "advisory": self.tr("Advisory")}.get(severity, severity)

    # -- the current item --------------------------------------------------------------------
    def current_item(self) -> Item | None:
        row = self.view.currentItem()
        if row is None or self.checklist is None:
            return None
        item_id = row.data(0, ITEM_ROLE)
        return self.checklist.item(item_id) if item_id else None

    def _on_current_changed(self, *_: Any) -> None:
        if not self._loading:
            self._commit_comment()
            self._show_detail()

    def _show_detail(self) -> None:
        item = self.current_item()
        self._loading = True
        try:
            self.severity_combo.clear()
            self.category_combo.clear()
            if item is None:
                self.guidance.clear()
                self.reference.clear()
                self.comment.setPlainText("")
                return
            self.guidance.setText(item.guidance.get(self.language))
            self.reference.setText(self.tr("Reference: %1").replace("%1", item.reference))
            given = self.answers.get(item.id)
            failing = given is not None and given.outcome == "fail"
            self.severity_combo.addItem("", None)
            for severity in item.severities:
                self.severity_combo.addItem(self._severity_label(severity), severity)
            self.category_combo.addItem("", None)
            for code in item.categories:
                self.category_combo.addItem(self.checklist.categories[code].get(self.language), code)
            if given is not None:
                self.severity_combo.setCurrentIndex(max(0, self.severity_combo.findData(given.severity)))
                self.category_combo.setCurrentIndex(max(0, self.category_combo.findData(given.category)))
            self.severity_combo.setEnabled(failing and not self.read_only)
            self.category_combo.setEnabled(failing and not self.read_only)
            if self.comment.toPlainText() != (given.comment if given else ""):
                self.comment.setPlainText(given.comment if given else "")
        finally:
            self._loading = False

    # -- answering -------------------------------------------------------------------------
    def _on_key(self, command: str, value: Any) -> None:
        self.timer.touch()
        if command == "outcome":
            self.answer_current(value)
        elif command == "severity":
            self.set_severity(value)
        elif command == "next":
            self.move(1)
        elif command == "prev":
            self.move(-1)
        elif command == "comment":
            self.comment.setFocus()
        elif command == "category":
            if self.category_combo.isEnabled():
                self.category_combo.setFocus()
                self.category_combo.lineEdit().selectAll()
        elif command == "complete":
            self.complete()
        elif command == "clear":
            item = self.current_item()
            if item is not None and item.id in self.answers:
                self._write(item, None)

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
            QApplication.beep()     # this item does not allow that answer
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
        if item is None or given is None or given.outcome != "fail" or severity not in item.severities:
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
            self.set_severity(self.severity_combo.itemData(index))
            self.view.setFocus()

    def _on_category_chosen(self, index: int) -> None:
        if not self._loading:
            self.set_category(self.category_combo.itemData(index))
            self.view.setFocus()

    def _ensure_review(self) -> int:
        if self.review_id is None:
            assert self.case_id is not None
            opened = review.open_review(self.db, self.case_id, reviewer=self.reviewer,
                                        checklist_id=self.checklist_id)
            self.review_id = opened.id
        return self.review_id

    def _write(self, item: Item, answer: str | None, **details: Any) -> bool:
        if self.read_only:
            return False
        try:
            review_id = self._ensure_review()
            review.set_answer(self.db, review_id, item.id, answer, actor=self.reviewer,
                              checklist=self.checklist, **details)
        except WorkbenchError as exc:
            dialogs.error(self, self.tr("Answer not saved"), error_text(exc))
            return False
        self.answers = review.get_answers(self.db, review_id)
        self._refresh_rows()
        if self.case_id is not None:
            self.review_changed.emit(self.case_id)
        return True

    # -- comments --------------------------------------------------------------------------
    def _on_comment_typed(self) -> None:
        if not self._loading:
            self.timer.touch()
            self._comment_timer.start()

    def _commit_comment(self) -> None:
        self._comment_timer.stop()
        item = self.current_item()
        if item is None or self.read_only:
            return
        text = self.comment.toPlainText()
        given = self.answers.get(item.id)
        if given is None or given.comment == text:
            return
        self._write(item, given.answer, severity=given.severity, category=given.category, comment=text)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if watched is self.comment:
            if event.type() == QEvent.Type.FocusOut:
                self._commit_comment()
            elif event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Escape:
                self._commit_comment()
                self.view.setFocus()
                return True
        return super().eventFilter(watched, event)

    # -- completing --------------------------------------------------------------------------
    def complete(self) -> None:
        self._commit_comment()
        if self.checklist is None or self.case_id is None or self.read_only:
            return
        try:
            review_id = self._ensure_review()
            review.complete(self.db, review_id, actor=self.reviewer)
        except WorkbenchError as exc:
            dialogs.error(self, self.tr("Review not complete"), error_text(exc))
            return
        self._refresh_rows()
        self.review_changed.emit(self.case_id)

    def flush(self) -> None:
        """Store pending comment text and active time (on leaving a case or closing)."""
        self._commit_comment()
        seconds = self.timer.take()
        if self.review_id is not None and seconds > 0 and not self.read_only:
            review.add_active_time(self.db, self.review_id, seconds)
