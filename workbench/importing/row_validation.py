"""Reading and validating an import's rows on a thread of their own, in batches: each row
is parsed, or skipped (blank, totals, notes, a repeated header), or rejected with its
reason; a case twice in the file is rejected the second time."""
from __future__ import annotations

import queue
import threading
from typing import Any, Iterator

from foundation.errors import WorkbenchError, register
from workbench.importing import read_limits
from workbench.importing.case_writes import Statements
from workbench.importing.first_lines import FirstLines
from workbench.importing.headers import header_score
from workbench.importing.identifiers import parse_application_number
from workbench.importing.import_result import ImportResult, RowIssue
from workbench.importing.row_parser import RowParser, RowRejected
from workbench.importing.row_text import as_text, is_blank, totals_or_note

HEADER_SCORE_CELLS = 200     # cells of a rejected row looked at for a repeated header
BATCH = 2000                 # rows stored (and Cancel checked, progress shown) at a time


register({
    "import.duplicate_in_file": "The case {value} appears twice in the file: lines {first} and {line}.",
    "import.decision_before_filing": "The decision date {decision} is before the filing date {filing}.",
    "import.blank_row": "Blank row.",
    "import.totals_row": "Totals or notes row, not a case.",
    "import.header_row": "Another header row, not a case.",
})


class Validator:
    """Reads and validates rows on a thread of its own while the caller's thread stores the
    previous batch: SQLite releases the GIL while it writes (and indexes), so reading,
    validating and storing overlap. The batches come back in order; an error in the reader
    comes back as itself; leaving the `with` block early stops the thread."""

    _END = object()

    def __init__(self, parser: RowParser, rows: Iterator[tuple[int, list[Any]]], result: ImportResult,
                 header_keys: list[str], statements: Statements | None) -> None:
        self.parser, self.rows, self.result, self.header_keys = parser, rows, result, header_keys
        self.statements = statements
        self.queue: queue.Queue[Any] = queue.Queue(maxsize=4)
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self._work, name="import-validator", daemon=True)

    def __enter__(self) -> "Validator":
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
        first_line = FirstLines().first      # number -> line first seen on, compactly
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
            if is_blank(cells):
                blank_lines.append(line)
                continue
            if blank_lines:
                _skip_blank(result, blank_lines)
                blank_lines = []
            result.read += 1
            try:
                record, remarks = parse(cells)
            except RowRejected as rejected:
                _reject(result, line, cells, rejected, header_keys, parser)
                continue
            number = record[0]
            first = first_line(number, line)
            if first is not None:
                result.rejected += 1
                result.duplicates += 1
                error = WorkbenchError("import.duplicate_in_file", value=number, first=first, line=line)
                issues.append(RowIssue(line, number_header, number, error.code, error.message(), "rejected",
                                       error.params))
                continue
            if remarks is not None:      # kept, with each marked cell in the import report
                for column, value, error in remarks:
                    issues.append(RowIssue(line, column, value, error.code, error.message(), "warning",
                                           error.params))
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


def _reject(result: ImportResult, line: int, cells: list[Any], rejected: RowRejected,
            header_keys: list[str], parser: RowParser) -> None:
    """A row that is no case: a totals, note or repeated header row is skipped; else rejected."""
    raw_number = cells[parser.i_number] if parser.i_number < len(cells) else None
    try:
        parse_application_number(as_text(raw_number))
        no_number = False
    except WorkbenchError:
        no_number = True
    if no_number:
        shown = " | ".join(t for t in (as_text(c) for c in cells) if t)[:500]
        code = None
        # A repeated header names its fields within the header's columns (scoring a hostile
        # file's 16,384 cells per rejected row took seconds a row).
        scored = cells[:min(len(header_keys), HEADER_SCORE_CELLS)]
        if [as_text(c) for c in cells[:len(header_keys)]] == header_keys or header_score(scored) >= 2:
            code = "import.header_row"
        elif totals_or_note(cells):
            code = "import.totals_row"
        if code is not None:
            result.skipped += 1
            result.issues.append(RowIssue(line, None, shown, code, WorkbenchError(code).message(), "skipped"))
            return
    result.rejected += 1
    result.issues.append(RowIssue(line, rejected.column, as_text(rejected.value), rejected.code, rejected.reason,
                                  "rejected", rejected.params))
