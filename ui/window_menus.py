"""The main window's menus and toolbar, and the actions in them.

The actions are made here but kept as attributes of the window (window.undo_action...): they
run the window's methods, the window enables them as the case on screen changes, and a
read-only window or a work package disables those that would write. Work-package actions come
from ui/package_dialogs.PackageActions, already made when the menus are filled.
"""
from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

from ui.empty_state import load_demo_cases
from ui.help_menu import HelpActions
from ui.round_progress import show_round_progress


class WindowMenus(QObject):
    """Makes the window's actions, fills its menus and toolbar, and disables what may not write."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self._file_actions()
        self._review_actions()
        self._checklist_and_round_actions()
        self.help = HelpActions(window)     # Help menu: keyboard shortcuts (F1), First steps, About
        self._fill_menus()
        self._fill_toolbar()
        self._disable_writes()

    def _action(self, text: str, slot: Callable[..., Any], *keys: QKeySequence | str) -> QAction:
        action = QAction(text, self.window)
        if keys:
            action.setShortcuts([QKeySequence(key) for key in keys])
        action.triggered.connect(slot)
        return action

    def _file_actions(self) -> None:
        w = self.window
        w.import_action = self._action(self.tr("&Import cases..."), w.import_cases,
                                       QKeySequence(QKeySequence.StandardKey.Open))
        w.import_mapped_action = self._action(self.tr("Import with &column mapping..."), w.import_cases_mapped,
                                              "Ctrl+Shift+O")
        w.imports_action = self._action(self.tr("Im&ports..."), w.show_imports)
        w.demo_action = self._action(self.tr("&Load demo cases..."), lambda: load_demo_cases(w))
        w.export_action = self._action(self.tr("&Export workbook..."), w.export_workbook, "Ctrl+E")
        w.export_pdf_action = self._action(self.tr("Export report as P&DF..."), w.export_pdf)
        # StandardKey.Quit is empty on Windows
        w.quit_action = self._action(self.tr("&Quit"), w.close, "Ctrl+Q")

    def _review_actions(self) -> None:
        w = self.window
        w.next_action = self._action(self.tr("&Next unreviewed case"), w.next_unreviewed, "Ctrl+N")
        w.complete_action = self._action(self.tr("&Complete review"), w.complete_current, "Ctrl+Return", "Ctrl+Enter")
        w.undo_action = self._action(self.tr("&Undo answer"), w.undo_answer, "Ctrl+Z")
        redo_keys = [QKeySequence("Ctrl+Shift+Z")]
        redo_keys += [k for k in QKeySequence.keyBindings(QKeySequence.StandardKey.Redo) if k not in redo_keys]
        w.redo_action = self._action(self.tr("&Redo answer"), lambda: w.undo_answer(redo=True), *redo_keys)
        w.sign_off_action = self._action(self.tr("&Sign off review"), w.panel.sign_off, "Ctrl+Shift+S")
        w.reopen_action = self._action(self.tr("Re&open signed-off review..."), w.panel.reopen)
        w.find_action = self._action(self.tr("&Find cases"), w.filter_bar.focus_search, "Ctrl+F")
        w.history_action = w.history_dock.toggleViewAction()
        w.history_action.setText(self.tr("&History of the case"))
        w.history_action.setShortcut(QKeySequence("Ctrl+H"))
        w.verify_action = self._action(self.tr("&Verify workspace integrity"), w.status_area.verify)

    def _checklist_and_round_actions(self) -> None:
        w = self.window
        w.new_checklist_action = self._action(self.tr("&New checklist..."), lambda: w.edit_checklists(new=True))
        w.edit_checklist_action = self._action(self.tr("&Edit checklists..."), lambda: w.edit_checklists(new=False))
        w.new_round_action = self._action(self.tr("&New review round..."), w.new_round)
        w.lot_verdicts_action = self._action(self.tr("&Lot verdicts..."), w.show_lot_verdicts)
        w.round_progress_action = self._action(self.tr("Round &progress..."), lambda: show_round_progress(w))
        w.new_calibration_action = self._action(self.tr("New &calibration round..."), w.new_calibration_round)
        w.calibration_action = self._action(self.tr("Calibration &view"), w.show_calibration, "Ctrl+Shift+C")
        w.reassign_action = self._action(self.tr("&Reassign this case..."), w.reassign_case)

    def _fill_menus(self) -> None:
        w = self.window
        # None is a separator.
        menus = (
            (self.tr("&File"), (w.workspaces.new_action, w.workspaces.open_action,
                                w.workspaces.recent_menu.menuAction(), w.workspaces.reviewer_action, None,
                                w.import_action, w.import_mapped_action, w.imports_action, w.demo_action, None,
                                w.export_action, w.export_pdf_action, None,
                                w.packages.open_action, w.packages.merge_action, None, w.quit_action)),
            (self.tr("&Review"), (w.next_action, w.find_action, None, w.undo_action, w.redo_action, None,
                                  w.complete_action, w.sign_off_action, w.reopen_action, None,
                                  w.history_action, w.verify_action, None,
                                  w.feedback.send_action, w.feedback.import_action, w.feedback.view_action, None,
                                  w.trend_actions.view_action, w.trend_actions.targets_action)),
            (self.tr("&Checklists"), (w.new_checklist_action, w.edit_checklist_action)),
            (self.tr("R&ounds"), (w.new_round_action, w.round_progress_action, w.lot_verdicts_action, w.reassign_action,
                                  w.packages.export_action, None, w.new_calibration_action, w.calibration_action)),
        )
        for title, actions in menus:
            menu = w.menuBar().addMenu(title)
            for action in actions:
                if action is None:
                    menu.addSeparator()
                else:
                    menu.addAction(action)
        self.help.fill(w.menuBar().addMenu(self.tr("&Help")))

    def _fill_toolbar(self) -> None:
        w = self.window
        toolbar = w.addToolBar(self.tr("Main"))
        toolbar.setObjectName("main-toolbar")
        toolbar.addAction(w.import_action)
        toolbar.addAction(w.export_action)
        toolbar.addSeparator()
        toolbar.addAction(w.next_action)

    def _disable_writes(self) -> None:
        w = self.window
        # Every action that changes the workspace; a read-only window disables them all.
        write_actions = [w.import_action, w.import_mapped_action, w.demo_action, w.complete_action, w.new_round_action,
                         w.new_calibration_action,
                         w.reassign_action, w.undo_action, w.redo_action, w.sign_off_action, w.reopen_action,
                         w.new_checklist_action, w.edit_checklist_action, *w.feedback.write_actions,
                         *w.trend_actions.write_actions]
        if w.read_only:
            for action in write_actions:
                action.setEnabled(False)
        if w.packages.info is not None:
            # A work package holds the manager's sample: cases and rounds are made in the master.
            for action in (w.import_action, w.import_mapped_action, w.demo_action, w.new_round_action, w.reassign_action,
                           w.new_calibration_action, *w.feedback.write_actions, *w.trend_actions.write_actions):
                action.setEnabled(False)
