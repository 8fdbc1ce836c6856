"""Data sheets as Excel tables: fitted widths, frozen header, autofilter, print setup, highlighting.

A data sheet is an Excel table (autofilter, banded rows) with a frozen header, widths fitted
to its content, real number and date formats, and landscape printing fitted to the page
width with the header repeated on every page. Its rows stream through workbench.report.excel_rows.
"""
from __future__ import annotations

import re

import warnings
from dataclasses import dataclass
from itertools import chain, islice
from typing import Any, Iterable, Sequence

from openpyxl.formatting.rule import FormulaRule
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.filters import AutoFilter
from openpyxl.worksheet.table import Table, TableColumn, TableStyleInfo
from openpyxl.worksheet.worksheet import Worksheet

from workbench.report.excel_cells import (
    BELOW_TARGET_FILL,
    BELOW_TARGET_FONT,
    HEADER_ALIGNMENT,
    HEADER_FONT,
    PROGRESS_EVERY,
    TABLE_STYLE,
    WIDTH_SAMPLE,
    Column,
    converter,
    display_width,
    styled,
    xml_text,
)
from workbench.report.excel_rows import Markup, stream_rows
from workbench.report.zip_splice import Deflated
from workbench.report.excel_print import page_setup, print_range
from foundation.jobs import CancelToken, Progress


#: The data rows one sheet holds: Excel's 1,048,576 rows less the header. A longer listing continues on
#: "Cases (2)", "Cases (3)"... (write_split_table); tests lower it to check that.
EXCEL_DATA_ROWS = 1_048_575

#: Wrapped header words: CJK text wraps between any two characters, so its longest "word" is short.
CJK_WORD = 8
HEADER_LINES = 3       # a report sheet's header wraps onto at most this many lines


def header_word_width(title: str) -> int:
    """The widest piece a wrapped header cannot break (a word, or a few CJK characters)."""
    longest = max((display_width(w) for w in re.split(r"[\s/]+", title) if w), default=0)
    return min(longest, CJK_WORD) if re.search(r"[\u4e00-\u9fff]", title) else longest


