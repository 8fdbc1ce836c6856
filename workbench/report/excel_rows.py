"""Data rows written as SpreadsheetML markup straight into a write-only sheet's stream.

openpyxl's write-only mode builds an ElementTree element for every cell and serialises it
through et_xmlfile: about 15 microseconds a cell, 30 seconds for the Findings and Cases sheets
of a 100,000-finding export. The rows of a data table hold only a few kinds of value (text,
labels, numbers with a format, dates), so each column gets a small function that renders its
cell as the same markup openpyxl would write (inline strings, `%.16g` numbers, Excel date
serials with a date style), about ten times faster. In the Findings, Answers and Cases sheets
each column also remembers the markup of the values it has seen (labels, departments, item ids
and dates repeat across a million rows), and rows are appended two thousand at a time, so a cell
costs a dictionary look-up and two joins. openpyxl still writes everything else: the sheet's head
and tail, the header row, tables, styles and the package.

The two openpyxl internals this needs are replaced in one fenced module,
workbench.report.openpyxl_internals (it says why, and its test fails on any other openpyxl);
the row writer also uses the stream writer's `_file`. The tests read every exported sheet back
with openpyxl and compare values, types and formats.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, datetime, timezone
from operator import call
from typing import Any, Callable, Sequence

from openpyxl.cell import WriteOnlyCell
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel
from openpyxl.worksheet.worksheet import Worksheet

from workbench.report.openpyxl_internals import copy_markup, install_row_writer, splice
from workbench.report.zip_splice import Deflated
from workbench.report.round_words import stratum_label
from workbench.report.excel_cells import (
    DATE_FORMAT,
    DATETIME_FORMAT,
    EXCEL_TEXT_LIMIT,
    FORMATS,
    FORMULA_TRIGGERS,
    ILLEGAL_CHARACTERS,
    REPLACEMENT,
    Column,
)

Render = Callable[[Any], str]   # stored value -> the cell's markup after its reference's row number, "" if empty
TRIGGER_CHARACTERS = frozenset(FORMULA_TRIGGERS)
#: Text without a character to escape, replace or keep a raw CR of (ILLEGAL_CHARACTERS, & < > and CR).
_ORDINARY = re.compile("[^&<>\r\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]*")
#: Distinct values a data-sheet column keeps the markup of. Most columns repeat a few values (labels,
#: departments, item ids, dates), rendered once each; a column of distinct values (titles) fills this and
#: is rendered cell by cell from then on, so memory stays small at a million rows.
REMEMBERED = 4096


def _escape(text: str) -> str:
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    if "\r" in text:                       # a raw CR would be read back as a line feed
        text = text.replace("\r", "&#13;")
    return text


def text_markup(value: str, quote_style: str = "") -> str:
    """The part of an inline-string cell after its reference, for text that is shown as it is.

    Text that starts with a formula trigger gets `quote_style` (` s="N"`, a cell style whose xf has
    quotePrefix="1", as `excel_cells.text_value` gives it): the value is written unaltered and
    stays text when edited. Characters XML cannot hold are replaced; Excel's cell limit is kept.
    Inline strings are never formulas or error values, so '#N/A' in a title stays text.
    """
    if (value[0] not in TRIGGER_CHARACTERS and _ORDINARY.fullmatch(value) and len(value) <= EXCEL_TEXT_LIMIT
            and not value[0].isspace() and not value[-1].isspace()):
        return f' t="inlineStr"><is><t>{value}</t></is></c>'       # most text: nothing to change
    style = quote_style if value[0] in TRIGGER_CHARACTERS else ""
    if ILLEGAL_CHARACTERS.search(value):
        value = ILLEGAL_CHARACTERS.sub(REPLACEMENT, value)
    if len(value) > EXCEL_TEXT_LIMIT:
        value = value[:EXCEL_TEXT_LIMIT - 1] + "…"
    space = ' xml:space="preserve"' if value != value.strip() else ""
    return f'{style} t="inlineStr"><is><t{space}>{_escape(value)}</t></is></c>'


def quote_prefix_style(sheet: Worksheet) -> str:
    """` s="N"`: the workbook's cell style with quotePrefix="1" (registered once)."""
    cell = WriteOnlyCell(sheet, value="")
    cell.quotePrefix = True
    return f' s="{cell.style_id}"'


def style_attribute(sheet: Worksheet, number_format: str) -> str:
    """` s="N"`: the workbook's cell style with this number format (registered once)."""
    cell = WriteOnlyCell(sheet, value=0)
    cell.number_format = number_format
    return f' s="{cell.style_id}"'


@dataclass(frozen=True)
class CellStyles:
    """The ` s="N"` attributes of a data sheet's cells, registered in its workbook (`cell_styles`).
    Plain text, so that another process can render rows for this workbook (excel_background)."""

    quote: str                              # the quote-prefix style: formula-looking text stays text
    formats: tuple[tuple[str, str], ...]    # (number format, its style attribute)

    def of(self, number_format: str) -> str:
        return dict(self.formats)[number_format]


def _number_format(column: Column) -> str | None:
    return {"date": DATE_FORMAT, "datetime": DATETIME_FORMAT}.get(column.kind) or FORMATS.get(column.kind)


def cell_styles(sheet: Worksheet, columns: Sequence[Column]) -> CellStyles:
    """The styles the columns' cells use, registered in the sheet's workbook in column order."""
    quote = quote_prefix_style(sheet)
    needed = dict.fromkeys(f for f in map(_number_format, columns) if f is not None)
    return CellStyles(quote, tuple((f, style_attribute(sheet, f)) for f in needed))


