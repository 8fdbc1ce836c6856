"""Reading the "Excel" exports that are markup: HTML tables and XML Spreadsheet 2003.

Many web systems' "Export to Excel" writes an HTML table and names it .xls; older Java and
.NET systems write SpreadsheetML 2003. Both can merge a cell over many others (colspan,
rowspan, ss:MergeAcross, ss:MergeDown, ss:Index jumps): the value is repeated down merged
rows, and every cell filled in that way is counted against workbench.importing.read_limits before
the row grows, so a few bytes cannot ask for gigabytes.
"""
from __future__ import annotations

import codecs
import io
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, Iterator

from foundation.errors import WorkbenchError
from workbench.importing.read_limits import CellBudget
from workbench.importing.table_reader import CountingReader, TableReader, short

# -- HTML tables ----------------------------------------------------------------------------------

def looks_like_html(head: bytes) -> bool:
    start = head.lstrip(codecs.BOM_UTF8).lstrip()[:1024].lower()
    if start.startswith(codecs.BOM_UTF16_LE) or start.startswith(codecs.BOM_UTF16_BE):
        return False
    return start.startswith(b"<") and b"<table" in head.lower()


_BREAK = "\u2028"


class _TableParser(HTMLParser):
    """Rows of the tables of an HTML page; cells merged down (rowspan) repeat their value."""

    def __init__(self, budget: CellBudget) -> None:
        super().__init__(convert_charrefs=True)
        self.budget = budget
        self.rows: list[list[str]] = []
        self.line = 1                                  # the row being built
        self.row: list[str] | None = None
        self.cell: list[str] | None = None
        self.span = 1
        self.down: dict[int, tuple[int, str]] = {}     # column -> (rows still covered, value)
        self.depth = 0
        self.skip = 0                                  # inside <script>/<style>
        self.pending_down = 1

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self.skip += 1
        elif tag == "table":
            self.depth += 1
        elif self.depth > 1:
            return                                     # a table inside a cell: its text joins the cell
        elif tag == "tr":
            self._end_row()
            self.row = []
        elif tag in ("td", "th"):
            if self.row is None:
                self.row = []
            self._end_cell()
            values = dict(attrs)
            self.span = max(1, _int(values.get("colspan")))
            rows_down = max(1, _int(values.get("rowspan")))
            self._fill_down()
            self.cell = []
            self.pending_down = rows_down
        elif tag == "br" and self.cell is not None:
            self.cell.append(_BREAK)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self.skip = max(0, self.skip - 1)
        elif tag == "table":
            if self.depth == 1:
                self._end_row()
            self.depth = max(0, self.depth - 1)
        elif self.depth > 1:
            return
        elif tag in ("td", "th"):
            self._end_cell()
        elif tag == "tr":
            self._end_row()

    def handle_data(self, data: str) -> None:
        if self.cell is not None and not self.skip:
            self.cell.append(data)

    def _fill_down(self) -> None:
        assert self.row is not None
        while len(self.row) in self.down:
            column = len(self.row)
            self.budget.fill(self.line, 1, column + 1)
            left, value = self.down[column]
            self.row.append(value)
            if left <= 1:
                del self.down[column]
            else:
                self.down[column] = (left - 1, value)

    def _end_cell(self) -> None:
        if self.cell is None or self.row is None:
            return
        # Source line breaks are spaces in HTML; <br> is a line break in the cell.
        text = "\n".join(" ".join(part.split()) for part in "".join(self.cell).split(_BREAK)).strip()
        if self.span > 1:
            self.budget.fill(self.line, self.span - 1, len(self.row) + self.span)
        for offset in range(self.span):
            column = len(self.row)
            self.row.append(text if offset == 0 else "")
            if self.pending_down > 1:
                self.down[column] = (self.pending_down - 1, text if offset == 0 else "")
        self.cell = None

    def _end_row(self) -> None:
        self._end_cell()
        if self.row is not None:
            self._fill_down()
            self.budget.row(self.line, len(self.row))
            self.rows.append(self.row)
            self.row = None
            self.line += 1


def _int(value: str | None) -> int:
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        return 1


def open_html(path: Path, size: int, encoding: str) -> TableReader:
    counter_box: list[CountingReader] = []

    def rows() -> Iterator[tuple[int, list[Any]]]:
        raw = CountingReader(path.open("rb"))
        counter_box.append(raw)
        text = io.TextIOWrapper(io.BufferedReader(raw), encoding=encoding, errors="replace")
        parser = _TableParser(CellBudget(path))
        line = 0
        try:
            while chunk := text.read(256 * 1024):
                parser.feed(chunk)
                ready, parser.rows = parser.rows, []
                for cells in ready:
                    line += 1
                    yield line, cells
            parser.close()
            parser._end_row()
            for cells in parser.rows:
                line += 1
                yield line, cells
        except WorkbenchError:
            raise
        except Exception as exc:      # html.parser is lenient; this is a last resort
            raise WorkbenchError("import.not_text", path=str(path), detail=short(exc)) from exc
        finally:
            text.close()

    return TableReader(path=path, kind="html", rows=rows, total=size,
                       position=lambda: counter_box[-1].count if counter_box else 0, encoding=encoding)


# -- XML Spreadsheet 2003 ---------------------------------------------------------------------------

_SS = "{urn:schemas-microsoft-com:office:spreadsheet}"
_ROW, _CELL, _DATA, _SHEET = (f"{_SS}{t}" for t in ("Row", "Cell", "Data", "Worksheet"))
_INDEX, _ACROSS, _DOWN = (f"{_SS}{a}" for a in ("Index", "MergeAcross", "MergeDown"))


