"""Reading the rows of an office export: CSV/text in any of the usual encodings, XLSX and XLS.

A reader streams (line number, cells) pairs and knows how far it has got, so the import
can show progress and never holds the whole file in memory. Anything that is not a table
we can read raises WorkbenchError naming the file. Every reader counts the cells it makes
against workbench.importing.read_limits. Workbooks are read in spreadsheets, HTML and XML
Spreadsheet 2003 in readers_markup; this module tells them apart and reads CSV and text.
"""
from __future__ import annotations

import codecs
import csv
import io
import re
from pathlib import Path
from typing import Any, Iterator

from foundation.errors import WorkbenchError, register
from workbench.importing.read_limits import CellBudget
from workbench.importing.readers_markup import looks_like_html, looks_like_spreadsheet_xml, open_html, open_spreadsheet_xml
from workbench.importing.spreadsheets import looks_like_spreadsheet, open_spreadsheet, workbook_visible_sheets
from workbench.importing.table_reader import CountingReader, TableReader

__all__ = ["TableReader", "detect_delimiter", "detect_encoding", "open_table", "visible_sheets"]

register({
    "import.not_found": "{path}: the file does not exist.",
    "import.not_a_file": "{path}: this is a folder, not a file.",
    "import.huge_cell": "{path}, line {line}: a cell is longer than {limit} characters; the file is probably damaged.",
    "import.unreadable": "{path}: the file cannot be read ({detail}).",
    "import.empty": "{path}: the file is empty.",
    "import.not_text": "{path}: this is not a text or spreadsheet file that can be imported ({detail}).",
    "import.bad_encoding": "{path}: the file cannot be read as {encoding} (line {line}: {detail}).",
    "import.unknown_encoding": "{path}: unknown encoding {encoding!r}.",
    "import.bad_csv": "{path}, line {line}: {detail}.",
    "import.unclosed_quote": "{path}, line {line}: a quoted cell starts here and is never closed "
                             "(a stray \" at the start of a cell?); nothing was imported.",
    "import.bad_delimiter": "The delimiter {delimiter!r} cannot be used: give one character, or 'tab'.",
})

MAX_ROW_LINES = 200      # a row spanning more lines than this is a quote that was never closed
SNIFF_BYTES = 64 * 1024
CSV_FIELD_LIMIT = 1024 * 1024  # a 1 MB cell is corrupt, not data


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
    if looks_like_spreadsheet(head):
        return open_spreadsheet(path, sheet)
    if looks_like_spreadsheet_xml(head):
        return open_spreadsheet_xml(path, size, sheet)
    if looks_like_html(head):
        return open_html(path, size, _encoding(path, head, encoding))
    return _open_csv(path, size, head, encoding, delimiter)


def visible_sheets(path: str | Path) -> list[str]:
    """The sheets a person sees in a workbook (without reading them); [] for a text file."""
    path = Path(path)
    try:
        with path.open("rb") as handle:
            head = handle.read(SNIFF_BYTES)
    except OSError as exc:
        raise WorkbenchError("import.unreadable", path=str(path), detail=exc.strerror or str(exc)) from exc
    if looks_like_spreadsheet_xml(head):
        return open_spreadsheet_xml(path, len(head), None).visible_sheets
    if not looks_like_spreadsheet(head):
        return []
    return workbook_visible_sheets(path)


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
    if _decodes_whole_file(path, "utf-8", controls=1.0):
        # Valid UTF-8, refused for its control characters: say so, not "not UTF-8".
        raise WorkbenchError("import.not_text", path=str(path),
                             detail="more than 1% of its characters are control characters, as in a binary file")
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


def _decodes_whole_file(path: Path, encoding: str, controls: float = 0.01) -> bool:
    decoder = codecs.getincrementaldecoder(encoding)()
    with path.open("rb") as handle:
        try:
            while chunk := handle.read(1024 * 1024):
                text = decoder.decode(chunk)
                if _control_ratio(text) > controls:
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


def _encoding(path: Path, head: bytes, encoding: str | None) -> str:
    """The encoding the user named (checked), or the one detected."""
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise WorkbenchError("import.unknown_encoding", path=str(path), encoding=encoding) from None
        if encoding.lower().replace("-", "").replace("_", "") in ("utf8",):
            encoding = "utf-8-sig"  # tolerate a BOM even when the user names plain UTF-8
        return encoding
    return detect_encoding(path, head)


def _open_csv(path: Path, size: int, head: bytes, encoding: str | None, delimiter: str | None) -> TableReader:
    encoding = _encoding(path, head, encoding)
    if delimiter is None:
        sample = head.decode(encoding, errors="ignore").lstrip("\ufeff")
        hint = _SEP_HINT.match(sample)      # Excel's "sep=;" first line
        delimiter = hint.group(1) if hint else detect_delimiter(sample)
    else:
        delimiter = {"\\t": "\t", "tab": "\t", "comma": ",", "semicolon": ";"}.get(delimiter.lower(), delimiter)
        if len(delimiter) != 1 or delimiter in "\r\n\"":
            raise WorkbenchError("import.bad_delimiter", delimiter=delimiter)
    counter_box: list[CountingReader] = []

    def rows() -> Iterator[tuple[int, list[Any]]]:
        raw = CountingReader(path.open("rb"))
        counter_box.append(raw)
        text = io.TextIOWrapper(io.BufferedReader(raw), encoding=encoding, newline="")
        csv.field_size_limit(CSV_FIELD_LIMIT)
        # NUL characters are dropped from each line before the cells are split (not from each
        # cell: the same text, a tenth of the calls); NUL is never a delimiter or a quote.
        reader = csv.reader(map(_without_nul, text), delimiter=delimiter)
        budget = CellBudget(path)
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
                budget.row(line, len(cells))
                yield line, cells
                line = reader.line_num + 1
        finally:
            text.close()

    return TableReader(path=path, kind="csv", rows=rows, total=size,
                       position=lambda: counter_box[-1].count if counter_box else 0,
                       encoding=encoding, delimiter=delimiter)


def _without_nul(line: str) -> str:
    return line.replace("\x00", "") if "\x00" in line else line


_SEP_HINT = re.compile(r"sep=([^\r\n])\r?\n")


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
