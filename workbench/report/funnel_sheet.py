"""The Funnel sheet of the workbook (issue 16), in the interface language: every department and examiner
with its reviewed cases, compliance rate, z-score, the 95% and 99.8% limits at its own number of reviewed
cases and its position in words, sorted by name (never by rate); two native scatter charts, the units as
points and the limits as lines; and, below the printed area, the limits the charts draw.

Every number comes from workbench.report.funnels (UnitFunnel); this module only lays it out, on one
grid of columns (workbench.report.excel_grid), fitted to one page wide.
"""
from __future__ import annotations

from typing import Any

from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from workbench.report.excel_cells import INTEGER_FORMAT, PERCENT_FORMAT, styled
from workbench.report.excel_charts import funnel_chart
from workbench.report.excel_grid import TOP, WRAP_TOP, Grid, column_at
from workbench.report.excel_print import page_setup, print_range
from workbench.report.funnels import UnitFunnel
from workbench.report.trend_words import POSITIONS, W
from workbench.review.checklists import Text
from workbench.stats.funnel import ABOVE_ALARM, ABOVE_ALERT, BELOW_ALARM, BELOW_ALERT, FunnelUnit

# Department, examiner, reviewed, compliant, rate, z, 95% low and high, 99.8% low and high, position.
WIDTHS = (22.0, 14.0, 9.0, 9.0, 8.0, 7.0, 8.0, 8.0, 8.0, 8.0, 22.0)
LAST = len(WIDTHS)
Z_FORMAT = "0.00"
CHART_CM = 11.5
CHART_ROWS = 18                  # rows kept free below the departments for the two charts (8 cm)
PAGE_ROWS = 34                   # about the rows of one printed page at this sheet's scale
CURVE_COLUMN = 3                 # the limits below the printed area: n in C, then target and the four limits
POSITION_STYLES = {BELOW_ALARM: ("FFC7CE", "9C0006"), BELOW_ALERT: ("FFEB9C", "9C5700"),
                   ABOVE_ALERT: ("C6EFCE", "006100"), ABOVE_ALARM: ("C6EFCE", "006100")}


def position_cell(sheet: Worksheet, code: str, language: str) -> Cell:
    """A position in words, coloured beyond a 95% limit (the By department and By examiner sheets use the
    words alone)."""
    cell = styled(sheet, POSITIONS[code].get(language), alignment=WRAP_TOP)
    if code in POSITION_STYLES:
        fill, colour = POSITION_STYLES[code]
        cell.fill = PatternFill("solid", fgColor=fill)
        cell.font = Font(color=colour)
    return cell


def write_funnel(sheet: Worksheet, departments: UnitFunnel, examiners: UnitFunnel, language: str) -> int:
    """The Funnel sheet; returns how many charts it holds."""
    for index, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    page_setup(sheet, fit_width=True)          # before the first row: a write-only sheet writes it with it
    g = Grid(sheet, language, WIDTHS, LAST)
    g.title(g.t(W["funnel_title"]))
    g.blank()
    _facts(g, departments, examiners)
    g.blank()
    if departments.target is None:
        g.note(g.t(W["no_units"]))
        print_range(sheet, columns=LAST, rows=g.row)
        return 0
    g.note(g.t(W["funnel_note"]))
    g.blank()
    department_rows = _table(g, departments, W["departments"])
    g.blank()
    if g.row + CHART_ROWS > PAGE_ROWS:        # the charts would run over the page's foot: a page of their own
        g.page_break()
    chart_row = g.row + 1
    for _ in range(CHART_ROWS):
        g.blank()
    examiner_rows = _table(g, examiners, W["examiners"])
    print_range(sheet, columns=LAST, rows=g.row)
    g.blank()
    g.blank()
    g.section(W["curve"])
    curves = [_curve(g, f, label) for f, label in ((departments, W["departments"]), (examiners, W["examiners"]))]
    _charts(g, chart_row, ((department_rows, curves[0], W["chart_departments"], W["departments"]),
                           (examiner_rows, curves[1], W["chart_examiners"], W["examiners"])))
    return 2


def fact(g: Grid, label: Text | str, value: Any) -> None:
    """A label over two columns and its value across the rest of the grid (wide enough not to wrap)."""
    if isinstance(value, Cell):
        value.alignment = Alignment(horizontal="left", vertical="top", wrap_text=isinstance(value.value, str))
    g.add([(g.label(label, alignment=TOP), 2), (value, g.columns - 2)])


