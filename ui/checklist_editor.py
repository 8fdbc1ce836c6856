"""The checklist editor: create a template, clone one, edit its sections and items in both
languages, reorder them, preview them as a reviewer will see them, and save a new version.

The dialog edits the template's JSON (the format of resources/checklists/FORMAT.md) and
asks workbench.review.checklist_parsing to validate it after every change; the problems are
listed with their item, and Save stays disabled until there are none. Saving goes through
checklist_store.store: a stored version never changes, so a changed template is stored as its
next version and reviews keep the version they used.
"""
from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import sqlite_utils
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QDialog, QDoubleSpinBox, QFormLayout,
                               QGridLayout, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QListWidget,
                               QListWidgetItem, QPlainTextEdit, QPushButton, QSplitter, QStackedWidget,
                               QTableWidget, QTableWidgetItem, QTabWidget, QTreeWidget, QTreeWidgetItem, QVBoxLayout,
                               QWidget)

from ui import dialogs
from ui.case_model import value_label
from ui.messages import error_text
from workbench.review import checklist_parsing
from workbench.review import checklist_store
from workbench.review import checklists
from workbench.review.checklist_parsing import Problem
from workbench.review.checklists import OUTCOMES, PASS_FAIL, SEVERITIES
from workbench.base.errors import WorkbenchError

VALIDATE_DELAY_MS = 300
KIND_ROLE = Qt.ItemDataRole.UserRole          # "section" or "item"
PATH_ROLE = Qt.ItemDataRole.UserRole + 1      # (section index,) or (section index, item index)
PROBLEM_COLOUR = QColor("#b3261e")
JSON_FILTER = "Checklist templates (*.json);;All files (*)"


def blank_template() -> dict[str, Any]:
    return {
        "format": checklist_parsing.FORMAT_VERSION, "id": "new-checklist", "version": 1,
        "name": {"en": "New checklist", "zh": "新检查表"}, "description": {"en": "", "zh": ""},
        "ip_types": ["invention"], "procedures": [],
        "categories": {"omitted_objection": {"en": "Objection omitted", "zh": "应指出而未指出"},
                       "improper_objection": {"en": "Objection improper", "zh": "指出不当"}},
        "sections": [{"id": "section-1", "title": {"en": "", "zh": ""}, "items": [blank_item("item-1")]}],
    }


def blank_item(item_id: str) -> dict[str, Any]:
    return {"id": item_id, "text": {"en": "", "zh": ""}, "guidance": {"en": "", "zh": ""}, "reference": "",
            "severities": ["major", "minor"], "categories": [], "weight": 1}


def _text(value: Any, language: str) -> str:
    if not isinstance(value, dict):
        return ""
    first, second = ("zh", "en") if language.startswith("zh") else ("en", "zh")
    return str(value.get(first) or value.get(second) or "")


