"""Sheet rows compressed in another process, spliced into the workbook's zip as raw deflate data.

At a million cases the Answers and Cases sheets hold about 2.6 GB of row markup. The worker processes
that render it (workbench.report.excel_background) also deflate it (`Deflater`), each part ended
with a sync flush: byte-aligned, not final, and referring to nothing before it. The export's process
then writes such a sheet's zip member (`SplicingZipFile.write`) as its own head compressed afresh,
the workers' parts as they are, and its tail, finished: one valid deflate stream, its CRC combined
from the parts' (`crc32_combine`). The export's process no longer copies the markup into its sheet
files nor compresses it, which was its longest step (about 12 s of 2.6 GB at level 1), and the
workbook holds the same sheets.

Python's zipfile has no way to write a member already compressed: `SplicingZipFile` opens the member
as zipfile does (its header, zip64 decided from the whole size) and writes the data under its
writer's five private names (`_fileobj`, `_compressor`, `_file_size`, `_compress_size`, `_crc`),
which tests/workbench/test_zip_splice.py checks on the Python in use.
"""
from __future__ import annotations

import os
import zlib
from typing import Any, BinaryIO, NamedTuple, Sequence
from zipfile import ZIP_DEFLATED, ZipFile, ZipInfo

from foundation.files import copy_range

#: zlib's fastest level: deflating the sheets' markup took a quarter of a 100,000-case export at the
#: default level 6, and level 1 takes under half as long for a file about a fifth larger.
COMPRESSION = 1


class Deflated(NamedTuple):
    """Bytes [start, end) of the file `path`: raw deflate data, sync-flushed, of `size` bytes of
    markup whose CRC-32 is `crc`. A tuple, as a write-only sheet's `append` takes (excel_rows.stream_rows)."""

    path: str
    start: int
    end: int
    size: int
    crc: int


class Deflater:
    """Writes markup to `out` compressed, from its current position: `close` ends the part."""

    def __init__(self, out: BinaryIO) -> None:
        self.out, self.start = out, out.tell()
        self.size = self.crc = 0
        self._compressor = zlib.compressobj(COMPRESSION, zlib.DEFLATED, -15)

    def write(self, data: bytes) -> None:
        self.size += len(data)
        self.crc = zlib.crc32(data, self.crc)
        self.out.write(self._compressor.compress(data))

    def close(self) -> Deflated:
        self.out.write(self._compressor.flush(zlib.Z_SYNC_FLUSH))
        return Deflated(getattr(self.out, "name", ""), self.start, self.out.tell(), self.size, self.crc)


def _times(matrix: Sequence[int], vector: int) -> int:
    total, index = 0, 0
    while vector:
        if vector & 1:
            total ^= matrix[index]
        vector >>= 1
        index += 1
    return total


def _square(matrix: Sequence[int]) -> list[int]:
    return [_times(matrix, row) for row in matrix]


def crc32_combine(crc1: int, crc2: int, length2: int) -> int:
    """The CRC-32 of A followed by B from A's CRC, B's and B's length (zlib's crc32_combine, which
    Python's zlib does not offer): B's length applied to A's CRC as zeros, in log2(length) steps."""
    if length2 <= 0:
        return crc1
    operator = [0xEDB88320] + [1 << n for n in range(31)]     # one zero bit
    operator = _square(_square(operator))                      # four zero bits
    while length2:
        operator = _square(operator)      # a zero byte, then two, four... one per bit of the length
        if length2 & 1:
            crc1 = _times(operator, crc1)
        length2 >>= 1
    return crc1 ^ crc2


class _Finished:
    """Stands in for the member writer's compressor once the data is written: nothing left to flush."""

    def flush(self) -> bytes:
        return b""


class SplicingZipFile(ZipFile):
    """A ZipFile whose `write(filename)` of a file listed in `splices` inserts, at each of the listed
    byte positions of that file, the listed worker's compressed part."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.splices: dict[str, list[tuple[int, Deflated]]] = {}

    def write(self, filename: Any, arcname: Any = None, compress_type: Any = None,
              compresslevel: Any = None) -> None:
        spliced = self.splices.get(os.fspath(filename))
        if not spliced:
            super().write(filename, arcname, compress_type, compresslevel)
            return
        zinfo = ZipInfo.from_file(filename, arcname, strict_timestamps=self._strict_timestamps)
        zinfo.compress_type = ZIP_DEFLATED
        own = os.path.getsize(filename)
        zinfo.file_size = own + sum(part.size for _at, part in spliced)    # decides zip64, as zipfile does
        with open(filename, "rb") as source, self.open(zinfo, "w") as dest:
            crc = written = done = 0
            for at, part in [*spliced, (own, None)]:
                data = _deflate(source, at - done, last=part is None)
                crc = zlib.crc32(data[1], crc)
                dest._fileobj.write(data[0])
                written += len(data[0])
                done = at
                if part is not None:
                    written += copy_range(part.path, part.start, part.end, dest._fileobj)
                    crc = crc32_combine(crc, part.crc, part.size)
            dest._file_size, dest._compress_size, dest._crc = zinfo.file_size, written, crc
            dest._compressor = _Finished()


def _deflate(source: BinaryIO, length: int, *, last: bool) -> tuple[bytes, bytes]:
    """The next `length` bytes of `source` (the sheet's own markup, a few kilobytes) compressed afresh,
    sync-flushed, or finished when `last`; and the bytes themselves."""
    data = source.read(length)
    if len(data) != length:
        raise OSError(f"{source.name}: shorter than its sheet")
    compressor = zlib.compressobj(COMPRESSION, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush(zlib.Z_FINISH if last else zlib.Z_SYNC_FLUSH), data
