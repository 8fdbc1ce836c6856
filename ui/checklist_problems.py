"""The checklist editor's validation display: the template is checked by
workbench.review.checklists after every edit; the problems are listed with their item (a
click goes to it), marked red in the section tree, and Save stays disabled until there are none.

ProblemList is a part of ui.checklist_editor.ChecklistEditor, which holds the template's data.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QPushButton, QTabWidget, QTreeWidget

from ui.checklist_tree import PATH_ROLE
from workbench.review import checklist_parsing
from workbench.review.checklist_parsing import Problem

PROBLEM_COLOUR = QColor("#b3261e")


class ProblemList:
    """Validation and its display (a part of ChecklistEditor, which holds the data)."""

    data: dict[str, Any]
    language: str
    problems: list[Problem]
    tree: QTreeWidget
    tabs: QTabWidget
    status: QLabel
    save_button: QPushButton

    def _build_problem_list(self) -> QListWidget:
        problem_list = QListWidget()
        problem_list.setMaximumHeight(110)
        problem_list.itemActivated.connect(self._go_to_problem)
        problem_list.itemClicked.connect(self._go_to_problem)
        return problem_list

    def validate(self) -> list[Problem]:
        self._validate_timer.stop()
        self.problems = checklist_parsing.validate_template(self.data, source=str(self.data.get("id") or "template"))
        self.problem_list.clear()
        for problem in self.problems:
            where = self.tr("item %1: ").replace("%1", problem.item_id) if problem.item_id else ""
            entry = QListWidgetItem(where + problem.text(self.language))
            entry.setData(Qt.ItemDataRole.UserRole, problem.item_id)
            entry.setForeground(QBrush(PROBLEM_COLOUR))
            self.problem_list.addItem(entry)
        if not self.problems:
            self.problem_list.addItem(QListWidgetItem(self.tr("No problems: the template is valid.")))
        self.save_button.setEnabled(not self.problems)
        self.status.setText(self.tr("%n problem(s) to fix before saving", "", len(self.problems))
                            if self.problems else self.tr("Valid; ready to save."))
        self._mark_problems()
        if self.tabs.currentIndex() != 0:
            self.refresh_preview()
        return self.problems

    def _mark_problems(self) -> None:
        bad = {p.item_id for p in self.problems if p.item_id}
        for s in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(s)
            section_id = (self._sections()[s].get("id") if s < len(self._sections()) else None)
            top.setForeground(0, QBrush(PROBLEM_COLOUR) if section_id in bad else QBrush())
            for i in range(top.childCount()):
                node = top.child(i)
                path = node.data(0, PATH_ROLE)
                item = self._items(self._sections()[path[0]])[path[1]]
                node.setForeground(0, QBrush(PROBLEM_COLOUR) if item.get("id") in bad else QBrush())

    def _go_to_problem(self, entry: QListWidgetItem) -> None:
        item_id = entry.data(Qt.ItemDataRole.UserRole)
        if not item_id:
            self._show_page("template")
            return
        for s in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(s)
            nodes = [top] + [top.child(i) for i in range(top.childCount())]
            for node in nodes:
                data = self._sections()[s] if node is top else \
                    self._items(self._sections()[s])[node.data(0, PATH_ROLE)[1]]
                if data.get("id") == item_id:
                    self.tabs.setCurrentIndex(0)
                    self.tree.setCurrentItem(node)
                    return

