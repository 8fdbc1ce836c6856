"""Native Excel charts of the Summary sheet, over the figure blocks written beside them.

openpyxl writes them as DrawingML charts, so Excel (and LibreOffice) draw, restyle and copy
them like charts made by hand: no pictures.
"""
from __future__ import annotations

import math
import unicodedata
from typing import Any, Mapping

from openpyxl.chart import BarChart, LineChart, Reference, ScatterChart, Series
from openpyxl.chart.legend import LegendEntry
from openpyxl.chart.shapes import GraphicalProperties
from openpyxl.chart.data_source import AxDataSource, NumData, NumDataSource, NumRef, NumVal, StrData, StrRef, StrVal
from openpyxl.chart.error_bar import ErrorBars
from openpyxl.chart.text import RichText
from openpyxl.drawing.text import CharacterProperties, Paragraph, ParagraphProperties, RichTextProperties
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.utils.cell import range_boundaries
from openpyxl.worksheet.worksheet import Worksheet

# What the sheet's cells hold, by (row, column): the Summary is a write-only sheet, not read back.
CellValues = Mapping[tuple[int, int], Any]

CM_PER_ROW = 0.5
CHART_WIDTH = 10.5     # cm: the Summary's columns G..K, beside the page-1 figures
TITLE_SIZE = 1100      # hundredths of a point: 11 pt titles instead of the 18 pt default
AXIS_TITLE_SIZE = 900
LABEL_SIZE = 800       # tick labels and legend
LABEL_CHARS = 16       # a longer category label is shortened on the chart (the table keeps it whole)


class _ErrorBars(ErrorBars):
    """openpyxl 3.1 writes <minus> before <plus>; the schema (CT_ErrBars) and Excel want plus first."""

    tagname = "errBars"
    __attrs__ = ErrorBars.__attrs__
    __nested__ = ErrorBars.__nested__
    __elements__ = ("errDir", "errBarType", "errValType", "noEndCap", "plus", "minus", "val", "spPr")


def _ref(sheet: Worksheet, column: int, first_row: int, last_row: int) -> str:
    letter = get_column_letter(column)
    return f"{quote_sheetname(sheet.title)}!${letter}${first_row}:${letter}${last_row}"


def _text_categories(chart: BarChart, sheet: Worksheet, column: int, first_row: int, last_row: int) -> None:
    # Labels are text: a string reference, not openpyxl's default number reference. (A literal list of
    # shortened labels would keep the cells apart, but LibreOffice shows literals as 1, 2, 3...)
    for series in _all_series(chart):
        series.cat = AxDataSource(strRef=StrRef(f=_ref(sheet, column, first_row, last_row)))


def _all_series(chart: BarChart) -> list:
    # A combined chart (bars += line) keeps the line's series in the chart it was added from.
    return [*chart.series, *[s for c in getattr(chart, "_charts", [])[1:] for s in c.series]]


def _show_axes(*axes) -> None:
    # openpyxl 3.1 marks axes deleted unless told otherwise; Excel then hides them.
    for axis in axes:
        axis.delete = False


def compliance_bar_chart(sheet: Worksheet, values: CellValues, *, title: str, axis_title: str, header_row: int, last_row: int,
                         label_column: int, rate_column: int, minus_column: int, plus_column: int) -> BarChart:
    """Horizontal bars of the compliance rate per group, with the 95% interval as error bars."""
    count = last_row - header_row
    chart = BarChart()
    chart.type = "bar"
    chart.style = 10
    chart.title = title
    chart.legend = None
    chart.gapWidth = 60
    chart.add_data(Reference(sheet, min_col=rate_column, min_row=header_row, max_row=last_row),
                   titles_from_data=True)
    _text_categories(chart, sheet, label_column, header_row + 1, last_row)
    # Office writes errDir y for any chart with categories, whichever way its bars go.
    chart.series[0].errBars = _ErrorBars(
        errDir="y", errBarType="both", errValType="cust", noEndCap=False,
        plus=NumDataSource(numRef=NumRef(f=_ref(sheet, plus_column, header_row + 1, last_row))),
        minus=NumDataSource(numRef=NumRef(f=_ref(sheet, minus_column, header_row + 1, last_row))))
    chart.x_axis.scaling.orientation = "maxMin"     # the first row of the block at the top
    chart.y_axis.crosses = "max"                     # ...and the value axis still at the bottom
    chart.y_axis.scaling.min = 0.0
    chart.y_axis.scaling.max = 1.0
    chart.y_axis.number_format = "0%"
    chart.y_axis.majorUnit = 0.2                     # six labels that fit upright across 10 cm
    chart.y_axis.title = axis_title
    chart.x_axis.axPos = "l"
    chart.y_axis.axPos = "b"
    _show_axes(chart.x_axis, chart.y_axis)
    chart.visible_cells_only = False     # the interval columns are hidden on the sheet
    fill_caches(chart, values)
    size_text(chart, (chart.x_axis, chart.y_axis))
    chart.width = CHART_WIDTH
    chart.height = min(9.0, max(6.0, 2.5 + CM_PER_ROW * count))   # both charts fit beside page 1
    return chart


