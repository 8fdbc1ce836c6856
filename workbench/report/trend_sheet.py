"""The Trend sheet of the workbook (issue 16), in the interface language: per period (quarters, or months
when the scope spans a year or less) placed by decision date, all cases with the compliance, defect and
error rates and their 95% intervals, median pendency and review minutes, under a native line chart of
the compliance rate with its interval as two dashed lines; pendency per IP type against the workspace's
targets; the same figures per department; the p-chart signals of every series in words; and the last
period compared with the one before and with the four (or twelve) before it pooled.

Every number comes from workbench.report.trends; this module only lays it out, on one grid of columns
(workbench.report.excel_grid), fitted to one page wide.
"""
from __future__ import annotations

from typing import Any, Sequence

from openpyxl.cell.cell import Cell
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from workbench.report.excel_cells import DECIMAL_FORMAT, INTEGER_FORMAT, PERCENT_FORMAT, styled
from workbench.report.excel_charts import band_chart
from workbench.report.excel_grid import WRAP_TOP, Grid
from workbench.report.excel_print import page_setup, print_range
from workbench.report.funnel_sheet import fact
from workbench.report.figures import IP_TYPE_LABELS
from workbench.report.trend_words import DIRECTIONS, RULES, SIDES, W
from workbench.report.trends import (
    MONTH,
    QUARTER,
    Comparison,
    GroupTrend,
    PeriodFigures,
    Trend,
    compare_periods,
    control_charts,
    earlier,
    last_reviewed,
)
from workbench.review.checklists import Text
from workbench.stats.comparison import DOWN, UP, Difference
from workbench.stats.control import RUN_OF_EIGHT, Signal
from workbench.stats.intervals import Proportion

# Department, period, reviewed, three rates with their intervals, median pendency, median review minutes.
WIDTHS = (22.0, 12.0, 9.0, *(9.0,) * 9, 11.0, 11.0)
LAST = len(WIDTHS)
CHART_ROWS = 16                    # rows kept free above the overall table for its chart (7.5 cm)
CHART_CM = 25.0                    # about the width of the tables below it
MONTHS_AT_MOST = 12                # a scope of up to a year of decisions is shown by month
POOLED = {QUARTER: 4, MONTH: 12}   # the last period is also compared with this many before it, pooled
INTERVAL_FONT = Font(size=9, color="595959")
QUIET_FONT = Font(italic=True, size=9, color="595959")
CHANGE_STYLES = {DOWN: ("FFC7CE", "9C0006"), UP: ("C6EFCE", "006100")}


def period_kind(t_quarters: Trend) -> str:
    """Months when the decisions in scope span at most a year, else quarters (given a quarterly trend)."""
    return MONTH if 0 < len(t_quarters.periods) <= MONTHS_AT_MOST // 3 else QUARTER


def _unit(g: Grid, t: Trend, plural: bool = False) -> str:
    """The period's word: quarter, or quarters when counting several."""
    return g.t(W[f"{t.period}s" if plural else t.period])


def write_trend(sheet: Worksheet, t: Trend, language: str) -> int:
    """The Trend sheet; returns how many charts it holds."""
    for index, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    page_setup(sheet, fit_width=True)          # before the first row: a write-only sheet writes it with it
    g = Grid(sheet, language, WIDTHS, LAST)
    g.title(g.t(W["trend_title"], period=_unit(g, t)))
    g.blank()
    _facts(g, t)
    g.blank()
    charts = 0
    if t.periods:
        # The chart first, under the facts, so that it always prints whole on the first page; the
        # table it draws follows (a chart may refer to rows below it).
        chart_row = g.row + 1
        drawn = any(p.reviewed for p in t.overall.points)
        for _ in range(CHART_ROWS if drawn else 0):
            g.blank()
        header, last = _overall(g, t)
        if drawn:
            charts += _chart(g, t, header, last, chart_row)
        g.blank()
        g.page_break()
        _pendency(g, t)
        g.blank()
        if t.groups:
            g.page_break()
            _groups(g, t)
            g.blank()
        g.page_break()
        _signals(g, t)
        g.blank()
        _comparisons(g, t)
    print_range(sheet, columns=LAST, rows=g.row)
    return charts


def _facts(g: Grid, t: Trend) -> None:
    if t.periods:
        plural = len(t.periods) != 1
        fact(g, W["periods"], g.label(W["periods_value"], first=t.periods[0].label, last=t.periods[-1].label,
                                      count=len(t.periods), unit=_unit(g, t, plural)))
    else:
        fact(g, W["periods"], g.label(W["periods_none"]))
    if t.undated:
        fact(g, W["undated"], g.num(t.undated, INTEGER_FORMAT))
    fact(g, W["rates"], g.label(W["rates_stratified"] if t.stratified_round else W["rates_wilson"]))
    targets = [g.t(W["target_days"], ip_type=_ip_type(g, ip_type), days=days) for ip_type, days in t.targets.items()]
    fact(g, W["targets"], g.label(("；" if g.language == "zh" else "; ").join(targets) if targets
                                  else g.t(W["targets_none"])))


