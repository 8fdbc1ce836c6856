"""The pieces the trend, control and funnel charts share: round axis ranges, the axes, the period
labels that skip to fit, a legend row, and the paths of lines with gaps.

Kept apart from ui/charts.py so each chart module stays small; they paint in the same way
(palette colours for text and grid, elided labels, a tooltip for every mark).
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable, Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPainterPath, QPen

from ui.charts import BAR_COLOUR, BELOW_COLOUR, LINE_COLOUR, percent

#: Line colours in order (the Office palette the workbook's charts use, grey left for references).
SERIES_COLOURS = (BAR_COLOUR, LINE_COLOUR, QColor("#70AD47"), QColor("#FFC000"), QColor("#5B9BD5"),
                  QColor("#264478"), QColor("#9E480E"), QColor("#636363"))
SIGNAL_COLOUR = BELOW_COLOUR
RATE_STEPS = (0.01, 0.02, 0.05, 0.1, 0.2, 0.25)
LEGEND_SWATCH = 18


@dataclass(frozen=True)
class Axis:
    """A value axis: its bottom, top and tick step, and how a tick reads."""

    low: float
    high: float
    step: float
    label: Callable[[float], str]

    def ticks(self) -> list[float]:
        count = int(round((self.high - self.low) / self.step))
        return [self.low + self.step * i for i in range(count + 1)]


def rate_axis(values: Sequence[float | None]) -> Axis:
    """A percent axis just wide enough for the values (fractions), on a round step, within 0-100%."""
    finite = [v for v in values if v is not None and math.isfinite(v)]
    if not finite:
        return Axis(0.0, 1.0, 0.25, lambda v: percent(v, 0))
    low, high = max(0.0, min(finite)), min(1.0, max(finite))
    if high - low < 0.04:                       # a flat series still gets a readable band around it
        low, high = max(0.0, low - 0.02), min(1.0, high + 0.02)
    step = next((s for s in RATE_STEPS if (high - low) / s <= 6), 0.25)
    bottom = max(0.0, math.floor(low / step + 1e-9) * step)
    top = min(1.0, math.ceil(high / step - 1e-9) * step)
    if top <= bottom:
        top = min(1.0, bottom + step)
        bottom = top - step
    decimals = 0 if step >= 0.01 - 1e-12 else 1
    return Axis(bottom, top, step, lambda v: percent(v, decimals))


def count_axis(values: Sequence[float | None], unit: str = "") -> Axis:
    """An axis from 0 to a round value above the largest (days, minutes)."""
    finite = [v for v in values if v is not None and math.isfinite(v)]
    largest = max(finite, default=0.0)
    if largest <= 0:
        return Axis(0.0, 1.0, 1.0, lambda v: f"{v:g}{unit}")
    rough = largest / 4
    power = 10 ** math.floor(math.log10(rough))
    step = next(f * power for f in (1, 2, 2.5, 5, 10) if f * power >= rough)
    top = math.ceil(largest / step - 1e-9) * step
    return Axis(0.0, top, step, lambda v: f"{v:g}{unit}")


def y_mapper(plot: QRectF, axis: Axis) -> Callable[[float], float]:
    span = axis.high - axis.low or 1.0
    return lambda v: plot.bottom() - plot.height() * (v - axis.low) / span


def axis_width(axis: Axis, metrics: QFontMetrics) -> float:
    return max(metrics.horizontalAdvance(axis.label(t)) for t in axis.ticks()) + 8


def draw_y_axis(painter: QPainter, plot: QRectF, axis: Axis, text: QColor, grid: QColor,
                metrics: QFontMetrics) -> None:
    y_of = y_mapper(plot, axis)
    for tick in axis.ticks():
        y = y_of(tick)
        painter.setPen(QPen(grid, 0.5))
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        painter.setPen(text)
        painter.drawText(QRectF(0, y - metrics.height() / 2, plot.left() - 4, metrics.height()),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, axis.label(tick))


def label_every(labels: Sequence[str], slot: float, metrics: QFontMetrics) -> int:
    """Label every k-th period so that no two labels touch."""
    widest = max((metrics.horizontalAdvance(label) for label in labels), default=0) + 10
    return max(1, math.ceil(widest / max(slot, 1.0)))


def period_margin(labels: Sequence[str], metrics: QFontMetrics) -> float:
    """Room at the right of the plot for half the last period's label, which is always drawn."""
    return max(10.0, metrics.horizontalAdvance(labels[-1]) / 2 + 4) if labels else 10.0