def pareto_chart(sheet: Worksheet, values: CellValues, *, title: str, count_title: str, header_row: int, last_row: int,
                 label_column: int, count_column: int, cumulative_column: int) -> BarChart:
    """Columns of findings per category, largest first, with the cumulative share as a line; `label_column`
    holds the labels as the chart shows them (`short_label`: the table keeps the full text)."""
    bars = BarChart()
    bars.type = "col"
    bars.style = 10
    bars.title = title
    bars.gapWidth = 40
    bars.add_data(Reference(sheet, min_col=count_column, min_row=header_row, max_row=last_row),
                  titles_from_data=True)
    bars.y_axis.title = count_title
    bars.y_axis.scaling.min = 0.0
    bars.x_axis.axPos = "b"
    bars.y_axis.axPos = "l"
    line = LineChart()
    line.add_data(Reference(sheet, min_col=cumulative_column, min_row=header_row, max_row=last_row),
                  titles_from_data=True)
    line.y_axis.axId = 200
    line.y_axis.scaling.min = 0.0
    line.y_axis.scaling.max = 1.0
    line.y_axis.number_format = "0%"
    line.y_axis.crosses = "max"                      # the cumulative share on the right-hand axis
    line.y_axis.axPos = "r"
    line.y_axis.majorGridlines = None
    _show_axes(bars.x_axis, bars.y_axis, line.y_axis)
    bars += line
    _text_categories(bars, sheet, label_column, header_row + 1, last_row)
    bars.legend.position = "b"
    bars.visible_cells_only = False      # the short labels are in a hidden column
    fill_caches(bars, values)
    size_text(bars, (bars.x_axis, bars.y_axis, line.y_axis))
    # Upright labels: at 45 degrees (LibreOffice's choice) many categories overlap and squeeze the plot.
    bars.x_axis.txPr = _text(LABEL_SIZE, rotation=-5400000)
    bars.width = CHART_WIDTH
    bars.height = 9.0
    return bars


def line_chart(sheet: Worksheet, values: CellValues, *, title: str, axis_title: str, header_row: int, last_row: int,
               label_column: int, series_columns: tuple[int, ...], width: float = CHART_WIDTH,
               height: float = 7.5) -> LineChart:
    """Lines with markers across the rows from `header_row` + 1 to `last_row` (the calibration rounds,
    oldest first): one series per column, named by its header cell, on a 0%-based value axis."""
    chart = LineChart()
    chart.title = title
    for column in series_columns:
        chart.add_data(Reference(sheet, min_col=column, min_row=header_row, max_row=last_row),
                       titles_from_data=True)
    for series in chart.series:
        series.smooth = False
        series.marker.symbol = "circle"
        series.marker.size = 6
    _text_categories(chart, sheet, label_column, header_row + 1, last_row)
    chart.y_axis.scaling.min = 0.0
    chart.y_axis.number_format = "0%"
    chart.y_axis.title = axis_title
    chart.x_axis.axPos = "b"
    chart.y_axis.axPos = "l"
    _show_axes(chart.x_axis, chart.y_axis)
    chart.legend.position = "b"
    chart.visible_cells_only = False
    fill_caches(chart, values)
    size_text(chart, (chart.x_axis, chart.y_axis))
    chart.width = width
    chart.height = height
    return chart


# -- cached values and text sizes ----------------------------------------------------------------

def _cells(values: CellValues, formula: str) -> list:
    """The values of the cells a chart reference names (one column of the sheet)."""
    min_col, min_row, max_col, max_row = range_boundaries(formula.split("!")[-1])
    return [values.get((r, c)) for r in range(min_row, max_row + 1) for c in range(min_col, max_col + 1)]


def _num_cache(values: CellValues, ref: NumRef) -> None:
    cells = _cells(values, ref.f)
    ref.numCache = NumData(formatCode="General", ptCount=len(cells), pt=[
        NumVal(idx=i, v=v) for i, v in enumerate(cells) if isinstance(v, (int, float)) and not isinstance(v, bool)])


def _str_cache(values: CellValues, ref: StrRef) -> None:
    cells = _cells(values, ref.f)
    ref.strCache = StrData(ptCount=len(cells), pt=[StrVal(idx=i, v=str(v)) for i, v in enumerate(cells) if v is not None])


