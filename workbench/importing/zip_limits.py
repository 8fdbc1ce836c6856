"""A zip workbook (xlsx, xlsm, xlsb, ods) looked at before python-calamine opens it.

calamine unpacks the shared strings whole and allocates the whole rectangle of a sheet,
from its first to its last cell, 32 bytes a cell: a 2 MB zip bomb named .xlsx took 2 to 5 GB,
and a 1 KB sheet with cells at A1 and XFD1048576 aborts the process. So first the central
directory (how many parts, their declared sizes, how much each inflates), then every part is
inflated as a stream (declared sizes can lie; Python's zipfile stops at the declared size and
checks the CRC) while the cell references of each worksheet (xl/worksheets/*.xml) or the
repeated cells of an OpenDocument content.xml give the rectangle calamine will fill. The binary
sheets of an .xlsb are checked for size and inflation only. Reading adds about half a second
to a 100,000-row workbook; nothing is kept in memory but one megabyte at a time.
"""
from __future__ import annotations

import re
import zipfile
from array import array
from collections import Counter
from pathlib import Path
from typing import Iterator

from workbench.importing import read_limits as limits
from foundation.errors import WorkbenchError
from workbench.importing.table_reader import short

CHUNK = 1 << 20
LONGEST_TAG = 1 << 20          # a start tag longer than this is no spreadsheet's
# Any element's r="B7" or r="7": in a worksheet, cells' and rows' references. Two patterns
# giving one value each are faster than one giving pairs.
_REF_ROW = re.compile(rb' r="[A-Za-z]{0,4}([0-9]{1,10})"')
_REF_COLUMN = re.compile(rb' r="([A-Za-z]{1,4})[0-9]')
_REF_WIDE = re.compile(rb' r="([A-Za-z]{2,4})[0-9]')        # column AA and beyond: few sheets have any
_CELL = re.compile(rb'<(?:[A-Za-z_][\w.-]*:)?c[\s/>]')
_ROW = re.compile(rb'<(?:[A-Za-z_][\w.-]*:)?row[\s/>]')
_CELL_REF = re.compile(rb' r="[A-Za-z]{1,4}[0-9]')
_ROW_REF = re.compile(rb'<(?:[A-Za-z_][\w.-]*:)?row\b[^>]*? r="[0-9]')


def check_zip_workbook(path: Path) -> None:
    """Raise WorkbenchError if the workbook would unpack or spread beyond read_limits.

    Not a zip (an OLE2 .xls): nothing to do here. A damaged zip is left to calamine's message.
    """
    try:
        if not zipfile.is_zipfile(path):
            return
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            _check_directory(path, infos)
            strings = _SharedStrings()
            # The shared strings first: a sheet's text is counted with their lengths.
            for info in sorted(infos, key=lambda i: not i.filename.lower().endswith("sharedstrings.xml")):
                _read_part(path, archive, info, strings)
    except WorkbenchError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, OSError, EOFError,
            RuntimeError, ValueError) as exc:
        raise WorkbenchError("import.bad_spreadsheet", path=str(path), detail=short(exc)) from exc


def _check_directory(path: Path, infos: list[zipfile.ZipInfo]) -> None:
    if len(infos) > limits.MAX_ZIP_ENTRIES:
        raise WorkbenchError("import.limit_zip_entries", path=str(path), limit=f"{limits.MAX_ZIP_ENTRIES:,}")
    total = 0
    for info in infos:
        total += info.file_size
        if total > limits.MAX_UNPACKED_MB << 20:
            raise WorkbenchError("import.limit_unpacked", path=str(path), limit=f"{limits.MAX_UNPACKED_MB:,}",
                                 part=info.filename)
        if info.file_size > limits.RATIO_FLOOR and info.file_size > limits.MAX_RATIO * max(1, info.compress_size):
            raise WorkbenchError("import.limit_ratio", path=str(path), part=info.filename,
                                 limit=f"{limits.MAX_RATIO:,}")


