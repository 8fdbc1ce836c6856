"""The imports of a workspace: what was loaded, and taking a whole import back.

An import can be removed with its cases as long as no review work touches them: no review,
no review round, nothing else in the workspace that refers to one of its cases. Otherwise
the removal is refused with the reason, and nothing changes. A removal is one transaction
and is written to the audit log.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from workbench.audit import chain
from foundation.errors import WorkbenchError, register
from workbench.importing.import_result import RowIssue

register({
    "imports.not_found": "There is no import number {import_id} in this workspace.",
    "imports.in_use": "The import of {file} cannot be removed: {count} of its {total} cases are used by "
                      "review work ({uses}), for example {examples}. Nothing was removed.",
})

# What the refusal calls the tables that refer to cases; other tables are named as they are.
_USE_NAMES = {"reviews": "reviews", "round_cases": "review rounds"}
# Tables derived from the cases (recomputed, deleted with them): no use that keeps a case.
_DERIVED = {"case_risk", "case_sketches", "case_grams"}


@dataclass(frozen=True)
class ImportRecord:
    id: int
    file_name: str
    sha256: str
    imported_at: str
    mapping: dict[str, str]
    rows_read: int
    accepted: int
    unchanged: int
    updated: int
    rejected: int
    skipped: int
    duplicates: int
    cases: int          # cases that still come from this import (accepted or last updated by it)


def list_imports(db: sqlite_utils.Database) -> list[ImportRecord]:
    """Every import, newest first."""
    rows = db.execute(
        "SELECT i.id, i.file_name, i.sha256, i.imported_at, i.mapping, i.rows_read, i.accepted, i.unchanged,"
        " i.updated, i.rejected, i.skipped, i.duplicates,"
        " (SELECT COUNT(*) FROM cases c WHERE c.import_id = i.id)"
        " FROM imports i ORDER BY i.id DESC").fetchall()
    return [_record(row) for row in rows]


def get_import(db: sqlite_utils.Database, import_id: int) -> ImportRecord:
    row = db.execute(
        "SELECT i.id, i.file_name, i.sha256, i.imported_at, i.mapping, i.rows_read, i.accepted, i.unchanged,"
        " i.updated, i.rejected, i.skipped, i.duplicates,"
        " (SELECT COUNT(*) FROM cases c WHERE c.import_id = i.id)"
        " FROM imports i WHERE i.id = ?", [import_id]).fetchone()
    if row is None:
        raise WorkbenchError("imports.not_found", import_id=import_id)
    return _record(row)


def _record(row: tuple[Any, ...]) -> ImportRecord:
    try:
        mapping = json.loads(row[4]) if row[4] else {}
    except ValueError:
        mapping = {}
    return ImportRecord(row[0], row[1], row[2], row[3], mapping if isinstance(mapping, dict) else {},
                        *row[5:13])


def import_issues(db: sqlite_utils.Database, import_id: int) -> list[RowIssue]:
    """The rows of an import that were rejected, skipped or flagged, in line order."""
    return [RowIssue(line, column, value, code, reason, outcome, _params(params))
            for line, column, value, outcome, code, reason, params
            in db.execute("SELECT line, column_name, value, outcome, code, reason, params FROM import_issues"
                          " WHERE import_id = ? ORDER BY line, id", [import_id])]


def _params(text: str | None) -> dict[str, Any] | None:
    try:
        value = json.loads(text) if text else None
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def _case_references(db: sqlite_utils.Database) -> list[tuple[str, str]]:
    """(table, column) of every foreign key to cases, whoever added the table."""
    found = []
    for (table,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"):
        try:
            keys = db.execute(f"PRAGMA foreign_key_list({_quote(table)})").fetchall()
        except Exception:     # a virtual table whose module is missing cannot be asked
            continue
        for key in keys:
            if key[2] == "cases" and (key[4] in (None, "id")) and table not in _DERIVED:
                found.append((table, key[3]))
    return found


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def removal_blockers(db: sqlite_utils.Database, import_id: int) -> dict[str, list[str]]:
    """For each kind of use, the application numbers of the import's cases it holds."""
    blockers: dict[str, list[str]] = {}
    for table, column in _case_references(db):
        numbers = [r[0] for r in db.execute(
            f"SELECT DISTINCT c.application_number FROM cases c JOIN {_quote(table)} t"
            f" ON t.{_quote(column)} = c.id WHERE c.import_id = ? ORDER BY c.application_number", [import_id])]
        if numbers:
            blockers[_USE_NAMES.get(table, table)] = numbers
    return blockers


def remove_import(db: sqlite_utils.Database, import_id: int, *, actor: str) -> int:
    """Delete an import with its cases; the number of cases deleted. Raises imports.in_use
    (nothing changed) when review work refers to any of them."""
    with db.atomic():
        record = get_import(db, import_id)
        blockers = removal_blockers(db, import_id)
        if blockers:
            used = sorted({n for numbers in blockers.values() for n in numbers})
            raise WorkbenchError("imports.in_use", file=record.file_name, count=len(used), total=record.cases,
                                 uses=", ".join(f"{name}: {len(numbers)}" for name, numbers in blockers.items()),
                                 examples=", ".join(used[:5]))
        numbers = [r[0] for r in db.execute("SELECT application_number FROM cases WHERE import_id = ?", [import_id])]
        deleted = db.execute("DELETE FROM cases WHERE import_id = ?", [import_id]).rowcount
        db.execute("DELETE FROM import_issues WHERE import_id = ?", [import_id])
        db.execute("DELETE FROM imports WHERE id = ?", [import_id])
        chain.record(db, actor=actor, entity="import", entity_id=import_id, action="remove_import",
                     old={"file_name": record.file_name, "sha256": record.sha256,
                          "imported_at": record.imported_at, "rows_read": record.rows_read,
                          "accepted": record.accepted, "updated": record.updated, "cases_deleted": deleted,
                          "cases": numbers})
    return deleted
