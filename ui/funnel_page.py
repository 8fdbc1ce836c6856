"""The Dashboard's Funnel plot page: the departments or examiners of the Dashboard's scope against
Spiegelhalter's funnel limits around the overall compliance (`workbench.report.funnels.unit_funnel`
of the Dashboard's own report, so the page and the tiles never disagree), optionally widened for
overdispersion, and the units outside the 95% limits listed by name with their figures: nobody is
ranked.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QTableWidget,
                               QTableWidgetItem, QWidget)

from ui.charts import percent
from ui.funnel_chart import POSITION_COLOURS, FunnelChart
from ui.page_layout import chart_with_side
from ui.trend_text import interval, word
from ui.messages import gap
from ui.when_shown import FreshWhenShown
from workbench.report.figures import Report
from workbench.report.funnels import UnitFunnel, unit_funnel
from workbench.stats.funnel import ADDITIVE, MULTIPLICATIVE, NO_ADJUSTMENT, POSITION_LABELS, FunnelUnit

COLUMNS = 7


class FunnelPage(FreshWhenShown, QWidget):
    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = language
        self.report: Report | None = None
        self.funnel: UnitFunnel | None = None
        self.unit_box = QComboBox()
        self.unit_box.addItem(self.tr("Departments"), "department")
        self.unit_box.addItem(self.tr("Examiners"), "examiner")
        self.adjustment_box = QComboBox()
        for code, text in ((NO_ADJUSTMENT, self.tr("None")), (MULTIPLICATIVE, self.tr("Multiplicative (φ)")),
                           (ADDITIVE, self.tr("Additive (random effects, τ²)"))):
            self.adjustment_box.addItem(text, code)
        self.adjustment_box.setToolTip(self.tr(
            "When the units vary more than chance allows (φ > 1), widen the limits by that spread "
            "(Spiegelhalter 2005): multiplied by φ, or with a between-unit variance τ² added"))
        self.phi_label = QLabel()
        self.phi_label.setWordWrap(True)
        self.chart = FunnelChart("")
        self.chart.empty_text = self.tr("No reviewed cases yet.")
        self.chart.axis_title = self.tr("Reviewed cases (log scale)")
        self.chart.legend_names = {"target": self.tr("Overall rate"), "limits_95": self.tr("95% limits"),
                                   "limits_998": self.tr("99.8% limits"),
                                   **{code: word(pair, language) for code, pair in POSITION_LABELS.items()}}
        self.outside = QTableWidget(0, COLUMNS)
        self.outside.setHorizontalHeaderLabels([
            self.tr("Unit"), self.tr("Reviewed"), self.tr("Compliant"), self.tr("Compliance rate"),
            self.tr("95% limits"), self.tr("99.8% limits"), self.tr("Position")])
        self.outside.verticalHeader().setVisible(False)
        self.outside.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.outside.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.outside.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.outside_title = QLabel()
        font = self.outside_title.font()
        font.setBold(True)
        self.outside_title.setFont(font)
        self.outside_note = QLabel(self.tr(
            "Listed by name, not by rate: each unit is judged against the noise its own number of reviewed "
            "cases allows. Between the 95% and 99.8% limits a unit deserves a look; beyond 99.8%, a closer one."))
        self.outside_note.setWordWrap(True)
        self.outside_note.setStyleSheet("color: #595959;")
        self.unit_box.currentIndexChanged.connect(self.draw)
        self.adjustment_box.currentIndexChanged.connect(self.draw)
        self._lay_out()

    def _lay_out(self) -> None:
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Units:")))
        bar.addWidget(self.unit_box)
        bar.addSpacing(12)
        bar.addWidget(QLabel(self.tr("Overdispersion:")))
        bar.addWidget(self.adjustment_box)
        bar.addSpacing(12)
        bar.addWidget(self.phi_label, 1)
        chart_with_side(self, bar, self.chart, [(self.outside_title, 0), (self.outside, 1), (self.outside_note, 0)],
                        Qt.Orientation.Vertical, (460, 180))

    def show_report(self, report: Report) -> None:
        """The Dashboard's report was computed: its units placed again, now if the page is shown, else
        when it is next shown (the limits take tens of ms of the window's thread at a million cases)."""
        self.report = report
        self.mark_changed()

    def catch_up(self, *, shown: bool) -> None:
        self.draw()

    def draw(self) -> None:
        if self.report is None:
            return
        self.dirty = False
        unit = self.unit_box.currentData()
        self.funnel = unit_funnel(self.report, unit, adjustment=self.adjustment_box.currentData())
        funnel = self.funnel.funnel
        self.chart.title = (self.tr("Departments: compliance against reviewed cases") if unit == "department"
                            else self.tr("Examiners: compliance against reviewed cases"))
        self.chart.set_data(funnel, tuple(u.label for u in funnel.units),
                            tuple(self.tip(u) for u in funnel.units))
        self.phi_label.setText(self._phi_text())
        self._fill_outside()

    def tip(self, unit: FunnelUnit) -> str:
        if unit.rate is None or unit.limits is None:
            return unit.label
        limits = unit.limits
        return "\n".join((
            self.tr("%1: %2 compliant, %3 of %4 reviewed").replace("%1", unit.label).replace(
                "%2", percent(unit.rate)).replace("%3", str(unit.x)).replace("%4", str(unit.n)),
            word(POSITION_LABELS[unit.position], self.language),
            self.tr("Limits at %1 reviewed: 95% %2, 99.8% %3").replace("%1", str(unit.n)).replace(
                "%2", interval(limits.low_95, limits.high_95)).replace("%3", interval(limits.low_998, limits.high_998))))

    def _phi_text(self) -> str:
        assert self.funnel is not None
        funnel = self.funnel.funnel
        spread = funnel.overdispersion
        target = self.tr("Centre line: the overall compliance rate, %1.").replace("%1", percent(funnel.target))
        if spread.phi is None:
            return target + gap(target) + self.tr("Overdispersion not estimated (fewer than two units with reviewed cases).")
        phi = f"{spread.phi:.2f}"
        if not spread.overdispersed:
            return target + gap(target) + self.tr("φ = %1: the units vary no more than chance would make them; the limits "
                                          "are not widened.").replace("%1", phi)
        text = self.tr("φ = %1 > 1: the units vary more than chance alone would make them.").replace("%1", phi)
        if funnel.widened:
            how = (self.tr("The limits are widened by φ.") if funnel.adjustment == MULTIPLICATIVE else
                   self.tr("The limits are widened by τ² = %1.").replace("%1", f"{spread.tau2:.4f}"))
            return target + gap(target) + text + gap(text) + how
        return target + gap(target) + text + gap(text) + self.tr("Choose an overdispersion adjustment to widen the limits.")

    def outside_rows(self) -> list[FunnelUnit]:
        """The units beyond a 95% limit, by name."""
        assert self.funnel is not None
        return sorted((u for _key, u in self.funnel.outside), key=lambda u: u.label)

    def _fill_outside(self) -> None:
        rows = self.outside_rows()
        total = sum(1 for u in self.funnel.funnel.units if u.n) if self.funnel else 0
        self.outside_title.setText(self.tr("Outside the 95% limits: %1 of %2").replace("%1", str(len(rows))).replace(
            "%2", str(total)))
        self.outside.setRowCount(len(rows))
        for row, unit in enumerate(rows):
            limits = unit.limits
            cells = (unit.label, str(unit.n), str(unit.x), percent(unit.rate),
                     interval(limits.low_95, limits.high_95) if limits else "–",
                     interval(limits.low_998, limits.high_998) if limits else "–",
                     word(POSITION_LABELS[unit.position], self.language))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if 0 < column < 4:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if column == COLUMNS - 1:
                    item.setForeground(POSITION_COLOURS.get(unit.position, POSITION_COLOURS["inside"]))
                self.outside.setItem(row, column, item)
