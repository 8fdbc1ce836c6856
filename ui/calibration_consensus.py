"""The consensus of the current item, under the Calibration view's table: the agreed answer,
severity and category of a fail, and the group's note, with the majority's answer as a hint.

Keyboard first, as the review form: in the table P/F/N give the answer, 1-4 the severity, K
opens the category list, C the note (Enter keeps it, Esc goes back), M takes the majority's
answer, Delete clears. The editor only says what was chosen (signals); the view writes it
through `workbench.calibration.consensus`.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import QComboBox, QGridLayout, QGroupBox, QLabel, QLineEdit, QWidget

from ui.calibration_model import answer_label, severity_label
from workbench.calibration.sheet import CaseSheet, ItemRow, majority
from workbench.review.reviews import Answer


class ConsensusEditor(QGroupBox):
    answer_chosen = Signal(str)          # an option code
    severity_chosen = Signal(str)
    category_chosen = Signal(str)
    note_committed = Signal(str)
    back = Signal()                      # Esc or Enter in an editor: the keyboard goes back to the table

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Consensus of the current item"), parent)
        self.language = language
        self.row: ItemRow | None = None
        self.title = QLabel()
        self.title.setWordWrap(True)
        bold = QFont(self.title.font())
        bold.setBold(True)
        self.title.setFont(bold)
        self.majority = QLabel()
        self.majority.setWordWrap(True)
        self.answer_combo = QComboBox()
        self.severity_combo = QComboBox()
        self.category_combo = QComboBox()
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("The group's note: why this answer (C)"))
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color:#555;")
        self.answer_combo.activated.connect(lambda i: self._emit(self.answer_chosen, self.answer_combo, i))
        self.severity_combo.activated.connect(lambda i: self._emit(self.severity_chosen, self.severity_combo, i))
        self.category_combo.activated.connect(lambda i: self._emit(self.category_chosen, self.category_combo, i))
        self.note.returnPressed.connect(lambda: self.note_committed.emit(self.note.text()))
        for widget in (self.answer_combo, self.severity_combo, self.category_combo, self.note):
            widget.installEventFilter(self)
        grid = QGridLayout(self)
        grid.addWidget(self.title, 0, 0, 1, 6)
        grid.addWidget(self.majority, 1, 0, 1, 6)
        grid.addWidget(QLabel(self.tr("Answer (P/F/N)")), 2, 0)
        grid.addWidget(self.answer_combo, 2, 1)
        grid.addWidget(QLabel(self.tr("Severity (1-4)")), 2, 2)
        grid.addWidget(self.severity_combo, 2, 3)
        grid.addWidget(QLabel(self.tr("Category (K)")), 2, 4)
        grid.addWidget(self.category_combo, 2, 5)
        grid.addWidget(QLabel(self.tr("Note (C)")), 3, 0)
        grid.addWidget(self.note, 3, 1, 1, 5)
        grid.addWidget(self.hint, 4, 0, 1, 6)
        grid.setColumnStretch(5, 1)

    def _emit(self, signal: Signal, combo: QComboBox, index: int) -> None:
        code = combo.itemData(index)
        if code:
            signal.emit(code)
        self.back.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() == Qt.Key.Key_Escape:
            if watched is self.note and self.row is not None:
                self.note.setText(self.row.consensus.comment if self.row.consensus else "")
            self.back.emit()
            return True
        return super().eventFilter(watched, event)

    def show_item(self, sheet: CaseSheet | None, row: ItemRow | None, *, writable: bool, hint: str) -> None:
        """The item's consensus as stored; `writable` once the round is closed (and the window may write)."""
        self.row = row
        self.hint.setText(hint)
        for combo in (self.answer_combo, self.severity_combo, self.category_combo):
            combo.clear()
        if sheet is None or row is None:
            self.title.clear()
            self.majority.clear()
            self.note.clear()
            self._enable(False)
            return
        item, agreed = row.item, row.consensus
        self.title.setText(f"{row.number}  {item.text.get(self.language)}")
        self.majority.setText(self._majority_text(sheet, row))
        self.answer_combo.addItem("–", None)
        for option in item.options:
            self.answer_combo.addItem(option.label.get(self.language), option.code)
        failing = agreed is not None and agreed.outcome == "fail"
        self.severity_combo.addItem("–", None)
        if failing:
            for severity in item.severities:
                self.severity_combo.addItem(severity_label(severity), severity)
        self.category_combo.addItem("–", None)
        if failing:
            for code in item.categories:
                label = sheet.checklist.categories.get(code)
                self.category_combo.addItem(label.get(self.language) if label else code, code)
        self._select(self.answer_combo, agreed.answer if agreed else None)
        self._select(self.severity_combo, agreed.severity if agreed else None)
        self._select(self.category_combo, agreed.category if agreed else None)
        if not self.note.hasFocus():
            self.note.setText(agreed.comment if agreed else "")
        self._enable(writable)
        self.severity_combo.setEnabled(writable and failing)
        self.category_combo.setEnabled(writable and failing)

    def _majority_text(self, sheet: CaseSheet, row: ItemRow) -> str:
        if sheet.anything_hidden:
            return ""
        proposal: Answer | None = majority(sheet, row.item.id)
        if proposal is None:
            return self.tr("No majority among the reviewers.")
        return self.tr("Majority answer: %1 (M takes it).").replace("%1", answer_label(row.item, proposal,
                                                                                      self.language))

    @staticmethod
    def _select(combo: QComboBox, code: str | None) -> None:
        index = combo.findData(code) if code is not None else 0
        combo.setCurrentIndex(max(index, 0))

    def _enable(self, enabled: bool) -> None:
        for widget in (self.answer_combo, self.severity_combo, self.category_combo, self.note):
            widget.setEnabled(enabled)

    def open_categories(self) -> bool:
        if not self.category_combo.isEnabled() or self.category_combo.count() < 2:
            return False
        self.category_combo.setFocus()
        self.category_combo.showPopup()
        return True

    def open_note(self) -> bool:
        if not self.note.isEnabled():
            return False
        self.note.setFocus()
        self.note.selectAll()
        return True
