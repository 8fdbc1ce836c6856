"""The Calibration sheet of a calibration round's workbook (issue 14), in the interface language.

While the round is blind (open) the sheet shows only each reviewer's progress and says that the
answers and the agreement appear once the round is closed: agreement figures would tell a reviewer
who has not finished how the others answered. The other sheets never hold a calibration review's
answers (its reviews never count; workbench.report.figures.Scope leaves them out).

Once closed: agreement over all items (all answers pooled, the verdict, severity), agreement per
checklist item with the most disagreement first (the order of `calibration_figures`), each with its
guideline reference, percent agreement, kappa, Krippendorff's alpha and Gwet's AC1 with their 95%
intervals and a Landis & Koch band on AC1; each reviewer's deviation from the consensus; notes on
reading the figures (the kappa paradox, the bands); and the drift across every closed calibration
round with two native line charts. A value that is not defined shows its reason, never 0.

Every cell sits on one grid of columns (the item table's), merging cells where a table needs wider
ones, so the sheet prints fitted to one page wide.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Mapping, Sequence

import sqlite_utils
from openpyxl.cell.cell import Cell
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from foundation.jobs import Progress, no_progress
from workbench.calibration.figures import CalibrationFigures, DriftRow, calibration_figures, drift
from workbench.calibration.ratings import load_ratings
from workbench.calibration.rounds import CalibrationRound, get_calibration_round
from workbench.report.calibration_words import BAND_RANGES, BANDS, REASONS, W
from workbench.report.excel_cells import DATE_FORMAT, INTEGER_FORMAT, PERCENT_FORMAT, styled
from workbench.report.excel_charts import line_chart
from workbench.report.excel_grid import TOP, WRAP_TOP, Grid, column_at
from workbench.report.excel_print import page_setup, print_range
from workbench.report.figures import IP_TYPE_LABELS
from workbench.review.checklists import Text
from workbench.stats.agreement import Agreement, band

COEFFICIENT_FORMAT = "0.00"
# The grid: IP type, item, item text, guideline reference, cases, cases with disagreement, then value, low and
# high of percent agreement, kappa, alpha and AC1, and the band. Other tables merge its columns.
WIDTHS = (9.0, 14.0, 32.0, 15.0, 7.0, 12.0, 7.0, 7.0, 7.0, *(6.5,) * 9, 14.0)
LAST = len(WIDTHS)                       # S
EXTRA_WIDTH = 6.5                        # columns after S, for a drift table with more than five reviewers
CHART_CM = 14.0
CHART_ROWS = 16                          # rows kept free below the drift table for its charts (7.5 cm)

INTERVAL_FONT = Font(size=9, color="595959")
REASON_FONT = Font(italic=True, size=9, color="595959")
READING_FONT = Font(size=10)
BOLD = Font(bold=True)
# Excel's Bad / Neutral / Good cell styles, for the bands.
BAND_STYLES = {"poor": ("FFC7CE", "9C0006"), "slight": ("FFC7CE", "9C0006"), "fair": ("FFC7CE", "9C0006"),
               "moderate": ("FFEB9C", "9C5700"), "substantial": ("C6EFCE", "006100"),
               "almost_perfect": ("C6EFCE", "006100")}


@dataclass(frozen=True)
class CalibrationView:
    """What the sheet shows: the round, its progress, and once it is closed its figures and the drift."""
    round: CalibrationRound
    progress: Mapping[str, tuple[int, int]]      # reviewer -> (completed, cases)
    figures: CalibrationFigures | None           # None while the round is blind
    drift: tuple[DriftRow, ...] = ()


def calibration_view(db: sqlite_utils.Database, round_id: int) -> CalibrationView:
    """The round's figures, computed only once it is closed: a blind round gives its progress alone."""
    rnd = get_calibration_round(db, round_id)
    if not rnd.closed:
        return CalibrationView(rnd, load_ratings(db, rnd).progress, None)
    figures = calibration_figures(db, rnd.id)
    return CalibrationView(rnd, figures.ratings.progress, figures, tuple(drift(db)))


def _band(g: Grid, value: float | None) -> Cell:
    return _band_cell(g, band(value))


