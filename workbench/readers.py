"""Reading the rows of an office export: CSV/text in any of the usual encodings, XLSX and XLS.

A reader streams (line number, cells) pairs and knows how far it has got, so the import
can show progress and never holds the whole file in memory. Anything that is not a table
we can read raises WorkbenchError naming the file.
"""
from __future__ import annotations

import codecs
import csv
import io
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, Callable, Iterator

from workbench.errors import WorkbenchError, register

register({
    "import.not_found": "{path}: the file does not exist.",
    "import.not_a_file": "{path}: this is a folder, not a file.",
    "import.huge_cell": "{path}, line {line}: a cell is longer than {limit} characters; the file is probably damaged.",
    "import.unreadable": "{path}: the file cannot be read ({detail}).",
    "import.empty": "{path}: the file is empty.",
    "import.not_text": "{path}: this is not a text or spreadsheet file that can be imported ({detail}).",
    "import.bad_encoding": "{path}: the file cannot be read as {encoding} (line {line}: {detail}).",
    "import.unknown_encoding": "{path}: unknown encoding {encoding!r}.",
    "import.bad_spreadsheet": "{path}: the spreadsheet cannot be read ({detail}).",
    "import.no_sheet": "{path}: there is no sheet named {sheet!r} (sheets: {sheets}).",
    "import.no_data_sheet": "{path}: every sheet is empty.",
    "import.bad_csv": "{path}, line {line}: {detail}.",
    "import.unclosed_quote": "{path}, line {line}: a quoted cell starts here and is never closed "
                             "(a stray \" at the start of a cell?); nothing was imported.",
    "import.bad_delimiter": "The delimiter {delimiter!r} cannot be used: give one character, or 'tab'.",
})

MAX_ROW_LINES = 200      # a row spanning more lines than this is a quote that was never closed

SPREADSHEET_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods")
SNIFF_BYTES = 64 * 1024
CSV_FIELD_LIMIT = 1024 * 1024  # a 1 MB cell is corrupt, not data


@dataclass
class TableReader:
    """Rows of one table. `rows` yields (line, cells); `position`/`total` measure progress."""

    path: Path
    kind: str                         # csv or spreadsheet
    rows: Callable[[], Iterator[tuple[int, list[Any]]]]
    total: int                        # bytes for CSV, rows for spreadsheets
    position: Callable[[], int]
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
    sheets: list[str] = field(default_factory=list)
    visible_sheets: list[str] = field(default_factory=list)
    close: Callable[[], None] = lambda: None


def open_table(path: str | Path, *, encoding: str | None = None, delimiter: str | None = None,
               sheet: str | None = None) -> TableReader:
    path = Path(path)
    if path.is_dir():
        raise WorkbenchError("import.not_a_file", path=str(path))
    if not path.is_file():
        raise WorkbenchError("import.not_found", path=str(path))
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(SNIFF_BYTES)
    except OSError as exc:
        raise WorkbenchError("import.unreadable", path=str(path), detail=exc.strerror or str(exc)) from exc
    if size == 0:
        raise WorkbenchError("import.empty", path=str(path))
    if _looks_like_spreadsheet(path, head):
        return _open_spreadsheet(path, sheet)
    if _looks_like_spreadsheet_xml(head):
        return _open_spreadsheet_xml(path, size, sheet)
    if _looks_like_html(head):
        return _open_html(path, size, head, encoding)
    return _open_csv(path, size, head, encoding, delimiter)


def visible_sheets(path: str | Path) -> list[str]:
    """The sheets a person sees in a workbook (without reading them); [] for a text file."""
    path = Path(path)
    try:
        with path.open("rb") as handle:
            head = handle.read(SNIFF_BYTES)
    except OSError as exc:
        raise WorkbenchError("import.unreadable", path=str(path), detail=exc.strerror or str(exc)) from exc
    if _looks_like_spreadsheet_xml(head):
        return _open_spreadsheet_xml(path, len(head), None).visible_sheets
    if not _looks_like_spreadsheet(path, head):
        return []
    import python_calamine
    try:
        workbook = python_calamine.CalamineWorkbook.from_path(str(path))
        try:
            return _visible(workbook) or list(workbook.sheet_names)
        finally:
            workbook.close()
    except Exception as exc:
        raise WorkbenchError("import.bad_spreadsheet", path=str(path), detail=_short(exc)) from exc


