"""A p-chart painted with QPainter: the rate per period joined by a line (a period without reviews
is a gap), each period's centre line, each period's own 3-sigma limits as steps and its 2-sigma limits
dashed, the points where a run rule fired marked (beyond the limits in red and larger). Every
number is a `workbench.stats.control.PChart`'s; the page words the tooltips and the legend.
"""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QWidget

from ui.chart_parts import (SIGNAL_COLOUR, LegendEntry, axis_width, draw_legend, draw_period_axis, draw_y_axis,
                            period_margin, polyline, rate_axis, runs, tip_box, y_mapper)
from ui.charts import BAR_COLOUR, LINE_COLOUR, TARGET_COLOUR, Chart
from workbench.stats.control import BEYOND_LIMITS, ChartPoint, PChart

LIMIT_COLOUR = QColor("#C0504D")


class ControlChart(Chart):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.chart: PChart | None = None
        self.tips: tuple[str, ...] = ()
        self.partial: tuple[bool, ...] = ()
        #: The legend's words: rate, centre, limits (3 sigma), zone (2 sigma), signal, beyond.
        self.legend_names = {"rate": "Rate", "centre": "Centre line", "limits": "3-sigma limits",
                             "zone": "2 sigma", "signal": "Run rule", "beyond": "Beyond the limits"}
        self.points: dict[int, QPointF] = {}

    def set_data(self, chart: PChart | None, tips: tuple[str, ...], partial: tuple[bool, ...] = ()) -> None:
        """The chart, each point's tooltip, and which periods are still running (drawn hollow)."""
        self.chart = chart
        self.tips = tuple(tips)
        self.partial = tuple(partial)
        self.points = {}
        self.update()

    def has_data(self) -> bool:
        return self.chart is not None and any(not p.gap for p in self.chart.points)

    def marked(self) -> tuple[set[int], set[int]]:
        """(points beyond the 3-sigma limits, points of another run rule's signal)."""
        assert self.chart is not None
        beyond = {s.index for s in self.chart.signals if s.rule == BEYOND_LIMITS}
        other = {i for s in self.chart.signals if s.rule != BEYOND_LIMITS for i in s.points} - beyond
        return beyond, other

    def _plot(self, painter: QPainter, area: QRectF, text: QColor, grid: QColor,
              metrics: QFontMetrics) -> None:
        assert self.chart is not None
        self.points = {}
        names = self.legend_names
        legend = [LegendEntry(names["rate"], BAR_COLOUR), LegendEntry(names["centre"], TARGET_COLOUR),
                  LegendEntry(names["limits"], LIMIT_COLOUR), LegendEntry(names["zone"], LIMIT_COLOUR, "dash")]
        beyond, other = self.marked()
        if beyond:
            legend.append(LegendEntry(names["beyond"], SIGNAL_COLOUR, "dot"))
        if other:
            legend.append(LegendEntry(names["signal"], LINE_COLOUR, "dot"))
        legend_height, tips = draw_legend(painter, area, legend, text, metrics)
        self._tips.extend(tips)
        points = self.chart.points
        values = [v for p in points if not p.gap for v in (p.rate, p.lcl, p.ucl, p.centre)]
        axis = rate_axis(values)
        left = axis_width(axis, metrics)
        right = period_margin([p.label for p in points], metrics)
        plot = QRectF(area.left() + left, area.top() + legend_height + 6, area.width() - left - right,
                      area.height() - legend_height - metrics.height() - 14)
        if plot.width() < 20 or plot.height() < 10:
            return
        draw_y_axis(painter, plot, axis, text, grid, metrics)
        draw_period_axis(painter, plot, [p.label for p in points], text, metrics)
        slot = plot.width() / len(points)
        y_of = y_mapper(plot, axis)
        # Each period's own centre, as steps: one level unless each period is judged against the others.
        painter.setPen(QPen(TARGET_COLOUR, 1.5))
        for path in self._steps(points, lambda p: p.centre if not p.gap else None, plot.left(), slot, y_of):
            painter.drawPath(path)
        for low, high, pen in ((lambda p: p.lcl, lambda p: p.ucl, QPen(LIMIT_COLOUR, 1.3)),
                               (lambda p: p.lower_2, lambda p: p.upper_2, QPen(LIMIT_COLOUR, 1, Qt.PenStyle.DashLine))):
            painter.setPen(pen)
            for limit in (low, high):
                for path in self._steps(points, limit, plot.left(), slot, y_of):
                    painter.drawPath(path)
        self._paint_points(painter, plot, slot, y_of, beyond, other)

    @staticmethod
    def _steps(points: tuple[ChartPoint, ...], limit: Callable[[ChartPoint], float | None], left: float,
               slot: float, y_of: Callable[[float], float]) -> list[QPainterPath]:
        """One path per stretch of periods with reviews: a level across each period's slot, joined
        to the next period's level by a vertical step."""
        paths = []
        for run in runs([limit(p) for p in points]):
            corners: list[QPointF] = []
            for index in run:
                y = y_of(limit(points[index]))  # type: ignore[arg-type]
                corners += [QPointF(left + slot * index, y), QPointF(left + slot * (index + 1), y)]
            paths.append(polyline(corners))
        return paths

    def _paint_points(self, painter: QPainter, plot: QRectF, slot: float, y_of: Callable[[float], float],
                      beyond: set[int], other: set[int]) -> None:
        assert self.chart is not None
        points = self.chart.points
        rates = [p.rate for p in points]
        painter.setPen(QPen(BAR_COLOUR, 1.8))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for run in runs(rates):
            if len(run) > 1:
                painter.drawPath(polyline([QPointF(plot.left() + slot * (i + 0.5), y_of(rates[i])) for i in run]))  # type: ignore[arg-type]
        for point in points:
            if point.rate is None:
                continue
            where = QPointF(plot.left() + slot * (point.index + 0.5), y_of(point.rate))
            self.points[point.index] = where
            colour, radius = ((SIGNAL_COLOUR, 5.5) if point.index in beyond else
                              (LINE_COLOUR, 4.5) if point.index in other else (BAR_COLOUR, 3.5))
            painter.setPen(QPen(colour.darker(130) if radius > 4 else colour, 1.2))
            hollow = point.index < len(self.partial) and self.partial[point.index]
            painter.setBrush(Qt.BrushStyle.NoBrush if hollow else colour)
            painter.drawEllipse(where, radius, radius)
            if point.index < len(self.tips):
                self._tips.insert(0, (tip_box(where, max(5.0, min(slot / 2, 9.0))), self.tips[point.index]))
