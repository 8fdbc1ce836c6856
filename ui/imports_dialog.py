"""The imports of the workspace: file, SHA-256, time and counts; show an import's report, or
remove an import with its cases when no review work has touched them."""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel,
                               QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from foundation.words import fill
from db.connection import open_database
from ui import dialogs
from ui.import_report_dialog import ImportReportDialog, summary_text
from ui.errors import show_failure
from ui.tasks import Task, TaskRunner
from workbench.importing import history
from workbench.importing.import_uses import ImportUse, import_uses
from workbench.risk.after_import import remove_import_and_score
from foundation.jobs import CancelToken, Progress


def local_time(iso: str) -> str:
    try:
        return datetime.fromisoformat(iso).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return iso


class _NumberItem(QTableWidgetItem):
    """Sorts by number, not by text."""

    def __init__(self, value: int) -> None:
        super().__init__(str(value))
        self.setData(Qt.ItemDataRole.UserRole, value)
        self.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def __lt__(self, other: QTableWidgetItem) -> bool:
        return (self.data(Qt.ItemDataRole.UserRole) or 0) < (other.data(Qt.ItemDataRole.UserRole) or 0)


class ImportsDialog(QDialog):
    imports_changed = Signal()

    def __init__(self, parent: QWidget | None, *, db_path: Path, actor: str, tasks: TaskRunner,
                 read_only: bool = False) -> None:
        super().__init__(parent)
        self.db_path, self.actor, self.tasks, self.read_only = db_path, actor, tasks, read_only
        self.db = open_database(db_path, read_only=read_only)
        self.records: list[history.ImportRecord] = []
        self.report: ImportReportDialog | None = None
        self._closed = False
        self.setWindowTitle(self.tr("Imports"))
        self.resize(1200, 420)

        self.table = QTableWidget()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.headers = [self.tr("File"), self.tr("Imported"), self.tr("SHA-256"), self.tr("Rows read"),
                        self.tr("Accepted"), self.tr("Unchanged"), self.tr("Updated"), self.tr("Rejected"),
                        self.tr("Skipped"), self.tr("Cases now")]
        self.table.setColumnCount(len(self.headers))
        self.table.setHorizontalHeaderLabels(self.headers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _i: self.show_report())

        self.empty_label = QLabel(self.tr("Nothing has been imported into this workspace yet."))
        self.report_button = QPushButton(self.tr("Show re&port..."))
        self.report_button.clicked.connect(self.show_report)
        self.remove_button = QPushButton(self.tr("&Remove import..."))
        self.remove_button.setToolTip(self.tr("Delete the import and its cases; "
                                              "refused when a review or round uses any of them"))
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        row = QHBoxLayout()
        row.addWidget(self.report_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        self.reload()

    def reload(self) -> None:
        self.records = history.list_imports(self.db)
        self.table.setSortingEnabled(False)
        self.table.setRowCount(len(self.records))
        for row, record in enumerate(self.records):
            name = QTableWidgetItem(record.file_name)
            name.setData(Qt.ItemDataRole.UserRole, record.id)
            digest = QTableWidgetItem(record.sha256[:12] + "…")
            digest.setToolTip(record.sha256)
            digest.setData(Qt.ItemDataRole.UserRole, record.sha256)
            cells = [name, QTableWidgetItem(local_time(record.imported_at)), digest,
                     *(_NumberItem(v) for v in (record.rows_read, record.accepted, record.unchanged, record.updated,
                                                record.rejected, record.skipped, record.cases))]
            for column, item in enumerate(cells):
                self.table.setItem(row, column, item)
        self.table.setSortingEnabled(True)
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(0, max(180, min(self.table.columnWidth(0), 320)))
        self.empty_label.setVisible(not self.records)
        if self.records and not self.table.selectedItems():
            self.table.selectRow(0)
        self._update_buttons()

    def selected(self) -> history.ImportRecord | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        import_id = self.table.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole)
        return next((r for r in self.records if r.id == import_id), None)

    def select_import(self, import_id: int) -> None:
        for row in range(self.table.rowCount()):
            if self.table.item(row, 0).data(Qt.ItemDataRole.UserRole) == import_id:
                self.table.selectRow(row)
                return

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        self.report_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen and not self.read_only)

    def show_report(self) -> ImportReportDialog | None:
        record = self.selected()
        if record is None:
            return None
        summary = summary_text(record.rows_read, record.accepted, record.unchanged, record.updated, record.rejected,
                               record.skipped)
        self.report = ImportReportDialog(self, file_name=record.file_name, summary=summary,
                                         issues=history.import_issues(self.db, record.id))
        self.report.show()
        return self.report

    def remove_selected(self) -> Task | None:
        record = self.selected()
        if record is None:
            return None
        uses = import_uses(self.db, record.id)
        if uses:        # said before anything is tried, in the words of the work that keeps the cases
            dialogs.error(self, self.tr("Remove import"), self.uses_text(record, uses))
            return None
        question = fill(self.tr("Remove the import of %1 (%2) and its %3 case(s)? Cases that a later import "
                                "updated belong to that import and stay; cases this import updated are removed."),
                        record.file_name, local_time(record.imported_at), record.cases)
        if not dialogs.confirm(self, self.tr("Remove import"), question):
            return None
        db_path, actor, import_id = self.db_path, self.actor, record.id

        def job(progress: Progress, cancel: CancelToken) -> int:
            db = open_database(db_path)
            try:
                return remove_import_and_score(db, import_id, actor=actor, progress=progress, cancel=cancel)
            finally:
                db.close()

        task = self.tasks.start(self, self.tr("Removing %1").replace("%1", record.file_name), job)
        task.finished.connect(self._removed)
        task.failed.connect(self._remove_failed)
        return task

    def uses_text(self, record: history.ImportRecord, uses: tuple[ImportUse, ...]) -> str:
        """"2 reviews and 57 cases in rounds use it": why the import must stay."""
        parts = []
        for use in uses:
            one = use.count == 1
            if use.table == "reviews":
                text = self.tr("1 review") if one else self.tr("%1 reviews")
            elif use.table == "round_cases":
                text = self.tr("1 case in rounds") if one else self.tr("%1 cases in rounds")
            else:
                text = (self.tr("1 case in %2") if one else self.tr("%1 cases in %2")).replace("%2", use.table)
            parts.append(text.replace("%1", str(use.count)))
        joined = parts[0] if len(parts) == 1 else self.tr("%1 and %2").replace(
            "%1", self.tr(", ").join(parts[:-1])).replace("%2", parts[-1])
        examples = sorted({n for use in uses for n in use.examples})[:3]
        return (self.tr("The import of %1 cannot be removed: %2 use it (for example %3). Review work is kept, "
                        "so its cases stay. Nothing was removed.")
                .replace("%1", record.file_name).replace("%2", joined).replace("%3", ", ".join(examples)))

    def _removed(self, deleted: int) -> None:
        if not self._closed:
            self.reload()
        self.imports_changed.emit()

    def _remove_failed(self, exc: BaseException) -> None:
        show_failure(self, self.tr("The import was not removed"), exc)

    def done(self, result: int) -> None:
        if not self._closed:
            self._closed = True
            self.db.close()
        super().done(result)
