"""The main window: the case queue on the left, the case and its checklist on the right."""
from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import Any, Callable

import sqlite_utils
from PySide6.QtCore import QT_TRANSLATE_NOOP, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import QApplication, QTabWidget
from PySide6.QtWidgets import (QAbstractItemView, QDockWidget, QMainWindow, QSplitter,
                               QTableView, QVBoxLayout, QWidget)

from db.connection import open_database
from ui import dialogs, export_actions
from ui.file_dialogs import IMPORTS
from ui.calibration_view import CalibrationView
from ui.case_model import CaseTableModel
from ui.changes import Changes
from ui.history_panel import HistoryPanel
from ui.queue_filters import QueueFilterBar, choose_my_cases
from ui.queue_view import QueueHeader
from ui.messages import error_text, gap
from ui.package_dialogs import PackageActions
from ui.dashboard import DashboardView
from ui.empty_state import EmptyState
from ui.errors import show_failure
from ui.feedback_actions import FeedbackActions
from ui.review_panel import ReviewPanel
from ui.shortcuts import WindowKeysFirst
from ui.status_area import StatusArea
from ui.tasks import Task, TaskRunner
from ui.trend_actions import TrendActions
from ui.window_menus import WindowMenus
from ui.workspace_actions import WorkspaceActions
from workbench.review import checklist_store
from foundation.words import fill
from foundation.errors import WorkbenchError
from workbench.importing.import_result import ImportResult
from workbench.risk.after_import import import_and_score
from foundation.jobs import CancelToken, Progress
from workbench.packages.workpackage import package_reviewer
from foundation.paths import resource_dir

log = logging.getLogger("workbench.ui")

IMPORT_FILTER = QT_TRANSLATE_NOOP(
    "MainWindow", "Case lists (*.csv *.txt *.tsv *.xlsx *.xlsm *.xls *.xml *.htm *.html);;All files (*)")


