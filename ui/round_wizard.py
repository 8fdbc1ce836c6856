"""The "New review round" wizard: filters with the live population count, the plan with the
sample size per stratum, the assignment to reviewers, then confirm and draw. Also the lot
verdicts of acceptance rounds drawn with it.

Every number shown comes from workbench.rounds (population.count_population, sampling_plan.design
and draw, assignment.plan_assignment), so the preview is exactly what the draw will do. The draw
itself runs as a background task on its own connection, in one transaction (store.create_round).
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Sequence

import sqlite_utils
from PySide6.QtCore import QCoreApplication, QDate, QRegularExpression, Qt, Signal
from PySide6.QtGui import QColor, QRegularExpressionValidator
from PySide6.QtWidgets import (QAbstractItemView, QButtonGroup, QCheckBox, QComboBox, QDateEdit, QDialog,
                               QDialogButtonBox, QDoubleSpinBox, QFormLayout, QGridLayout, QGroupBox, QHBoxLayout,
                               QHeaderView, QLabel, QLineEdit, QListWidget, QListWidgetItem, QPushButton, QRadioButton,
                               QSpinBox, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget, QWizard, QWizardPage)

from db.connection import open_database
from ui import dialogs
from ui.case_model import value_label
from ui.messages import error_text
from ui.tasks import Task, TaskRunner
from workbench.review import checklists
from workbench.rounds import assignment, population, round_status, sampling_plan, store
from workbench.base.errors import WorkbenchError
from workbench.importing.identifiers import IP_TYPES
from workbench.base.jobs import CancelToken, Progress
from workbench.rounds.acceptance import AQLS, LEVELS

ERROR_STYLE = "color: #b00020;"


def field_label(name: str) -> str:
    return {
        "ip_type": QCoreApplication.translate("RoundWizard", "IP type"),
        "department": QCoreApplication.translate("RoundWizard", "Department"),
        "examiner": QCoreApplication.translate("RoundWizard", "Examiner"),
        "decision": QCoreApplication.translate("RoundWizard", "Decision"),
        "procedure": QCoreApplication.translate("RoundWizard", "Procedure"),
        "classification": QCoreApplication.translate("RoundWizard", "Classification"),
        "import": QCoreApplication.translate("RoundWizard", "Import"),
        "decision_year": QCoreApplication.translate("RoundWizard", "Decision year"),
        "decision_quarter": QCoreApplication.translate("RoundWizard", "Decision quarter"),
        "decision_month": QCoreApplication.translate("RoundWizard", "Decision month"),
    }.get(name, name)


def stratum_label(name: str, fields: Sequence[str]) -> str:
    """A stratum name with IP-type codes in the user's language."""
    parts = name.split(population.STRATUM_JOIN)
    if len(parts) != len(fields):
        return name
    return population.STRATUM_JOIN.join(value_label(f, p) if f == "ip_type" else p for f, p in zip(fields, parts))


def method_label(method: str) -> str:
    return {
        "random": QCoreApplication.translate("RoundWizard", "Simple random"),
        "systematic": QCoreApplication.translate("RoundWizard", "Systematic (random start)"),
        "stratified": QCoreApplication.translate("RoundWizard", "Stratified"),
        "acceptance": QCoreApplication.translate("RoundWizard", "Acceptance per lot (ISO 2859-1)"),
    }[method]


def allocation_label(allocation: str) -> str:
    return {
        "proportional": QCoreApplication.translate("RoundWizard", "Proportional"),
        "equal": QCoreApplication.translate("RoundWizard", "Equal"),
        "neyman": QCoreApplication.translate("RoundWizard", "Neyman (expected rate per stratum)"),
    }[allocation]


