"""The Dashboard's Control chart page: the p-chart of compliance for all cases or one department or
IP type (`workbench.report.trends.control_charts`), each period judged against the other periods'
rate (the default), or the centre pooled over every period or taken from the periods before the last
one, and the list of signals: the period, the run rule in
words and the side of the centre line.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel,
                               QTableWidget, QTableWidgetItem, QWidget)

from ui.charts import percent
from ui.control_chart import ControlChart
from ui.page_layout import chart_with_side
from ui.trend_text import series_name, word
from workbench.report.trends import OTHERS, POOLED, PREVIOUS, Trend, control_charts
from workbench.stats.control import RULE_LABELS, SIDE_LABELS, ChartPoint, PChart


class ControlPage(QWidget):
    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = language
        self.trend: Trend | None = None
        self.p_chart: PChart | None = None
        self.series_box = QComboBox()
        self.series_box.setMinimumContentsLength(16)
        self.centre_box = self._centre_chooser()
        self.centre_label = QLabel()
        self.centre_label.setWordWrap(True)
        self.chart = ControlChart("")
        self.chart.empty_text = self.tr("No reviewed case in any period.")
        self.chart.legend_names = {"rate": self.tr("Compliance rate"), "centre": self.tr("Centre line"),
                                   "limits": self.tr("3-sigma limits"), "zone": self.tr("2 sigma"),
                                   "signal": self.tr("Run rule"), "beyond": self.tr("Beyond the limits")}
        self.signals = QTableWidget(0, 3)
        self.signals.setHorizontalHeaderLabels([self.tr("Period"), self.tr("Rule"), self.tr("Side")])
        self.signals.verticalHeader().setVisible(False)
        self.signals.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.signals.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.signals.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.no_signals = QLabel(self.tr("No signal: every period lies within its limits and no run rule fires."))
        self.no_signals.setWordWrap(True)
        self.series_box.currentIndexChanged.connect(self.draw)
        self.centre_box.currentIndexChanged.connect(self.draw)

        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Series:")))
        bar.addWidget(self.series_box)
        bar.addSpacing(12)
        bar.addWidget(QLabel(self.tr("Judge each period against:")))
        bar.addWidget(self.centre_box)
        bar.addStretch(1)
        title = QLabel(self.tr("Signals"))
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        chart_with_side(self, bar, self.chart, [(title, 0), (self.centre_label, 0), (self.no_signals, 0),
                                                (self.signals, 1)], Qt.Orientation.Horizontal, (1000, 420))

    def _centre_chooser(self) -> QComboBox:
        box = QComboBox()
        box.addItem(self.tr("the other periods"), OTHERS)
        box.addItem(self.tr("every period, pooled"), POOLED)
        box.addItem(self.tr("the periods before the last"), PREVIOUS)
        box.setToolTip(self.tr(
            "What each period is judged against. The other periods: each period's centre line is the pooled "
            "rate of the rest, so a period never pulls its own centre towards itself. Every period, pooled: one "
            "centre line that includes the period judged, so a one-period dip can stay inside the limits. The "
            "periods before the last: the latest period against what came before."))
        return box

    def centre_from(self) -> str:
        return self.centre_box.currentData()

    def show_trend(self, t: Trend) -> None:
        self.trend = t
        chosen = self.series_box.currentData() if self.series_box.count() else None
        self.series_box.blockSignals(True)
        self.series_box.clear()
        for series in t.series:
            self.series_box.addItem(series_name(t.group, series.key), series.key)
        index = self.series_box.findData(chosen) if chosen is not None else 0
        self.series_box.setCurrentIndex(max(index, 0))
        self.series_box.blockSignals(False)
        self.draw()

    def draw(self) -> None:
        t = self.trend
        if t is None:
            return
        key = self.series_box.currentData()
        charts = control_charts(t, centre_from=self.centre_from())
        self.p_chart = charts.get(key)
        name = series_name(t.group, key)
        self.chart.title = self.tr("p-chart of the compliance rate: %1").replace("%1", name)
        chart = self.p_chart
        self.chart.set_data(chart, tuple(self._tip(name, p, chart) for p in chart.points) if chart else (),
                            tuple(p.partial for p in t.periods))
        self._fill_signals(chart)
        self.centre_label.setText(self._centre_text(t, key, chart))

    def _tip(self, name: str, point: ChartPoint, chart: PChart) -> str:
        if point.gap:
            return ""
        tip = self.tr("%1 · %2: %3, %4 of %5 reviewed; limits %6–%7 (centre %8)").replace("%1", name).replace(
            "%2", point.label).replace("%3", percent(point.rate)).replace("%4", str(point.x)).replace(
            "%5", str(point.n)).replace("%6", percent(point.lcl)).replace("%7", percent(point.ucl)).replace(
            "%8", percent(point.centre))
        if self.trend is not None and self.trend.periods[point.index].partial:
            tip += "\n" + self.tr("The period is still running.")
        for signal in chart.signals_at(point.index):
            tip += "\n" + word(RULE_LABELS[signal.rule], self.language) + " · " + word(
                SIDE_LABELS[signal.side], self.language)
        return tip

    def _fill_signals(self, chart: PChart | None) -> None:
        found = chart.signals if chart is not None else ()
        self.signals.setRowCount(len(found))
        for row, signal in enumerate(found):
            for column, text in enumerate((signal.label, word(RULE_LABELS[signal.rule], self.language),
                                           word(SIDE_LABELS[signal.side], self.language))):
                self.signals.setItem(row, column, QTableWidgetItem(text))
        self.no_signals.setVisible(chart is not None and not found)

    def _centre_text(self, t: Trend, key: str | None, chart: PChart | None) -> str:
        if chart is None or chart.centre is None:
            return ""
        if self.centre_from() == PREVIOUS:
            # The series' own last period with reviews (control_charts judges each series so).
            latest = next((p.period.label for p in reversed(t.series_for(key).points) if p.reviewed), None)
            return self.tr("Centre line %1: the pooled rate of the periods before %2, so %2 is judged against "
                           "them.").replace("%1", percent(chart.centre)).replace("%2", latest or "–")
        if self.centre_from() == OTHERS:
            return self.tr("Each period is judged against the pooled rate of the other periods (its centre line, "
                           "in the tooltip), with limits at 3 sigma for its own number of reviews. All periods "
                           "pooled: %1 (%2 of %3 reviewed).").replace("%1", percent(chart.centre)).replace(
                "%2", str(chart.x)).replace("%3", str(chart.n))
        return self.tr("Centre line %1: the pooled rate of every period (%2 of %3 reviewed); each period's limits "
                       "are 3 sigma for its own number of reviews.").replace("%1", percent(chart.centre)).replace(
            "%2", str(chart.x)).replace("%3", str(chart.n))