def _width(text: str) -> int:
    # A Chinese character takes about two Latin letters' width.
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _cut(text: str, limit: int) -> str:
    """Text cut to about `limit` Latin letters' width, with "…"."""
    text = " ".join(text.split())
    if _width(text) <= limit:
        return text
    cut = ""
    for ch in text:
        if _width(cut + ch) > limit - 1:
            break
        cut += ch
    if " " in cut[-4:]:      # end at a word when one ends near the cut; otherwise keep the letters
        cut = cut[:cut.rindex(" ")]
    return cut.rstrip(" ,;:-–") + "…"


def short_label(text: str, limit: int = LABEL_CHARS) -> str:
    """A category label short enough for the chart. "Category (Checklist: stage)" keeps both parts, the
    checklist by its name before the colon, so categories of different checklists stay apart."""
    text = " ".join(text.split())
    if _width(text) <= limit:
        return text
    for opening, closing in (("(", ")"), ("（", "）")):
        if text.endswith(closing) and opening in text:
            head, tail = text[:-1].rsplit(opening, 1)
            tail = tail.replace("：", ":").split(":")[0].strip()
            space = " " if opening == "(" else ""
            return f"{_cut(head.strip(), limit)}{space}{opening}{_cut(tail, 9 if space else 6)}{closing}"
    return _cut(text, limit)


def fill_caches(chart: BarChart, values: CellValues) -> None:
    """Cached points from the cells behind every series, so previewers that do not recalculate
    (Quick Look, mail and file-manager thumbnails) draw the chart, not an empty frame."""
    for series in _all_series(chart):
        if series.tx is not None and series.tx.strRef is not None:
            _str_cache(values, series.tx.strRef)
        if series.val is not None and series.val.numRef is not None:
            _num_cache(values, series.val.numRef)
        if series.cat is not None and series.cat.strRef is not None:
            _str_cache(values, series.cat.strRef)
        bars = series.errBars
        for source in (bars.plus, bars.minus) if bars is not None else ():
            if source is not None and source.numRef is not None:
                _num_cache(values, source.numRef)


def _text(size: int, bold: bool = False, rotation: int | None = None) -> RichText:
    props = CharacterProperties(sz=size, b=bold)
    return RichText(bodyPr=RichTextProperties(rot=rotation, vert="horz") if rotation is not None else None,
                    p=[Paragraph(pPr=ParagraphProperties(defRPr=props), endParaRPr=props)])


def _size_title(title, size: int) -> None:
    for paragraph in title.tx.rich.p:
        paragraph.pPr = ParagraphProperties(defRPr=CharacterProperties(sz=size, b=True))
        for run in paragraph.r or []:
            run.rPr = CharacterProperties(sz=size, b=True)


def size_text(chart: BarChart, axes: tuple) -> None:
    """An 11 pt title, 9 pt axis titles and 8 pt labels: the defaults (18 and 10 pt) crowd a 10 cm chart."""
    if chart.title is not None:
        _size_title(chart.title, TITLE_SIZE)
    for axis in axes:
        axis.txPr = _text(LABEL_SIZE)
        if axis.title is not None:
            _size_title(axis.title, AXIS_TITLE_SIZE)
    if chart.legend is not None:
        chart.legend.txPr = _text(LABEL_SIZE)


# -- the Trend and Funnel sheets' charts ---------------------------------------------------------

INTERVAL_COLOUR = "8EA9DB"
RATE_COLOUR = "1F3864"
LIMIT_95_COLOUR = "ED7D31"
LIMIT_998_COLOUR = "C00000"
UNIT_COLOUR = "4472C4"


def _line_style(series, colour: str, *, dash: str | None = None, width: int = 19050, marker: bool = False) -> None:
    """A coloured line (EMU width; 19050 = 1.5 pt), dashed or solid, with or without markers."""
    series.smooth = False
    series.graphicalProperties.line.solidFill = colour
    series.graphicalProperties.line.width = width
    if dash:
        series.graphicalProperties.line.dashStyle = dash
    series.marker.symbol = "circle" if marker else "none"
    if marker:
        series.marker.size = 5
        series.marker.graphicalProperties = GraphicalProperties(solidFill=colour)
        series.marker.graphicalProperties.line.solidFill = colour


def _axis_floor(values: list[float], floor: float = 0.0) -> float:
    """An axis minimum a little below the lowest value, on a step of 10%."""
    lowest = min(values, default=floor)
    return max(floor, math.floor((lowest - 0.02) * 10) / 10)