class MainWindow(QMainWindow):
    # The one "what changed" notification: every domain write made from the window ends with it
    # (ui/changes.py); _on_data_changed refreshes every view from it.
    data_changed = Signal(object)

    def __init__(self, db_path: Path, reviewer: str, language: str, parent: QWidget | None = None, *,
                 read_only: bool = False, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(parent)
        self.clock = clock      # active review time (tests give a fake one from the start)
        self.db_path = db_path
        self.reviewer = reviewer
        self.language = language
        # Read-only: another instance holds the workspace (ui/workspace.claim_workspace); this window
        # may look but never write, and SQLite would refuse if it tried.
        self.read_only = read_only
        self.db: sqlite_utils.Database = open_database(db_path, read_only=read_only)
        # A work package is worked under the name of the reviewer it was made for.
        self.reviewer = package_reviewer(self.db) or reviewer
        if not read_only:
            checklist_store.install_builtins(self.db)
        self.tasks = TaskRunner(self)
        self.last_import: ImportResult | None = None
        # Qt appends the application's display name ("— Quality Review Workbench") itself.
        self.setWindowTitle(db_path.name if not read_only else
                            self.tr("%1 (read-only)").replace("%1", db_path.name))
        self.resize(1400, 860)
        self._build()
        choose_my_cases(self.filter_bar)      # a reviewer with round assignments starts on My cases
        self.status_area.update_counts()
        # Is the workspace intact? Checked in the background (ui/status_area.py).
        self.status_area.start_check()

    # -- layout ----------------------------------------------------------------------------
    def _build(self) -> None:
        queue_side = self._build_queue()
        self._build_panel()
        self._build_history()
        self._build_tabs(queue_side)
        self.packages = PackageActions(self, self._package_window)
        self.feedback = FeedbackActions(self)      # Review > Feedback..., Import dispute responses..., Disputes tab
        self.trend_actions = TrendActions(self)    # Review > Trends view, Pendency targets...
        self.status_area = StatusArea(self, self.db_path, self.model, read_only=self.read_only)
        self.workspaces = WorkspaceActions(self)   # File > New/Open/Recent workspaces, the reviewer, the title
        self.model.counts_changed.connect(self.status_area.update_counts)
        self.model.rows_loaded.connect(self._select_current_when_loaded)
        self.menus = WindowMenus(self)
        self.empty_state.bind(self.import_action, self.demo_action, self.packages.open_action)
        self.keys_first = WindowKeysFirst(self, self.findChildren(QAction))

    def _build_queue(self) -> QWidget:
        """The case table under its filter bar."""
        self.model = CaseTableModel(self.db, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # The model is already in application-number order: the view asks for it and nothing is read again.
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.queue_header = QueueHeader(self.table)      # order and widths, remembered (ui/queue_view.py)
        self.table.selectionModel().currentRowChanged.connect(self._on_row_changed)

        self.filter_bar = QueueFilterBar(self.db, me=self.reviewer)
        self.filter_bar.changed.connect(self.apply_filter)
        self.filter_bar.search.returnPressed.connect(self._search_entered)
        self._choices_signature = self._data_signature()
        self.model.modelReset.connect(self._reload_choices_if_needed)
        queue_side = QWidget()
        queue_layout = QVBoxLayout(queue_side)
        queue_layout.setContentsMargins(4, 4, 0, 0)
        queue_layout.addWidget(self.filter_bar)
        queue_layout.addWidget(self.table)
        return queue_side

    def _build_panel(self) -> None:
        """The case and its checklist; its writes come back through notify (the one change signal)."""
        self.panel = ReviewPanel(self.db, self.reviewer, self.language, read_only=self.read_only, clock=self.clock)
        self.panel.changed.connect(self.notify)
        self.data_changed.connect(self._on_data_changed)
        self.panel.undo_changed.connect(self._update_review_actions)
        self.panel.message.connect(lambda text: self.statusBar().showMessage(text, 8000))

    def _build_history(self) -> None:
        self.history = HistoryPanel(self.db, self.language, actor=self.reviewer)
        self.history_dock = QDockWidget(self.tr("History"), self)
        self.history_dock.setObjectName("history-dock")
        self.history_dock.setWidget(self.history)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.history_dock)
        self.history_dock.hide()
        self.history_dock.visibilityChanged.connect(self._history_shown)

    def _build_tabs(self, queue_side: QWidget) -> None:
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(queue_side)
        splitter.addWidget(self.panel)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([520, 880])
        # The dashboard is a tab beside the review work; File > Export writes what it shows.
        self.dashboard = DashboardView(self.db, self.language)
        self.dashboard.export_requested.connect(self.export_workbook)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.empty_state = EmptyState(self, splitter)    # no cases yet: the next steps, as buttons
        self.tabs.addTab(self.empty_state.stack, self.tr("Review"))
        self.tabs.addTab(self.dashboard, self.tr("Dashboard"))
        # Calibration rounds: blind answers side by side, agreement and the consensus (ui/calibration_view).
        self.calibration = CalibrationView(self.db, self.reviewer, self.language, read_only=self.read_only)
        self.calibration.changed.connect(self.notify)
        self.calibration.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.calibration.open_case.connect(self._review_case)
        self.tabs.addTab(self.calibration, self.tr("Calibration"))
        self.setCentralWidget(self.tabs)

    # -- queue -----------------------------------------------------------------------------
    def _on_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        case_id = self.model.case_id(current.row()) if current.isValid() else None
        if case_id is not None and case_id == self.panel.case_id:
            return       # the case on screen selected again (the queue was read again): nothing to show anew
        self.panel.show_case(case_id)
        if self.history_dock.isVisible():
            self.history.show_case(self.panel.case_id)
        else:
            self.history.case_id = self.panel.case_id      # read when the panel is shown
        self._update_review_actions()

    def select_case(self, case_id: int) -> None:
        row = self.model.row_of(case_id)
        if row is None:
            return
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)

    def select_first(self) -> None:
        first = self.model.case_id(0)
        if first is not None:
            self.select_case(first)

    def next_unreviewed(self) -> None:
        """The next case of the queue (in its order and filter) not completed or signed off."""
        found = self.model.next_unreviewed(self.panel.case_id, reviewer=self.reviewer)   # their own first
        if found is None:
            self.statusBar().showMessage(self.tr("Every case in the queue is reviewed."), 5000)
            return
        self.select_case(found)
        self.panel.view.setFocus()

    def apply_filter(self, case_filter: Any) -> None:
        current = self.panel.case_id
        self.model.set_filter(case_filter)
        if current is not None and self.model.row_of(current) is not None:
            self.select_case(current)       # the case being reviewed stays selected

    def _select_current_when_loaded(self) -> None:
        """A big queue's rows after its first page arrived: the case on screen, if among them and
        not selected yet (it was beyond the first page), is selected again."""
        current = self.panel.case_id
        index = self.table.currentIndex()
        if current is not None and (not index.isValid() or self.model.case_id(index.row()) != current):
            self.select_case(current)

    def _search_entered(self) -> None:
        """Enter in the search box opens the first case found, ready for answering."""
        if self.model.rowCount() and (self.panel.case_id is None or self.model.row_of(self.panel.case_id) != 0):
            self.select_first()
        self.panel.view.setFocus()

    def _data_signature(self) -> tuple:
        return tuple(self.db.execute("SELECT (SELECT COUNT(*) FROM cases), (SELECT MAX(id) FROM cases),"
                                     " (SELECT MAX(id) FROM reviews)").fetchone())

    def _reload_choices_if_needed(self) -> None:
        """New cases or reviews may bring new departments, examiners and reviewers to filter by."""
        signature = self._data_signature()
        if signature != self._choices_signature:
            self._choices_signature = signature
            self.filter_bar.reload_choices()

    def notify(self, changes: Changes) -> None:
        """Say what a write changed; the one handler below refreshes every view from it."""
        log.debug("changed: %s", changes)
        self.data_changed.emit(changes)

    def _on_data_changed(self, changes: Changes) -> None:
        """The one handler: the queue, the case panel, History, the Dashboard and the actions
        read again what the write changed. No dialog or panel refreshes another view itself."""
        case_id = self.panel.case_id
        if changes.all_cases:
            self.model.reload()
            if case_id is not None and self.model.row_of(case_id) is not None:
                self.select_case(case_id)       # the queue keeps the case on screen selected
        else:
            for changed in sorted(changes.case_ids):
                self.model.refresh_case(changed)
        if changes.concerns(case_id):
            self.panel.refresh()
        if self.history_dock.isVisible() and changes.concerns(self.panel.case_id):
            self.history.show_case(self.panel.case_id)
        else:
            self.history.case_id = self.panel.case_id
        self.dashboard.mark_changed()
        self.calibration.mark_changed()
        self.feedback.disputes.mark_changed(changes)
        lot_verdicts = getattr(self, "lot_verdicts", None)
        if lot_verdicts is not None and lot_verdicts.isVisible() and (changes.reviews or changes.rounds):
            lot_verdicts.reload_rounds()
        self.status_area.update_counts()
        self._update_review_actions()

    def _history_shown(self, shown: bool) -> None:
        if shown:
            if not getattr(self, "_history_sized", False):     # a strip, not half the window
                self._history_sized = True
                self.resizeDocks([self.history_dock], [190], Qt.Orientation.Vertical)
            self.history.refresh()

    def _update_review_actions(self) -> None:
        panel = self.panel
        writable = not self.read_only and panel.checklist is not None
        self.undo_action.setEnabled(writable and panel.can_undo())
        self.undo_action.setText(panel.undo_text() or self.tr("&Undo answer"))
        self.redo_action.setEnabled(writable and panel.can_redo())
        self.redo_action.setText(panel.redo_text() or self.tr("&Redo answer"))
        self.sign_off_action.setEnabled(writable and not panel.locked)
        self.reopen_action.setEnabled(writable and panel.locked)
        self.complete_action.setEnabled(writable and not panel.locked)

    # -- checklists --------------------------------------------------------------------------
    def edit_checklists(self, *, new: bool = False) -> Any:
        """The checklist editor (non-modal): create, clone or edit a template; saving stores a new version."""
        from ui.checklist_editor import ChecklistEditor
        self.checklist_editor = ChecklistEditor(self.db, self.language, self)
        self.checklist_editor.saved.connect(lambda _row: self.notify(Changes(checklists=True, what="checklist")))
        if new:
            self.checklist_editor.new_template()
        self.checklist_editor.show()
        return self.checklist_editor

    # -- import and export -------------------------------------------------------------------
    def is_empty(self) -> bool:
        return self.db.execute("SELECT COUNT(*) FROM cases").fetchone()[0] == 0

    def offer_demo(self) -> None:
        if not self.read_only and self.is_empty() and dialogs.confirm(
                self, self.tr("Empty workspace"),
                self.tr("This workspace has no cases yet. Load the bundled demo samples "
                        "(300 examination cases) to try the workbench?"), default_yes=True):
            self.load_demo()

    def load_demo(self) -> Task:
        """The demo cases, imported on a worker with progress: the offer, File > Load demo cases, the empty state."""
        return self.start_import(resource_dir() / "samples" / "demo_cases.csv")

    def import_cases(self) -> None:
        path = dialogs.open_file(self, self.tr("Import cases"), self.tr(IMPORT_FILTER), kind=IMPORTS)
        if not path:
            return
        from workbench.importing.readers import visible_sheets
        try:
            sheets = visible_sheets(Path(path))
        except WorkbenchError as exc:
            show_failure(self, self.tr("Import failed"), exc)
            return
        if len(sheets) > 1:      # a workbook of several sheets: the person picks one, seeing its columns
            self.import_with_mapping(Path(path))
        else:
            self.start_import(Path(path))

    def import_cases_mapped(self) -> None:
        path = dialogs.open_file(self, self.tr("Import cases"), self.tr(IMPORT_FILTER), kind=IMPORTS)
        if path:
            self.import_with_mapping(Path(path))

    def import_with_mapping(self, path: Path) -> Task | None:
        """Show the file's columns (and sheets) with the guessed mapping; import what is chosen."""
        from PySide6.QtWidgets import QApplication

        from ui import mapping_dialog
        from workbench.importing.preview import FilePreview, preview_file

        def load(sheet: str | None, header_line: int | None) -> FilePreview:
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                return preview_file(self.db, path, sheet=sheet, header_line=header_line)
            finally:
                QApplication.restoreOverrideCursor()
        try:
            preview = load(None, None)
        except WorkbenchError as exc:
            show_failure(self, self.tr("Import failed"), exc)
            return None
        choice = mapping_dialog.ask_mapping(self, preview, load)
        if choice is None:
            return None
        return self.start_import(path, mapping=choice.mapping, sheet=choice.sheet, header_line=choice.header_line,
                                 remember=choice.remember)

    def start_import(self, path: Path, *, mapping: dict[str, str] | None = None, sheet: str | None = None,
                     header_line: int | None = None, remember: bool = False) -> Task:
        db_path = self.db_path

        def job(progress: Progress, cancel: CancelToken) -> ImportResult:
            db = open_database(db_path)     # each thread its own connection
            try:
                return import_and_score(db, path, mapping=mapping, sheet=sheet, header_line=header_line,
                                   remember_mapping=remember, progress=progress, cancel=cancel)
            finally:
                db.close()

        task = self.tasks.start(self, self.tr("Importing %1").replace("%1", path.name), job)
        task.finished.connect(self._import_done)
        task.failed.connect(lambda exc: self._import_failed(path, exc, mapping is not None))
        task.cancelled.connect(lambda: self.statusBar().showMessage(
            self.tr("Import cancelled; nothing was changed."), 8000))
        return task

    def _import_failed(self, path: Path, exc: BaseException, mapped: bool) -> None:
        if isinstance(exc, WorkbenchError) and exc.code == "import.no_header" and not mapped:
            # The columns were not recognised: let the person say which is which.
            self.statusBar().showMessage(self.tr("The columns of %1 were not recognised; choose them.")
                                         .replace("%1", path.name), 15000)
            self.import_with_mapping(path)
            return
        show_failure(self, self.tr("Import failed"), exc)

    def _import_done(self, result: ImportResult) -> None:
        from ui.import_report_dialog import ImportReportDialog, summary_text
        self.last_import = result
        self.notify(Changes(cases=True, reviews=True, what="import"))
        if self.panel.case_id is None:
            self.select_first()
        summary = summary_text(result.read, result.accepted, result.unchanged, result.updated, result.rejected,
                               result.skipped, len(result.warnings))
        if not result.changed:
            summary += gap(summary) + self.tr("Nothing was changed in the workspace.")
        self.statusBar().showMessage(summary, 15000)
        if result.rejected or result.warnings:
            self.report_dialog = ImportReportDialog(self, file_name=Path(result.path).name, summary=summary,
                                                    issues=result.issues)
            self.report_dialog.show()

    def show_imports(self) -> None:
        from ui.imports_dialog import ImportsDialog
        self.imports_dialog = ImportsDialog(self, db_path=self.db_path, actor=self.reviewer, tasks=self.tasks,
                                            read_only=self.read_only)
        self.imports_dialog.imports_changed.connect(
            lambda: self.notify(Changes(cases=True, reviews=True, what="remove_import")))
        self.imports_dialog.show()

    def export_workbook(self, pdf: bool = False) -> Task | None:
        """File > Export workbook, or (pdf) File > Export report as PDF: the Dashboard's round and period."""
        return export_actions.export(self, pdf)

    def export_pdf(self) -> Task | None:
        return self.export_workbook(pdf=True)

    def start_export(self, path: Path) -> Task:
        return export_actions.start(self, path)

    def new_round(self) -> Any:
        """Open the round wizard (non-modal); once the round is drawn the queue shows its open reviews."""
        from ui.round_wizard import RoundWizard
        self.round_wizard = RoundWizard(self.db, self.db_path, self.tasks, self.reviewer, self,
                                        language=self.language)
        self.round_wizard.round_created.connect(self._round_created)
        self.round_wizard.open()
        return self.round_wizard

    def new_calibration_round(self) -> Any:
        """Rounds > New calibration round (non-modal); once created the Calibration tab shows it."""
        from ui.calibration_dialog import NewCalibrationDialog
        self.calibration_dialog = NewCalibrationDialog(self.db, self.db_path, self.tasks, self.reviewer, self)
        self.calibration_dialog.round_created.connect(self._calibration_created)
        self.calibration_dialog.open()
        return self.calibration_dialog

    def _calibration_created(self, rnd: Any) -> None:
        self.notify(Changes(reviews=True, rounds=True, what="calibration_round"))
        self.statusBar().showMessage(fill(self.tr("Calibration round %1: %2 case(s), each reviewed blind by %3."),
                                          rnd.name, len(rnd.cases), ", ".join(rnd.reviewers)), 15000)
        self.calibration.select_round(rnd.id)
        self.show_calibration(follow_case=False)

    def show_calibration(self, *, follow_case: bool = True) -> CalibrationView:
        """The Calibration tab, at the Review tab's case when a calibration round holds it; keys to its table."""
        if follow_case and self.tabs.currentWidget() is not self.calibration:
            self.calibration.show_case_of(self.panel.case_id)
        self.tabs.setCurrentWidget(self.calibration)
        self.calibration.focus_table()
        return self.calibration

    def _review_case(self, case_id: int) -> None:
        """The Calibration tab's "Review this case": the case in the Review tab, for answering."""
        self.tabs.setCurrentIndex(0)
        if self.model.row_of(case_id) is None:
            self.filter_bar.clear()
        self.select_case(case_id)
        self.panel.view.setFocus()

    def undo_answer(self, *, redo: bool = False) -> None:
        """Ctrl+Z / Ctrl+Shift+Z: the review panel's answers, never unseen from the Calibration tab
        (where Ctrl+Z would otherwise undo a review answer, not the consensus just given)."""
        if self.tabs.currentWidget() in (self.calibration, self.feedback.disputes):
            QApplication.beep()
            self.statusBar().showMessage(self.tr("Undo and redo apply to review answers, on the Review tab."), 8000)
            return
        if redo:
            self.panel.redo()
        else:
            self.panel.undo()

    def complete_current(self) -> bool:
        """Ctrl+Enter: the consensus on the Calibration tab, the decision on the Disputes tab, else the review."""
        if self.tabs.currentWidget() is self.calibration:
            return self.calibration.complete_consensus()
        if self.feedback.shown():
            return self.feedback.disputes.decide()
        return self.panel.complete()

    def show_lot_verdicts(self) -> Any:
        """Acceptance rounds: the verdict per lot (non-modal, refreshed each time it is shown)."""
        from ui.lot_verdicts_dialog import LotVerdictsDialog
        if getattr(self, "lot_verdicts", None) is None:
            self.lot_verdicts = LotVerdictsDialog(self.db, self)
        self.lot_verdicts.show()
        self.lot_verdicts.raise_()
        return self.lot_verdicts

    def reassign_case(self) -> bool:
        """Give the current case of its latest round to another reviewer, with a reason (audited)."""
        from workbench.rounds import store
        case_id = self.panel.case_id
        row = self.db.execute(
            "SELECT r.name, rc.reviewer FROM round_cases rc JOIN rounds r ON r.id = rc.round_id"
            " WHERE rc.case_id = ? ORDER BY r.id DESC LIMIT 1", [case_id or -1]).fetchone()
        if row is None:
            dialogs.error(self, self.tr("Reassign case"), self.tr("This case is not in a review round."))
            return False
        round_name, current = row
        names = [r.name for r in store.get_round(self.db, round_name).reviewers if r.name != current]
        reviewer = dialogs.choose_item(
            self, self.tr("Reassign case"),
            self.tr("Round %1, now with %2. Give the case to:").replace("%1", round_name)
            .replace("%2", current or self.tr("nobody")), names)
        if reviewer is None:
            return False
        reason = dialogs.ask_text(self, self.tr("Reassign case"), self.tr("Why does the case move?"))
        if reason is None:
            return False
        try:
            store.reassign(self.db, round_name, case_id, reviewer, actor=self.reviewer, reason=reason)
        except WorkbenchError as exc:
            dialogs.error(self, self.tr("Reassign case"), error_text(exc))
            return False
        self.notify(Changes(reviews=True, rounds=True, case_ids=frozenset([case_id]), what="reassign"))
        self.statusBar().showMessage(self.tr("The case now belongs to %1.").replace("%1", reviewer), 8000)
        return True

    def _round_created(self, result: Any) -> None:
        self.notify(Changes(reviews=True, rounds=True, what="round"))
        choose_my_cases(self.filter_bar)
        self.statusBar().showMessage(fill(self.tr("Round %1: %2 case(s) drawn (seed %3)."), result.name,
                                          len(result.cases), str(result.seed)), 15000)

    def _package_window(self, path: Path, read_only: bool) -> MainWindow:
        """Another window, for a work package opened from this one (ui/package_dialogs)."""
        return MainWindow(path, self.reviewer, self.language, read_only=read_only)

    # -- closing -----------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt name)
        self.panel.flush()    # answers are already stored; this keeps the comment and the time
        self.filter_bar.stop()
        self.status_area.stop()
        self.tasks.shutdown()
        self.dashboard.shutdown()
        self.model.shutdown()
        self.calibration.shutdown()
        self.db.close()
        super().closeEvent(event)

    def showEvent(self, event: Any) -> None:  # noqa: N802 (Qt name)
        super().showEvent(event)
        # Ask for the keyboard focus when first shown: without a window manager (a kiosk, a
        # virtual display) the window otherwise gets keys but is never "active", and every
        # Ctrl shortcut (Ctrl+N, Ctrl+Z...) would be dead.
        if not getattr(self, "_activated_once", False):
            self._activated_once = True
            from PySide6.QtCore import QTimer
            QTimer.singleShot(0, self.activateWindow)

    def changeEvent(self, event: Any) -> None:  # noqa: N802 (Qt name)
        from PySide6.QtCore import QEvent
        if event.type() == QEvent.Type.ActivationChange:
            self.panel.set_window_active(self.isActiveWindow())
        super().changeEvent(event)