class _Extent:
    """The rectangle calamine will allocate for one worksheet, from its cell references.

    A row or cell without a reference follows the one before it: rows without one are added
    to the height, and the most cells without one in any row to the width.
    """

    def __init__(self, count_strings: bool) -> None:
        self.rows = self.columns = 0
        self.narrow = False             # cells in columns A to Z may be there: counted as 26 until looked at
        self.loose_rows = self.loose_width = 0
        self.carry = 0                  # cells without a reference in the row still open
        self.prefixed = False           # <x:row>, <x:c>: some .NET writers
        self.count_strings = count_strings
        self.string_cells = 0           # cells holding a shared string (t="s")

    def scan(self, data: bytes) -> None:
        # Per reference, only its row number is taken (one regex, values made unique per chunk):
        # looking at every cell's letters as well cost a third more for nothing in most sheets.
        if self.count_strings:
            self.string_cells += data.count(b' t="s"') + data.count(b" t='s'")
        refs = _REF_ROW.findall(data)
        if refs:
            self.rows = max(self.rows, max(map(int, set(refs))))     # about one value per row
            self.narrow = True
            wide = _REF_WIDE.findall(data)
            if wide:
                self.columns = max(self.columns, max(map(_column, set(wide))))
        # Elements without a reference: cheap counts first (<c and <row also start <col and
        # <rowBreaks, which only sends a chunk down the slow path); a namespace prefix needs the regex.
        if b":sheetData" in data or b":row" in data:
            self.prefixed = True
        starts = (len(_CELL.findall(data)) + len(_ROW.findall(data)) if self.prefixed
                  else data.count(b"<c") + data.count(b"<row"))
        if starts > len(refs):
            parts = _ROW.split(data)
            self.loose_rows += len(parts) - 1 - len(_ROW_REF.findall(data))
            loose = [len(_CELL.findall(part)) - len(_CELL_REF.findall(part)) for part in parts]
            loose[0] += self.carry
            self.carry = loose[-1]
            self.loose_width = max(self.loose_width, max(loose))
        elif b"<row" in data:
            self.carry = 0

    def narrow_columns(self, data: bytes) -> None:
        """The exact columns A to Z, when counting them as 26 was not good enough (a second pass)."""
        letters = _REF_COLUMN.findall(data)
        if letters:
            self.columns = max(self.columns, max(map(_column, set(letters))))

    def size(self) -> tuple[int, int]:
        columns = max(self.columns, 26) if self.narrow else self.columns
        return self.rows + self.loose_rows, columns + self.loose_width


_ODS_TAG = re.compile(rb'<(/?)table:(table-row|table-cell|covered-table-cell|table)\b([^>]*)>')
_ROWS_REPEATED = re.compile(rb'number-rows-repeated="([0-9]{1,10})"')
_COLUMNS_REPEATED = re.compile(rb'number-columns-repeated="([0-9]{1,10})"')


class _OdsExtent:
    """The rectangle calamine fills for an OpenDocument table: a cell with a value repeated
    (number-columns-repeated) in a row repeated (number-rows-repeated) is copied into every
    position, its text with it; empty repeated cells (LibreOffice ends every sheet with a
    million) are not."""

    def __init__(self) -> None:
        self.rows = self.columns = 0           # of the largest table so far
        self.row = self.column = 0             # where the table being read has got to
        self.repeat = 1                        # the open row's repeat
        self.has_data = False
        self.table_rows = self.table_columns = 0
        self.copied = 0                        # bytes of cell content copied by repeats
        self.offset = 0                        # of the piece being read, in the part
        self.pending: tuple[int, int] | None = None   # (copies, where its content starts)

    def scan(self, data: bytes) -> None:
        for found in _ODS_TAG.finditer(data):
            closing, tag, attributes = found.groups()
            if self.pending is not None:       # a repeated cell's content ends at the next tag
                copies, start = self.pending
                self.copied += copies * max(0, self.offset + found.start() - start)
                self.pending = None
            if tag == b"table":
                if closing:
                    self.rows = max(self.rows, self.table_rows)
                    self.columns = max(self.columns, self.table_columns)
                self.row = self.column = self.table_rows = self.table_columns = 0
            elif tag == b"table-row":
                if closing:
                    self.row += self.repeat
                    if self.has_data:
                        self.table_rows = max(self.table_rows, self.row)
                    continue
                repeated = _ROWS_REPEATED.search(attributes)
                self.repeat = int(repeated.group(1)) if repeated else 1
                self.column, self.has_data = 0, False
                if attributes.endswith(b"/"):           # <table:table-row/>: an empty row
                    self.row += self.repeat
            elif not closing:
                repeated = _COLUMNS_REPEATED.search(attributes)
                width = int(repeated.group(1)) if repeated else 1
                self.column += width
                if b"value-type" in attributes or not attributes.endswith(b"/"):
                    self.has_data = True
                    self.table_columns = max(self.table_columns, self.column)
                    if width * self.repeat > 1:
                        self.pending = (width * self.repeat - 1, self.offset + found.end())
        self.offset += len(data)

    def size(self) -> tuple[int, int]:
        return max(self.rows, self.table_rows), max(self.columns, self.table_columns)


def _column(letters: bytes) -> int:
    number = 0
    for letter in letters.upper():
        number = number * 26 + letter - 64
    return number


