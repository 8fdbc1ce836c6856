"""The History panel: the case's audit trail, newest first, each entry a sentence
(workbench.review.history_words: "王伟 drew this case into round 2024 Q1, stratum …"). It reads the trail through workbench.calibration.blind.visible_history, which
leaves out the entries of calibration reviews the user may not see yet (a blind round), and
names items and answers in the language of the checklist version each review used."""
from __future__ import annotations

from typing import Any

import sqlite_utils
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from ui.review_panel import local_time
from workbench.audit import chain
from workbench.calibration import blind
from workbench.review import checklist_store
from ui.tooltips import wrapped
from workbench.review import history_words
from workbench.review.checklists import Checklist, Text
from foundation.errors import WorkbenchError

COLUMNS = 3


class HistoryPanel(QWidget):
    def __init__(self, db: sqlite_utils.Database, language: str, parent: QWidget | None = None, *,
                 actor: str) -> None:
        super().__init__(parent)
        self.db = db
        self.language = language
        self.actor = actor          # whose eyes: blind calibration reviews of others stay out
        self.case_id: int | None = None
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(COLUMNS)
        self.tree.setHeaderLabels([self.tr("When"), self.tr("Who"), self.tr("What happened")])
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        for column in range(COLUMNS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((130, 90)):
            self.tree.setColumnWidth(column, width)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.title)
        layout.addWidget(self.tree)
        self._checklists: dict[int, Checklist | None] = {}   # review id -> its checklist version
        self._rounds: dict[int, str] = {}                     # round id -> its name

    def show_case(self, case_id: int | None) -> None:
        self.case_id = case_id
        self.refresh()

    def refresh(self) -> None:
        self.tree.clear()
        if self.case_id is None:
            self.title.setText(self.tr("No case selected."))
            return
        entries = blind.visible_history(self.db, self.case_id, self.actor)
        number = self.db.execute("SELECT application_number FROM cases WHERE id = ?", [self.case_id]).fetchone()
        self.title.setText(self.tr("%1: %n change(s), newest first", "", len(entries))
                           .replace("%1", number[0] if number else "?"))
        rows = [self._row(entry) for entry in reversed(entries)]
        self.tree.addTopLevelItems(rows)

    def _checklist_for(self, review_id: int) -> Checklist | None:
        if review_id not in self._checklists:
            row = self.db.execute("SELECT checklist_id FROM reviews WHERE id = ?", [review_id]).fetchone()
            try:
                self._checklists[review_id] = checklist_store.load_stored(self.db, row[0]) if row else None
            except WorkbenchError:
                self._checklists[review_id] = None
        return self._checklists[review_id]

    def _row(self, entry: chain.AuditEntry) -> QTreeWidgetItem:
        what = history_words.sentence(entry, self._pieces(entry)).get(self.language)
        row = QTreeWidgetItem([local_time(entry.at), entry.actor, what])
        row.setToolTip(0, entry.at)
        row.setToolTip(2, wrapped(what))
        if entry.action in ("undo", "redo", "reopen", "take_over", "reassign"):
            row.setForeground(2, QBrush(QColor("#9a6700")))
        elif entry.action == "time":
            row.setForeground(2, QBrush(QColor("#6b6b6b")))
        return row

    def _pieces(self, entry: chain.AuditEntry) -> history_words.Pieces:
        """What only the workspace can name: the item and answers in the review's checklist
        version, the checklist and round of a review opened."""
        if entry.entity == "answer":
            review_id, _, item_id = entry.entity_id.partition("/")
            checklist = self._checklist_for(int(review_id)) if review_id.isdigit() else None
            return history_words.Pieces(item=_same(self._item_text(checklist, item_id)),
                                        before=_same(self._answer_text(checklist, item_id, entry.old_value)),
                                        after=_same(self._answer_text(checklist, item_id, entry.new_value)))
        if entry.entity == "review" and entry.action == "open" and entry.entity_id.isdigit():
            checklist = self._checklist_for(int(entry.entity_id))
            name = (self.tr("%1 (version %2)").replace("%1", checklist.name.get(self.language))
                    .replace("%2", str(checklist.version)) if checklist else None)
            round_id = entry.new_value.get("round_id") if isinstance(entry.new_value, dict) else None
            return history_words.Pieces(checklist=_same(name) if name else None,
                                        round_name=self._round_name(round_id) if round_id else None)
        return history_words.Pieces()

    def _round_name(self, round_id: int) -> str:
        if round_id not in self._rounds:
            row = self.db.execute("SELECT name FROM rounds WHERE id = ?", [round_id]).fetchone()
            self._rounds[round_id] = row[0] if row else str(round_id)
        return self._rounds[round_id]

    def _item_text(self, checklist: Checklist | None, item_id: str) -> str:
        if checklist is None:
            return item_id
        try:
            text = checklist.item(item_id).text.get(self.language)
            return f"“{text}”"
        except KeyError:
            return item_id

    def _answer_text(self, checklist: Checklist | None, item_id: str, value: Any) -> str:
        if not isinstance(value, dict):
            return "—" if value is None else _plain(value)
        parts = []
        code = value.get("answer")
        label = code
        if checklist is not None:
            try:
                option = checklist.item(item_id).option(code)
                label = option.label.get(self.language) if option else code
            except KeyError:
                pass
        parts.append(str(label))
        if value.get("severity"):
            parts.append({"critical": self.tr("Critical"), "major": self.tr("Major"), "minor": self.tr("Minor"),
                          "advisory": self.tr("Advisory")}.get(value["severity"], value["severity"]))
        if value.get("category"):
            category = checklist.categories.get(value["category"]) if checklist else None
            parts.append(category.get(self.language) if category else value["category"])
        if value.get("comment"):
            parts.append(f"“{value['comment']}”")
        return " · ".join(parts)


def _same(text: str) -> Text:
    """A piece already in the panel's language."""
    return Text(text, text)


def _plain(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dict):
        return ", ".join(f"{k}: {v}" for k, v in value.items() if v not in (None, ""))
    return str(value)
