"""The Dashboard's Period comparison page: compliance in one period against another (by default the
last period with reviews against the year before it, pooled; or against the one before it; or any
period), for all cases and per group, with the difference and its 95% Newcombe interval
(`workbench.report.trends.compare_periods`). An arrow shows only when the interval excludes zero.
"""
from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from ui.trend_text import interval, points, rate_with_counts, series_name, word
from workbench.report.trends import MONTH, Comparison, Trend, compare_periods, earlier
from workbench.stats.comparison import DIRECTION_LABELS, DOWN, UP

BEFORE = "__before__"          # the period just before the first
POOLED_BEFORE = "__pooled__"   # the several before it, pooled
POOLED_COUNT = {MONTH: 12, "quarter": 4}
ARROWS = {UP: "▲", DOWN: "▼"}
CHANGE_COLOURS = {UP: QColor("#006100"), DOWN: QColor("#9C0006")}
COLUMNS = 5


class ComparisonPage(QWidget):
    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = language
        self.trend: Trend | None = None
        self.comparison: Comparison | None = None
        self.first_box = QComboBox()
        self.second_box = QComboBox()
        self.second_box.setMinimumContentsLength(18)
        self.table = QTableWidget(0, COLUMNS)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.empty = QLabel(self.tr("Fewer than two periods with reviews: nothing to compare."))
        note = QLabel(self.tr(
            "The difference of compliance rates with its 95% interval (Newcombe's hybrid score interval). "
            "An arrow marks a change only when the interval excludes zero."))
        note.setWordWrap(True)
        note.setStyleSheet("color: #595959;")
        self.first_box.currentIndexChanged.connect(self._first_changed)
        self.second_box.currentIndexChanged.connect(self.draw)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Compare")))
        bar.addWidget(self.first_box)
        bar.addWidget(QLabel(self.tr("with")))
        bar.addWidget(self.second_box)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addWidget(note)

    def show_trend(self, t: Trend) -> None:
        """A newly computed trend: the periods with reviews offered, the last one by default."""
        self.trend = t
        chosen = self.first_box.currentData()
        labels = [p.period.label for p in t.overall.points if p.reviewed]
        self.first_box.blockSignals(True)
        self.first_box.clear()
        for label in labels:
            self.first_box.addItem(label, label)
        index = self.first_box.findData(chosen) if chosen is not None else -1
        self.first_box.setCurrentIndex(index if index >= 0 else len(labels) - 1)
        self.first_box.blockSignals(False)
        self._fill_second()
        self.draw()

    def _first_changed(self) -> None:
        self._fill_second()
        self.draw()

    def _fill_second(self) -> None:
        t = self.trend
        chosen = self.second_box.currentData()
        first = self.first_box.currentData()
        self.second_box.blockSignals(True)
        self.second_box.clear()
        if t is not None and first is not None:
            self.second_box.addItem(self.tr("the period before"), BEFORE)
            self.second_box.addItem((self.tr("the 12 months before, pooled") if t.period == MONTH
                                     else self.tr("the 4 quarters before, pooled")), POOLED_BEFORE)
            for point in t.overall.points:
                if point.reviewed and point.period.label != first:
                    self.second_box.addItem(point.period.label, point.period.label)
        # By default against a year before, pooled: one quarter alone is too few reviews to see a 10-point change.
        index = self.second_box.findData(chosen if chosen is not None else POOLED_BEFORE)
        self.second_box.setCurrentIndex(max(index, 0))
        self.second_box.blockSignals(False)

    def second_labels(self) -> tuple[str, ...]:
        assert self.trend is not None
        first, second = self.first_box.currentData(), self.second_box.currentData()
        if second == BEFORE:
            return earlier(self.trend, first, 1)
        if second == POOLED_BEFORE:
            return earlier(self.trend, first, POOLED_COUNT[self.trend.period])
        return (second,)

    def draw(self) -> None:
        t = self.trend
        first = self.first_box.currentData()
        seconds = self.second_labels() if t is not None and first is not None else ()
        if t is None or first is None or not seconds:
            self.comparison = None
            self.table.setRowCount(0)
            self.table.hide()
            self.empty.show()
            return
        self.comparison = compare_periods(t, first, seconds)
        self.empty.hide()
        self.table.show()
        second_title = seconds[0] if len(seconds) == 1 else self.tr("%1 to %2").replace(
            "%1", seconds[0]).replace("%2", seconds[-1])
        self.table.setHorizontalHeaderLabels([
            self.tr("Series"), first, second_title, self.tr("Difference (95% interval)"), self.tr("Change")])
        self.table.setRowCount(len(t.series))
        for row, series in enumerate(t.series):
            self._fill_row(row, series_name(t.group, series.key), self.comparison.differences[series.key])

    def _fill_row(self, row: int, name: str, difference) -> None:  # type: ignore[no-untyped-def]
        if difference.difference is None:
            change_text = "–"
            gap = "–"
        else:
            gap = self.tr("%1 points (%2)").replace("%1", points(difference.difference)).replace(
                "%2", interval(difference.low, difference.high, signed=True))
            words = word(DIRECTION_LABELS[difference.direction], self.language)
            change_text = f"{ARROWS[difference.direction]} {words}" if difference.direction in ARROWS else words
        cells = (name, rate_with_counts(difference.first), rate_with_counts(difference.second), gap, change_text)
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if column == COLUMNS - 1:
                item.setForeground(CHANGE_COLOURS.get(difference.direction, QColor("#595959")))
            if row == 0:             # all cases, above the groups
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            self.table.setItem(row, column, item)
