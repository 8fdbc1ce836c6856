"""The Dashboard's Trend page: the chosen rate (compliance, defect or error) per period with its 95%
interval as a band, for all cases or per department or IP type (the largest few, or one chosen,
beside all cases), and below it the median pendency per IP type, the share decided within each
IP type's pendency target, and the median active review minutes, per period.

Every number is a `workbench.report.trends.Trend`'s (the Trend sheet of the workbook shows the
same); this page only chooses which series to draw and words the tooltips.
"""
from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget
from PySide6.QtCore import Qt

from foundation.words import fill
from ui.case_model import value_label
from ui.chart_parts import SERIES_COLOURS
from ui.charts import percent
from ui.line_chart import LineChart, LineSeries
from ui.trend_text import interval, series_name
from ui.messages import sentences
from workbench.report.trends import BY_DECISION, MONTH, GroupTrend, PeriodFigures, Trend

TOP = 5                      # groups drawn at once when no single one is chosen
ALL = "__all__"
LARGEST = "__largest__"
RATES = ("compliance", "defect_rate", "error_rate")


class TrendPage(QWidget):
    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = language
        self.trend: Trend | None = None
        self.rate_box = QComboBox()
        for code, text in zip(RATES, (self.tr("Compliance rate"), self.tr("Defect rate"), self.tr("Error rate"))):
            self.rate_box.addItem(text, code)
        self.show_box = QComboBox()
        self.show_box.setMinimumContentsLength(16)
        self.show_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)   # "案件最多的 5 个审查部门" whole
        self.show_box.setToolTip(self.tr("Which series to draw: all cases, the largest groups by number of "
                                         "reviewed cases beside all cases, or one group"))
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #595959;")
        self.band_note = QLabel(self.tr("Choose one group to see its 95% interval; every point's tooltip gives it."))
        self.band_note.setStyleSheet("color: #595959;")
        self.chart = LineChart("")
        self.pendency_chart = LineChart(self.tr("Median pendency, filing to decision (days)"), rates=False)
        self.target_chart = LineChart(self.tr("Decided within the pendency target"))
        self.minutes_chart = LineChart(self.tr("Median active review time (minutes)"), rates=False)
        self.pendency_chart.empty_text = self.tr("No case with both dates.")
        self.target_chart.empty_text = self.tr("No pendency target set (Review > Pendency targets...).")
        self.minutes_chart.empty_text = self.tr("No review time recorded.")
        self.rate_box.currentIndexChanged.connect(self.draw)
        self.show_box.currentIndexChanged.connect(self.draw)

        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Rate:")))
        bar.addWidget(self.rate_box)
        bar.addSpacing(12)
        bar.addWidget(QLabel(self.tr("Show:")))
        bar.addWidget(self.show_box)
        bar.addSpacing(12)
        bar.addWidget(self.note, 1)
        small = QSplitter(Qt.Orientation.Horizontal)
        self.pendency_chart.legend_always = self.target_chart.legend_always = True    # a line per IP type
        for chart in (self.pendency_chart, self.target_chart, self.minutes_chart):
            chart.setMinimumHeight(170)
            small.addWidget(chart)
        small.setChildrenCollapsible(False)
        main = QWidget()
        column = QVBoxLayout(main)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.chart, 1)
        column.addWidget(self.band_note, 0, Qt.AlignmentFlag.AlignRight)
        charts = QSplitter(Qt.Orientation.Vertical)
        charts.addWidget(main)
        charts.addWidget(small)
        charts.setStretchFactor(0, 3)
        charts.setStretchFactor(1, 2)
        charts.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(charts, 1)

    # -- choosing ------------------------------------------------------------------------------------
    def show_trend(self, t: Trend) -> None:
        """A newly computed trend: the series chooser refilled (the choice kept when it still exists)."""
        self.trend = t
        chosen = self.show_box.currentData()
        self.show_box.blockSignals(True)
        self.show_box.clear()
        self.show_box.addItem(self.tr("All cases"), ALL)
        if t.groups:
            self.show_box.addItem(self._largest_text(t), LARGEST)
            for series in t.groups:
                self.show_box.addItem(series_name(t.group, series.key), series.key)
        index = self.show_box.findData(chosen) if chosen is not None else -1
        self.show_box.setCurrentIndex(index if index >= 0 else (1 if t.groups else 0))
        self.show_box.setEnabled(bool(t.groups))
        self.show_box.blockSignals(False)
        self.note.setText(self._note(t))
        self.draw()

    def _largest_text(self, t: Trend) -> str:
        if len(t.groups) <= TOP:
            return self.tr("Every IP type") if t.group == "ip_type" else self.tr("Every department")
        return self.tr("The %1 largest departments").replace("%1", str(TOP))

    def _note(self, t: Trend) -> str:
        notes = []
        if t.undated:
            notes.append(fill(self.tr("%1 case(s) without a decision date are in no period.") if t.by == BY_DECISION
                              else self.tr("%1 reviewed case(s) without a completion date are in no period."),
                              t.undated))
        if t.stratified_round:
            notes.append(self.tr("A stratified round: each period's rates are shares of its reviewed cases, "
                                 "not weighted estimates."))
        if any(p.partial for p in t.periods):
            notes.append(self.tr("A hollow point is a period still running."))
        return sentences(notes)

    def shown_groups(self) -> list[GroupTrend]:
        """The groups drawn now (none when all cases alone are shown)."""
        t = self.trend
        choice = self.show_box.currentData()
        if t is None or choice in (ALL, None):
            return []
        if choice == LARGEST:
            largest = sorted(t.groups, key=lambda g: -g.reviewed)[:TOP]
            return [g for g in t.groups if g in largest]          # in name order, never by rate
        return [g for g in t.groups if g.key == choice]

    def focus_series(self) -> GroupTrend | None:
        """The series the pendency and minutes charts show: the one chosen group, else all cases."""
        groups = self.shown_groups()
        if self.trend is None:
            return None
        return groups[0] if len(groups) == 1 and self.show_box.currentData() != LARGEST else self.trend.overall

    # -- drawing ---------------------------------------------------------------------------------------
    def draw(self) -> None:
        t = self.trend
        if t is None:
            return
        rate = self.rate_box.currentData()
        self.chart.title = self._title(t, self.rate_box.currentText())
        groups = self.shown_groups()
        series = [self._rate_series(t, t.overall, rate, SERIES_COLOURS[0], reference=bool(groups))]
        # Several bands over each other hide every line: a band only for the one series drawn.
        series += [self._rate_series(t, g, rate, SERIES_COLOURS[i % len(SERIES_COLOURS)], band=len(groups) == 1)
                   for i, g in enumerate(groups)]
        partial = tuple(p.partial for p in t.periods)
        self.chart.empty_text = (self.tr("No reviewed case in these periods.") if t.periods else
                                 self.tr("No case in scope has a date to place it in a period."))
        self.chart.set_data(t.labels, series, partial)
        self.band_note.setVisible(len(groups) > 1)
        focus = self.focus_series() or t.overall
        self._draw_efficiency(t, focus, partial)

    def _title(self, t: Trend, rate: str) -> str:
        titles = {(MONTH, True): self.tr("%1 per month, by decision date (95% interval)"),
                  (MONTH, False): self.tr("%1 per month, by review date (95% interval)"),
                  ("quarter", True): self.tr("%1 per quarter, by decision date (95% interval)"),
                  ("quarter", False): self.tr("%1 per quarter, by review date (95% interval)")}
        return titles[(t.period, t.by == BY_DECISION)].replace("%1", rate)

    def _rate_series(self, t: Trend, series: GroupTrend, rate: str, colour, *, reference: bool = False,  # type: ignore[no-untyped-def]
                     band: bool = True) -> LineSeries:
        name = series_name(t.group, series.key)
        figures = [getattr(p, rate) for p in series.points]
        tips = tuple(self._rate_tip(name, p, getattr(p, rate)) for p in series.points)
        return LineSeries(name, tuple(f.rate for f in figures), tips,
                          tuple(f.low for f in figures) if band else (),
                          tuple(f.high for f in figures) if band else (), colour=colour, reference=reference)

    def _rate_tip(self, name: str, point: PeriodFigures, figure) -> str:  # type: ignore[no-untyped-def]
        tip = self.tr("%1 · %2: %3 (95% interval %4), %5 of %6 reviewed").replace("%1", name).replace(
            "%2", point.period.label).replace("%3", percent(figure.rate)).replace(
            "%4", interval(figure.low, figure.high)).replace("%5", str(figure.successes)).replace("%6", str(figure.n))
        if point.period.partial:
            tip += "\n" + self.tr("The period is still running.")
        return tip

    def _draw_efficiency(self, t: Trend, focus: GroupTrend, partial: tuple[bool, ...]) -> None:
        name = series_name(t.group, focus.key)
        types = [code for code in ("invention", "utility_model", "design", "trademark")
                 if any(p.share_for(code) for p in focus.points)]
        pendency, shares = [], []
        for number, code in enumerate(types):
            colour = SERIES_COLOURS[number]
            cells = [p.share_for(code) for p in focus.points]
            type_name = value_label("ip_type", code)
            pendency.append(LineSeries(type_name, tuple(c.median_days if c else None for c in cells), tuple(
                self.tr("%1 · %2: median %3 days, %4 decided").replace("%1", type_name).replace(
                    "%2", p.period.label).replace("%3", f"{c.median_days:.0f}" if c and c.median_days is not None
                                                  else "–").replace("%4", str(c.decided if c else 0))
                for p, c in zip(focus.points, cells)), colour=colour))
            if code in t.targets:
                shares.append(self._share_series(type_name, t.targets[code], focus, cells, colour))
        self.pendency_chart.title = self.tr("Median pendency, filing to decision (days): %1").replace("%1", name)
        self.pendency_chart.set_data(t.labels, pendency, partial)
        self.target_chart.title = self.tr("Decided within the pendency target: %1").replace("%1", name)
        self.target_chart.set_data(t.labels, shares, partial)
        self.minutes_chart.title = self.tr("Median active review time (minutes): %1").replace("%1", name)
        self.minutes_chart.set_data(t.labels, [LineSeries(name, tuple(p.median_minutes for p in focus.points), tuple(
            fill(self.tr("%1: median %2 min, %3 timed review(s)"), p.period.label,
                 f"{p.median_minutes:.1f}" if p.median_minutes is not None else "–", p.timed)
            for p in focus.points))], partial)

    def _share_series(self, type_name: str, days: int, focus: GroupTrend, cells, colour) -> LineSeries:  # type: ignore[no-untyped-def]
        shares = [c.share if c is not None else None for c in cells]
        tips = tuple(self.tr("%1 · %2: %3 decided within %4 days (%5 of %6; 95% interval %7)").replace(
            "%1", type_name).replace("%2", p.period.label).replace("%3", percent(s.rate if s else None)).replace(
            "%4", str(days)).replace("%5", str(s.successes if s else 0)).replace("%6", str(s.n if s else 0)).replace(
            "%7", interval(s.low if s else None, s.high if s else None)) for p, s in zip(focus.points, shares))
        return LineSeries(type_name, tuple(s.rate if s else None for s in shares), tips,
                          tuple(s.low if s else None for s in shares), tuple(s.high if s else None for s in shares),
                          colour=colour)
