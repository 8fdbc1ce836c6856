"""Cells and tables for the streamed (write-only) workbook: safe text, number formats, data sheets.

A data sheet is an Excel table (autofilter, banded rows) with a frozen header, widths fitted
to its content, real number and date formats, and landscape printing fitted to the page
width with the header repeated on every page.

Speed matters (100,000 findings): plain values go to openpyxl as they are, which is what bare
openpyxl costs; only cells that need a number format become styled cells.
"""
from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from datetime import date, datetime, timezone
from itertools import chain, islice
from typing import Any, Callable, Iterable, Mapping, Sequence

from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ERROR_CODES, Cell
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.filters import AutoFilter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.table import Table, TableColumn, TableStyleInfo
from openpyxl.worksheet.worksheet import Worksheet

from workbench.checklists import Text
from workbench.jobs import CancelToken, Progress

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
# Characters XML 1.0 forbids; openpyxl refuses them, and exports do contain them.
ILLEGAL_CHARACTERS = re.compile(r"[\000-\010]|[\013-\014]|[\016-\037]")
EXCEL_TEXT_LIMIT = 32_767

DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
PERCENT_FORMAT = "0.0%"
INTEGER_FORMAT = "#,##0"
DECIMAL_FORMAT = "0.0"

HEADER_FONT = Font(bold=True)
TITLE_FONT = Font(bold=True, size=14)
SECTION_FONT = Font(bold=True, size=11, color="1F3864")
NOTE_FONT = Font(italic=True, color="595959")
WRAP = Alignment(wrap_text=True, vertical="top")
BELOW_TARGET_FILL = PatternFill(bgColor="FFC7CE", fill_type="solid")
BELOW_TARGET_FONT = Font(color="9C0006")
TABLE_STYLE = "TableStyleMedium2"
PROGRESS_EVERY = 2000
WIDTH_SAMPLE = 1000       # rows looked at to fit column widths before streaming the rest
MAX_WIDTH = 60


def safe_text(value: str) -> str:
    """Text that Excel shows as text and never runs: a leading formula trigger gets an apostrophe.

    The apostrophe is the escape OWASP recommends for spreadsheet exports; it is visible,
    which is right: the reader sees that the source text began with '='.
    """
    if value and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def text_value(sheet: Worksheet, value: Any) -> Any:
    """A cell value for imported or typed text: escaped, cleaned, never a formula or an error code."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        return value
    if value.startswith(FORMULA_TRIGGERS):
        value = "'" + value
    if ILLEGAL_CHARACTERS.search(value):
        value = ILLEGAL_CHARACTERS.sub("\ufffd", value)
    if len(value) > EXCEL_TEXT_LIMIT:
        value = value[:EXCEL_TEXT_LIMIT - 1] + "…"
    if value in ERROR_CODES:          # "#N/A" typed in a title must stay text
        cell = WriteOnlyCell(sheet, value=value)
        cell.data_type = "s"
        return cell
    return value


def styled(sheet: Worksheet, value: Any, number_format: str | None = None, font: Font | None = None,
           alignment: Alignment | None = None) -> Cell:
    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str):
        cell.data_type = "s"
    if number_format:
        cell.number_format = number_format
    if font is not None:
        cell.font = font
    if alignment is not None:
        cell.alignment = alignment
    return cell


def iso_date(value: Any) -> Any:
    """A stored ISO date -> a real date (text that is not a date stays text)."""
    if not value:
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return safe_text(str(value))


def local_datetime(value: Any) -> Any:
    """A stored UTC timestamp -> the local wall-clock time, without a zone (Excel has none)."""
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(str(value))
    except ValueError:
        return safe_text(str(value))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone().replace(tzinfo=None, microsecond=0)


def display_width(value: Any) -> int:
    """Roughly how many '0' widths Excel needs: CJK characters (3 UTF-8 bytes) count double."""
    if isinstance(value, Cell):
        value = value.value
    if value is None:
        return 0
    if isinstance(value, datetime):
        return 16
    if isinstance(value, date):
        return 10
    if isinstance(value, bool) or isinstance(value, float):
        return 8
    if isinstance(value, int):
        return len(f"{value:,}")
    text = str(value)
    return (len(text) + len(text.encode("utf-8"))) // 2


@dataclass(frozen=True)
class Column:
    """A column of a data sheet: its header in both languages and how its values are shown.

    kind: text (escaped text), label (a code shown through `labels`), date (ISO date), datetime
    (UTC timestamp shown in local time), integer, decimal (one decimal place), percent (a fraction),
    minutes (seconds shown as minutes with one decimal).
    """

    key: str
    header: Text
    kind: str = "text"
    labels: Mapping[str, Text] | None = None
    min_width: int = 8
    max_width: int = MAX_WIDTH

    def title(self, language: str) -> str:
        return self.header.get(language)


FORMATS = {"integer": INTEGER_FORMAT, "decimal": DECIMAL_FORMAT, "percent": PERCENT_FORMAT,
           "minutes": DECIMAL_FORMAT}


def converter(sheet: Worksheet, column: Column, language: str) -> Callable[[Any], Any]:
    """The function that turns a stored value into this column's cell value."""
    kind = column.kind
    if kind == "text":
        return lambda value: text_value(sheet, value)
    if kind == "label":
        labels = {code: text.get(language) for code, text in (column.labels or {}).items()}
        return lambda value: labels.get(value) if value in labels else text_value(sheet, value)
    if kind == "date":
        return iso_date
    if kind == "datetime":
        return local_datetime
    number_format = FORMATS[kind]
    if kind == "minutes":
        def minutes(value: Any) -> Any:
            return styled(sheet, value / 60.0, number_format) if value else None
        return minutes

    def number(value: Any) -> Any:
        return None if value is None else styled(sheet, value, number_format)
    return number