def fit_widths(columns: Sequence[Column], header: Sequence[str], rows: Sequence[Sequence[Any]],
               wrap_header: bool = False) -> list[float]:
    """Column widths that fit the header and the sampled values, within each column's limits.
    With `wrap_header` (report sheets, fitted to one page wide) a header may wrap between words,
    so a column of figures is as wide as its figures, not as its title: the page prints larger."""
    widths = []
    for index, column in enumerate(columns):
        # The header also holds the autofilter button: about three characters.
        title = display_width(header[index])
        if wrap_header:
            title = max(header_word_width(header[index]), -(-title // HEADER_LINES))
        widest = max([title + 3] + [display_width(row[index]) for row in rows])
        if column.kind in ("percent", "decimal", "minutes"):
            widest = max(widest, 8)
        elif column.kind == "datetime":
            widest = max(widest, 16)
        elif column.kind == "date":
            widest = max(widest, 10)
        widths.append(min(column.max_width, max(column.min_width, widest + 1)))
    return widths


@dataclass(frozen=True)
class Highlight:
    """Conditional formatting of the rows whose `column` holds a number below `threshold`."""

    column: str
    threshold: float


def write_table(sheet: Worksheet, *, columns: Sequence[Column], rows: Iterable[Sequence[Any]], language: str,
                table_name: str, progress: Progress, cancel: CancelToken, label: str = "", total: int = 0,
                highlight: Highlight | None = None, data: bool = False, max_rows: int | None = None) -> int:
    """Write a data sheet as an Excel table; returns the number of data rows.

    At most `max_rows` rows are taken from `rows` (every row when None); the rest stay in the iterator.

    Rows are the stored values in column order; the first WIDTH_SAMPLE of them are looked at
    to fit the column widths (a write-only sheet needs its widths before its first row).
    A data sheet (`data`) prints at a fixed scale across as many pages as it needs, its first
    column repeated; a report sheet is fitted to one page wide.
    """
    source = iter(rows) if max_rows is None else islice(rows, max_rows)
    sample = list(islice(source, WIDTH_SAMPLE))
    header = _open_table(sheet, columns, sample, language, data)
    count = 0
    rest = chain(sample, source)
    batch = list(islice(rest, PROGRESS_EVERY))
    while batch:             # appended PROGRESS_EVERY rows at a time (excel_rows.stream_rows)
        sheet.append(batch)
        count += len(batch)
        if count % PROGRESS_EVERY == 0:
            cancel.check()
            progress(count, total, label)
        batch = list(islice(rest, PROGRESS_EVERY))
    _close_table(sheet, columns, header, count, table_name, data, highlight)
    return count


def write_rendered_table(sheet: Worksheet, *, columns: Sequence[Column], sample: Sequence[Sequence[Any]],
                         markup: Iterable[Markup | Deflated], count: int, language: str, table_name: str) -> int:
    """`write_table` of a data sheet whose `count` rows were already written as markup (by
    excel_rows.rows_markup, numbered from 2: workbench.report.excel_background), `sample` their
    first WIDTH_SAMPLE rows of stored values: the same sheet as write_table writes of those rows."""
    header = _open_table(sheet, columns, sample, language, True)
    for made in markup:
        sheet.append(made)
    _close_table(sheet, columns, header, count, table_name, True, None)
    return count


def _open_table(sheet: Worksheet, columns: Sequence[Column], sample: Sequence[Sequence[Any]], language: str,
                data: bool) -> list[str]:
    """Column widths fitted to the header and the sample, frozen header, page setup, the header row;
    from then on the sheet takes rows as excel_rows.stream_rows says. Returns the header."""
    convert = [converter(sheet, column, language) for column in columns]
    header = [xml_text(column.title(language)) for column in columns]
    shown = [[c(v) for c, v in zip(convert, row)] for row in sample]
    widths = fit_widths(columns, header, shown, wrap_header=not data)
    for index, width in enumerate(widths):
        sheet.column_dimensions[get_column_letter(index + 1)].width = width
    lines = max(-(-display_width(t) // max(1, int(w) - 3)) for t, w in zip(header, widths))
    if lines > 1:            # the header row tall enough for its wrapped titles
        sheet.row_dimensions[1].height = 15 * min(lines, HEADER_LINES + 1)
    sheet.freeze_panes = "A2"
    page_setup(sheet, fit_width=not data)
    sheet.append([styled(sheet, title, font=HEADER_FONT, alignment=HEADER_ALIGNMENT) for title in header])
    stream_rows(sheet, columns, language, stored=data)
    return header


def _close_table(sheet: Worksheet, columns: Sequence[Column], header: Sequence[str], count: int, table_name: str,
                 data: bool, highlight: Highlight | None) -> None:
    """The print range, the table over the `count` data rows (an empty row when none) and its highlight."""
    last_column = get_column_letter(len(columns))
    last_row = count + 1
    if count == 0:
        sheet.append([[None] * len(columns)])    # a table needs a data row; Excel shows it empty
        last_row = 2
    print_range(sheet, columns=len(columns), rows=last_row, title_columns="A:A" if data else None)
    table = Table(displayName=table_name, ref=f"A1:{last_column}{last_row}")
    table.tableColumns = [TableColumn(id=i + 1, name=title) for i, title in enumerate(header)]
    table.tableStyleInfo = TableStyleInfo(name=TABLE_STYLE, showRowStripes=True)
    table.autoFilter = AutoFilter(ref=table.ref)
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "In write-only mode you must add table columns manually")
        sheet.add_table(table)       # ...which they are, above
    if highlight is not None and count:
        column = highlight.column
        sheet.conditional_formatting.add(
            f"A2:{last_column}{last_row}",
            FormulaRule(formula=[f"AND(ISNUMBER(${column}2),${column}2<{highlight.threshold!r})"],
                        fill=BELOW_TARGET_FILL, font=BELOW_TARGET_FONT, stopIfTrue=False))


def continued_sheet(sheet: Worksheet, name: str, part: int) -> Worksheet:
    """Part `part` (2, 3...) of a listing past a sheet's rows: "NAME (part)", placed after `sheet`."""
    workbook = sheet.parent
    return workbook.create_sheet(f"{name} ({part})", workbook.worksheets.index(sheet) + 1)


def part_table_name(table_name: str, part: int) -> str:
    """The table of part `part` of a listing (Excel table names are unique in a workbook)."""
    return table_name if part == 1 else f"{table_name}{part}"


def write_split_table(sheet: Worksheet, *, name: str, columns: Sequence[Column], rows: Iterable[Sequence[Any]],
                      language: str, table_name: str, progress: Progress, cancel: CancelToken, total: int = 0) -> int:
    """A data sheet (`write_table` with `data`) that continues on sheets named "NAME (2)", "NAME (3)"...
    placed after it, each a table of the same columns, when `rows` hold more than one sheet can
    (EXCEL_DATA_ROWS); returns the number of data rows written on all of them."""
    source = iter(rows)
    written, part = 0, 1
    while True:
        def shifted(done: int, _total: int, label: str, before: int = written) -> None:
            progress(before + done, total, label)

        written += write_table(sheet, columns=columns, rows=source, language=language,
                               table_name=part_table_name(table_name, part), progress=shifted,
                               cancel=cancel, label=name, total=total, data=True, max_rows=EXCEL_DATA_ROWS)
        following = next(source, None)
        if following is None:
            return written
        source = chain([following], source)
        part += 1
        sheet = continued_sheet(sheet, name, part)
