"""The case queue as a table model over the workspace.

It loads only the sorted list of case ids the filter selects (workbench.review.queue), then
fetches row contents a page at a time into a cache, so 100,000 cases open instantly.
Sorting changes the SQL ORDER BY; filtering and searching change the WHERE.
"""
from __future__ import annotations

from typing import Any

import sqlite_utils
from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from workbench.review import queue
from workbench.review.queue import CaseFilter

PAGE_SIZE = 200

# The risk column shows the score and its stored band ("0.65 high"); it sorts by the score.
RISK_SELECT = "(SELECT printf('%.2f', cr.score) || ' ' || cr.band FROM case_risk cr WHERE cr.case_id = c.id)"
# (key, SQL expression for SELECT; the ORDER BY is queue.COLUMNS[key])
COLUMNS: tuple[tuple[str, str], ...] = tuple((key, RISK_SELECT if key == "risk" else queue.COLUMNS[key]) for key in (
    "application_number", "ip_type", "title", "examiner", "department", "decision_date", "status", "verdict", "risk"))
VERDICT_COLOURS = {"error": QColor("#b3261e"), "defect": QColor("#9a6700"), "compliant": QColor("#1b7a3a")}
RISK_COLOURS = {"high": QColor("#b3261e"), "medium": QColor("#9a6700")}


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


def value_label(key: str, value: Any) -> str:
    """Stored codes (ip types, statuses, verdicts) in the user's language."""
    labels = {
        "invention": QCoreApplication.translate("Codes", "Invention"),
        "utility_model": QCoreApplication.translate("Codes", "Utility model"),
        "design": QCoreApplication.translate("Codes", "Design"),
        "trademark": QCoreApplication.translate("Codes", "Trademark"),
        "not_reviewed": QCoreApplication.translate("Codes", "Not reviewed"),
        "open": QCoreApplication.translate("Codes", "Open"),
        "in_progress": QCoreApplication.translate("Codes", "In progress"),
        "completed": QCoreApplication.translate("Codes", "Completed"),
        "signed_off": QCoreApplication.translate("Codes", "Signed off"),
        "error": QCoreApplication.translate("Codes", "Error"),
        "defect": QCoreApplication.translate("Codes", "Defect"),
        "compliant": QCoreApplication.translate("Codes", "Compliant"),
    }
    if key in ("ip_type", "status", "verdict") and value in labels:
        return labels[value]
    if key == "risk":
        return _risk_text(value)
    return "" if value is None else str(value)


class CaseTableModel(QAbstractTableModel):
    counts_changed = Signal()   # the cases shown or their statuses changed: status bar counts

    def __init__(self, db: sqlite_utils.Database, parent: Any = None) -> None:
        super().__init__(parent)
        self.db = db
        self._ids: list[int] = []
        self._rows: dict[int, int] = {}          # case id -> row, for refresh_case and row_of
        self._pages: dict[int, list[tuple[Any, ...]]] = {}
        self._sort_column = 0
        self._sort_order = Qt.SortOrder.AscendingOrder
        self.case_filter = CaseFilter()
        self.counts: dict[str, int] = dict.fromkeys(queue.STATUSES, 0)
        self.total = 0
        self._statuses: dict[int, str] = {}      # reviewed case id -> status of its latest review
        self.reload()

    # -- loading ---------------------------------------------------------------------------
    def reload(self) -> None:
        """Re-read the sorted, filtered ids (after an import, a change of sort or filter); rows load lazily."""
        self.beginResetModel()
        self._ids = queue.case_ids(self.db, self.case_filter, sort=COLUMNS[self._sort_column][0],
                                   descending=self._sort_order == Qt.SortOrder.DescendingOrder)
        self._rows = {case_id: row for row, case_id in enumerate(self._ids)}
        self._pages.clear()
        self._statuses = dict(self.db.execute("SELECT case_id, status FROM latest_reviews").fetchall())
        self.endResetModel()
        self._recount()

    def set_filter(self, case_filter: CaseFilter) -> None:
        if case_filter != self.case_filter:
            self.case_filter = case_filter
            self.reload()

    def _status_key(self, case_id: int) -> str:
        status = self._statuses.get(case_id, "not_reviewed")
        return "in_progress" if status == "open" else status

    def _recount(self) -> None:
        counts = dict.fromkeys(queue.STATUSES, 0)
        for case_id in self._ids:
            counts[self._status_key(case_id)] += 1
        self.counts = counts
        self.total = self.db.execute("SELECT COUNT(*) FROM cases").fetchone()[0] if self.case_filter.active \
            else len(self._ids)
        self.counts_changed.emit()

    def refresh_case(self, case_id: int) -> None:
        """A case's review changed: drop its page from the cache and repaint its row.

        The case stays in the list even if it no longer matches the filter (a reviewer who
        filters on 'not reviewed' keeps the case they are working on in view)."""
        old = self._status_key(case_id)
        status = self.db.execute("SELECT status FROM latest_reviews WHERE case_id = ?", [case_id]).fetchone()
        if status is None:
            self._statuses.pop(case_id, None)
        else:
            self._statuses[case_id] = status[0]
        row = self._rows.get(case_id)
        if row is None:
            return
        new = self._status_key(case_id)
        if new != old:
            self.counts[old] -= 1
            self.counts[new] += 1
            self.counts_changed.emit()
        self._pages.pop(row // PAGE_SIZE, None)
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def next_unreviewed(self, current: int | None) -> int | None:
        """The next case in the queue's order not yet completed or signed off, wrapping round."""
        reviewed = {case_id for case_id, status in self._statuses.items() if status in ("completed", "signed_off")}
        return queue.next_unreviewed(self._ids, reviewed, current)

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
        return self._rows.get(case_id)

    # -- Qt model interface ----------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._ids)):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            row = self._page(index.row() // PAGE_SIZE)[index.row() % PAGE_SIZE]
            key = COLUMNS[index.column()][0]
            return value_label(key, row[index.column()])
        if role == Qt.ItemDataRole.ForegroundRole and COLUMNS[index.column()][0] == "verdict":
            verdict = self._page(index.row() // PAGE_SIZE)[index.row() % PAGE_SIZE][index.column()]
            colour = VERDICT_COLOURS.get(verdict)
            return QBrush(colour) if colour else None
        if role == Qt.ItemDataRole.ForegroundRole and COLUMNS[index.column()][0] == "risk":
            value = self._page(index.row() // PAGE_SIZE)[index.row() % PAGE_SIZE][index.column()] or ""
            colour = RISK_COLOURS.get(value.partition(" ")[2])
            return QBrush(colour) if colour else None
        if role == Qt.ItemDataRole.UserRole:
            return self._ids[index.row()]
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return column_title(COLUMNS[section][0])
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not (0 <= column < len(COLUMNS)):
            return
        self._sort_column, self._sort_order = column, order
        self.reload()
