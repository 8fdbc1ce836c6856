"""The Dashboard's trend pages (issue 16): Trend, Control chart, Funnel plot and Period comparison,
as tabs beside the Dashboard's overview, over the Dashboard's own filter (the round and decision
period File > Export uses, so the workbook's Trend and Funnel sheets show what is on screen).

The period (month or quarter), what places a case in a period (its decision date or the day its
review was completed) and the grouping (none, department, IP type) are chosen at the right of the
tab bar. The trend (`workbench.report.trends.trend`) is computed on a thread of its own, as the
Dashboard's report is, when one of the pages drawn from it is shown (a refresh on the overview leaves
it until then), and only the newest request's result is shown; the control charts and
comparisons are cheap functions of it, computed as their choosers change. The funnel is placed
from the Dashboard's report, once it is computed.
"""
from __future__ import annotations

import logging
from datetime import date
from typing import Callable

import sqlite_utils
from PySide6.QtCore import QObject, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QTabWidget, QWidget

from db.connection import open_database
from foundation.errors import WorkbenchError
from foundation.jobs import CancelToken, Progress
from ui.comparison_page import ComparisonPage
from ui.control_page import ControlPage
from ui.funnel_page import FunnelPage
from ui.messages import error_text
from ui.tasks import QuietTask
from ui.trend_page import TrendPage
from workbench.report.case_counts import SharedReads
from workbench.report.figures import Report, Scope
from workbench.report.trends import BY_DECISION, BY_REVIEW, MONTH, QUARTER, Trend, trend

log = logging.getLogger("workbench.ui.trends")


class TrendPanel(QObject):
    """Makes the four pages, adds them to the Dashboard's tabs and keeps them filled."""

    refreshed = Signal()         # a trend was computed and shown

    def __init__(self, db: sqlite_utils.Database, language: str, tabs: QTabWidget, *,
                 today: Callable[[], date]) -> None:
        super().__init__(tabs)
        self.db = db
        self.tabs = tabs
        self.today = today
        self.trend: Trend | None = None
        self._scope: Scope | None = None
        self._path: str | None = None
        self._stale = False                 # asked while no trend page was shown: computed when one is
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._generation = 0
        self.trend_page = TrendPage(language)
        self.control_page = ControlPage(language)
        self.funnel_page = FunnelPage(language)
        self.comparison_page = ComparisonPage(language)
        tabs.addTab(self.trend_page, self.tr("Trend"))
        tabs.addTab(self.control_page, self.tr("Control chart"))
        tabs.addTab(self.funnel_page, self.tr("Funnel plot"))
        tabs.addTab(self.comparison_page, self.tr("Period comparison"))
        self.choosers = self._build_choosers()
        tabs.setCornerWidget(self.choosers, Qt.Corner.TopRightCorner)
        tabs.currentChanged.connect(self._page_changed)
        self._page_changed()

    def _build_choosers(self) -> QWidget:
        self.period_box = QComboBox()
        self.period_box.addItem(self.tr("Quarter"), QUARTER)
        self.period_box.addItem(self.tr("Month"), MONTH)
        self.by_box = QComboBox()
        self.by_box.addItem(self.tr("Decision date"), BY_DECISION)
        self.by_box.addItem(self.tr("Review date"), BY_REVIEW)
        self.by_box.setToolTip(self.tr("A case falls in the period of its decision date, or of the day its review "
                                       "was completed"))
        self.group_box = QComboBox()
        self.group_box.addItem(self.tr("Department"), "department")
        self.group_box.addItem(self.tr("IP type"), "ip_type")
        self.group_box.addItem(self.tr("None"), None)
        self.message = QLabel()
        self.message.setStyleSheet("color: #C0504D;")
        self.message.hide()
        for box in (self.period_box, self.by_box, self.group_box):
            box.currentIndexChanged.connect(self.recompute)
        widget = QWidget()
        row = QHBoxLayout(widget)
        row.setContentsMargins(8, 0, 4, 2)
        row.addWidget(self.message)
        for caption, box in ((self.tr("Period:"), self.period_box), (self.tr("Placed by:"), self.by_box),
                             (self.tr("Group:"), self.group_box)):
            row.addSpacing(6)
            row.addWidget(QLabel(caption))
            row.addWidget(box)
        return widget

    def pages(self) -> tuple[QWidget, ...]:
        return (self.trend_page, self.control_page, self.funnel_page, self.comparison_page)

    def showing(self) -> bool:
        """Whether a page drawn from the trend (Trend, Control chart, Period comparison) is the tab shown."""
        return self.tabs.currentWidget() in (self.trend_page, self.control_page, self.comparison_page)

    def _page_changed(self, *_args: object) -> None:
        # The choosers shape the trend pages; the funnel has its own, the overview none.
        self.choosers.setVisible(self.showing())
        if self._stale and self.showing() and self._scope is not None:
            self.compute(self._scope, self._path)

    def choices(self) -> tuple[str, str, str | None]:
        """(period, by, group) as chosen."""
        return self.period_box.currentData(), self.by_box.currentData(), self.group_box.currentData()

    # -- computing -------------------------------------------------------------------------------------
    def compute(self, scope: Scope, path: str | None, reads: SharedReads | None = None) -> None:
        """The Dashboard's scope (resolved on its refresh): the trend computed again in the background
        (`reads`: the reviewed cases read once for it and the Dashboard's figures) when a page drawn
        from it is shown, else when one is next shown: over a million cases grouped by department it
        is most of a refresh's work, and the Dashboard opens on its overview."""
        self._scope, self._path = scope, path
        self._generation += 1           # a result on its way is of an older request
        self._stale = not self.showing()
        if self._stale:
            return
        generation = self._generation
        period, by, group = self.choices()
        today = self.today()
        if path is None:          # a private in-memory workspace has no second connection
            try:
                self._computed(generation, trend(self.db, scope, period=period, by=by, group=group, today=today,
                                                 reads=reads))
            except WorkbenchError as exc:
                self._failed(generation, exc)
            return

        def job(_progress: Progress, _cancel: CancelToken) -> Trend:
            db = open_database(path, read_only=True)     # each thread its own connection
            try:
                return trend(db, scope, period=period, by=by, group=group, today=today, reads=reads)
            finally:
                db.close()

        task = QuietTask(self, job, self._pool)
        task.finished.connect(lambda result: self._computed(generation, result))
        task.failed.connect(lambda exc: self._failed(generation, exc))

    def recompute(self) -> None:
        """A chooser changed: the same scope, the new choices."""
        if self._scope is not None:
            self.compute(self._scope, self._path)

    def _computed(self, generation: int, result: Trend) -> None:
        if generation != self._generation:
            return                       # a newer request is on its way
        self.message.hide()
        self.trend = result
        for page in (self.trend_page, self.control_page, self.comparison_page):
            page.show_trend(result)
        self.refreshed.emit()

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        if not isinstance(exc, WorkbenchError):
            log.error("trend figures failed", exc_info=(type(exc), exc, exc.__traceback__))
        self.message.setText(error_text(exc))
        self.message.show()

    def show_report(self, report: Report) -> None:
        self.funnel_page.show_report(report)

    def shutdown(self) -> None:
        self._pool.waitForDone(10_000)
