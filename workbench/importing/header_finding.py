"""Finding the header of an office export below title rows, merged titles and blank rows.

The columns are mapped by an explicit mapping, else by the mapping remembered for these
headers, else by the recognised header names.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping

import sqlite_utils

from foundation.errors import WorkbenchError, register
from workbench.importing import mappings
from workbench.importing.headers import guess_mapping
from workbench.importing.row_text import as_text, is_blank

HEADER_SCAN_ROWS = 30        # the header may sit below a title block this deep

register({
    "import.no_header": "{path}: no column of application numbers was found in the first {rows} rows "
                        "(columns seen: {headers}). Say which column holds what: in the window, or with --mapping FILE.json.",
    "import.bad_mapping": "{path}: the mapping does not name a column for {field}.",
    "import.mapping_column_missing": "{path}: the mapping's column {column!r} for the application number "
                                     "is not in the first {rows} rows of the file.",
    "import.no_header_line": "{path}: line {line} cannot be the header: the first {rows} rows hold the table's "
                             "header.",
})


@dataclass
class Header:
    line: int
    cells: list[Any]
    before: list[tuple[int, list[Any]]]
    source: str                                  # given, remembered, recognised
    explicit: dict[str, str] | None


def find_header(scanned: list[tuple[int, list[Any]]], *, path: Path, mapping: Mapping[str, str] | None,
                 header_line: int | None, db: sqlite_utils.Database | None) -> Header:
    def at(index: int, source: str, explicit: dict[str, str] | None) -> Header:
        line, cells = scanned[index]
        return Header(line, cells, scanned[:index], source, explicit)

    explicit = mappings.check_mapping(mapping) if mapping is not None else None
    if header_line is not None:
        for index, (line, _cells) in enumerate(scanned):
            if line == header_line:
                return at(index, "given", explicit)
        raise WorkbenchError("import.no_header_line", path=str(path), line=header_line, rows=HEADER_SCAN_ROWS)
    if explicit is not None:
        if "application_number" not in explicit.values():
            # Only some columns named: the rest, the number included, is recognised.
            found = _recognised(scanned)
            if found is not None:
                return at(found, "given", explicit)
            raise WorkbenchError("import.bad_mapping", path=str(path), field="application_number")
        for index, (_line, cells) in enumerate(scanned):
            if mappings.explicit_finds_number(cells, explicit):
                return at(index, "given", explicit)
        column = next(k for k, v in explicit.items() if v == "application_number")
        raise WorkbenchError("import.mapping_column_missing", path=str(path), column=column, rows=HEADER_SCAN_ROWS)
    if db is not None:
        for index, (_line, cells) in enumerate(scanned):
            remembered = mappings.recall(db, cells)
            if remembered is not None and "application_number" in remembered.values():
                return at(index, "remembered", remembered)
    found = _recognised(scanned)
    if found is not None:
        return at(found, "recognised", None)
    first = next((c for _, c in scanned if not is_blank(c)), [])
    raise WorkbenchError("import.no_header", path=str(path), rows=HEADER_SCAN_ROWS,
                         headers=", ".join(t for t in (as_text(c) for c in first) if t)[:300] or "none")


def _recognised(scanned: list[tuple[int, list[Any]]]) -> int | None:
    """The row naming the application number and at least one other field; else the first
    naming the number alone (a one-column file)."""
    alone = None
    for index, (_line, cells) in enumerate(scanned):
        fields = set(guess_mapping(cells).values())
        if "application_number" in fields:
            if len(fields) >= 2:
                return index
            if alone is None:
                alone = index
    return alone
