"""A funnel plot painted with QPainter: each unit's compliance (up) against its number of reviewed
cases (across, on a log scale so the small units near the funnel's mouth get room), the overall rate
as a line, the 95% limits dashed and the 99.8% limits solid from `Funnel.curve()`, each point
coloured by where it lies, and the units outside the 95% limits named beside their points.
Every number is a `workbench.stats.funnel.Funnel`'s; the page words the tooltips and the legend.
"""
from __future__ import annotations

import math
from typing import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import QWidget

from ui.chart_parts import LegendEntry, axis_width, draw_legend, draw_y_axis, polyline, rate_axis, tip_box, y_mapper
from ui.charts import BAR_COLOUR, BELOW_COLOUR, LINE_COLOUR, Chart
from workbench.stats.funnel import (ABOVE_ALARM, ABOVE_ALERT, BELOW_ALARM, BELOW_ALERT, INSIDE, POSITION_LABELS,
                                    Funnel, FunnelLimits)

#: The colour of a point at each position: blue inside, orange and red below, greens above.
POSITION_COLOURS = {INSIDE: BAR_COLOUR, BELOW_ALERT: LINE_COLOUR, BELOW_ALARM: BELOW_COLOUR,
                    ABOVE_ALERT: QColor("#70AD47"), ABOVE_ALARM: QColor("#375623")}
LIMIT_COLOUR = QColor("#595959")
TARGET_LINE = QColor("#264478")
LOG_TICKS = (1, 2, 5)
NAME_WIDTH = 150


def log_ticks(largest: float, smallest: float = 1) -> list[int]:
    """1, 2, 5, 10, 20, 50... from `smallest` up to `largest`."""
    ticks, power = [], 1
    while power <= largest:
        ticks += [f * power for f in LOG_TICKS if smallest <= f * power <= largest]
        power *= 10
    return ticks


def axis_start(smallest: int) -> int:
    """Where the log axis starts: the round number (1, 2, 5, 10...) a little below the smallest unit,
    so a funnel of large units is not squeezed into the right half of the chart."""
    return max([1] + [t for t in log_ticks(smallest * 0.8)])


