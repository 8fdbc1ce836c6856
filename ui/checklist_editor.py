"""The checklist editor: create a template, clone one, edit its sections and items in both
languages, reorder them, preview them as a reviewer will see them, and save a new version.

The dialog edits the template's JSON (the format of resources/checklists/FORMAT.md) and
asks workbench.review.checklists to validate it after every change; the problems are listed with
their item, and Save stays disabled until there are none. Saving goes through
checklist_store.store: a stored version never changes, so a changed template is stored as its
next version and reviews keep the version they used.

The editor is put together from parts, one module each: ui.checklist_tree (the sections and
items, and the blank ones), ui.checklist_template_form (the template's own fields),
ui.checklist_item_form (a section's and an item's fields) and ui.checklist_problems (the
problems found, and Save kept disabled while there are any).
"""
from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import sqlite_utils
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (QComboBox, QDialog, QHBoxLayout, QHeaderView, QLabel, QPlainTextEdit, QPushButton,
                               QSplitter, QStackedWidget, QTabWidget, QTreeWidget, QTreeWidgetItem, QVBoxLayout,
                               QWidget)

from ui import dialogs, file_dialogs
from ui.bilingual_edit import bilingual_text
from ui.checklist_item_form import ItemForm
from ui.checklist_problems import ProblemList
from ui.checklist_template_form import TemplateForm
from ui.checklist_tree import KIND_ROLE, SectionTree, blank_template
from ui.messages import error_text
from foundation.errors import WorkbenchError
from workbench.review import checklist_parsing
from workbench.review import checklist_store
from workbench.review.checklist_parsing import Problem

VALIDATE_DELAY_MS = 300
JSON_FILTER = QT_TRANSLATE_NOOP("ChecklistEditor", "Checklist templates (*.json);;All files (*)")


def _json_filter() -> str:
    return QCoreApplication.translate("ChecklistEditor", JSON_FILTER)


class ChecklistEditor(SectionTree, TemplateForm, ItemForm, ProblemList, QDialog):
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
        top = self._build_template_bar()
        left = self._build_tree_side()
        self.tabs = self._build_tabs()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 2)
        self.problem_list = self._build_problem_list()
        bottom = self._build_save_row()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(QLabel(self.tr("Problems")))
        layout.addWidget(self.problem_list)
        layout.addLayout(bottom)

    def _build_template_bar(self) -> QHBoxLayout:
        """The stored templates to choose from, and New, Clone, Open file, Save to file."""
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
        return top

    def _build_tabs(self) -> QTabWidget:
        """Edit (the template, section and item pages), Preview and JSON."""
        self.pages = QStackedWidget()
        self.pages.addWidget(self._template_page())
        self.pages.addWidget(self._section_page())
        self.pages.addWidget(self._item_page())
        preview_page = self._build_preview_page()
        self.json_view = QPlainTextEdit()
        self.json_view.setReadOnly(True)
        self.json_view.setFont(QFont("monospace"))
        tabs = QTabWidget()
        tabs.addTab(self.pages, self.tr("Edit"))
        tabs.addTab(preview_page, self.tr("Preview"))
        tabs.addTab(self.json_view, self.tr("JSON"))
        tabs.currentChanged.connect(lambda _i: self.refresh_preview())
        return tabs

    def _build_preview_page(self) -> QWidget:
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
        return preview_page

    def _build_save_row(self) -> QHBoxLayout:
        self.status = QLabel()
        self.save_button = QPushButton(self.tr("Save as new version"))     # not default: Enter in a field never saves
        self.save_button.clicked.connect(self.save)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.close)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.close_button)
        return bottom

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
        path = dialogs.open_file(self, self.tr("Open checklist template"), _json_filter(),
                                 kind=file_dialogs.CHECKLISTS)
        if not path:
            return
        try:
            data = checklist_parsing.read_json(path)
        except WorkbenchError as exc:
            dialogs.error(self, self.tr("Cannot open the template"), error_text(exc))
            return
        self._load(data, None)

    def save_file(self) -> None:
        path = dialogs.save_file(self, self.tr("Save checklist template"), _json_filter(),
                                 f"{self.data.get('id') or 'checklist'}.json", kind=file_dialogs.CHECKLISTS)
        if not path:
            return
        if not path.lower().endswith(".json"):
            path += ".json"
        Path(path).write_text(json.dumps(self.data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        self.status.setText(self.tr("Written to %1.").replace("%1", path))


    # -- loading into the form and editing -----------------------------------------------------------
    def _load(self, data: dict[str, Any], source_id: int | None) -> None:
        self.data = data
        self.source_id = source_id
        self.template_combo.setCurrentIndex(max(0, self.template_combo.findData(source_id))
                                            if source_id is not None else 0)
        self.rebuild_tree()
        self._show_page("template")
        self.validate()

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

    def _changed(self) -> None:
        """Every edit: refresh what shows it and validate shortly."""
        node = self.tree.currentItem()
        if node is not None:
            data = self._node_data()
            if data is not None:
                node.setText(0, self._section_label(data) if node.data(0, KIND_ROLE) == "section"
                             else self._item_label(data))
        self._validate_timer.start()


    # -- preview and saving --------------------------------------------------------------------------
    def refresh_preview(self) -> None:
        language = self.preview_language.currentData() or "en"
        self.json_view.setPlainText(json.dumps(self.data, ensure_ascii=False, indent=2))
        self.preview.clear()
        for s, section in enumerate(self._sections(), start=1):
            top = QTreeWidgetItem([f"{s}  {bilingual_text(section.get('title'), language)}"])
            font = QFont(top.font(0))
            font.setBold(True)
            top.setFont(0, font)
            self.preview.addTopLevelItem(top)
            for i, item in enumerate(self._items(section), start=1):
                options = self._scale_options(item)
                allowed = item.get("answers") if isinstance(item.get("answers"), list) else [o[0] for o in options]
                answers = " / ".join(label for code, label, _ in options if code in allowed)
                text = f"{s}.{i}  {bilingual_text(item.get('text'), language)}"
                condition = item.get("condition")
                if isinstance(condition, dict):
                    text += "  " + self.tr("[only when %1 is %2]").replace("%1", str(condition.get("item"))) \
                        .replace("%2", "/".join(map(str, condition.get("answers") or [])))
                reference = item.get("reference")
                node = QTreeWidgetItem([text, answers, bilingual_text(reference, language) if isinstance(reference, dict)
                                        else str(reference or "")])
                node.setToolTip(0, bilingual_text(item.get("guidance"), language))
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



__all__ = ["ChecklistEditor"]
