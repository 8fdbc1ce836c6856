"""Trends in the window (issue 16): Review > Trends view (Ctrl+Shift+T) opens the Dashboard's Trend
page (ui/trend_panel.py), and Review > Pendency targets… sets the target per IP type
(ui/targets_dialog.py). Made by the main window before its menus (as ui/feedback_actions.py), kept
as `window.trend_actions`; the targets' write ends in the window's one change notification.
"""
from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

from ui.changes import Changes
from ui.targets_dialog import TargetsDialog


class TrendActions(QObject):
    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.dialog: TargetsDialog | None = None
        self.view_action = self._action(self.tr("&Trends view"), self.show_trends, "Ctrl+Shift+T")
        self.targets_action = self._action(self.tr("Pendency tar&gets..."), self.edit_targets)
        # Targets are the master workspace's, never set from a read-only window or a work package.
        self.write_actions = (self.targets_action,)

    def _action(self, text: str, slot: Callable[..., Any], *keys: str) -> QAction:
        action = QAction(text, self.window)
        if keys:
            action.setShortcuts([QKeySequence(key) for key in keys])
        action.triggered.connect(lambda: slot())
        return action

    def show_trends(self) -> Any:
        """The Dashboard tab at its Trend page."""
        self.window.tabs.setCurrentWidget(self.window.dashboard)
        self.window.dashboard.show_trends()
        return self.window.dashboard.trends.trend_page

    def edit_targets(self) -> TargetsDialog:
        self.dialog = TargetsDialog(self.window.db, self.window.reviewer, self.window)
        self.dialog.saved.connect(self._saved)
        self.dialog.open()
        return self.dialog

    def _saved(self, changed: list[str]) -> None:
        self.window.notify(Changes(targets=True, what="pendency_targets"))
        self.window.statusBar().showMessage(
            self.tr("Pendency targets saved (%n IP type(s) changed).", "", len(changed)), 8000)
