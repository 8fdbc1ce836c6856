"""The checklist editor's template page: id, version, names in both languages, the kinds of
case it applies to, procedures, and the error categories (renaming a code keeps it chosen
where items chose it).

TemplateForm is a part of ui.checklist_editor.ChecklistEditor, which holds the template's data.
"""
from __future__ import annotations

from typing import Any

import sqlite_utils
from PySide6.QtWidgets import (QCheckBox, QFormLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton,
                               QTableWidget, QTableWidgetItem, QWidget)

from ui.bilingual_edit import BilingualEdit
from ui.case_model import value_label
from workbench.review import checklist_store
from workbench.review import checklists


class TemplateForm:
    """The template's own fields (a part of ChecklistEditor, which holds the data)."""

    db: sqlite_utils.Database
    data: dict[str, Any]
    _filling: bool

    def _template_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.t_id = QLineEdit()
        self.t_id.textEdited.connect(lambda text: self._set(["id"], text.strip()))
        self.t_version = QLabel()
        self.t_name = BilingualEdit(False)
        self.t_name.edited.connect(lambda: self._set(["name"], self.t_name.value()))
        self.t_description = BilingualEdit(True)
        self.t_description.edited.connect(lambda: self._set(["description"], self.t_description.value()))
        types = QWidget()
        types_layout = QHBoxLayout(types)
        types_layout.setContentsMargins(0, 0, 0, 0)
        self.t_types: dict[str, QCheckBox] = {}
        for ip_type in checklists.IP_TYPES:
            box = QCheckBox(value_label("ip_type", ip_type))
            box.toggled.connect(self._types_changed)
            self.t_types[ip_type] = box
            types_layout.addWidget(box)
        self.t_procedures = QLineEdit()
        self.t_procedures.setPlaceholderText(self.tr("e.g. substantive_examination, screening"))
        self.t_procedures.textEdited.connect(
            lambda text: self._set(["procedures"], [p.strip() for p in text.split(",") if p.strip()]))
        self.t_categories = QTableWidget(0, 3)
        self.t_categories.setHorizontalHeaderLabels([self.tr("Code"), self.tr("English"), self.tr("Chinese")])
        self.t_categories.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.t_categories.itemChanged.connect(self._categories_changed)
        add_category = QPushButton(self.tr("Add category"))
        add_category.clicked.connect(self._add_category)
        remove_category = QPushButton(self.tr("Remove category"))
        remove_category.clicked.connect(self._remove_category)
        category_buttons = QHBoxLayout()
        category_buttons.addWidget(add_category)
        category_buttons.addWidget(remove_category)
        category_buttons.addStretch(1)
        form.addRow(self.tr("Template id"), self.t_id)
        form.addRow(self.tr("Version"), self.t_version)
        form.addRow(self.tr("Name"), self.t_name)
        form.addRow(self.tr("Description"), self.t_description)
        form.addRow(self.tr("Applies to"), types)
        form.addRow(self.tr("Procedures"), self.t_procedures)
        form.addRow(self.tr("Error categories"), self.t_categories)
        form.addRow("", category_buttons)
        return page

    def _fill_template(self) -> None:
        data = self.data
        self.t_id.setText(str(data.get("id") or ""))
        self.t_name.set_value(data.get("name"))
        self.t_description.set_value(data.get("description"))
        types = data.get("ip_types") if isinstance(data.get("ip_types"), list) else []
        for ip_type, box in self.t_types.items():
            box.setChecked(ip_type in types)
        procedures = data.get("procedures") if isinstance(data.get("procedures"), list) else []
        self.t_procedures.setText(", ".join(str(p) for p in procedures))
        self.t_categories.blockSignals(True)
        self.t_categories.setRowCount(0)
        categories = data.get("categories") if isinstance(data.get("categories"), dict) else {}
        for code, label in categories.items():
            row = self.t_categories.rowCount()
            self.t_categories.insertRow(row)
            label = label if isinstance(label, dict) else {}
            for column, value in enumerate((code, label.get("en", ""), label.get("zh", ""))):
                self.t_categories.setItem(row, column, QTableWidgetItem(str(value)))
        self.t_categories.blockSignals(False)
        self._show_version()

    def _show_version(self) -> None:
        template_id = str(self.data.get("id") or "")
        stored = checklist_store.next_version(self.db, template_id) - 1 if template_id else 0
        if stored:
            self.t_version.setText(self.tr("stored up to version %1; saving a change stores version %2")
                                   .replace("%1", str(stored)).replace("%2", str(stored + 1)))
        else:
            self.t_version.setText(self.tr("new template; saved as version %1").replace(
                "%1", str(self.data.get("version") or 1)))

    # -- edits ---------------------------------------------------------------------------------------
    def _set(self, keys: list[str], value: Any) -> None:
        if self._filling:
            return
        self.data[keys[0]] = value
        if keys[0] == "id":
            self._show_version()
        self._changed()

    def _types_changed(self) -> None:
        self._set(["ip_types"], [t for t, box in self.t_types.items() if box.isChecked()])

    def _categories_changed(self, _item: Any = None) -> None:
        if self._filling:
            return
        categories: dict[str, Any] = {}
        renamed: dict[str, str] = {}
        old_codes = list((self.data.get("categories") or {}).keys()) if isinstance(self.data.get("categories"),
                                                                                 dict) else []
        for row in range(self.t_categories.rowCount()):
            cells = [self.t_categories.item(row, column) for column in range(3)]
            code, en, zh = ((cell.text().strip() if cell else "") for cell in cells)
            categories[code] = {"en": en, "zh": zh}
            if row < len(old_codes) and old_codes[row] != code:
                renamed[old_codes[row]] = code
        self.data["categories"] = categories
        for section in self._sections():         # a renamed code stays chosen where it was
            for item in self._items(section):
                if isinstance(item.get("categories"), list):
                    item["categories"] = [renamed.get(c, c) for c in item["categories"]]
        self._changed()

    def _add_category(self) -> None:
        categories = self.data.setdefault("categories", {})
        n = len(categories) + 1
        while f"category-{n}" in categories:
            n += 1
        categories[f"category-{n}"] = {"en": "", "zh": ""}
        self._filling = True
        self._fill_template()
        self._filling = False
        self.t_categories.setCurrentCell(self.t_categories.rowCount() - 1, 0)
        self._changed()

    def _remove_category(self) -> None:
        row = self.t_categories.currentRow()
        categories = self.data.get("categories")
        if row < 0 or not isinstance(categories, dict):
            return
        code = list(categories)[row]
        del categories[code]
        self._filling = True
        self._fill_template()
        self._filling = False
        self._changed()

