"""The Dashboard: the report's headline figures as tiles and two charts, for the chosen round and period.

Every figure comes from `workbench.report.figures.compute_report`, the same call the workbook
makes (and, once findings were sent to examiners, `workbench.report.dispute_figures`, shown in the
Disputes panel of ui/dashboard_disputes.py), and the filter chosen here (round, decision-date
period, target) is the one File > Export uses, so what is on screen is what goes into the file. The view recomputes when
reviews change, but only while it is visible (otherwise when it is next shown), and at most
once per short burst of changes, so answering by keyboard never waits for it. Beside the overview,
tabs show the same scope over time and across units (ui/trend_panel.py: trend, control chart,
funnel plot, period comparison), as the workbook's Trend and Funnel sheets do.
"""
from __future__ import annotations

import logging
from datetime import date
from typing import Any, Callable, NamedTuple

import sqlite_utils
from PySide6.QtCore import QDate, QSettings, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateEdit, QFrame, QHBoxLayout, QLabel,
                               QPushButton, QScrollArea, QSpinBox, QSplitter, QTabWidget, QVBoxLayout, QWidget)

from foundation.words import fill
from ui.chart_tools import ChartLegend, ChartTools
from ui.charts import ComplianceChart, CountBar, ParetoChart, RateBar, percent
from ui.dashboard_tiles import TileBoard
from ui.dashboard_disputes import DisputesPanel
from ui.messages import error_text, gap
from foundation.errors import WorkbenchError
from foundation.paths import data_dir
from db.connection import open_database
from ui.tasks import QuietTask
from ui.trend_panel import TrendPanel
from ui.when_shown import FreshWhenShown
from foundation.jobs import CancelToken, Progress
from workbench.report.case_counts import SharedReads
from workbench.report.dispute_figures import DisputeFigures, dispute_figures
from workbench.report.figures import (DEFAULT_TARGET, Report, ReportFilter, Scope, compute_report, list_round_names,
                                   resolve_scope)

log = logging.getLogger("workbench.ui.dashboard")

REFRESH_DELAY_MS = 250
TARGET_KEY = "report/target_percent"


class Computed(NamedTuple):
    """What one refresh computes: the report and the dispute figures of the same scope."""
    report: Report
    disputes: DisputeFigures


def compute(db: sqlite_utils.Database, scope: Scope, target: float, today: date,
            reads: SharedReads | None = None) -> Computed:
    report = compute_report(db, scope, target=target, items=False, reads=reads)   # items are not shown here
    return Computed(report, dispute_figures(db, scope, today=today, report=report))


def settings() -> QSettings:
    """The user's settings, in the data folder beside the workspace and the log."""
    return QSettings(str(data_dir() / "settings.ini"), QSettings.Format.IniFormat)