def describe_filters(filters: population.Filters) -> str:
    """The filters in the user's language (the CLI uses Filters.describe, in English)."""
    parts = []
    for name in population.VALUE_FIELDS:
        values = getattr(filters, name)
        if values:
            parts.append(f"{field_label(name)}: " + ", ".join(value_label(name, v) for v in values))
    if filters.imports:
        parts.append(f"{field_label('import')}: " + ", ".join(f"#{i}" for i in filters.imports))
    if filters.decided_from and filters.decided_to:
        parts.append(QCoreApplication.translate("RoundWizard", "decided %1 to %2").replace("%1", filters.decided_from)
                     .replace("%2", filters.decided_to))
    elif filters.decided_from:
        parts.append(QCoreApplication.translate("RoundWizard", "decided on or after %1").replace("%1", filters.decided_from))
    elif filters.decided_to:
        parts.append(QCoreApplication.translate("RoundWizard", "decided on or before %1").replace("%1", filters.decided_to))
    return "; ".join(parts) if parts else QCoreApplication.translate("RoundWizard", "all cases")


def describe_plan(plan: sampling_plan.Plan) -> str:
    fields = " + ".join(field_label(f) for f in plan.strata)
    if plan.method == "acceptance":
        return (QCoreApplication.translate("RoundWizard", "%1: lots by %2, AQL %3").replace("%1", method_label(plan.method))
                .replace("%2", fields).replace("%3", f"{plan.aql:g}"))
    if plan.size is not None:
        size = QCoreApplication.translate("RoundWizard", "%1 cases").replace("%1", str(plan.size))
    else:
        expected = 0.5 if plan.expected is None else plan.expected
        size = (QCoreApplication.translate("RoundWizard", "confidence %1, margin ±%2, expected compliance %3")
                .replace("%1", f"{100 * plan.confidence:g}%").replace("%2", f"{100 * plan.margin:g}%")
                .replace("%3", f"{100 * expected:g}%"))
    text = f"{method_label(plan.method)}; {size}"
    if plan.method == "stratified":
        text += "; " + (QCoreApplication.translate("RoundWizard", "by %1, %2 allocation, at least %3 per stratum")
                        .replace("%1", fields).replace("%2", allocation_label(plan.allocation))
                        .replace("%3", str(plan.min_per_stratum)))
    return text


def _checked_values(widget: QListWidget) -> list[Any]:
    return [widget.item(i).data(Qt.ItemDataRole.UserRole) for i in range(widget.count())
            if widget.item(i).checkState() == Qt.CheckState.Checked]


class FiltersPage(QWizardPage):
    """The round's name and the cases it samples from, with the live population count."""

    def __init__(self, wizard: RoundWizard) -> None:
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

        self.ip_types: dict[str, QCheckBox] = {}
        types_row = QHBoxLayout()
        for ip_type in IP_TYPES:
            box = QCheckBox(value_label("ip_type", ip_type))
            self.ip_types[ip_type] = box
            types_row.addWidget(box)
        types_row.addStretch(1)

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

        self.name.textChanged.connect(self._changed)
        for box in self.ip_types.values():
            box.toggled.connect(self._changed)
        for widget in self.lists.values():
            widget.itemChanged.connect(self._changed)
        for signal in (self.use_from.toggled, self.use_to.toggled, self.date_from.dateChanged,
                       self.date_to.dateChanged, self.exclude.toggled, self.include_reviewed.toggled):
            signal.connect(self._changed)
        self.counted = population.PopulationCount(0, 0, 0)
        self._changed()

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