def text_renderer(styles: CellStyles) -> Render:
    quote = styles.quote

    def text(value: Any) -> str:
        if value is None or value == "":
            return ""
        if not isinstance(value, str):
            return _number(value, "")
        return '"' + text_markup(value, quote)
    return text


def _number(value: Any, style: str) -> str:
    if value is None or isinstance(value, bool) or not math.isfinite(value):
        return ""
    return f'"{style} t="n"><v>{"%.16g" % value}</v></c>'


def renderer(styles: CellStyles, column: Column, language: str) -> Render:
    """How this column's stored values become cells (the same values as excel_cells.converter)."""
    kind = column.kind
    _text = text_renderer(styles)
    if kind == "text":
        return _text
    if kind == "stratum":
        return lambda value: _text(stratum_label(value, language))
    if kind == "label":
        labels = {code: '"' + text_markup(text.get(language), styles.quote)
                  for code, text in (column.labels or {}).items()}

        def label(value: Any) -> str:
            markup = labels.get(value)
            return markup if markup is not None else _text(value)
        return label
    if kind in ("date", "datetime"):
        style = styles.of(DATE_FORMAT if kind == "date" else DATETIME_FORMAT)

        def moment(value: Any) -> str:
            if not value:
                return ""
            parsed = _date(value) if kind == "date" else _local(value)
            if parsed is None:
                return _text(value)
            return f'"{style} t="n"><v>{"%.16g" % to_excel(parsed)}</v></c>'
        return moment
    style = styles.of(FORMATS[kind])
    if kind == "minutes":
        return lambda value: _number(value / 60.0, style) if value else ""
    return lambda value: _number(value, style)


def _date(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _local(value: Any) -> datetime | None:
    try:
        moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone().replace(tzinfo=None, microsecond=0)


class _Remembered(dict):  # type: ignore[type-arg]
    """A column's cell markup by stored value, rendered on first sight. Only for values read from the
    database, which are never bool (True == 1 as a key). Forgotten whenever REMEMBERED values are
    held: a column of distinct values (titles) stays small, and one repeated a few rows running
    (the Answers sheet's application numbers) is still rendered once a run."""

    def __init__(self, cell: Render) -> None:
        super().__init__()
        self.cell = cell

    def __missing__(self, value: Any) -> str:
        markup = self.cell(value)
        if len(self) >= REMEMBERED:
            self.clear()
        self[value] = markup
        return markup


#: Stands for the row number in a cell's markup until its row is written: XML text never holds it
#: (text_markup replaces it with U+FFFD), so one replace a row numbers every cell of it.
ROW = "\x00"
RowsMarkup = Callable[[Sequence[Sequence[Any]], int], str]   # (rows, first row number) -> their markup


def _whole_cell(start: str, render: Render) -> Render:
    def cell(value: Any) -> str:
        markup = render(value)
        return start + markup if markup else ""
    return cell


def rows_markup(columns: Sequence[Column], language: str, styles: CellStyles, *, stored: bool = False) -> RowsMarkup:
    """The function that writes rows of stored values (in column order) as `<row>` markup, numbered
    from the row number it is given. `stored`: the values were read from the database (no bool among
    them), so each column remembers the whole markup of the values it has seen."""
    cells = []
    for index, column in enumerate(columns):
        cell = _whole_cell(f'<c r="{get_column_letter(index + 1)}{ROW}', renderer(styles, column, language))
        cells.append(_Remembered(cell).__getitem__ if stored else cell)

    def markup(rows: Sequence[Sequence[Any]], first_row: int) -> str:
        # One join and one replace a row, the cells looked up in C (map): the per-cell Python of the
        # earlier writer (a join and two concatenations a cell) took 44 s of 51 million cells.
        return "".join([('<row r="\x00">' + "".join(map(call, cells, values)) + "</row>").replace(ROW, str(number))
                        for number, values in enumerate(rows, first_row)])
    return markup


class Markup(tuple):  # type: ignore[type-arg]
    """`(path, start, end)`: rows' markup already made, bytes [start, end) of a UTF-8 file, appended to
    a streamed sheet as it is (stream_rows)."""


def stream_rows(sheet: Worksheet, columns: Sequence[Column], language: str, *, stored: bool = False,
                first_row: int = 2) -> None:
    """From now on `sheet.append(rows)` takes a list of rows, each the stored values in column order,
    and writes them as markup numbered on from `first_row` (one append a batch: openpyxl's own
    bookkeeping costs more a row than the row's markup); `sheet.append(Markup((path, start, end)))`
    copies markup already made (by `rows_markup`, in another process: workbench.report.excel_background) as it is,
    and `sheet.append(Deflated(...))` places such markup compressed (workbench.report.zip_splice).

    Call after the header row was appended the ordinary way (which opened the sheet's stream).
    `stored`: as rows_markup.
    """
    markup = rows_markup(columns, language, cell_styles(sheet, columns), stored=stored)
    following = [first_row]

    def write_rows(xf: Any, rows: Sequence[Sequence[Any]], _appended: int) -> None:
        if isinstance(rows, Markup):
            copy_markup(xf, *rows)
            return
        if isinstance(rows, Deflated):      # inserted into the zip when the workbook is saved
            splice(sheet, xf, rows)
            return
        xf._file(markup(rows, following[0]))
        following[0] += len(rows)

    install_row_writer(sheet, write_rows)
