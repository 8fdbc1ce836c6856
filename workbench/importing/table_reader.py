"""What every reader of an imported file returns: a `TableReader` of (line, cells) rows."""
from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator


@dataclass
class TableReader:
    """Rows of one table. `rows` yields (line, cells); `position`/`total` measure progress."""

    path: Path
    kind: str                         # csv, html or spreadsheet
    rows: Callable[[], Iterator[tuple[int, list[Any]]]]
    total: int                        # bytes for CSV, rows for spreadsheets
    position: Callable[[], int]
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
    sheets: list[str] = field(default_factory=list)
    visible_sheets: list[str] = field(default_factory=list)
    close: Callable[[], None] = lambda: None


class CountingReader(io.RawIOBase):
    """Counts the bytes handed to the text decoder or parser, for progress."""

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


def short(exc: BaseException) -> str:
    """The first line of an exception's text, for a one-line message."""
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:200]
