"""Cells of the streamed (write-only) workbook: safe text, number and date formats, styles, printing.

Every text that came from an imported file or a reviewer is written as text that can never
run as a formula: in a workbook as a text cell with the quote-prefix style (`text_value`: the
value is unchanged, Excel and LibreOffice keep it as text when it is edited); in a CSV file, which
has no styles, with a leading apostrophe (`safe_text`). `Column` says how a data-sheet column shows its
stored values; `converter` gives those values as openpyxl cell values (used to fit widths,
and by the benchmark's bare-openpyxl baseline), workbench.report.excel_rows writes them as markup.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Any, Callable, Mapping

from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ERROR_CODES, Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.worksheet import Worksheet

from workbench.review.checklists import Text
from workbench.report.round_words import stratum_label

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
# Characters XML 1.0 cannot hold: C0 controls but tab, LF and CR (openpyxl refuses them),
# lone surrogates, U+FFFE and U+FFFF (openpyxl writes them, and the workbook is corrupt).
ILLEGAL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
REPLACEMENT = "\ufffd"
EXCEL_TEXT_LIMIT = 32_767

DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
PERCENT_FORMAT = "0.0%"
INTEGER_FORMAT = "#,##0"
DECIMAL_FORMAT = "0.0"

# Sizes set here; the name (Calibri or DengXian) is given to every font when the workbook is saved
# (openpyxl_internals.name_fonts), so one Font serves both languages.
BODY_SIZE = 11
HEADER_FONT = Font(bold=True, size=BODY_SIZE)
TITLE_FONT = Font(bold=True, size=16, color="1F3864")
SECTION_FONT = Font(bold=True, size=BODY_SIZE, color="1F3864")
NOTE_FONT = Font(italic=True, size=10, color="595959")
HELPER_FONT = Font(italic=True, size=9, color="808080")
WRAP = Alignment(wrap_text=True, vertical="top")
HEADER_ALIGNMENT = Alignment(wrap_text=True, vertical="bottom")
BELOW_TARGET_FILL = PatternFill(bgColor="FFC7CE", fill_type="solid")
BELOW_TARGET_FONT = Font(color="9C0006")
TABLE_STYLE = "TableStyleMedium2"
PROGRESS_EVERY = 2000
WIDTH_SAMPLE = 1000       # rows looked at to fit column widths before streaming the rest
MAX_WIDTH = 60


def safe_text(value: str) -> str:
    """CSV text that a spreadsheet program shows as text and never runs: a leading formula
    trigger gets an apostrophe (the escape OWASP recommends; a CSV file has no cell styles).
    Workbooks use the quote-prefix style instead (`text_value`), which leaves the text unaltered.
    """
    if value and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def xml_text(value: str) -> str:
    """The text with every character XML 1.0 cannot hold replaced by U+FFFD."""
    if ILLEGAL_CHARACTERS.search(value):
        return ILLEGAL_CHARACTERS.sub(REPLACEMENT, value)
    return value


def looks_like_formula(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_TRIGGERS)


def text_value(sheet: Worksheet, value: Any) -> Any:
    """A cell value for imported or typed text: cleaned, never a formula or an error code.

    Text a spreadsheet program would take for a formula ('=1+1', '-unverified') becomes a text
    cell with the quote-prefix style: the value stays exactly what was imported.
    """
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        return value
    value = xml_text(value)
    if len(value) > EXCEL_TEXT_LIMIT:
        value = value[:EXCEL_TEXT_LIMIT - 1] + "…"
    quoted = looks_like_formula(value)
    if quoted or value in ERROR_CODES:          # "#N/A" typed in a title must stay text
        cell = WriteOnlyCell(sheet, value=value)
        cell.data_type = "s"
        if quoted:
            cell.quotePrefix = True
        return cell
    return value



def styled(sheet: Worksheet, value: Any, number_format: str | None = None, font: Font | None = None,
           alignment: Alignment | None = None) -> Cell:
    if isinstance(value, str):
        value = xml_text(value)
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


def iso_date(value: Any, sheet: Worksheet | None = None) -> Any:
    """A stored ISO date -> a real date (text that is not a date stays text)."""
    if not value:
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return _undated(str(value), sheet)


def _undated(value: str, sheet: Worksheet | None) -> Any:
    if sheet is not None:
        return text_value(sheet, value)
    return xml_text(safe_text(value))     # no sheet to style a cell in: the CSV escape


def local_datetime(value: Any, sheet: Worksheet | None = None) -> Any:
    """A stored UTC timestamp -> the local wall-clock time, without a zone (Excel has none)."""
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(str(value))
    except ValueError:
        return _undated(str(value), sheet)
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

    kind: text (escaped text), stratum (a round's stratum name), label (a code shown through `labels`), date (ISO date), datetime
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
    if kind == "stratum":     # IP-type codes in a stratum name, in the sheet's words
        return lambda value: text_value(sheet, stratum_label(value, language))
    if kind == "label":
        labels = {code: text.get(language) for code, text in (column.labels or {}).items()}
        return lambda value: labels.get(value) if value in labels else text_value(sheet, value)
    if kind == "date":
        return lambda value: iso_date(value, sheet)
    if kind == "datetime":
        def moment(value: Any) -> Any:
            shown = local_datetime(value, sheet)
            return styled(sheet, shown, DATETIME_FORMAT) if isinstance(shown, datetime) else shown
        return moment
    number_format = FORMATS[kind]
    if kind == "minutes":
        def minutes(value: Any) -> Any:
            return styled(sheet, value / 60.0, number_format) if value else None
        return minutes

    def number(value: Any) -> Any:
        return None if value is None else styled(sheet, value, number_format)
    return number
