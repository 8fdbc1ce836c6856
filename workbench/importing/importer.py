"""Importing an office export into the workspace.

One import is one transaction: every row is read, validated and either stored or reported,
and on any error or Cancel the workspace is exactly as before. Every row read ends up in
exactly one of accepted, unchanged, updated, rejected or skipped, and the counts add up.

The header is found below title rows, merged titles and blank rows; the columns are mapped
by an explicit mapping, else by the mapping remembered for these headers, else by the
recognised header names. Blank rows at the very end of a file (a formatted but empty range,
trailing delimiters) are not rows of the table and are not counted.
"""
from __future__ import annotations

import datetime as _dt
import hashlib
import itertools
import json
import operator
import queue
import re
import sqlite3
import threading
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping, Sequence

import sqlite_utils

from workbench.audit import chain
from workbench.importing import mappings
from workbench.importing import read_limits
from workbench.importing.dates import FIRST_YEAR, LAST_YEAR, month_first_evidence, parse_date
from workbench.base.errors import WorkbenchError, register
from workbench.importing.headers import CASE_FIELDS, DATE_FIELDS, guess_mapping, header_score
from workbench.importing.identifiers import parse_application_number, parse_ip_type
from workbench.base.jobs import CancelToken, Progress, no_progress
from workbench.importing.readers import TableReader, open_table

HEADER_SCAN_ROWS = 30        # the header may sit below a title block this deep
MONTH_FIRST_SAMPLE = 1000    # data rows looked at to decide how slash dates are written
HEADER_SCORE_CELLS = 200     # cells of a rejected row looked at for a repeated header
BATCH = 2000                 # rows stored (and Cancel checked, progress shown) at a time
CONFLICT_POLICIES = ("skip", "update")

# Rows below (or inside) the table that are not cases. Matched at the start of the row's
# first non-blank cell, after NFKC and case folding.
TOTAL_WORDS = ("合计", "总计", "小计", "共计", "总数", "累计", "汇总", "total", "subtotal", "sum", "grand total")
NOTE_WORDS = ("注", "备注", "说明", "附注", "附：", "制表", "填表", "审核", "复核", "签字", "签名", "签章", "盖章",
              "负责人", "经办人", "批准", "打印", "导出", "数据来源", "资料来源", "统计日期", "统计时间", "截至",
              "note", "notes", "remark", "source", "prepared by", "checked by", "approved by", "reviewed by",
              "signature", "signed", "printed", "exported", "page ")
NOTE_MAX_CELLS = 3           # a note or signature line fills a few cells at most
_PAGE_LINE = re.compile(r"第\s*\d+\s*页|共\s*\d+\s*页|page\s*\d+(\s*of\s*\d+)?", re.IGNORECASE)
_SCIENTIFIC = re.compile(r"\d(\.\d+)?[eE]\+?\d+")