class FunnelChart(Chart):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.funnel: Funnel | None = None
        self.names: tuple[str, ...] = ()
        self.tips: tuple[str, ...] = ()
        self.curve: tuple[FunnelLimits, ...] = ()
        #: The legend's words: the overall rate, the two limits, and each position's label.
        self.legend_names: dict[str, str] = {"target": "Overall rate", "limits_95": "95% limits",
                                             "limits_998": "99.8% limits",
                                             **{code: en for code, (en, _zh) in POSITION_LABELS.items()}}
        self.axis_title = "Reviewed cases (log scale)"
        self.points: dict[int, QPointF] = {}

    def set_data(self, funnel: Funnel | None, names: tuple[str, ...], tips: tuple[str, ...]) -> None:
        """The funnel, each unit's name as the chart shows it and its tooltip (in the funnel's order)."""
        self.funnel = funnel
        self.names = tuple(names)
        self.tips = tuple(tips)
        self.curve = funnel.curve() if funnel is not None else ()
        self.points = {}
        self.update()

    def has_data(self) -> bool:
        return self.funnel is not None and self.funnel.target is not None and any(u.n for u in self.funnel.units)

    def _plot(self, painter: QPainter, area: QRectF, text: QColor, grid: QColor,
              metrics: QFontMetrics) -> None:
        assert self.funnel is not None and self.funnel.target is not None
        self.points = {}
        units = [u for u in self.funnel.units if u.n]
        positions = [p for p in POSITION_COLOURS if any(u.position == p for u in units)]
        names = self.legend_names
        legend = [LegendEntry(names["target"], TARGET_LINE), LegendEntry(names["limits_95"], LIMIT_COLOUR, "dash"),
                  LegendEntry(names["limits_998"], LIMIT_COLOUR)]
        legend += [LegendEntry(names[p], POSITION_COLOURS[p], "dot") for p in positions]
        legend_height, tips = draw_legend(painter, area, legend, text, metrics)
        self._tips.extend(tips)
        smallest = min(u.n for u in units)
        shown = [c for c in self.curve if c.n >= smallest]     # the limits where there are units
        axis = rate_axis([u.rate for u in units] + [self.funnel.target]
                         + [v for c in shown for v in (c.low_998, c.high_998)])
        left = axis_width(axis, metrics)
        bottom = 2 * metrics.height() + 10
        plot = QRectF(area.left() + left, area.top() + legend_height + 6, area.width() - left - 14,
                      area.height() - legend_height - bottom - 6)
        if plot.width() < 40 or plot.height() < 20:
            return
        draw_y_axis(painter, plot, axis, text, grid, metrics)
        largest = max(u.n for u in units) * 1.15 + 1
        start = axis_start(smallest)
        x_of = self._x_axis(painter, plot, start, largest, text, grid, metrics)
        y_of = y_mapper(plot, axis)
        painter.save()
        painter.setClipRect(plot)
        painter.setPen(QPen(TARGET_LINE, 1.5))
        y = y_of(self.funnel.target)
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        if len(self.curve) > 1:
            drawn = [c for c in self.curve if c.n >= start] or list(self.curve)
            for field, style in (("low_95", Qt.PenStyle.DashLine), ("high_95", Qt.PenStyle.DashLine),
                                 ("low_998", Qt.PenStyle.SolidLine), ("high_998", Qt.PenStyle.SolidLine)):
                painter.setPen(QPen(LIMIT_COLOUR, 1.2, style))
                painter.drawPath(polyline([QPointF(x_of(c.n), y_of(getattr(c, field))) for c in drawn]))
        painter.restore()
        self._paint_units(painter, plot, x_of, y_of, text, metrics)

    def _x_axis(self, painter: QPainter, plot: QRectF, start: int, largest: float, text: QColor, grid: QColor,
                metrics: QFontMetrics) -> Callable[[float], float]:
        span = math.log10(largest / start) or 1.0

        def x_of(n: float) -> float:
            return plot.left() + plot.width() * math.log10(max(n, 1.0) / start) / span

        ticks = log_ticks(largest, start)
        every = 1
        while len(ticks[::every]) * (metrics.horizontalAdvance(str(ticks[-1])) + 12) > plot.width() and every < 6:
            every += 1
        for tick in ticks:
            x = x_of(tick)
            painter.setPen(QPen(grid, 0.5))
            painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
        painter.setPen(text)
        for tick in ticks[::every]:
            painter.drawText(QRectF(x_of(tick) - 30, plot.bottom() + 3, 60, metrics.height()),
                             Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, str(tick))
        painter.drawText(QRectF(plot.left(), plot.bottom() + metrics.height() + 6, plot.width(), metrics.height()),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, self.axis_title)
        return x_of

    def _paint_units(self, painter: QPainter, plot: QRectF, x_of: Callable[[float], float],
                     y_of: Callable[[float], float], text: QColor, metrics: QFontMetrics) -> None:
        assert self.funnel is not None
        order = sorted(range(len(self.funnel.units)), key=lambda i: self.funnel.units[i].position != INSIDE)  # type: ignore[union-attr]
        for index in order:        # the units outside are painted last, above the others
            unit = self.funnel.units[index]
            if not unit.n or unit.rate is None:
                continue
            where = QPointF(x_of(unit.n), y_of(unit.rate))
            self.points[index] = where
            colour = POSITION_COLOURS.get(unit.position, BAR_COLOUR)
            outside = unit.position != INSIDE
            painter.setPen(QPen(colour.darker(140), 1))
            painter.setBrush(colour)
            radius = 5.0 if outside else 4.0
            painter.drawEllipse(where, radius, radius)
            if index < len(self.tips):
                self._tips.insert(0, (tip_box(where, 7.0), self.tips[index]))
            if outside and index < len(self.names):
                name = metrics.elidedText(self.names[index], Qt.TextElideMode.ElideRight, NAME_WIDTH)
                width = metrics.horizontalAdvance(name) + 4
                x = where.x() + 8 if where.x() + 8 + width <= plot.right() else where.x() - 8 - width
                box = QRectF(x, where.y() - metrics.height() / 2, width, metrics.height())
                backdrop = self.palette().color(QPalette.ColorRole.Window)
                backdrop.setAlpha(210)             # the name stays readable over a limit line
                painter.fillRect(box, backdrop)
                painter.setPen(text)
                painter.drawText(box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, name)
