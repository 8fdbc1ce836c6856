"""Importing an office export into the workspace.

One import is one transaction: every row is read, validated and either stored or reported,
and on any error or Cancel the workspace is exactly as before. Every row read ends up in
exactly one of accepted, unchanged, updated, rejected or skipped, and the counts add up.
"""
from __future__ import annotations

import hashlib
import itertools
import json
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping, Sequence

import sqlite_utils

from workbench.dates import detect_month_first, parse_date
from workbench.errors import WorkbenchError, register
from workbench.headers import CASE_FIELDS, DATE_FIELDS, guess_mapping, header_score, mapping_from_names
from workbench.identifiers import parse_application_number, parse_ip_type
from workbench.jobs import CancelToken, Progress, no_progress
from workbench.readers import TableReader, open_table

HEADER_SCAN_ROWS = 30        # the header may sit below a title block this deep
MONTH_FIRST_SAMPLE = 200     # data rows looked at to decide how slash dates are written
BATCH = 500
CONFLICT_POLICIES = ("skip", "update")
TOTAL_WORDS = ("合计", "总计", "小计", "total", "subtotal", "sum", "制表", "审核", "签字", "签名", "备注", "note",
               "prepared by", "checked by", "signature")

register({
    "import.no_header": "{path}: no column of application numbers was found in the first {rows} rows "
                        "(columns seen: {headers}). Map the columns by hand.",
    "import.bad_mapping": "{path}: the mapping does not name a column for {field}.",
    "import.bad_conflict_policy": "Unknown conflict policy {policy!r} (use skip or update).",
    "import.missing_number": "The application number is missing.",
    "import.ip_type_unknown": "The IP type cannot be told from {value}; add an IP type column.",
    "import.ip_type_mismatch": "The number {value} is a {implied} number but the row says {declared}.",
    "import.duplicate_in_file": "The case {value} appears twice in the file: lines {first} and {line}.",
    "import.conflict": "The case {value} is already in the workspace with different details "
                       "({fields}); it was kept as it was. Import with 'update' to replace it.",
    "import.decision_before_filing": "The decision date {decision} is before the filing date {filing}.",
    "import.blank_row": "Blank row.",
    "import.title_row": "Title or note above the header.",
    "import.totals_row": "Totals or notes row, not a case.",
})


@dataclass(frozen=True)
class RowIssue:
    """One row's problem or remark: where it is and why, in words a person understands."""

    line: int
    column: str | None
    value: str | None
    code: str
    reason: str
    outcome: str        # rejected, skipped, warning

    def as_dict(self) -> dict[str, Any]:
        return {"line": self.line, "column": self.column, "value": self.value, "reason": self.reason,
                "code": self.code}


@dataclass
class ImportResult:
    path: str
    sha256: str
    import_id: int | None = None
    read: int = 0
    accepted: int = 0
    unchanged: int = 0
    updated: int = 0
    rejected: int = 0
    skipped: int = 0
    duplicates: int = 0
    conflicts: int = 0
    header_line: int = 0
    mapping: dict[str, str] = field(default_factory=dict)      # header -> field
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
    issues: list[RowIssue] = field(default_factory=list)

    @property
    def rejected_rows(self) -> list[RowIssue]:
        return [i for i in self.issues if i.outcome == "rejected"]

    @property
    def changed(self) -> bool:
        return self.accepted + self.updated > 0

    def as_json(self) -> dict[str, Any]:
        return {
            "file": self.path, "sha256": self.sha256, "import_id": self.import_id,
            "read": self.read, "accepted": self.accepted, "unchanged": self.unchanged,
            "updated": self.updated, "rejected": self.rejected, "skipped": self.skipped,
            "duplicates": self.duplicates, "conflicts": self.conflicts, "header_line": self.header_line,
            "mapping": self.mapping, "encoding": self.encoding, "delimiter": self.delimiter,
            "sheet": self.sheet, "changed": self.changed,
            "rejected_rows": [i.as_dict() for i in self.rejected_rows],
            "skipped_rows": [i.as_dict() for i in self.issues if i.outcome == "skipped"],
            "warnings": [i.as_dict() for i in self.issues if i.outcome == "warning"],
        }


class _RowRejected(Exception):
    def __init__(self, column: str | None, value: Any, code: str, reason: str) -> None:
        self.column, self.value, self.code, self.reason = column, value, code, reason


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1024 * 1024):
            digest.update(chunk)
    return digest.hexdigest()