register({
    "import.no_header": "{path}: no column of application numbers was found in the first {rows} rows "
                        "(columns seen: {headers}). Say which column holds what: in the window, or with --mapping FILE.json.",
    "import.bad_mapping": "{path}: the mapping does not name a column for {field}.",
    "import.mapping_column_missing": "{path}: the mapping's column {column!r} for the application number "
                                     "is not in the first {rows} rows of the file.",
    "import.no_header_line": "{path}: line {line} cannot be the header: the first {rows} rows hold the table's "
                             "header.",
    "import.bad_conflict_policy": "Unknown conflict policy {policy!r} (use skip or update).",
    "import.missing_number": "The application number is missing.",
    "import.scientific_number": "“{value}” is an application number that a spreadsheet shortened to scientific "
                                "notation, so its digits are lost; export the column as text.",
    "import.ip_type_unknown": "The IP type cannot be told from {value}; add an IP type column.",
    "import.ip_type_mismatch": "The number {value} is a {implied} number but the row says {declared}.",
    "import.duplicate_in_file": "The case {value} appears twice in the file: lines {first} and {line}.",
    "import.conflict": "The case {value} is already in the workspace with different details "
                       "({fields}); it was kept as it was. Import with 'update' to replace it.",
    "import.decision_before_filing": "The decision date {decision} is before the filing date {filing}.",
    "import.blank_row": "Blank row.",
    "import.title_row": "Title or note above the header.",
    "import.totals_row": "Totals or notes row, not a case.",
    "import.header_row": "Another header row, not a case.",
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
    params: dict[str, Any] | None = None     # the reason's parameters, so a window can translate it

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
    mapping_source: str = ""     # given, remembered or recognised
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
    month_first: bool = False
    issues: list[RowIssue] = field(default_factory=list)
    workspace_had_cases: bool = True     # False: no case can conflict, so none is looked up

    @property
    def rejected_rows(self) -> list[RowIssue]:
        return [i for i in self.issues if i.outcome == "rejected"]

    @property
    def warnings(self) -> list[RowIssue]:
        return [i for i in self.issues if i.outcome == "warning"]

    @property
    def changed(self) -> bool:
        return self.accepted + self.updated > 0

    def as_json(self) -> dict[str, Any]:
        return {
            "file": self.path, "sha256": self.sha256, "import_id": self.import_id,
            "read": self.read, "accepted": self.accepted, "unchanged": self.unchanged,
            "updated": self.updated, "rejected": self.rejected, "skipped": self.skipped,
            "duplicates": self.duplicates, "conflicts": self.conflicts, "header_line": self.header_line,
            "mapping": self.mapping, "mapping_source": self.mapping_source, "encoding": self.encoding,
            "delimiter": self.delimiter, "sheet": self.sheet, "month_first": self.month_first,
            "changed": self.changed,
            "rejected_rows": [i.as_dict() for i in self.rejected_rows],
            "skipped_rows": [i.as_dict() for i in self.issues if i.outcome == "skipped"],
            "warnings": [i.as_dict() for i in self.warnings],
        }


class _RowRejected(Exception):
    def __init__(self, column: str | None, value: Any, error: WorkbenchError) -> None:
        self.column, self.value, self.code, self.reason = column, value, error.code, error.message()
        self.params = error.params


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1024 * 1024):
            digest.update(chunk)
    return digest.hexdigest()


def _unwrap(text: str) -> str:
    # ="0123" is how some systems keep Excel from turning a number column into 1.23E+11;
    # a leading apostrophe is Excel's own "this is text" mark.
    if text.startswith('="') and text.endswith('"') and len(text) >= 3:
        return text[2:-1].strip()
    if text.startswith("'"):
        return text[1:].strip()
    return text


def _text(value: Any) -> str:
    """A cell as text: numbers that are whole print without '.0', dates as ISO."""
    if type(value) is str:
        value = value.strip()
        if value and value[0] in "='":
            value = _unwrap(value)
        return value
    if value is None:
        return ""
    if isinstance(value, float):
        if value != value:      # NaN: an empty numeric cell
            return ""
        return str(int(value)) if value.is_integer() else str(value)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == _dt.time() else value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def _is_blank(cells: Sequence[Any]) -> bool:
    for cell in cells:
        if cell is None or cell == "":
            continue
        if type(cell) is str and not cell.strip():
            continue
        if isinstance(cell, float) and cell != cell:
            continue
        return False
    return True


def _starts_with(text: str, words: Iterable[str]) -> bool:
    folded = unicodedata.normalize("NFKC", text).casefold().lstrip(" *※#-—·.:：、")
    return any(folded.startswith(word) for word in words)


def _totals_or_note(cells: Sequence[Any]) -> bool:
    """A totals line, a note, a signature or page line: not a case, whatever it holds."""
    filled = [t for t in (_text(c) for c in cells) if t]
    if not filled:
        return False
    if _starts_with(filled[0], TOTAL_WORDS):
        return True
    if len(filled) <= NOTE_MAX_CELLS and (_starts_with(filled[0], NOTE_WORDS) or _PAGE_LINE.search(filled[0])):
        return True
    return False


# -- finding the header ----------------------------------------------------------------------

@dataclass
class _Header:
    line: int
    cells: list[Any]
    before: list[tuple[int, list[Any]]]
    source: str                                  # given, remembered, recognised
    explicit: dict[str, str] | None


def _find_header(scanned: list[tuple[int, list[Any]]], *, path: Path, mapping: Mapping[str, str] | None,
                 header_line: int | None, db: sqlite_utils.Database | None) -> _Header:
    def at(index: int, source: str, explicit: dict[str, str] | None) -> _Header:
        line, cells = scanned[index]
        return _Header(line, cells, scanned[:index], source, explicit)

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
    first = next((c for _, c in scanned if not _is_blank(c)), [])
    raise WorkbenchError("import.no_header", path=str(path), rows=HEADER_SCAN_ROWS,
                         headers=", ".join(t for t in (_text(c) for c in first) if t)[:300] or "none")


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


# -- one row -----------------------------------------------------------------------------------

STORED_FIELDS = CASE_FIELDS + ("extra",)
_TEXT_FIELDS = tuple(f for f in CASE_FIELDS if f not in ("application_number", "ip_type") + DATE_FIELDS)


class _RowParser:
    """Turns one data row into the tuple of STORED_FIELDS, or raises _RowRejected.

    Written for speed (it runs 100,000 times for a large export): column positions are
    looked up once, and IP types and text dates, which repeat, are parsed once each.
    """

    def __init__(self, names: list[str], columns: Mapping[int, str], month_first: bool) -> None:
        self.names = names
        self.columns = dict(columns)
        self.width = len(names)
        index_of = {f: i for i, f in self.columns.items()}
        self.index_of = index_of
        self.i_number = index_of["application_number"]
        self.i_type = index_of.get("ip_type")
        self.text_indexes = [index_of.get(f) for f in _TEXT_FIELDS]
        # All text fields in one C-level call; a field without a column reads a blank column.
        blank = self.width
        self.text_cells = operator.itemgetter(*[blank if i is None else i for i in self.text_indexes])
        self.date_indexes = [index_of.get(f) for f in DATE_FIELDS]
        self.extra_columns = [(i, n) for i, n in enumerate(names) if i not in self.columns]
        self.month_first = month_first
        self._types: dict[Any, str | None | WorkbenchError] = {}
        self._dates: dict[Any, str | None | WorkbenchError] = {}
        self.decision_header = self.header("decision_date")

    def header(self, field_name: str) -> str:
        index = self.index_of.get(field_name)
        return self.names[index] if index is not None else field_name

    def _ip_type(self, raw: Any) -> str | None:
        key = raw if isinstance(raw, (str, int, float)) else _text(raw)
        try:
            found = self._types[key]
        except KeyError:
            try:
                found = parse_ip_type(_text(raw))
            except WorkbenchError as exc:
                found = exc
            self._types[key] = found
        if isinstance(found, WorkbenchError):
            raise _RowRejected(self.names[self.i_type], _text(raw), found)
        return found

    def _date(self, raw: Any, index: int) -> str | None:
        kind = type(raw)
        if kind is date:
            if FIRST_YEAR <= raw.year <= LAST_YEAR:
                return raw.isoformat()
        elif raw is None or raw == "":
            return None
        key = raw if kind in (str, int, float) else None
        found = self._dates.get(key) if key is not None else None
        if found is None:
            value = _text(raw) if kind is str else raw
            try:
                parsed = parse_date(value, month_first=self.month_first)
                found = parsed.isoformat() if parsed else ""
            except WorkbenchError as exc:
                found = exc
            if key is not None and len(self._dates) < 100_000:
                self._dates[key] = found
        if isinstance(found, WorkbenchError):
            raise _RowRejected(self.names[index], _text(raw), found)
        return found or None

    def parse(self, cells: list[Any]) -> tuple[tuple[Any, ...], str | None]:
        """The stored values and, when the row is accepted with a remark, the remark."""
        if len(cells) <= self.width:
            cells = cells + [""] * (self.width + 1 - len(cells))      # and one blank column
        else:
            cells = cells + [""]
        raw_number = cells[self.i_number]
        if type(raw_number) is str:
            raw_number = _text(raw_number)
        if raw_number is None or raw_number == "" or raw_number != raw_number:
            error = WorkbenchError("import.missing_number")
            raise _RowRejected(self.names[self.i_number], "", error)
        declared = self._ip_type(cells[self.i_type]) if self.i_type is not None else None
        try:
            number = parse_application_number(raw_number, declared_ip_type=declared)
        except WorkbenchError as exc:
            shown = _text(raw_number)
            if exc.code == "id.unrecognised" and _SCIENTIFIC.fullmatch(shown):
                exc = WorkbenchError("import.scientific_number", value=shown)
            raise _RowRejected(self.names[self.i_number], shown, exc) from None
        implied = number.ip_type
        if implied is None and declared is None:
            error = WorkbenchError("import.ip_type_unknown", value=number.normalized)
            raise _RowRejected(self.names[self.i_number], _text(raw_number), error)
        if declared is not None and implied is not None and declared != implied:
            error = WorkbenchError("import.ip_type_mismatch", value=number.normalized,
                                   implied=implied.replace("_", " "), declared=declared.replace("_", " "))
            raise _RowRejected(self.names[self.i_type], _text(cells[self.i_type]), error)
        filing_index, decision_index = self.date_indexes
        filing = self._date(cells[filing_index], filing_index) if filing_index is not None else None
        decision = self._date(cells[decision_index], decision_index) if decision_index is not None else None
        texts = [value.strip() if type(value) is str and not value.startswith(("=", "'")) else _text(value)
                 for value in self.text_cells(cells)]
        extra: dict[str, str] = {}
        for index, name in self.extra_columns:
            value = cells[index]
            if value is not None and value != "":
                text = _text(value)
                if text:
                    extra[name] = text
        if len(cells) > self.width + 1:      # cells beyond the header: kept, never dropped
            for index in range(self.width, len(cells) - 1):
                text = _text(cells[index])
                if text:
                    extra[f"column {index + 1}"] = text
        remark = None
        if filing and decision and decision < filing:
            remark = decision
        record = (number.normalized, implied or declared, *texts, filing, decision,
                  json.dumps(extra, ensure_ascii=False, sort_keys=True) if extra else "{}")
        return record, remark


# -- the import ----------------------------------------------------------------------------------

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
            _run(db, reader, result, mapping, header_line, remember_mapping, on_conflict, progress,
                 cancel or CancelToken())
            if not result.changed:
                # Nothing new: the workspace stays exactly as it was, import record included.
                db.execute("DELETE FROM import_issues WHERE import_id = ?", [result.import_id])
                db.execute("DELETE FROM imports WHERE id = ?", [result.import_id])
                db.execute("DELETE FROM audit_log WHERE id > ?", [entries_before])   # a baseline just taken
                result.import_id = None
            else:   # the cases' facts, covered by the audit chain (a digest per case)
                chain.record_import(db, result.import_id, actor=actor or _default_actor(),
                                       file_name=path.name, sha256=result.sha256)
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
         cancel: CancelToken) -> None:
    rows = reader.rows()
    scanned = list(itertools.islice(rows, HEADER_SCAN_ROWS))
    header = _find_header(scanned, path=reader.path, mapping=mapping, header_line=header_line, db=db)
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
        code = "import.blank_row" if _is_blank(cells) else "import.title_row"
        result.issues.append(RowIssue(line, None, None, code, WorkbenchError(code).message(), "skipped"))

    # The rows already scanned below the header, then the rest of the file.
    after = scanned[len(header.before) + 1:]
    lookahead = after + list(itertools.islice(rows, max(0, MONTH_FIRST_SAMPLE - len(after))))
    result.month_first = _month_first(lookahead, columns)
    parser = _RowParser(names, columns, result.month_first)
    header_keys = [mappings.cell_text(c) for c in header.cells]

    result.workspace_had_cases = db.execute("SELECT EXISTS (SELECT 1 FROM cases)").fetchone()[0] == 1
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    result.import_id = db.execute(
        "INSERT INTO imports (file_name, sha256, imported_at, mapping) VALUES (?, ?, ?, ?)",
        [reader.path.name, result.sha256, now, json.dumps(result.mapping, ensure_ascii=False)]).lastrowid
    label = reader.path.name
    # Into a workspace without cases nothing can conflict: the validating thread then also
    # prepares the INSERT statements, leaving this thread only SQLite's own work.
    statements = _Statements(db, result.import_id) if not result.workspace_had_cases else None
    validating = _Validator(parser, itertools.chain(lookahead, rows), result, header_keys, statements)
    with validating:
        for batch, prepared in validating.batches():
            cancel.check()
            if prepared is not None:
                for sql, values in prepared:
                    db.conn.execute(sql, values)
                result.accepted += len(batch)
            else:
                _store_batch(db, batch, result, on_conflict, parser)
            progress(reader.position(), reader.total, label)
    cancel.check()
    result.rejected += result.conflicts
    progress(reader.total, reader.total, label)
    result.issues.sort(key=lambda issue: issue.line)     # conflicts are found after the rest
    _record_counts(db, result)


