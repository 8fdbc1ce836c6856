"""An old-format .xls (BIFF5/8 in an OLE2 compound file) looked at before python-calamine opens it.

calamine allocates the whole rectangle of a sheet, from its first to its last cell, 32 bytes
a cell: a 10 KB .xls with one cell moved to IV65536 took 1 GB. The cell records of the
workbook stream name their row and column, so a walk over the records (no cell is decoded)
gives each sheet's rectangle. A file this walk cannot follow is left to calamine's message.
"""
from __future__ import annotations

import struct
from pathlib import Path

from workbench.importing import read_limits as limits
from foundation.errors import WorkbenchError

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_END_OF_CHAIN = 0xFFFFFFFE
_BOF = 0x0809, 0x0409, 0x0209, 0x0009
_EOF = 0x000A
# Records that hold one cell: row and column are their first two 16-bit fields.
_CELLS = {0x0006, 0x0406, 0x0201, 0x0203, 0x0204, 0x0205, 0x027E, 0x00FD, 0x00D6,
          0x0001, 0x0002, 0x0003, 0x0004, 0x0005}
_MULTIPLE = {0x00BD, 0x00BE}      # MULRK, MULBLANK: row, first column, ..., last column


class _Unreadable(Exception):
    """Not a compound file this walk understands: calamine will say what is wrong."""


def check_xls_workbook(path: Path) -> None:
    """Raise WorkbenchError if a sheet of the .xls spans more than read_limits.MAX_SHEET_CELLS."""
    try:
        data = path.read_bytes()
        if not data.startswith(OLE_SIGNATURE):
            return
        stream = _workbook_stream(data)
    except (_Unreadable, struct.error, IndexError, ValueError):
        return
    for number, (rows, columns) in enumerate(_sheet_extents(stream), start=1):
        if rows * columns > limits.MAX_SHEET_CELLS or columns > limits.MAX_COLUMNS:
            raise WorkbenchError("import.limit_sheet_cells", path=str(path), part=f"number {number}",
                                 rows=f"{rows:,}", columns=f"{columns:,}", limit=f"{limits.MAX_SHEET_CELLS:,}")


def _workbook_stream(data: bytes) -> bytes:
    sector_size = 1 << struct.unpack_from("<H", data, 0x1E)[0]
    mini_size = 1 << struct.unpack_from("<H", data, 0x20)[0]
    if sector_size not in (512, 4096) or mini_size != 64:
        raise _Unreadable
    (fat_sectors, first_directory, _transaction, cutoff, first_mini_fat, _mini_fat_sectors,
     first_difat, difat_sectors) = struct.unpack_from("<IIIIIIII", data, 0x2C)
    count = (len(data) - 512) // sector_size           # no chain can be longer than the file

    def sector(number: int) -> bytes:
        start = 512 + number * sector_size
        if number >= count:
            raise _Unreadable
        return data[start:start + sector_size]

    fat_list = list(struct.unpack_from("<109I", data, 0x4C))
    next_difat = first_difat
    for _ in range(min(difat_sectors, count)):
        block = sector(next_difat)
        values = struct.unpack(f"<{sector_size // 4}I", block)
        fat_list.extend(values[:-1])
        next_difat = values[-1]
    fat: list[int] = []
    for number in fat_list[:fat_sectors]:
        fat.extend(struct.unpack(f"<{sector_size // 4}I", sector(number)))

    def chain(first: int, table: list[int], limit: int) -> list[int]:
        numbers, current = [], first
        while current != _END_OF_CHAIN:
            if current >= len(table) or len(numbers) > limit:
                raise _Unreadable                     # out of the table, or a loop
            numbers.append(current)
            current = table[current]
        return numbers

    directory = b"".join(sector(n) for n in chain(first_directory, fat, count))
    entries = {}
    for offset in range(0, len(directory) - 127, 128):
        length = struct.unpack_from("<H", directory, offset + 64)[0]
        name = directory[offset:offset + max(0, length - 2)].decode("utf-16-le", "replace")
        start, size = struct.unpack_from("<II", directory, offset + 0x74)
        entries[name] = (start, size)
    found = entries.get("Workbook") or entries.get("Book")
    if found is None or "Root Entry" not in entries:
        raise _Unreadable
    start, size = found
    if size >= cutoff:
        return b"".join(sector(n) for n in chain(start, fat, count))[:size]
    root_start, _root_size = entries["Root Entry"]
    mini_stream = b"".join(sector(n) for n in chain(root_start, fat, count))
    mini_fat_data = b"".join(sector(n) for n in chain(first_mini_fat, fat, count))
    mini_fat = list(struct.unpack(f"<{len(mini_fat_data) // 4}I", mini_fat_data))
    numbers = chain(start, mini_fat, len(mini_stream) // mini_size)
    return b"".join(mini_stream[n * mini_size:(n + 1) * mini_size] for n in numbers)[:size]


def _sheet_extents(stream: bytes) -> list[tuple[int, int]]:
    """(rows, columns) of each substream that holds cells: one per sheet."""
    extents: list[tuple[int, int]] = []
    rows = columns = 0
    offset, end = 0, len(stream) - 4
    while offset <= end:
        kind, length = struct.unpack_from("<HH", stream, offset)
        body = offset + 4
        if kind in _CELLS and length >= 4:
            row, column = struct.unpack_from("<HH", stream, body)
            rows, columns = max(rows, row + 1), max(columns, column + 1)
        elif kind in _MULTIPLE and length >= 6:
            row = struct.unpack_from("<H", stream, body)[0]
            last = struct.unpack_from("<H", stream, body + length - 2)[0]
            rows, columns = max(rows, row + 1), max(columns, last + 1)
        elif kind in _BOF or kind == _EOF:
            if rows or columns:
                extents.append((rows, columns))
            rows = columns = 0
        offset = body + length
    if rows or columns:
        extents.append((rows, columns))
    return extents
