"""The review panel's checklist: the item list, its numbering and colours, and the answering
keys it turns into commands (P/F/N, 1-4, K, C, Enter/Down/Up, Delete, Ctrl+Enter, Ctrl+Z).

ReviewItems is a part of ui.review_panel.ReviewPanel: it fills and refreshes the rows from
the answers the panel holds, and knows which item is current.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent
from PySide6.QtWidgets import (QAbstractItemView, QHeaderView, QStyledItemDelegate, QStyleOptionViewItem,
                               QTreeWidget, QTreeWidgetItem)

from ui.tooltips import wrapped
from workbench.review import reviews
from workbench.review.checklists import Checklist, Item

SEVERITY_KEYS = {Qt.Key.Key_1: "critical", Qt.Key.Key_2: "major", Qt.Key.Key_3: "minor", Qt.Key.Key_4: "advisory"}
OUTCOME_KEYS = {Qt.Key.Key_P: "pass", Qt.Key.Key_F: "fail", Qt.Key.Key_N: "na"}
ITEM_ROLE = Qt.ItemDataRole.UserRole
NUMBER_ROLE = Qt.ItemDataRole.UserRole + 1

COMMENT_COLUMN = 4
COMMENT_MARK = "✎"          # the row's answer has a comment (its text is the tooltip)
OUTCOME_COLOURS = {"pass": QColor("#1b7a3a"), "fail": QColor("#b3261e"), "na": QColor("#6b6b6b")}
MISSING_COLOUR = QColor("#b3261e")


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



class ReviewItems:
    """The checklist rows of the review panel (a part of ReviewPanel, which holds the state)."""

    view: ChecklistView
    checklist: Checklist | None
    answers: dict[str, reviews.Answer]
    language: str
    checklist_id: int | None
    _numbers: dict[str, str]
    _loading: bool
    _rows_built_for: tuple[int | None, str] | None = None     # the checklist and language of the rows shown

    def _build_checklist_view(self) -> ChecklistView:
        view = ChecklistView()
        view.setColumnCount(5)
        view.setHeaderLabels([self.tr("Checklist item"), self.tr("Answer"), self.tr("Severity"),
                              self.tr("Category"), COMMENT_MARK])
        view.headerItem().setToolTip(COMMENT_COLUMN, self.tr("Comment"))
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setAlternatingRowColors(True)
        view.setUniformRowHeights(False)
        view.setWordWrap(True)
        view.setRootIsDecorated(False)
        view.setItemDelegateForColumn(0, NumberedDelegate(view))
        header = view.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # Fixed widths, set once per checklist (_fix_widths): answering never makes the columns jump.
        for column in (1, 2, 3, COMMENT_COLUMN):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        header.setStretchLastSection(False)
        view.key_command.connect(self._on_key)
        view.currentItemChanged.connect(self._on_current_changed)
        return view

    def _populate(self) -> None:
        assert self.checklist is not None
        self._loading = True
        built_for = (self.checklist_id, self.language)
        if self.view.topLevelItemCount() and self._rows_built_for == built_for:
            # The next case of the same checklist: its rows stand; only the answers change (Ctrl+N).
            self.view.setCurrentIndex(QModelIndex())     # no previous row to commit a comment to
            for i in range(self.view.topLevelItemCount()):
                self.view.topLevelItem(i).setExpanded(True)
        else:
            self._build_rows()
            self._rows_built_for = built_for
        self._loading = False
        self._refresh_rows()
        rows = self._visible_rows()
        if rows:
            # Resume where the reviewer left off: the first item still to answer.
            pending = [r for r in rows if r.data(0, ITEM_ROLE) not in self.answers]
            self.view.setCurrentItem(pending[0] if pending else rows[0])
        self.view.setFocus()

    def _build_rows(self) -> None:
        assert self.checklist is not None
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
                row.setToolTip(0, wrapped(item.guidance.get(self.language)))
                top.addChild(row)
            top.setExpanded(True)
        self._fix_widths()

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
            comment = wrapped(given.comment if given else "")
            row.setText(COMMENT_COLUMN, COMMENT_MARK if comment else "")
            for column in (1, COMMENT_COLUMN):
                row.setToolTip(column, comment)
        for i in range(self.view.topLevelItemCount()):
            top = self.view.topLevelItem(i)
            top.setHidden(all(top.child(j).isHidden() for j in range(top.childCount())))
        self._refresh_summary()
        self._show_detail()

    def _fix_widths(self) -> None:
        """Each answer column as wide as the longest thing it can show for this checklist."""
        assert self.checklist is not None
        metrics = self.view.fontMetrics()
        items = [item for section in self.checklist.sections for item in section.items]
        texts = {1: [self.tr("Answer")] + [o.label.get(self.language) for i in items for o in i.options],
                 2: [self.tr("Severity"), self.tr("needed")] + [self._severity_label(s) for s in
                                                                ("critical", "major", "minor", "advisory")],
                 3: [self.tr("Category"), self.tr("needed")] + [c.get(self.language)
                                                                for c in self.checklist.categories.values()],
                 COMMENT_COLUMN: [COMMENT_MARK + "  "]}
        for column, words in texts.items():
            width = max(metrics.horizontalAdvance(w) for w in words) + 24
            self.view.setColumnWidth(column, min(width, 150 if column == 3 else 110))

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
        if current is not None:
            self.view.scrollToItem(current)      # the item being answered stays in view
        self._show_detail()

    def move(self, step: int) -> None:
        rows = self._visible_rows()
        current = self.view.currentItem()
        if not rows:
            return
        index = rows.index(current) if current in rows else -1
        target = max(0, min(len(rows) - 1, index + step))
        self.view.setCurrentItem(rows[target])