class _Validator:
    """Reads and validates rows on a thread of its own while the caller's thread stores the
    previous batch: SQLite releases the GIL while it writes (and indexes), so reading,
    validating and storing overlap. The batches come back in order; an error in the reader
    comes back as itself; leaving the `with` block early stops the thread."""

    _END = object()

    def __init__(self, parser: _RowParser, rows: Iterator[tuple[int, list[Any]]], result: ImportResult,
                 header_keys: list[str], statements: _Statements | None) -> None:
        self.parser, self.rows, self.result, self.header_keys = parser, rows, result, header_keys
        self.statements = statements
        self.queue: queue.Queue[Any] = queue.Queue(maxsize=4)
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self._work, name="import-validator", daemon=True)

    def __enter__(self) -> "_Validator":
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stopping.set()
        while self.thread.is_alive():
            try:                      # unblock a producer waiting for room
                self.queue.get_nowait()
            except queue.Empty:
                self.thread.join(0.05)

    def batches(self) -> Iterator[list[tuple[int, tuple[Any, ...]]]]:
        while True:
            item = self.queue.get()
            if item is self._END:
                return
            if isinstance(item, BaseException):
                raise item
            yield item

    def _put(self, item: Any) -> bool:
        while not self.stopping.is_set():
            try:
                self.queue.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def _work(self) -> None:
        try:
            for batch in self._validate():
                prepared = self.statements.prepare(batch) if self.statements is not None else None
                if not self._put((batch, prepared)):
                    return
            self._put(self._END)
        except BaseException as exc:    # handed to the caller's thread, which raises it
            self._put(exc)

    def _validate(self) -> Iterator[list[tuple[int, tuple[Any, ...]]]]:
        parser, result, header_keys = self.parser, self.result, self.header_keys
        parse = parser.parse
        issues = result.issues
        number_header = parser.names[parser.i_number]
        seen: dict[str, int] = {}
        batch: list[tuple[int, tuple[Any, ...]]] = []
        blank_lines: list[int] = []          # counted only if a non-blank row follows
        stopping = self.stopping
        most = read_limits.MAX_ROW_ISSUES
        for line, cells in self.rows:
            if stopping.is_set():
                return
            if result.rejected + result.skipped + len(blank_lines) >= most:
                # Each row that is no case keeps its issue: millions of them took gigabytes.
                raise WorkbenchError("import.limit_issues", path=result.path, line=line, limit=f"{most:,}")
            if _is_blank(cells):
                blank_lines.append(line)
                continue
            if blank_lines:
                _skip_blank(result, blank_lines)
                blank_lines = []
            result.read += 1
            try:
                record, remark = parse(cells)
            except _RowRejected as rejected:
                _reject(result, line, cells, rejected, header_keys, parser)
                continue
            number = record[0]
            first = seen.get(number)
            if first is not None:
                result.rejected += 1
                result.duplicates += 1
                error = WorkbenchError("import.duplicate_in_file", value=number, first=first, line=line)
                issues.append(RowIssue(line, number_header, number, error.code, error.message(), "rejected",
                                       error.params))
                continue
            seen[number] = line
            if remark is not None:
                error = WorkbenchError("import.decision_before_filing", decision=record[-2], filing=record[-3])
                issues.append(RowIssue(line, parser.decision_header, record[-2], error.code, error.message(),
                                       "warning", error.params))
            batch.append((line, record))
            if len(batch) >= BATCH:
                yield batch
                batch = []
        if batch:
            yield batch


