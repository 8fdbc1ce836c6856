"""Limits on what a file being imported may make us allocate, checked before the allocation.

A few kilobytes can describe gigabytes: a cell merged across 16,384 columns, an HTML cell
spanning 100,000 rows, a zip part that inflates a thousand times, two cells at A1 and
XFD1048576 (python-calamine allocates the whole rectangle between them). Every reader counts
what it is about to produce against these limits and stops with a WorkbenchError naming the
file, the limit and where it was hit, so any input under 10 MB stays well under 500 MB and
30 seconds (bench/bench_hostile.py measures the full-size cases).

The limits are module constants, read when a reader starts, so a test can lower them with
monkeypatch and build each bomb small.
"""
from __future__ import annotations

from pathlib import Path

from foundation.errors import WorkbenchError, register

register({
    "import.limit_columns": "{path}, line {line}: a row has more than {limit} columns "
                           "(a cell merged or spanned too far?); the file is not imported.",
    "import.limit_cells": "{path}, line {line}: the file holds more than {limit} cells; "
                         "import it in parts.",
    "import.limit_span_cells": "{path}, line {line}: merged or spanned cells fill in more than {limit} "
                              "cells; the file is not imported.",
    "import.limit_issues": "{path}, line {line}: more than {limit} rows are blank or cannot be imported; "
                          "nothing was imported (is it the right file, and the right header row?).",
    "import.limit_zip_entries": "{path}: the workbook holds more than {limit} parts; it is not imported.",
    "import.limit_unpacked": "{path}: the workbook unpacks to more than {limit} MB (at {part}); "
                            "it is not imported.",
    "import.limit_ratio": "{path}: the part {part} is compressed more than {limit} times "
                         "(a zip bomb?); the workbook is not imported.",
    "import.limit_text": "{path}: the sheet {part} holds more than {limit} MB of text, with the shared "
                        "text its cells repeat; the workbook is not imported.",
    "import.limit_sheet_cells": "{path}: the sheet {part} spans {rows} rows by {columns} columns, more than "
                               "{limit} cells; the workbook is not imported.",
})

MAX_COLUMNS = 16_384             # Excel's own sheet width: a wider row came from no spreadsheet
MAX_CELLS = 50_000_000           # cells one file may produce (a very large export holds ~20 million)
MAX_SPAN_CELLS = 5_000_000       # cells filled in by merges, spans and ss:Index jumps, in all
MAX_ROW_ISSUES = 100_000         # rows of one file that are blank, skipped or rejected
# Zip workbooks (xlsx, xlsm, xlsb, ods), looked at before python-calamine opens them.
MAX_ZIP_ENTRIES = 10_000
MAX_UNPACKED_MB = 512            # all parts together, as declared and as read (100,000 rows: ~70)
MAX_RATIO = 200                  # inflation of one part (real sheets: 5-20; zip bombs: ~1000)
RATIO_FLOOR = 1 << 20            # parts smaller than this unpack to too little to matter
# calamine's memory for a sheet: 32 bytes a cell of its rectangle, plus its text; these two keep
# it near 400 MB at most (a 100,000-row export: 1.1 million cells, 70 MB of markup).
MAX_SHEET_CELLS = 5_000_000      # rows x columns of one sheet
MAX_TEXT_MB = 256                # a sheet's markup + the shared strings + their copies in its cells


class CellBudget:
    """Counts the cells a reader produces, and the ones it fills in for spans, per file.

    `row` and `fill` are called before the list is grown, with the size it would reach.
    """

    def __init__(self, path: Path) -> None:
        self.path = str(path)
        self.columns = MAX_COLUMNS
        self.cells_left = MAX_CELLS
        self.span_left = MAX_SPAN_CELLS

    def width(self, line: int, columns: int) -> None:
        """A row is about to have `columns` cells."""
        if columns > self.columns:
            raise WorkbenchError("import.limit_columns", path=self.path, line=line, limit=f"{MAX_COLUMNS:,}")

    def fill(self, line: int, cells: int, width: int) -> None:
        """`cells` cells are about to be filled in for a span, reaching `width` columns."""
        self.width(line, width)
        self.span_left -= cells
        if self.span_left < 0:
            raise WorkbenchError("import.limit_span_cells", path=self.path, line=line,
                                 limit=f"{MAX_SPAN_CELLS:,}")

    def row(self, line: int, cells: int) -> None:
        """A finished row of `cells` cells (a blank one counts as one)."""
        self.width(line, cells)
        self.cells_left -= max(1, cells)
        if self.cells_left < 0:
            raise WorkbenchError("import.limit_cells", path=self.path, line=line, limit=f"{MAX_CELLS:,}")