def _text(value: Any) -> str:
    """A cell as text: numbers that are whole print without '.0', dates as ISO."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return str(value).strip()


def find_header(rows: Iterator[tuple[int, list[Any]]]) -> tuple[int, list[Any], list[tuple[int, list[Any]]]]:
    """The header row (the one naming most case fields, with the application number),
    and the rows before it. Rows after it are left in the iterator."""
    scanned: list[tuple[int, list[Any]]] = []
    for line, cells in itertools.islice(rows, HEADER_SCAN_ROWS):
        scanned.append((line, cells))
        mapping = guess_mapping(cells)
        if "application_number" in mapping.values() and header_score(cells) >= 2:
            return line, cells, scanned[:-1]
    # A one-column file, or a header with the number alone: accept the best single match.
    for index, (line, cells) in enumerate(scanned):
        if "application_number" in guess_mapping(cells).values():
            return line, cells, scanned[:index]
    raise LookupError([_text(c) for c in (scanned[0][1] if scanned else [])])


def _is_blank(cells: Sequence[Any]) -> bool:
    return all(_text(c) == "" for c in cells)


def _looks_like_totals(cells: Sequence[Any]) -> bool:
    for cell in cells:
        text = _text(cell).casefold()
        if text and any(text.startswith(word) for word in TOTAL_WORDS):
            return True
    return False


class _RowParser:
    """Turns one data row into a case record, or raises _RowRejected."""

    def __init__(self, headers: list[str], mapping: Mapping[int, str], month_first: Mapping[str, bool]) -> None:
        self.headers = headers
        self.mapping = dict(mapping)
        self.column_of = {f: i for i, f in self.mapping.items()}
        self.month_first = month_first
        self.extra_columns = [(i, h) for i, h in enumerate(headers) if i not in self.mapping]

    def cell(self, cells: Sequence[Any], field_name: str) -> Any:
        index = self.column_of.get(field_name)
        if index is None or index >= len(cells):
            return None
        return cells[index]

    def header(self, field_name: str) -> str:
        index = self.column_of.get(field_name)
        return self.headers[index] if index is not None else field_name

    def parse(self, cells: Sequence[Any]) -> tuple[dict[str, Any], list[tuple[str, Any, str, str]]]:
        warnings: list[tuple[str, Any, str, str]] = []
        raw_number = self.cell(cells, "application_number")
        if _text(raw_number) == "":
            raise _RowRejected(self.header("application_number"), "", "import.missing_number",
                               WorkbenchError("import.missing_number").message())
        raw_type = self.cell(cells, "ip_type")
        try:
            declared = parse_ip_type(raw_type)
        except WorkbenchError as exc:
            raise _RowRejected(self.header("ip_type"), _text(raw_type), exc.code, exc.message()) from None
        try:
            number = parse_application_number(raw_number, declared_ip_type=declared)
        except WorkbenchError as exc:
            raise _RowRejected(self.header("application_number"), _text(raw_number), exc.code,
                               exc.message()) from None
        ip_type = number.ip_type or declared
        if ip_type is None:
            error = WorkbenchError("import.ip_type_unknown", value=number.normalized)
            raise _RowRejected(self.header("application_number"), _text(raw_number), error.code, error.message())
        if declared is not None and number.ip_type is not None and declared != number.ip_type:
            error = WorkbenchError("import.ip_type_mismatch", value=number.normalized,
                                   implied=number.ip_type.replace("_", " "), declared=declared.replace("_", " "))
            raise _RowRejected(self.header("ip_type"), _text(raw_type), error.code, error.message())
        record: dict[str, Any] = {"application_number": number.normalized, "ip_type": ip_type}
        for name in DATE_FIELDS:
            raw = self.cell(cells, name)
            try:
                parsed = parse_date(raw, month_first=self.month_first.get(name, False))
            except WorkbenchError as exc:
                raise _RowRejected(self.header(name), _text(raw), exc.code, exc.message()) from None
            record[name] = parsed.isoformat() if parsed else None
        for name in CASE_FIELDS:
            if name not in record:
                record[name] = _text(self.cell(cells, name))
        if record["filing_date"] and record["decision_date"] and record["decision_date"] < record["filing_date"]:
            error = WorkbenchError("import.decision_before_filing", decision=record["decision_date"],
                                   filing=record["filing_date"])
            warnings.append((self.header("decision_date"), record["decision_date"], error.code, error.message()))
        extra = {}
        for index, header in self.extra_columns:
            if index < len(cells):
                value = _text(cells[index])
                if value != "":
                    extra[header or f"column {index + 1}"] = value
        record["extra"] = json.dumps(extra, ensure_ascii=False, sort_keys=True)
        return record, warnings


STORED_FIELDS = CASE_FIELDS + ("extra",)


def import_file(db: sqlite_utils.Database, path: str | Path, *, mapping: Mapping[str, str] | None = None,
                encoding: str | None = None, delimiter: str | None = None, sheet: str | None = None,
                on_conflict: str = "skip", progress: Progress = no_progress,
                cancel: CancelToken | None = None) -> ImportResult:
    """Import one file; returns what happened to every row. Raises WorkbenchError for a file
    that cannot be imported at all, Cancelled when cancelled; both leave the workspace unchanged.

    `mapping` (header text -> case field) overrides the recognised headers.
    """
    if on_conflict not in CONFLICT_POLICIES:
        raise WorkbenchError("import.bad_conflict_policy", policy=on_conflict)
    path = Path(path)
    reader = open_table(path, encoding=encoding, delimiter=delimiter, sheet=sheet)
    try:
        result = ImportResult(path=str(path), sha256=file_sha256(path), encoding=reader.encoding,
                              delimiter=reader.delimiter, sheet=reader.sheet)
        with db.atomic():
            _run(db, reader, result, mapping, on_conflict, progress, cancel or CancelToken())
            if not result.changed:
                # Nothing new: the workspace stays exactly as it was, import record included.
                db.execute("DELETE FROM import_issues WHERE import_id = ?", [result.import_id])
                db.execute("DELETE FROM imports WHERE id = ?", [result.import_id])
                result.import_id = None
    finally:
        reader.close()
    return result


def _run(db: sqlite_utils.Database, reader: TableReader, result: ImportResult, mapping: Mapping[str, str] | None,
         on_conflict: str, progress: Progress, cancel: CancelToken) -> None:
    rows = reader.rows()
    try:
        header_line, header_cells, before = find_header(rows)
    except LookupError as exc:
        if mapping is None:
            raise WorkbenchError("import.no_header", path=str(reader.path), rows=HEADER_SCAN_ROWS,
                                 headers=", ".join(h for h in exc.args[0] if h) or "none") from None
        # With an explicit mapping the header is the first non-blank row.
        rows = reader.rows()
        header_line, header_cells, before = _first_nonblank(rows)
    headers = [_text(c) for c in header_cells]
    columns = mapping_from_names(headers, mapping) if mapping is not None else guess_mapping(headers)
    if "application_number" not in columns.values():
        raise WorkbenchError("import.bad_mapping", path=str(reader.path), field="application_number")
    result.header_line = header_line
    result.mapping = {headers[i]: f for i, f in sorted(columns.items())}
    for line, cells in before:
        result.read += 1
        result.skipped += 1
        code = "import.blank_row" if _is_blank(cells) else "import.title_row"
        result.issues.append(RowIssue(line, None, None, code, WorkbenchError(code).message(), "skipped"))

    # Look ahead at some rows to learn how slash dates are written in each date column.
    lookahead = list(itertools.islice(rows, MONTH_FIRST_SAMPLE))
    month_first = {}
    for name in DATE_FIELDS:
        index = next((i for i, f in columns.items() if f == name), None)
        if index is not None:
            month_first[name] = detect_month_first(c[index] for _, c in lookahead if index < len(c))
    parser = _RowParser(headers, columns, month_first)

    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    result.import_id = db.execute(
        "INSERT INTO imports (file_name, sha256, imported_at, mapping) VALUES (?, ?, ?, ?)",
        [reader.path.name, result.sha256, now, json.dumps(result.mapping, ensure_ascii=False)]).lastrowid
    seen: dict[str, int] = {}
    batch: list[tuple[int, dict[str, Any]]] = []
    for line, cells in itertools.chain(lookahead, rows):
        result.read += 1
        if _is_blank(cells):
            result.skipped += 1
            result.issues.append(RowIssue(line, None, None, "import.blank_row",
                                          WorkbenchError("import.blank_row").message(), "skipped"))
            continue
        try:
            record, warnings = parser.parse(cells)
        except _RowRejected as rejected:
            if rejected.code in ("import.missing_number", "id.unrecognised") and _looks_like_totals(cells):
                result.skipped += 1
                result.issues.append(RowIssue(line, None, " | ".join(_text(c) for c in cells if _text(c)),
                                              "import.totals_row", WorkbenchError("import.totals_row").message(),
                                              "skipped"))
            else:
                result.rejected += 1
                result.issues.append(RowIssue(line, rejected.column, _text(rejected.value), rejected.code,
                                              rejected.reason, "rejected"))
            continue
        number = record["application_number"]
        if number in seen:
            result.rejected += 1
            result.duplicates += 1
            error = WorkbenchError("import.duplicate_in_file", value=number, first=seen[number], line=line)
            result.issues.append(RowIssue(line, parser.header("application_number"), number, error.code,
                                          error.message(), "rejected"))
            continue
        seen[number] = line
        for column, value, code, reason in warnings:
            result.issues.append(RowIssue(line, column, value, code, reason, "warning"))
        batch.append((line, record))
        if len(batch) >= BATCH:
            _store_batch(db, batch, result, on_conflict, parser)
            batch = []
            cancel.check()
            progress(reader.position(), reader.total, reader.path.name)
    _store_batch(db, batch, result, on_conflict, parser)
    cancel.check()
    progress(reader.total, reader.total, reader.path.name)
    _record_counts(db, result)


def _first_nonblank(rows: Iterator[tuple[int, list[Any]]]) -> tuple[int, list[Any], list[tuple[int, list[Any]]]]:
    before = []
    for line, cells in rows:
        if not _is_blank(cells):
            return line, cells, before
        before.append((line, cells))
    raise WorkbenchError("import.empty", path="")


def _store_batch(db: sqlite_utils.Database, batch: list[tuple[int, dict[str, Any]]], result: ImportResult,
                 on_conflict: str, parser: _RowParser) -> None:
    if not batch:
        return
    numbers = [record["application_number"] for _, record in batch]
    placeholders = ",".join("?" * len(numbers))
    existing = {row[0]: row for row in db.execute(
        f"SELECT {', '.join(STORED_FIELDS)} FROM cases WHERE application_number IN ({placeholders})", numbers)}
    inserts = []
    for line, record in batch:
        values = tuple(record[f] for f in STORED_FIELDS)
        old = existing.get(record["application_number"])
        if old is None:
            inserts.append(values + (result.import_id,))
            continue
        differing = [f for f, a, b in zip(STORED_FIELDS, old, values) if (a or "") != (b or "")]
        if not differing:
            result.unchanged += 1
        elif on_conflict == "update":
            db.execute(f"UPDATE cases SET {', '.join(f + ' = ?' for f in STORED_FIELDS)}, import_id = ?"
                       " WHERE application_number = ?", list(values) + [result.import_id, record["application_number"]])
            result.updated += 1
        else:
            result.rejected += 1
            result.conflicts += 1
            names = ", ".join(parser.header(f) if f != "extra" else "other columns" for f in differing)
            error = WorkbenchError("import.conflict", value=record["application_number"], fields=names)
            result.issues.append(RowIssue(line, parser.header("application_number"), record["application_number"],
                                          error.code, error.message(), "rejected"))
    if inserts:
        db.conn.executemany(
            f"INSERT INTO cases ({', '.join(STORED_FIELDS)}, import_id)"
            f" VALUES ({', '.join('?' * (len(STORED_FIELDS) + 1))})", inserts)
        result.accepted += len(inserts)


def _record_counts(db: sqlite_utils.Database, result: ImportResult) -> None:
    db.execute("UPDATE imports SET rows_read = ?, accepted = ?, unchanged = ?, updated = ?, rejected = ?,"
               " skipped = ?, duplicates = ? WHERE id = ?",
               [result.read, result.accepted, result.unchanged, result.updated, result.rejected, result.skipped,
                result.duplicates, result.import_id])
    db.conn.executemany(
        "INSERT INTO import_issues (import_id, line, column_name, value, outcome, code, reason)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        ((result.import_id, i.line, i.column, i.value, i.outcome, i.code, i.reason) for i in result.issues))


def imports(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    return list(db.query("SELECT * FROM imports ORDER BY id DESC"))


def sample_rows(path: str | Path, count: int = 20, **options: Any) -> Iterable[tuple[int, list[Any]]]:
    """The first rows of a file, for previews."""
    reader = open_table(path, **options)
    try:
        return [(line, [_text(c) for c in cells]) for line, cells in itertools.islice(reader.rows(), count)]
    finally:
        reader.close()
