"""The checklist editor's section and item pages: a section's id and title; an item's question,
guidance and reference in both languages, its answer scale and the answers allowed, the
severities and error categories a fail may take, its weight, and the earlier item and answers
it is shown after. Renaming an item renames it in the conditions that refer to it.

ItemForm is a part of ui.checklist_editor.ChecklistEditor, which holds the template's data.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDoubleSpinBox, QFormLayout, QGroupBox, QHBoxLayout,
                               QLineEdit, QListWidget, QListWidgetItem, QTreeWidget, QWidget)

from ui.bilingual_edit import BilingualEdit, bilingual_text
from ui.checklist_tree import PATH_ROLE
from workbench.review.checklists import OUTCOMES, PASS_FAIL, SEVERITIES


class ItemForm:
    """A section's and an item's fields (a part of ChecklistEditor, which holds the data)."""

    data: dict[str, Any]
    language: str
    tree: QTreeWidget
    _filling: bool

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
        self.i_reference = BilingualEdit(False)     # the Chinese form (专利法第22条第3款) is optional
        self.i_reference.edits["en"].setPlaceholderText(self.tr("e.g. PL 22.3; Guidelines Part II Ch. 4"))
        self.i_reference.edits["zh"].setPlaceholderText(self.tr("e.g. 专利法第22条第3款"))
        self.i_reference.edited.connect(lambda: self._set_node(["reference"], reference_value(self.i_reference.value())))
        self.i_scale = QComboBox()
        self.i_scale.activated.connect(self._scale_chosen)
        self.i_answers_box = QWidget()
        self.i_answers_layout = QHBoxLayout(self.i_answers_box)
        self.i_answers_layout.setContentsMargins(0, 0, 0, 0)
        self.i_answers: dict[str, QCheckBox] = {}
        severities = self._severity_boxes()
        self.i_categories = QListWidget()
        self.i_categories.setMaximumHeight(110)
        self.i_categories.itemChanged.connect(self._item_categories_changed)
        self.i_weight = QDoubleSpinBox()
        self.i_weight.setRange(0.1, 100)
        self.i_weight.setDecimals(1)
        self.i_weight.valueChanged.connect(lambda value: self._set_node(["weight"], _number(value)))
        self.i_auto_fail = QCheckBox(self.tr("A fail makes the whole case an error"))
        self.i_auto_fail.toggled.connect(lambda on: self._set_node(["auto_fail"], on))
        condition = self._condition_box()
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

    def _severity_boxes(self) -> QWidget:
        """A box for each severity a fail of the item may take."""
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
        return severities

    def _condition_box(self) -> QGroupBox:
        """The earlier item, and its answers, after which the item is shown."""
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
        return condition

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
                result.append((str(option.get("code")), bilingual_text(option.get("label"), self.language) or
                               str(option.get("code")), str(option.get("outcome"))))
        return result

    def _fill_item(self, item: dict[str, Any]) -> None:
        self.i_id.setText(str(item.get("id") or ""))
        self.i_text.set_value(item.get("text"))
        self.i_guidance.set_value(item.get("guidance"))
        reference = item.get("reference")
        self.i_reference.set_value(reference if isinstance(reference, dict) else {"en": str(reference or "")})
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
            entry = QListWidgetItem(f"{bilingual_text(label, self.language)}  ({code})")
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

    # -- edits ---------------------------------------------------------------------------------------
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


def _number(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value


def reference_value(value: dict[str, str]) -> str | dict[str, str]:
    """The template's reference: a plain text while only the English is given, else both languages."""
    return {"en": value["en"], "zh": value["zh"]} if value.get("zh", "").strip() else value.get("en", "")