def _chunks(path: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo, whole_tags: bool) -> Iterator[bytes]:
    """The part inflated a megabyte at a time, counted against the limits as it is read; with
    whole_tags, each piece ends after a complete tag (a tag cut in two waits for its end)."""
    name = info.filename
    tail = b""
    read = 0
    with archive.open(info) as part:
        while chunk := part.read(CHUNK):
            read += len(chunk)
            if read > info.file_size or read > limits.MAX_UNPACKED_MB << 20:
                raise WorkbenchError("import.limit_unpacked", path=str(path), part=name,
                                     limit=f"{limits.MAX_UNPACKED_MB:,}")
            if not whole_tags:
                yield chunk
                continue
            data = tail + chunk
            cut = data.rfind(b"<")
            if cut < 0 or b">" in data[cut:]:
                tail = b""              # every tag in it is complete
            else:
                data, tail = data[:cut], data[cut:]
                if len(tail) > LONGEST_TAG:
                    raise WorkbenchError("import.bad_spreadsheet", path=str(path),
                                         detail=f"{name} has a tag longer than {LONGEST_TAG:,} bytes")
            yield data
    if tail:
        yield tail


def _read_part(path: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo, strings: _SharedStrings) -> None:
    name = info.filename
    lower = name.lower()
    if lower.endswith("sharedstrings.xml"):
        for data in _chunks(path, archive, info, whole_tags=True):
            strings.scan(data)
        strings.close()
        return
    sheet = lower.startswith("xl/worksheets/") and lower.endswith(".xml")
    extent: _Extent | _OdsExtent | None = (_Extent(count_strings=strings.offset > 0) if sheet
                                           else _OdsExtent() if name == "content.xml" else None)
    for data in _chunks(path, archive, info, whole_tags=extent is not None):
        if extent is not None:
            extent.scan(data)
    if extent is None:
        return
    rows, columns = extent.size()
    if isinstance(extent, _Extent) and extent.narrow and (rows * columns > limits.MAX_SHEET_CELLS
                                                          or columns > limits.MAX_COLUMNS):
        extent.narrow = False
        for data in _chunks(path, archive, info, whole_tags=True):
            extent.narrow_columns(data)
        rows, columns = extent.size()
    if rows * columns > limits.MAX_SHEET_CELLS or columns > limits.MAX_COLUMNS:
        raise WorkbenchError("import.limit_sheet_cells", path=str(path), part=name, rows=f"{rows:,}",
                             columns=f"{columns:,}", limit=f"{limits.MAX_SHEET_CELLS:,}")
    # calamine holds the text of the sheet's cells (at most its markup), the shared strings, and a
    # copy of a shared string (of an OpenDocument repeated cell) in every cell that shows it.
    most = limits.MAX_TEXT_MB << 20
    text = info.file_size + strings.offset
    if isinstance(extent, _OdsExtent):
        text += extent.copied
    elif text + extent.string_cells * strings.longest > most:
        counts: Counter[bytes] = Counter()            # the estimate is too high: count exactly
        for data in _chunks(path, archive, info, whole_tags=True):
            counts.update(_STRING_CELL.findall(data))
        text += strings.total(counts)
    if text > most:
        raise WorkbenchError("import.limit_text", path=str(path), part=name, limit=f"{limits.MAX_TEXT_MB:,}")


_SI = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?si[\s>/]")
_STRING_CELL = re.compile(rb"""<(?:[A-Za-z_][\w.-]*:)?c\b[^>]*?\st=["']s["'][^>]*>\s*"""
                          rb"""<(?:[A-Za-z_][\w.-]*:)?v>([0-9]{1,10})<""")


class _SharedStrings:
    """How long each shared string is (as markup: an upper bound on its text), in order."""

    def __init__(self) -> None:
        self.lengths = array("q")
        self.offset = 0                 # of the piece being read, in the part
        self.last = -1                  # where the open <si> started
        self.longest = 0

    def scan(self, data: bytes) -> None:
        for found in _SI.finditer(data):
            start = self.offset + found.start()
            if self.last >= 0:
                self._add(start - self.last)
            self.last = start
        self.offset += len(data)

    def close(self) -> None:
        if self.last >= 0:
            self._add(self.offset - self.last)
            self.last = -1

    def _add(self, length: int) -> None:
        self.lengths.append(length)
        self.longest = max(self.longest, length)

    def total(self, counts: Counter[bytes]) -> int:
        lengths = self.lengths
        return sum(lengths[int(index)] * count for index, count in counts.items() if int(index) < len(lengths))