def _ip_type(g: Grid, code: str) -> str:
    return IP_TYPE_LABELS[code].get(g.language) if code in IP_TYPE_LABELS else code


def _period(g: Grid, p: PeriodFigures) -> Cell:
    label = p.period.label
    return g.label(g.t(W["partial"], label=label) if p.period.partial else label)


def _rate(g: Grid, p: Proportion) -> list[tuple[Any, int]]:
    return [(g.num(p.rate, PERCENT_FORMAT), 1), (g.num(p.low, PERCENT_FORMAT, INTERVAL_FONT), 1),
            (g.num(p.high, PERCENT_FORMAT, INTERVAL_FONT), 1)]


def _figures(g: Grid, p: PeriodFigures) -> list[tuple[Any, int]]:
    return [(g.num(p.reviewed, INTEGER_FORMAT), 1), *_rate(g, p.compliance), *_rate(g, p.defect_rate),
            *_rate(g, p.error_rate), (g.num(p.median_pendency_days, DECIMAL_FORMAT), 1),
            (g.num(p.median_minutes, DECIMAL_FORMAT), 1)]


def _rate_groups() -> list[tuple[Text, tuple[tuple[Text, int], ...]]]:
    subs = ((W["rate"], 1), (W["low"], 1), (W["high"], 1))
    return [(W["compliance"], subs), (W["defect_rate"], subs), (W["error_rate"], subs)]


def _overall(g: Grid, t: Trend) -> tuple[int, int]:
    """All cases, one row per period (empty periods too: the chart shows them as gaps). Returns the
    header row (the series' titles) and the last row."""
    g.section(_text(g, W["overall"], period=_unit(g, t)))
    header = g.header_pair([(W["period"], 2), (W["reviewed"], 1)], _rate_groups(),
                           [(W["pendency_median"], 1), (W["minutes_median"], 1)])
    for p in t.overall.points:
        g.body([(_period(g, p), 2), *_figures(g, p)])
    return header, g.row


def _text(g: Grid, text: Text, **params: Any) -> Text:
    """A Text with its parameters filled in the sheet's language (Grid.section takes a Text)."""
    value = g.t(text, **params)
    return Text(value, value)


def _chart(g: Grid, t: Trend, header: int, last: int, row: int) -> int:
    """The compliance rate per period with its interval, at `row`, drawn from the overall table."""
    chart = band_chart(g.sheet, g.values, title=g.t(W["chart_title"], period=_unit(g, t)),
                       axis_title=g.t(W["chart_axis"]), header_row=header, last_row=last, label_column=1,
                       rate_column=4, low_column=5, high_column=6, width=CHART_CM)
    g.sheet.add_chart(chart, f"A{row}")
    return 1


def _pendency(g: Grid, t: Trend) -> None:
    """Per period and IP type: cases decided, median pendency, and the share within the target."""
    g.section(W["pendency"])
    g.header_pair([(W["period"], 1), (W["ip_type"], 1), (W["decided"], 1), (W["pendency_median"], 2),
                   (W["target"], 2)],
                  [(W["within"], ((W["cases"], 1), (W["share"], 1), (W["low"], 1), (W["high"], 1)))])
    for p in t.overall.points:
        for share in p.pendency:
            if share.target_days is None:
                target: list[tuple[Any, int]] = [(g.label(W["no_target"], font=QUIET_FONT), 6)]
            else:
                assert share.share is not None
                target = [(g.num(share.target_days, INTEGER_FORMAT), 2), (g.num(share.within, INTEGER_FORMAT), 1),
                          *_rate(g, share.share)]
            g.body([(_period(g, p), 1), (g.label(_ip_type(g, share.ip_type)), 1),
                    (g.num(share.decided, INTEGER_FORMAT), 1), (g.num(share.median_days, DECIMAL_FORMAT), 2),
                    *target])


def _group_name(g: Grid, t: Trend, key: str | None) -> str:
    if key is None:
        return g.t(W["all_cases"])
    if t.group == "ip_type":
        return _ip_type(g, key)
    return key or g.t(W["no_department"])


def _groups(g: Grid, t: Trend) -> None:
    """Each department's periods with cases (a period without any is left out here)."""
    g.section(_text(g, W["by_department"], period=_unit(g, t)))
    g.header_pair([(W["department"], 1), (W["period"], 1), (W["reviewed"], 1)], _rate_groups(),
                  [(W["pendency_median"], 1), (W["minutes_median"], 1)])
    for series in t.groups:
        for p in series.points:
            if p.cases:
                g.body([(g.data(_group_name(g, t, series.key)), 1), (_period(g, p), 1), *_figures(g, p)])