def _facts(g: Grid, departments: UnitFunnel, examiners: UnitFunnel) -> None:
    fact(g, W["funnel_target"], g.num(departments.target, PERCENT_FORMAT))
    fact(g, W["funnel_method"], g.label(W["funnel_method_value"]))
    for f, unit in ((departments, W["department_unit"]), (examiners, W["examiner_unit"])):
        phi = f.funnel.overdispersion.phi
        opening, closing = ("（", "）") if g.language == "zh" else (" (", ")")
        value = g.label(f"{phi:.2f}{opening}{g.t(W['phi_note'])}{closing}" if phi is not None else g.t(W["phi_none"]))
        fact(g, g.t(W["phi"], unit=g.t(unit)), value)
    fact(g, W["outside_count"], g.label(W["outside_value"], departments=len(departments.outside),
                                        department_total=len(departments.keys), examiners=len(examiners.outside),
                                        examiner_total=len(examiners.keys)))


def _table(g: Grid, f: UnitFunnel, title: Text) -> tuple[int, int]:
    """One row per unit, in the report's order (by name). Returns the first and last data rows."""
    g.section(title)
    keys = [(W["department"], 2)] if f.unit == "department" else [(W["department"], 1), (W["examiner"], 1)]
    g.header_pair([*keys, (W["reviewed"], 1), (W["compliant"], 1), (W["rate"], 1), (W["z"], 1)],
                  [(W["limits_95"], ((W["limit_low"], 1), (W["limit_high"], 1))),
                   (W["limits_998"], ((W["limit_low"], 1), (W["limit_high"], 1)))], [(W["position"], 1)])
    first = g.row + 1
    for key, unit in f.rows:
        names = [(g.data(key[0] or g.t(W["no_department"])), 2)] if f.unit == "department" else \
            [(g.data(key[0] or g.t(W["no_department"])), 1), (g.data(key[1]), 1)]
        g.body([*names, *_unit_figures(g, unit)])
    return first, g.row


def _unit_figures(g: Grid, u: FunnelUnit) -> list[tuple[Any, int]]:
    limits = u.limits
    bounds = (limits.low_95, limits.high_95, limits.low_998, limits.high_998) if limits else (None,) * 4
    return [(g.num(u.n, INTEGER_FORMAT), 1), (g.num(u.x, INTEGER_FORMAT), 1), (g.num(u.rate, PERCENT_FORMAT), 1),
            (g.num(u.z, Z_FORMAT), 1), *((g.num(b, PERCENT_FORMAT), 1) for b in bounds),
            (position_cell(g.sheet, u.position, g.language), 1)]


def _curve(g: Grid, f: UnitFunnel, title: Text) -> tuple[int, int]:
    """The limits at every size the chart draws, below the printed area. Returns its first and last rows."""
    g.add([(g.label(title), 2), (g.label(W["n"]), 1), (g.label(W["chart_target"]), 1), (g.label(W["low_95"]), 1),
           (g.label(W["high_95"]), 1), (g.label(W["low_998"]), 1), (g.label(W["high_998"]), 1)])
    first = g.row + 1
    for limits in f.funnel.curve():
        g.add([(None, 2), (g.num(limits.n, INTEGER_FORMAT), 1), (g.num(limits.target, PERCENT_FORMAT), 1),
               *((g.num(v, PERCENT_FORMAT), 1) for v in (limits.low_95, limits.high_95, limits.low_998,
                                                          limits.high_998))])
    return first, max(first, g.row)


def _charts(g: Grid, row: int, charts: tuple[tuple[tuple[int, int], tuple[int, int], Text, Text], ...]) -> None:
    """The departments' and the examiners' funnel plots side by side."""
    column = 1
    for (first, last), (curve_first, curve_last), title, units in charts:
        titles = {"units": g.t(units), "target": g.t(W["chart_target"]), "95": g.t(W["limits_95"]),
                  "99.8": g.t(W["limits_998"])}
        chart = funnel_chart(g.sheet, g.values, title=g.t(title), x_title=g.t(W["chart_x"]),
                             y_title=g.t(W["compliance"]), units=(3, 5, first, last),
                             curve=(CURVE_COLUMN, curve_first, curve_last), series_titles=titles, width=CHART_CM)
        g.sheet.add_chart(chart, f"{get_column_letter(column)}{row}")
        column = column_at(g.widths, CHART_CM + 0.5)