class DashboardView(FreshWhenShown, QWidget):
    """Tiles and charts over the workspace open in the window (its UI-thread connection)."""

    export_requested = Signal()
    refreshed = Signal()

    def __init__(self, db: sqlite_utils.Database, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.language = language
        self.report: Report | None = None
        self.disputes: DisputeFigures | None = None
        #: The day response deadlines are counted on (tests give their own).
        self.today: Callable[[], date] = date.today
        self.dirty = True
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        # Figures are computed on a thread of their own (seconds on a big workspace); only the
        # newest request's result is shown.
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._generation = 0
        self._build()
        self.reload_rounds()

    # -- layout ------------------------------------------------------------------------------
    def _build(self) -> None:
        bar = self._build_filter_bar()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        self.scope_label = QLabel()
        self.scope_label.setWordWrap(True)
        tiles = self._build_tiles()
        self.disputes_panel = DisputesPanel(self.language)
        self.disputes_panel.hide()
        charts = self._build_charts()

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(tiles)
        layout.addWidget(self.disputes_panel)
        layout.addWidget(charts, 1)
        self.legend = ChartLegend()
        layout.addWidget(self.legend)
        self.overview = QScrollArea()
        self.overview.setWidgetResizable(True)
        self.overview.setFrameShape(QFrame.Shape.NoFrame)
        self.overview.setWidget(body)
        # The overview, then the trend pages over the same filter (ui/trend_panel.py).
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.overview, self.tr("Overview"))
        self.trends = TrendPanel(self.db, self.language, self.tabs, today=lambda: self.today())
        outer = QVBoxLayout(self)
        outer.setContentsMargins(6, 6, 6, 0)
        outer.addLayout(bar)
        outer.addWidget(self.message)
        outer.addWidget(self.scope_label)
        outer.addWidget(self.tabs, 1)

    def _build_filter_bar(self) -> QHBoxLayout:
        """Round, decision period, target and Export, above the figures."""
        self.round_box = QComboBox()
        self.round_box.setMinimumContentsLength(18)
        self.round_box.setToolTip(self.tr("Only the cases drawn into this review round"))
        self.from_check = QCheckBox(self.tr("Decided from"))
        self.to_check = QCheckBox(self.tr("to"))
        today = QDate.currentDate()
        self.from_date = QDateEdit(QDate(today.year(), 1, 1))
        self.to_date = QDateEdit(today)
        for edit in (self.from_date, self.to_date):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
        self.from_check.toggled.connect(self.from_date.setEnabled)
        self.to_check.toggled.connect(self.to_date.setEnabled)
        self.target_box = QSpinBox()
        self.target_box.setRange(1, 100)
        self.target_box.setSuffix("%")
        self.target_box.setToolTip(self.tr("Groups whose whole 95% interval lies below the target are marked"))
        stored = settings().value(TARGET_KEY, round(DEFAULT_TARGET * 100))
        try:
            self.target_box.setValue(int(stored))
        except (TypeError, ValueError):
            self.target_box.setValue(round(DEFAULT_TARGET * 100))
        self.export_button = QPushButton(self.tr("Export workbook..."))
        self.export_button.setToolTip(self.tr("Write these figures, with the cases and findings, to an Excel workbook"))
        self.export_button.clicked.connect(self.export_requested)
        for signal in (self.round_box.currentIndexChanged, self.from_check.toggled, self.to_check.toggled,
                       self.from_date.dateChanged, self.to_date.dateChanged):
            signal.connect(self._filters_changed)
        self.target_box.valueChanged.connect(self._target_changed)

        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Round:")))
        bar.addWidget(self.round_box)
        bar.addSpacing(12)
        bar.addWidget(self.from_check)
        bar.addWidget(self.from_date)
        bar.addWidget(self.to_check)
        bar.addWidget(self.to_date)
        bar.addSpacing(12)
        bar.addWidget(QLabel(self.tr("Target:")))
        bar.addWidget(self.target_box)
        bar.addStretch(1)
        bar.addWidget(self.export_button)
        return bar

    def _build_tiles(self) -> TileBoard:
        self.tiles = TileBoard()
        self.compliance_tile, self.reviewed_tile = self.tiles.compliance, self.tiles.reviewed
        self.defect_tile, self.error_tile, self.findings_tile = self.tiles.defect, self.tiles.error, self.tiles.findings
        self.minutes_tile, self.pendency_tile = self.tiles.minutes, self.tiles.pendency
        return self.tiles

    def _build_charts(self) -> QSplitter:
        self.compliance_chart = ComplianceChart(self.tr("Compliance rate by department (95% interval)"))
        self.compliance_chart.tip_format = self.tr("{label}: {rate} (95% interval {low}–{high}), {count} reviewed")
        self.compliance_chart.empty_text = self.tr("No reviewed cases yet.")
        self.compliance_chart.target_tip = self.tr("Target %1")
        self.pareto_chart = ParetoChart(self.tr("Findings by error category (Pareto)"))
        self.pareto_chart.tip_format = self.tr("{label}: {count} findings ({share}; cumulative {cumulative})")
        self.pareto_chart.empty_text = self.tr("No findings.")
        self.chart_tools = [ChartTools(self.compliance_chart, "compliance-by-department"),
                            ChartTools(self.pareto_chart, "findings-pareto")]
        charts = QSplitter(Qt.Orientation.Horizontal)
        for tools in self.chart_tools:
            charts.addWidget(tools.framed())
        charts.setChildrenCollapsible(False)
        return charts

    # -- the filter ----------------------------------------------------------------------------
    def reload_rounds(self) -> None:
        """Refill the round list (rounds are created elsewhere), keeping the choice if it still exists."""
        current = self.round_box.currentData()
        self.round_box.blockSignals(True)
        self.round_box.clear()
        self.round_box.addItem(self.tr("All cases"), None)
        for name in list_round_names(self.db):
            self.round_box.addItem(name, name)
        index = self.round_box.findData(current) if current is not None else 0
        self.round_box.setCurrentIndex(max(index, 0))
        self.round_box.blockSignals(False)

    def report_filter(self) -> ReportFilter:
        """The filter on screen; raises WorkbenchError for a period that ends before it starts."""
        return ReportFilter(
            round_name=self.round_box.currentData(),
            date_from=self.from_date.date().toPython() if self.from_check.isChecked() else None,
            date_to=self.to_date.date().toPython() if self.to_check.isChecked() else None)

    def target(self) -> float:
        return self.target_box.value() / 100.0

    def set_filter(self, report_filter: ReportFilter) -> None:
        """Show this filter (and recompute)."""
        index = self.round_box.findData(report_filter.round_name) if report_filter.round_name else 0
        self.round_box.setCurrentIndex(max(index, 0))
        for check, edit, value in ((self.from_check, self.from_date, report_filter.date_from),
                                   (self.to_check, self.to_date, report_filter.date_to)):
            if value is not None:
                edit.setDate(QDate(value.year, value.month, value.day))
            check.setChecked(value is not None)
        self.refresh()

    def _filters_changed(self, *_args: Any) -> None:
        self.mark_changed()

    def _target_changed(self, value: int) -> None:
        settings().setValue(TARGET_KEY, value)
        self.mark_changed()

    # -- refreshing ------------------------------------------------------------------------------
    def catch_up(self, *, shown: bool) -> None:
        """Reviews, imports, rounds or the filter changed: recompute at once when just shown, else
        after the timer's pause (changes come in bursts)."""
        if shown:
            self._timer.start(0)
        else:
            self._timer.start()

    def refresh(self) -> None:
        self._timer.stop()
        self.dirty = False
        self.reload_rounds()
        self._generation += 1
        generation = self._generation
        try:
            scope = resolve_scope(self.db, self.report_filter())
        except WorkbenchError as exc:       # e.g. a period that ends before it starts
            self._failed(generation, exc)
            return
        target, today = self.target(), self.today()
        path = self._database_file()
        # The reviewed cases read once for the figures and the trend (by whichever is free first),
        # let go when both have them; the trend waits until one of its pages is shown.
        trend_now = self.trends.showing()
        reads = SharedReads(findings=True, users=2 if trend_now else 1)
        self.trends.compute(scope, path, reads if trend_now else None)
        if path is None:                    # a private in-memory workspace has no second connection
            self._computed(generation, compute(self.db, scope, target, today, reads))
            return

        def job(_progress: Progress, _cancel: CancelToken) -> Computed:
            db = open_database(path, read_only=True)     # reads only; each thread its own connection
            try:
                return compute(db, scope, target, today, reads)
            finally:
                db.close()

        task = QuietTask(self, job, self._pool)
        task.finished.connect(lambda computed: self._computed(generation, computed))
        task.failed.connect(lambda exc: self._failed(generation, exc))

    def _database_file(self) -> str | None:
        files = [row[2] for row in self.db.execute("PRAGMA database_list") if row[1] == "main"]
        return files[0] if files and files[0] else None

    def _computed(self, generation: int, computed: Computed) -> None:
        if generation != self._generation:
            return                          # a newer refresh is on its way
        self.message.hide()
        self.report, self.disputes = computed
        self._show(computed.report)
        self.disputes_panel.show_figures(computed.disputes)
        self.trends.show_report(computed.report)
        self.refreshed.emit()

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        if not isinstance(exc, WorkbenchError):
            log.error("dashboard figures failed", exc_info=(type(exc), exc, exc.__traceback__))
        self.message.setText(error_text(exc))
        self.message.show()

    def shutdown(self) -> None:
        """Wait for a computation still running (the window is closing)."""
        self._pool.waitForDone(10_000)
        self.trends.shutdown()

    def show_trends(self) -> None:
        """The Trend page (Review > Trends view)."""
        self.tabs.setCurrentWidget(self.trends.trend_page)

    # -- showing a report ----------------------------------------------------------------------------
    def _show(self, report: Report) -> None:
        self.scope_label.setText(self._scope_text(report))
        self.tiles.show_rates(report)
        self.tiles.show_work(report)
        self.compliance_chart.set_data(
            [RateBar(g.key[0] or self.tr("(no department)"), g.compliance.rate, g.compliance.low,
                     g.compliance.high, g.reviewed, g.below_target)
             for g in report.by_department if g.reviewed], report.target)
        self.pareto_chart.set_data([CountBar(c.label.get(self.language), c.findings) for c in report.categories])
    def _scope_text(self, report: Report) -> str:
        """What the figures are of: the round or all cases, the period, what the estimate covers."""
        rnd = report.scope.round
        where = rnd.name if rnd is not None else self.tr("all cases")
        flt = report.scope.filter
        period = ""
        if flt.date_from or flt.date_to:
            period = self.tr(", decided %1 to %2").replace(
                "%1", flt.date_from.isoformat() if flt.date_from else "…").replace(
                "%2", flt.date_to.isoformat() if flt.date_to else "…")
        population = (fill(self.tr("; population %1, %2 drawn"), report.population, report.drawn)
                      if report.drawn is not None else "")
        scope_text = self.tr("Figures for %1%2%3.").replace("%1", where).replace("%2", period).replace(
            "%3", population)
        if report.unequal:
            scope_text += gap(scope_text) + self.tr("A risk-based round: every rate is the Hájek estimate, each reviewed case "
                                        "weighted by 1/its inclusion probability, so the figures describe the whole "
                                        "population, not the over-sampled high-risk cases.")
        if report.uncovered_strata:
            # Said out loud: strata without a reviewed case are outside every estimate.
            scope_text += gap(scope_text) + fill(self.tr("The estimate covers %1 of the population; no reviewed case yet in %2 "
                                        "(population %3)."), percent(report.covered_share),
                ", ".join(report.uncovered_strata), report.uncovered_population)
        return scope_text
