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
from datetime import date, datetime, timezone
from typing import Any, Callable, Sequence

from openpyxl.cell import WriteOnlyCell
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel
from openpyxl.worksheet.worksheet import Worksheet

from workbench.report.openpyxl_internals import install_row_writer
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


def text_renderer(sheet: Worksheet) -> Render:
    quote = quote_prefix_style(sheet)

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


def style_attribute(sheet: Worksheet, number_format: str) -> str:
    """` s="N"`: the workbook's cell style with this number format (registered once)."""
    cell = WriteOnlyCell(sheet, value=0)
    cell.number_format = number_format
    return f' s="{cell.style_id}"'


def renderer(sheet: Worksheet, column: Column, language: str) -> Render:
    """How this column's stored values become cells (the same values as excel_cells.converter)."""
    kind = column.kind
    _text = text_renderer(sheet)
    if kind == "text":
        return _text
    if kind == "stratum":
        return lambda value: _text(stratum_label(value, language))
    if kind == "label":
        labels = {code: '"' + text_markup(text.get(language), quote_prefix_style(sheet))
                  for code, text in (column.labels or {}).items()}

        def label(value: Any) -> str:
            markup = labels.get(value)
            return markup if markup is not None else _text(value)
        return label
    if kind in ("date", "datetime"):
        style = style_attribute(sheet, DATE_FORMAT if kind == "date" else DATETIME_FORMAT)

        def moment(value: Any) -> str:
            if not value:
                return ""
            parsed = _date(value) if kind == "date" else _local(value)
            if parsed is None:
                return _text(value)
            return f'"{style} t="n"><v>{"%.16g" % to_excel(parsed)}</v></c>'
        return moment
    style = style_attribute(sheet, FORMATS[kind])
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
    """A column's markup by stored value, rendered on first sight. Only for values read from the
    database, which are never bool (True == 1 as a key). Forgotten whenever REMEMBERED values are
    held: a column of distinct values (titles) stays small, and one repeated a few rows running
    (the Answers sheet's application numbers) is still rendered once a run."""

    def __init__(self, render: Render) -> None:
        super().__init__()
        self.render = render

    def __missing__(self, value: Any) -> str:
        markup = self.render(value)
        if len(self) >= REMEMBERED:
            self.clear()
        self[value] = markup
        return markup


def stream_rows(sheet: Worksheet, columns: Sequence[Column], language: str, *, stored: bool = False,
                first_row: int = 2) -> None:
    """From now on `sheet.append(rows)` takes a list of rows, each the stored values in column order,
    and writes them as markup numbered on from `first_row` (one append a batch: openpyxl's own
    bookkeeping costs more a row than the row's markup).

    Call after the header row was appended the ordinary way (which opened the sheet's stream).
    `stored`: the values were read from the database (no bool among them), so each column remembers
    the markup of the values it has seen.
    """
    renders = [renderer(sheet, column, language) for column in columns]
    cells = [_Remembered(render).__getitem__ if stored else render for render in renders]
    starts = [f'<c r="{get_column_letter(i + 1)}' for i in range(len(columns))]
    following = [first_row]

    def write_rows(xf: Any, rows: Sequence[Sequence[Any]], _appended: int) -> None:
        row_idx = following[0]
        parts = []
        for values in rows:
            number = str(row_idx)
            row_idx += 1
            parts.append(f'<row r="{number}">'
                         + "".join([start + number + markup for start, cell, value in zip(starts, cells, values)
                                    if (markup := cell(value))])
                         + "</row>")
        following[0] = row_idx
        xf._file("".join(parts))

    install_row_writer(sheet, write_rows)