def _band_cell(g: Grid, code: str) -> Cell:
    """A band's label, coloured as Excel's Bad, Neutral and Good styles."""
    cell = styled(g.sheet, BANDS[code].get(g.language), alignment=WRAP_TOP)
    if code in BAND_STYLES:
        fill, colour = BAND_STYLES[code]
        cell.fill = PatternFill("solid", fgColor=fill)
        cell.font = Font(color=colour)
    else:
        cell.font = REASON_FONT
    return cell


def _reason(g: Grid, code: str) -> Cell:
    text = REASONS[code].get(g.language) if code in REASONS else code
    return styled(g.sheet, text, font=REASON_FONT, alignment=WRAP_TOP)


# -- the sheet ------------------------------------------------------------------------------------

def _widths(view: CalibrationView) -> tuple[float, ...]:
    """The grid, and two more columns for each reviewer of the drift table beyond the fifth."""
    extra = max(0, len(_drift_reviewers(view.drift)) - 5)
    return (*WIDTHS, *(EXTRA_WIDTH,) * (2 * extra))


def write_round(db: sqlite_utils.Database, sheet: Worksheet, round_id: int, language: str,
                progress: Progress = no_progress) -> int:
    """The Calibration sheet of round `round_id`, computed now; returns how many charts it holds."""
    progress(0, 0, W["computing"].get(language))
    return write_calibration(sheet, calibration_view(db, round_id), language)


def write_calibration(sheet: Worksheet, view: CalibrationView, language: str) -> int:
    """The Calibration sheet; returns how many charts it holds."""
    widths = _widths(view)
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    # Set before the first row: a write-only sheet writes its properties with it.
    page_setup(sheet, fit_width=True)
    g = Grid(sheet, language, widths, LAST)
    rnd = view.round
    g.title(g.t(W["title"], name=rnd.name))
    g.blank()
    _facts(g, view)
    g.blank()
    if view.figures is None:
        _progress(g, view)
        g.blank()
        name = f'"{rnd.name}"' if any(ch.isspace() for ch in rnd.name) else rnd.name
        g.note(g.t(W["blind_note"], command_name=name), READING_FONT)
        print_range(sheet, columns=LAST, rows=g.row)
        return 0
    figures = view.figures
    kappa = W["kappa_cohen"] if figures.overall["kappa"].measure == "cohen_kappa" else W["kappa_fleiss"]
    _overall(g, figures, kappa)
    g.blank()
    _items(g, figures, kappa)
    # The items run over as many pages as they need; what follows is one page, and the drift another.
    g.blank()
    g.page_break()
    _reviewers(g, view)
    g.blank()
    _reading(g)
    g.blank()
    g.page_break()
    charts = _drift(g, view)
    print_range(sheet, columns=len(widths), rows=g.row + (CHART_ROWS if charts else 0))
    return charts


def _facts(g: Grid, view: CalibrationView) -> None:
    rnd = view.round
    g.fact(W["round"], g.data(rnd.name))
    g.fact(W["status"], g.label(W["closed_status"] if rnd.closed else W["blind"]))
    g.fact(W["reviewers"], g.data(("、" if g.language == "zh" else ", ").join(rnd.reviewers)))
    g.fact(W["cases"], g.num(len(rnd.cases), INTEGER_FORMAT))
    g.fact(W["created"], g.moment(rnd.created_at))
    if rnd.closed and view.figures is not None:
        g.fact(W["closed"], g.moment(rnd.closed_at))
        g.fact(W["closed_by"], g.data(rnd.closed_by))
        g.fact(W["consensus"], g.label(W["of_cases"], n=len(view.figures.ratings.consensus), total=len(rnd.cases)))


def _progress(g: Grid, view: CalibrationView) -> None:
    """While blind: how many cases each reviewer has completed, nothing of what they answered."""
    g.section(W["progress"])
    g.header([(W["reviewer"], 3), (W["completed"], 1), (W["cases"], 2), (W["share_completed"], 3)])
    for reviewer, (done, total) in view.progress.items():
        g.body([(g.data(reviewer), 3), (g.num(done, INTEGER_FORMAT), 1), (g.num(total, INTEGER_FORMAT), 2),
                (g.num(done / total if total else None, PERCENT_FORMAT), 3)])


def _groups(kappa: Text) -> list[tuple[Text, tuple[tuple[Text, int], ...]]]:
    subs = ((W["value"], 1), (W["low"], 1), (W["high"], 1))
    return [(W["percent"], subs), (kappa, subs), (W["alpha"], subs), (W["ac1"], subs)]