class PlanPage(QWizardPage):
    """Method, size and strata, previewed live: the size per stratum as the draw will use it."""

    COLUMNS = ("stratum", "population", "expected", "sample", "letter", "accept", "reject")

    def __init__(self, wizard: RoundWizard) -> None:
        super().__init__()
        self.w = wizard
        self.population: tuple[population.PopulationCase, ...] = ()
        self.design: sampling_plan.Design | None = None
        self.rates: dict[str, float] = {}
        self.setTitle(self.tr("Sampling plan"))
        self.setSubTitle(self.tr("How many cases to draw and how. The same population, plan and seed "
                                 "always draw the same cases."))

        self.method = QComboBox()
        for code in sampling_plan.METHODS:
            self.method.addItem(method_label(code), code)

        self.fixed = QRadioButton(self.tr("Fixed size:"))
        self.precise = QRadioButton(self.tr("For a precision:"))
        self.precise.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.fixed)
        group.addButton(self.precise)
        self.size = QSpinBox()
        self.size.setRange(1, 1_000_000)
        self.size.setValue(100)
        self.confidence = QComboBox()
        for value in (0.90, 0.95, 0.99):
            self.confidence.addItem(f"{value:.0%}", value)
        self.confidence.setCurrentIndex(1)
        self.margin = QDoubleSpinBox()
        self.margin.setRange(0.5, 50.0)
        self.margin.setSingleStep(0.5)
        self.margin.setValue(5.0)
        self.margin.setSuffix(" %")
        self.expected = QDoubleSpinBox()
        self.expected.setRange(0.0, 100.0)
        self.expected.setValue(90.0)
        self.expected.setSuffix(" %")
        size_row = QHBoxLayout()
        size_row.addWidget(self.fixed)
        size_row.addWidget(self.size)
        size_row.addSpacing(24)
        size_row.addWidget(self.precise)
        size_row.addWidget(QLabel(self.tr("confidence")))
        size_row.addWidget(self.confidence)
        size_row.addWidget(QLabel(self.tr("margin ±")))
        size_row.addWidget(self.margin)
        size_row.addWidget(QLabel(self.tr("expected compliance")))
        size_row.addWidget(self.expected)
        size_row.addStretch(1)

        self.strata = QComboBox()
        self.then_by = QComboBox()
        self.then_by.addItem(self.tr("(nothing)"), "")
        for name in sampling_plan.STRATUM_FIELDS:
            self.strata.addItem(field_label(name), name)
            self.then_by.addItem(field_label(name), name)
        self.strata.setCurrentIndex(self.strata.findData("department"))
        self.allocation = QComboBox()
        for code in sampling_plan.ALLOCATIONS:
            self.allocation.addItem(allocation_label(code), code)
        self.minimum = QSpinBox()
        self.minimum.setRange(0, 10_000)
        self.aql = QComboBox()
        for value in AQLS:
            self.aql.addItem(f"{value:g}", value)
        self.aql.setCurrentIndex(self.aql.findData(sampling_plan.DEFAULT_AQL))
        self.level = QComboBox()
        for value in LEVELS:
            self.level.addItem(value, value)
        self.level.setCurrentIndex(self.level.findData("II"))
        self.count_defects = QCheckBox(self.tr("Count defects as nonconforming, not only errors"))
        strata_row = QHBoxLayout()
        for widget in (QLabel(self.tr("by")), self.strata, QLabel(self.tr("then by")), self.then_by,
                       QLabel(self.tr("allocation")), self.allocation, QLabel(self.tr("at least")), self.minimum,
                       QLabel(self.tr("per stratum"))):
            strata_row.addWidget(widget)
        strata_row.addStretch(1)
        self.strata_box = QGroupBox(self.tr("Strata"))
        self.strata_box.setLayout(strata_row)
        lot_row = QHBoxLayout()
        for widget in (QLabel(self.tr("AQL")), self.aql, QLabel(self.tr("inspection level")), self.level,
                       self.count_defects):
            lot_row.addWidget(widget)
        lot_row.addStretch(1)
        self.lot_box = QGroupBox(self.tr("Acceptance (ISO 2859-1, single sampling, normal inspection)"))
        self.lot_box.setLayout(lot_row)

        self.seed = QLineEdit(str(sampling_plan.random_seed()))
        self.seed.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{1,18}")))
        self.seed.setMaximumWidth(180)
        self.new_seed = QPushButton(self.tr("New seed"))
        self.new_seed.clicked.connect(lambda: self.seed.setText(str(sampling_plan.random_seed())))
        seed_row = QHBoxLayout()
        for widget in (self.seed, self.new_seed):
            seed_row.addWidget(widget)
        seed_row.addStretch(1)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels([
            self.tr("Stratum"), self.tr("Population"), self.tr("Expected %"), self.tr("Sample"),
            self.tr("Code letter"), self.tr("Ac"), self.tr("Re")])
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.itemChanged.connect(self._rate_edited)

        form = QFormLayout()
        form.addRow(self.tr("Method:"), self.method)
        form.addRow(self.tr("Size:"), size_row)
        form.addRow(self.tr("Seed:"), seed_row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.strata_box)
        layout.addWidget(self.lot_box)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)

        self._fields = {False: ("department", ""), True: sampling_plan.DEFAULT_LOT_FIELDS}
        self._showing_lots = False
        self.method.currentIndexChanged.connect(self._method_changed)
        for signal in (self.fixed.toggled, self.size.valueChanged, self.confidence.currentIndexChanged,
                       self.margin.valueChanged, self.expected.valueChanged, self.strata.currentIndexChanged,
                       self.then_by.currentIndexChanged, self.allocation.currentIndexChanged,
                       self.minimum.valueChanged, self.aql.currentIndexChanged, self.level.currentIndexChanged,
                       self.count_defects.toggled, self.seed.textChanged):
            signal.connect(self.update_preview)
        self.allocation.currentIndexChanged.connect(self._allocation_changed)
        self._method_changed()

    def initializePage(self) -> None:  # noqa: N802 (Qt name)
        self.population = population.load_population(self.w.db, self.w.filters_page.filters()).cases
        self.size.setMaximum(max(1, len(self.population)))
        self.update_preview()

    def _method_changed(self, *_: Any) -> None:
        method = self.method.currentData()
        acceptance = method == "acceptance"
        self.strata_box.setVisible(method in ("stratified", "acceptance"))
        self.strata_box.setTitle(self.tr("Lots") if acceptance else self.tr("Strata"))
        for widget in (self.allocation, self.minimum):
            widget.setEnabled(not acceptance)
        self.lot_box.setVisible(acceptance)
        for widget in (self.fixed, self.precise, self.size, self.confidence, self.margin, self.expected):
            widget.setEnabled(not acceptance)
        # Strata and lots are different questions: each keeps its own fields.
        if acceptance != self._showing_lots:
            self._fields[self._showing_lots] = (self.strata.currentData(), self.then_by.currentData())
            first, second = self._fields[acceptance]
            for combo, value in ((self.strata, first), (self.then_by, second)):
                combo.blockSignals(True)
                combo.setCurrentIndex(combo.findData(value))
                combo.blockSignals(False)
            self._showing_lots = acceptance
        self.update_preview()

    def _allocation_changed(self, *_: Any) -> None:
        # Neyman gives strata expected near 0% or 100% almost nothing: two cases each by default,
        # so every stratum's variance can be estimated (the user may still lower it).
        if self.allocation.currentData() == "neyman" and self.minimum.value() < sampling_plan.NEYMAN_MINIMUM:
            self.minimum.setValue(sampling_plan.NEYMAN_MINIMUM)

    def strata_fields(self) -> tuple[str, ...]:
        fields = [self.strata.currentData(), self.then_by.currentData()]
        return tuple(dict.fromkeys(f for f in fields if f))

    def plan(self) -> sampling_plan.Plan:
        method = self.method.currentData()
        stratified = method in ("stratified", "acceptance")
        fields = self.strata_fields() if stratified else ()
        if method == "acceptance":
            return sampling_plan.Plan(method=method, strata=fields, aql=self.aql.currentData(),
                                      level=self.level.currentData(),
                                      count_defects=self.count_defects.isChecked())
        precision = self.precise.isChecked()
        return sampling_plan.Plan(
            method=method, size=None if precision else self.size.value(),
            confidence=self.confidence.currentData() if precision else None,
            margin=round(self.margin.value() / 100.0, 6) if precision else None,
            expected=round(self.expected.value() / 100.0, 6),
            strata=fields, allocation=self.allocation.currentData(), min_per_stratum=self.minimum.value(),
            stratum_expected=tuple(sorted(self.rates.items())) if method == "stratified" else ())

    def seed_value(self) -> int | None:
        text = self.seed.text().strip()
        return int(text) if text else None

    def update_preview(self, *_: Any) -> None:
        if not self.population:
            return
        plan = self.plan()
        # Rates typed for strata of an earlier choice of field no longer apply.
        names = {population.stratum_of(c, plan.strata) for c in self.population} if plan.strata else set()
        if any(name not in names for name in self.rates):
            self.rates = {k: v for k, v in self.rates.items() if k in names}
            plan = self.plan()
        try:
            self.design = sampling_plan.design(self.population, plan)
            if self.seed_value() is None or self.seed_value() > sampling_plan.MAX_SEED:
                raise WorkbenchError("rounds.seed", value=self.seed.text(), limit=sampling_plan.MAX_SEED)
        except WorkbenchError as exc:
            self.design = None
            self.summary.setStyleSheet(ERROR_STYLE)
            self.summary.setText(error_text(exc))
            self._fill_table(None, plan)
            self.completeChanged.emit()
            return
        self.summary.setStyleSheet(ERROR_STYLE if self.design.uncovered() else "")
        self.summary.setText(self._summary_text(self.design))
        self._fill_table(self.design, plan)
        self.completeChanged.emit()

    def _summary_text(self, design: sampling_plan.Design) -> str:
        text = self.tr("Sample: %1 of %2 cases.").replace("%1", str(design.size)).replace(
            "%2", str(design.population))
        if design.unadjusted_size is not None:
            text += " " + self.tr("%1 before the finite population correction.").replace(
                "%1", str(design.unadjusted_size))
        if design.raised_for_minimum:
            text += " " + self.tr("Raised so that every stratum gets its minimum.")
        empty = design.uncovered()
        if empty:
            plan = self.plan()
            names = ", ".join(self.tr("%1 (%2% of the population)").replace("%1", stratum_label(s.name, plan.strata))
                              .replace("%2", f"{100 * s.population / design.population:.1f}") for s in empty)
            text += " " + self.tr("Warning: no case is drawn from %1, so the estimate will not cover %2% of the "
                                  "population. Raise the minimum per stratum to include them.").replace(
                "%1", names).replace("%2", f"{100 * design.uncovered_share():.1f}")
        return text

    def _fill_table(self, design: sampling_plan.Design | None, plan: sampling_plan.Plan) -> None:
        self.table.blockSignals(True)
        try:
            strata = design.strata if design is not None else ()
            self.table.setRowCount(len(strata))
            neyman = plan.method == "stratified" and plan.allocation == "neyman"
            for row, stratum in enumerate(strata):
                values = (stratum_label(stratum.name, plan.strata), stratum.population,
                          "" if stratum.expected is None else f"{100 * stratum.expected:g}", stratum.sample,
                          stratum.letters, "" if stratum.accept is None else stratum.accept,
                          "" if stratum.reject is None else stratum.reject)
                for column, value in enumerate(values):
                    item = QTableWidgetItem(str(value))
                    item.setData(Qt.ItemDataRole.UserRole, stratum.name)
                    editable = neyman and self.COLUMNS[column] == "expected"
                    flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                    item.setFlags(flags | Qt.ItemFlag.ItemIsEditable if editable else flags)
                    if column:
                        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                    self.table.setItem(row, column, item)
            self.table.setColumnHidden(2, not neyman)
            for column in (4, 5, 6):
                self.table.setColumnHidden(column, plan.method != "acceptance")
        finally:
            self.table.blockSignals(False)

    def _rate_edited(self, item: QTableWidgetItem) -> None:
        if self.COLUMNS[item.column()] != "expected":
            return
        name = item.data(Qt.ItemDataRole.UserRole)
        try:
            self.rates[name] = sampling_plan.parse_fraction(item.text() + "%", name)
        except WorkbenchError as exc:
            dialogs.error(self, self.tr("Expected rate"), error_text(exc))
        self.update_preview()

    def isComplete(self) -> bool:  # noqa: N802 (Qt name)
        return self.design is not None


