"""Native Excel charts of the Summary sheet, over the figure blocks written beside them.

openpyxl writes them as DrawingML charts, so Excel (and LibreOffice) draw, restyle and copy
them like charts made by hand: no pictures.
"""
from __future__ import annotations

from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.chart.data_source import AxDataSource, NumDataSource, NumRef, StrRef
from openpyxl.chart.error_bar import ErrorBars
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.worksheet import Worksheet

CM_PER_ROW = 0.5
CHART_WIDTH = 10.5     # cm: the Summary's columns G..K, beside the page-1 figures


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
    # Labels are text: a string reference, not openpyxl's default number reference.
    for series in chart.series:
        series.cat = AxDataSource(strRef=StrRef(f=_ref(sheet, column, first_row, last_row)))


def _show_axes(*axes) -> None:
    # openpyxl 3.1 marks axes deleted unless told otherwise; Excel then hides them.
    for axis in axes:
        axis.delete = False


def compliance_bar_chart(sheet: Worksheet, *, title: str, axis_title: str, header_row: int, last_row: int,
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
    chart.y_axis.title = axis_title
    chart.x_axis.axPos = "l"
    chart.y_axis.axPos = "b"
    _show_axes(chart.x_axis, chart.y_axis)
    chart.visible_cells_only = False     # the interval columns are hidden on the sheet
    chart.width = CHART_WIDTH
    chart.height = min(9.0, max(6.0, 2.5 + CM_PER_ROW * count))   # both charts fit beside page 1
    return chart


def pareto_chart(sheet: Worksheet, *, title: str, count_title: str, header_row: int, last_row: int,
                 label_column: int, count_column: int, cumulative_column: int) -> BarChart:
    """Columns of findings per category, largest first, with the cumulative share as a line."""
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
    bars.width = CHART_WIDTH
    bars.height = 9.0
    return bars
