"""The case queue as a table model over the workspace.

It holds the sorted list of case ids the filter selects (workbench.review.queue) and fetches row
contents a page at a time into a cache. On a big workspace a reload reads only the first page
(workbench.review.queue_pages: an index walk, not a sort of every case) and shows it at once; the
whole list and the counts by status follow from a worker, and the rows after the first page are
then appended, so the view keeps its selection and scroll position.
Sorting changes the SQL ORDER BY; filtering and searching change the WHERE.
"""
from __future__ import annotations

import logging
import sqlite3
from array import array
from typing import Any, Callable

import sqlite_utils
from PySide6.QtCore import (QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt,
                            QThreadPool, Signal)
from PySide6.QtGui import QBrush, QColor, QFont

from db.connection import open_database
from foundation.jobs import CancelToken, Progress
from ui.tasks import QuietTask
from workbench.review import queue, queue_pages
from workbench.review.queue import CaseFilter

log = logging.getLogger("workbench.ui")

PAGE_SIZE = 200
SYNC_COUNT_ROWS = 20_000     # a queue this long is counted at once (a few ms); a longer one on a worker
LAZY_CASES = 50_000          # a workspace this big shows its first page first and reads the rest on a worker

# The risk column shows the score and its stored band ("0.65 high"); it sorts by the score.
RISK_SELECT = "(SELECT printf('%.2f', cr.score) || ' ' || cr.band FROM case_risk cr WHERE cr.case_id = c.id)"
# (key, SQL expression for SELECT; the ORDER BY is queue.COLUMNS[key])
COLUMNS: tuple[tuple[str, str], ...] = tuple((key, RISK_SELECT if key == "risk" else queue.COLUMNS[key]) for key in (
    "application_number", "ip_type", "title", "examiner", "department", "decision_date", "status", "verdict", "risk"))
VERDICT_COLOURS = {"error": QColor("#b3261e"), "defect": QColor("#9a6700"), "compliant": QColor("#1b7a3a")}
RISK_COLOURS = {"high": QColor("#b3261e"), "medium": QColor("#9a6700")}
STATUS_COLUMN = [key for key, _ in COLUMNS].index("status")


PROVISIONAL_COLOUR = QColor("#6b6b6b")


def _provisional(row: tuple[Any, ...]) -> bool:
    """A review still open or in progress: its verdict is what the answers give so far."""
    return row[STATUS_COLUMN] in ("open", "in_progress")


def provisional_label(verdict: str, long: bool = False) -> str:
    """An unfinished review's verdict, reading as provisional: "(Defect)" in the cell (with grey
    italics), "so far: Defect" as the review panel says it in the tooltip."""
    text = QCoreApplication.translate("CaseModel", "so far: %1") if long else QCoreApplication.translate(
        "CaseModel", "(%1)")
    return text.replace("%1", value_label("verdict", verdict))


def _status_key(status: str) -> str:
    return "in_progress" if status == "open" else status


def risk_band_label(band: str) -> str:
    return {"none": QCoreApplication.translate("RiskBand", "no risk"),
            "low": QCoreApplication.translate("RiskBand", "low"),
            "medium": QCoreApplication.translate("RiskBand", "medium"),
            "high": QCoreApplication.translate("RiskBand", "high")}.get(band, band)


def _risk_text(value: Any) -> str:
    """'0.65 high' in the user's language; nothing for a case that scored 0 or was never scored."""
    if not value or value.startswith("0.00"):
        return ""
    score, band = value.split(" ", 1)
    return f"{score} {risk_band_label(band)}"


def column_title(key: str) -> str:
    return {
        "application_number": QCoreApplication.translate("CaseModel", "Application no."),
        "ip_type": QCoreApplication.translate("CaseModel", "Type"),
        "title": QCoreApplication.translate("CaseModel", "Title"),
        "examiner": QCoreApplication.translate("CaseModel", "Examiner"),
        "department": QCoreApplication.translate("CaseModel", "Department"),
        "decision_date": QCoreApplication.translate("CaseModel", "Decided"),
        "status": QCoreApplication.translate("CaseModel", "Status"),
        "verdict": QCoreApplication.translate("CaseModel", "Verdict"),
        "risk": QCoreApplication.translate("CaseModel", "Risk"),
    }[key]