class AssignmentPage(QWizardPage):
    """Reviewers with optional caps, balanced by count or by expected effort per IP type."""

    def __init__(self, wizard: RoundWizard) -> None:
        super().__init__()
        self.w = wizard
        self.drawn: sampling_plan.Draw | None = None
        self.assignment: dict[int, str] = {}
        self.setTitle(self.tr("Reviewers"))
        self.setSubTitle(self.tr("Share the cases among reviewers. No one is given a case they examined. "
                                 "Leave the list empty to assign the cases later."))
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Reviewer"), self.tr("Cap (blank: none)"),
                                              self.tr("Assigned")])
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(1, 160)
        self.table.setColumnWidth(2, 100)
        self.table.itemChanged.connect(self._changed)
        self.add_button = QPushButton(self.tr("Add reviewer"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.add_button.clicked.connect(lambda: self.add_reviewer(""))
        self.remove_button.clicked.connect(self._remove)
        buttons = QVBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)

        self.by_count = QRadioButton(self.tr("Balance the number of cases"))
        self.by_effort = QRadioButton(self.tr("Balance the expected effort (hours per case):"))
        self.by_count.setChecked(True)
        self.effort: dict[str, QDoubleSpinBox] = {}
        balance_row = QHBoxLayout()
        balance_row.addWidget(self.by_count)
        balance_row.addSpacing(24)
        balance_row.addWidget(self.by_effort)
        balance_row.addStretch(1)
        effort_row = QHBoxLayout()
        effort_row.addSpacing(24)
        for ip_type, hours in zip(IP_TYPES, (3.0, 1.5, 1.0, 1.0)):
            spin = QDoubleSpinBox()
            spin.setRange(0.0, 100.0)
            spin.setSingleStep(0.5)
            spin.setValue(hours)
            spin.valueChanged.connect(self._changed)
            self.effort[ip_type] = spin
            effort_row.addWidget(QLabel(value_label("ip_type", ip_type)))
            effort_row.addWidget(spin)
        effort_row.addStretch(1)
        self.by_effort.toggled.connect(self._changed)
        self.status = QLabel()
        self.status.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(self.table, 1)
        top.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(top, 1)
        layout.addLayout(balance_row)
        layout.addLayout(effort_row)
        layout.addWidget(self.status)
        for reviewer in self._previous_reviewers():
            self.add_reviewer(reviewer.name, reviewer.cap)

    def _previous_reviewers(self) -> tuple[assignment.Reviewer, ...]:
        latest = store.list_rounds(self.w.db)
        return store.get_round(self.w.db, latest[0][0]).reviewers if latest else ()

    def add_reviewer(self, name: str, cap: int | None = None) -> None:
        self.table.blockSignals(True)
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(name))
        self.table.setItem(row, 1, QTableWidgetItem("" if cap is None else str(cap)))
        assigned = QTableWidgetItem("")
        assigned.setFlags(Qt.ItemFlag.ItemIsEnabled)
        assigned.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.table.setItem(row, 2, assigned)
        self.table.blockSignals(False)
        if not name:
            self.table.editItem(self.table.item(row, 0))
        self._changed()

    def _remove(self) -> None:
        rows = sorted({index.row() for index in self.table.selectedIndexes()}, reverse=True)
        for row in rows or [self.table.rowCount() - 1]:
            if row >= 0:
                self.table.removeRow(row)
        self._changed()

    def reviewers(self) -> tuple[assignment.Reviewer, ...]:
        result = []
        for row in range(self.table.rowCount()):
            name = (self.table.item(row, 0).text() if self.table.item(row, 0) else "").strip()
            cap_text = (self.table.item(row, 1).text() if self.table.item(row, 1) else "").strip()
            if not name:
                continue
            try:
                cap = int(cap_text) if cap_text else None
            except ValueError:
                raise WorkbenchError("rounds.reviewer_cap", reviewer=name, value=cap_text) from None
            result.append(assignment.Reviewer(name, cap))
        return assignment.check_reviewers(result)

    def effort_values(self) -> dict[str, float] | None:
        return {t: spin.value() for t, spin in self.effort.items()} if self.by_effort.isChecked() else None

    def initializePage(self) -> None:  # noqa: N802 (Qt name)
        plan_page = self.w.plan_page
        self.drawn = sampling_plan.draw(plan_page.population, plan_page.plan(), plan_page.seed_value())
        self._changed()

    def _changed(self, *_: Any) -> None:
        self.assignment = {}
        problem = ""
        try:
            reviewers = self.reviewers()
            if self.drawn is not None:
                self.assignment = assignment.plan_assignment([d.case for d in self.drawn.cases], reviewers,
                                                             self.effort_values())
        except WorkbenchError as exc:
            problem = error_text(exc)
            self.assignment = {}
            reviewers = ()
        loads: dict[str, int] = {}
        for name in self.assignment.values():
            loads[name] = loads.get(name, 0) + 1
        self.table.blockSignals(True)
        for row in range(self.table.rowCount()):
            name = (self.table.item(row, 0).text() if self.table.item(row, 0) else "").strip()
            self.table.item(row, 2).setText(str(loads.get(name, 0)) if name and not problem else "")
        self.table.blockSignals(False)
        if problem:
            self.status.setStyleSheet(ERROR_STYLE)
            self.status.setText(problem)
        else:
            self.status.setStyleSheet("")
            self.status.setText(self.tr("The %n case(s) will stay unassigned.", "",
                                        len(self.drawn.cases) if self.drawn else 0) if not reviewers else "")
        self.problem = problem
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 (Qt name)
        return not getattr(self, "problem", "")


