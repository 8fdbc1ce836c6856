"""Two small charts painted with QPainter: compliance by group, and a Pareto of error categories.

Why not QtCharts: it ships in PySide6-Addons, about 120 MB more in the packaged application
than the Essentials it otherwise needs, for two charts that take a couple of hundred lines to
paint. These draw from the palette (so they follow the platform's light or dark colours),
scale with the widget, elide long labels and explain every bar in a tooltip.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

BAR_COLOUR = QColor("#4472C4")
BELOW_COLOUR = QColor("#C0504D")
LINE_COLOUR = QColor("#ED7D31")
TARGET_COLOUR = QColor("#7F7F7F")
LABEL_ANGLE = 40.0
SIN_LABEL = math.sin(math.radians(LABEL_ANGLE))
COS_LABEL = math.cos(math.radians(LABEL_ANGLE))


def nice_step(largest: float) -> float:
    """A round tick step (1, 2 or 5 times a power of ten) giving three or four intervals up to `largest`."""
    if largest <= 0:
        return 1.0
    rough = largest / 4
    power = 10 ** math.floor(math.log10(rough))
    for factor in (1, 2, 5, 10):
        if factor * power >= rough:
            return max(1.0, factor * power)
    return 10 * power


def percent(value: float | None, decimals: int = 1) -> str:
    return "–" if value is None else f"{value * 100:.{decimals}f}%"


@dataclass(frozen=True)
class RateBar:
    """One bar: a rate with its interval (fractions) and the count it rests on."""

    label: str
    rate: float
    low: float
    high: float
    count: int
    below_target: bool = False


@dataclass(frozen=True)
class CountBar:
    label: str
    count: int


class Chart(QWidget):
    """A painted chart: a bold title, the plot below it, a text when there is nothing to plot, and a
    tooltip for each rectangle the plot registers in `_tips` (first match wins)."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.empty_text = ""
        self.bars: list = []
        self._tips: list[tuple[QRectF, str]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(True)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        return QSize(260, 180)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        return QSize(480, 300)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            text = self.tooltip_at(event.pos().x(), event.pos().y())
            if text:
                QToolTip.showText(event.globalPos(), text, self)
                return True
            QToolTip.hideText()
            event.ignore()
            return True
        return super().event(event)

    def tooltip_at(self, x: float, y: float) -> str | None:
        """The tooltip a pointer at (x, y) gets (also for tests and accessibility): the text of every
        mark there, one under the other, so points of several lines that meet are all explained."""
        found = [text for area, text in self._tips if text and area.contains(QPointF(x, y))]
        return "\n".join(dict.fromkeys(found)) or None

    def paintEvent(self, _event: QEvent) -> None:  # noqa: N802 (Qt name)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        area = self._frame(painter)
        self._tips = []
        if not self.has_data():
            self._empty(painter, area)
            return
        palette = self.palette()
        self._plot(painter, area, palette.color(QPalette.ColorRole.WindowText),
                   palette.color(QPalette.ColorRole.Mid), QFontMetrics(painter.font()))

    def has_data(self) -> bool:
        return bool(self.bars)

    def _plot(self, painter: QPainter, area: QRectF, text: QColor, grid: QColor,
              metrics: QFontMetrics) -> None:
        """Draw the chart's own content inside `area` (has_data() is true)."""
        raise NotImplementedError

    def _frame(self, painter: QPainter) -> QRectF:
        """Paints the title; returns the rectangle left for the plot."""
        palette = self.palette()
        painter.setPen(palette.color(QPalette.ColorRole.WindowText))
        font = painter.font()
        font.setBold(True)
        painter.setFont(font)
        metrics = QFontMetrics(font)
        painter.drawText(QRectF(0, 0, self.width(), metrics.height() + 6),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self.title)
        font.setBold(False)
        painter.setFont(font)
        return QRectF(0, metrics.height() + 10, self.width(), self.height() - metrics.height() - 10)

    def _empty(self, painter: QPainter, area: QRectF) -> None:
        painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
        painter.drawText(area, Qt.AlignmentFlag.AlignCenter, self.empty_text)


class ComplianceChart(Chart):
    """Horizontal bars of a rate per group with its 95% interval as whiskers and the target as a line."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.bars: list[RateBar] = []
        self.target: float | None = None
        self.tip_format = "{label}: {rate} (95% {low}–{high}), {count}"
        self.target_tip = "Target %1"

    def set_data(self, bars: list[RateBar], target: float | None) -> None:
        self.bars = list(bars)
        self.target = target
        self.update()

    def _plot(self, painter: QPainter, area: QRectF, text: QColor, grid: QColor,
              metrics: QFontMetrics) -> None:
        label_width = min(max(metrics.horizontalAdvance(b.label) for b in self.bars) + 8, area.width() * 0.35)
        value_width = metrics.horizontalAdvance("100.0%") + 6
        axis_height = metrics.height() + 4
        plot = QRectF(area.left() + label_width, area.top(), area.width() - label_width - value_width,
                      area.height() - axis_height)
        if plot.width() < 20 or plot.height() < 10:
            return

        def x_of(rate: float) -> float:
            return plot.left() + plot.width() * max(0.0, min(1.0, rate))

        for tick in (0.0, 0.25, 0.5, 0.75, 1.0):
            x = x_of(tick)
            painter.setPen(QPen(grid, 0.5))
            painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
            painter.setPen(text)
            painter.drawText(QRectF(x - 30, plot.bottom() + 2, 60, axis_height),
                             Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, percent(tick, 0))
        row = plot.height() / len(self.bars)
        bar_height = max(4.0, min(row * 0.62, 28.0))
        for index, bar in enumerate(self.bars):
            middle = plot.top() + row * (index + 0.5)
            rect = QRectF(plot.left(), middle - bar_height / 2, x_of(bar.rate) - plot.left(), bar_height)
            painter.fillRect(rect, BELOW_COLOUR if bar.below_target else BAR_COLOUR)
            painter.setPen(QPen(text, 1.2))
            low, high = x_of(bar.low), x_of(bar.high)
            painter.drawLine(QPointF(low, middle), QPointF(high, middle))
            for x in (low, high):
                painter.drawLine(QPointF(x, middle - bar_height / 4), QPointF(x, middle + bar_height / 4))
            label = metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight, int(label_width - 8))
            painter.drawText(QRectF(area.left(), middle - row / 2, label_width - 8, row),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label)
            painter.drawText(QRectF(plot.right() + 4, middle - row / 2, value_width, row),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, percent(bar.rate))
            tip = self.tip_format.format(label=bar.label, rate=percent(bar.rate), low=percent(bar.low),
                                         high=percent(bar.high), count=bar.count)
            self._tips.append((QRectF(area.left(), middle - row / 2, area.width(), row), tip))
        if self.target is not None:
            x = x_of(self.target)
            painter.setPen(QPen(TARGET_COLOUR, 1.5, Qt.PenStyle.DashLine))
            painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
            self._tips.insert(0, (QRectF(x - 3, plot.top(), 6, plot.height()),
                                  self.target_tip.replace("%1", percent(self.target, 0))))


class ParetoChart(Chart):
    """Columns of counts, largest first, with the cumulative share as a line on a 0-100% axis."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.bars: list[CountBar] = []
        self.tip_format = "{label}: {count} ({share}; cumulative {cumulative})"

    def set_data(self, bars: list[CountBar]) -> None:
        self.bars = sorted(bars, key=lambda b: -b.count)
        self.update()

    def cumulative(self) -> list[float]:
        total = sum(b.count for b in self.bars)
        result, running = [], 0
        for bar in self.bars:
            running += bar.count
            result.append(running / total if total else 0.0)
        return result

    def _plot(self, painter: QPainter, area: QRectF, text: QColor, grid: QColor,
              metrics: QFontMetrics) -> None:
        step = nice_step(max(b.count for b in self.bars))
        top_count = step * 4 if max(b.count for b in self.bars) > step * 3 else step * 3
        left = metrics.horizontalAdvance(str(top_count)) + 8
        right = metrics.horizontalAdvance("100%") + 8
        # Category names run down-left at 40 degrees under their bars, as in a spreadsheet's Pareto chart.
        widest = max(metrics.horizontalAdvance(b.label) for b in self.bars)
        label_height = min(widest * SIN_LABEL + metrics.height(), area.height() * 0.38)
        plot = QRectF(area.left() + left, area.top() + 4, area.width() - left - right,
                      area.height() - label_height - 8)
        if plot.width() < 20 or plot.height() < 10:
            return
        ticks = [step * i for i in range(int(top_count / step) + 1)]
        for value in ticks:
            y = plot.bottom() - plot.height() * value / top_count
            painter.setPen(QPen(grid, 0.5))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(text)
            painter.drawText(QRectF(area.left(), y - metrics.height() / 2, left - 4, metrics.height()),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, f"{value:g}")
        for share in (0.0, 0.5, 1.0):
            y = plot.bottom() - plot.height() * share
            painter.drawText(QRectF(plot.right() + 4, y - metrics.height() / 2, right, metrics.height()),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, percent(share, 0))
        slot = plot.width() / len(self.bars)
        width = max(3.0, slot * 0.7)
        cumulative = self.cumulative()
        total = sum(b.count for b in self.bars)
        longest = int((label_height - metrics.height()) / SIN_LABEL)
        points = []
        for index, bar in enumerate(self.bars):
            centre = plot.left() + slot * (index + 0.5)
            height = plot.height() * bar.count / top_count
            painter.fillRect(QRectF(centre - width / 2, plot.bottom() - height, width, height), BAR_COLOUR)
            points.append(QPointF(centre, plot.bottom() - plot.height() * cumulative[index]))
            painter.save()
            painter.setPen(text)
            painter.translate(centre + metrics.height() / 3, plot.bottom() + 4)
            painter.rotate(-LABEL_ANGLE)
            room = min(longest, (centre - area.left()) / COS_LABEL)     # the first labels must not leave the widget
            label = metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight, int(max(room, 20)))
            painter.drawText(QRectF(-metrics.horizontalAdvance(label) - 2, 0, metrics.horizontalAdvance(label) + 2,
                                    metrics.height()), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, label)
            painter.restore()
            tip = self.tip_format.format(label=bar.label, count=bar.count, share=percent(bar.count / total),
                                         cumulative=percent(cumulative[index]))
            self._tips.append((QRectF(centre - slot / 2, area.top(), slot, area.height()), tip))
        path = QPainterPath(points[0])
        for point in points[1:]:
            path.lineTo(point)
        painter.setPen(QPen(LINE_COLOUR, 2))
        painter.drawPath(path)
        painter.setBrush(LINE_COLOUR)
        for point in points:
            painter.drawEllipse(point, 3, 3)
        y = plot.bottom() - plot.height() * 0.8      # the 80% line of the Pareto principle
        painter.setPen(QPen(TARGET_COLOUR, 1, Qt.PenStyle.DotLine))
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