def _measure(g: Grid, a: Agreement, number_format: str) -> list[tuple[Any, int]]:
    """Value, 95% low and high; or, where the value is not defined, why, across the three."""
    if a.value is None:
        return [(_reason(g, a.reason), 3)]
    return [(g.num(a.value, number_format), 1), (g.num(a.low, number_format, INTERVAL_FONT), 1),
            (g.num(a.high, number_format, INTERVAL_FONT), 1)]


def _measures(g: Grid, figures: Mapping[str, Agreement]) -> list[tuple[Any, int]]:
    """The twelve figure columns; kappa and alpha undefined for the same reason share one cell."""
    kappa, alpha = figures["kappa"], figures["alpha"]
    if kappa.value is None and alpha.value is None and kappa.reason == alpha.reason:
        middle = [(_reason(g, kappa.reason), 6)]
    else:
        middle = [*_measure(g, kappa, COEFFICIENT_FORMAT), *_measure(g, alpha, COEFFICIENT_FORMAT)]
    return [*_measure(g, figures["percent"], PERCENT_FORMAT), *middle,
            *_measure(g, figures["ac1"], COEFFICIENT_FORMAT)]


def disagreeing(table: Sequence[Sequence[Any]]) -> int:
    """Rows (cases, or case-item pairs) with two answers or more that are not all the same."""
    rated = ([v for v in row if v is not None] for row in table)
    return sum(1 for r in rated if len(r) >= 2 and len(set(r)) > 1)


def _overall(g: Grid, f: CalibrationFigures, kappa: Text) -> None:
    """All answers pooled, the verdict and severity: the round's headline agreement."""
    g.section(W["overall"])
    g.header_pair([(W["what"], 3), (W["units"], 1), (W["differing_answers"], 2)], _groups(kappa), [(W["band"], 1)])
    ratings = f.ratings
    for label, figures, table in ((W["pooled"], f.overall, ratings.outcome_table()),
                                  (W["verdict"], f.verdict, ratings.verdict_table()),
                                  (W["severity"], f.severity, ratings.severity_table())):
        g.body([(g.label(label), 3), (g.num(figures["percent"].units, INTEGER_FORMAT), 1),
                (g.num(disagreeing(table), INTEGER_FORMAT), 2), *_measures(g, figures),
                (_band(g, figures["ac1"].value), 1)])


def _items(g: Grid, f: CalibrationFigures, kappa: Text) -> None:
    """Every checklist item, the most disagreement first, its question and guideline reference beside it."""
    g.section(W["items"])
    g.header_pair([(W["ip_type"], 1), (W["item"], 1), (W["item_text"], 1), (W["reference"], 1), (W["rated"], 1),
                   (W["differing_cases"], 1)], _groups(kappa), [(W["band"], 1)])
    for item in f.items:
        ref = item.ref
        ip_type = IP_TYPE_LABELS[ref.ip_type].get(g.language) if ref.ip_type in IP_TYPE_LABELS else ref.ip_type
        g.body([(g.data(ip_type), 1), (g.data(ref.item.id), 1), (g.data(ref.item.text.get(g.language)), 1),
                (g.data(ref.item.reference_in(g.language)), 1), (g.num(item.cases, INTEGER_FORMAT), 1),
                (g.num(item.disagreements, INTEGER_FORMAT), 1), *_measures(g, item.figures),
                (_band(g, item.figures["ac1"].value), 1)])
        

def _rate(g: Grid, rate: float | None) -> Cell:
    return g.num(rate, PERCENT_FORMAT) if rate is not None else g.label(W["no_consensus"], font=REASON_FONT)


def _reviewers(g: Grid, view: CalibrationView) -> None:
    """Each reviewer's answers and verdicts compared with the consensus."""
    f = view.figures
    assert f is not None
    g.section(W["deviation"])
    subs = ((W["units"], 2), (W["differing"], 2), (W["rate"], 2))
    g.header_pair([(W["reviewer"], 3), (W["completed"], 1)], [(W["answers"], subs), (W["verdicts"], subs)])
    for d in f.deviations:
        g.body([(g.data(d.reviewer), 3), (g.num(view.progress.get(d.reviewer, (0, 0))[0], INTEGER_FORMAT), 1),
                (g.num(d.compared, INTEGER_FORMAT), 2), (g.num(d.differing, INTEGER_FORMAT), 2), (_rate(g, d.rate), 2),
                (g.num(d.verdicts_compared, INTEGER_FORMAT), 2), (g.num(d.verdicts_differing, INTEGER_FORMAT), 2),
                (_rate(g, d.verdict_rate), 2)])
    agreed = len(f.ratings.consensus)
    if agreed < len(view.round.cases):
        g.note(g.t(W["consensus_note"], n=agreed, total=len(view.round.cases)))