#: Each stored code's word, translated when asked for: a cell needs one, not all twelve (the queue's
#: painting asks for every visible cell, and each translation passes the counting translator).
_CODE_WORDS: dict[str, Callable[[], str]] = {
    "invention": lambda: QCoreApplication.translate("Codes", "Invention"),
    "utility_model": lambda: QCoreApplication.translate("Codes", "Utility model"),
    "design": lambda: QCoreApplication.translate("Codes", "Design"),
    "trademark": lambda: QCoreApplication.translate("Codes", "Trademark"),
    "not_reviewed": lambda: QCoreApplication.translate("Codes", "Not reviewed"),
    "open": lambda: QCoreApplication.translate("Codes", "Open"),
    "in_progress": lambda: QCoreApplication.translate("Codes", "In progress"),
    "completed": lambda: QCoreApplication.translate("Codes", "Completed"),
    "signed_off": lambda: QCoreApplication.translate("Codes", "Signed off"),
    "error": lambda: QCoreApplication.translate("Codes", "Error"),
    "defect": lambda: QCoreApplication.translate("Codes", "Defect"),
    "compliant": lambda: QCoreApplication.translate("Codes", "Compliant"),
}


def value_label(key: str, value: Any) -> str:
    """Stored codes (ip types, statuses, verdicts) in the user's language."""
    if key in ("ip_type", "status", "verdict") and value in _CODE_WORDS:
        return _CODE_WORDS[value]()
    if key == "risk":
        return _risk_text(value)
    return "" if value is None else str(value)