def _skip_blank(result: ImportResult, lines: list[int]) -> None:
    message = WorkbenchError("import.blank_row").message()
    for line in lines:
        result.read += 1
        result.skipped += 1
        result.issues.append(RowIssue(line, None, None, "import.blank_row", message, "skipped"))


def _reject(result: ImportResult, line: int, cells: list[Any], rejected: _RowRejected,
            header_keys: list[str], parser: _RowParser) -> None:
    """A row that is no case: a totals, note or repeated header row is skipped; else rejected."""
    raw_number = cells[parser.i_number] if parser.i_number < len(cells) else None
    try:
        parse_application_number(_text(raw_number))
        no_number = False
    except WorkbenchError:
        no_number = True
    if no_number:
        shown = " | ".join(t for t in (_text(c) for c in cells) if t)[:500]
        code = None
        # A repeated header names its fields within the header's columns (scoring a hostile
        # file's 16,384 cells per rejected row took seconds a row).
        scored = cells[:min(len(header_keys), HEADER_SCORE_CELLS)]
        if [_text(c) for c in cells[:len(header_keys)]] == header_keys or header_score(scored) >= 2:
            code = "import.header_row"
        elif _totals_or_note(cells):
            code = "import.totals_row"
        if code is not None:
            result.skipped += 1
            result.issues.append(RowIssue(line, None, shown, code, WorkbenchError(code).message(), "skipped"))
            return
    result.rejected += 1
    result.issues.append(RowIssue(line, rejected.column, _text(rejected.value), rejected.code, rejected.reason,
                                  "rejected", rejected.params))


