"""The case queue as a table model over the workspace.

It loads only the sorted list of case ids, then fetches row contents a page at a time
into a cache, so 100,000 cases open instantly. Sorting changes the SQL ORDER BY.
"""
from __future__ import annotations

from typing import Any

import sqlite_utils
from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

PAGE_SIZE = 200

# (key, SQL expression for ORDER BY and SELECT)
LATEST_REVIEW = "(SELECT id FROM reviews WHERE case_id = c.id ORDER BY id DESC LIMIT 1)"
COLUMNS: tuple[tuple[str, str], ...] = (
    ("application_number", "c.application_number"),
    ("ip_type", "c.ip_type"),
    ("title", "c.title"),
    ("examiner", "c.examiner"),
    ("department", "c.department"),
    ("decision_date", "c.decision_date"),
    ("status", f"COALESCE((SELECT status FROM reviews WHERE id = {LATEST_REVIEW}), 'not_reviewed')"),
    ("verdict", f"(SELECT verdict FROM reviews WHERE id = {LATEST_REVIEW})"),
)


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
    return "" if value is None else str(value)


class CaseTableModel(QAbstractTableModel):
    def __init__(self, db: sqlite_utils.Database, parent: Any = None) -> None:
        super().__init__(parent)
        self.db = db
        self._ids: list[int] = []
        self._pages: dict[int, list[tuple[Any, ...]]] = {}
        self._sort_column = 0
        self._sort_order = Qt.SortOrder.AscendingOrder
        self.reload()

    # -- loading ---------------------------------------------------------------------------
    def reload(self) -> None:
        """Re-read the sorted ids (after an import or a change of sort); rows load lazily."""
        self.beginResetModel()
        direction = "DESC" if self._sort_order == Qt.SortOrder.DescendingOrder else "ASC"
        expression = COLUMNS[self._sort_column][1]
        self._ids = [row[0] for row in self.db.execute(
            f"SELECT c.id FROM cases c ORDER BY {expression} {direction}, c.application_number {direction}")]
        self._pages.clear()
        self.endResetModel()

    def refresh_case(self, case_id: int) -> None:
        """A case's review changed: drop its page from the cache and repaint its row."""
        try:
            row = self._ids.index(case_id)
        except ValueError:
            return
        self._pages.pop(row // PAGE_SIZE, None)
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

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
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            row = self._page(index.row() // PAGE_SIZE)[index.row() % PAGE_SIZE]
            key = COLUMNS[index.column()][0]
            return value_label(key, row[index.column()])
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