def looks_like_spreadsheet_xml(head: bytes) -> bool:
    start = head.lstrip(codecs.BOM_UTF8).lstrip()[:5].lower()
    return start == b"<?xml" and b"urn:schemas-microsoft-com:office:spreadsheet" in head


def _xml_cell(data: Any) -> Any:
    if data is None:
        return ""
    text = "".join(data.itertext())
    kind = data.get(f"{_SS}Type", "String")
    if kind == "Number":
        try:
            number = float(text)
            return number
        except ValueError:
            return text
    if kind == "DateTime":
        return text[:10] if text[10:] in ("", "T00:00:00", "T00:00:00.000") else text.replace("T", " ")
    return text


def _walk(source: Any) -> Iterator[tuple[str, Any]]:
    """iterparse's events; once handled, an ended element is dropped from the tree (unless it
    is inside a <Cell>, which is read whole), so memory holds one cell, not the document."""
    import xml.etree.ElementTree as ElementTree

    stack: list[Any] = []
    open_cells = 0
    for event, element in ElementTree.iterparse(source, events=("start", "end")):
        if event == "start":
            stack.append(element)
            open_cells += element.tag == _CELL
            yield event, element
            continue
        stack.pop()
        open_cells -= element.tag == _CELL
        yield event, element
        if open_cells == 0 and stack:
            parent = stack[-1]
            if len(parent) and parent[-1] is element:
                del parent[-1]
            else:
                element.clear()


def open_spreadsheet_xml(path: Path, size: int, sheet: str | None) -> TableReader:
    import xml.etree.ElementTree as ElementTree

    names: list[str] = []
    with_data: set[str] = set()
    try:
        for event, element in _walk(str(path)):
            if event == "start" and element.tag == _SHEET:
                names.append(element.get(f"{_SS}Name") or f"Sheet{len(names) + 1}")
            elif event == "end" and element.tag == _DATA and names and (element.text or "").strip():
                with_data.add(names[-1])
    except (ElementTree.ParseError, OSError, ValueError) as exc:
        raise WorkbenchError("import.bad_spreadsheet", path=str(path), detail=short(exc)) from exc
    if sheet is not None:
        if sheet not in names:
            raise WorkbenchError("import.no_sheet", path=str(path), sheet=sheet, sheets=", ".join(names))
        chosen = sheet
    else:
        chosen = next((n for n in names if n in with_data), None)
        if chosen is None:
            raise WorkbenchError("import.no_data_sheet", path=str(path))
    position = names.index(chosen)
    counter_box: list[CountingReader] = []

    def rows() -> Iterator[tuple[int, list[Any]]]:
        raw = CountingReader(path.open("rb"))
        counter_box.append(raw)
        row = _XmlRow(CellBudget(path))
        sheet_number = -1
        try:
            for event, element in _walk(io.BufferedReader(raw)):
                tag = element.tag
                if tag == _SHEET:
                    if event == "start":
                        sheet_number += 1
                    elif sheet_number == position:
                        return
                elif sheet_number != position:
                    continue
                elif tag == _ROW:
                    if event == "start":
                        row.start(element.get(_INDEX))
                    elif row.cells is not None:
                        yield row.line, row.finish()
                elif tag == _CELL and event == "end" and row.cells is not None:
                    row.add(element)
        except ElementTree.ParseError as exc:
            raise WorkbenchError("import.bad_spreadsheet", path=str(path), detail=short(exc)) from exc
        finally:
            raw.close()

    return TableReader(path=path, kind="spreadsheet", rows=rows, total=size,
                       position=lambda: counter_box[-1].count if counter_box else 0,
                       sheet=chosen, sheets=names, visible_sheets=names)


class _XmlRow:
    """The row being read, cell by cell; cells merged down repeat their value in the rows
    below. The budget is asked before the row grows."""

    def __init__(self, budget: CellBudget) -> None:
        self.budget = budget
        self.down: dict[int, tuple[int, Any]] = {}     # column -> (rows still covered, value)
        self.line = 0
        self.cells: list[Any] | None = None

    def start(self, index: str | None) -> None:
        self.line = int(index) if index and index.isdigit() and len(index) < 12 else self.line + 1
        self.cells = []

    def _fill_down(self, cells: list[Any]) -> None:
        while len(cells) in self.down:        # covered by a cell merged down from above
            self.budget.fill(self.line, 1, len(cells) + 1)
            cells.append(_take_down(self.down, len(cells)))

    def add(self, cell: Any) -> None:
        cells, budget, line = self.cells, self.budget, self.line
        assert cells is not None
        at = cell.get(_INDEX)
        if at and at.isdigit():
            target = int(at) - 1 if len(at) < 12 else budget.columns + 1
            if target > len(cells):
                budget.fill(line, target - len(cells), target)
                while len(cells) < target:
                    cells.append(_take_down(self.down, len(cells)))
        else:
            self._fill_down(cells)
        budget.width(line, len(cells) + 1)
        value = _xml_cell(cell.find(_DATA))
        column = len(cells)
        cells.append(value)
        across = _int(cell.get(_ACROSS) or "0")
        if across > 0:
            budget.fill(line, across, len(cells) + across)
            cells.extend([""] * across)
        below = _int(cell.get(_DOWN) or "0")
        if below > 0:
            self.down[column] = (below, value)

    def finish(self) -> list[Any]:
        cells = self.cells
        assert cells is not None
        self._fill_down(cells)
        self.budget.row(self.line, len(cells))
        self.cells = None
        return cells


def _take_down(down: dict[int, tuple[int, Any]], column: int) -> Any:
    if column not in down:
        return ""
    left, value = down[column]
    if left <= 1:
        del down[column]
    else:
        down[column] = (left - 1, value)
    return value