def band_chart(sheet: Worksheet, values: CellValues, *, title: str, axis_title: str, header_row: int, last_row: int,
               label_column: int, rate_column: int, low_column: int, high_column: int,
               width: float = 18.0, height: float = 7.5) -> LineChart:
    """A rate per category (period) as a line with markers, and its interval's low and high bounds as two
    dashed lines; a category without a value is a gap."""
    chart = line_chart(sheet, values, title=title, axis_title=axis_title, header_row=header_row, last_row=last_row,
                       label_column=label_column, series_columns=(rate_column, low_column, high_column),
                       width=width, height=height)
    rate, low, high = chart.series
    _line_style(rate, RATE_COLOUR, width=25400, marker=True)
    _line_style(low, INTERVAL_COLOUR, dash="dash")
    _line_style(high, INTERVAL_COLOUR, dash="dash")
    chart.display_blanks = "gap"
    plotted = [v for (r, c), v in values.items() if header_row < r <= last_row and c in (rate_column, low_column)
               and isinstance(v, (int, float))]
    chart.y_axis.scaling.min = _axis_floor(plotted)
    chart.y_axis.scaling.max = 1.0
    chart.y_axis.majorUnit = 0.1 if chart.y_axis.scaling.min >= 0.5 else 0.2
    if last_row - header_row > 12:       # many periods: upright labels, as the Pareto chart's
        chart.x_axis.txPr = _text(LABEL_SIZE, rotation=-5400000)
    return chart


def _scatter_series(sheet: Worksheet, x_column: int, y_column: int, first_row: int, last_row: int,
                    title: str):
    xs = Reference(sheet, min_col=x_column, min_row=first_row, max_row=last_row)
    ys = Reference(sheet, min_col=y_column, min_row=first_row, max_row=last_row)
    series = Series(ys, xs, title=title)
    return series


def funnel_chart(sheet: Worksheet, values: CellValues, *, title: str, x_title: str, y_title: str,
                 units: tuple[int, int, int, int], curve: tuple[int, int, int], series_titles: Mapping[str, str],
                 width: float = 13.0, height: float = 8.0) -> ScatterChart:
    """A funnel plot: the units as points (`units`: x column, y column, first and last row) and the
    centre line and the 95% and 99.8% limits as lines (`curve`: first column of n, target, 95% low,
    95% high, 99.8% low, 99.8% high, then its first and last row). `series_titles` names the series
    "units", "target", "95" and "99.8"; each limit's pair shows once in the legend."""
    chart = ScatterChart()
    chart.title = title
    chart.style = 13
    x_col, y_col, first, last = units
    column, curve_first, curve_last = curve
    points = _scatter_series(sheet, x_col, y_col, first, last, series_titles["units"])
    points.graphicalProperties.line.noFill = True
    points.marker.symbol = "circle"
    points.marker.size = 6
    points.marker.graphicalProperties = GraphicalProperties(solidFill=UNIT_COLOUR)
    points.marker.graphicalProperties.line.solidFill = UNIT_COLOUR
    chart.series.append(points)
    styles = (("target", 1, "808080", None), ("95", 2, LIMIT_95_COLOUR, "dash"), ("95", 3, LIMIT_95_COLOUR, "dash"),
              ("99.8", 4, LIMIT_998_COLOUR, None), ("99.8", 5, LIMIT_998_COLOUR, None))
    for key, offset, colour, dash in styles:
        line = _scatter_series(sheet, column, column + offset, curve_first, curve_last, series_titles[key])
        _line_style(line, colour, dash=dash, width=15875)
        chart.series.append(line)
    chart.legend.position = "b"
    chart.legend.legendEntry = [LegendEntry(idx=3, delete=True), LegendEntry(idx=5, delete=True)]
    ys = [v for (r, c), v in values.items() if first <= r <= last and c == y_col and isinstance(v, (int, float))]
    chart.y_axis.scaling.min = _axis_floor(ys, 0.0)
    chart.y_axis.scaling.max = 1.0
    chart.y_axis.number_format = "0%"
    chart.y_axis.majorUnit = 0.1 if chart.y_axis.scaling.min >= 0.5 else 0.2
    chart.y_axis.title = y_title
    chart.x_axis.title = x_title
    chart.x_axis.scaling.min = 0
    chart.x_axis.number_format = "#,##0"
    chart.x_axis.axPos = "b"
    chart.y_axis.axPos = "l"
    _show_axes(chart.x_axis, chart.y_axis)
    chart.visible_cells_only = False
    _scatter_caches(chart, values)
    size_text(chart, (chart.x_axis, chart.y_axis))
    chart.width = width
    chart.height = height
    return chart


def _scatter_caches(chart: ScatterChart, values: CellValues) -> None:
    """Cached points of a scatter chart, as `fill_caches` gives a line or bar chart's."""
    for series in chart.series:
        if series.tx is not None and series.tx.strRef is not None:
            _str_cache(values, series.tx.strRef)
        if series.xVal is not None and series.xVal.numRef is not None:
            _num_cache(values, series.xVal.numRef)
        if series.yVal is not None and series.yVal.numRef is not None:
            _num_cache(values, series.yVal.numRef)
