"""The Disputes view's table: one row per finding sent to an examiner, with the examiner's
response, the state of the dispute and the response deadline (overdue ones highlighted).

The rows are `workbench.feedback.decisions.DisputeRow`s, chosen and ordered by
`decisions.select_rows`; words for states, responses and decisions are here (translation
context "Disputes"), for the view's detail and decision panel too.
"""
from __future__ import annotations

from datetime import date
from typing import Any, Sequence

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from ui.calibration_model import severity_label
from workbench.feedback.decisions import DisputeRow
from workbench.feedback.findings import ChecklistTexts

OVERDUE_COLOUR = QColor("#b3261e")
OVERDUE_BACKGROUND = QColor("#fbe0dd")
OPEN_COLOUR = QColor("#8a4b00")
SETTLED_COLOUR = QColor("#6b6b6b")
FINDING_ROLE = Qt.ItemDataRole.UserRole
translate = QCoreApplication.translate
COLUMNS = ("finding", "examiner", "case", "item", "severity", "state", "response", "deadline")


def column_title(key: str) -> str:
    titles = {"finding": translate("Disputes", "Finding ID"), "examiner": translate("Disputes", "Examiner"),
              "case": translate("Disputes", "Case"), "item": translate("Disputes", "Item"),
              "severity": translate("Disputes", "Severity"), "state": translate("Disputes", "State"),
              "response": translate("Disputes", "Response"), "deadline": translate("Disputes", "Respond by")}
    return titles[key]


def decision_label(decision: str | None) -> str:
    labels = {"uphold": translate("Disputes", "Upheld"), "overturn": translate("Disputes", "Overturned"),
              "severity": translate("Disputes", "Severity changed")}
    return labels.get(decision or "", decision or "")


def response_label(response: str | None) -> str:
    labels = {"agree": translate("Disputes", "Agree"), "disagree": translate("Disputes", "Disagree")}
    return labels.get(response or "", "–")


def state_label(row: DisputeRow, today: date) -> str:
    """'Disputed', 'Agreed', 'No response · overdue', or the decision taken."""
    if row.state == "decided":
        return decision_label(row.decision)
    labels = {"open": translate("Disputes", "Disputed"), "agreed": translate("Disputes", "Agreed"),
              "no_response": translate("Disputes", "No response")}
    text = labels[row.state]
    return text + " · " + translate("Disputes", "overdue") if row.overdue(today) else text


def selection_label(which: str) -> str:
    """The names of `decisions.SELECTIONS` in the view's filter."""
    labels = {"open": translate("Disputes", "Disputed, to decide"),
              "overdue": translate("Disputes", "Overdue (no response)"),
              "no_response": translate("Disputes", "No response yet"), "agreed": translate("Disputes", "Agreed"),
              "decided": translate("Disputes", "Decided"), "all": translate("Disputes", "All findings sent")}
    return labels[which]


class DisputeTableModel(QAbstractTableModel):
    def __init__(self, texts: ChecklistTexts, language: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.texts, self.language = texts, language
        self.rows: list[DisputeRow] = []
        self.today = date.min

    def item_text(self, row: DisputeRow) -> str:
        """The checklist item's question, from the review's frozen checklist ('' if not found)."""
        item = self.texts.item_in(row.checklist_id, row.item_id) if row.checklist_id is not None else None
        return item.text.get(self.language) if item is not None else ""

    def show(self, rows: Sequence[DisputeRow], today: date) -> None:
        self.beginResetModel()
        self.rows, self.today = list(rows), today
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def finding_id(self, row: int) -> int | None:
        return self.rows[row].finding_id if 0 <= row < len(self.rows) else None

    def row_of(self, finding_id: int | None) -> int | None:
        return next((n for n, r in enumerate(self.rows) if r.finding_id == finding_id), None)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 (Qt name)
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(COLUMNS):
            return column_title(COLUMNS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows) or not 0 <= index.column() < len(COLUMNS):
            return None
        row, key = self.rows[index.row()], COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, key)
        if role == FINDING_ROLE:
            return row.finding_id
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, key)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._colour(row, key)
        if role == Qt.ItemDataRole.BackgroundRole and key == "deadline" and row.overdue(self.today):
            return QBrush(OVERDUE_BACKGROUND)
        if role == Qt.ItemDataRole.FontRole and key == "state" and row.state == "open":
            bold = QFont()
            bold.setBold(True)
            return bold
        if role == Qt.ItemDataRole.TextAlignmentRole and key == "finding":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, row: DisputeRow, key: str) -> str:
        values = {"finding": str(row.finding_id), "examiner": row.examiner, "case": row.application_number,
                  "item": f"{row.item_id}  {self.item_text(row)}".strip(), "severity": severity_label(row.severity) if row.severity else "–",
                  "state": state_label(row, self.today), "response": response_label(row.response),
                  "deadline": row.deadline or "–"}
        return values[key]

    def _tooltip(self, row: DisputeRow, key: str) -> str | None:
        if key == "item":
            return self.item_text(row) or None
        if key == "response" and row.reason:
            return row.reason
        if key == "deadline" and row.overdue(self.today):
            return self.tr("No response and the deadline has passed.")
        if key == "state" and row.decision_reason:
            return row.decision_reason
        return None

    def _colour(self, row: DisputeRow, key: str) -> QBrush | None:
        if row.overdue(self.today) and key in ("state", "deadline"):
            return QBrush(OVERDUE_COLOUR)
        if row.state == "open" and key == "state":
            return QBrush(OPEN_COLOUR)
        if row.state in ("agreed", "decided"):
            return QBrush(SETTLED_COLOUR)
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
