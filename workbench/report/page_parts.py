"""What a caller hands the PDF pages (`report.pdf`), free of Qt so the layout of a document can be
written, and imported, without loading Qt: table columns and chart bars."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    """A table column: its header, its share of the text width, right alignment for numbers, and
    bold cells (the labels of a table of label-value pairs)."""

    header: str
    width: float
    numeric: bool = False
    bold: bool = False


@dataclass(frozen=True)
class Bar:
    """One bar of a chart: a value (a rate 0..1 or a count) with an optional interval around it."""

    label: str
    value: float
    low: float | None = None
    high: float | None = None
    text: str = ""                      # printed after the bar
