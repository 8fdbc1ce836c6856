"""A line chart over periods, painted with QPainter: one line per series, its 95% interval as a
shaded band, a period without data as a gap in the line, a legend when there is more than one
series, and a tooltip for every point. The Trend page draws its rates, pendency and review minutes
with it; what each point means is worded by the page (the chart only paints the numbers it is given).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QWidget

from ui.chart_parts import (SERIES_COLOURS, Axis, LegendEntry, axis_width, count_axis, draw_legend,
                            draw_period_axis, draw_y_axis, period_margin, polyline, rate_axis, runs, tip_box, y_mapper)
from ui.charts import TARGET_COLOUR, Chart

BAND_ALPHA = 55


@dataclass(frozen=True)
class LineSeries:
    """One line: a value per period (None: no data, a gap), optionally the interval of each value
    (`lows`/`highs`, drawn as a band), and the tooltip of each point. A `reference` line is thin,
    grey and without its band: the whole office beside the groups, for comparison."""

    name: str
    values: tuple[float | None, ...]
    tips: tuple[str, ...]
    lows: tuple[float | None, ...] = ()
    highs: tuple[float | None, ...] = ()
    colour: QColor = field(default_factory=lambda: QColor(SERIES_COLOURS[0]))
    reference: bool = False

    @property
    def banded(self) -> bool:
        return bool(self.lows) and not self.reference


class LineChart(Chart):
    """Periods along the bottom; rates on a percent axis (`rates`) or counts from zero (`unit`)."""

    def __init__(self, title: str, parent: QWidget | None = None, *, rates: bool = True, unit: str = "") -> None:
        super().__init__(title, parent)
        self.rates = rates
        self.unit = unit
        #: A legend even for one line (when its name says what the title does not, e.g. its IP type).
        self.legend_always = False
        self.labels: tuple[str, ...] = ()
        self.partial: tuple[bool, ...] = ()
        self.series: list[LineSeries] = []
        self.points: dict[tuple[int, int], QPointF] = {}      # (series, period) -> where it was painted

    def set_data(self, labels: tuple[str, ...], series: list[LineSeries],
                 partial: tuple[bool, ...] = ()) -> None:
        self.labels = tuple(labels)
        self.series = list(series)
        self.partial = tuple(partial) or (False,) * len(labels)
        self.points = {}
        self.update()

    def has_data(self) -> bool:
        return bool(self.labels) and any(v is not None for s in self.series for v in s.values)

    def axis(self) -> Axis:
        values: list[float | None] = []
        for s in self.series:
            values += list(s.values)
            if s.banded:
                values += list(s.lows) + list(s.highs)
        return rate_axis(values) if self.rates else count_axis(values, self.unit)

    def _plot(self, painter: QPainter, area: QRectF, text: QColor, grid: QColor,
              metrics: QFontMetrics) -> None:
        self.points = {}
        legend_height = 0.0
        if len(self.series) > 1 or self.legend_always:
            legend = [LegendEntry(s.name, TARGET_COLOUR if s.reference else s.colour,
                                  "line" if s.reference or not s.banded else "band") for s in self.series]
            legend_height, tips = draw_legend(painter, area, legend, text, metrics)
            self._tips.extend(tips)
        axis = self.axis()
        left = axis_width(axis, metrics)
        right = period_margin(self.labels, metrics)
        plot = QRectF(area.left() + left, area.top() + legend_height + 6, area.width() - left - right,
                      area.height() - legend_height - metrics.height() - 14)
        if plot.width() < 20 or plot.height() < 10:
            return
        draw_y_axis(painter, plot, axis, text, grid, metrics)
        draw_period_axis(painter, plot, self.labels, text, metrics)
        slot = plot.width() / len(self.labels)
        y_of = y_mapper(plot, axis)

        def at(index: int, value: float) -> QPointF:
            return QPointF(plot.left() + slot * (index + 0.5), y_of(value))

        order = sorted(range(len(self.series)), key=lambda i: not self.series[i].reference)
        for number in order:       # references first, so the groups' lines lie above them
            self._paint_series(painter, number, at, slot)

    def _paint_series(self, painter: QPainter, number: int, at, slot: float) -> None:  # type: ignore[no-untyped-def]
        series = self.series[number]
        colour = TARGET_COLOUR if series.reference else series.colour
        if series.banded:
            self._paint_band(painter, series, at, slot)
        painter.setPen(QPen(colour, 1.2 if series.reference else 2.0))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for run in runs(series.values):
            if len(run) > 1:
                painter.drawPath(polyline([at(i, series.values[i]) for i in run]))  # type: ignore[arg-type]
        radius = 2.5 if series.reference else 3.5
        for index, value in enumerate(series.values):
            if value is None:
                continue
            point = at(index, value)
            self.points[(number, index)] = point
            painter.setBrush(Qt.BrushStyle.NoBrush if self.partial[index] else colour)
            painter.drawEllipse(point, radius, radius)
            if index < len(series.tips):
                self._tips.insert(0, (tip_box(point, max(5.0, min(slot / 2, 9.0))), series.tips[index]))

    def _paint_band(self, painter: QPainter, series: LineSeries, at, slot: float) -> None:  # type: ignore[no-untyped-def]
        fill = QColor(series.colour)
        fill.setAlpha(BAND_ALPHA)
        bounds = [None if lo is None or hi is None else (lo, hi) for lo, hi in zip(series.lows, series.highs)]
        for run in runs(bounds):
            if len(run) == 1:        # a lone period: its interval as a whisker
                index = run[0]
                low, high = bounds[index]  # type: ignore[misc]
                painter.setPen(QPen(fill.darker(110), 6, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap))
                painter.drawLine(at(index, low), at(index, high))
                continue
            upper = [at(i, bounds[i][1]) for i in run]  # type: ignore[index]
            lower = [at(i, bounds[i][0]) for i in reversed(run)]  # type: ignore[index]
            path = QPainterPath(upper[0])
            for point in upper[1:] + lower:
                path.lineTo(point)
            path.closeSubpath()
            painter.fillPath(path, fill)
