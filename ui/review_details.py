"""The review panel's current item: its text, guidance and reference, the severity and
category pickers (K opens the category picker: type any part of either language's label or
the code, Enter takes the first match, Esc goes back), the comment box (C to write, Esc back;
committed a moment after typing stops) and the hint of which keys apply.

ReviewDetails is a part of ui.review_panel.ReviewPanel, which holds the state.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QComboBox, QCompleter, QGridLayout, QGroupBox, QLabel, QPlainTextEdit

from ui.review_items import ChecklistView
from workbench.review import reviews
from workbench.review.checklists import Checklist, Item

COMMENT_DELAY_MS = 800          # a comment is committed this long after typing stops
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2     # what the category picker matches: both labels and the code


class ReviewDetails:
    """The current item's details and editors (a part of ReviewPanel, which holds the state)."""

    view: ChecklistView
    checklist: Checklist | None
    answers: dict[str, reviews.Answer]
    language: str
    read_only: bool
    _numbers: dict[str, str]
    _loading: bool

    # -- layout ------------------------------------------------------------------------------
    def _build_detail(self) -> QGroupBox:
        self._build_item_labels()
        self.severity_combo = QComboBox()
        self.severity_combo.activated.connect(self._on_severity_chosen)
        self._build_category_picker()
        self._build_comment()
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
        return detail

    def _build_item_labels(self) -> None:
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
        # Room for two lines from the start: a longer hint after an answer does not push the panes.
        self.hint.setMinimumHeight(2 * self.hint.fontMetrics().lineSpacing())

    def _build_category_picker(self) -> None:
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

    def _build_comment(self) -> None:
        self.comment = QPlainTextEdit()
        self.comment.setPlaceholderText(self.tr("Comment (C to write, Esc to return to the list)"))
        self.comment.setMaximumHeight(64)
        self.comment.installEventFilter(self)
        self.comment.textChanged.connect(self._on_comment_typed)
        self._comment_timer = QTimer(self)
        self._comment_timer.setSingleShot(True)
        self._comment_timer.setInterval(COMMENT_DELAY_MS)
        self._comment_timer.timeout.connect(self._commit_comment)

    # -- showing the current item --------------------------------------------------------------
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
            reference = self.tr("Reference: %1").replace("%1", item.reference_in(self.language)) if item.reference else ""
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

    # -- severity and category -----------------------------------------------------------------
    def _open_category_picker(self) -> None:
        if self.category_combo.isEnabled():
            # Type to filter (any part of the label), Enter takes the first match.
            self.category_combo.setFocus()
            self.category_combo.lineEdit().clear()
            completer = self.category_combo.completer()
            completer.setCompletionPrefix("")
            completer.complete()
        else:
            self._refuse(self.tr("A category is chosen for a fail."))

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

    # -- comments --------------------------------------------------------------------------
    def _open_comment(self) -> None:
        if self.current_item() is not None and self.current_item().id in self.answers:
            self.comment.setFocus()
        else:
            self._refuse(self.tr("Answer the item first, then comment on it."))

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

    def _filter_detail_keys(self, watched: QObject, event: QEvent) -> bool:
        """Esc (and Enter in the category picker) in the editors; True when the key was taken."""
        kind = event.type()
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
        return False