def _reading(g: Grid) -> None:
    """Why kappa and AC1 are both shown, what the other figures are, and the bands."""
    g.section(W["reading"])
    g.note(g.t(W["paradox"]), READING_FONT)
    g.note(g.t(W["measures"]), READING_FONT)
    g.note(g.t(W["bands"]), READING_FONT)
    for code, span in BAND_RANGES:
        g.add([(_band_cell(g, code), 2), (g.label(span, alignment=TOP), 1)])


def _drift_reviewers(rows: Sequence[DriftRow]) -> list[str]:
    """Every reviewer of the drift table, in the order they first appear."""
    return list(dict.fromkeys(r for row in rows for r in row.deviations))


def _reviewer_spans(count: int) -> list[tuple[int, int]]:
    """(first column, columns) for each reviewer of the drift table: pairs from K, S alone, then pairs."""
    spans, column = [], 11
    for _ in range(count):
        span = 1 if column == LAST else 2
        spans.append((column, span))
        column += span
    return spans


def _drift(g: Grid, view: CalibrationView) -> int:
    """Every closed calibration round, oldest first, and two line charts below: returns the charts."""
    rows = view.drift
    if not rows:
        return 0
    g.section(W["drift"])
    reviewers = _drift_reviewers(rows)
    spans = _reviewer_spans(len(reviewers))
    header = g.header_pair(
        [(W["round"], 3), (W["drift_closed"], 1), (W["rated"], 1)],
        [(W["pooled_short"], ((W["percent"], 1), (W["kappa"], 2), (W["ac1"], 2))),
         (W["deviation_short"], tuple((name, span) for name, (_c, span) in zip(reviewers, spans)))])
    for row in rows:
        current = row.round == view.round.name
        cells = [(g.data(row.round, font=BOLD if current else None), 3),
                 (g.moment(row.closed_at, DATE_FORMAT), 1), (g.num(row.cases, INTEGER_FORMAT), 1)]
        for key, number_format, span in (("percent", PERCENT_FORMAT, 1), ("kappa", COEFFICIENT_FORMAT, 2),
                                         ("ac1", COEFFICIENT_FORMAT, 2)):
            a = row.overall[key]
            cells.append((g.num(a.value, number_format) if a.value is not None else _reason(g, a.reason), span))
        cells += [(_rate(g, row.deviations.get(name)) if name in row.deviations else None, span)
                  for name, (_c, span) in zip(reviewers, spans)]
        g.body(cells, bold=current)
    last = g.row
    g.note(g.t(W["this_round"]))
    return _drift_charts(g, header, last, [c for c, _s in spans])


def _drift_charts(g: Grid, header: int, last: int, reviewer_columns: list[int]) -> int:
    """Each reviewer's deviation across rounds, and the pooled agreement across rounds, side by side."""
    anchor = g.row + 2
    deviation = line_chart(g.sheet, g.values, title=g.t(W["chart_deviation"]), axis_title=g.t(W["chart_rate"]),
                           header_row=header, last_row=last, label_column=1,
                           series_columns=tuple(reviewer_columns), width=CHART_CM)
    g.sheet.add_chart(deviation, f"A{anchor}")
    # Kappa and AC1 side by side: the kappa paradox, round by round.
    agreement = line_chart(g.sheet, g.values, title=g.t(W["chart_agreement"]), axis_title=g.t(W["chart_value"]),
                           header_row=header, last_row=last, label_column=1, series_columns=(7, 9), width=CHART_CM)
    agreement.y_axis.number_format = "0.0"
    agreement.y_axis.scaling.max = 1.0
    lowest = min((v for (r, c), v in g.values.items() if header < r <= last and c in (7, 9)
                  and isinstance(v, (int, float))), default=0.0)
    agreement.y_axis.scaling.min = min(0.0, math.floor(lowest * 5) / 5)
    g.sheet.add_chart(agreement, f"{get_column_letter(column_at(g.widths, CHART_CM + 0.5))}{anchor}")
    return 2
