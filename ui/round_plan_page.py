"""The second page of the round wizard: method, size, strata or lots and the seed, previewed live
with the size per stratum exactly as the draw will use it (workbench.rounds.sampling_plan.design)."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (QButtonGroup, QCheckBox, QComboBox, QDoubleSpinBox, QFormLayout, QGroupBox,
                               QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton, QRadioButton, QSpinBox,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWizardPage)

from foundation.words import fill
from ui import dialogs
from ui.messages import error_text, gap
from ui.round_labels import ERROR_STYLE, allocation_label, field_label, method_label, stratum_label
from foundation.errors import WorkbenchError
from workbench.rounds import population, round_checks, sampling_plan
from workbench.rounds.acceptance import AQLS, LEVELS


class PlanPage(QWizardPage):
    """Method, size and strata, previewed live: the size per stratum as the draw will use it."""

    COLUMNS = ("stratum", "population", "expected", "sample", "letter", "accept", "reject")

    def __init__(self, wizard: Any) -> None:
        """`wizard` is the RoundWizard (its db and filters page); not imported here, as it imports this page."""
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
        size_row = self._build_size_row()
        self._build_strata_and_lots()
        seed_row = self._build_seed_row()
        self._build_preview()

        form = QFormLayout()
        form.addRow(self.tr("Method:"), self.method)
        form.addRow(self.tr("Size:"), size_row)
        form.addRow(self.tr("Seed:"), seed_row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.strata_box)
        layout.addWidget(self.lot_box)
        layout.addWidget(self.risk_box)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)

        self._fields = {False: ("department", ""), True: sampling_plan.DEFAULT_LOT_FIELDS}
        self._showing_lots = False
        self._connect()
        self._method_changed()

    def _build_size_row(self) -> QHBoxLayout:
        """A fixed size, or the size for a precision (confidence, margin, expected compliance)."""
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
        return size_row

    def _build_strata_and_lots(self) -> None:
        """The strata box (fields, allocation, minimum) and the lot box (AQL, level) of acceptance."""
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
        self._build_risk_box()

    def _build_risk_box(self) -> None:
        """The floor of a risk-based draw: probability proportional to floor + (1 - floor) x risk score."""
        self.floor = QDoubleSpinBox()
        self.floor.setRange(0.01, 1.0)
        self.floor.setSingleStep(0.05)
        self.floor.setDecimals(2)
        self.floor.setValue(sampling_plan.DEFAULT_FLOOR)
        explain = QLabel(self.tr("Each case is drawn with probability proportional to floor + (1 − floor) × its "
                                 "risk score, so every case can be drawn; the figures weight each reviewed case by "
                                 "1/probability (Hájek estimator), so they stay unbiased."))
        explain.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Floor")))
        row.addWidget(self.floor)
        row.addWidget(explain, 1)
        self.risk_box = QGroupBox(self.tr("Risk-based draw"))
        self.risk_box.setLayout(row)

    def _build_seed_row(self) -> QHBoxLayout:
        self.seed = QLineEdit(str(sampling_plan.random_seed()))
        self.seed.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{1,18}")))
        self.seed.setMaximumWidth(180)
        self.new_seed = QPushButton(self.tr("New seed"))
        self.new_seed.clicked.connect(lambda: self.seed.setText(str(sampling_plan.random_seed())))
        seed_row = QHBoxLayout()
        for widget in (self.seed, self.new_seed):
            seed_row.addWidget(widget)
        seed_row.addStretch(1)
        return seed_row

    def _build_preview(self) -> None:
        """The summary line and the table of sizes per stratum (or lot)."""
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels([
            self.tr("Stratum"), self.tr("Population"), self.tr("Expected %"), self.tr("Sample"),
            self.tr("Code letter"), self.tr("Ac"), self.tr("Re")])
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.itemChanged.connect(self._rate_edited)

    def _connect(self) -> None:
        """Every change of the plan previews it again."""
        self.method.currentIndexChanged.connect(self._method_changed)
        for signal in (self.fixed.toggled, self.size.valueChanged, self.confidence.currentIndexChanged,
                       self.margin.valueChanged, self.expected.valueChanged, self.strata.currentIndexChanged,
                       self.then_by.currentIndexChanged, self.allocation.currentIndexChanged,
                       self.minimum.valueChanged, self.aql.currentIndexChanged, self.level.currentIndexChanged,
                       self.count_defects.toggled, self.seed.textChanged, self.floor.valueChanged):
            signal.connect(self.update_preview)
        self.allocation.currentIndexChanged.connect(self._allocation_changed)

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
        self.risk_box.setVisible(method == "risk")
        self.table.setVisible(method in ("stratified", "acceptance"))     # a simple draw has no strata to list
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
                               level=self.level.currentData(), count_defects=self.count_defects.isChecked())
        precision = self.precise.isChecked()
        return sampling_plan.Plan(
            method=method, size=None if precision else self.size.value(),
            confidence=self.confidence.currentData() if precision else None,
            margin=round(self.margin.value() / 100.0, 6) if precision else None,
            expected=round(self.expected.value() / 100.0, 6),
            strata=fields, allocation=self.allocation.currentData(), min_per_stratum=self.minimum.value(),
            stratum_expected=tuple(sorted(self.rates.items())) if method == "stratified" else (),
            floor=round(self.floor.value(), 6) if method == "risk" else None)

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
        self.summary.setStyleSheet(ERROR_STYLE if self.design.uncovered() or round_checks.fully_inspected_lots(
            self.design) else "")
        self.summary.setText(self._summary_text(self.design))
        self._fill_table(self.design, plan)
        self.completeChanged.emit()

    def _summary_text(self, design: sampling_plan.Design) -> str:
        text = self.tr("Sample: %1 of %2 cases.").replace("%1", str(design.size)).replace(
            "%2", str(design.population))
        if design.unadjusted_size is not None:
            text += gap(text) + self.tr("%1 before the finite population correction.").replace(
                "%1", str(design.unadjusted_size))
        if design.raised_for_minimum:
            text += gap(text) + self.tr("Raised so that every stratum gets its minimum.")
        plan = self.plan()
        if plan.method == "risk":
            pis = sampling_plan.risk_probabilities(self.population, design.size, plan.floor or 0.1)
            text += gap(text) + fill(self.tr("Inclusion probabilities from %1 to %2; %3 case(s) taken with certainty."),
                               f"{min(pis):.3g}", f"{max(pis):.3g}", sum(1 for p in pis if p >= 1.0))
        whole = round_checks.fully_inspected_lots(design)
        if whole:
            text += gap(text) + self.tr("Note: %n lot(s) are no larger than their sample size (%1), so every case in "
                                  "them is drawn: that is 100% inspection, not sampling.", "", len(whole)).replace(
                "%1", ", ".join(stratum_label(s.name, plan.strata) for s in whole))
        empty = design.uncovered()
        if empty:
            plan = self.plan()
            names = ", ".join(self.tr("%1 (%2% of the population)").replace("%1", stratum_label(s.name, plan.strata))
                              .replace("%2", f"{100 * s.population / design.population:.1f}") for s in empty)
            text += gap(text) + self.tr("Warning: no case is drawn from %1, so the estimate will not cover %2% of the "
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
