"""Around the Dashboard's charts: a legend of their marks, and "Copy chart" / "Save chart as PNG...".

The legend draws the same marks the charts paint (ui/charts.py colours), so "red bar" and "dashed
line" need no words of statistics. Copy and Save are in each chart's context menu and as two small
buttons under it.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, Qt
from PySide6.QtGui import QAction, QGuiApplication, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from ui import dialogs
from ui.charts import BAR_COLOUR, BELOW_COLOUR, TARGET_COLOUR, Chart
from ui.file_dialogs import EXPORTS

SWATCH = (26, 14)
translate = QCoreApplication.translate


def _swatch(kind: str) -> QPixmap:
    width, height = SWATCH
    pixmap = QPixmap(width, height)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    if kind == "target":
        painter.setPen(QPen(TARGET_COLOUR, 2, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(width / 2, 0), QPointF(width / 2, height))
    elif kind == "interval":
        painter.setPen(QPen(Qt.GlobalColor.black, 1.2))
        painter.drawLine(QPointF(3, height / 2), QPointF(width - 3, height / 2))
        painter.drawLine(QPointF(3, 3), QPointF(3, height - 3))
        painter.drawLine(QPointF(width - 3, 3), QPointF(width - 3, height - 3))
    else:
        painter.fillRect(2, 2, width - 4, height - 4, BELOW_COLOUR if kind == "below" else BAR_COLOUR)
    painter.end()
    return pixmap


class ChartLegend(QWidget):
    """One line: what the bar colours, the whiskers and the dashed line mean."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chart-legend")
        entries = (("bar", self.tr("Compliance rate of the department")),
                   ("below", self.tr("Below target (even the top of its 95% interval)")),
                   ("interval", self.tr("95% interval: the rate is likely inside")),
                   ("target", self.tr("Target")))
        row = QHBoxLayout(self)
        row.setContentsMargins(4, 0, 4, 0)
        row.setSpacing(6)
        self.texts: list[str] = []
        for kind, text in entries:
            icon = QLabel()
            icon.setPixmap(_swatch(kind))
            row.addWidget(icon)
            row.addWidget(QLabel(text))
            row.addSpacing(12)
            self.texts.append(text)
        row.addStretch(1)


class ChartTools:
    """Copy and Save as PNG for one chart: context-menu actions and the buttons that trigger them."""

    def __init__(self, chart: Chart, file_stem: str) -> None:
        self.chart, self.file_stem = chart, file_stem
        self.copy_action = QAction(translate("ChartTools", "Copy chart"), chart)
        self.save_action = QAction(translate("ChartTools", "Save chart as PNG..."), chart)
        self.copy_action.triggered.connect(self.copy)
        self.save_action.triggered.connect(self.save)
        chart.addAction(self.copy_action)
        chart.addAction(self.save_action)
        chart.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    def copy(self) -> None:
        QGuiApplication.clipboard().setImage(self.chart.grab().toImage())

    def save(self) -> str | None:
        path = dialogs.save_file(self.chart, translate("ChartTools", "Save chart as PNG..."), "PNG image (*.png)",
                                 f"{self.file_stem}.png", kind=EXPORTS)
        if not path:
            return None
        if not path.lower().endswith(".png"):
            path += ".png"
        if not self.chart.grab().save(path, "PNG"):
            dialogs.error(self.chart, translate("ChartTools", "Save chart as PNG..."),
                          translate("ChartTools", "Could not write %1.").replace("%1", path))
            return None
        return path

    def framed(self) -> QWidget:
        """The chart with its two buttons under it, right-aligned."""
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.chart, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for action in (self.copy_action, self.save_action):
            button = QToolButton()
            button.setDefaultAction(action)
            button.setAutoRaise(True)
            buttons.addWidget(button)
        layout.addLayout(buttons)
        return box
