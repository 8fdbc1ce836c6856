"""A report sheet written row by row on a grid of columns (the Calibration sheet's): cells merged across
columns where a table needs a wider one, row heights that fit wrapped text (openpyxl cannot measure
text, and a write-only sheet needs each row's height before the row), headings, notes, header rows
in two tiers, ruled table rows, and page breaks.
"""
from __future__ import annotations

import re
from copy import copy
from typing import Any, Sequence

from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from workbench.report.excel_cells import (
    DATETIME_FORMAT,
    HEADER_FONT,
    NOTE_FONT,
    SECTION_FONT,
    TITLE_FONT,
    local_datetime,
    styled,
    text_value,
    xml_text,
)
from workbench.review.checklists import Text

TOP = Alignment(vertical="top")
WRAP_TOP = Alignment(wrap_text=True, vertical="top")
CENTRED = Alignment(wrap_text=True, vertical="bottom", horizontal="center")
SECTION_FILL = PatternFill("solid", fgColor="DDEBF7")
SECTION_BORDER = Border(bottom=Side(style="thin", color="8EA9DB"))
HEADER_FILL = PatternFill("solid", fgColor="F2F2F2")
HEADER_BORDER = Border(bottom=Side(style="thin", color="808080"))
ROW_BORDER = Border(bottom=Side(style="hair", color="BFBFBF"))
_CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]")
_PIECE = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]|[^\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]+")
LATIN = 0.86                   # a Latin letter's width in '0' widths, on average (Calibri, Carlito)
LINE = 1.25                    # a wrapped line's height: 1.25 times the font size
#: ...and a line with Chinese characters: DengXian and the CJK faces that stand in for it set lines further apart.
CJK_LINE = 1.45


def wrapped(text: str, width: float, factor: float = 1.0) -> list[bool]:
    """The lines `text` takes wrapped in a column `width` characters wide, each True when it holds a Chinese
    character: words break at spaces and after hyphens, Chinese between any two characters. A Latin letter
    is about 0.86 of the '0' a column width counts, a Chinese character two; `factor` scales both for the
    font (1.0: 11 pt regular)."""
    room = max(1.0, width - 0.3)
    lines: list[bool] = []
    for paragraph in text.split("\n"):
        lines.append(False)
        used = 0.0
        for word in paragraph.split(" "):
            pieces = [p for part in re.split(r"(?<=-)", word) for p in _PIECE.findall(part)]
            for index, piece in enumerate(pieces):
                chinese = bool(_CJK.match(piece))
                size = (2.0 * len(piece) if chinese else LATIN * len(piece)) * factor
                space = LATIN * factor if index == 0 and used > 0 else 0.0
                if used > 0 and used + space + size > room:
                    lines.append(False)
                    used = size
                else:
                    used += space + size
                lines[-1] = lines[-1] or chinese
    return lines


def wrapped_lines(text: str, width: float, factor: float = 1.0) -> int:
    """How many lines `text` takes wrapped in a column `width` characters wide (see `wrapped`)."""
    return len(wrapped(text, width, factor))


def column_at(widths: Sequence[float], cm: float) -> int:
    """The first column whose left edge lies `cm` or more from the sheet's left edge (where a second
    chart beside the first is anchored)."""
    left = 0.0
    for index, width in enumerate(widths, start=1):
        if left >= cm:
            return index
        left += (width * 7 + 5) * 0.75 / 28.35       # a character about 7 px, plus 5 px padding
    return len(widths) + 1