def fit_widths(columns: Sequence[Column], header: Sequence[str], rows: Sequence[Sequence[Any]]) -> list[float]:
    widths = []
    for index, column in enumerate(columns):
        # The header also holds the autofilter button: about three characters.
        widest = max([display_width(header[index]) + 3] + [display_width(row[index]) for row in rows])
        if column.kind in ("percent", "decimal", "minutes"):
            widest = max(widest, 8)
        elif column.kind == "datetime":
            widest = max(widest, 16)
        elif column.kind == "date":
            widest = max(widest, 10)
        widths.append(min(column.max_width, max(column.min_width, widest + 1)))
    return widths


def prepare_print(sheet: Worksheet, *, title_rows: str | None = "1:1") -> None:
    """Landscape A4, fitted to the page width (as many pages down as needed)."""
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.print_options.gridLines = False
    if title_rows:
        sheet.print_title_rows = title_rows


@dataclass(frozen=True)
class Highlight:
    """Conditional formatting of the rows whose `column` holds a number below `threshold`."""

    column: str
    threshold: float


def write_table(sheet: Worksheet, *, columns: Sequence[Column], rows: Iterable[Sequence[Any]], language: str,
                table_name: str, progress: Progress, cancel: CancelToken, label: str = "", total: int = 0,
                highlight: Highlight | None = None) -> int:
    """Write a data sheet as an Excel table; returns the number of data rows.

    Rows are the stored values in column order; the first WIDTH_SAMPLE of them are looked at
    to fit the column widths (a write-only sheet needs its widths before its first row).
    """
    convert = [converter(sheet, column, language) for column in columns]
    header = [column.title(language) for column in columns]
    source = iter(rows)
    first = [[c(v) for c, v in zip(convert, row)] for row in islice(source, WIDTH_SAMPLE)]
    for index, width in enumerate(fit_widths(columns, header, first)):
        sheet.column_dimensions[get_column_letter(index + 1)].width = width
    sheet.freeze_panes = "A2"
    prepare_print(sheet)
    sheet.append([styled(sheet, title, font=HEADER_FONT) for title in header])
    count = 0
    append = sheet.append
    for values in chain(first, ([c(v) for c, v in zip(convert, row)] for row in source)):
        append(values)
        count += 1
        if count % PROGRESS_EVERY == 0:
            cancel.check()
            progress(count, total, label)
    last_column = get_column_letter(len(columns))
    last_row = count + 1
    if count == 0:
        sheet.append([None] * len(columns))    # a table needs a data row; Excel shows it empty
        last_row = 2
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
    return count
