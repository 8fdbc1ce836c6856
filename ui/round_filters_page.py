"""The first page of the round wizard: the round's name and the cases it samples from, with the
live population count (workbench.rounds.population.count_population)."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QDateEdit, QFormLayout, QGridLayout, QHBoxLayout,
                               QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWizardPage)

from ui.case_model import value_label
from ui.round_labels import ERROR_STYLE
from workbench.importing.identifiers import IP_TYPES
from workbench.rounds import population, store


def _checked_values(widget: QListWidget) -> list[Any]:
    return [widget.item(i).data(Qt.ItemDataRole.UserRole) for i in range(widget.count())
            if widget.item(i).checkState() == Qt.CheckState.Checked]


class FiltersPage(QWizardPage):
    """The round's name and the cases it samples from, with the live population count."""

    def __init__(self, wizard: Any) -> None:
        """`wizard` is the RoundWizard (its db); not imported here, as it imports this page."""
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("Which cases"))
        self.setSubTitle(self.tr("Name the round and choose the cases to sample from. "
                                 "Nothing ticked in a list means any value."))
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. 2022 Q2 invention patents"))
        self.name.setMaxLength(store.NAME_LIMIT)
        self.name_problem = QLabel()
        self.name_problem.setStyleSheet(ERROR_STYLE)
        types_row = self._build_ip_types()
        grid = self._build_lists()
        dates = self._build_dates()
        self._build_options()

        form = QFormLayout()
        form.addRow(self.tr("Round name:"), self.name)
        form.addRow("", self.name_problem)
        form.addRow(self.tr("IP type:"), types_row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(grid, 1)
        layout.addLayout(dates)
        layout.addWidget(self.exclude)
        layout.addWidget(self.include_reviewed)
        layout.addWidget(self.count_label)
        self._connect()
        self.counted = population.PopulationCount(0, 0, 0)
        self._changed()

    def _build_ip_types(self) -> QHBoxLayout:
        self.ip_types: dict[str, QCheckBox] = {}
        types_row = QHBoxLayout()
        for ip_type in IP_TYPES:
            box = QCheckBox(value_label("ip_type", ip_type))
            self.ip_types[ip_type] = box
            types_row.addWidget(box)
        types_row.addStretch(1)
        return types_row

    def _build_lists(self) -> QGridLayout:
        """A ticked list per field (department, examiner, decision, procedure, import)."""
        self.lists: dict[str, QListWidget] = {}
        grid = QGridLayout()
        titles = {"department": self.tr("Department"), "examiner": self.tr("Examiner"),
                  "decision": self.tr("Decision"), "procedure": self.tr("Procedure"), "import": self.tr("Import")}
        for column, name in enumerate(("department", "examiner", "decision", "procedure", "import")):
            widget = QListWidget()
            widget.setMinimumWidth(150)
            widget.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
            self.lists[name] = widget
            grid.addWidget(QLabel(titles[name]), 0, column)
            grid.addWidget(widget, 1, column)
        self._fill_lists()
        return grid

    def _build_dates(self) -> QHBoxLayout:
        self.use_from = QCheckBox(self.tr("Decided from"))
        self.use_to = QCheckBox(self.tr("to"))
        self.date_from = QDateEdit(QDate(QDate.currentDate().year() - 1, 1, 1))
        self.date_to = QDateEdit(QDate(QDate.currentDate().year() - 1, 12, 31))
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
        self.use_from.toggled.connect(self.date_from.setEnabled)
        self.use_to.toggled.connect(self.date_to.setEnabled)
        dates = QHBoxLayout()
        for widget in (self.use_from, self.date_from, self.use_to, self.date_to):
            dates.addWidget(widget)
        dates.addStretch(1)
        return dates

    def _build_options(self) -> None:
        self.exclude = QCheckBox(self.tr("Leave out cases already drawn in another round"))
        self.exclude.setChecked(True)
        self.include_reviewed = QCheckBox(self.tr("Include cases that already have a completed review"))
        self.include_reviewed.setToolTip(self.tr(
            "Their earlier review keeps counting in the all-cases figures until this round's review is "
            "completed; the round's own figures count only the round's reviews."))
        self.count_label = QLabel()
        font = self.count_label.font()
        font.setBold(True)
        self.count_label.setFont(font)

    def _connect(self) -> None:
        """Every change of a filter counts the population again."""
        self.name.textChanged.connect(self._changed)
        for box in self.ip_types.values():
            box.toggled.connect(self._changed)
        for widget in self.lists.values():
            widget.itemChanged.connect(self._changed)
        for signal in (self.use_from.toggled, self.use_to.toggled, self.date_from.dateChanged,
                       self.date_to.dateChanged, self.exclude.toggled, self.include_reviewed.toggled):
            signal.connect(self._changed)

    def _fill_lists(self) -> None:
        db = self.w.db
        for name in ("department", "examiner", "decision", "procedure"):
            for value, count in population.field_values(db, name):
                self._add_item(self.lists[name], f"{value} ({count})", value)
        for import_id, file_name, accepted in db.execute(
                "SELECT id, file_name, accepted FROM imports ORDER BY id DESC"):
            self._add_item(self.lists["import"], self.tr("#%1 %2 (%3)").replace("%1", str(import_id))
                           .replace("%2", file_name).replace("%3", str(accepted)), import_id)

    @staticmethod
    def _add_item(widget: QListWidget, text: str, value: Any) -> None:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, value)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)
        widget.addItem(item)

    def check(self, name: str, value: Any, checked: bool = True) -> None:
        """Tick a value in one of the lists (for tests and for re-using a round's filters)."""
        widget = self.lists[name]
        for i in range(widget.count()):
            if widget.item(i).data(Qt.ItemDataRole.UserRole) == value:
                widget.item(i).setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
                return
        raise KeyError(value)

    def filters(self) -> population.Filters:
        start = self.date_from.date().toString("yyyy-MM-dd") if self.use_from.isChecked() else None
        end = self.date_to.date().toString("yyyy-MM-dd") if self.use_to.isChecked() else None
        return population.Filters(
            ip_type=tuple(t for t, box in self.ip_types.items() if box.isChecked()),
            department=tuple(_checked_values(self.lists["department"])),
            examiner=tuple(_checked_values(self.lists["examiner"])),
            decision=tuple(_checked_values(self.lists["decision"])),
            procedure=tuple(_checked_values(self.lists["procedure"])),
            imports=tuple(_checked_values(self.lists["import"])),
            decided_from=start, decided_to=end, exclude_sampled=self.exclude.isChecked(),
            exclude_reviewed=not self.include_reviewed.isChecked())

    def population(self) -> int:
        return self.counted.population

    def _changed(self, *_: Any) -> None:
        self.counted = population.count_population(self.w.db, self.filters())
        text = self.tr("%n case(s) match the filters", "", self.counted.matching)
        if self.counted.sampled:
            text += " · " + self.tr("%n already drawn in another round left out", "", self.counted.sampled)
        if self.counted.reviewed:
            text += " · " + self.tr("%n already reviewed left out", "", self.counted.reviewed)
        text += " · " + self.tr("population: %n case(s)", "", self.population())
        self.count_label.setText(text)
        name = self.name.text().strip()
        self.name_problem.setText(self.tr("There is already a round with this name.")
                                  if name and store.name_taken(self.w.db, name) else "")
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 (Qt name)
        name = self.name.text().strip()
        return bool(name) and not self.name_problem.text() and self.population() > 0