def draw_period_axis(painter: QPainter, plot: QRectF, labels: Sequence[str], text: QColor,
                     metrics: QFontMetrics) -> None:
    """The period labels under the plot, the last one always shown, the others skipped to fit."""
    slot = plot.width() / max(1, len(labels))
    every = label_every(labels, slot, metrics)
    painter.setPen(text)
    last = len(labels) - 1
    for index, label in enumerate(labels):
        if (last - index) % every:
            continue
        centre = plot.left() + slot * (index + 0.5)
        width = slot * every
        painter.drawText(QRectF(centre - width / 2, plot.bottom() + 3, width, metrics.height()),
                         Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                         metrics.elidedText(label, Qt.TextElideMode.ElideRight, int(width)))


@dataclass(frozen=True)
class LegendEntry:
    name: str
    colour: QColor
    style: str = "line"          # "line", "dash", "band", "dot"


def draw_legend(painter: QPainter, area: QRectF, entries: Sequence[LegendEntry], text: QColor,
                metrics: QFontMetrics) -> tuple[float, list[tuple[QRectF, str]]]:
    """Entries in rows from the top left of `area`, wrapped to the next row when one is full, each
    name elided only when it is longer than 260 pixels.
    Returns the height used and a tooltip rectangle per entry (its full name)."""
    if not entries:
        return 0.0, []
    room = max(80.0, min(area.width(), 260.0))
    row_height = metrics.height() + 4
    x, y, tips = area.left(), area.top(), []
    for entry in entries:
        name = metrics.elidedText(entry.name, Qt.TextElideMode.ElideRight, int(room - LEGEND_SWATCH - 14))
        width = LEGEND_SWATCH + 6 + metrics.horizontalAdvance(name) + 14
        if x > area.left() and x + width > area.right():
            x, y = area.left(), y + row_height
        middle = y + row_height / 2
        swatch(painter, QRectF(x, middle - 5, LEGEND_SWATCH, 10), entry)
        painter.setPen(text)
        painter.drawText(QRectF(x + LEGEND_SWATCH + 6, y, width, row_height),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, name)
        tips.append((QRectF(x, y, width, row_height), entry.name))
        x += width
    return y + row_height - area.top(), tips


def swatch(painter: QPainter, rect: QRectF, entry: LegendEntry) -> None:
    painter.save()
    middle = rect.center().y()
    if entry.style == "band":
        fill = QColor(entry.colour)
        fill.setAlpha(60)
        painter.fillRect(rect, fill)
        painter.setPen(QPen(entry.colour, 2))
        painter.drawLine(QPointF(rect.left(), middle), QPointF(rect.right(), middle))
    elif entry.style == "dot":
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(entry.colour)
        painter.drawEllipse(rect.center(), 4, 4)
    else:
        style = Qt.PenStyle.DashLine if entry.style == "dash" else Qt.PenStyle.SolidLine
        painter.setPen(QPen(entry.colour, 2, style))
        painter.drawLine(QPointF(rect.left(), middle), QPointF(rect.right(), middle))
    painter.restore()


def runs(values: Sequence[float | None]) -> list[list[int]]:
    """The indexes of each stretch of consecutive values that are not None (a None is a gap)."""
    found: list[list[int]] = []
    for index, value in enumerate(values):
        if value is None:
            continue
        if found and found[-1][-1] == index - 1:
            found[-1].append(index)
        else:
            found.append([index])
    return found


def polyline(points: Sequence[QPointF]) -> QPainterPath:
    path = QPainterPath(points[0])
    for point in points[1:]:
        path.lineTo(point)
    return path


def tip_box(point: QPointF, radius: float) -> QRectF:
    return QRectF(point.x() - radius, point.y() - radius, 2 * radius, 2 * radius)
