"""Storing an import's validated rows as cases: many rows to a statement, a case already in
the workspace kept, updated or reported as a conflict, and the import's counts and issues
recorded."""
from __future__ import annotations

import itertools
import json
import operator
import sqlite3
from typing import Any

import sqlite_utils

from foundation.errors import WorkbenchError, register
from workbench.importing.import_result import ImportResult, RowIssue
from workbench.importing.row_parser import STORED_FIELDS, RowParser
from workbench.importing.written_digests import WrittenDigests

register({
    "import.conflict": "The case {value} is already in the workspace with different details "
                       "({fields}); it was kept as it was. Import with 'update' to replace it.",
})


_BLANK = (None, "")


def store_batch(db: sqlite_utils.Database, batch: list[tuple[int, tuple[Any, ...]]], result: ImportResult,
                 on_conflict: str, parser: RowParser) -> None:
    if not batch:
        return
    existing: dict[str, tuple[Any, ...]] = {}
    if result.workspace_had_cases:
        # One query per batch, the numbers passed as one JSON parameter.
        numbers = json.dumps([record[0] for _, record in batch], ensure_ascii=False)
        existing.update((row[0], row) for row in db.execute(
            f"SELECT {', '.join(STORED_FIELDS)} FROM cases WHERE application_number IN"
            f" (SELECT value FROM json_each(?))", [numbers]))
    updates: list[tuple[Any, ...]] = []
    if not existing:
        inserts = [record + (result.import_id,) for _, record in batch]
    else:
        inserts = []
        for line, record in batch:
            old = existing.get(record[0])
            if old is None:
                inserts.append(record + (result.import_id,))
                continue
            # NULL and '' are both "not given"; use shown 0 ("no") is a value, not a blank.
            differing = [f for f, a, b in zip(STORED_FIELDS, old, record)
                         if a != b and not (a in _BLANK and b in _BLANK)]
            if not differing:
                result.unchanged += 1
            elif on_conflict == "update":
                updates.append(record + (result.import_id,))
            else:
                result.conflicts += 1        # counted as rejected at the end (one thread per counter)
                names = ", ".join(parser.header(f) if f != "extra" else "other columns" for f in differing)
                error = WorkbenchError("import.conflict", value=record[0], fields=names)
                result.issues.append(RowIssue(line, parser.header("application_number"), record[0],
                                              error.code, error.message(), "rejected", error.params))
    if updates:
        _update_cases(db, updates)
        result.updated += len(updates)
    if inserts:
        _insert_cases(db, inserts)
        result.accepted += len(inserts)


_ASSIGNED = STORED_FIELDS + ("import_id",)
# One UPDATE for a whole batch, the rows passed as one JSON parameter (UPDATE ... FROM needs
# SQLite 3.33): like the INSERTs, triggers on cases then work per statement, not per row.
_UPDATE_MANY = (
    f"UPDATE cases SET ({', '.join(_ASSIGNED)}) = ({', '.join(f'v.c{i}' for i in range(len(_ASSIGNED)))})"
    f" FROM (SELECT {', '.join(f'value ->> {i} AS c{i}' for i in range(len(_ASSIGNED)))} FROM json_each(?)) AS v"
    f" WHERE cases.application_number = v.c0")
_UPDATE_ONE = (f"UPDATE cases SET {', '.join(f + ' = ?' for f in _ASSIGNED)} WHERE application_number = ?")


def _update_cases(db: sqlite_utils.Database, rows: list[tuple[Any, ...]]) -> None:
    if sqlite3.sqlite_version_info >= (3, 38, 0):          # ->> and UPDATE FROM
        db.execute(_UPDATE_MANY, [json.dumps(rows, ensure_ascii=False)])
    else:
        for row in rows:
            db.execute(_UPDATE_ONE, list(row) + [row[0]])


_ROW_PLACEHOLDERS = "(" + ",".join("?" * (len(STORED_FIELDS) + 1)) + ")"


def _variable_limit(db: sqlite_utils.Database) -> int:
    try:
        return db.conn.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
    except (AttributeError, sqlite3.Error):
        return 999


class Statements:
    """INSERT statements of many rows each, not one statement per row: triggers on cases
    then work per statement. The import's id is written into the statement (an integer
    SQLite gave), so a row's values are its record as parsed, gathered in one C-level call. The
    audit digests of the records are computed here too, on the same (validating) thread."""

    def __init__(self, db: sqlite_utils.Database, import_id: int | None) -> None:
        self.per_statement = max(1, _variable_limit(db) // len(STORED_FIELDS))
        self.sql = f"INSERT INTO cases ({', '.join(STORED_FIELDS)}, import_id) VALUES "
        self.row = "(" + "?," * len(STORED_FIELDS) + ("NULL" if import_id is None else str(int(import_id))) + ")"
        self.digests = WrittenDigests()

    def prepare(self, batch: list[tuple[int, tuple[Any, ...]]]) -> list[tuple[str, list[Any]]]:
        self.digests.add(batch)
        statements = []
        for start in range(0, len(batch), self.per_statement):
            chunk = batch[start:start + self.per_statement]
            values = list(itertools.chain.from_iterable(map(operator.itemgetter(1), chunk)))
            statements.append((self.sql + ",".join([self.row] * len(chunk)), values))
        return statements


def _insert_cases(db: sqlite_utils.Database, rows: list[tuple[Any, ...]]) -> None:
    """`rows` with their import id already appended."""
    per_statement = max(1, _variable_limit(db) // (len(STORED_FIELDS) + 1))
    sql = f"INSERT INTO cases ({', '.join(STORED_FIELDS)}, import_id) VALUES "
    for start in range(0, len(rows), per_statement):
        chunk = rows[start:start + per_statement]
        db.conn.execute(sql + ",".join([_ROW_PLACEHOLDERS] * len(chunk)),
                        [value for row in chunk for value in row])


def record_counts(db: sqlite_utils.Database, result: ImportResult) -> None:
    db.execute("UPDATE imports SET rows_read = ?, accepted = ?, unchanged = ?, updated = ?, rejected = ?,"
               " skipped = ?, duplicates = ? WHERE id = ?",
               [result.read, result.accepted, result.unchanged, result.updated, result.rejected, result.skipped,
                result.duplicates, result.import_id])
    db.conn.executemany(
        "INSERT INTO import_issues (import_id, line, column_name, value, outcome, code, reason, params)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        ((result.import_id, i.line, i.column, i.value, i.outcome, i.code, i.reason,
          json.dumps(i.params, ensure_ascii=False, default=str) if i.params else None) for i in result.issues))
