"""The one module that touches openpyxl's private parts, fenced to the pinned openpyxl 3.1.5.

Two things openpyxl does not let us choose, and why we choose them anyway:
- Rows (`install_row_writer`): openpyxl's write-only mode builds an element per cell, about
  15 microseconds a cell (30 s for a 100,000-finding export). workbench.report.excel_rows
  renders each row's markup itself, about ten times faster than openpyxl's write-only mode and
  twice as fast as XlsxWriter's constant-memory mode; to do so it replaces, on the one sheet being
  written, `WriteOnlyWorksheet._values_to_row` (no Cell objects) and `WorksheetWriter.write_row`
  (the row's markup).
- Font names (`name_fonts`): a cell written without a font uses the workbook's first font,
  and a font made as Font(bold=True) has no name, which LibreOffice shows in a serif face.
  Giving every font of the workbook's font list its name at the end names every cell's font
  in one place, without a named Font in every call (and costs nothing per streamed cell).
- Temporary files (`beside`): openpyxl 3.1 writes each write-only sheet to
  `openpyxl.worksheet._writer.create_temporary_file()`, a NamedTemporaryFile in TMPDIR removed
  only at exit, so a killed export left them there (issue 21: 17 of 20 kills). Within `beside`,
  this thread's sheets stream to temporary files beside the target instead, named like every
  other temporary file of ours (foundation/files.py), which the next run removes.
- Markup made elsewhere (`copy_markup`): rows a worker process rendered (excel_background) are
  copied as bytes into the sheet's stream, under the text layer et_xmlfile writes through; or, when
  the worker compressed them (`splice`), only the byte position in the sheet's file is noted, on the
  sheet's writer, where workbench.report.zip_splice inserts them when the workbook is saved.

tests/workbench/test_openpyxl_internals.py fails, naming this module, on any openpyxl other than
SUPPORTED or when these private names change: check both uses again before moving the pin.
"""
from __future__ import annotations

import threading
import zlib
from copy import copy
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterator, Sequence

import openpyxl
from openpyxl.worksheet import _writer

from foundation.files import copy_range, create_temp, read_range, remove_quietly

SUPPORTED = "3.1.5"
_local = threading.local()
_original = _writer.create_temporary_file


RowWriter = Callable[[Any, Sequence[Any], int], None]    # (stream, stored values, row number)


def install_row_writer(sheet: Any, write_row: RowWriter) -> None:
    """From now on `sheet.append(values)` hands the stored values to `write_row` as they are
    (no Cell objects), and `write_row` writes the row's markup to the sheet's stream."""
    sheet._values_to_row = lambda values, row_idx: values
    sheet._writer.write_row = write_row


def copy_markup(xf: Any, path: str, start: int, end: int) -> None:
    """Bytes [start, end) of the file `path`, UTF-8 row markup, appended to a sheet's stream (the `xf`
    a row writer gets) as they are. The stream is a text file over openpyxl's temporary file
    (et_xmlfile opens it so), flushed first so the bytes follow what was written before: decoding
    and encoding again cost seconds at a million rows."""
    stream = getattr(xf._file, "__self__", None)
    if stream is None or getattr(stream, "buffer", None) is None:     # not a text file: hand it text
        xf._file(read_range(path, start, end).decode("utf-8"))
        return
    stream.flush()
    copy_range(path, start, end, stream.buffer)


def splice(sheet: Any, xf: Any, part: Any) -> None:
    """Rows a worker rendered and compressed (a zip_splice.Deflated) to follow what the sheet's stream
    holds so far: their place noted on the sheet's writer (`spliced_files`). A stream that is not a
    text file over the sheet's file is handed the rows decompressed."""
    stream = getattr(xf._file, "__self__", None)
    if stream is None or getattr(stream, "buffer", None) is None:
        xf._file(zlib.decompressobj(-15).decompress(read_range(part.path, part.start, part.end)).decode("utf-8"))
        return
    stream.flush()
    sheet._writer.__dict__.setdefault("spliced", []).append((stream.buffer.tell(), part))


def spliced_files(workbook: Any) -> dict[str, list[tuple[int, Any]]]:
    """The sheet files with rows to splice in (`splice`): {file: [(byte position, part)...]}."""
    found = {}
    for sheet in workbook.worksheets:
        writer = getattr(sheet, "_writer", None)
        if writer is not None and getattr(writer, "spliced", None):
            found[writer.out] = list(writer.spliced)
    return found


def name_fonts(workbook: Any, name: str) -> None:
    """Every font the workbook's cells use (the default font included) named `name`, not a theme font."""
    fonts = workbook._fonts
    for index, font in enumerate(list(fonts)):
        if font.name != name or font.scheme is not None:
            named = copy(font)
            named.name, named.scheme = name, None
            if named.sz is None:
                named.sz = 11
            list.__setitem__(fonts, index, named)      # same index: cells refer to fonts by index
    # The Normal style refers to font 0 by index too, so it is named with it.


def _create_temporary_file(suffix: str = "") -> str:
    target: Path | None = getattr(_local, "target", None)
    if target is None:
        return _original(suffix)
    name = str(create_temp(target))
    _writer.ALL_TEMP_FILES.append(name)   # openpyxl's cleanup() removes it from this list
    _local.made.append(name)
    return name


@contextmanager
def beside(target: Path) -> Iterator[None]:
    """Within the block, this thread's write-only sheets stream to files beside `target`."""
    if not openpyxl.__version__.startswith(SUPPORTED):
        yield   # an unknown openpyxl: leave it alone (the version test says to check this fence)
        return
    if _writer.create_temporary_file is not _create_temporary_file:
        _writer.create_temporary_file = _create_temporary_file
    _local.target, _local.made = target, []
    try:
        yield
    finally:
        for name in _local.made:   # save() removes them; a failure part-way may not have
            remove_quietly(name)
            if name in _writer.ALL_TEMP_FILES:
                _writer.ALL_TEMP_FILES.remove(name)
        _local.target, _local.made = None, []