class BilingualEdit(QWidget):
    """An English and a Chinese text, side by side."""

    edited = Signal()

    def __init__(self, multiline: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.multiline = multiline
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.edits: dict[str, QLineEdit | QPlainTextEdit] = {}
        for language, hint in (("en", self.tr("English")), ("zh", self.tr("Chinese"))):
            edit: QLineEdit | QPlainTextEdit
            if multiline:
                edit = QPlainTextEdit()
                edit.setTabChangesFocus(True)
                edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
                edit.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
                edit.setMaximumHeight(84)
                edit.textChanged.connect(self.edited.emit)
            else:
                edit = QLineEdit()
                edit.textEdited.connect(lambda _t: self.edited.emit())
            edit.setPlaceholderText(hint)
            self.edits[language] = edit
            layout.addWidget(edit)

    def value(self) -> dict[str, str]:
        return {language: (edit.toPlainText() if isinstance(edit, QPlainTextEdit) else edit.text())
                for language, edit in self.edits.items()}

    def set_value(self, value: Any) -> None:
        value = value if isinstance(value, dict) else {}
        for language, edit in self.edits.items():
            text = str(value.get(language) or "")
            edit.blockSignals(True)
            if isinstance(edit, QPlainTextEdit):
                edit.setPlainText(text)
            else:
                edit.setText(text)
            edit.blockSignals(False)


class ChecklistEditor(QDialog):
    saved = Signal(int)      # the checklists row id of the version stored

    def __init__(self, db: sqlite_utils.Database, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.language = language
        self.data: dict[str, Any] = blank_template()
        self.source_id: int | None = None     # the stored version the editing started from
        self.problems: list[Problem] = []
        self._filling = False
        self.setWindowTitle(self.tr("Checklist editor"))
        self.resize(1200, 800)
        self._validate_timer = QTimer(self)
        self._validate_timer.setSingleShot(True)
        self._validate_timer.setInterval(VALIDATE_DELAY_MS)
        self._validate_timer.timeout.connect(self.validate)
        self._build()
        self.reload_templates()
        self._load(self.data, None)

    # -- layout ---------------------------------------------------------------------------------
    def _build(self) -> None:
        self.template_combo = QComboBox()
        self.template_combo.setMinimumContentsLength(40)
        self.template_combo.activated.connect(self._open_chosen)
        self.new_button = QPushButton(self.tr("New"))
        self.new_button.clicked.connect(self.new_template)
        self.clone_button = QPushButton(self.tr("Clone"))
        self.clone_button.setToolTip(self.tr("A copy under a new id, to adapt into another checklist"))
        self.clone_button.clicked.connect(self.clone)
        self.import_button = QPushButton(self.tr("Open file..."))
        self.import_button.clicked.connect(self.open_file)
        self.export_button = QPushButton(self.tr("Save to file..."))
        self.export_button.clicked.connect(self.save_file)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Template:")))
        top.addWidget(self.template_combo, 1)
        for button in (self.new_button, self.clone_button, self.import_button, self.export_button):
            top.addWidget(button)

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

        self.pages = QStackedWidget()
        self.pages.addWidget(self._template_page())
        self.pages.addWidget(self._section_page())
        self.pages.addWidget(self._item_page())
        self.preview = QTreeWidget()
        self.preview.setHeaderLabels([self.tr("Checklist item"), self.tr("Answers"), self.tr("Reference")])
        self.preview.setWordWrap(True)
        self.preview.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.preview_language = QComboBox()
        self.preview_language.addItem(self.tr("English"), "en")
        self.preview_language.addItem(self.tr("Chinese"), "zh")
        self.preview_language.setCurrentIndex(1 if self.language.startswith("zh") else 0)
        self.preview_language.currentIndexChanged.connect(lambda _i: self.refresh_preview())
        preview_page = QWidget()
        preview_layout = QVBoxLayout(preview_page)
        preview_row = QHBoxLayout()
        preview_row.addWidget(QLabel(self.tr("As the reviewer sees it, in")))
        preview_row.addWidget(self.preview_language)
        preview_row.addStretch(1)
        preview_layout.addLayout(preview_row)
        preview_layout.addWidget(self.preview)
        self.json_view = QPlainTextEdit()
        self.json_view.setReadOnly(True)
        self.json_view.setFont(QFont("monospace"))
        self.tabs = QTabWidget()
        self.tabs.addTab(self.pages, self.tr("Edit"))
        self.tabs.addTab(preview_page, self.tr("Preview"))
        self.tabs.addTab(self.json_view, self.tr("JSON"))
        self.tabs.currentChanged.connect(lambda _i: self.refresh_preview())

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 2)

        self.problem_list = QListWidget()
        self.problem_list.setMaximumHeight(110)
        self.problem_list.itemActivated.connect(self._go_to_problem)
        self.problem_list.itemClicked.connect(self._go_to_problem)
        self.status = QLabel()
        self.save_button = QPushButton(self.tr("Save as new version"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.close)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(QLabel(self.tr("Problems")))
        layout.addWidget(self.problem_list)
        layout.addLayout(bottom)

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

    def _section_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.s_id = QLineEdit()
        self.s_id.textEdited.connect(lambda text: self._set_node(["id"], text.strip()))
        self.s_title = BilingualEdit(False)
        self.s_title.edited.connect(lambda: self._set_node(["title"], self.s_title.value()))
        form.addRow(self.tr("Section id"), self.s_id)
        form.addRow(self.tr("Title"), self.s_title)
        return page

    def _item_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.i_id = QLineEdit()
        self.i_id.textEdited.connect(self._item_id_edited)
        self.i_text = BilingualEdit(True)
        self.i_text.edited.connect(lambda: self._set_node(["text"], self.i_text.value()))
        self.i_guidance = BilingualEdit(True)
        self.i_guidance.edited.connect(lambda: self._set_node(["guidance"], self.i_guidance.value()))
        self.i_reference = QLineEdit()
        self.i_reference.setPlaceholderText(self.tr("e.g. PL 22.3; Guidelines Part II Ch. 4"))
        self.i_reference.textEdited.connect(lambda text: self._set_node(["reference"], text))
        self.i_scale = QComboBox()
        self.i_scale.activated.connect(self._scale_chosen)
        self.i_answers_box = QWidget()
        self.i_answers_layout = QHBoxLayout(self.i_answers_box)
        self.i_answers_layout.setContentsMargins(0, 0, 0, 0)
        self.i_answers: dict[str, QCheckBox] = {}
        severities = QWidget()
        severities_layout = QHBoxLayout(severities)
        severities_layout.setContentsMargins(0, 0, 0, 0)
        self.i_severities: dict[str, QCheckBox] = {}
        for severity in SEVERITIES:
            box = QCheckBox({"critical": self.tr("Critical"), "major": self.tr("Major"), "minor": self.tr("Minor"),
                             "advisory": self.tr("Advisory")}[severity])
            box.toggled.connect(self._severities_changed)
            self.i_severities[severity] = box
            severities_layout.addWidget(box)
        self.i_categories = QListWidget()
        self.i_categories.setMaximumHeight(110)
        self.i_categories.itemChanged.connect(self._item_categories_changed)
        self.i_weight = QDoubleSpinBox()
        self.i_weight.setRange(0.1, 100)
        self.i_weight.setDecimals(1)
        self.i_weight.valueChanged.connect(lambda value: self._set_node(["weight"], _number(value)))
        self.i_auto_fail = QCheckBox(self.tr("A fail makes the whole case an error"))
        self.i_auto_fail.toggled.connect(lambda on: self._set_node(["auto_fail"], on))
        self.i_condition_item = QComboBox()
        self.i_condition_item.activated.connect(self._condition_item_chosen)
        self.i_condition_answers_box = QWidget()
        self.i_condition_answers_layout = QHBoxLayout(self.i_condition_answers_box)
        self.i_condition_answers_layout.setContentsMargins(0, 0, 0, 0)
        self.i_condition_answers: dict[str, QCheckBox] = {}
        condition = QGroupBox(self.tr("Shown only when"))
        condition_form = QFormLayout(condition)
        condition_form.addRow(self.tr("this earlier item"), self.i_condition_item)
        condition_form.addRow(self.tr("was answered"), self.i_condition_answers_box)
        form.addRow(self.tr("Item id"), self.i_id)
        form.addRow(self.tr("Question"), self.i_text)
        form.addRow(self.tr("Guidance"), self.i_guidance)
        form.addRow(self.tr("Reference"), self.i_reference)
        form.addRow(self.tr("Answer scale"), self.i_scale)
        form.addRow(self.tr("Answers allowed"), self.i_answers_box)
        form.addRow(self.tr("Severities on a fail"), severities)
        form.addRow(self.tr("Error categories"), self.i_categories)
        form.addRow(self.tr("Weight"), self.i_weight)
        form.addRow("", self.i_auto_fail)
        form.addRow(condition)
        return page

    # -- templates in the workspace ------------------------------------------------------------------
    def reload_templates(self) -> None:
        """The newest stored version of each template, with how many reviews used it."""
        self.template_combo.clear()
        self.template_combo.addItem(self.tr("(choose a stored template to edit)"), None)
        newest: dict[str, tuple[int, int, Any]] = {}
        for row_id, template_id, version, name in checklist_store.stored_templates(self.db):
            if template_id not in newest:
                newest[template_id] = (row_id, version, name)
        for template_id, (row_id, version, name) in sorted(newest.items()):
            used = self.db.execute("SELECT COUNT(*) FROM reviews WHERE checklist_id = ?", [row_id]).fetchone()[0]
            label = self.tr("%1 — version %2 (%3 reviews)").replace("%1", name.get(self.language)) \
                .replace("%2", str(version)).replace("%3", str(used))
            self.template_combo.addItem(label, row_id)

    def _open_chosen(self, index: int) -> None:
        row_id = self.template_combo.itemData(index)
        if row_id is not None:
            self.open_stored(row_id)

    def open_stored(self, row_id: int) -> None:
        """Edit a stored version; saving it stores the next version of the same template."""
        checklist = checklist_store.load_stored(self.db, row_id)
        self._load(copy.deepcopy(dict(checklist.definition)), row_id)

    def new_template(self) -> None:
        data = blank_template()
        data["id"] = self._free_id("new-checklist")
        self._load(data, None)
        self.t_id.setFocus()
        self.t_id.selectAll()

    def clone(self) -> None:
        """The template being edited under a new id, as version 1."""
        data = copy.deepcopy(self.data)
        data["id"] = self._free_id(f"{data.get('id') or 'checklist'}-copy")
        data["version"] = 1
        name = data.get("name") if isinstance(data.get("name"), dict) else {}
        data["name"] = {"en": f"{name.get('en', '')} (copy)".strip(), "zh": f"{name.get('zh', '')}（副本）"}
        self._load(data, None)
        self.status.setText(self.tr("A copy: give it its own id and name, then save."))

    def _free_id(self, base: str) -> str:
        taken = {row[1] for row in checklist_store.stored_templates(self.db)}
        candidate, n = base, 2
        while candidate in taken:
            candidate, n = f"{base}-{n}", n + 1
        return candidate

    def open_file(self) -> None:
        path = dialogs.open_file(self, self.tr("Open checklist template"), JSON_FILTER)
        if not path:
            return
        try:
            data = checklist_parsing.read_json(path)
        except WorkbenchError as exc:
            dialogs.error(self, self.tr("Cannot open the template"), error_text(exc))
            return
        self._load(data, None)

    def save_file(self) -> None:
        path = dialogs.save_file(self, self.tr("Save checklist template"), JSON_FILTER,
                                 f"{self.data.get('id') or 'checklist'}.json")
        if not path:
            return
        if not path.lower().endswith(".json"):
            path += ".json"
        Path(path).write_text(json.dumps(self.data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        self.status.setText(self.tr("Written to %1.").replace("%1", path))

    # -- loading into the form -------------------------------------------------------------------------
    def _load(self, data: dict[str, Any], source_id: int | None) -> None:
        self.data = data
        self.source_id = source_id
        self.template_combo.setCurrentIndex(max(0, self.template_combo.findData(source_id))
                                            if source_id is not None else 0)
        self.rebuild_tree()
        self._show_page("template")
        self.validate()

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
        return _text(section.get("title"), self.language) or str(section.get("id") or self.tr("(untitled section)"))

    def _item_label(self, item: dict[str, Any]) -> str:
        text = _text(item.get("text"), self.language)
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

    def _show_page(self, kind: str) -> None:
        self._filling = True
        try:
            if kind == "template":
                self.tree.blockSignals(True)
                self.tree.setCurrentItem(None)
                self.tree.blockSignals(False)
                self._fill_template()
                self.pages.setCurrentIndex(0)
            elif kind == "section":
                section = self._node_data() or {}
                self.s_id.setText(str(section.get("id") or ""))
                self.s_title.set_value(section.get("title"))
                self.pages.setCurrentIndex(1)
            else:
                self._fill_item(self._node_data() or {})
                self.pages.setCurrentIndex(2)
        finally:
            self._filling = False

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

    def _scale_options(self, item: dict[str, Any]) -> list[tuple[str, str, str]]:
        """(code, label, outcome) of the options of the item's scale."""
        scale = item.get("scale", "pass_fail")
        if scale == "pass_fail":
            return [(o.code, o.label.get(self.language), o.outcome) for o in PASS_FAIL]
        scales = self.data.get("scales") if isinstance(self.data.get("scales"), dict) else {}
        options = scales.get(scale) if isinstance(scale, str) else None
        result = []
        for option in options if isinstance(options, list) else []:
            if isinstance(option, dict):
                result.append((str(option.get("code")), _text(option.get("label"), self.language) or
                               str(option.get("code")), str(option.get("outcome"))))
        return result

    def _fill_item(self, item: dict[str, Any]) -> None:
        self.i_id.setText(str(item.get("id") or ""))
        self.i_text.set_value(item.get("text"))
        self.i_guidance.set_value(item.get("guidance"))
        self.i_reference.setText(str(item.get("reference") or ""))
        self.i_scale.clear()
        self.i_scale.addItem(self.tr("Pass / fail / n/a"), "pass_fail")
        scales = self.data.get("scales") if isinstance(self.data.get("scales"), dict) else {}
        for name in scales:
            self.i_scale.addItem(name, name)
        self.i_scale.setCurrentIndex(max(0, self.i_scale.findData(item.get("scale", "pass_fail"))))
        self._fill_answers(item)
        severities = item.get("severities") if isinstance(item.get("severities"), list) else []
        for severity, box in self.i_severities.items():
            box.blockSignals(True)
            box.setChecked(severity in severities)
            box.blockSignals(False)
        self.i_categories.blockSignals(True)
        self.i_categories.clear()
        chosen = item.get("categories") if isinstance(item.get("categories"), list) else []
        categories = self.data.get("categories") if isinstance(self.data.get("categories"), dict) else {}
        for code, label in categories.items():
            entry = QListWidgetItem(f"{_text(label, self.language)}  ({code})")
            entry.setData(Qt.ItemDataRole.UserRole, code)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Checked if code in chosen else Qt.CheckState.Unchecked)
            self.i_categories.addItem(entry)
        self.i_categories.blockSignals(False)
        weight = item.get("weight", 1)
        self.i_weight.blockSignals(True)
        self.i_weight.setValue(float(weight) if isinstance(weight, (int, float)) and not isinstance(weight, bool)
                               else 1.0)
        self.i_weight.blockSignals(False)
        self.i_auto_fail.blockSignals(True)
        self.i_auto_fail.setChecked(item.get("auto_fail") is True)
        self.i_auto_fail.blockSignals(False)
        self._fill_condition(item)

    def _fill_answers(self, item: dict[str, Any]) -> None:
        while self.i_answers_layout.count():
            widget = self.i_answers_layout.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        self.i_answers = {}
        options = self._scale_options(item)
        allowed = item.get("answers") if isinstance(item.get("answers"), list) else [o[0] for o in options]
        for code, label, outcome in options:
            box = QCheckBox(f"{label} ({outcome})" if outcome in OUTCOMES and label.lower() != outcome else label)
            box.setChecked(code in allowed)
            box.toggled.connect(self._answers_changed)
            self.i_answers[code] = box
            self.i_answers_layout.addWidget(box)
        self.i_answers_layout.addStretch(1)

    def _earlier_items(self) -> list[dict[str, Any]]:
        node = self.tree.currentItem()
        path = node.data(0, PATH_ROLE) if node is not None else None
        earlier = []
        for s, section in enumerate(self._sections()):
            for i, item in enumerate(self._items(section)):
                if path is not None and (s, i) >= tuple(path):
                    return earlier
                earlier.append(item)
        return earlier

    def _fill_condition(self, item: dict[str, Any]) -> None:
        condition = item.get("condition") if isinstance(item.get("condition"), dict) else None
        self.i_condition_item.clear()
        self.i_condition_item.addItem(self.tr("(always shown)"), None)
        for earlier in self._earlier_items():
            self.i_condition_item.addItem(self._item_label(earlier), earlier.get("id"))
        target = condition.get("item") if condition else None
        self.i_condition_item.setCurrentIndex(max(0, self.i_condition_item.findData(target)))
        self._fill_condition_answers(condition)

    def _fill_condition_answers(self, condition: dict[str, Any] | None) -> None:
        while self.i_condition_answers_layout.count():
            widget = self.i_condition_answers_layout.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        self.i_condition_answers = {}
        target_id = condition.get("item") if condition else None
        target = next((i for s in self._sections() for i in self._items(s) if i.get("id") == target_id), None)
        if target is None:
            return
        chosen = condition.get("answers") if isinstance(condition.get("answers"), list) else []
        for code, label, _outcome in self._scale_options(target):
            box = QCheckBox(label)
            box.setChecked(code in chosen)
            box.toggled.connect(self._condition_answers_changed)
            self.i_condition_answers[code] = box
            self.i_condition_answers_layout.addWidget(box)
        self.i_condition_answers_layout.addStretch(1)

    # -- edits ----------------------------------------------------------------------------------------
    def _changed(self) -> None:
        """Every edit: refresh what shows it and validate shortly."""
        node = self.tree.currentItem()
        if node is not None:
            data = self._node_data()
            if data is not None:
                node.setText(0, self._section_label(data) if node.data(0, KIND_ROLE) == "section"
                             else self._item_label(data))
        self._validate_timer.start()

    def _set(self, keys: list[str], value: Any) -> None:
        if self._filling:
            return
        self.data[keys[0]] = value
        if keys[0] == "id":
            self._show_version()
        self._changed()

    def _set_node(self, keys: list[str], value: Any) -> None:
        if self._filling:
            return
        data = self._node_data()
        if data is None:
            return
        data[keys[0]] = value
        self._changed()

    def _item_id_edited(self, text: str) -> None:
        """Renaming an item renames it in the conditions that refer to it."""
        if self._filling:
            return
        item = self._node_data()
        if item is None:
            return
        old, new = item.get("id"), text.strip()
        item["id"] = new
        for section in self._sections():
            for other in self._items(section):
                condition = other.get("condition")
                if isinstance(condition, dict) and condition.get("item") == old and old:
                    condition["item"] = new
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

    def _scale_chosen(self, index: int) -> None:
        item = self._node_data()
        if item is None or self._filling:
            return
        scale = self.i_scale.itemData(index)
        if scale == "pass_fail":
            item.pop("scale", None)
        else:
            item["scale"] = scale
        item.pop("answers", None)          # the new scale's answers, all of them
        self._filling = True
        self._fill_answers(item)
        self._filling = False
        self._changed()

    def _answers_changed(self) -> None:
        item = self._node_data()
        if item is None or self._filling:
            return
        chosen = [code for code, box in self.i_answers.items() if box.isChecked()]
        if len(chosen) == len(self.i_answers):
            item.pop("answers", None)       # all of the scale: the default
        else:
            item["answers"] = chosen
        self._changed()

    def _severities_changed(self) -> None:
        self._set_node(["severities"], [s for s, box in self.i_severities.items() if box.isChecked()])

    def _item_categories_changed(self, _entry: Any = None) -> None:
        chosen = [self.i_categories.item(row).data(Qt.ItemDataRole.UserRole) for row in range(self.i_categories.count())
                  if self.i_categories.item(row).checkState() == Qt.CheckState.Checked]
        self._set_node(["categories"], chosen)

    def _condition_item_chosen(self, index: int) -> None:
        item = self._node_data()
        if item is None or self._filling:
            return
        target = self.i_condition_item.itemData(index)
        if target is None:
            item.pop("condition", None)
        else:
            item["condition"] = {"item": target, "answers": ["fail"]}
        self._filling = True
        self._fill_condition_answers(item.get("condition"))
        self._filling = False
        self._changed()

    def _condition_answers_changed(self) -> None:
        item = self._node_data()
        if item is None or self._filling or not isinstance(item.get("condition"), dict):
            return
        item["condition"]["answers"] = [code for code, box in self.i_condition_answers.items() if box.isChecked()]
        self._changed()

    # -- structure -------------------------------------------------------------------------------------
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

    # -- validation, preview, saving ---------------------------------------------------------------------
    def validate(self) -> list[Problem]:
        self._validate_timer.stop()
        self.problems = checklist_parsing.validate_template(self.data, source=str(self.data.get("id") or "template"))
        self.problem_list.clear()
        for problem in self.problems:
            where = self.tr("item %1: ").replace("%1", problem.item_id) if problem.item_id else ""
            entry = QListWidgetItem(where + problem.message)
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

    def refresh_preview(self) -> None:
        language = self.preview_language.currentData() or "en"
        self.json_view.setPlainText(json.dumps(self.data, ensure_ascii=False, indent=2))
        self.preview.clear()
        for s, section in enumerate(self._sections(), start=1):
            top = QTreeWidgetItem([f"{s}  {_text(section.get('title'), language)}"])
            font = QFont(top.font(0))
            font.setBold(True)
            top.setFont(0, font)
            self.preview.addTopLevelItem(top)
            for i, item in enumerate(self._items(section), start=1):
                options = self._scale_options(item)
                allowed = item.get("answers") if isinstance(item.get("answers"), list) else [o[0] for o in options]
                answers = " / ".join(label for code, label, _ in options if code in allowed)
                text = f"{s}.{i}  {_text(item.get('text'), language)}"
                condition = item.get("condition")
                if isinstance(condition, dict):
                    text += "  " + self.tr("[only when %1 is %2]").replace("%1", str(condition.get("item"))) \
                        .replace("%2", "/".join(map(str, condition.get("answers") or [])))
                node = QTreeWidgetItem([text, answers, str(item.get("reference") or "")])
                node.setToolTip(0, _text(item.get("guidance"), language))
                top.addChild(node)
            top.setExpanded(True)

    def save(self) -> int | None:
        """Store the template as a new version (nothing is stored when it is unchanged)."""
        if self.validate():
            dialogs.error(self, self.tr("Not saved"), self.tr("Fix the problems listed first."))
            return None
        template_id = str(self.data["id"])
        before = checklist_store.next_version(self.db, template_id) - 1
        data = copy.deepcopy(self.data)
        data["version"] = max(before, int(data.get("version") or 1)) if before else int(data.get("version") or 1)
        try:
            row_id = checklist_store.store(self.db, checklist_parsing.parse_template(data, source=template_id))
        except WorkbenchError as exc:
            dialogs.error(self, self.tr("Not saved"), error_text(exc))
            return None
        stored = checklist_store.load_stored(self.db, row_id)
        self.data["version"] = stored.version
        self.source_id = row_id
        if stored.version > before:
            self.status.setText(self.tr("Saved as version %1 of %2. New reviews use it; reviews already made "
                                        "keep the version they used.").replace("%1", str(stored.version))
                                .replace("%2", template_id))
        else:
            self.status.setText(self.tr("Nothing changed: version %1 is already stored.")
                                .replace("%1", str(stored.version)))
        self.reload_templates()
        self.template_combo.setCurrentIndex(max(0, self.template_combo.findData(row_id)))
        self._show_version()
        self.saved.emit(row_id)
        return row_id


def _number(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value


__all__ = ["ChecklistEditor", "blank_template"]