class CaseTableModel(QAbstractTableModel):
    counts_changed = Signal()   # the cases shown or their statuses changed: status bar counts
    rows_loaded = Signal()      # the whole queue is read (after a first page shown on its own)

    def __init__(self, db: sqlite_utils.Database, parent: Any = None) -> None:
        super().__init__(parent)
        self.db = db
        self._ids: array = array("q")            # the queue's case ids in order, read once per reload
        self._ids_json = "[]"                    # the same, as SQLite gave it, for the counts' worker
        self._pages: dict[int, list[tuple[Any, ...]]] = {}
        self._sort_column = 0
        self._sort_order = Qt.SortOrder.AscendingOrder
        self.case_filter = CaseFilter()
        self.counts: dict[str, int] = dict.fromkeys(queue.STATUSES, 0)
        self.counts_pending = False              # the counts of a big queue are on their way from a worker
        self.complete = True                     # False while only the first page of a big queue is read
        self.total = 0
        # Status counts of a big queue are computed on a thread of their own; only the newest
        # request's result is kept.
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._generation = 0
        self._reader: sqlite_utils.Database | None = None     # the worker's connection while it reads the queue
        self.reload()

    # -- loading ---------------------------------------------------------------------------
    def reload(self) -> None:
        """Re-read the sorted, filtered ids (after an import, a change of sort or filter); rows load lazily."""
        self.beginResetModel()
        sort, descending = self._sort_key()
        self._generation += 1
        reader = self._reader
        if reader is not None:       # a worker still reading the previous queue: stop it, its rows are stale
            reader.conn.interrupt()
        path = self._database_file()
        lazy = path is not None and (self.db.execute("SELECT MAX(id) FROM cases").fetchone()[0] or 0) > LAZY_CASES
        first = queue_pages.first_ids(self.db, self.case_filter, sort=sort, descending=descending,
                                      limit=PAGE_SIZE) if lazy else []
        if lazy and len(first) == PAGE_SIZE:
            self._ids, self._ids_json, self.complete = array("q", first), "", False
        elif lazy:                   # fewer than a page: the first page is the whole queue
            self._ids, self._ids_json, self.complete = array("q", first), queue.ids_json(first), True
        else:
            loaded = queue.queue_ids(self.db, self.case_filter, sort=sort, descending=descending)
            self._ids, self._ids_json, self.complete = loaded.ids, loaded.json, True
        self._pages.clear()
        self.endResetModel()
        if self.complete:
            self._recount()
        else:
            self._load_rest(path or "")

    def _sort_key(self) -> tuple[str, bool]:
        return COLUMNS[self._sort_column][0], self._sort_order == Qt.SortOrder.DescendingOrder

    def _load_rest(self, path: str) -> None:
        """The whole queue and its counts, from a worker; the first page is on screen meanwhile."""
        self.total = len(self._ids)
        self.counts, self.counts_pending = dict.fromkeys(queue.STATUSES, 0), True
        self.counts_changed.emit()
        generation, case_filter = self._generation, self.case_filter
        sort, descending = self._sort_key()

        def job(_progress: Progress, _cancel: CancelToken) -> tuple[array, dict[str, int], int] | None:
            db = open_database(path, read_only=True)     # each thread its own connection
            self._reader = db
            try:
                stale = lambda: generation != self._generation     # noqa: E731 (read on this thread)
                loaded = queue.queue_ids(db, case_filter, sort=sort, descending=descending, stopped=stale)
                if stale():
                    return None
                if not case_filter.active:               # every case: counted from the reviewed ones alone
                    return loaded.ids, queue.status_counts(db), len(loaded.ids)
                total = db.execute("SELECT COUNT(*) FROM cases").fetchone()[0]
                return loaded.ids, queue.counts_for_ids(db, loaded.json), total
            except sqlite3.OperationalError:
                if generation != self._generation:
                    return None                          # interrupted: a newer reload took its place
                raise
            finally:
                if self._reader is db:
                    self._reader = None
                db.close()

        self._start(job, lambda result: result is not None and self._rest_loaded(generation, *result))

    def _start(self, job: Any, done: Any) -> None:
        self._pool.clear()                       # work asked for earlier and not begun is stale: never run it
        task = QuietTask(self, job, self._pool)
        task.finished.connect(done)
        task.failed.connect(lambda exc: log.error("queue worker failed", exc_info=(type(exc), exc, exc.__traceback__)))

    def _rest_loaded(self, generation: int, ids: array, counts: dict[str, int], total: int) -> None:
        if generation != self._generation:
            return                               # a newer reload or change is on its way
        self._take_rows(ids)
        self.total = total
        self._counted(generation, counts)

    def _take_rows(self, ids: array) -> None:
        """The whole queue read: the rows on screen stay, the rest are appended."""
        if self.complete:
            return
        shown = len(self._ids)
        if ids[:shown] == self._ids:
            if len(ids) > shown:
                self.beginInsertRows(QModelIndex(), shown, len(ids) - 1)
                self._ids = ids
                self.endInsertRows()
        else:                                    # the workspace changed meanwhile: show what was read
            self.beginResetModel()
            self._ids, self._pages = ids, {}
            self.endResetModel()
        self.complete = True
        self.rows_loaded.emit()

    def wait_for_rows(self) -> None:
        """Read the whole queue now, for a caller that needs every row before the worker is done
        (its counts still come from the worker)."""
        if not self.complete:
            sort, descending = self._sort_key()
            self._take_rows(queue.queue_ids(self.db, self.case_filter, sort=sort, descending=descending).ids)

    def set_filter(self, case_filter: CaseFilter) -> None:
        if case_filter != self.case_filter:
            self.case_filter = case_filter
            self.reload()

    def _recount(self) -> None:
        """Counts of the cases shown by status: at once for a small queue, else from a worker
        (zero until they arrive, so the status bar shows only the number of cases meanwhile)."""
        self.total = self.db.execute("SELECT COUNT(*) FROM cases").fetchone()[0] if self.case_filter.active \
            else len(self._ids)
        self._generation += 1
        generation, path = self._generation, self._database_file()
        text = self._ids_json or queue.ids_json(self._ids)
        if len(self._ids) <= SYNC_COUNT_ROWS or path is None:
            self._counted(generation, queue.counts_for_ids(self.db, text))
            return
        self.counts, self.counts_pending = dict.fromkeys(queue.STATUSES, 0), True
        self.counts_changed.emit()

        def job(_progress: Progress, _cancel: CancelToken) -> dict[str, int]:
            db = open_database(path, read_only=True)     # each thread its own connection
            try:
                return queue.counts_for_ids(db, text)
            finally:
                db.close()

        self._start(job, lambda counts: self._counted(generation, counts))

    def _counted(self, generation: int, counts: dict[str, int]) -> None:
        if generation != self._generation:
            return                               # a newer reload or change is on its way
        self.counts, self.counts_pending = counts, False
        self._ids_json = ""                      # only needed until counted: up to megabytes
        self.counts_changed.emit()

    def _database_file(self) -> str | None:
        files = [row[2] for row in self.db.execute("PRAGMA database_list") if row[1] == "main"]
        return files[0] if files and files[0] else None

    def shutdown(self) -> None:
        """Wait for a count still running (the window is closing)."""
        self._pool.waitForDone(10_000)

    def refresh_case(self, case_id: int) -> None:
        """A case's review changed: drop its page from the cache and repaint its row.

        The case stays in the list even if it no longer matches the filter (a reviewer who
        filters on 'not reviewed' keeps the case they are working on in view)."""
        self.wait_for_rows()                     # the counts are kept for the whole queue
        row = self.row_of(case_id)
        if row is None:
            return
        page = self._pages.pop(row // PAGE_SIZE, None)
        old = page[row % PAGE_SIZE][STATUS_COLUMN] if page is not None else None
        found = self.db.execute("SELECT status FROM latest_reviews WHERE case_id = ?", [case_id]).fetchone()
        new = found[0] if found else "not_reviewed"
        if old is None or self.counts_pending:
            if old != new:
                self._recount()                  # the old status is not at hand: count again
        elif _status_key(new) != _status_key(old):
            self.counts[_status_key(old)] -= 1
            self.counts[_status_key(new)] += 1
            self.counts_changed.emit()
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def next_unreviewed(self, current: int | None, reviewer: str | None = None) -> int | None:
        """The next case in the queue's order not yet completed or signed off, wrapping round;
        with a reviewer, their own assigned cases first (workbench.review.queue.next_case_after)."""
        self.wait_for_rows()
        row = self.row_of(current) if current is not None else None
        return queue.next_case_after(self.db, self._ids, current, 0 if row is None else row + 1, reviewer=reviewer)

    def _page(self, page: int) -> list[tuple[Any, ...]]:
        cached = self._pages.get(page)
        if cached is not None:
            return cached
        ids = self._ids[page * PAGE_SIZE:(page + 1) * PAGE_SIZE]
        placeholders = ",".join("?" * len(ids))
        select = ", ".join(expr for _, expr in COLUMNS)
        rows = {r[0]: r[1:] for r in self.db.execute(
            f"SELECT c.id, {select} FROM cases c WHERE c.id IN ({placeholders})", ids)}
        result = [rows.get(i, (None,) * len(COLUMNS)) for i in ids]
        if len(self._pages) > 50:       # keep memory bounded when scrolling far
            self._pages.clear()
        self._pages[page] = result
        return result

    def case_id(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, case_id: int) -> int | None:
        """The case's row: looked for first among the pages on screen, then through the whole list."""
        for page in self._pages:
            low = page * PAGE_SIZE
            try:
                return low + self._ids[low:low + PAGE_SIZE].index(case_id)
            except ValueError:
                continue
        try:
            return self._ids.index(case_id)
        except ValueError:
            return None

    # -- Qt model interface ----------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._ids)):
            return None
        if role == Qt.ItemDataRole.UserRole:
            return self._ids[index.row()]
        key = COLUMNS[index.column()][0]
        shown = role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
        styled = (role == Qt.ItemDataRole.FontRole and key == "verdict") or (
            role == Qt.ItemDataRole.ForegroundRole and key in ("verdict", "risk"))
        if not (shown or styled):
            return None
        row = self._page(index.row() // PAGE_SIZE)[index.row() % PAGE_SIZE]
        value = row[index.column()]
        if shown:
            if key == "verdict" and value and _provisional(row):
                return provisional_label(value, role == Qt.ItemDataRole.ToolTipRole)
            return value_label(key, value)
        if role == Qt.ItemDataRole.FontRole:
            if not _provisional(row):
                return None
            font = QFont()
            font.setItalic(True)
            return font
        if key == "verdict":
            colour = PROVISIONAL_COLOUR if _provisional(row) else VERDICT_COLOURS.get(value)
        else:
            colour = RISK_COLOURS.get((value or "").partition(" ")[2])
        return QBrush(colour) if colour else None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return column_title(COLUMNS[section][0])
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not (0 <= column < len(COLUMNS)) or (column, order) == (self._sort_column, self._sort_order):
            return          # the view asks again for the order the queue already has
        self._sort_column, self._sort_order = column, order
        self.reload()
