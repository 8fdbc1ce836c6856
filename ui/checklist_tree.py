"""The checklist editor's section tree: sections and their items in order, added, deleted and
moved (Alt+Up, Alt+Down; an item at the edge of its section moves into the next one), and the
blank template, section and item a new one starts from.

SectionTree is a part of ui.checklist_editor.ChecklistEditor, which holds the template's data.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (QAbstractItemView, QGridLayout, QPushButton, QTreeWidget, QTreeWidgetItem,
                               QVBoxLayout, QWidget)

from ui import dialogs
from ui.bilingual_edit import bilingual_text
from workbench.review import checklist_parsing

KIND_ROLE = Qt.ItemDataRole.UserRole          # "section" or "item"
PATH_ROLE = Qt.ItemDataRole.UserRole + 1      # (section index,) or (section index, item index)


def blank_template() -> dict[str, Any]:
    return {
        "format": checklist_parsing.FORMAT_VERSION, "id": "new-checklist", "version": 1,
        "name": {"en": "New checklist", "zh": "新评查表"}, "description": {"en": "", "zh": ""},
        "ip_types": ["invention"], "procedures": [],
        "categories": {"omitted_objection": {"en": "Objection omitted", "zh": "应指出而未指出"},
                       "improper_objection": {"en": "Objection improper", "zh": "指出不当"}},
        "sections": [{"id": "section-1", "title": {"en": "", "zh": ""}, "items": [blank_item("item-1")]}],
    }


def blank_item(item_id: str) -> dict[str, Any]:
    return {"id": item_id, "text": {"en": "", "zh": ""}, "guidance": {"en": "", "zh": ""}, "reference": "",
            "severities": ["major", "minor"], "categories": [], "weight": 1}


class SectionTree:
    """The tree of sections and items (a part of ChecklistEditor, which holds the data)."""

    data: dict[str, Any]
    language: str

    def _build_tree_side(self) -> QWidget:
        """The template-details button above the tree, its buttons below."""
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Sections and items")])
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.currentItemChanged.connect(self._on_node_changed)
        self.add_section_button = QPushButton(self.tr("Add section"))
        self.add_section_button.clicked.connect(self.add_section)
        self.add_item_button = QPushButton(self.tr("Add item"))
        self.add_item_button.clicked.connect(self.add_item)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.clicked.connect(self.delete_node)
        self.up_button = QPushButton(self.tr("Up (Alt+Up)"))
        self.up_button.clicked.connect(lambda: self.move_node(-1))
        self.down_button = QPushButton(self.tr("Down (Alt+Down)"))
        self.down_button.clicked.connect(lambda: self.move_node(1))
        QShortcut(QKeySequence("Alt+Up"), self.tree, activated=lambda: self.move_node(-1))
        QShortcut(QKeySequence("Alt+Down"), self.tree, activated=lambda: self.move_node(1))
        buttons = QGridLayout()
        buttons.addWidget(self.add_section_button, 0, 0)
        buttons.addWidget(self.add_item_button, 0, 1)
        buttons.addWidget(self.delete_button, 0, 2)
        buttons.addWidget(self.up_button, 1, 0)
        buttons.addWidget(self.down_button, 1, 1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.template_node_button = QPushButton(self.tr("Template details (name, types, categories)"))
        self.template_node_button.clicked.connect(lambda: self._show_page("template"))
        left_layout.addWidget(self.template_node_button)
        left_layout.addWidget(self.tree, 1)
        left_layout.addLayout(buttons)
        return left

    def rebuild_tree(self, select: tuple[int, ...] | None = None) -> None:
        self.tree.blockSignals(True)
        self.tree.clear()
        target = None
        for s, section in enumerate(self._sections()):
            top = QTreeWidgetItem([self._section_label(section)])
            top.setData(0, KIND_ROLE, "section")
            top.setData(0, PATH_ROLE, (s,))
            font = QFont(top.font(0))
            font.setBold(True)
            top.setFont(0, font)
            self.tree.addTopLevelItem(top)
            if select == (s,):
                target = top
            for i, item in enumerate(self._items(section)):
                node = QTreeWidgetItem([self._item_label(item)])
                node.setData(0, KIND_ROLE, "item")
                node.setData(0, PATH_ROLE, (s, i))
                top.addChild(node)
                if select == (s, i):
                    target = node
            top.setExpanded(True)
        self.tree.blockSignals(False)
        if target is not None:
            self.tree.setCurrentItem(target)
        self._mark_problems()

    def _sections(self) -> list[dict[str, Any]]:
        sections = self.data.get("sections")
        if not isinstance(sections, list):
            sections = self.data["sections"] = []
        return [s for s in sections if isinstance(s, dict)]

    @staticmethod
    def _items(section: dict[str, Any]) -> list[dict[str, Any]]:
        items = section.get("items")
        if not isinstance(items, list):
            items = section["items"] = []
        return [i for i in items if isinstance(i, dict)]

    def _section_label(self, section: dict[str, Any]) -> str:
        return bilingual_text(section.get("title"), self.language) or str(section.get("id") or self.tr("(untitled section)"))

    def _item_label(self, item: dict[str, Any]) -> str:
        text = bilingual_text(item.get("text"), self.language)
        return text or f"{item.get('id') or ''} " + self.tr("(no question yet)")

    def _node_data(self) -> dict[str, Any] | None:
        node = self.tree.currentItem()
        if node is None:
            return None
        path = node.data(0, PATH_ROLE)
        sections = self._sections()
        if not path or path[0] >= len(sections):
            return None
        section = sections[path[0]]
        if len(path) == 1:
            return section
        items = self._items(section)
        return items[path[1]] if path[1] < len(items) else None

    def _on_node_changed(self, current: QTreeWidgetItem | None, _previous: Any) -> None:
        if current is None:
            return
        self._show_page(current.data(0, KIND_ROLE))

    # -- structure -----------------------------------------------------------------------------------
    def _current_path(self) -> tuple[int, ...] | None:
        node = self.tree.currentItem()
        return tuple(node.data(0, PATH_ROLE)) if node is not None else None

    def _all_ids(self) -> set[str]:
        ids = set()
        for section in self._sections():
            ids.add(section.get("id"))
            ids.update(item.get("id") for item in self._items(section))
        return {i for i in ids if isinstance(i, str)}

    def _free_node_id(self, prefix: str) -> str:
        taken, n = self._all_ids(), 1
        while f"{prefix}-{n}" in taken:
            n += 1
        return f"{prefix}-{n}"

    def add_section(self) -> None:
        path = self._current_path()
        sections = self.data.setdefault("sections", [])
        index = (path[0] + 1) if path else len(sections)
        sections.insert(index, {"id": self._free_node_id("section"), "title": {"en": "", "zh": ""},
                                "items": [blank_item(self._free_node_id("item"))]})
        self.rebuild_tree(select=(index,))
        self._changed()

    def add_item(self) -> None:
        path = self._current_path()
        sections = self._sections()
        if not sections:
            self.add_section()
            return
        s = path[0] if path else len(sections) - 1
        items = sections[s].setdefault("items", [])
        i = path[1] + 1 if path and len(path) == 2 else len(items)
        items.insert(i, blank_item(self._free_node_id("item")))
        self.rebuild_tree(select=(s, i))
        self.i_text.edits["en"].setFocus()
        self._changed()

    def delete_node(self) -> None:
        path = self._current_path()
        if path is None:
            return
        sections = self.data.get("sections", [])
        if len(path) == 1:
            label = self._section_label(sections[path[0]])
            if not dialogs.confirm(self, self.tr("Delete section"),
                                   self.tr("Delete the section “%1” and its items?").replace("%1", label)):
                return
            del sections[path[0]]
            select = (max(0, path[0] - 1),) if sections else None
        else:
            del sections[path[0]]["items"][path[1]]
            remaining = len(sections[path[0]]["items"])
            select = (path[0], min(path[1], remaining - 1)) if remaining else (path[0],)
        self.rebuild_tree(select=select)
        self._changed()

    def move_node(self, step: int) -> None:
        """Up or down among its siblings; an item at the edge of its section moves into the next one."""
        path = self._current_path()
        if path is None:
            return
        sections = self.data.get("sections", [])
        if len(path) == 1:
            target = path[0] + step
            if not 0 <= target < len(sections):
                return
            sections[path[0]], sections[target] = sections[target], sections[path[0]]
            self.rebuild_tree(select=(target,))
        else:
            s, i = path
            items = sections[s]["items"]
            if 0 <= i + step < len(items):
                items[i], items[i + step] = items[i + step], items[i]
                select = (s, i + step)
            elif 0 <= s + step < len(sections):
                moved = items.pop(i)
                other = sections[s + step].setdefault("items", [])
                if step < 0:
                    other.append(moved)
                    select = (s + step, len(other) - 1)
                else:
                    other.insert(0, moved)
                    select = (s + step, 0)
            else:
                return
            self.rebuild_tree(select=select)
        self._changed()

