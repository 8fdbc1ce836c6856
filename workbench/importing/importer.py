"""Importing an office export into the workspace.

One import is one transaction: every row is read, validated and either stored or reported,
and on any error or Cancel the workspace is exactly as before. Every row read ends up in
exactly one of accepted, unchanged, updated, rejected or skipped, and the counts add up.

The header is found below title rows, merged titles and blank rows; the columns are mapped
by an explicit mapping, else by the mapping remembered for these headers, else by the
recognised header names (header_finding). Blank rows at the very end of a file (a formatted
but empty range, trailing delimiters) are not rows of the table and are not counted.

The rows are parsed (row_parser) and validated (row_validation) on a thread of their own
while this one stores them (case_writes); what happened is an ImportResult (import_result).
"""
from __future__ import annotations

import hashlib
import itertools
import json
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Mapping

import sqlite_utils

from workbench.audit import chain, streamed
from foundation.errors import WorkbenchError, register
from foundation.jobs import CancelToken, Progress, no_progress
from workbench.importing import case_writes, mappings
from workbench.importing.header_finding import HEADER_SCAN_ROWS, Header, find_header
from workbench.importing.import_result import ImportResult, RowIssue
from workbench.importing.readers import TableReader, open_table
from workbench.importing.row_parser import RowParser, reads_month_first
from workbench.importing.row_text import is_blank
from workbench.importing.row_validation import Validator
from workbench.importing.upkeep import DeferredUpkeep
from workbench.importing.written_digests import WrittenDigests

MONTH_FIRST_SAMPLE = 1000    # data rows looked at to decide how slash dates are written
CONFLICT_POLICIES = ("skip", "update")

register({
    "import.bad_conflict_policy": "Unknown conflict policy {policy!r} (use skip or update).",
    "import.title_row": "Title or note above the header.",
})


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1024 * 1024):
            digest.update(chunk)
    return digest.hexdigest()


def import_file(db: sqlite_utils.Database, path: str | Path, *, mapping: Mapping[str, str] | None = None,
                encoding: str | None = None, delimiter: str | None = None, sheet: str | None = None,
                on_conflict: str = "skip", header_line: int | None = None, remember_mapping: bool = False,
                progress: Progress = no_progress, cancel: CancelToken | None = None,
                actor: str = "") -> ImportResult:
    """Import one file; returns what happened to every row. Raises WorkbenchError for a file
    that cannot be imported at all, Cancelled when cancelled; both leave the workspace unchanged.

    `mapping` (header text -> case field, "extra" to keep a column in extra) overrides the
    recognised headers for the columns it names. `header_line` says which line is the header
    (a person chose it). `remember_mapping` keeps the mapping for files with the same headers.
    """
    if on_conflict not in CONFLICT_POLICIES:
        raise WorkbenchError("import.bad_conflict_policy", policy=on_conflict)
    path = Path(path)
    reader = open_table(path, encoding=encoding, delimiter=delimiter, sheet=sheet)
    try:
        result = ImportResult(path=str(path), sha256=file_sha256(path), encoding=reader.encoding,
                              delimiter=reader.delimiter, sheet=reader.sheet)
        with db.atomic():
            entries_before = db.execute("SELECT COALESCE(MAX(id), 0) FROM audit_log").fetchone()[0]
            chain.ensure_baseline(db, actor=actor or _default_actor())
            written = _run(db, reader, result, mapping, header_line, remember_mapping, on_conflict, progress,
                           cancel or CancelToken())
            if not result.changed:
                # Nothing new: the workspace stays exactly as it was, import record included.
                db.execute("DELETE FROM import_issues WHERE import_id = ?", [result.import_id])
                db.execute("DELETE FROM imports WHERE id = ?", [result.import_id])
                db.execute("DELETE FROM audit_log WHERE id > ?", [entries_before])   # a baseline just taken
                result.import_id = None
            else:   # the cases' facts, covered by the audit chain (a digest per case)
                streamed.record_import(db, result.import_id, actor=actor or _default_actor(),
                                       file_name=path.name, sha256=result.sha256,
                                       digests=written.ordered(db, result.import_id) if written else None)
    finally:
        reader.close()
    return result