class Grid:
    """Rows of a write-only sheet on a grid of columns: merged spans, wrapped text with row heights to
    fit it, page breaks, and what each cell holds (for the charts' cached values)."""

    def __init__(self, sheet: Worksheet, language: str, widths: Sequence[float], columns: int = 0) -> None:
        self.sheet = sheet
        self.language = language
        self.widths = list(widths)
        self.columns = columns or len(widths)          # what headings and notes span
        self.row = 0
        self.values: dict[tuple[int, int], Any] = {}

    def t(self, text: Text, **params: Any) -> str:
        value = text.get(self.language)
        return xml_text(value.format(**params)) if params else value      # params come from the data

    def add(self, parts: Sequence[tuple[Any, int]]) -> int:
        """A row of (cell, columns spanned) from column A; its height fits its wrapped text."""
        row = self.row + 1
        cells: list[Any] = []
        points = 0.0
        for value, span in parts:
            column = len(cells) + 1
            if span > 1:
                self.sheet.merged_cells.add(f"{get_column_letter(column)}{row}:{get_column_letter(column + span - 1)}{row}")
            points = max(points, self._points(value, sum(self.widths[column - 1:column - 1 + span])))
            if value is not None:
                self.values[row, column] = value.value if isinstance(value, Cell) else value
            cells += [value, *[self._blank(value) for _ in range(span - 1)]]
        if points > 11 * LINE + 1:
            self.sheet.row_dimensions[row].height = round(points + 3)
        self.sheet.append(cells)
        self.row = row
        return row

    def page_break(self) -> None:
        """What follows starts a printed page. LibreOffice keeps a manual break on a sheet fitted to one
        page wide; Excel fits without it, so the sheet reads in order either way."""
        self.sheet.row_breaks.append(Break(id=self.row))

    def _blank(self, first: Any) -> Any:
        """An empty cell inside a merged span, with its first cell's border and fill (Excel draws each cell's)."""
        if not isinstance(first, Cell) or not first.has_style:
            return None
        cell = styled(self.sheet, None)
        cell.border = copy(first.border)
        cell.fill = copy(first.fill)
        return cell

    def _points(self, value: Any, width: float) -> float:
        """The height a wrapped text cell needs, in points (0 for any other cell)."""
        if not isinstance(value, Cell) or not isinstance(value.value, str) or not value.alignment.wrap_text:
            return 0.0
        size = float(value.font.sz) if value.font is not None and value.font.sz else 11.0
        factor = size / 11 * (1.1 if value.font is not None and value.font.b else 1.0)
        zh = self.language == "zh"
        return sum(size * (CJK_LINE if zh or chinese else LINE) for chinese in wrapped(value.value, width, factor))

    def blank(self) -> None:
        self.add([])

    # -- cells ---------------------------------------------------------------------------------

    def label(self, text: Text | str, *, font: Font | None = None, alignment: Alignment | None = WRAP_TOP,
              **params: Any) -> Cell:
        value = self.t(text, **params) if isinstance(text, Text) else text
        return styled(self.sheet, value, font=font, alignment=alignment)

    def data(self, value: Any, *, font: Font | None = None, alignment: Alignment = WRAP_TOP) -> Any:
        """Text that came from the data (names, item texts, references): never run as a formula."""
        shown = text_value(self.sheet, value)
        if shown is None:
            return None
        if not isinstance(shown, Cell):
            shown = styled(self.sheet, shown)
        shown.alignment = alignment
        if font is not None:
            shown.font = font
        return shown

    def num(self, value: Any, number_format: str, font: Font | None = None) -> Cell | None:
        return None if value is None else styled(self.sheet, value, number_format, font=font, alignment=TOP)

    def moment(self, value: str | None, number_format: str = DATETIME_FORMAT) -> Any:
        shown = local_datetime(value, self.sheet)
        return styled(self.sheet, shown, number_format, alignment=TOP) if shown is not None and not isinstance(
            shown, (str, Cell)) else shown

    # -- rows ----------------------------------------------------------------------------------

    def title(self, text: str) -> None:
        """The sheet's title, across the grid (it is row 1, repeated on every printed page)."""
        self.sheet.row_dimensions[self.row + 1].height = 24
        self.add([(styled(self.sheet, text, font=TITLE_FONT), self.columns)])

    def section(self, text: Text) -> None:
        """A heading across the grid: the text runs over the empty cells beside it."""
        first = styled(self.sheet, self.t(text), font=SECTION_FONT)
        cells = [first, *[styled(self.sheet, None) for _ in range(self.columns - 1)]]
        for cell in cells:
            cell.fill = SECTION_FILL
            cell.border = SECTION_BORDER
        self.add([(c, 1) for c in cells])

    def note(self, text: str, font: Font = NOTE_FONT) -> None:
        self.add([(styled(self.sheet, text, font=font, alignment=WRAP_TOP), self.columns)])

    def fact(self, label: Text, value: Any) -> None:
        """A label and its value (numbers and dates too on the left), as the top of the sheet lists the round's facts."""
        if isinstance(value, Cell):
            value.alignment = Alignment(horizontal="left", vertical="top", wrap_text=isinstance(value.value, str))
        self.add([(self.label(label, alignment=TOP), 2), (value, 4)])

    def header(self, parts: Sequence[tuple[Any, int]]) -> None:
        """One header row: the first column's header on the left, the figures' centred."""
        self.add([(self._header_cell(v, None if i == 0 else CENTRED), span) for i, (v, span) in enumerate(parts)])

    def header_pair(self, left: Sequence[tuple[Text | str, int]],
                    groups: Sequence[tuple[Text | str, Sequence[tuple[Text | str, int]]]],
                    right: Sequence[tuple[Text | str, int]] = ()) -> int:
        """Two header rows: `left` and `right` headers span both rows; each group's title spans its
        sub-headers on the first row. Returns the second row's number (the series titles of charts)."""
        first: list[tuple[Any, int]] = []
        second: list[tuple[Any, int]] = []
        tall = []
        column = 1
        for text, span in left:
            tall.append((column, span))
            first.append((self._header_cell(text), span))
            second.append((self._header_cell(None), span))
            column += span
        for title, subs in groups:
            width = sum(span for _text, span in subs)
            first.append((self._header_cell(title, CENTRED), width))
            second += [(self._header_cell(text, CENTRED), span) for text, span in subs]
            column += width
        for text, span in right:
            tall.append((column, span))
            first.append((self._header_cell(text, CENTRED), span))
            second.append((self._header_cell(None), span))
            column += span
        top = self.row + 1
        self.add(first)
        self.add(second)
        for column, span in tall:
            end = get_column_letter(column + span - 1)
            if span > 1:
                for row in (top, top + 1):
                    self.sheet.merged_cells.remove(f"{get_column_letter(column)}{row}:{end}{row}")
            self.sheet.merged_cells.add(f"{get_column_letter(column)}{top}:{end}{top + 1}")
        return self.row

    def _header_cell(self, text: Text | str | None, alignment: Alignment | None = None) -> Cell:
        """A header: our words (Text), or a reviewer's name from the data (str), never run as a formula."""
        if isinstance(text, Text):
            cell = styled(self.sheet, self.t(text))
        else:
            shown = text_value(self.sheet, text)
            cell = shown if isinstance(shown, Cell) else styled(self.sheet, shown)
        cell.font = HEADER_FONT
        cell.alignment = alignment or Alignment(wrap_text=True, vertical="bottom")
        cell.fill = HEADER_FILL
        cell.border = HEADER_BORDER
        return cell

    def body(self, parts: Sequence[tuple[Any, int]], *, bold: bool = False) -> int:
        """A table row with a hairline below every cell."""
        ruled = []
        for value, span in parts:
            cell = value if isinstance(value, Cell) else styled(self.sheet, value, alignment=TOP)
            cell.border = ROW_BORDER
            if bold:
                cell.font = Font(bold=True, size=cell.font.sz if cell.font is not None else None)
            ruled.append((cell, span))
        return self.add(ruled)