class ConfirmPage(QWizardPage):
    def __init__(self, wizard: RoundWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("Confirm"))
        self.setSubTitle(self.tr("Drawing stores the round, its cases and their reviews in one step; "
                                 "it is recorded in the audit log."))
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addStretch(1)
        layout.addWidget(self.status)
        self.setFinalPage(True)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Draw sample"))

    def initializePage(self) -> None:  # noqa: N802 (Qt name)
        w = self.w
        filters, plan = w.filters_page.filters(), w.plan_page.plan()
        design = w.plan_page.design
        loads: dict[str, int] = {}
        for name in w.assignment_page.assignment.values():
            loads[name] = loads.get(name, 0) + 1
        drawn = w.assignment_page.drawn
        types = sorted({d.case.ip_type for d in drawn.cases}) if drawn else []
        lists = []
        for ip_type in types:
            checklist_id = checklists.checklist_for(w.db, ip_type)
            row = w.db.execute("SELECT name_en, name_zh, version FROM checklists WHERE id = ?",
                               [checklist_id]).fetchone() if checklist_id is not None else None
            name = (row[1] if w.language.startswith("zh") else row[0]) + f" v{row[2]}" if row else \
                self.tr("the built-in checklist")
            lists.append(f"{value_label('ip_type', ip_type)}: {name}")
        rows = [
            (self.tr("Round"), w.filters_page.name.text().strip()),
            (self.tr("Cases"), describe_filters(filters)),
            (self.tr("Population"), str(w.filters_page.population())),
            (self.tr("Plan"), describe_plan(plan)),
            (self.tr("Sample size"), str(design.size if design else "-")),
            (self.tr("Seed"), w.plan_page.seed.text()),
            (self.tr("Reviewers"), ", ".join(f"{n} ({c})" for n, c in loads.items()) or self.tr("not assigned yet")),
            (self.tr("Checklists"), "; ".join(lists)),
        ]
        self.text.setText("\n".join(f"{label}: {value}" for label, value in rows))
        self.status.setText("")


