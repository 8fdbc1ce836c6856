"""The import report: every row that was rejected, skipped or flagged, in a table that can be
sorted, filtered by outcome, copied (Ctrl+C, as tab-separated text for Excel) and saved as CSV."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Sequence

from PySide6.QtCore import (QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex,
                            QSortFilterProxyModel, Qt)
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView,
                               QLabel, QPushButton, QTableView, QVBoxLayout, QWidget)

from foundation.words import fill
from ui import dialogs, file_dialogs
from ui.messages import CONTEXT, error_text, gap, localised_params
from foundation.errors import WorkbenchError
from workbench.report.import_issues_csv import write_issues_csv
from workbench.importing.import_result import RowIssue

_Index = QModelIndex | QPersistentModelIndex


def outcome_label(outcome: str) -> str:
    labels = {
        "rejected": QCoreApplication.translate("ImportReport", "Rejected"),
        "skipped": QCoreApplication.translate("ImportReport", "Skipped"),
        "warning": QCoreApplication.translate("ImportReport", "Flagged"),
    }
    return labels.get(outcome, outcome)


def reason_text(issue: RowIssue) -> str:
    """The reason in the user's language when its template and parameters are known."""
    template = WorkbenchError.templates.get(issue.code)
    if template is None:
        return issue.reason
    translated = QCoreApplication.translate(CONTEXT, template)
    if not translated or translated == template:
        return issue.reason
    try:
        return translated.format(**localised_params(issue.params))
    except (KeyError, IndexError, ValueError):
        return issue.reason


class IssueTableModel(QAbstractTableModel):
    """Row issues; Qt.UserRole gives the value to sort by (lines as numbers)."""

    def __init__(self, issues: Sequence[RowIssue], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.issues = list(issues)
        self.reasons = [reason_text(i) for i in self.issues]
        self.headers = [self.tr("Line"), self.tr("Outcome"), self.tr("Column"), self.tr("Value"), self.tr("Reason")]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802 (Qt name)
        return 0 if parent.isValid() else len(self.issues)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802 (Qt name)
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 (Qt name)
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def text(self, row: int, column: int) -> str:
        issue = self.issues[row]
        return (str(issue.line), outcome_label(issue.outcome), issue.column or "", issue.value or "",
                self.reasons[row])[column]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.text(row, column)
        if role == Qt.ItemDataRole.UserRole:
            return self.issues[row].line if column == 0 else self.text(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class _OutcomeFilter(QSortFilterProxyModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.outcome: str | None = None
        self.setSortRole(Qt.ItemDataRole.UserRole)

    def set_outcome(self, outcome: str | None) -> None:
        self.beginFilterChange()
        self.outcome = outcome
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: _Index) -> bool:  # noqa: N802 (Qt name)
        model = self.sourceModel()
        return self.outcome is None or model.issues[row].outcome == self.outcome


class ImportReportDialog(QDialog):
    """Shown after an import, and for a past import from the list of imports."""

    def __init__(self, parent: QWidget | None, *, file_name: str, summary: str, issues: Sequence[RowIssue]) -> None:
        super().__init__(parent)
        self.file_name = file_name
        self.setWindowTitle(self.tr("Import report: %1").replace("%1", file_name))
        self.resize(980, 560)
        self.model = IssueTableModel(issues, self)
        self.proxy = _OutcomeFilter(self)
        self.proxy.setSourceModel(self.model)

        self.summary_label = QLabel(summary)
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.filter_box = QComboBox()
        counts = {o: sum(1 for i in issues if i.outcome == o) for o in ("rejected", "warning", "skipped")}
        self.filter_box.addItem(self.tr("All rows (%1)").replace("%1", str(len(issues))), None)
        for outcome, count in counts.items():
            if count:
                self.filter_box.addItem(f"{outcome_label(outcome)} ({count})", outcome)
        self.filter_box.currentIndexChanged.connect(
            lambda _i: self.proxy.set_outcome(self.filter_box.currentData()))

        self.table = self._build_table()
        self.copy_button = QPushButton(self.tr("&Copy"))
        self.copy_button.setToolTip(self.tr("Copy the selected rows, or all rows shown, for Excel"))
        self.copy_button.clicked.connect(self.copy)
        self.save_button = QPushButton(self.tr("&Save as CSV..."))
        self.save_button.clicked.connect(self.save_csv)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        self._lay_out(buttons)

    def _build_table(self) -> QTableView:
        """The rows, sorted by line; Ctrl+C copies them for Excel."""
        table = QTableView()
        table.setModel(self.proxy)
        table.setSortingEnabled(True)
        table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(24)
        header = table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((60, 80, 120, 170)):
            table.setColumnWidth(column, width)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Copy), table, activated=self.copy)
        return table

    def _lay_out(self, buttons: QDialogButtonBox) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Show:")))
        top.addWidget(self.filter_box)
        top.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.copy_button)
        bottom.addWidget(self.save_button)
        bottom.addStretch(1)
        bottom.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

    def shown_rows(self) -> list[int]:
        """Source rows of the selection, or of every row shown, in the order shown."""
        selected = {i.row() for i in self.table.selectionModel().selectedRows()}
        rows = sorted(selected) if selected else range(self.proxy.rowCount())
        return [self.proxy.mapToSource(self.proxy.index(r, 0)).row() for r in rows]

    def copied_text(self) -> str:
        def clean(text: str) -> str:
            return text.replace("\t", " ").replace("\r", " ").replace("\n", " ")
        lines = ["\t".join(self.model.headers)]
        for row in self.shown_rows():
            lines.append("\t".join(clean(self.model.text(row, c)) for c in range(self.model.columnCount())))
        return "\n".join(lines) + "\n"

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.copied_text())

    def save_csv(self) -> Path | None:
        stem = Path(self.file_name).stem or self.tr("import")
        # the suggested name in the window's language: %1 is the imported file's name without its suffix
        chosen = dialogs.save_file(self, self.tr("Save the import report"), self.tr("CSV file (*.csv)"),
                                   self.tr("%1-report.csv").replace("%1", stem), kind=file_dialogs.EXPORTS)
        if not chosen:
            return None
        path = Path(chosen if chosen.lower().endswith(".csv") else chosen + ".csv")
        issues = [self.model.issues[r] for r in self.shown_rows()]
        try:
            write_issues_csv(issues, path, reasons=reason_text)
        except WorkbenchError as exc:
            dialogs.error(self, self.tr("Cannot save the report"), error_text(exc))
            return None
        return path


def summary_text(read: int, accepted: int, unchanged: int, updated: int, rejected: int, skipped: int,
                 flagged: int = 0) -> str:
    text = fill(QCoreApplication.translate(
        "ImportReport", "Read %1 rows: %2 accepted, %3 unchanged, %4 updated, %5 rejected, %6 skipped."),
        read, accepted, unchanged, updated, rejected, skipped)
    if flagged:
        text += gap(text) + fill(QCoreApplication.translate("ImportReport", "%1 accepted row(s) flagged."), flagged)
    return text