def _default_actor() -> str:
    import getpass
    try:
        return getpass.getuser()
    except Exception:  # no user name in this environment
        return "import"


def _run(db: sqlite_utils.Database, reader: TableReader, result: ImportResult, mapping: Mapping[str, str] | None,
         header_line: int | None, remember_mapping: bool, on_conflict: str, progress: Progress,
         cancel: CancelToken) -> WrittenDigests | None:
    """Reads, validates and stores every row; returns the digests of the cases written when the
    validating thread computed them (into a workspace without cases)."""
    rows = reader.rows()
    scanned = list(itertools.islice(rows, HEADER_SCAN_ROWS))
    header, names, columns = _take_header(db, reader, result, scanned, mapping, header_line, remember_mapping)

    # The rows already scanned below the header, then the rest of the file.
    after = scanned[len(header.before) + 1:]
    lookahead = after + list(itertools.islice(rows, max(0, MONTH_FIRST_SAMPLE - len(after))))
    result.month_first = reads_month_first(lookahead, columns)
    parser = RowParser(names, columns, result.month_first)
    header_keys = [mappings.cell_text(c) for c in header.cells]

    result.workspace_had_cases = db.execute("SELECT EXISTS (SELECT 1 FROM cases)").fetchone()[0] == 1
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    result.import_id = db.execute(
        "INSERT INTO imports (file_name, sha256, imported_at, mapping) VALUES (?, ?, ?, ?)",
        [reader.path.name, result.sha256, now, json.dumps(result.mapping, ensure_ascii=False)]).lastrowid
    label = reader.path.name
    # Into a workspace without cases nothing can conflict: the validating thread then also
    # prepares the INSERT statements, leaving this thread only SQLite's own work.
    statements = case_writes.Statements(db, result.import_id) if not result.workspace_had_cases else None
    validating = Validator(parser, itertools.chain(lookahead, rows), result, header_keys, statements)
    # A failed or cancelled import rolls this back with the rest of its transaction.
    upkeep = DeferredUpkeep(db, indexes=not result.workspace_had_cases)
    with validating:
        for batch, prepared in validating.batches():
            cancel.check()
            accepted = result.accepted
            if prepared is not None:
                for sql, values in prepared:
                    db.conn.execute(sql, values)
                result.accepted += len(batch)
            else:
                case_writes.store_batch(db, batch, result, on_conflict, parser)
            upkeep.inserted(result.accepted - accepted)
            progress(reader.position(), reader.total, label)
    cancel.check()
    upkeep.restore()
    result.rejected += result.conflicts
    progress(reader.total, reader.total, label)
    result.issues.sort(key=lambda issue: issue.line)     # conflicts are found after the rest
    case_writes.record_counts(db, result)
    return statements.digests if statements is not None else None


def _take_header(db: sqlite_utils.Database, reader: TableReader, result: ImportResult,
                 scanned: list[tuple[int, list[Any]]], mapping: Mapping[str, str] | None, header_line: int | None,
                 remember_mapping: bool) -> tuple[Header, list[str], dict[int, str]]:
    """Find the header and map its columns; the rows above it are skipped as titles or blanks."""
    header = find_header(scanned, path=reader.path, mapping=mapping, header_line=header_line, db=db)
    names = mappings.column_names(header.cells)
    columns = mappings.resolve(names, header.explicit)
    if "application_number" not in columns.values():
        raise WorkbenchError("import.bad_mapping", path=str(reader.path), field="application_number")
    result.header_line = header.line
    result.mapping = mappings.as_names(names, columns)
    result.mapping_source = header.source
    if remember_mapping and header.explicit is not None:
        mappings.remember(db, header.cells, result.mapping)
    for line, cells in header.before:
        result.read += 1
        result.skipped += 1
        code = "import.blank_row" if is_blank(cells) else "import.title_row"
        result.issues.append(RowIssue(line, None, None, code, WorkbenchError(code).message(), "skipped"))
    return header, names, columns
