"""The History panel: the case's audit trail, newest first: when, who, what, which item,
from what to what. It reads the trail through workbench.calibration.blind.visible_history, which
leaves out the entries of calibration reviews the user may not see yet (a blind round), and
names items and answers in the language of the checklist version each review used."""
from __future__ import annotations

from typing import Any

import sqlite_utils
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from ui.case_model import value_label
from ui.review_panel import local_time
from workbench.audit import chain
from workbench.calibration import blind
from workbench.review import checklist_store
from workbench.review.checklists import Checklist
from foundation.errors import WorkbenchError

COLUMNS = 6


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
        self.tree.setHeaderLabels([self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("Item"),
                                   self.tr("From"), self.tr("To")])
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        for column in range(COLUMNS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((120, 80, 110, 220, 180)):
            self.tree.setColumnWidth(column, width)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.title)
        layout.addWidget(self.tree)
        self._checklists: dict[int, Checklist | None] = {}   # review id -> its checklist version

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
        what, item, before, after = self._describe(entry)
        row = QTreeWidgetItem([local_time(entry.at), entry.actor, what, item, before, after])
        row.setToolTip(0, entry.at)
        for column, text in ((3, item), (4, before), (5, after)):
            row.setToolTip(column, text)
        if entry.action in ("undo", "redo", "reopen"):
            row.setForeground(2, QBrush(QColor("#9a6700")))
        return row

    def _describe(self, entry: chain.AuditEntry) -> tuple[str, str, str, str]:
        """What happened, to which item, from what, to what: in words, not codes."""
        actions = {
            "open": self.tr("Review opened"), "complete": self.tr("Completed"), "sign_off": self.tr("Signed off"),
            "reopen": self.tr("Reopened"), "answer": self.tr("Answer"), "clear": self.tr("Answer cleared"),
            "undo": self.tr("Undo"), "redo": self.tr("Redo"), "hide": self.tr("Cleared: no longer applies"),
            "merge": self.tr("Merged"),
        }
        what = actions.get(entry.action, entry.action)
        if entry.entity == "answer":
            review_id, _, item_id = entry.entity_id.partition("/")
            checklist = self._checklist_for(int(review_id)) if review_id.isdigit() else None
            return (what, self._item_text(checklist, item_id), self._answer_text(checklist, item_id, entry.old_value),
                    self._answer_text(checklist, item_id, entry.new_value))
        if entry.entity == "review":
            old, new = entry.old_value or {}, entry.new_value or {}
            if entry.action == "open":
                checklist = self._checklist_for(int(entry.entity_id)) if entry.entity_id.isdigit() else None
                name = (self.tr("%1 (version %2)").replace("%1", checklist.name.get(self.language))
                        .replace("%2", str(checklist.version)) if checklist else "")
                return what, "", "", name
            if entry.action == "reopen":
                return what, "", value_label("status", old.get("status")), \
                    self.tr("Reason: %1").replace("%1", str(new.get("reason", "")))
            after = value_label("status", new.get("status"))
            if new.get("verdict"):
                after += " · " + value_label("verdict", new.get("verdict"))
            return what, "", value_label("status", old.get("status")), after
        return what, entry.entity_id, _plain(entry.old_value), _plain(entry.new_value)

    def _item_text(self, checklist: Checklist | None, item_id: str) -> str:
        if checklist is None:
            return item_id
        try:
            return checklist.item(item_id).text.get(self.language)
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


def _plain(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dict):
        return ", ".join(f"{k}: {v}" for k, v in value.items() if v not in (None, ""))
    return str(value)