def _month_first(lookahead: list[tuple[int, list[Any]]], columns: Mapping[int, str]) -> bool:
    """Whether the file writes year-last dates month first: some date column clearly does
    and none clearly writes them day first."""
    verdicts = set()
    for index, name in columns.items():
        if name in DATE_FIELDS:
            verdicts.add(month_first_evidence(c[index] for _, c in lookahead if index < len(c)))
    return True in verdicts and False not in verdicts


def _store_batch(db: sqlite_utils.Database, batch: list[tuple[int, tuple[Any, ...]]], result: ImportResult,
                 on_conflict: str, parser: _RowParser) -> None:
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
            differing = [f for f, a, b in zip(STORED_FIELDS, old, record) if (a or "") != (b or "")]
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


class _Statements:
    """INSERT statements of many rows each, not one statement per row: triggers on cases (the
    full-text index) then work per statement, which makes a 100,000-row import of a
    workspace with a trigram index 3x faster than executemany."""

    def __init__(self, db: sqlite_utils.Database, import_id: int | None) -> None:
        try:
            limit = db.conn.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
        except (AttributeError, sqlite3.Error):
            limit = 999
        self.per_statement = max(1, limit // (len(STORED_FIELDS) + 1))
        self.import_id = import_id
        self.sql = f"INSERT INTO cases ({', '.join(STORED_FIELDS)}, import_id) VALUES "

    def prepare(self, batch: list[tuple[int, tuple[Any, ...]]]) -> list[tuple[str, list[Any]]]:
        statements = []
        import_id = self.import_id
        for start in range(0, len(batch), self.per_statement):
            chunk = batch[start:start + self.per_statement]
            values: list[Any] = []
            for _line, record in chunk:
                values.extend(record)
                values.append(import_id)
            statements.append((self.sql + ",".join([_ROW_PLACEHOLDERS] * len(chunk)), values))
        return statements


def _insert_cases(db: sqlite_utils.Database, rows: list[tuple[Any, ...]]) -> None:
    """`rows` with their import id already appended."""
    statements = _Statements(db, None)
    for start in range(0, len(rows), statements.per_statement):
        chunk = rows[start:start + statements.per_statement]
        db.conn.execute(statements.sql + ",".join([_ROW_PLACEHOLDERS] * len(chunk)),
                        [value for row in chunk for value in row])


def _record_counts(db: sqlite_utils.Database, result: ImportResult) -> None:
    db.execute("UPDATE imports SET rows_read = ?, accepted = ?, unchanged = ?, updated = ?, rejected = ?,"
               " skipped = ?, duplicates = ? WHERE id = ?",
               [result.read, result.accepted, result.unchanged, result.updated, result.rejected, result.skipped,
                result.duplicates, result.import_id])
    db.conn.executemany(
        "INSERT INTO import_issues (import_id, line, column_name, value, outcome, code, reason, params)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        ((result.import_id, i.line, i.column, i.value, i.outcome, i.code, i.reason,
          json.dumps(i.params, ensure_ascii=False, default=str) if i.params else None) for i in result.issues))