class RoundWizard(QWizard):
    """Emits round_created(RoundResult) once the round is drawn and stored."""

    round_created = Signal(object)

    def __init__(self, db: sqlite_utils.Database, db_path: Path, tasks: TaskRunner, actor: str,
                 parent: QWidget | None = None, *, language: str = "en") -> None:
        super().__init__(parent)
        self.db, self.db_path, self.tasks, self.actor, self.language = db, db_path, tasks, actor, language
        self.result: store.RoundResult | None = None
        self.task: Task | None = None
        self.setWindowTitle(self.tr("New review round"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.filters_page = FiltersPage(self)
        self.plan_page = PlanPage(self)
        self.assignment_page = AssignmentPage(self)
        self.confirm_page = ConfirmPage(self)
        for page in (self.filters_page, self.plan_page, self.assignment_page, self.confirm_page):
            self.addPage(page)
        self.resize(1000, 680)

    def accept(self) -> None:
        """Finish: draw in the background; the wizard closes when the round is stored."""
        if self.result is not None:
            super().accept()
            return
        if self.task is not None and self.task.running:
            return
        name = self.filters_page.name.text().strip()
        filters, plan = self.filters_page.filters(), self.plan_page.plan()
        seed = self.plan_page.seed_value()
        reviewers = self.assignment_page.reviewers()
        effort = self.assignment_page.effort_values()
        db_path, actor = self.db_path, self.actor

        def job(progress: Progress, cancel: CancelToken) -> store.RoundResult:
            db = open_database(db_path)     # each thread its own connection
            try:
                return store.create_round(db, name=name, filters=filters, plan=plan, seed=seed, actor=actor,
                                           reviewers=reviewers, effort=effort, progress=progress, cancel=cancel)
            finally:
                db.close()

        self._set_busy(True)
        self.task = self.tasks.start(self, self.tr("Drawing %1").replace("%1", name), job)
        self.task.finished.connect(self._drawn)
        self.task.failed.connect(self._failed)
        self.task.cancelled.connect(self._cancelled)

    def _set_busy(self, busy: bool) -> None:
        for button in (QWizard.WizardButton.FinishButton, QWizard.WizardButton.BackButton,
                       QWizard.WizardButton.CancelButton):
            self.button(button).setEnabled(not busy)

    def _drawn(self, result: store.RoundResult) -> None:
        self.result = result
        self._set_busy(False)
        self.round_created.emit(result)
        super().accept()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, WorkbenchError):
            dialogs.error(self, self.tr("Cannot draw the round"), error_text(exc))
        else:
            from ui.app import report_unexpected
            report_unexpected(self, exc)

    def _cancelled(self) -> None:
        self._set_busy(False)
        self.confirm_page.status.setText(self.tr("Cancelled; nothing was changed."))


class LotVerdictsDialog(QDialog):
    """Acceptance rounds: each lot's ISO 2859-1 plan and, once its reviews are done, its verdict.

    Kept beside the wizard that creates these rounds; read-only, refreshed when shown or when
    another round is picked.
    """

    COLUMNS = ("lot", "lot_size", "code_letter", "sample_size", "accept", "reject", "reviewed", "nonconforming",
               "verdict")

    def __init__(self, db: sqlite_utils.Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle(self.tr("Lot verdicts"))
        self.round_box = QComboBox()
        self.round_box.currentIndexChanged.connect(self.refresh)
        self.plan_label = QLabel()
        self.plan_label.setWordWrap(True)
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels([
            self.tr("Lot"), self.tr("Lot size"), self.tr("Code letter"), self.tr("Sample"), self.tr("Ac"),
            self.tr("Re"), self.tr("Reviewed"), self.tr("Nonconforming"), self.tr("Verdict")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Acceptance round:")))
        top.addWidget(self.round_box, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.plan_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(close)
        self.resize(900, 520)
        self.reload_rounds()

    def reload_rounds(self) -> None:
        current = self.round_box.currentData()
        self.round_box.blockSignals(True)
        self.round_box.clear()
        for round_id, name, _created, _count in store.list_rounds(self.db):
            if store.get_round(self.db, round_id).plan.method == "acceptance":
                self.round_box.addItem(name, round_id)
        index = self.round_box.findData(current)
        self.round_box.setCurrentIndex(index if index >= 0 else 0)
        self.round_box.blockSignals(False)
        self.refresh()

    def showEvent(self, event: Any) -> None:  # noqa: N802 (Qt name)
        self.reload_rounds()
        super().showEvent(event)

    def refresh(self, *_: Any) -> None:
        round_id = self.round_box.currentData()
        if round_id is None:
            self.plan_label.setText(self.tr("No acceptance round yet: draw one with Rounds > New review round, "
                                            "method Acceptance per lot."))
            self.table.setRowCount(0)
            return
        stored = store.get_round(self.db, round_id)
        self.plan_label.setText(describe_plan(stored.plan) + " · " + (
            self.tr("nonconforming: error or defect verdicts") if stored.plan.count_defects
            else self.tr("nonconforming: error verdicts")))
        lots = round_status.lot_verdicts(self.db, round_id)
        self.table.setRowCount(len(lots))
        for row, lot in enumerate(lots):
            verdict = {"accept": self.tr("Accept"), "reject": self.tr("Reject")}.get(
                lot.verdict or "", self.tr("Pending: %n to review", "", lot.sample_size - lot.reviewed))
            values = (stratum_label(lot.lot, stored.plan.strata), lot.lot_size, lot.code_letter, lot.sample_size,
                      lot.accept, lot.reject, lot.reviewed, lot.nonconforming, verdict)
            for column, value in enumerate(values):
                item = QTableWidgetItem(str(value))
                if 0 < column < len(values) - 1:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if column == len(values) - 1 and lot.verdict:
                    item.setForeground(QColor("#1b7f3b" if lot.verdict == "accept" else "#b00020"))
                self.table.setItem(row, column, item)
