"""Looking at the top of a file before importing it: the header found, its mapping and the
first rows, as the mapping dialog shows them."""
from __future__ import annotations

import itertools
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

import sqlite_utils

from foundation.errors import WorkbenchError
from workbench.importing import mappings
from workbench.importing.header_finding import HEADER_SCAN_ROWS, Header, find_header
from workbench.importing.readers import open_table
from workbench.importing.row_text import as_text, is_blank


@dataclass(frozen=True)
class FilePreview:
    """What the mapping dialog shows: the header found, its mapping, and the first rows."""

    path: str
    kind: str
    encoding: str | None
    delimiter: str | None
    sheet: str | None
    sheets: list[str]                       # visible sheets a person may choose from
    header_line: int | None                 # None when no header was recognised
    names: list[str]                        # the columns' names (from the header line)
    mapping: dict[str, str]                 # column name -> case field or extra
    source: str                             # given, remembered, recognised or "" (not found)
    rows: list[tuple[int, list[str]]]       # data rows below the header, as text
    lines: list[tuple[int, list[str]]]      # every scanned row, for choosing another header line

    @property
    def found(self) -> bool:
        return "application_number" in self.mapping.values()


def preview_file(db: sqlite_utils.Database | None, path: str | Path, *, encoding: str | None = None,
                 delimiter: str | None = None, sheet: str | None = None, header_line: int | None = None,
                 mapping: Mapping[str, str] | None = None, rows: int = 20) -> FilePreview:
    """Read the top of a file as import_file would, without importing it."""
    path = Path(path)
    reader = open_table(path, encoding=encoding, delimiter=delimiter, sheet=sheet)
    try:
        iterator = reader.rows()
        scanned = list(itertools.islice(iterator, HEADER_SCAN_ROWS))
        try:
            header: Header | None = find_header(scanned, path=path, mapping=mapping, header_line=header_line,
                                                  db=db)
        except WorkbenchError:
            header = None
        if header is None:
            index = next((i for i, (_l, c) in enumerate(scanned) if not is_blank(c)), None)
            header = Header(scanned[index][0], scanned[index][1], scanned[:index], "", None) \
                if index is not None else None
        lines = [(line, [as_text(c) for c in cells]) for line, cells in scanned]
        if header is None:
            return FilePreview(str(path), reader.kind, reader.encoding, reader.delimiter, reader.sheet,
                               reader.visible_sheets, None, [], {}, "", [], lines)
        names = mappings.column_names(header.cells)
        columns = mappings.resolve(names, header.explicit if header.source else {})
        after = scanned[len(header.before) + 1:]
        body = after + list(itertools.islice(iterator, max(0, rows - len(after))))
        width = max([len(names)] + [len(c) for _l, c in body[:rows]])
        names = names + [f"column {i + 1}" for i in range(len(names), width)]
        shown = [(line, [as_text(c) for c in cells] + [""] * (width - len(cells))) for line, cells in body[:rows]]
        return FilePreview(str(path), reader.kind, reader.encoding, reader.delimiter, reader.sheet,
                           reader.visible_sheets, header.line, names, mappings.as_names(names, columns),
                           header.source if columns else "", shown, lines)
    finally:
        reader.close()