# -- looking at a file before importing it ----------------------------------------------------------

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
            header: _Header | None = _find_header(scanned, path=path, mapping=mapping, header_line=header_line,
                                                  db=db)
        except WorkbenchError:
            header = None
        if header is None:
            index = next((i for i, (_l, c) in enumerate(scanned) if not _is_blank(c)), None)
            header = _Header(scanned[index][0], scanned[index][1], scanned[:index], "", None) \
                if index is not None else None
        lines = [(line, [_text(c) for c in cells]) for line, cells in scanned]
        if header is None:
            return FilePreview(str(path), reader.kind, reader.encoding, reader.delimiter, reader.sheet,
                               reader.visible_sheets, None, [], {}, "", [], lines)
        names = mappings.column_names(header.cells)
        columns = mappings.resolve(names, header.explicit if header.source else {})
        after = scanned[len(header.before) + 1:]
        body = after + list(itertools.islice(iterator, max(0, rows - len(after))))
        width = max([len(names)] + [len(c) for _l, c in body[:rows]])
        names = names + [f"column {i + 1}" for i in range(len(names), width)]
        shown = [(line, [_text(c) for c in cells] + [""] * (width - len(cells))) for line, cells in body[:rows]]
        return FilePreview(str(path), reader.kind, reader.encoding, reader.delimiter, reader.sheet,
                           reader.visible_sheets, header.line, names, mappings.as_names(names, columns),
                           header.source if columns else "", shown, lines)
    finally:
        reader.close()
