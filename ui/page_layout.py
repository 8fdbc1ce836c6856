"""The layout the Dashboard's chart pages share: a bar of choosers on top, then the chart and a side
column (a title, notes, a table) in a splitter that gives the chart three quarters of the room and
never lets either part collapse."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QSplitter, QVBoxLayout, QWidget


def chart_with_side(page: QWidget, bar: QHBoxLayout, chart: QWidget, side: list[tuple[QWidget, int]],
                    orientation: Qt.Orientation, sizes: tuple[int, int]) -> QSplitter:
    """Lay out `page`: `bar`, then `chart` beside (or above) a column of `side` widgets, each with its
    stretch. `sizes` are the splitter's starting sizes of the chart and the column."""
    column_widget = QWidget()
    column = QVBoxLayout(column_widget)
    column.setContentsMargins(0, 0, 0, 0)
    for widget, stretch in side:
        column.addWidget(widget, stretch)
    split = QSplitter(orientation)
    split.addWidget(chart)
    split.addWidget(column_widget)
    split.setStretchFactor(0, 3)
    split.setStretchFactor(1, 1)
    split.setSizes(list(sizes))
    split.setChildrenCollapsible(False)
    layout = QVBoxLayout(page)
    layout.addLayout(bar)
    layout.addWidget(split, 1)
    return split
