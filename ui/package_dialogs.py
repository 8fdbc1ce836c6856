"""Work packages in the window: File > Open package..., Rounds > Export work packages...,
File > Merge packages... (with the preview and conflict dialogs of ui/merge_dialog).

The work itself is workbench.packages.workpackage and workbench.packages.merge, run as background tasks with
progress and Cancel on their own connection; this module only asks and shows.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Sequence

import sqlite_utils
from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
                               QHeaderView, QLabel, QLineEdit, QMainWindow, QPushButton, QTreeWidget,
                               QTreeWidgetItem, QVBoxLayout, QWidget)

from db.connection import open_database
from ui import dialogs, file_dialogs
from ui.changes import Changes
from ui.errors import show_failure
from ui.merge_dialog import MergeDialog
from ui.messages import error_text
from ui.tasks import Task
from ui.workspace import claim_workspace
from workbench.packages import workpackage
from workbench.rounds import store
from foundation.errors import WorkbenchError
from foundation.jobs import CancelToken, Progress
from workbench.packages.merge import MergeReport, merge_packages
from workbench.packages.merge_plan import Resolutions

PACKAGE_FILTER = QT_TRANSLATE_NOOP("PackageActions", "Work packages (*.qrpkg);;All files (*)")


class ExportPackagesDialog(QDialog):
    """A round, its reviewers (each ticked by default) and the folder the packages go to."""

    export_requested = Signal(str, object)      # round name, [(reviewer, Path)]

    def __init__(self, db: sqlite_utils.Database, parent: QWidget | None = None, *, folder: str = "") -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle(self.tr("Export work packages"))
        self.resize(640, 420)
        self.round_combo = QComboBox()
        for _round_id, name, _created, count in store.list_rounds(db):
            self.round_combo.addItem(self.tr("%1 (%2 cases)").replace("%1", name).replace("%2", str(count)), name)
        self.round_combo.currentIndexChanged.connect(self._fill_reviewers)
        self.reviewers = QTreeWidget()
        self.reviewers.setColumnCount(3)
        self.reviewers.setHeaderLabels([self.tr("Reviewer"), self.tr("Cases"), self.tr("File")])
        self.reviewers.setRootIsDecorated(False)
        self.reviewers.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.reviewers.header().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.reviewers.setColumnWidth(0, 160)
        self.reviewers.itemChanged.connect(lambda *_: self._update())
        self.folder_edit = QLineEdit(folder)
        self.folder_edit.textChanged.connect(lambda *_: self._update())
        browse = QPushButton(self.tr("Choose..."))
        browse.clicked.connect(self.choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("Round:"), self.round_combo)
        form.addRow(self.tr("Folder:"), folder_row)
        note = QLabel(self.tr("One file per reviewer, holding their cases of the round. Each reviewer opens "
                              "theirs with File > Open package, works offline, and sends it back to be merged."))
        note.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = self.buttons.addButton(self.tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.reviewers, 1)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        self._fill_reviewers()

    def round_name(self) -> str | None:
        return self.round_combo.currentData()

    def _fill_reviewers(self) -> None:
        self.reviewers.clear()
        name = self.round_name()
        if name is None:
            self._update()
            return
        for reviewer, count in workpackage.round_reviewers(self.db, name):
            row = QTreeWidgetItem([reviewer, str(count), workpackage.default_file_name(name, reviewer)])
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            row.setCheckState(0, Qt.CheckState.Checked)
            row.setData(0, Qt.ItemDataRole.UserRole, reviewer)
            self.reviewers.addTopLevelItem(row)
        self._update()

    def choose_folder(self) -> None:
        folder = dialogs.choose_folder(self, self.tr("Folder for the work packages"), self.folder_edit.text(),
                                     kind=file_dialogs.PACKAGES)
        if folder:
            self.folder_edit.setText(folder)

    def targets(self) -> list[tuple[str, Path]]:
        folder = Path(self.folder_edit.text().strip())
        rows = [self.reviewers.topLevelItem(i) for i in range(self.reviewers.topLevelItemCount())]
        return [(row.data(0, Qt.ItemDataRole.UserRole), folder / row.text(2)) for row in rows
                if row.checkState(0) == Qt.CheckState.Checked]

    def _update(self) -> None:
        folder = self.folder_edit.text().strip()
        self.export_button.setEnabled(bool(folder) and Path(folder).is_dir() and bool(self.targets()))

    def accept(self) -> None:
        targets = self.targets()
        if not targets or self.round_name() is None:
            return
        existing = [str(path) for _, path in targets if path.exists()]
        if existing and not dialogs.confirm(self, self.tr("Replace the packages?"),
                                            self.tr("These files exist already and will be replaced:\n%1")
                                            .replace("%1", "\n".join(existing))):
            return
        self.export_requested.emit(self.round_name(), targets)
        super().accept()


class PackageActions(QObject):
    """The window's work-package actions and what they start.

    `window` is the main window (its db, db_path, reviewer, language, tasks, panel and notify are
    used); `open_window(path, read_only)` makes another main window for an opened package, given
    by the window so that this module does not import it back.
    """

    def __init__(self, window: Any, open_window: Callable[[Path, bool], QMainWindow]) -> None:
        super().__init__(window)
        self.window = window
        self.open_window = open_window
        self.info = workpackage.package_info(window.db)
        self.open_action = QAction(self.tr("Open pac&kage..."), window)
        self.open_action.triggered.connect(lambda: self.open_package())
        self.export_action = QAction(self.tr("Export &work packages..."), window)
        self.export_action.triggered.connect(lambda: self.export_packages())
        self.merge_action = QAction(self.tr("&Merge packages..."), window)
        self.merge_action.triggered.connect(lambda: self.merge_packages())
        self.windows: list[QWidget] = []       # package windows opened from here, kept alive
        self.dialog: QDialog | None = None
        self.last_report: MergeReport | None = None
        if self.info is not None:
            # A package is the reviewer's workspace: packages are exported and merged in the manager's.
            for action in (self.export_action, self.merge_action):
                action.setEnabled(False)
                action.setToolTip(self.tr("This workspace is a work package."))
            label = QLabel(self.tr("Work package: %1 · %2").replace("%1", self.info.round_name)
                           .replace("%2", self.info.reviewer))
            window.statusBar().addPermanentWidget(label)
        if getattr(window, "read_only", False):
            for action in (self.export_action, self.merge_action):
                action.setEnabled(False)

    # -- open ------------------------------------------------------------------------------
    def open_package(self, path: str | None = None) -> QWidget | None:
        """Check a package, then open it as the workspace of a new window."""
        path = path or dialogs.open_file(self.window, self.tr("Open work package"), self.tr(PACKAGE_FILTER),
                                         kind=file_dialogs.PACKAGES)
        if not path:
            return None
        try:
            summary = workpackage.check_package(path)
        except WorkbenchError as exc:
            dialogs.error(self.window, self.tr("Cannot open the package"), error_text(exc))
            return None
        if Path(path).resolve() == Path(self.window.db_path).resolve():
            self.window.activateWindow()
            return self.window
        claim = claim_workspace(Path(path), self.window)   # one writing window per workspace, as at start-up
        if claim is None:
            return None
        lock, read_only = claim
        try:
            other = self.open_window(Path(path), read_only)
        except WorkbenchError as exc:
            if lock is not None:
                lock.release()
            dialogs.error(self.window, self.tr("Cannot open the package"), error_text(exc))
            return None
        # The window goes when closed, and with it the lock and our reference to it.
        other.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        other.destroyed.connect(lambda *_: lock.release() if lock is not None else None)
        other.destroyed.connect(lambda *_: self.windows.remove(other) if other in self.windows else None)
        other.show()
        other.select_first()
        other.statusBar().showMessage(
            self.tr("Work package for %1 in round %2: %3 cases.").replace("%1", summary.info.reviewer)
            .replace("%2", summary.info.round_name).replace("%3", str(summary.cases)), 15000)
        self.windows.append(other)
        return other

    # -- export ----------------------------------------------------------------------------
    def export_packages(self) -> ExportPackagesDialog | None:
        if not store.list_rounds(self.window.db):
            dialogs.info(self.window, self.tr("Export work packages"),
                         self.tr("There is no review round yet. Draw one with Rounds > New review round."))
            return None
        dialog = ExportPackagesDialog(self.window.db, self.window, folder=str(Path(self.window.db_path).parent))
        dialog.export_requested.connect(self.start_export)
        self.dialog = dialog
        dialog.open()
        return dialog

    def start_export(self, round_name: str, targets: Sequence[tuple[str, Path]]) -> Task:
        db_path, actor = self.window.db_path, self.window.reviewer

        def job(progress: Progress, cancel: CancelToken) -> list[workpackage.ExportResult]:
            db = open_database(db_path)     # each thread its own connection
            try:
                return workpackage.export_packages(db, round_name=round_name, targets=list(targets), actor=actor,
                                                overwrite=True, progress=progress, cancel=cancel)
            finally:
                db.close()

        task = self.window.tasks.start(self.window, self.tr("Exporting work packages"), job)
        task.finished.connect(self._exported)
        task.failed.connect(lambda exc: show_failure(self.window, self.tr("Export failed"), exc))
        task.cancelled.connect(lambda: self.window.statusBar().showMessage(
            self.tr("Export cancelled; no package was written."), 8000))
        return task

    def _exported(self, results: list[workpackage.ExportResult]) -> None:
        lines = [self.tr("%1: %2 cases → %3").replace("%1", r.reviewer).replace("%2", str(r.cases))
                 .replace("%3", str(r.path)) for r in results]
        self.window.statusBar().showMessage(self.tr("%n work package(s) written.", "", len(results)), 15000)
        dialogs.info(self.window, self.tr("Work packages written"), "\n".join(lines))

    # -- merge -----------------------------------------------------------------------------
    def merge_packages(self, paths: Sequence[str] | None = None) -> Task | None:
        paths = list(paths or dialogs.open_files(self.window, self.tr("Merge work packages"),
                                                  self.tr(PACKAGE_FILTER), kind=file_dialogs.PACKAGES))
        if not paths:
            return None
        return self._run_merge(paths, Resolutions(), dry_run=True)

    def _run_merge(self, paths: Sequence[str], resolutions: Resolutions, *, dry_run: bool) -> Task:
        db_path, actor = self.window.db_path, self.window.reviewer

        def job(progress: Progress, cancel: CancelToken) -> MergeReport:
            db = open_database(db_path)
            try:
                return merge_packages(db, paths, actor=actor, resolutions=resolutions, dry_run=dry_run,
                                      progress=progress, cancel=cancel)
            finally:
                db.close()

        self.window.panel.flush()
        title = self.tr("Reading the packages") if dry_run else self.tr("Merging the packages")
        task = self.window.tasks.start(self.window, title, job)
        task.finished.connect(lambda report: self.show_preview(paths, report) if dry_run else self._merged(report))
        task.failed.connect(lambda exc: show_failure(self.window, self.tr("Merge failed"), exc))
        task.cancelled.connect(lambda: self.window.statusBar().showMessage(
            self.tr("Merge cancelled; nothing was changed."), 8000))
        return task

    def show_preview(self, paths: Sequence[str], report: MergeReport) -> MergeDialog:
        dialog = MergeDialog(self.window.db, report, self.window.language, self.window)
        dialog.merge_requested.connect(lambda resolutions: self._run_merge(paths, resolutions, dry_run=False))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _merged(self, report: MergeReport) -> None:
        self.last_report = report
        window = self.window
        window.notify(Changes(reviews=True, rounds=True, what="merge"))
        merged = [f for f in report.files if f.outcome == "merged"]
        window.statusBar().showMessage(self.tr("%n package(s) merged.", "", len(merged)), 15000)
        refused = report.refused
        text = "\n".join(self._line(f) for f in report.files)
        if refused:
            dialogs.error(window, self.tr("Some packages were not merged"), text)
        else:
            dialogs.info(window, self.tr("Packages merged"), text)

    def _line(self, result: Any) -> str:
        if result.error is not None:
            return error_text(result.error)
        if result.outcome == "already_merged":
            return self.tr("%1: already merged; nothing changed.").replace("%1", result.name)
        if result.outcome == "unchanged":
            return self.tr("%1: nothing new; nothing changed.").replace("%1", result.name)
        return (self.tr("%1: %2 added, %3 updated, %4 kept; %5 audit entries.").replace("%1", result.name)
                .replace("%2", str(result.count("added")))
                .replace("%3", str(result.count("updated", "merged", "time", "conflict")))
                .replace("%4", str(result.count("kept"))).replace("%5", str(result.audit_entries)))
