"""Column mappings: which column of a file holds which case field.

A mapping is a JSON-able object `header text -> case field` (the CLI's `--mapping` file, the
GUI's mapping dialog, and `imports.mapping`); "extra" (or "") keeps a column in `extra`. A
column without a header is called "column N" and a repeated header "NAME (2)", so every
column has a name and nothing is dropped. The mapping a person chose is remembered under
the signature of the header row, for the next file with the same headers.
"""
from __future__ import annotations

import hashlib
import json
from datetime import datetime, timezone
from typing import Any, Mapping, Sequence

import sqlite_utils

from foundation.errors import WorkbenchError, register
from workbench.importing.headers import CASE_FIELDS, guess_mapping, normalise_header

EXTRA = "extra"
TARGETS = CASE_FIELDS + (EXTRA,)

register({
    "mapping.unknown_field": "The mapping names an unknown case field {field!r} for the column {column!r} "
                             "(known: {known}).",
})


def cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def column_names(cells: Sequence[Any]) -> list[str]:
    """A unique name for every column of a header row."""
    names: list[str] = []
    seen: dict[str, int] = {}
    for index, cell in enumerate(cells):
        name = cell_text(cell) or f"column {index + 1}"
        key = normalise_header(name) or name
        if key in seen:
            seen[key] += 1
            name = f"{name} ({seen[key]})"
        else:
            seen[key] = 1
        names.append(name)
    return names


def header_signature(cells: Sequence[Any]) -> str:
    """The same for header rows that differ only in case, spacing, punctuation or trailing blanks."""
    keys = [normalise_header(c) for c in cells]
    while keys and not keys[-1]:
        keys.pop()
    return hashlib.sha256(json.dumps(keys, ensure_ascii=False).encode("utf-8")).hexdigest()


def check_mapping(mapping: Mapping[str, str]) -> dict[str, str]:
    """The mapping with "" spelled "extra"; raises mapping.unknown_field."""
    checked = {}
    for column, target in mapping.items():
        target = target or EXTRA
        if target not in TARGETS:
            raise WorkbenchError("mapping.unknown_field", field=target, column=column, known=", ".join(TARGETS))
        checked[column] = target
    return checked


def resolve(names: Sequence[str], explicit: Mapping[str, str] | None) -> dict[int, str]:
    """Column index -> case field: the explicit mapping where it names a column, the
    recognised headers for the other columns, each field taken by one column only."""
    columns: dict[int, str] = {}
    taken: set[str] = set()
    named: set[int] = set()
    if explicit:
        wanted = {normalise_header(k): v for k, v in explicit.items()}
        for index, name in enumerate(names):
            target = wanted.get(normalise_header(name))
            if target is None:
                continue
            named.add(index)
            if target in CASE_FIELDS and target not in taken:
                columns[index] = target
                taken.add(target)
    for index, target in guess_mapping(names).items():
        if index not in named and target not in taken:
            columns[index] = target
            taken.add(target)
    return dict(sorted(columns.items()))


def as_names(names: Sequence[str], columns: Mapping[int, str]) -> dict[str, str]:
    """A full mapping by header text, every column named (extra where no field)."""
    return {name: columns.get(index, EXTRA) for index, name in enumerate(names)}


def explicit_finds_number(cells: Sequence[Any], explicit: Mapping[str, str]) -> bool:
    """Whether a row holds the header that the mapping gives the application number."""
    wanted = {normalise_header(k) for k, v in explicit.items() if v == "application_number"}
    return any(normalise_header(name) in wanted for name in column_names(cells))


def remember(db: sqlite_utils.Database, header_cells: Sequence[Any], mapping: Mapping[str, str]) -> None:
    """Keep a mapping for files with these headers (call inside the import's transaction)."""
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    db.execute("INSERT OR REPLACE INTO import_mappings (signature, headers, mapping, saved_at, used_at)"
               " VALUES (?, ?, ?, ?, ?)",
               [header_signature(header_cells), json.dumps(column_names(header_cells), ensure_ascii=False),
                json.dumps(dict(mapping), ensure_ascii=False), now, now])


def recall(db: sqlite_utils.Database, header_cells: Sequence[Any]) -> dict[str, str] | None:
    """The mapping remembered for a header row like this one, or None."""
    if not any(cell_text(c) for c in header_cells):
        return None
    row = db.execute("SELECT mapping FROM import_mappings WHERE signature = ?",
                     [header_signature(header_cells)]).fetchone()
    if row is None:
        return None
    try:
        mapping = json.loads(row[0])
        return check_mapping(mapping) if isinstance(mapping, dict) else None
    except (ValueError, WorkbenchError):
        return None       # a damaged entry is ignored, not fatal


def forget(db: sqlite_utils.Database, header_cells: Sequence[Any]) -> None:
    with db.atomic():
        db.execute("DELETE FROM import_mappings WHERE signature = ?", [header_signature(header_cells)])