def _signals(g: Grid, t: Trend) -> None:
    """Every run-rule signal of every series' p-chart, series by series, in period order."""
    g.section(W["signals"])
    g.note(g.t(W["signals_note"]))
    charts = control_charts(t)
    found = [(series, signal, charts[series.key]) for series in t.series
             for signal in collapsed_runs(charts[series.key].signals)]
    if not found:
        g.note(g.t(W["no_signals"]))
        return
    g.header([(W["group"], 1), (W["period"], 1), (W["rule"], 7), (W["side"], 3), (W["rate"], 1), (W["centre"], 1)])
    for series, signal, chart in found:
        run = signal.rule == RUN_OF_EIGHT
        period = _span(g, (chart.points[signal.points[0]].label, signal.label)) if run else signal.label
        g.body([(g.data(_group_name(g, t, series.key)), 1), (g.label(period), 1),
                (g.label(RULES[signal.rule]), 7), (g.label(SIDES[signal.side]), 3),
                (None if run else g.num(chart.points[signal.index].rate, PERCENT_FORMAT), 1),
                (g.num(chart.points[signal.index].centre, PERCENT_FORMAT), 1)])


def collapsed_runs(signals: Sequence[Signal]) -> list[Signal]:
    """The signals, with a run of eight that goes on (a signal at each further point of the run) kept
    once, as its last signal, which lists the whole run."""
    kept: list[Signal] = []
    for signal in signals:
        previous = next((s for s in reversed(kept) if s.rule == RUN_OF_EIGHT), None)
        if (signal.rule == RUN_OF_EIGHT and previous is not None and previous.side == signal.side
                and previous.points == signal.points[:len(previous.points)]):
            kept.remove(previous)
        kept.append(signal)
    return kept


def _comparisons(g: Grid, t: Trend) -> None:
    """The last period with reviews against the one before it, and against the POOLED[...] before it."""
    g.section(W["comparison"])
    latest = last_reviewed(t)
    if latest is None or not earlier(t, latest):
        g.note(g.t(W["nothing_to_compare"]))
        return
    count = POOLED[t.period]
    g.note(g.t(W["comparison_note"], count=count))
    previous = compare_periods(t, latest)
    pooled = compare_periods(t, latest, earlier(t, latest, count))
    g.header_pair([(W["group"], 1)],
                  [(W["last"], ((W["period"], 1), (W["reviewed"], 1), (W["rate"], 1))),
                   (W["compared_with"], ((W["periods"], 3), (W["reviewed"], 1), (W["rate"], 1))),
                   (W["difference"], ((W["value"], 1), (W["low"], 1), (W["high"], 1)))], [(W["change"], 2)])
    for series in t.series:
        for comparison in (previous, pooled):
            if series.key is None or comparison.differences[series.key].difference is not None:
                _comparison_row(g, t, series, comparison)


def _span(g: Grid, labels: tuple[str, ...]) -> str:
    return labels[0] if len(labels) == 1 else g.t(W["span"], first=labels[0], last=labels[-1])


def _comparison_row(g: Grid, t: Trend, series: GroupTrend, c: Comparison) -> None:
    d: Difference = c.differences[series.key]
    g.body([(g.data(_group_name(g, t, series.key)), 1), (g.label(_span(g, c.first)), 1),
            (g.num(d.first.n, INTEGER_FORMAT), 1), (g.num(d.first.rate, PERCENT_FORMAT), 1),
            (g.label(_span(g, c.second)), 3), (g.num(d.second.n, INTEGER_FORMAT), 1),
            (g.num(d.second.rate, PERCENT_FORMAT), 1), (g.num(d.difference, PERCENT_FORMAT), 1),
            (g.num(d.low, PERCENT_FORMAT, INTERVAL_FONT), 1), (g.num(d.high, PERCENT_FORMAT, INTERVAL_FONT), 1),
            (_change(g, d), 2)])


def _change(g: Grid, d: Difference) -> Cell | None:
    """▲ Up or ▼ Down only when the interval excludes zero; else "no clear change", quietly."""
    if d.difference is None:
        return None
    if d.direction not in CHANGE_STYLES:
        return g.label(DIRECTIONS[d.direction], font=QUIET_FONT)
    fill, colour = CHANGE_STYLES[d.direction]
    cell = styled(g.sheet, g.t(W["up"] if d.direction == UP else W["down"]), alignment=WRAP_TOP)
    cell.fill = PatternFill("solid", fgColor=fill)
    cell.font = Font(bold=True, color=colour)
    return cell