def _visible(workbook: Any) -> list[str]:
    return [m.name for m in workbook.sheets_metadata
            if str(m.visible).rsplit(".", 1)[-1].lower() == "visible"
            and str(m.typ).rsplit(".", 1)[-1].lower() == "worksheet"]


def _looks_like_spreadsheet(path: Path, head: bytes) -> bool:
    # Zip (xlsx, ods) or OLE2 (xls) signatures, whatever the file is called.
    if head.startswith(b"PK\x03\x04") or head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return True
    return False


# -- CSV and text --------------------------------------------------------------------------------

def detect_encoding(path: Path, head: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030; refuses binary files."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith(codecs.BOM_UTF16_LE) or head.startswith(codecs.BOM_UTF16_BE):
        return "utf-16"
    if b"\x00" in head:
        # UTF-16 without a BOM (some systems' "Unicode" export): the zero bytes of ASCII
        # characters sit all at odd offsets (little-endian) or all at even ones (big-endian).
        bom_less = _utf16_without_bom(head)
        if bom_less is not None and _decodes_whole_file(path, bom_less):
            return bom_less
        raise WorkbenchError("import.not_text", path=str(path), detail="it contains binary data")
    if _decodes_whole_file(path, "utf-8"):
        return "utf-8"
    if _damaged_utf8(path):
        # UTF-8 with a few broken bytes would "decode" as GB18030 into nonsense: read it as
        # UTF-8, which stops at the broken line and names it.
        return "utf-8"
    if _decodes_whole_file(path, "gb18030"):
        return "gb18030"
    raise WorkbenchError("import.not_text", path=str(path),
                         detail="it is neither UTF-8 nor GB18030 text")


def _damaged_utf8(path: Path) -> bool:
    """Mostly well-formed UTF-8 multi-byte text with a few broken sequences (a truncated
    download, one bad sector, a stray byte typed in another encoding)."""
    decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
    good = bad = 0
    with path.open("rb") as handle:
        while chunk := handle.read(256 * 1024):
            text = decoder.decode(chunk)
            replaced = text.count("\ufffd")
            bad += replaced
            good += len(text) - len(text.encode("ascii", "ignore")) - replaced
            if bad and good < 20 * bad:
                return False          # text in another encoding fails at once
        tail = decoder.decode(b"", final=True)
        bad += tail.count("\ufffd")
    return bad > 0 and good >= 20 * bad


def _utf16_without_bom(head: bytes) -> str | None:
    even = head[0::2].count(0)
    odd = head[1::2].count(0)
    zeros = even + odd
    # Text has line breaks and delimiters: a few percent of its characters at least are ASCII.
    if zeros < max(4, len(head) // 100):
        return None
    if odd >= 0.95 * zeros:
        return "utf-16-le"
    if even >= 0.95 * zeros:
        return "utf-16-be"
    return None


def _decodes_whole_file(path: Path, encoding: str) -> bool:
    decoder = codecs.getincrementaldecoder(encoding)()
    with path.open("rb") as handle:
        try:
            while chunk := handle.read(1024 * 1024):
                text = decoder.decode(chunk)
                if _control_ratio(text) > 0.01:
                    return False
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return False
    return True


def _control_ratio(text: str) -> float:
    if not text:
        return 0.0
    return len(_CONTROLS.findall(text)) / len(text)


_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def detect_delimiter(sample: str) -> str:
    """The delimiter among comma, semicolon and tab that splits the first lines most consistently."""
    lines = [line for line in sample.splitlines()[:50] if line.strip()]
    if not lines:
        return ","
    best, best_score = ",", -1.0
    for candidate in (",", "\t", ";"):
        try:
            counts = [len(row) - 1 for row in csv.reader(lines, delimiter=candidate)]
        except csv.Error:
            continue
        if not counts or max(counts) == 0:
            continue
        # Most rows split into the same number of fields, and into many of them.
        modal = max(set(counts), key=counts.count)
        score = counts.count(modal) / len(counts) * 1000 + modal
        if score > best_score:
            best, best_score = candidate, score
    return best


class _CountingReader(io.RawIOBase):
    """Counts the bytes handed to the text decoder, for progress."""

    def __init__(self, raw: io.BufferedReader) -> None:
        self.raw = raw
        self.count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        n = self.raw.readinto(buffer)
        self.count += n or 0
        return n

    def close(self) -> None:
        self.raw.close()
        super().close()


def _open_csv(path: Path, size: int, head: bytes, encoding: str | None, delimiter: str | None) -> TableReader:
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise WorkbenchError("import.unknown_encoding", path=str(path), encoding=encoding) from None
        if encoding.lower().replace("-", "").replace("_", "") in ("utf8",):
            encoding = "utf-8-sig"  # tolerate a BOM even when the user names plain UTF-8
    else:
        encoding = detect_encoding(path, head)
    if delimiter is None:
        sample = head.decode(encoding, errors="ignore").lstrip("\ufeff")
        hint = _SEP_HINT.match(sample)      # Excel's "sep=;" first line
        delimiter = hint.group(1) if hint else detect_delimiter(sample)
    else:
        delimiter = {"\\t": "\t", "tab": "\t", "comma": ",", "semicolon": ";"}.get(delimiter.lower(), delimiter)
        if len(delimiter) != 1 or delimiter in "\r\n\"":
            raise WorkbenchError("import.bad_delimiter", delimiter=delimiter)
    counter_box: list[_CountingReader] = []

    def rows() -> Iterator[tuple[int, list[Any]]]:
        raw = _CountingReader(path.open("rb"))
        counter_box.append(raw)
        text = io.TextIOWrapper(io.BufferedReader(raw), encoding=encoding, newline="")
        csv.field_size_limit(CSV_FIELD_LIMIT)
        reader = csv.reader(text, delimiter=delimiter)
        try:
            line = 1
            while True:
                try:
                    cells = next(reader)
                except StopIteration:
                    return
                except UnicodeDecodeError as exc:
                    raise WorkbenchError("import.bad_encoding", path=str(path), encoding=encoding,
                                         line=_first_bad_line(path, encoding) or reader.line_num + 1,
                                         detail=exc.reason) from exc
                except csv.Error as exc:
                    if "field larger than field limit" in str(exc):
                        raise WorkbenchError("import.huge_cell", path=str(path), line=line,
                                             limit=f"{CSV_FIELD_LIMIT:,}") from exc
                    raise WorkbenchError("import.bad_csv", path=str(path), line=reader.line_num,
                                         detail=str(exc)) from exc
                if reader.line_num - line > MAX_ROW_LINES:
                    raise WorkbenchError("import.unclosed_quote", path=str(path), line=line)
                yield line, [cell.replace("\x00", "") for cell in cells]
                line = reader.line_num + 1
        finally:
            text.close()

    return TableReader(path=path, kind="csv", rows=rows, total=size,
                       position=lambda: counter_box[-1].count if counter_box else 0,
                       encoding=encoding, delimiter=delimiter)


_SEP_HINT = re.compile(r"sep=([^\r\n])\r?\n")


# -- HTML tables ("Excel" exports of web systems) ---------------------------------------------------

def _looks_like_html(head: bytes) -> bool:
    """Many web systems' "Export to Excel" writes an HTML table and names it .xls."""
    start = head.lstrip(codecs.BOM_UTF8).lstrip()[:1024].lower()
    if start.startswith(codecs.BOM_UTF16_LE) or start.startswith(codecs.BOM_UTF16_BE):
        return False
    return start.startswith(b"<") and b"<table" in head.lower()


# -- XML Spreadsheet 2003 (older Java/.NET systems' "Excel" export) ------------------------------------

_SS = "{urn:schemas-microsoft-com:office:spreadsheet}"


def _looks_like_spreadsheet_xml(head: bytes) -> bool:
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


def _open_spreadsheet_xml(path: Path, size: int, sheet: str | None) -> TableReader:
    import xml.etree.ElementTree as ElementTree

    names: list[str] = []
    with_data: set[str] = set()
    try:
        for event, element in ElementTree.iterparse(str(path), events=("start", "end")):
            if event == "start" and element.tag == f"{_SS}Worksheet":
                names.append(element.get(f"{_SS}Name") or f"Sheet{len(names) + 1}")
            elif event == "end" and element.tag == f"{_SS}Data" and names and (element.text or "").strip():
                with_data.add(names[-1])
            elif event == "end" and element.tag == f"{_SS}Row":
                element.clear()
    except (ElementTree.ParseError, OSError, ValueError) as exc:
        raise WorkbenchError("import.bad_spreadsheet", path=str(path), detail=_short(exc)) from exc
    if sheet is not None:
        if sheet not in names:
            raise WorkbenchError("import.no_sheet", path=str(path), sheet=sheet, sheets=", ".join(names))
        chosen = sheet
    else:
        chosen = next((n for n in names if n in with_data), None)
        if chosen is None:
            raise WorkbenchError("import.no_data_sheet", path=str(path))
    position = names.index(chosen)
    counter_box: list[_CountingReader] = []

    def rows() -> Iterator[tuple[int, list[Any]]]:
        raw = _CountingReader(path.open("rb"))
        counter_box.append(raw)
        down: dict[int, tuple[int, Any]] = {}
        sheet_number = -1
        line = 0
        try:
            for event, element in ElementTree.iterparse(io.BufferedReader(raw), events=("start", "end")):
                tag = element.tag
                if tag == f"{_SS}Worksheet":
                    if event == "start":
                        sheet_number += 1
                    elif sheet_number == position:
                        return
                    continue
                if event != "end" or tag != f"{_SS}Row":
                    continue
                if sheet_number != position:
                    element.clear()
                    continue
                index = element.get(f"{_SS}Index")
                line = int(index) if index and index.isdigit() else line + 1
                cells: list[Any] = []
                for cell in element.findall(f"{_SS}Cell"):
                    at = cell.get(f"{_SS}Index")
                    if at and at.isdigit():
                        while len(cells) < min(int(at) - 1, 16384):
                            cells.append(_take_down(down, len(cells)))
                    else:
                        while len(cells) in down:        # covered by a cell merged down from above
                            cells.append(_take_down(down, len(cells)))
                    value = _xml_cell(cell.find(f"{_SS}Data"))
                    column = len(cells)
                    cells.append(value)
                    cells.extend([""] * max(0, min(_int(cell.get(f"{_SS}MergeAcross") or "0"), 16384)))
                    below = _int(cell.get(f"{_SS}MergeDown") or "0")
                    if below > 0:
                        down[column] = (min(below, 1_000_000), value)
                while len(cells) in down:
                    cells.append(_take_down(down, len(cells)))
                element.clear()
                yield line, cells
        except ElementTree.ParseError as exc:
            raise WorkbenchError("import.bad_spreadsheet", path=str(path), detail=_short(exc)) from exc
        finally:
            raw.close()

    return TableReader(path=path, kind="spreadsheet", rows=rows, total=size,
                       position=lambda: counter_box[-1].count if counter_box else 0,
                       sheet=chosen, sheets=names, visible_sheets=names)


def _take_down(down: dict[int, tuple[int, Any]], column: int) -> Any:
    if column not in down:
        return ""
    left, value = down[column]
    if left <= 1:
        del down[column]
    else:
        down[column] = (left - 1, value)
    return value


_BREAK = "\u2028"


class _TableParser(HTMLParser):
    """Rows of the tables of an HTML page; cells merged down (rowspan) repeat their value."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[list[str]] = []
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
            self.span = max(1, min(_int(values.get("colspan")), 1000))
            rows_down = max(1, min(_int(values.get("rowspan")), 100_000))
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
            self.rows.append(self.row)
            self.row = None


def _int(value: str | None) -> int:
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        return 1


def _open_html(path: Path, size: int, head: bytes, encoding: str | None) -> TableReader:
    encoding = encoding or detect_encoding(path, head)
    counter_box: list[_CountingReader] = []

    def rows() -> Iterator[tuple[int, list[Any]]]:
        raw = _CountingReader(path.open("rb"))
        counter_box.append(raw)
        text = io.TextIOWrapper(io.BufferedReader(raw), encoding=encoding, errors="replace")
        parser = _TableParser()
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
            raise WorkbenchError("import.not_text", path=str(path), detail=_short(exc)) from exc
        finally:
            text.close()

    return TableReader(path=path, kind="html", rows=rows, total=size,
                       position=lambda: counter_box[-1].count if counter_box else 0, encoding=encoding)


def _first_bad_line(path: Path, encoding: str) -> int | None:
    """The line that cannot be decoded (the decoder reads ahead, so its own position is not it).
    None for encodings whose line ends are not the byte 0x0A (UTF-16)."""
    if codecs.lookup(encoding).name.startswith("utf-16"):
        return None
    decoder = codecs.getincrementaldecoder(encoding)()
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            try:
                decoder.decode(raw)
            except UnicodeDecodeError:
                return number
    return None


# -- spreadsheets --------------------------------------------------------------------------------

def _open_spreadsheet(path: Path, sheet: str | None) -> TableReader:
    import python_calamine

    try:
        workbook = python_calamine.CalamineWorkbook.from_path(str(path))
        names = list(workbook.sheet_names)
        visible = _visible(workbook)
    except Exception as exc:  # calamine raises several of its own types, and OSError/ValueError
        raise WorkbenchError("import.bad_spreadsheet", path=str(path), detail=_short(exc)) from exc
    try:
        if sheet is not None:
            if sheet not in names:
                raise WorkbenchError("import.no_sheet", path=str(path), sheet=sheet, sheets=", ".join(names))
            chosen = workbook.get_sheet_by_name(sheet)
        else:
            # The first visible sheet with data: a hidden sheet of lookup lists is not the export.
            chosen = None
            for name in visible or names:
                candidate = workbook.get_sheet_by_name(name)
                if candidate.height > 0 and candidate.width > 0:
                    chosen = candidate
                    break
            if chosen is None:
                raise WorkbenchError("import.no_data_sheet", path=str(path))
        merged = list(chosen.merged_cell_ranges or ())
        start_column = chosen.start[1] if chosen.start else 0
    except WorkbenchError:
        raise
    except Exception as exc:
        raise WorkbenchError("import.bad_spreadsheet", path=str(path), detail=_short(exc)) from exc
    total = (chosen.end[0] + 1) if chosen.end else 0
    done = [0]

    def rows() -> Iterator[tuple[int, list[Any]]]:
        fill = _MergedFill(merged, start_column)
        try:
            for index, cells in enumerate(chosen.iter_rows()):
                done[0] = index + 1
                cells = list(cells)
                if fill.active(index):
                    fill.apply(index, cells)
                yield index + 1, cells   # calamine yields rows from the sheet's first row
        except WorkbenchError:
            raise
        except Exception as exc:
            raise WorkbenchError("import.bad_spreadsheet", path=str(path), detail=_short(exc)) from exc

    return TableReader(path=path, kind="spreadsheet", rows=rows, total=total, position=lambda: done[0],
                       sheet=chosen.name, sheets=names, visible_sheets=visible or names, close=workbook.close)


class _MergedFill:
    """Cells merged down several rows hold their value in the top cell only; a report that
    merges one department over a group of cases means it for every one of them, so the
    value is repeated down the merged rows. Merges within a single row are left alone."""

    def __init__(self, ranges: list[Any], start_column: int) -> None:
        self.starts: dict[int, list[tuple[int, int, int]]] = {}
        for (top, left), (bottom, right) in ranges:
            if bottom > top:
                self.starts.setdefault(top, []).append((bottom, left - start_column, right - start_column))
        self.running: list[tuple[int, int, list[Any]]] = []   # (last row, first column, values)

    def active(self, row: int) -> bool:
        return bool(self.running) or row in self.starts

    def apply(self, row: int, cells: list[Any]) -> None:
        self.running = [r for r in self.running if r[0] >= row]
        for first, values in ((r[1], r[2]) for r in self.running):
            for offset, value in enumerate(values):
                column = first + offset
                if 0 <= column < len(cells) and cells[column] in ("", None):
                    cells[column] = value
        for bottom, left, right in self.starts.pop(row, ()):
            values = [cells[c] if 0 <= c < len(cells) else "" for c in range(max(left, 0), right + 1)]
            self.running.append((bottom, max(left, 0), values))


def _short(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:200]


